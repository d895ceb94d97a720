/**
 * The single-parameter by-visit BDS datasets (ADSLED, ADPGA, ADSDI): SUBJECT_VARIABLES, PARAMCD/PARAM,
 * visit and timing variables, AVAL, baseline and change.
 */
import type { DatasetMeta } from '../dataset-metadata.js';
import { ablfl, ANL01FL, assigned, BASELINE_RULE, derived, SUBJECT_VARIABLES, visitVariables } from './common.js';

const CHG = derived(
  'CHG',
  'Change from Baseline',
  'float',
  'AVAL - BASE at a scheduled post-baseline visit (SAP section 4.6)',
);
const BDS = 'BASIC DATA STRUCTURE' as const;
const BY_VISIT = 'One record per subject per parameter per assessment';
const BY_VISIT_KEYS = ['STUDYID', 'USUBJID', 'PARAMCD', 'VISITNUM'];

function paramcd(dataset: string): ReturnType<typeof assigned> {
  return assigned('PARAMCD', 'Parameter Code', 'text', { codelist: `CL.PARAMCD.${dataset}` });
}
const PARAM = derived('PARAM', 'Parameter', 'text', 'Decode of PARAMCD');

export const ADSLED_META: DatasetMeta = {
  name: 'ADSLED',
  label: 'SLEDAI-2K Analysis Dataset',
  class: BDS,
  structure: BY_VISIT,
  keys: BY_VISIT_KEYS,
  variables: [
    ...SUBJECT_VARIABLES,
    paramcd('ADSLED'),
    PARAM,
    ...visitVariables('QS', 'QSDTC'),
    derived(
      'AVAL',
      'Analysis Value',
      'integer',
      'Sum of the weights of the 24 descriptors recorded Y (SAP section 5.1); missing if any is missing or NOT DONE',
    ),
    derived(
      'MISSDESC',
      'Missing Descriptors',
      'text',
      'QSTESTCD of the descriptors missing or NOT DONE, space-separated',
    ),
    ablfl(BASELINE_RULE),
    derived('BASE', 'Baseline Value', 'integer', 'AVAL of the record with ABLFL = Y'),
    CHG,
    ANL01FL,
  ],
};

export const ADPGA_META: DatasetMeta = {
  name: 'ADPGA',
  label: 'Physician Global Assessment Analysis',
  class: BDS,
  structure: BY_VISIT,
  keys: BY_VISIT_KEYS,
  variables: [
    ...SUBJECT_VARIABLES,
    paramcd('ADPGA'),
    PARAM,
    ...visitVariables('QS', 'QSDTC'),
    derived('AVAL', 'Analysis Value', 'float', 'QSSTRESN of the PGA (0-3 scale)'),
    ablfl(BASELINE_RULE),
    derived('BASE', 'Baseline Value', 'float', 'AVAL of the record with ABLFL = Y'),
    derived('CHG', 'Change from Baseline', 'float', 'CHGH / 100 (SAP section 4.6: PGA in hundredths)'),
    derived(
      'CHGH',
      'Change from Baseline (hundredths)',
      'integer',
      'round(100 * AVAL) - round(100 * BASE) at a scheduled post-baseline visit',
    ),
    ANL01FL,
  ],
};

export const ADSDI_META: DatasetMeta = {
  name: 'ADSDI',
  label: 'SLICC/ACR Damage Index Analysis Dataset',
  class: BDS,
  structure: BY_VISIT,
  keys: BY_VISIT_KEYS,
  variables: [
    ...SUBJECT_VARIABLES,
    paramcd('ADSDI'),
    PARAM,
    ...visitVariables('QS', 'QSDTC'),
    derived(
      'AVAL',
      'Analysis Value',
      'integer',
      'Sum of the SLICC/ACR DI items (SAP section 5.6); missing unless every item is answered',
    ),
    ablfl('The screening record (SAP section 4.2, exception for SDI)'),
    derived('BASE', 'Baseline Value', 'integer', 'AVAL of the record with ABLFL = Y'),
    derived('CHG', 'Change from Baseline', 'integer', 'AVAL - BASE at a scheduled post-baseline visit'),
    ANL01FL,
  ],
};
