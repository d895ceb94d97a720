/**
 * Reading a lock folder: every domain file through the CSV layer, its schema and its row rules, then the
 * rules across rows and files, then lock.json. All issues are collected (no cap); the lock is handed out
 * only when none is an error.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT, RunError } from '../core/exit-codes.js';
import { hasErrors, issue, type Issue } from '../core/issues.js';
import {
  AE_SCHEMA,
  CM_SCHEMA,
  DM_SCHEMA,
  DOMAIN_FILES,
  DS_SCHEMA,
  EX_SCHEMA,
  LB_SCHEMA,
  QS_SCHEMA,
  SV_SCHEMA,
} from './domains.js';
import {
  checkOneBodySystemPerTerm,
  checkSubjectsInDm,
  checkUniqueKey,
  keyParts,
  subjectsInDmPass,
  uniqueKeyPass,
  type KeyOf,
  type Located,
} from './key-rules.js';
import { passOver } from './row-pass.js';
import { checkLockManifest } from './manifest-read.js';
import { checkAeRow, checkCmRow, checkDmRow, checkDsRow, checkLbRow, checkQsRow } from './row-rules.js';
import type { TableSchema } from './schema.js';
import { checkDisposition, checkReferenceDates, indexInfusions } from './subject-rules.js';
import { readTable, subjectsWithBrokenRows, type RowLayout, type RowRule, type TableRead } from './table.js';
import { rowsOfArray, type Positional } from './types.js';
import type {
  AeRow,
  CmRow,
  DmRow,
  DsRow,
  ExRow,
  LbRow,
  Lock,
  QsRow,
  RowsByPosition,
  SourceRef,
  SvRow,
} from './types.js';
import { assessmentVisitsPass, checkVisitNames, indexVisits, visitNamesPass, type VisitRow } from './visit-rules.js';
import { MANIFEST_FILE } from './manifest.js';
import { MAX_INPUT_BYTES, useRegularFile } from './read-file.js';
import { streamCsvFile } from './stream-file.js';

export interface ReadLockOptions {
  /** Read a lock whose lock.json is missing or does not match; its problems become warnings. */
  readonly draft: boolean;
}

export interface ReadLockResult {
  /** Null when any issue is an error. */
  readonly lock: Lock | null;
  readonly issues: readonly Issue[];
}

interface Tables {
  readonly dm: TableRead<DmRow> | null;
  readonly ds: TableRead<DsRow> | null;
  readonly sv: TableRead<SvRow> | null;
  readonly ex: TableRead<ExRow> | null;
  readonly qs: TableRead<QsRow> | null;
  readonly lb: TableRead<LbRow> | null;
  readonly cm: TableRead<CmRow> | null;
  readonly ae: TableRead<AeRow> | null;
}

/** Reads and validates the lock in `dir`; throws RunError(NOINPUT) when `dir` is not a readable folder. */
export async function readLock(dir: string, opts: ReadLockOptions): Promise<ReadLockResult> {
  const abs = resolve(dir);
  const entries = listFolder(dir, abs);
  const issues: Issue[] = [];
  // Each file's hash is computed as it is read and parsed (stream-file.ts); used for lock.json.
  const hashing = new Map<string, Promise<string>>();
  const read = <R>(schema: TableSchema<R>, rule: RowRule<R> | null, layout: RowLayout = 'objects') =>
    readDomain(abs, entries, schema, rule, layout, hashing, issues);
  const tables: Tables = {
    dm: await read(DM_SCHEMA, checkDmRow),
    ds: await read(DS_SCHEMA, checkDsRow),
    sv: await read(SV_SCHEMA, null),
    ex: await read(EX_SCHEMA, null),
    // The large domains (~95% of a lock's rows) in columns: memory per subject, not per row object.
    qs: await read(QS_SCHEMA, checkQsRow, 'columns'),
    lb: await read(LB_SCHEMA, checkLbRow, 'columns'),
    cm: await read(CM_SCHEMA, checkCmRow),
    ae: await read(AE_SCHEMA, checkAeRow),
  };
  checkAcrossFiles(tables, issues);
  const hashes = new Map(await Promise.all([...hashing].map(async ([file, hash]) => [file, await hash] as const)));
  const manifest = await checkLockManifest(abs, entries, hashes, opts.draft);
  issues.push(...manifest.issues);
  for (const name of [...entries].sort()) {
    if (name !== MANIFEST_FILE && !(DOMAIN_FILES as readonly string[]).includes(name)) {
      issues.push(issue('notice', name, 'not part of a lock: ignored'));
    }
  }
  const sorted = sortIssues(issues);
  if (hasErrors(sorted)) return { lock: null, issues: sorted };
  const rows = <R>(t: TableRead<R> | null) => (t?.rows ?? []) as unknown as readonly R[];
  // QS is read through new views each time (a 20,000-subject lock's 10.8M views took ~430 MB held to
  // the end of a run, for the three passes that read QS after the derivations began).
  const qsRows = (tables.qs?.rowsAgain ?? (() => [])) as unknown as () => readonly QsRow[];
  const qsAt = (tables.qs?.rowsAt ?? rowsOfArray([])) as unknown as RowsByPosition<QsRow>;
  const lock: Lock = {
    dir: abs,
    manifest: manifest.manifest,
    draft: manifest.draft,
    fileHashes: Object.fromEntries(hashes),
    dm: rows(tables.dm),
    ds: rows(tables.ds),
    sv: rows(tables.sv),
    ex: rows(tables.ex),
    get qs() {
      return qsRows();
    },
    qsRows: qsAt,
    lb: rows(tables.lb),
    cm: rows(tables.cm),
    ae: rows(tables.ae),
  };
  return { lock, issues: sorted };
}

