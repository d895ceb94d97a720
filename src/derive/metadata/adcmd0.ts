/** ADCMD0: every concomitant medication record with its protocol days and the medication-at-Day-0 flag. */
import type { DatasetMeta } from '../dataset-metadata.js';
import { derived, flag, predecessor, SUBJECT_VARIABLES } from './common.js';

export const ADCMD0_META: DatasetMeta = {
  name: 'ADCMD0',
  label: 'Concomitant Medications at Day 0',
  class: 'OCCURRENCE DATA STRUCTURE',
  structure: 'One record per concomitant medication record of CM',
  keys: ['STUDYID', 'USUBJID', 'CMSEQ'],
  variables: [
    ...SUBJECT_VARIABLES,
    predecessor('CMSEQ', 'Sequence Number', 'integer', 'CM.CMSEQ'),
    predecessor('CMCAT', 'Category for Medication', 'text', 'CM.CMCAT'),
    predecessor('CMDECOD', 'Standardized Medication Name', 'text', 'CM.CMDECOD'),
    predecessor('CMSTDTC', 'Start Date/Time of Medication', 'text', 'CM.CMSTDTC'),
    predecessor('CMENDTC', 'End Date/Time of Medication', 'text', 'CM.CMENDTC'),
    derived(
      'ASTDY',
      'Analysis Start Relative Day',
      'integer',
      'CMSTDTC - TRTSDT (protocol day); a partial start takes the first day of its period',
    ),
    derived(
      'AENDY',
      'Analysis End Relative Day',
      'integer',
      'CMENDTC - TRTSDT (protocol day); a partial end takes the last day of its period; missing = ongoing',
    ),
    flag(
      'D0FL',
      'Taken at Day 0 Flag',
      'Y when ASTDY <= 0 <= AENDY (an empty end is ongoing), SAP section 7.4; missing if never infused',
    ),
  ],
};
