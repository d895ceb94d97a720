/**
 * The randomization file delivered at unblinding (../shared/dts/randomization.md), read against a valid
 * lock: one row per DM subject and no other, RANDNO unique, ARM matching ARMCD, ACTARMCD given exactly
 * for the infused subjects (EX EXOCCUR = Y). Issues name the file as the user gave it.
 */
import { ARM_NAMES } from '../ard/arms.js';
import { EXIT, RunError } from '../core/exit-codes.js';
import { hasErrors, issue, type Issue } from '../core/issues.js';
import { parseCsv } from './csv.js';
import { STUDY } from './domains.js';
import { checkUniqueKey } from './key-rules.js';
import { MAX_INPUT_BYTES, readRegularFile } from './read-file.js';
import type { Loose, TableSchema } from './schema.js';
import { readTable } from './table.js';
import { ARM_CODES, type Lock, type RandomizationRow } from './types.js';

/** ARMCD → ARM, in display order (src/ard/arms.ts). */
export { ARM_NAMES };

function randomizationSchema(file: string): TableSchema<RandomizationRow> {
  return {
    file,
    columns: {
      STUDYID: { type: 'char', req: 'Y', terms: [STUDY] },
      USUBJID: { type: 'char', req: 'Y' },
      RANDNO: { type: 'char', req: 'Y' },
      RANDDT: { type: 'date', req: 'Y' },
      STRATUM: { type: 'char', req: 'Y', terms: ['<10', '>=10'] },
      ARMCD: { type: 'char', req: 'Y', terms: ARM_CODES },
      ARM: { type: 'char', req: 'Y', terms: Object.values(ARM_NAMES) },
      ACTARMCD: { type: 'char', req: 'C', terms: ARM_CODES },
    },
  };
}

export interface ReadRandomizationResult {
  /** Null when any issue is an error. */
  readonly rows: readonly RandomizationRow[] | null;
  readonly issues: readonly Issue[];
}

/**
 * Reads and validates the randomization file `file` (path as given on the command line, also the
 * `file` of its issues and rows) against `lock`. Throws RunError(NOINPUT) when it cannot be read.
 * With `lock` null (the lock itself is broken) only the file's own rules are checked, so that a run
 * reports the defects of both files at once (cli.md: all defects are collected before exiting).
 */
export async function readRandomization(file: string, lock: Lock | null): Promise<ReadRandomizationResult> {
  const bytes = await readInput(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { rows: null, issues: [issue('error', file, 'file is not valid UTF-8')] };
  }
  const issues: Issue[] = [];
  const csv = parseCsv(text, file, issues);
  if (csv === null) return { rows: null, issues };
  const table = readTable(randomizationSchema(file), csv, issues);
  checkRandomizationRows(table.rows, table.sound, lock, file, issues);
  if (hasErrors(issues)) return { rows: null, issues: issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  return { rows: table.rows as unknown as readonly RandomizationRow[], issues };
}

/** As `readRandomization`, but throws RunError(DATAERR) with the issues when there is any error. */
export async function loadRandomization(
  file: string,
  lock: Lock,
): Promise<{ rows: readonly RandomizationRow[]; issues: readonly Issue[] }> {
  const { rows, issues } = await readRandomization(file, lock);
  if (rows === null)
    throw new RunError(EXIT.DATAERR, `the randomization file ${file} breaks the data transfer specification`, issues);
  return { rows, issues };
}

/** The file's bytes; a path that is not a readable regular file of at most 2 GiB is NOINPUT (cli.md). */
async function readInput(file: string): Promise<Buffer> {
  const { bytes, problem } = await readRegularFile(file, MAX_INPUT_BYTES);
  if (bytes === null) throw new RunError(EXIT.NOINPUT, `the randomization file ${file} ${problem}`);
  return bytes;
}

/** The rules of randomization.md that relate rows to each other and, unless `lock` is null, to the lock. */
export function checkRandomizationRows(
  rows: readonly Loose<RandomizationRow>[],
  sound: readonly boolean[],
  lock: Lock | null,
  file: string,
  issues: Issue[],
): void {
  checkUniqueKey(rows, (r) => [r.USUBJID], 'USUBJID', 'subject', issues);
  checkUniqueKey(rows, (r) => [r.RANDNO], 'RANDNO', 'RANDNO', issues);
  const at = (row: Loose<RandomizationRow>, column: string, rule: string) =>
    issues.push(issue('error', file, rule, row.src.line, column));
  rows.forEach((row, i) => {
    if (row.USUBJID === null) return;
    if (sound[i] && row.ARMCD !== null && row.ARM !== ARM_NAMES[row.ARMCD]) {
      at(row, 'ARM', `ARM '${row.ARM}' does not match ARMCD ${row.ARMCD} (expected '${ARM_NAMES[row.ARMCD]}')`);
    }
  });
  if (lock !== null) checkAgainstLock(rows, sound, lock, file, issues);
}

function checkAgainstLock(
  rows: readonly Loose<RandomizationRow>[],
  sound: readonly boolean[],
  lock: Lock,
  file: string,
  issues: Issue[],
): void {
  const dm = new Map(lock.dm.map((r) => [r.USUBJID, r]));
  const infused = new Set(lock.ex.filter((r) => r.EXOCCUR === 'Y').map((r) => r.USUBJID));
  const at = (row: Loose<RandomizationRow>, column: string, rule: string) =>
    issues.push(issue('error', file, rule, row.src.line, column));
  rows.forEach((row, i) => {
    if (row.USUBJID === null) return;
    // An unknown subject has no infusion record either: one issue, not a second about ACTARMCD.
    if (!dm.has(row.USUBJID)) {
      at(row, 'USUBJID', `subject ${row.USUBJID} is not in the lock's dm.csv`);
      return;
    }
    if (!sound[i]) return;
    if (infused.has(row.USUBJID) && row.ACTARMCD === null)
      at(row, 'ACTARMCD', 'required: the subject was infused (EXOCCUR = Y)');
    if (!infused.has(row.USUBJID) && row.ACTARMCD !== null)
      at(row, 'ACTARMCD', 'must be empty: the subject was never infused');
  });
  const listed = new Set(rows.map((r) => r.USUBJID));
  for (const subject of lock.dm) {
    if (!listed.has(subject.USUBJID)) {
      issues.push(issue('error', file, `subject ${subject.USUBJID} (dm.csv line ${subject.src.line}) has no row`));
    }
  }
}
