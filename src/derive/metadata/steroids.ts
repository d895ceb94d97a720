/** The corticosteroid datasets: ADCM (records), ADCSDOSE (daily dose runs), ADCSSPAR (sparing endpoints). */
import type { DatasetMeta } from '../dataset-metadata.js';
import { assigned, derived, flag, predecessor, SUBJECT_VARIABLES } from './common.js';

export const ADCM_META: DatasetMeta = {
  name: 'ADCM',
  label: 'Systemic Corticosteroid Analysis Dataset',
  class: 'OCCURRENCE DATA STRUCTURE',
  structure: 'One record per systemic corticosteroid record of CM',
  keys: ['STUDYID', 'USUBJID', 'CMSEQ'],
  variables: [
    ...SUBJECT_VARIABLES,
    predecessor('CMSEQ', 'Sequence Number', 'integer', 'CM.CMSEQ'),
    predecessor('CMDECOD', 'Standardized Medication Name', 'text', 'CM.CMDECOD'),
    predecessor('CMROUTE', 'Route of Administration', 'text', 'CM.CMROUTE'),
    predecessor('CMDOSE', 'Dose per Administration', 'float', 'CM.CMDOSE'),
    predecessor('CMDOSFRQ', 'Dosing Frequency per Interval', 'text', 'CM.CMDOSFRQ'),
    derived('PEFACTOR', 'Prednisone-Equivalent Factor', 'float', 'SAP section 5.3 factor of CMDECOD'),
    derived(
      'PEDOSE',
      'Prednisone-Equivalent Dose (mg/day)',
      'float',
      'CMDOSE x PEFACTOR x administrations per day (ONCE: on its start day)',
    ),
    derived('ASTDT', 'Analysis Start Date', 'date', 'CMSTDTC; a partial date imputed to its first possible day'),
    derived(
      'ASTDTF',
      'Analysis Start Date Imputation Flag',
      'text',
      'M when the month (and day) was imputed, D when the day was',
    ),
    derived(
      'AENDT',
      'Analysis End Date',
      'date',
      'CMENDTC; a partial date imputed to its last possible day, never after RFENDTC; ongoing: RFENDTC',
    ),
    derived(
      'AENDTF',
      'Analysis End Date Imputation Flag',
      'text',
      'M when the month (and day) was imputed, D when the day was',
    ),
    flag('AENRFFL', 'Ongoing at End of Study Flag', 'Y when CMENDTC is missing (ongoing): AENDT = RFENDTC'),
    derived('ASTDY', 'Analysis Start Relative Day', 'integer', 'ASTDT - TRTSDT (protocol day)'),
    derived('AENDY', 'Analysis End Relative Day', 'integer', 'AENDT - TRTSDT (protocol day)'),
  ],
};

export const ADCSDOSE_META: DatasetMeta = {
  name: 'ADCSDOSE',
  label: 'Daily Prednisone-Equivalent Dose',
  class: 'BASIC DATA STRUCTURE',
  structure: 'One record per subject per run of days with a constant dose',
  keys: ['STUDYID', 'USUBJID', 'PARAMCD', 'ASTDY'],
  variables: [
    ...SUBJECT_VARIABLES,
    assigned('PARAMCD', 'Parameter Code', 'text', { codelist: 'CL.PARAMCD.ADCSDOSE' }),
    derived('PARAM', 'Parameter', 'text', 'Decode of PARAMCD'),
    derived(
      'ASTDY',
      'Analysis Start Relative Day',
      'integer',
      'First protocol day of the run (the profile starts at day -60)',
    ),
    derived(
      'AENDY',
      'Analysis End Relative Day',
      'integer',
      'Last protocol day of the run (the profile ends at RFENDTC)',
    ),
    derived(
      'AVAL',
      'Analysis Value',
      'float',
      "Sum of the active records' PEDOSE on each day of the run, rounded to 9 decimals (SAP section 4.11)",
    ),
  ],
};

export const ADCSSPAR_META: DatasetMeta = {
  name: 'ADCSSPAR',
  label: 'Corticosteroid Sparing Analysis Dataset',
  class: 'ADAM OTHER',
  structure: 'One record per infused subject',
  keys: ['STUDYID', 'USUBJID'],
  variables: [
    ...SUBJECT_VARIABLES,
    derived('CSDOSE0', 'Pred-Eq Dose on Day 0 (mg/day)', 'float', 'ADCSDOSE AVAL on Day 0'),
    flag('CSUSE0FL', 'Corticosteroid Use on Day 0 Flag', 'Y when CSDOSE0 > 0'),
    derived(
      'FUENDDY',
      'End of Follow-up Relative Day',
      'integer',
      'E: the SAP follow-up end day, or the last profile day if earlier (SAP section 5.8)',
    ),
    derived('CSLASTDY', 'Last Day with a Dose', 'integer', 'Last protocol day in 0..E with a dose > 0'),
    derived('CSSTOPDY', 'First Day Off Corticosteroids', 'integer', 'max(1, CSLASTDY + 1) when <= E'),
    derived('CSOFFDUR', 'Days Off Through End of Follow-up', 'integer', 'E - CSSTOPDY + 1; 0 without CSSTOPDY'),
    flag(
      'CSDISCFL',
      'Corticosteroid Discontinuation Flag',
      'Y when CSOFFDUR >= the SAP minimum (28 days); subjects with CSUSE0FL = Y only',
    ),
    derived('TTDISCDY', 'Time to Discontinuation (days)', 'integer', 'CSSTOPDY when CSDISCFL = Y, else E'),
    derived(
      'TTDISCCN',
      'Time to Discontinuation Censor',
      'integer',
      '0 when CSDISCFL = Y (event), 1 otherwise (censored at E)',
    ),
    derived('CSCUM', 'Cumulative Pred-Eq Dose Day 0-E (mg)', 'float', 'Sum of the daily doses over days 0..E'),
  ],
};
