/**
 * Building blocks of the dataset metadata: variable constructors and the variables many datasets share
 * (identifiers, treatment and population flags copied from ADSL, timing). ADaM IG 1.3 names and labels,
 * admiral's vocabulary.
 */
import type { OriginType, VariableMeta, VariableType } from '../dataset-metadata.js';

type Extra = Partial<Omit<VariableMeta, 'name' | 'label' | 'type'>>;

function variable(name: string, label: string, type: VariableType, origin: OriginType, extra: Extra): VariableMeta {
  return { name, label, type, origin, ...extra };
}

/** A variable derived by this program; `derivation` says how (it becomes a Define-XML method). */
export function derived(
  name: string,
  label: string,
  type: VariableType,
  derivation: string,
  extra: Extra = {},
): VariableMeta {
  return variable(name, label, type, 'Derived', {
    ...(type === 'date' ? { displayFormat: 'DATE9.' } : {}),
    ...extra,
    derivation,
  });
}

/** A variable copied from an SDTM-like domain column (`source`: `DM.AGE`). */
export function predecessor(
  name: string,
  label: string,
  type: VariableType,
  source: string,
  extra: Extra = {},
): VariableMeta {
  return variable(name, label, type, 'Predecessor', {
    ...(type === 'date' ? { displayFormat: 'DATE9.' } : {}),
    ...extra,
    source,
  });
}

/** A constant assigned by the program (a parameter code). */
export function assigned(name: string, label: string, type: VariableType, extra: Extra = {}): VariableMeta {
  return variable(name, label, type, 'Assigned', extra);
}

/** A Y/N flag (missing allowed) on the NY codelist. */
export function flag(name: string, label: string, derivation: string): VariableMeta {
  return derived(name, label, 'text', derivation, { length: 1, codelist: 'CL.NY' });
}

/** A copy of an ADSL variable (makeDataset fills it from the subject's ADSL record). */
export function fromAdsl(
  name: string,
  label: string,
  type: VariableType,
  adslName = name,
  extra: Extra = {},
): VariableMeta {
  return predecessor(name, label, type, `ADSL.${adslName}`, extra);
}

export const STUDYID = fromAdsl('STUDYID', 'Study Identifier', 'text');
export const USUBJID = fromAdsl('USUBJID', 'Unique Subject Identifier', 'text');

/**
 * The subject-level variables every dataset but ADSL carries, in ADaM order: identifiers, planned and
 * actual treatment (empty in a blinded run, as in ADSL), population flags.
 */
export const SUBJECT_VARIABLES: readonly VariableMeta[] = [
  STUDYID,
  USUBJID,
  fromAdsl('TRTP', 'Planned Treatment', 'text', 'TRT01P', { codelist: 'CL.TRT' }),
  fromAdsl('TRTPN', 'Planned Treatment (N)', 'integer', 'TRT01PN', { codelist: 'CL.TRTN' }),
  fromAdsl('TRTA', 'Actual Treatment', 'text', 'TRT01A', { codelist: 'CL.TRT' }),
  fromAdsl('TRTAN', 'Actual Treatment (N)', 'integer', 'TRT01AN', { codelist: 'CL.TRTN' }),
  fromAdsl('FASFL', 'Full Analysis Set Population Flag', 'text', 'FASFL', { length: 1, codelist: 'CL.NY' }),
  fromAdsl('SAFFL', 'Safety Population Flag', 'text', 'SAFFL', { length: 1, codelist: 'CL.NY' }),
];

/** The visit and timing variables of a by-assessment BDS record, `domain` being the SDTM source. */
export function visitVariables(domain: string, dateColumn: string): VariableMeta[] {
  return [
    predecessor('VISITNUM', 'Visit Number', 'float', `${domain}.VISITNUM`),
    predecessor('VISIT', 'Visit Name', 'text', `${domain}.VISIT`),
    AVISIT,
    AVISITN,
    predecessor('ADT', 'Analysis Date', 'date', `${domain}.${dateColumn}`),
    ADY,
  ];
}

export const AVISIT = derived(
  'AVISIT',
  'Analysis Visit',
  'text',
  'The scheduled visit of VISITNUM (SAP schedule, settings visits); missing for an unscheduled visit',
  { codelist: 'CL.AVISIT' },
);
export const AVISITN = derived(
  'AVISITN',
  'Analysis Visit (N)',
  'integer',
  'Protocol week of AVISIT (scheduled protocol day / 7)',
  { codelist: 'CL.AVISITN' },
);
export const ADY = derived(
  'ADY',
  'Analysis Relative Day',
  'integer',
  'ADT - TRTSDT (protocol day; the infusion day is Day 0); missing if never infused',
);

export function ablfl(rule: string): VariableMeta {
  return flag('ABLFL', 'Baseline Record Flag', rule);
}

export const BASELINE_RULE =
  'SAP section 3: the last non-missing value on or before Day 0 (Day 0 visit first, else screening)';

/** ANL01FL of a by-visit parameter: the records the by-visit summaries and models read. */
export const ANL01FL = flag(
  'ANL01FL',
  'Analysis Flag 01',
  'Y for the baseline record and each scheduled post-baseline visit (SAP section 4.3; unscheduled visits are not summarised by visit)',
);
