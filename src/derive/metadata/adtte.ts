/** ADTTE: time-to-event parameters (time to first flare, time to corticosteroid discontinuation). */
import type { DatasetMeta } from '../dataset-metadata.js';
import { assigned, derived, SUBJECT_VARIABLES } from './common.js';

export const ADTTE_META: DatasetMeta = {
  name: 'ADTTE',
  label: 'Time-to-Event Analysis Dataset',
  class: 'BASIC DATA STRUCTURE',
  structure: 'One record per subject per parameter',
  keys: ['STUDYID', 'USUBJID', 'PARAMCD'],
  variables: [
    ...SUBJECT_VARIABLES,
    assigned('PARAMCD', 'Parameter Code', 'text', { codelist: 'CL.PARAMCD.ADTTE' }),
    derived('PARAM', 'Parameter', 'text', 'Decode of PARAMCD'),
    derived('STARTDT', 'Time-to-Event Origin Date', 'date', 'TRTSDT (Day 0)'),
    derived(
      'ADT',
      'Analysis Date',
      'date',
      'STARTDT + AVAL: the event, or the censoring (TTFLARE: last assessment; TTCSDISC: end of follow-up)',
    ),
    derived('AVAL', 'Analysis Value', 'integer', 'Days from STARTDT to the event or censoring (SAP sections 5.5, 5.8)'),
    derived('CNSR', 'Censor', 'integer', '0 event, 1 censored'),
    derived('EVNTDESC', 'Event or Censoring Description', 'text', 'What ADT is'),
  ],
};
