/**
 * The SAP's fallback (SAP §5, §5.1): fit the unstructured covariance; if it does not converge (the
 * three conditions of `MmrmConvergence`), heterogeneous Toeplitz, then heterogeneous AR(1), then
 * compound symmetry. Reports which structure was used (`MMRM-US-KR`, `MMRM-TOEPH-KR`, `MMRM-AR1H-KR`,
 * `MMRM-CS-KR`) or that all failed (then the method is the first structure's, e.g. `MMRM-US-KR`).
 * Specification and data errors are not failures to converge: they propagate.
 */
import { MmrmFitError, fitMmrm, mmrmMethodName } from './fit.js';
import type { CovarianceType, MmrmData, MmrmFit, MmrmSpec } from './types.js';

export const SAP_COVARIANCE_ORDER: readonly CovarianceType[] = ['us', 'toeph', 'ar1h', 'cs'];

export interface MmrmAttempt {
  readonly covariance: CovarianceType;
  readonly converged: boolean;
  readonly message: string;
}

export interface MmrmFallbackResult {
  /** The first converged fit, or null when all failed. */
  readonly fit: MmrmFit | null;
  readonly method: string;
  readonly covariance: CovarianceType;
  readonly allFailed: boolean;
  readonly attempts: readonly MmrmAttempt[];
}

export function fitMmrmWithFallback(
  data: MmrmData,
  spec: Omit<MmrmSpec, 'covariance'>,
  order: readonly CovarianceType[] = SAP_COVARIANCE_ORDER,
): MmrmFallbackResult {
  if (order.length === 0) throw new Error('fitMmrmWithFallback: empty structure order');
  const df = spec.df ?? 'kr';
  const attempts: MmrmAttempt[] = [];
  for (const covariance of order) {
    try {
      const fit = fitMmrm(data, { ...spec, covariance });
      attempts.push({ covariance, converged: fit.converged, message: fit.convergence.message });
      if (fit.converged) return { fit, method: fit.method, covariance, allFailed: false, attempts };
    } catch (e) {
      if (!(e instanceof MmrmFitError)) throw e;
      attempts.push({ covariance, converged: false, message: e.message });
    }
  }
  return { fit: null, method: mmrmMethodName(order[0]!, df), covariance: order[0]!, allFailed: true, attempts };
}
