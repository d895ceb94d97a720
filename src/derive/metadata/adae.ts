/** ADAE: every adverse event with treatment emergence and the flags of the safety tables. */
import type { DatasetMeta } from '../dataset-metadata.js';
import { derived, flag, fromAdsl, predecessor, SUBJECT_VARIABLES } from './common.js';

export const ADAE_META: DatasetMeta = {
  name: 'ADAE',
  label: 'Adverse Events Analysis Dataset',
  class: 'OCCURRENCE DATA STRUCTURE',
  structure: 'One record per adverse event record of AE',
  keys: ['STUDYID', 'USUBJID', 'AESEQ'],
  variables: [
    ...SUBJECT_VARIABLES,
    predecessor('AESEQ', 'Sequence Number', 'integer', 'AE.AESEQ'),
    predecessor('AETERM', 'Reported Term for the Adverse Event', 'text', 'AE.AETERM'),
    predecessor('AEDECOD', 'Dictionary-Derived Term', 'text', 'AE.AEDECOD'),
    predecessor('AEBODSYS', 'Body System or Organ Class', 'text', 'AE.AEBODSYS'),
    predecessor('AESTDTC', 'Start Date/Time of Adverse Event', 'text', 'AE.AESTDTC'),
    predecessor('AEENDTC', 'End Date/Time of Adverse Event', 'text', 'AE.AEENDTC'),
    fromAdsl('TRTSDT', 'Date of First Exposure to Treatment', 'date', 'TRTSDT', { displayFormat: 'DATE9.' }),
    derived(
      'ASTDY',
      'Analysis Start Relative Day',
      'integer',
      'AESTDTC - TRTSDT (protocol day) for a full start date; missing for a partial one',
    ),
    predecessor('AESER', 'Serious Event', 'text', 'AE.AESER', { length: 1, codelist: 'CL.NY' }),
    predecessor('AESEV', 'Severity/Intensity', 'text', 'AE.AESEV'),
    derived('AESEVN', 'Severity/Intensity (N)', 'integer', 'Rank of AESEV in the SAP severity order, 1 = mildest'),
    predecessor('AEREL', 'Causality', 'text', 'AE.AEREL'),
    predecessor('AEOUT', 'Outcome of Adverse Event', 'text', 'AE.AEOUT'),
    predecessor('AEACN', 'Action Taken with Study Treatment', 'text', 'AE.AEACN'),
    flag(
      'TRTEMFL',
      'Treatment Emergent Analysis Flag',
      'Y when the AE starts on or after Day 0; a partial date unless its latest possible date is before Day 0 (SAP section 7.1); missing if never infused',
    ),
    flag('AESERFL', 'Serious Event Flag', 'Y when AESER = Y'),
    flag('AERELFL', 'Related Event Flag', 'Y when AEREL is related or possibly related (SAP settings)'),
    flag('AESEVFL', 'Severe Event Flag', 'Y when AESEV is SEVERE'),
    flag('AEDISCFL', 'AE Leading to Study Withdrawal Flag', 'Y when AEACN says the subject was withdrawn'),
    flag('AEDTHFL', 'Fatal Event Flag', 'Y when AEOUT is FATAL'),
  ],
};
