/** Shared shapes of the GLM layer: design matrices in, result records out (no trial knowledge here). */

/** Rows = subjects, columns = intercept and covariates (dummy-coded factors included), as R's model.matrix. */
export type DesignMatrix = readonly (readonly number[])[];

/** One coefficient; every number is null when the coefficient is not estimable. */
export interface CoefficientEstimate {
  readonly name: string;
  readonly estimate: number | null;
  /** Square root of the diagonal of the inverse Fisher information. */
  readonly se: number | null;
  /** Wald statistic estimate / se. */
  readonly z: number | null;
  /** Two-sided p-value of z against the standard normal. */
  readonly p: number | null;
}

/** Fields common to every GLM result record. */
export interface GlmFitBase {
  /** false: the fit gives no usable estimate (separation, infinite estimate, rank deficiency, no convergence). */
  readonly estimable: boolean;
  readonly coefficients: readonly CoefficientEstimate[];
  /** Inverse information (row-major p × p); null when not estimable. */
  readonly covariance: readonly (readonly number[])[] | null;
  readonly deviance: number | null;
  readonly iterations: number;
  readonly converged: boolean;
  readonly warnings: string[];
}

export interface IrlsControl {
  /** Convergence when |dev − dev_old| / (|dev| + 0.1) < epsilon (glm.control's rule); default 1e-8. */
  readonly epsilon?: number;
  /** Default 25, as glm.control. */
  readonly maxIterations?: number;
}

export function coefficientNames(p: number, names: readonly string[] | undefined): string[] {
  if (names !== undefined && names.length !== p)
    throw new Error(`coefficient names: ${names.length} names for ${p} columns`);
  return names ? [...names] : Array.from({ length: p }, (_, j) => `x${j}`);
}

export function notEstimableCoefficients(names: readonly string[]): CoefficientEstimate[] {
  return names.map((name) => ({ name, estimate: null, se: null, z: null, p: null }));
}

/** Checks the shapes shared by every model: a non-empty rectangular design with finite entries and one response per row. */
export function checkDesign(x: DesignMatrix, y: readonly number[], offset?: readonly number[]): number {
  if (x.length === 0) throw new Error('design matrix has no rows');
  const p = x[0]!.length;
  if (p === 0) throw new Error('design matrix has no columns');
  if (y.length !== x.length) throw new Error(`response has ${y.length} values for ${x.length} design rows`);
  if (offset !== undefined && offset.length !== x.length)
    throw new Error(`offset has ${offset.length} values for ${x.length} design rows`);
  x.forEach((row, i) => {
    if (row.length !== p) throw new Error(`design row ${i} has ${row.length} columns, expected ${p}`);
    if (!row.every(Number.isFinite)) throw new Error(`design row ${i} has a non-finite entry`);
  });
  if (!y.every(Number.isFinite)) throw new Error('response has a non-finite value');
  if (offset !== undefined && !offset.every(Number.isFinite)) throw new Error('offset has a non-finite value');
  return p;
}
