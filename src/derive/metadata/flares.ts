/** The flare datasets: ADFLARE (assessments), ADFLRSUM (windows), ADFLRLST (listing rows). */
import type { DatasetMeta, VariableMeta } from '../dataset-metadata.js';
import { assigned, AVISIT, AVISITN, derived, flag, predecessor, SUBJECT_VARIABLES, visitVariables } from './common.js';

const SEVERITY = 'SEVERE, MODERATE or MILD (SAP section 5.5)';

/** `W12FL`, `W24FL` … : the window-membership variables of ADFLARE, one per SAP flare window. */
export function windowFlagColumn(week: number): string {
  return `W${week}FL`;
}

export function adflareMeta(flareWindowWeeks: readonly number[]): DatasetMeta {
  const windows: VariableMeta[] = flareWindowWeeks.map((w) =>
    flag(
      windowFlagColumn(w),
      `At or Before Week ${w} Flag`,
      `Y when ADY <= the Week ${w} cut-off (SAP section 4.5), else N; missing if never infused`,
    ),
  );
  return {
    name: 'ADFLARE',
    label: 'BILAG-2004 Flare Assessments',
    class: 'ADAM OTHER',
    structure: 'One record per subject per post-baseline BILAG-2004 assessment',
    keys: ['STUDYID', 'USUBJID', 'VISITNUM'],
    variables: [
      ...SUBJECT_VARIABLES,
      ...visitVariables('QS', 'QSDTC'),
      derived('NGRADED', 'Number of Domains Graded', 'integer', 'BILAG-2004 domains with a grade at this assessment'),
      flag(
        'FLAREFL',
        'Flare Flag',
        'Y when a domain shows a severe or moderate flare versus its most recent earlier grade (SAP section 5.5)',
      ),
      flag('RENFL', 'Renal Flare Flag', 'FLAREFL restricted to the renal domain'),
      flag('NRENFL', 'Non-Renal Flare Flag', 'FLAREFL restricted to the non-renal domains'),
      flag('SEVFL', 'Severe Flare Flag', 'Y when a domain shows a severe flare'),
      derived(
        'NRENSEV',
        'Worst Non-Renal Flare Severity',
        'text',
        `Worst flare severity over the non-renal domains: ${SEVERITY}`,
      ),
      derived('WORSTSEV', 'Worst Flare Severity', 'text', `Worst flare severity over all domains: ${SEVERITY}`),
      ...windows,
    ],
  };
}

export const ADFLRSUM_META: DatasetMeta = {
  name: 'ADFLRSUM',
  label: 'BILAG-2004 Flare Summary per Window',
  class: 'ADAM OTHER',
  structure: 'One record per infused subject per flare window',
  keys: ['STUDYID', 'USUBJID', 'AVISITN'],
  variables: [
    ...SUBJECT_VARIABLES,
    AVISIT,
    AVISITN,
    derived(
      'CUTDY',
      'Window Cut-off Study Day',
      'integer',
      'Protocol day of the Week w visit; day 7w without that visit (SAP section 4.5)',
    ),
    derived('CUTSRC', 'Window Cut-off Source', 'text', 'VISIT or DAY: where CUTDY comes from'),
    derived(
      'NASSESS',
      'Number of Assessments in Window',
      'integer',
      'Post-baseline BILAG-2004 assessments with ADY <= CUTDY',
    ),
    derived('ADURDY', 'Days at Risk', 'integer', 'Largest ADY of the assessments in the window (0 without any)'),
    derived('PYEARS', 'Patient-Years at Risk', 'float', 'ADURDY / 365.25'),
    derived('FLARE', 'Number of Flaring Assessments', 'integer', 'Assessments in the window with FLAREFL = Y'),
    derived('FLARREN', 'Number of Renal Flaring Assessments', 'integer', 'Assessments in the window with RENFL = Y'),
    derived(
      'FLARNREN',
      'Number of Non-Renal Flaring Assessments',
      'integer',
      'Assessments in the window with NRENFL = Y',
    ),
    derived('FLARSEV', 'Number of Severe Flaring Assessments', 'integer', 'Assessments in the window with SEVFL = Y'),
  ],
};

export const ADFLRLST_META: DatasetMeta = {
  name: 'ADFLRLST',
  label: 'BILAG-2004 Flare Listing',
  class: 'ADAM OTHER',
  structure: 'One record per subject per assessment per flaring domain',
  keys: ['STUDYID', 'USUBJID', 'VISITNUM', 'PARAMCD'],
  variables: [
    ...SUBJECT_VARIABLES,
    predecessor('VISITNUM', 'Visit Number', 'float', 'QS.VISITNUM'),
    predecessor('VISIT', 'Visit Name', 'text', 'QS.VISIT'),
    predecessor('ADT', 'Analysis Date', 'date', 'QS.QSDTC'),
    derived('ADY', 'Analysis Relative Day', 'integer', 'ADT - TRTSDT (protocol day; the infusion day is Day 0)'),
    assigned('PARAMCD', 'Parameter Code', 'text', { codelist: 'CL.PARAMCD.BLGDOM' }),
    derived('PARAM', 'Parameter', 'text', 'BILAG-2004 domain name'),
    derived('PREVC', 'Previous Grade', 'text', 'The most recent earlier grade of the domain'),
    predecessor('AVALC', 'Analysis Value (C)', 'text', 'QS.QSSTRESC'),
    derived('FLRSEV', 'Flare Severity', 'text', `Severity of the transition PREVC -> AVALC: ${SEVERITY}`),
    flag('FLAREFL', 'Flare Flag', 'Y when FLRSEV is SEVERE or MODERATE, N when MILD'),
    flag('RENALFL', 'Renal Domain Flag', 'Y for the renal domain'),
  ],
};
