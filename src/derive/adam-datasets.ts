/**
 * The registry of analysis datasets: for each dataset of the ADaM metadata (src/derive/metadata/, which
 * says which datasets a run writes, in which order, and under which name) the function that makes it
 * from the run's derivations. One dataset is made per call, so a caller that writes each before making
 * the next holds one dataset's rows at a time (adbilag alone has 280,000 of a 3,000-subject lock).
 */
import type { SapSettings } from '../sap/index.js';
import { toAdaeDataset } from './adae.js';
import { toAdexDataset } from './adex.js';
import { toAdslDataset } from './adsl.js';
import { toBilagDataset } from './bilag.js';
import { toBiomarkerDataset } from './biomarker-flags.js';
import { toConmedDataset } from './conmed.js';
import type { AdamDataset } from './dataset.js';
import { makeDatasetContext, type DatasetContext } from './dataset-context.js';
import type { Derived } from './derive-all.js';
import { toDeviationDataset } from './deviations.js';
import { toTteDataset } from './flares-tte.js';
import { toFlareAssessmentDataset, toFlareTransitionDataset, toFlareWindowDataset } from './flares.js';
import { toLabDataset } from './lab-results.js';
import { adamDatasetMetadata } from './metadata/index.js';
import { toPgaDataset } from './pga.js';
import { toProDataset } from './pro.js';
import { toSdiDataset } from './sdi.js';
import { toSledaiDataset } from './sledai.js';
import { toSri4Dataset } from './sri4.js';
import { toSteroidRecordDataset, toDoseProfileDataset } from './steroid-profile.js';
import { toSteroidSparingDataset } from './steroid-sparing.js';

type DatasetMaker = (d: Derived, context: DatasetContext) => AdamDataset;

/** By ADaM dataset name (the metadata's `name`). */
export const DATASET_MAKERS: Readonly<Record<string, DatasetMaker>> = {
  ADSL: (d, c) => toAdslDataset(d.primary.adsl, d.primary.blinded, c.settings),
  ADSLED: (d, c) => toSledaiDataset(d.primary.sledai, c),
  ADBILAG: (d, c) => toBilagDataset(d.primary.bilagGrades, d.primary.bilagVisits, c),
  ADPGA: (d, c) => toPgaDataset(d.primary.pga, c),
  ADSDI: (d, c) => toSdiDataset(d.primary.sdi, c),
  ADCM: (d, c) => toSteroidRecordDataset(d.primary.steroid.records, c),
  ADCSDOSE: (d, c) => toDoseProfileDataset(d.primary.steroid.profiles.values(), c),
  ADSRI4: (d, c) => toSri4Dataset(d.primary.sri4, c),
  ADFLARE: (d, c) => toFlareAssessmentDataset(d.flares, c),
  ADFLRSUM: (d, c) => toFlareWindowDataset(d.flares.windows, c),
  ADFLRLST: (d, c) => toFlareTransitionDataset(d.flares.transitions, c),
  ADAE: (d, c) => toAdaeDataset(d.adae, c),
  ADPRO: (d, c) => toProDataset(d.pro, c),
  ADTTE: (d, c) => toTteDataset(d.tte, c),
  ADCSSPAR: (d, c) => toSteroidSparingDataset(d.steroidSparing, c),
  ADLB: (d, c) => toLabDataset(d.biomarkers.labs, c),
  ADBIOM: (d, c) => toBiomarkerDataset(d.biomarkers.flags, c),
  ADEX: (d, c) => toAdexDataset(d, c),
  ADCMD0: (d, c) => toConmedDataset(d.conmed, c),
  ADDV: (d, c) => toDeviationDataset(d.deviations, c),
};

export interface DatasetEntry {
  /** `adam/<lower-case name>.csv`. */
  readonly file: string;
  readonly make: () => AdamDataset;
}

/** `adam/adsl.csv` for `ADSL`. */
export function datasetFile(name: string): string {
  return `adam/${name.toLowerCase()}.csv`;
}

/**
 * The datasets a run writes (the metadata's list: a blinded run has no ADDV), each with its file and
 * maker, in the metadata's order. A dataset in the metadata without a maker is a bug of this file.
 */
export function adamDatasetMakers(d: Derived, settings: SapSettings): DatasetEntry[] {
  const context = makeDatasetContext(d.primary.adsl, d.primary.blinded, settings);
  return adamDatasetMetadata(settings, d.primary.blinded).map((meta) => {
    const maker = DATASET_MAKERS[meta.name];
    if (maker === undefined) throw new Error(`dataset ${meta.name} has metadata but no maker in adam-datasets.ts`);
    const file = datasetFile(meta.name);
    return {
      file,
      make: () => {
        const ds = maker(d, context);
        if (datasetFile(ds.name) !== file) throw new Error(`the maker of ${meta.name} made ${ds.name}`);
        return ds;
      },
    };
  });
}
