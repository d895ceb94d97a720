/** The multi-parameter by-visit BDS datasets: ADBILAG, ADPRO, ADLB and ADBIOM. */
import type { DatasetMeta } from '../dataset-metadata.js';
import {
  ablfl,
  ANL01FL,
  assigned,
  AVISIT,
  AVISITN,
  BASELINE_RULE,
  derived,
  predecessor,
  SUBJECT_VARIABLES,
  visitVariables,
} from './common.js';

const BDS = 'BASIC DATA STRUCTURE' as const;
const PARAM = derived('PARAM', 'Parameter', 'text', 'Decode of PARAMCD');

export const ADBILAG_META: DatasetMeta = {
  name: 'ADBILAG',
  label: 'BILAG-2004 Analysis Dataset',
  class: BDS,
  structure: 'One record per subject per BILAG-2004 domain (or NEWAB) per assessment',
  keys: ['STUDYID', 'USUBJID', 'PARAMCD', 'VISITNUM'],
  variables: [
    ...SUBJECT_VARIABLES,
    assigned('PARAMCD', 'Parameter Code', 'text', { codelist: 'CL.PARAMCD.ADBILAG' }),
    PARAM,
    ...visitVariables('QS', 'QSDTC'),
    derived(
      'AVALC',
      'Analysis Value (C)',
      'text',
      'Domain: the grade A-E (QSSTRESC). NEWAB: why NEWA/NEWB are missing (domains not graded or without baseline)',
    ),
    ablfl(`Domain records: ${BASELINE_RULE}, per domain`),
    derived('BASEC', 'Baseline Value (C)', 'text', 'AVALC of the domain record with ABLFL = Y'),
    derived(
      'NEWA',
      'Number of New BILAG A',
      'integer',
      'NEWAB: domains graded A whose baseline is not A (SAP section 5.2); missing if a domain is not graded or has no baseline',
    ),
    derived(
      'NEWB',
      'Number of New BILAG B',
      'integer',
      'NEWAB: domains graded B whose baseline is C, D or E (SAP section 5.2); missing as NEWA',
    ),
  ],
};

export const ADPRO_META: DatasetMeta = {
  name: 'ADPRO',
  label: 'Patient-Reported Outcomes Analysis',
  class: BDS,
  structure: 'One record per subject per score per assessment',
  keys: ['STUDYID', 'USUBJID', 'PARAMCD', 'VISITNUM'],
  variables: [
    ...SUBJECT_VARIABLES,
    assigned('PARAMCD', 'Parameter Code', 'text', { codelist: 'CL.PARAMCD.ADPRO' }),
    PARAM,
    derived('PARCAT1', 'Parameter Category 1', 'text', 'The instrument (QSCAT) of the score'),
    ...visitVariables('QS', 'QSDTC'),
    derived(
      'AVAL',
      'Analysis Value',
      'float',
      'The score (SAP section 5.7): transferred, PROMIS T-score from the prorated raw score, or LIT score',
    ),
    derived(
      'ANSWERED',
      'Number of Items Answered',
      'integer',
      'PROMIS and LIT: items answered (neither missing nor NOT DONE)',
    ),
    derived(
      'RAWSCORE',
      'PROMIS Raw Score',
      'float',
      'PROMIS: sum of item scores, prorated to the full form (SAP section 5.7)',
    ),
    ablfl(BASELINE_RULE),
    derived('BASE', 'Baseline Value', 'float', 'AVAL of the record with ABLFL = Y'),
    derived('CHG', 'Change from Baseline', 'float', 'AVAL - BASE at a scheduled post-baseline visit (SAP section 4.6)'),
    ANL01FL,
  ],
};

export const ADLB_META: DatasetMeta = {
  name: 'ADLB',
  label: 'Laboratory Analysis Dataset',
  class: BDS,
  structure: 'One record per subject per laboratory test per assessment',
  keys: ['STUDYID', 'USUBJID', 'LBSEQ'],
  variables: [
    ...SUBJECT_VARIABLES,
    predecessor('LBSEQ', 'Sequence Number', 'integer', 'LB.LBSEQ'),
    predecessor('PARAMCD', 'Parameter Code', 'text', 'LB.LBTESTCD', { codelist: 'CL.PARAMCD.ADLB' }),
    PARAM,
    ...visitVariables('LB', 'LBDTC'),
    derived(
      'AVAL',
      'Analysis Value',
      'float',
      'LBSTRESN; else x of a text LBSTRESC <x or >x (SAP section 5.9); missing when NOT DONE',
    ),
    derived('AVALQUAL', 'Analysis Value Qualifier', 'text', '< or > when AVAL comes from a text LBSTRESC <x or >x'),
    predecessor('LBSTRESC', 'Character Result in Std Format', 'text', 'LB.LBSTRESC'),
    predecessor('ANRLO', 'Analysis Normal Range Lower Limit', 'float', 'LB.LBSTNRLO'),
    predecessor('ANRHI', 'Analysis Normal Range Upper Limit', 'float', 'LB.LBSTNRHI'),
    ablfl(`${BASELINE_RULE}, per test`),
    derived('BASE', 'Baseline Value', 'float', 'AVAL of the record with ABLFL = Y'),
    derived('BASEQUAL', 'Baseline Value Qualifier', 'text', 'AVALQUAL of the record with ABLFL = Y'),
    derived('CHG', 'Change from Baseline', 'float', 'AVAL - BASE at a scheduled post-baseline visit (SAP section 4.6)'),
    ANL01FL,
  ],
};

export const ADBIOM_META: DatasetMeta = {
  name: 'ADBIOM',
  label: 'Biomarker Status Analysis Dataset',
  class: BDS,
  structure: 'One record per subject per biomarker flag per analysis visit',
  keys: ['STUDYID', 'USUBJID', 'PARAMCD', 'AVISITN'],
  variables: [
    ...SUBJECT_VARIABLES,
    assigned('PARAMCD', 'Parameter Code', 'text', { codelist: 'CL.PARAMCD.ADBIOM' }),
    PARAM,
    predecessor('LBTESTCD', 'Lab Test or Examination Short Name', 'text', 'LB.LBTESTCD'),
    AVISIT,
    AVISITN,
    predecessor('VISITNUM', 'Visit Number', 'float', 'LB.VISITNUM', {
      derivation: 'VISITNUM of the record judged (the baseline record at BASELINE)',
    }),
    derived(
      'AVALC',
      'Analysis Value (C)',
      'text',
      'ABN when the value is beyond the SAP limit (qualifier-aware), NORM when not, MISS without a value (SAP section 5.9)',
    ),
    derived('BASEC', 'Baseline Value (C)', 'text', 'AVALC of the baseline record'),
  ],
};
