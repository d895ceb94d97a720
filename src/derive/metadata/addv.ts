/** ADDV: the protocol deviations derived from the data, one record per enrolled subject (unblinded runs). */
import type { DatasetMeta } from '../dataset-metadata.js';
import { flag, fromAdsl, SUBJECT_VARIABLES } from './common.js';

export const ADDV_META: DatasetMeta = {
  name: 'ADDV',
  label: 'Derived Protocol Deviations',
  class: 'ADAM OTHER',
  structure: 'One record per enrolled subject',
  keys: ['STUDYID', 'USUBJID'],
  variables: [
    ...SUBJECT_VARIABLES,
    fromAdsl('ARMCD', 'Planned Arm Code', 'text', 'ARMCD', { codelist: 'CL.ARMCD' }),
    fromAdsl('ACTARMCD', 'Actual Arm Code', 'text', 'ACTARMCD', { codelist: 'CL.ARMCD' }),
    fromAdsl('INFFL', 'Infused Flag', 'text', 'INFFL', { length: 1, codelist: 'CL.NY' }),
    fromAdsl('SCRSLED', 'Screening SLEDAI-2K Total', 'integer'),
    fromAdsl('STRATUM', 'Stratum from Screening SLEDAI-2K', 'text'),
    fromAdsl('RANDSTR', 'Randomization Stratum', 'text'),
    flag(
      'DVSTRFL',
      'Stratum Deviation Flag',
      'Y when RANDSTR differs from the screening-SLEDAI-2K stratum STRATUM, or STRATUM is missing (SAP section 7.4)',
    ),
    flag('DVARMFL', 'Arm Deviation Flag', 'Y when infused with ACTARMCD different from ARMCD'),
    flag('DVNINFFL', 'Never Infused Flag', 'Y when the subject was never infused'),
    flag('DVANYFL', 'Any Derived Deviation Flag', 'Y when any of DVSTRFL, DVARMFL, DVNINFFL is Y'),
  ],
};
