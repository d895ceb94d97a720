/**
 * The metadata of every analysis dataset of a run, in the order the run writes them, and the
 * codelists they refer to: the one source the dataset adapters (`makeDataset`) and the CSV, XPT,
 * Dataset-JSON and Define-XML writers read.
 */
import type { SapSettings } from '../../sap/index.js';
import type { CodeListMeta, DatasetMeta } from '../dataset-metadata.js';
import { ADAE_META } from './adae.js';
import { ADCMD0_META } from './adcmd0.js';
import { ADDV_META } from './addv.js';
import { ADEX_META } from './adex.js';
import { ADSL_META } from './adsl.js';
import { ADSRI4_META } from './adsri4.js';
import { ADTTE_META } from './adtte.js';
import { ADPGA_META, ADSDI_META, ADSLED_META } from './by-visit.js';
import { adamCodelists, metaForRun } from './codelists.js';
import { ADFLRLST_META, ADFLRSUM_META, adflareMeta } from './flares.js';
import { ADBIOM_META, ADBILAG_META, ADLB_META, ADPRO_META } from './qs-lb.js';
import { ADCM_META, ADCSDOSE_META, ADCSSPAR_META } from './steroids.js';

export { adamCodelists, ARM_CODELISTS, metaForRun } from './codelists.js';
export { adamParamcd } from './paramcd.js';

/** Every dataset's metadata as a run with these settings writes it. */
export function adamDatasetMetadata(settings: SapSettings, blinded: boolean): DatasetMeta[] {
  return [
    ADSL_META,
    ADSLED_META,
    ADBILAG_META,
    ADPGA_META,
    ADSDI_META,
    ADCM_META,
    ADCSDOSE_META,
    ADSRI4_META,
    adflareMeta(settings.analysis.flareWindowWeeks),
    ADFLRSUM_META,
    ADFLRLST_META,
    ADAE_META,
    ADPRO_META,
    ADTTE_META,
    ADCSSPAR_META,
    ADLB_META,
    ADBIOM_META,
    ADEX_META,
    ADCMD0_META,
    // The derived deviations need the randomization file: a blinded run writes no ADDV.
    ...(blinded ? [] : [ADDV_META]),
  ].map((m) => metaForRun(m, blinded));
}

/** The metadata and codelists of a run, for the writers that need both (Define-XML). */
export function adamMetadata(
  settings: SapSettings,
  blinded: boolean,
): { datasets: DatasetMeta[]; codelists: CodeListMeta[] } {
  return { datasets: adamDatasetMetadata(settings, blinded), codelists: adamCodelists(settings, blinded) };
}
