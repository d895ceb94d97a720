/**
 * The lock's CSV files as text: columns in the order of ../shared/dts/domains.md, `--SEQ` numbered
 * 1, 2, … per subject in the order the rows were generated, RFC 4180 with LF line ends; and lock.json
 * with the SHA-256 of every file.
 *
 * Cells are quoted exactly as csv-stringify 6 does by default (only when they hold a comma, a quote or a
 * line break; quotes doubled); a test checks the bytes against csv-stringify. The writer is inlined
 * because csv-stringify's per-field casting was half of the run time at n = 10,000.
 */
import { createHash } from 'node:crypto';
import { LOCK_ID, LOCKED_AT, STUDYID } from './code-lists.js';
import type { SubjectRecords } from './subject-records.js';
import type { CsvRow } from './types.js';

export const DOMAIN_COLUMNS = {
  'dm.csv': [
    'STUDYID',
    'DOMAIN',
    'USUBJID',
    'SUBJID',
    'RFSTDTC',
    'RFENDTC',
    'SITEID',
    'AGE',
    'AGEU',
    'SEX',
    'RACE',
    'ETHNIC',
    'ARMCD',
    'ARM',
    'ACTARMCD',
    'ACTARM',
    'COUNTRY',
    'WEIGHTBL',
  ],
  'ds.csv': ['STUDYID', 'DOMAIN', 'USUBJID', 'DSSEQ', 'DSTERM', 'DSDECOD', 'DSCAT', 'DSSTDTC'],
  'sv.csv': ['STUDYID', 'DOMAIN', 'USUBJID', 'VISITNUM', 'VISIT', 'SVSTDTC'],
  'ex.csv': ['STUDYID', 'DOMAIN', 'USUBJID', 'EXSEQ', 'EXTRT', 'EXROUTE', 'EXVOL', 'EXSTDTC', 'EXOCCUR'],
  'qs.csv': [
    'STUDYID',
    'DOMAIN',
    'USUBJID',
    'QSSEQ',
    'QSCAT',
    'QSTESTCD',
    'QSTEST',
    'QSORRES',
    'QSSTRESC',
    'QSSTRESN',
    'QSSTAT',
    'QSREASND',
    'VISITNUM',
    'VISIT',
    'QSDTC',
  ],
  'lb.csv': [
    'STUDYID',
    'DOMAIN',
    'USUBJID',
    'LBSEQ',
    'LBTESTCD',
    'LBTEST',
    'LBCAT',
    'LBSPEC',
    'LBORRES',
    'LBORRESU',
    'LBSTRESC',
    'LBSTRESN',
    'LBSTRESU',
    'LBSTNRLO',
    'LBSTNRHI',
    'LBNRIND',
    'LBSTAT',
    'VISITNUM',
    'VISIT',
    'LBDTC',
  ],
  'cm.csv': [
    'STUDYID',
    'DOMAIN',
    'USUBJID',
    'CMSEQ',
    'CMTRT',
    'CMDECOD',
    'CMCAT',
    'CMDOSE',
    'CMDOSU',
    'CMDOSFRQ',
    'CMROUTE',
    'CMSTDTC',
    'CMENDTC',
    'CMENRTPT',
  ],
  'ae.csv': [
    'STUDYID',
    'DOMAIN',
    'USUBJID',
    'AESEQ',
    'AETERM',
    'AEDECOD',
    'AEBODSYS',
    'AESEV',
    'AESER',
    'AEREL',
    'AEACN',
    'AEOUT',
    'AESTDTC',
    'AEENDTC',
  ],
} as const satisfies Record<string, readonly string[]>;

export type LockFileName = keyof typeof DOMAIN_COLUMNS;
export const LOCK_FILE_NAMES = Object.keys(DOMAIN_COLUMNS) as LockFileName[];

const RECORD_KEY: Readonly<Record<LockFileName, keyof SubjectRecords>> = {
  'dm.csv': 'dm',
  'ds.csv': 'ds',
  'sv.csv': 'sv',
  'ex.csv': 'ex',
  'qs.csv': 'qs',
  'lb.csv': 'lb',
  'cm.csv': 'cm',
  'ae.csv': 'ae',
};

export function headerLine(file: LockFileName): string {
  return `${DOMAIN_COLUMNS[file].join(',')}\n`;
}

/** One subject's rows of one file, without the header. */
export function subjectChunk(file: LockFileName, records: SubjectRecords): string {
  const rows: readonly CsvRow[] = records[RECORD_KEY[file]];
  if (rows.length === 0) return '';
  const columns = DOMAIN_COLUMNS[file];
  const seqColumn = columns.find((c) => c.endsWith('SEQ'));
  let out = '';
  rows.forEach((row, i) => {
    let line = '';
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k] as string;
      const cell = c === seqColumn ? String(i + 1) : (row[c] ?? '');
      line += k === 0 ? csvCell(cell) : `,${csvCell(cell)}`;
    }
    out += `${line}\n`;
  });
  return out;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One RFC 4180 field. */
export function csvCell(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** lock.json as data management writes it at lock (files in a fixed order, two-space indent, LF). */
export function lockJson(hashes: Readonly<Record<string, string>>): string {
  const files: Record<string, string> = {};
  for (const f of LOCK_FILE_NAMES) {
    const h = hashes[f];
    if (h === undefined) throw new Error(`no hash for ${f}`);
    files[f] = h;
  }
  return `${JSON.stringify({ study: STUDYID, lockId: LOCK_ID, lockedAt: LOCKED_AT, blinded: true, files }, null, 2)}\n`;
}
