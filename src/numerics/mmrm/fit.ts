/**
 * fitMmrm: validate the specification → build the design → group subjects by missing-data pattern →
 * REML/ML by Newton–Raphson → convergence checks (SAP §5.1) → Kenward–Roger / Satterthwaite /
 * residual inference on every coefficient. Equivalent to SAS PROC MIXED
 * `MODEL y = … / ddfm=…; REPEATED visit / subject=id type=…;` (docs/mmrm.md).
 */
import { cholesky, choleskyInverse, squareMatrix } from '../linalg/dense.js';
import { buildDesignMatrix } from '../model/design.js';
import { ModelInputError } from '../model/errors.js';
import { parseModelFormula } from '../model/formula.js';
import { isMissing, levelLabel, naturalCompare } from '../model/variables.js';
import { contrastEstimate } from './contrast.js';
import { kenwardRogerCovariance } from './kenward-roger.js';
import { optimizeLikelihood } from './optimize.js';
import { groupByPattern } from './patterns.js';
import { olsResidualMoments, startTheta } from './start-values.js';
import { createCovarianceStructure } from './structures/index.js';
import { COVARIANCE_TYPES } from './structures/types.js';
import type { CovarianceStructure } from './structures/types.js';
import type {
  MmrmCoefficient,
  MmrmConvergence,
  MmrmData,
  MmrmDfMethod,
  MmrmFit,
  MmrmInferenceState,
  MmrmSpec,
} from './types.js';

/** `MMRM-US-KR`, `MMRM-AR1H-SATTERTHWAITE`, … */
export function mmrmMethodName(covariance: string, df: MmrmDfMethod): string {
  const d = df === 'kr' ? 'KR' : df === 'satterthwaite' ? 'SATTERTHWAITE' : 'RESIDUAL';
  return `MMRM-${covariance.toUpperCase()}-${d}`;
}

function validateSpec(spec: MmrmSpec): void {
  const cov = spec.covariance ?? 'us';
  if (!COVARIANCE_TYPES.includes(cov)) throw new ModelInputError('spec', `unknown covariance structure "${cov}"`);
  const est = spec.estimation ?? 'reml';
  if (est !== 'reml' && est !== 'ml') throw new ModelInputError('spec', `estimation must be reml or ml, not "${est}"`);
  const df = spec.df ?? 'kr';
  if (!['kr', 'satterthwaite', 'residual'].includes(df)) throw new ModelInputError('spec', `unknown df method "${df}"`);
  if (df === 'kr' && est !== 'reml') throw new ModelInputError('spec', 'Kenward–Roger df requires REML');
}

/** Σ positive definite and the largest |correlation|. */
function covarianceCheck(sigma: Float64Array, m: number): { pd: boolean; maxAbsCorrelation: number } {
  let maxAbs = 0;
  for (let i = 0; i < m; i++)
    for (let j = 0; j < i; j++)
      maxAbs = Math.max(maxAbs, Math.abs(sigma[i * m + j]! / Math.sqrt(sigma[i * m + i]! * sigma[j * m + j]!)));
  return { pd: cholesky(squareMatrix(m, sigma)) !== null, maxAbsCorrelation: maxAbs };
}

/**
 * Most covariance parameters REML can identify from r = n − rank(X) error contrasts: the restricted
 * likelihood depends on θ only through the r × r covariance K'Σ(θ)K of the contrasts K'y (Harville
 * 1977), which has r(r+1)/2 distinct entries. With more parameters the Hessian is singular in exact
 * arithmetic — the fit cannot meet SAP §5.1's convergence criteria — but rounding can make it look
 * positive definite, with arbitrary θ̂ and a Cov(θ̂) of 1e14.
 */
export function remlIdentifiableParameters(r: number): number {
  return r > 0 ? (r * (r + 1)) / 2 : 0;
}

/** The model cannot be fitted numerically (as opposed to a bad specification or data set). */
export class MmrmFitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MmrmFitError';
  }
}

