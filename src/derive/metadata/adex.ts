/** ADEX: the study infusion (EX), with the arm actually infused. */
import type { DatasetMeta } from '../dataset-metadata.js';
import { assigned, derived, predecessor, SUBJECT_VARIABLES } from './common.js';

export const ADEX_META: DatasetMeta = {
  name: 'ADEX',
  label: 'Exposure Analysis Dataset',
  class: 'BASIC DATA STRUCTURE',
  structure: 'One record per subject per EX record',
  keys: ['STUDYID', 'USUBJID', 'PARAMCD', 'EXSEQ'],
  variables: [
    ...SUBJECT_VARIABLES,
    predecessor('EXSEQ', 'Sequence Number', 'integer', 'EX.EXSEQ'),
    predecessor('EXTRT', 'Name of Treatment', 'text', 'EX.EXTRT'),
    predecessor('EXROUTE', 'Route of Administration', 'text', 'EX.EXROUTE'),
    predecessor('EXOCCUR', 'Occurrence', 'text', 'EX.EXOCCUR', { length: 1, codelist: 'CL.NY' }),
    assigned('PARAMCD', 'Parameter Code', 'text', { codelist: 'CL.PARAMCD.ADEX' }),
    derived('PARAM', 'Parameter', 'text', 'Decode of PARAMCD'),
    predecessor('ADT', 'Analysis Date', 'date', 'EX.EXSTDTC', {
      derivation: 'EXSTDTC: the infusion date (EXOCCUR = Y) or the planned date (N)',
    }),
    derived('ADY', 'Analysis Relative Day', 'integer', 'ADT - TRTSDT (protocol day); missing if never infused'),
    predecessor('AVAL', 'Analysis Value', 'float', 'EX.EXVOL', { derivation: 'EXVOL (mL) when EXOCCUR = Y' }),
  ],
};
