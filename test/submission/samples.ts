/**
 * Hand-made metadata and rows for the submission writers' tests: a dataset that holds the extremes of
 * every type (IBM float range edges, ±0, missing, the 200-byte text limit, dates around the SAS epoch
 * and at the ends of the lock's date range), and a codelist. Also the source of the committed sample
 * XPT that R reads back (test/fixtures/submission/make-xpt-read.R).
 */
import type { CodeListMeta, DatasetMeta } from '../../src/derive/dataset-metadata.js';
import type { SubmissionRow } from '../../src/submission/columns.js';

export const SAMPLE_CODELISTS: readonly CodeListMeta[] = [
  {
    id: 'CL.NY',
    name: 'No Yes Response',
    dataType: 'text',
    items: [
      { code: 'N', decode: 'No' },
      { code: 'Y', decode: 'Yes' },
    ],
  },
  { id: 'CL.PARAMCD', name: 'Parameter Code', dataType: 'text', items: [{ code: 'X' }, { code: 'Y' }] },
  {
    id: 'CL.AVISITN',
    name: 'Analysis Visit (N)',
    dataType: 'integer',
    items: [
      { code: '0', decode: 'DAY 0' },
      { code: '4', decode: 'WEEK 4' },
    ],
  },
];

export const SAMPLE_META: DatasetMeta = {
  name: 'ADXT',
  label: 'Extremes of every type',
  class: 'BASIC DATA STRUCTURE',
  structure: 'One record per subject per parameter',
  keys: ['USUBJID', 'PARAMCD', 'SEQ'],
  variables: [
    { name: 'USUBJID', label: 'Unique Subject Identifier', type: 'text', origin: 'Predecessor', source: 'DM.USUBJID' },
    { name: 'PARAMCD', label: 'Parameter Code', type: 'text', origin: 'Assigned', codelist: 'CL.PARAMCD' },
    {
      name: 'SEQ',
      label: 'Sequence Number',
      type: 'integer',
      origin: 'Derived',
      derivation: 'Row number within subject',
    },
    {
      name: 'AVAL',
      label: 'Analysis Value',
      type: 'float',
      displayFormat: '8.3',
      origin: 'Derived',
      derivation: 'The value as measured',
    },
    {
      name: 'AVISITN',
      label: 'Analysis Visit (N)',
      type: 'integer',
      origin: 'Derived',
      codelist: 'CL.AVISITN',
      derivation: 'Protocol week of the visit',
    },
    {
      name: 'ADT',
      label: 'Analysis Date',
      type: 'date',
      displayFormat: 'DATE9.',
      origin: 'Derived',
      derivation: 'Date part of the assessment date',
    },
    {
      name: 'BDT',
      label: 'Baseline Date',
      type: 'date',
      displayFormat: 'E8601DA.',
      origin: 'Predecessor',
      source: 'DM.RFSTDTC',
    },
    {
      name: 'ANL01FL',
      label: 'Analysis Flag 01',
      type: 'text',
      length: 1,
      origin: 'Derived',
      codelist: 'CL.NY',
      derivation: 'Y for the record analysed, else missing',
    },
    { name: 'COMMENT', label: 'Comment, with "quotes" & <markup>', type: 'text', origin: 'Collected' },
  ],
};

/** Doubles chosen for the IBM conversion: exact values, range edges, underflow and rounding to 0. */
export const SAMPLE_FLOATS: readonly (number | null)[] = [
  0,
  -0,
  0.1,
  -2.5,
  1 / 3,
  Math.PI,
  123456789.123,
  Number.MAX_SAFE_INTEGER,
  2 ** 252 * (1 - 2 ** -53), // the largest double below the IBM overflow 16^63
  2 ** -260, // the smallest normalised IBM double 16^-65
  1.5 * 2 ** -261, // rounds up to 16^-65
  2 ** -262, // rounds down to 0
  1e-300, // underflow: 0
  -1e-78,
  5e-324, // the smallest subnormal double: 0
  null,
];

const DATES: readonly (string | null)[] = ['1960-01-01', '1959-12-31', '1900-01-01', '2100-12-31', '2027-01-15', null];

/** The sample rows: one per float, dates and texts cycling through their extremes. */
export const SAMPLE_ROWS: readonly SubmissionRow[] = SAMPLE_FLOATS.map((aval, i) => ({
  USUBJID: `S-${String(Math.floor(i / 4) + 1).padStart(3, '0')}`,
  PARAMCD: i % 2 === 0 ? 'X' : 'Y',
  SEQ: i + 1,
  AVAL: aval,
  AVISITN: i % 3 === 2 ? null : (i % 3) * 4,
  ADT: DATES[i % DATES.length] ?? null,
  BDT: DATES[(i + 3) % DATES.length] ?? null,
  ANL01FL: i % 4 === 0 ? 'Y' : null,
  COMMENT: i === 0 ? 'x'.repeat(200) : i === 1 ? '' : i === 2 ? null : `row ${i + 1}: a, "quoted" & <tagged> value`,
}));

/** What each float is written as (the IBM conversion's documented policy), for the read-back checks. */
export function expectedFloat(x: number | null): number | null {
  if (x === null) return null;
  const mag = Math.abs(x);
  if (mag < 2 ** -261) return 0;
  if (mag < 2 ** -260) return Math.sign(x) * 2 ** -260;
  return x === 0 ? 0 : x;
}

/** A subject-level dataset of two variables, one with a codelist. */
export const SAMPLE_SUBJECTS: DatasetMeta = {
  name: 'ADSB',
  label: 'Subjects',
  class: 'SUBJECT LEVEL ANALYSIS DATASET',
  structure: 'One record per subject',
  keys: ['USUBJID'],
  variables: [
    { name: 'USUBJID', label: 'Unique Subject Identifier', type: 'text', origin: 'Predecessor', source: 'DM.USUBJID' },
    {
      name: 'SAFFL',
      label: 'Safety Population Flag',
      type: 'text',
      codelist: 'CL.NY',
      origin: 'Derived',
      derivation: 'Y when infused',
    },
  ],
};
