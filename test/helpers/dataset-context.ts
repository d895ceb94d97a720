/**
 * A DatasetContext for adapter tests: ADSL records with the defaults of `adslRecord` (infused, randomized
 * to placebo) for the given subjects, so that the subject-level columns of a dataset can be filled.
 */
import { makeDatasetContext, type DatasetContext } from '../../src/derive/dataset-context.js';
import type { SapSettings } from '../../src/sap/index.js';
import type { AdslRecord } from '../../src/derive/adsl.js';
import { adslRecord, blind } from './adsl-record.js';

export function datasetContext(
  subjects: readonly string[],
  settings: SapSettings,
  blinded = false,
  over: Partial<AdslRecord> = {},
): DatasetContext {
  const adsl = subjects.map((id) => (blinded ? blind(adslRecord(id, over)) : adslRecord(id, over)));
  return makeDatasetContext(adsl, blinded, settings);
}
