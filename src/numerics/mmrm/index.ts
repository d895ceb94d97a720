/** Public surface of the MMRM engine (docs/mmrm.md). */
export { fitMmrm, mmrmMethodName, MmrmFitError } from './fit.js';
export { fitMmrmWithFallback, SAP_COVARIANCE_ORDER } from './fallback.js';
export type { MmrmAttempt, MmrmFallbackResult } from './fallback.js';
export { mmrmLsMeans } from './lsmeans.js';
export type { LsMeansOptions, MmrmLsMean, MmrmLsMeanDifference, MmrmLsMeansResult } from './lsmeans.js';
export { contrastEstimate } from './contrast.js';
export { COVARIANCE_TYPES } from './structures/types.js';
export { ModelInputError } from '../model/errors.js';
export type {
  CovarianceType,
  MmrmCoefficient,
  MmrmConvergence,
  MmrmCovarianceParameter,
  MmrmData,
  MmrmDfMethod,
  MmrmEstimate,
  MmrmEstimation,
  MmrmFit,
  MmrmInferenceState,
  MmrmSpec,
} from './types.js';
