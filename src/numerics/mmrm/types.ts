/** Public types of the MMRM engine (see docs/mmrm.md). */
import type { ModelDesign } from '../model/design.js';
import type { DataRow } from '../model/variables.js';
import type { CovarianceType } from './structures/types.js';

export type { CovarianceType } from './structures/types.js';
export type MmrmData = readonly DataRow[];
export type MmrmDfMethod = 'kr' | 'satterthwaite' | 'residual';
export type MmrmEstimation = 'reml' | 'ml';

export interface MmrmSpec {
  /** `Y ~ A*B + C` (`+`, `*`, `:`; intercept implied). */
  readonly formula: string;
  readonly subject: string;
  readonly visit: string;
  /** Visit order of the covariance (default: natural order of the labels, WEEK4 < WEEK12). */
  readonly visitLevels?: readonly string[];
  /** Default `us`. */
  readonly covariance?: CovarianceType;
  /** Default `reml`. */
  readonly estimation?: MmrmEstimation;
  /** Default `kr` (requires REML). */
  readonly df?: MmrmDfMethod;
  /** Reference level per class variable (default: first in sorted order). */
  readonly reference?: Readonly<Record<string, string>>;
  /** Numeric variables to treat as class variables (the visit always is). */
  readonly classVariables?: readonly string[];
  readonly maxIterations?: number;
}

/** One linear combination of β with its inference; null where not estimable or not computable. */
export interface MmrmEstimate {
  readonly estimate: number | null;
  readonly se: number | null;
  readonly df: number | null;
  readonly t: number | null;
  readonly p: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

export interface MmrmCoefficient extends MmrmEstimate {
  /** R-style column name, e.g. `ARMCDTRT:AVISITVIS2`. */
  readonly name: string;
  readonly term: string;
  readonly levels: Readonly<Record<string, string>>;
}

export interface MmrmCovarianceParameter {
  /** SAS's name, e.g. `UN(2,1)`, `Var(1)`, `TOEPH(1)`, `Residual`. */
  readonly name: string;
  readonly estimate: number;
}

export interface MmrmConvergence {
  /** SAP §5.1: all three conditions below. */
  readonly converged: boolean;
  readonly optimizerConverged: boolean;
  readonly hessianPositiveDefinite: boolean;
  readonly covariancePositiveDefinite: boolean;
  readonly maxAbsCorrelation: number;
  readonly iterations: number;
  /** Newton decrement g'H⁻¹g / max(1, |−2ℓ|) at the end. */
  readonly relativeDecrement: number;
  readonly message: string;
}

/** What inference on new contrasts needs (matrices over the kept columns, row-major). */
export interface MmrmInferenceState {
  readonly p: number;
  readonly q: number;
  readonly beta: Float64Array;
  /** Φ = (X'V⁻¹X)⁻¹. */
  readonly phi: Float64Array;
  /** Kenward–Roger Φ_A (null unless df = kr). */
  readonly phiAdjusted: Float64Array | null;
  /** Q_k = X'V⁻¹Σ_kV⁻¹X. */
  readonly qMatrices: readonly Float64Array[];
  /** W = Cov(θ̂) = 2H⁻¹ (null when H is not positive definite). */
  readonly thetaCovariance: Float64Array | null;
  readonly residualDf: number;
}

export interface MmrmFit {
  /** `MMRM-US-KR`, `MMRM-TOEPH-SATTERTHWAITE`, … */
  readonly method: string;
  readonly covariance: CovarianceType;
  readonly estimation: MmrmEstimation;
  readonly dfMethod: MmrmDfMethod;
  readonly converged: boolean;
  readonly convergence: MmrmConvergence;
  readonly warnings: readonly string[];
  readonly nObs: number;
  readonly nSubjects: number;
  readonly nPatterns: number;
  /** Rank of X. */
  readonly rank: number;
  /** −2 log (restricted) likelihood. */
  readonly minus2LogLik: number;
  readonly aic: number;
  readonly bic: number;
  readonly visits: readonly string[];
  readonly fixedEffects: readonly MmrmCoefficient[];
  readonly covarianceParameters: readonly MmrmCovarianceParameter[];
  /** Σ̂ over `visits`, m × m as rows. */
  readonly covarianceMatrix: readonly (readonly number[])[];
  readonly design: ModelDesign;
  readonly inference: MmrmInferenceState;
}
