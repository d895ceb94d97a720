/**
 * All derivations of this folder in dependency order, from a validated lock: what the analysis stage
 * (typed records) and the output stage (datasets) receive.
 */
import type { Lock, Unblinding } from '../lock/types.js';
import type { SapSettings } from '../sap/index.js';
import { deriveAdsl, toAdslDataset, type AdslRecord } from './adsl.js';
import {
  deriveBilagBaselineAB,
  deriveBilagGrades,
  deriveBilagNewGrades,
  toBilagDataset,
  type BilagBaselineRecord,
  type BilagGradeRecord,
  type BilagVisitRecord,
} from './bilag.js';
import type { AdamDataset } from './dataset.js';
import { makeDatasetContext, type DatasetContext } from './dataset-context.js';
import { indexLock, type LockIndex } from './lock-index.js';
import { holdAsArray, type HoldRecords } from './record-columns.js';
import { derivePga, toPgaDataset, type PgaRecord } from './pga.js';
import { deriveSdi, toSdiDataset, type SdiRecord } from './sdi.js';
import { deriveSledai, toSledaiDataset, type SledaiRecord } from './sledai.js';
import { deriveSri4, toSri4Dataset, type Sri4Record } from './sri4.js';
import {
  deriveSteroidDoses,
  toDoseProfileDataset,
  toSteroidRecordDataset,
  type SteroidDerivation,
} from './steroid-profile.js';

export interface PrimaryDerivations {
  readonly blinded: boolean;
  readonly adsl: readonly AdslRecord[];
  readonly sledai: readonly SledaiRecord[];
  readonly bilagGrades: readonly BilagGradeRecord[];
  readonly bilagVisits: readonly BilagVisitRecord[];
  readonly bilagBaseline: readonly BilagBaselineRecord[];
  readonly pga: readonly PgaRecord[];
  readonly sdi: readonly SdiRecord[];
  readonly steroid: SteroidDerivation;
  readonly sri4: readonly Sri4Record[];
}

export function derivePrimary(
  lock: Pick<Lock, 'dm' | 'ds' | 'ex' | 'sv' | 'qs' | 'cm'>,
  unblinding: Unblinding,
  settings: SapSettings,
  index: LockIndex = indexLock(lock),
  hold: HoldRecords = holdAsArray,
): PrimaryDerivations {
  // The large record sets are held (`hold`) as soon as each is made: a run holds them as columns.
  const sledai = hold(deriveSledai(lock, settings, index));
  const bilagGrades = hold(deriveBilagGrades(lock, settings, index));
  const bilagVisits = hold(deriveBilagNewGrades(bilagGrades(), settings));
  const pga = hold(derivePga(lock, settings, index));
  const sdi = hold(deriveSdi(lock, settings, index));
  const steroid = deriveSteroidDoses(lock, settings);
  const adsl = deriveAdsl(
    lock,
    unblinding,
    { sledai: sledai(), pga: pga(), sdi: sdi(), steroidProfiles: steroid.profiles },
    settings,
  );
  const bilagBaseline = hold(deriveBilagBaselineAB(index.subjects, bilagGrades(), settings));
  const sri4 = deriveSri4(
    { adsl, sv: lock.sv, sledai: sledai(), bilagVisits: bilagVisits(), pga: pga(), steroidProfiles: steroid.profiles },
    settings,
  );
  return {
    blinded: unblinding.kind === 'blinded',
    adsl,
    get sledai() {
      return sledai();
    },
    get bilagGrades() {
      return bilagGrades();
    },
    get bilagVisits() {
      return bilagVisits();
    },
    get bilagBaseline() {
      return bilagBaseline();
    },
    get pga() {
      return pga();
    },
    get sdi() {
      return sdi();
    },
    steroid,
    sri4,
  };
}

/** The datasets written as `adam/<name>.csv`. */
export function toPrimaryDatasets(d: PrimaryDerivations, settings: SapSettings): AdamDataset[] {
  return primaryDatasetMakers(d, primaryDatasetContext(d, settings)).map((make) => make());
}

/**
 * `toPrimaryDatasets` one dataset per call, in the same order: a caller that writes each before making
 * the next holds one dataset's rows at a time (adbilag alone has 280,000 of a 3,000-subject lock).
 */
export function primaryDatasetMakers(d: PrimaryDerivations, context: DatasetContext): (() => AdamDataset)[] {
  return [
    () => toAdslDataset(d.adsl, d.blinded, context.settings),
    () => toSledaiDataset(d.sledai, context),
    () => toBilagDataset(d.bilagGrades, d.bilagVisits, context),
    () => toPgaDataset(d.pga, context),
    () => toSdiDataset(d.sdi, context),
    () => toSteroidRecordDataset(d.steroid.records, context),
    () => toDoseProfileDataset(d.steroid.profiles.values(), context),
    () => toSri4Dataset(d.sri4, context),
  ];
}

/** The context every dataset but ADSL is made with: ADSL's values per subject, the run's codelists. */
export function primaryDatasetContext(d: PrimaryDerivations, settings: SapSettings): DatasetContext {
  return makeDatasetContext(d.adsl, d.blinded, settings);
}
