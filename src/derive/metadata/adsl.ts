/** ADSL: one record per subject in DM. */
import type { DatasetMeta } from '../dataset-metadata.js';
import { derived, flag, predecessor } from './common.js';

const ARM_BLINDING = 'BLINDED in a blinded run';
const TRT_BLINDING = 'missing in a blinded run';

export const ADSL_META: DatasetMeta = {
  name: 'ADSL',
  label: 'Subject-Level Analysis Dataset',
  class: 'SUBJECT LEVEL ANALYSIS DATASET',
  structure: 'One record per subject',
  keys: ['STUDYID', 'USUBJID'],
  variables: [
    predecessor('STUDYID', 'Study Identifier', 'text', 'DM.STUDYID'),
    predecessor('USUBJID', 'Unique Subject Identifier', 'text', 'DM.USUBJID'),
    predecessor('SUBJID', 'Subject Identifier for the Study', 'text', 'DM.SUBJID'),
    predecessor('SITEID', 'Study Site Identifier', 'text', 'DM.SITEID'),
    predecessor('AGE', 'Age', 'integer', 'DM.AGE'),
    predecessor('AGEU', 'Age Units', 'text', 'DM.AGEU'),
    predecessor('SEX', 'Sex', 'text', 'DM.SEX'),
    predecessor('RACE', 'Race', 'text', 'DM.RACE'),
    predecessor('ETHNIC', 'Ethnicity', 'text', 'DM.ETHNIC'),
    predecessor('COUNTRY', 'Country', 'text', 'DM.COUNTRY'),
    predecessor('WEIGHTBL', 'Baseline Weight (kg)', 'float', 'DM.WEIGHTBL'),
    flag('ENRLFL', 'Enrolled Population Flag', 'Y for every subject in DM (SAP section 3: ENR)'),
    flag('RANDFL', 'Randomized Population Flag', 'Y when DS holds the RANDOMIZED protocol milestone'),
    derived('RANDDT', 'Date of Randomization', 'date', 'DSSTDTC of the RANDOMIZED protocol milestone'),
    flag('INFFL', 'Infused Flag', 'Y when EX holds a record with EXOCCUR = Y'),
    flag('FASFL', 'Full Analysis Set Population Flag', 'Y when RANDFL = Y and INFFL = Y (SAP section 3: FAS)'),
    flag('SAFFL', 'Safety Population Flag', 'Y when INFFL = Y (SAP section 3: SAF)'),
    derived('ARMCD', 'Planned Arm Code', 'text', `ARMCD of the randomization file; ${ARM_BLINDING}`, {
      codelist: 'CL.ARMCD',
    }),
    derived('ARM', 'Description of Planned Arm', 'text', `SAP arm name of ARMCD; ${ARM_BLINDING}`, {
      codelist: 'CL.TRT',
    }),
    derived(
      'ACTARMCD',
      'Actual Arm Code',
      'text',
      `ACTARMCD of the randomization file when infused, else missing; ${ARM_BLINDING}`,
      { codelist: 'CL.ARMCD' },
    ),
    derived('ACTARM', 'Description of Actual Arm', 'text', `SAP arm name of ACTARMCD; ${ARM_BLINDING}`, {
      codelist: 'CL.TRT',
    }),
    derived('TRT01P', 'Planned Treatment for Period 01', 'text', `ARM; ${TRT_BLINDING}`, { codelist: 'CL.TRT' }),
    derived(
      'TRT01PN',
      'Planned Treatment for Period 01 (N)',
      'integer',
      `Position of ARMCD in the SAP arm order (from 1); ${TRT_BLINDING}`,
      { codelist: 'CL.TRTN' },
    ),
    derived('TRT01A', 'Actual Treatment for Period 01', 'text', `ACTARM; ${TRT_BLINDING}`, { codelist: 'CL.TRT' }),
    derived(
      'TRT01AN',
      'Actual Treatment for Period 01 (N)',
      'integer',
      `Position of ACTARMCD in the SAP arm order (from 1); ${TRT_BLINDING}`,
      { codelist: 'CL.TRTN' },
    ),
    predecessor('TRTSDT', 'Date of First Exposure to Treatment', 'date', 'DM.RFSTDTC'),
    derived('TRTEDT', 'Date of Last Exposure to Treatment', 'date', 'TRTSDT (a single infusion)'),
    predecessor('RFENDTC', 'Subject Reference End Date/Time', 'text', 'DM.RFENDTC'),
    derived('SCRSLED', 'Screening SLEDAI-2K Total', 'integer', 'ADSLED AVAL at the screening visit'),
    derived(
      'STRATUM',
      'Stratum from Screening SLEDAI-2K',
      'text',
      'SCRSLED < 10 -> <10, else >=10; missing if SCRSLED is missing',
    ),
    derived('RANDSTR', 'Randomization Stratum', 'text', 'STRATUM of the randomization file; missing in a blinded run'),
    flag('STRATDFL', 'Stratum Mismatch Flag', 'Y when STRATUM and RANDSTR differ, N when equal, missing if either is'),
    derived(
      'EOSSTT',
      'End of Study Status',
      'text',
      'COMPLETED or DISCONTINUED from the DS disposition event; ONGOING without one',
    ),
    derived(
      'DCSREAS',
      'Reason for Discontinuation from Study',
      'text',
      'DSDECOD of a disposition event other than COMPLETED',
    ),
    derived('EOSDT', 'End of Study Date', 'date', 'DSSTDTC of the disposition event'),
    derived('BASESLED', 'Baseline SLEDAI-2K Total', 'integer', 'ADSLED BASE (record with ABLFL = Y)'),
    derived('BASEPGA', 'Baseline PGA', 'float', 'ADPGA BASE (record with ABLFL = Y)'),
    derived('BASESDI', 'Baseline SLICC/ACR Damage Index', 'integer', 'ADSDI BASE (the screening value)'),
    derived(
      'CSDOSE0',
      'Pred-Eq Dose on Day 0 (mg/day)',
      'float',
      'Daily prednisone-equivalent dose on Day 0 (ADCSDOSE), rounded as SAP section 4.11',
    ),
    flag('CSUSE0FL', 'Corticosteroid Use on Day 0 Flag', 'Y when CSDOSE0 > 0, N when 0; missing if never infused'),
    predecessor('EXVOL', 'Infused Volume (mL)', 'float', 'EX.EXVOL', {
      derivation: 'EXVOL of the EXOCCUR = Y record; missing if never infused or not recorded',
    }),
  ],
};
