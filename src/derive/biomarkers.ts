/**
 * The laboratory and biomarker derivations of a run (synopsis §4 "Biomarkers"; SAP §5.9), in
 * dependency order: analysis values with baseline and change (`lab-results.ts`), then the abnormality
 * flags at each scheduled visit (`biomarker-flags.ts`).
 */
import type { Lock } from '../lock/types.js';
import type { SapSettings } from '../sap/index.js';
import { biomarkerFlagMaker, toBiomarkerDataset, type BiomarkerRecord } from './biomarker-flags.js';
import type { AdamDataset } from './dataset.js';
import type { DatasetContext } from './dataset-context.js';
import { labResultMaker, toLabDataset, type LabRecord } from './lab-results.js';
import { holdAsArray, holdEach, type HoldRecords } from './record-columns.js';

export interface BiomarkerDerivations {
  readonly labs: readonly LabRecord[];
  readonly flags: readonly BiomarkerRecord[];
}

/** Lab records of every LB result and flags for every DM subject. */
export function deriveBiomarkers(
  lock: Pick<Lock, 'dm' | 'lb'>,
  settings: SapSettings,
  hold: HoldRecords = holdAsArray,
): BiomarkerDerivations {
  // Each lab record held as it is made (a large lock has millions of LB results).
  const { length, make } = labResultMaker(lock, settings);
  const labs = holdEach(hold, length, make);
  const flagMaker = biomarkerFlagMaker(
    labs(),
    lock.dm.map((r) => r.USUBJID),
    settings,
  );
  const flags = holdEach(hold, flagMaker.length, flagMaker.make);
  return {
    get labs() {
      return labs();
    },
    get flags() {
      return flags();
    },
  };
}

/** `adlb` and `adbiom`. */
export function toBiomarkerDatasets(d: BiomarkerDerivations, context: DatasetContext): AdamDataset[] {
  return biomarkerDatasetMakers(d, context).map((make) => make());
}

/** `toBiomarkerDatasets` one dataset per call (see `primaryDatasetMakers`). */
export function biomarkerDatasetMakers(d: BiomarkerDerivations, context: DatasetContext): (() => AdamDataset)[] {
  return [() => toLabDataset(d.labs, context), () => toBiomarkerDataset(d.flags, context)];
}
