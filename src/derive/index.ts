/** ADaM-like derivations: the public face of src/derive/. */
export type { AdamDataset, Cell } from './dataset.js';
export type { CodeListMeta, DatasetMeta, VariableMeta } from './dataset-metadata.js';
export { makeDatasetContext, type DatasetContext } from './dataset-context.js';
export { adamCodelists, adamDatasetMetadata, adamMetadata, adamParamcd } from './metadata/index.js';
export { selectBaseline, type BaselineCandidate } from './baseline.js';
export {
  computeStratum,
  computeStratumMismatch,
  deriveAdsl,
  toAdslDataset,
  type AdslInputs,
  type AdslRecord,
} from './adsl.js';
export { computeSledaiTotal, deriveSledai, toSledaiDataset, type SledaiRecord } from './sledai.js';
export {
  computeBilagNewGrades,
  deriveBilagBaselineAB,
  deriveBilagGrades,
  deriveBilagNewGrades,
  toBilagDataset,
  type BilagBaselineRecord,
  type BilagGradeRecord,
  type BilagVisitRecord,
} from './bilag.js';
export { derivePga, toHundredths, toPgaDataset, type PgaRecord } from './pga.js';
export { computeSdiTotal, deriveSdi, toSdiDataset, type SdiRecord } from './sdi.js';
export {
  computeActiveInterval,
  computePrednisoneEquivalentDose,
  isSystemicCorticosteroid,
  roundDose,
} from './steroid-dose.js';
export {
  computeDoseRuns,
  deriveSteroidDoses,
  doseOnDay,
  maxDoseBetween,
  toDoseProfileDataset,
  toSteroidRecordDataset,
  type SteroidDerivation,
  type SteroidDoseProfile,
  type SteroidRecord,
} from './steroid-profile.js';
export { computeEndOfStudy, isWithdrawnBefore, type EndOfStudy } from './disposition.js';
export {
  computeObservedCase,
  deriveSri4,
  toSri4Dataset,
  type ComponentStatus,
  type Sri4Reason,
  type Sri4Record,
} from './sri4.js';
export { computeTakenAtDay0, deriveConmedAtDay0, toConmedDataset, type ConmedRecord } from './conmed.js';
export {
  computeArmDeviation,
  computeStratumDeviation,
  deriveDeviations,
  toDeviationDataset,
  type DeviationRecord,
} from './deviations.js';
export { derivePrimary, toPrimaryDatasets, type PrimaryDerivations } from './primary.js';
export { scheduledVisitId } from './visits.js';
