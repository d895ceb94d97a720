/**
 * ADSRI4: the primary endpoint as a BDS: per infused subject (the as-treated analysis uses every one), the SRI-4 response, each component and
 * withdrawal before Week 24 (AVALC Y/N, missing when the component cannot be judged), and the values
 * judged (AVAL, with BASE and CHG where the component compares with baseline).
 */
import type { DatasetMeta } from '../dataset-metadata.js';
import { assigned, AVISIT, AVISITN, derived, flag, SUBJECT_VARIABLES } from './common.js';

export const ADSRI4_META: DatasetMeta = {
  name: 'ADSRI4',
  label: 'SRI-4 Response at Week 24',
  class: 'BASIC DATA STRUCTURE',
  structure: 'One record per infused subject per parameter (FASFL marks the primary population)',
  keys: ['STUDYID', 'USUBJID', 'PARAMCD'],
  variables: [
    ...SUBJECT_VARIABLES,
    assigned('PARAMCD', 'Parameter Code', 'text', { codelist: 'CL.PARAMCD.ADSRI4' }),
    derived('PARAM', 'Parameter', 'text', 'Decode of PARAMCD'),
    AVISIT,
    AVISITN,
    derived('ADT', 'Analysis Date', 'date', 'Date of the Week 24 visit (SVSTDTC); missing without one'),
    derived('ADY', 'Analysis Relative Day', 'integer', 'ADT - TRTSDT (protocol day)'),
    derived(
      'AVAL',
      'Analysis Value',
      'float',
      'SLEDW24: SLEDAI-2K total; BLGNEWA/BLGNEWB: new A/B counts; PGAW24H: PGA in hundredths; CSMAXDOS: highest daily dose in the window (SAP section 5.4)',
    ),
    derived(
      'AVALC',
      'Analysis Value (C)',
      'text',
      'Response parameters: Y met, N not met, missing when a component cannot be judged. SRI4: Y when all four are met, withdrawal and no Week 24 visit give N (non-responder imputation)',
      { codelist: 'CL.NY' },
    ),
    derived('BASE', 'Baseline Value', 'float', 'SLEDW24, PGAW24H: the baseline value'),
    derived('CHG', 'Change from Baseline', 'float', 'SLEDW24, PGAW24H: AVAL - BASE'),
    derived(
      'ASTDY',
      'Analysis Start Relative Day',
      'integer',
      'CSMAXDOS: first day of the steroid window (Week 20 visit day, day 140 without that visit)',
    ),
    derived(
      'AENDY',
      'Analysis End Relative Day',
      'integer',
      'CSMAXDOS: last day of the steroid window (Week 24 visit day)',
    ),
    derived('W20DT', 'Week 20 Visit Date', 'date', 'SVSTDTC of the Week 20 visit'),
    derived(
      'NRREAS',
      'Reason for Non-Response',
      'text',
      'SRI4 with AVALC = N: the first of WITHDRAWN BEFORE WEEK 24, NO WEEK 24 VISIT, COMPONENT MISSING, COMPONENT NOT MET',
    ),
    flag(
      'OCFL',
      'Observed Case Flag',
      'Y when all four components can be judged and the subject did not withdraw before Week 24 (observed-case analysis, SAP section 6.13)',
    ),
  ],
};