/**
 * Each label as a number 0, 1, 2 … in order of first appearance, and how many there are. A subject's
 * observations usually come together: a label equal to the one before reuses its number without a
 * lookup (a map of 20,000 subjects looked up three times an observation grew slower with its size).
 */
export function numberByFirstAppearance(labels: readonly string[]): {
  readonly numbers: Int32Array;
  readonly count: number;
} {
  const numberOf = new Map<string, number>();
  const numbers = new Int32Array(labels.length);
  let last: string | undefined = undefined;
  let lastNumber = -1;
  for (let o = 0; o < labels.length; o++) {
    const label = labels[o] as string;
    if (label !== last) {
      let k = numberOf.get(label);
      if (k === undefined) numberOf.set(label, (k = numberOf.size));
      last = label;
      lastNumber = k;
    }
    numbers[o] = lastNumber;
  }
  return { numbers, count: numberOf.size };
}

/**
 * The class label of `column` in each of `rows`, by a loop: `Array.from` of a typed array with a mapping
 * function steps an iterator and calls a closure per row.
 */
function labelsOfRows(data: MmrmData, rows: Int32Array, column: string): string[] {
  const labels: string[] = [];
  for (let k = 0; k < rows.length; k++) labels.push(levelLabel(data[rows[k]!]![column]));
  return labels;
}

function fitFailure(message: string): never {
  throw new MmrmFitError(message);
}