/** As `readLock`, but throws RunError(DATAERR) with the issues when there is any error. */
export async function loadLock(dir: string, opts: ReadLockOptions): Promise<{ lock: Lock; issues: readonly Issue[] }> {
  const { lock, issues } = await readLock(dir, opts);
  if (lock === null) {
    const n = issues.filter((i) => i.severity === 'error').length;
    throw new RunError(
      EXIT.DATAERR,
      `the lock in ${dir} breaks the data transfer specification (${n} error${n === 1 ? '' : 's'})`,
      issues,
    );
  }
  return { lock, issues };
}

/**
 * The names in the lock folder. Synchronous, as the files are read (read-file.ts): each asynchronous call
 * was a round trip through libuv's thread pool with nothing for the run to do meanwhile.
 */
function listFolder(dir: string, abs: string): Set<string> {
  try {
    const s = statSync(abs);
    if (!s.isDirectory()) throw new RunError(EXIT.NOINPUT, `lock folder ${dir} is not a folder`);
    return new Set(readdirSync(abs));
  } catch (e) {
    if (e instanceof RunError) throw e;
    throw new RunError(
      EXIT.NOINPUT,
      `cannot read the lock folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
    );
  }
}

async function readDomain<R>(
  abs: string,
  entries: ReadonlySet<string>,
  schema: TableSchema<R>,
  rule: RowRule<R> | null,
  layout: RowLayout,
  hashes: Map<string, Promise<string>>,
  issues: Issue[],
): Promise<TableRead<R> | null> {
  const { file } = schema;
  if (!entries.has(file)) {
    issues.push(issue('error', file, 'required file of the lock is missing'));
    return null;
  }
  const before = issues.length;
  const read = await useRegularFile(join(abs, file), MAX_INPUT_BYTES, (input) => {
    // A decoder drops a leading byte-order mark; parsing drops one more, as it did after decoding.
    const csv = streamCsvFile(input, file, issues, 2);
    const table = csv.table === null ? null : readTable(schema, csv.table, issues, rule ?? undefined, layout);
    return { table, ...csv.finish() };
  });
  if (read.value === null) {
    issues.push(issue('error', file, `the file ${read.problem}`));
    return null;
  }
  hashes.set(file, Promise.resolve(read.value.sha256));
  // The bytes are parsed as they are (csv.ts), never decoded as a whole: only checked, and a file that
  // is not UTF-8 has that one problem.
  if (!read.value.utf8) {
    issues.length = before;
    issues.push(issue('error', file, 'file is not valid UTF-8'));
    return null;
  }
  return read.value.table;
}

/** Identity, keys, visits and subject rules (lock.md §Identity and keys, §Visits; domains.md). */
function checkAcrossFiles(t: Tables, issues: Issue[]): void {
  const { dm, ds, sv, ex, qs, lb, cm, ae } = t;
  if (dm !== null && dm.rows.length === 0) {
    issues.push(
      issue(
        'error',
        'dm.csv',
        'no subjects: dm.csv has a header but no rows, and a lock without subjects has nothing to analyse',
      ),
    );
  }
  if (dm !== null) checkUniqueKey(dm.rows, (r) => [r.USUBJID], 'USUBJID', 'subject', issues);
  const dmSubjects =
    dm?.present.has('USUBJID') === true ? new Set(dm.rows.map((r) => r.USUBJID).filter((u) => u !== null)) : null;
  const others: readonly Positional<{ readonly src: SourceRef; readonly USUBJID: string | null }>[] = [
    ds?.rows ?? [],
    sv?.rows ?? [],
    ex?.rows ?? [],
    cm?.rows ?? [],
    ae?.rows ?? [],
  ];
  if (dmSubjects !== null) for (const rows of others) checkSubjectsInDm(rows, dmSubjects, issues);
  if (sv !== null) {
    checkUniqueKey(sv.rows, (r) => [r.USUBJID, r.VISITNUM], 'VISITNUM', 'visit USUBJID + VISITNUM', issues);
    checkVisitNames(sv.rows, issues);
  }
  const seq = <
    R extends { readonly USUBJID: string | null; readonly src: { readonly line: number; readonly file: string } },
  >(
    rows: Positional<R>,
    column: string,
    value: (r: R) => number | null,
  ) => checkUniqueKey(rows, (r) => [r.USUBJID, value(r)], column, `${column} of the subject`, issues);
  if (ds !== null) seq(ds.rows, 'DSSEQ', (r) => r.DSSEQ);
  if (ex !== null) seq(ex.rows, 'EXSEQ', (r) => r.EXSEQ);
  if (cm !== null) seq(cm.rows, 'CMSEQ', (r) => r.CMSEQ);
  if (ae !== null) {
    seq(ae.rows, 'AESEQ', (r) => r.AESEQ);
    checkOneBodySystemPerTerm(ae.rows, issues);
  }
  const visits = sv?.complete === true ? indexVisits(sv.rows) : null;
  // QS and LB (views of columns) are passed over once for all their rules, one view at a time
  // (`rowsAt`): an array of them all was ~0.4 GB of a 20,000-subject lock's QS, and each rule's own
  // pass made every view again. Their issues keep the order of one pass per rule (row-pass.ts).
  const assessmentRules = <R extends Located & VisitRow & { readonly USUBJID: string | null }>(
    rows: Positional<R>,
    seq: KeyOf<R>,
    seqColumn: string,
    key: KeyOf<R>,
    keyColumn: string,
    keyWhat: string,
    dateColumn: keyof R & string,
  ): void =>
    passOver(
      rows,
      [
        ...(dmSubjects === null ? [] : [subjectsInDmPass<R>(dmSubjects)]),
        uniqueKeyPass(rows, seq, seqColumn, `${seqColumn} of the subject`),
        uniqueKeyPass(rows, key, keyColumn, keyWhat),
        visitNamesPass<R>(),
        ...(visits === null ? [] : [assessmentVisitsPass<R>(dateColumn, visits)]),
      ],
      issues,
    );
  if (qs !== null) {
    assessmentRules(
      qs.rowsAt,
      (r, k) => keyParts(k, r.USUBJID, r.QSSEQ),
      'QSSEQ',
      (r, k) => keyParts(k, r.USUBJID, r.VISITNUM, r.QSCAT, r.QSTESTCD),
      'QSTESTCD',
      'assessment USUBJID + VISITNUM + QSCAT + QSTESTCD',
      'QSDTC',
    );
  }
  if (lb !== null) {
    assessmentRules(
      lb.rowsAt,
      (r, k) => keyParts(k, r.USUBJID, r.LBSEQ),
      'LBSEQ',
      (r, k) => keyParts(k, r.USUBJID, r.VISITNUM, r.LBTESTCD),
      'LBTESTCD',
      'result USUBJID + VISITNUM + LBTESTCD',
      'LBDTC',
    );
  }
  if (dm !== null && ds !== null && ds.complete) checkDisposition(dm.rows, ds.rows, subjectsWithBrokenRows(ds), issues);
  if (dm !== null && ex !== null && ex.complete) {
    const infusions = indexInfusions(ex.rows, issues);
    const soundDm = dm.rows.filter((_, i) => dm.sound[i]);
    checkReferenceDates(soundDm, infusions, subjectsWithBrokenRows(ex), issues);
  }
}

const FILE_RANK = new Map<string, number>([...DOMAIN_FILES, MANIFEST_FILE].map((f, i) => [f, i]));

/** Issues in file order (domains, lock.json, others), then by line; stable within a line. */
function sortIssues(issues: readonly Issue[]): Issue[] {
  const rank = (i: Issue) => FILE_RANK.get(i.file) ?? FILE_RANK.size;
  return [...issues].sort((a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