export function fitMmrm(data: MmrmData, spec: MmrmSpec): MmrmFit {
  validateSpec(spec);
  const covariance = spec.covariance ?? 'us';
  const estimation = spec.estimation ?? 'reml';
  const dfMethod = spec.df ?? 'kr';
  const reml = estimation === 'reml';
  const formula = parseModelFormula(spec.formula);
  const design = buildDesignMatrix(data, {
    formula,
    classVariables: [spec.visit, ...(spec.classVariables ?? [])],
    ...(spec.reference ? { reference: spec.reference } : {}),
    requiredColumns: [spec.subject, spec.visit],
  });
  const warnings = [...design.warnings];

  // visits in covariance order (given, else natural order of the labels, so that the fit does not
  // depend on the order of the rows); subjects in order of appearance
  const usedVisitLabels = labelsOfRows(data, design.usedRows, spec.visit);
  const observed = [...new Set(usedVisitLabels)];
  let visits: string[];
  if (spec.visitLevels) {
    const unknown = observed.filter((v) => !spec.visitLevels!.includes(v));
    if (unknown.length > 0)
      throw new ModelInputError('spec', `visit levels not in the visit order: ${unknown.join(', ')}`);
    visits = spec.visitLevels.filter((v) => observed.includes(v));
    const empty = spec.visitLevels.filter((v) => !observed.includes(v));
    if (empty.length > 0) warnings.push(`visits without observations left out of the covariance: ${empty.join(', ')}`);
  } else visits = observed.sort(naturalCompare);
  const m = visits.length;
  const visitIndex = new Map(visits.map((v, i) => [v, i]));
  const subjects = numberByFirstAppearance(labelsOfRows(data, design.usedRows, spec.subject));
  const subjectOfObs = subjects.numbers;
  const visitOfObs = new Int32Array(design.usedRows.length);
  design.usedRows.forEach((_, o) => {
    visitOfObs[o] = visitIndex.get(usedVisitLabels[o]!)!;
  });
  if (data.some((row) => isMissing(row[spec.subject]) && !isMissing(row[formula.response])))
    warnings.push(`observations without ${spec.subject} were left out`);
  const patterns = groupByPattern(design, subjectOfObs, visitOfObs, subjects.count, m);
  const p = patterns.p;
  if (patterns.nObs <= p) fitFailure(`${patterns.nObs} observations cannot fit ${p} fixed effects`);

  const structure = createCovarianceStructure(covariance, m);
  if (reml) {
    const r = patterns.nObs - p;
    if (structure.q > remlIdentifiableParameters(r))
      fitFailure(`${structure.q} covariance parameters cannot be identified from ${r} REML error contrasts`);
  }
  const theta0 = startTheta(structure, olsResidualMoments(patterns));
  // structures map θ to the optimiser's scale through a Cholesky factor: a start Σ that is not
  // positive definite is a fit that cannot be started, not a programming error
  if (!theta0.every(Number.isFinite) || cholesky(squareMatrix(m, structure.sigma(theta0))) === null)
    fitFailure('no positive-definite start covariance');
  const opt = optimizeLikelihood(patterns, structure, structure.toPhi(theta0), {
    reml,
    ...(spec.maxIterations === undefined ? {} : { maxIterations: spec.maxIterations }),
  });
  if (!opt) fitFailure("the likelihood cannot be evaluated at the start values (X'V⁻¹X is singular)");
  const ev = opt.evaluation;
  const q = structure.q;

  const hessL = cholesky(squareMatrix(q, ev.hessian!));
  const W = hessL ? choleskyInverse(hessL).data.map((v) => 2 * v) : null;
  const sigma = structure.sigma(opt.theta);
  const covCheck = covarianceCheck(sigma, m);
  const converged = opt.converged && hessL !== null && covCheck.pd && covCheck.maxAbsCorrelation < 0.9999;
  const convergence: MmrmConvergence = {
    converged,
    optimizerConverged: opt.converged,
    hessianPositiveDefinite: hessL !== null,
    covariancePositiveDefinite: covCheck.pd,
    maxAbsCorrelation: covCheck.maxAbsCorrelation,
    iterations: opt.iterations,
    relativeDecrement: opt.relativeDecrement,
    message: opt.message,
  };
  if (!opt.converged) warnings.push(`optimiser did not converge: ${opt.message}`);
  if (!hessL) warnings.push('Hessian of −2 log-likelihood is not positive definite');
  if (!covCheck.pd || covCheck.maxAbsCorrelation >= 0.9999)
    warnings.push(
      `estimated covariance is degenerate (max |correlation| ${covCheck.maxAbsCorrelation.toPrecision(6)})`,
    );

  const phiAdjusted = dfMethod === 'kr' && W ? kenwardRogerCovariance(patterns, structure, ev, W) : null;
  const inference = {
    p,
    q,
    beta: ev.beta,
    phi: ev.xtvxInverse,
    phiAdjusted,
    qMatrices: ev.q!,
    thetaCovariance: W,
    residualDf: patterns.nObs - p,
  };
  // Each coefficient's inference (a Kenward–Roger df and a t quantile apiece) is made when first read:
  // the trial's analyses read only LS means, and ~40 coefficients × 29 fits were a tenth of `analyze`.
  let fixedEffects: readonly MmrmCoefficient[] | null = null;
  const nPar = reml ? q : q + p;
  return {
    method: mmrmMethodName(covariance, dfMethod),
    covariance,
    estimation,
    dfMethod,
    converged,
    convergence,
    warnings,
    nObs: patterns.nObs,
    nSubjects: patterns.nSubjects,
    nPatterns: patterns.patterns.length,
    rank: p,
    minus2LogLik: ev.objective,
    aic: ev.objective + 2 * nPar,
    bic: ev.objective + nPar * Math.log(patterns.nSubjects),
    visits,
    get fixedEffects() {
      return (fixedEffects ??= coefficientEstimates(design, inference, dfMethod));
    },
    covarianceParameters: structure.parameterNames.map((name, k) => ({ name, estimate: opt.theta[k]! })),
    covarianceMatrix: Array.from({ length: m }, (_, i) => Array.from(sigma.subarray(i * m, (i + 1) * m))),
    design,
    inference,
  };
}

/** Inference on each kept column of the design: its coefficient alone (c = e_k). */
function coefficientEstimates(
  design: MmrmFit['design'],
  inference: MmrmInferenceState,
  dfMethod: MmrmDfMethod,
): MmrmCoefficient[] {
  return design.kept.map((col, k) => {
    const c = new Float64Array(inference.p);
    c[k] = 1;
    const column = design.allColumns[col]!;
    return { name: column.name, term: column.term, levels: column.levels, ...contrastEstimate(inference, dfMethod, c) };
  });
}

export type { CovarianceStructure };
