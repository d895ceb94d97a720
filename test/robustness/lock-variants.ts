/**
 * Test helpers: degenerate but DTS-conformant variants of a simulated lock (everyone withdrawing at
 * Week 4, an arm never infused, no AEs …). Each variant edits the parsed CSV records in memory; then
 * the files are written back and lock.json is resealed, so the lock stays valid and only the data
 * are odd.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { resealLock } from '../lock/lock-fixture.js';

export type Row = Record<string, string>;

export interface Table {
  readonly columns: readonly string[];
  rows: Row[];
}

/** The lock's eight domains and the randomization file, by file name. */
export type LockTables = Map<string, Table>;

const LOCK_FILES = ['dm.csv', 'ds.csv', 'sv.csv', 'ex.csv', 'qs.csv', 'lb.csv', 'cm.csv', 'ae.csv'];

async function readTable(path: string): Promise<Table> {
  const text = await readFile(path, 'utf8');
  const records = parse(text, { columns: true }) as Row[];
  const header = parse(text.split('\n', 1)[0]!) as string[][];
  return { columns: header[0]!, rows: records };
}

async function writeTable(path: string, t: Table): Promise<void> {
  await writeFile(path, stringify(t.rows, { header: true, columns: [...t.columns], record_delimiter: '\n' }));
}

/**
 * Applies `edits` in order to the lock in `simDir/lock` and `simDir/randomization.csv` (the layout
 * `sle-msc simulate` writes), then reseals lock.json.
 */
export async function editSimulatedLock(simDir: string, ...edits: ((t: LockTables) => void)[]): Promise<void> {
  const lockDir = join(simDir, 'lock');
  const paths = new Map([
    ...LOCK_FILES.map((f) => [f, join(lockDir, f)] as const),
    ['randomization.csv', join(simDir, 'randomization.csv')],
  ]);
  const tables: LockTables = new Map();
  for (const [name, path] of paths) tables.set(name, await readTable(path));
  for (const edit of edits) edit(tables);
  for (const [name, path] of paths) await writeTable(path, tables.get(name)!);
  await resealLock(lockDir);
}

const table = (t: LockTables, name: string): Table => t.get(name)!;
const visitNum = (r: Row): number => Number(r['VISITNUM']);
const keepRows = (t: LockTables, name: string, keep: (r: Row) => boolean): void => {
  table(t, name).rows = table(t, name).rows.filter(keep);
};
/** Visit-dated domains. */
const VISIT_DOMAINS = ['sv.csv', 'qs.csv', 'lb.csv'];

/** Every infused subject's last visit is Week 4 (VISITNUM 3): withdrawn that day, nothing recorded after it. */
export function everyoneWithdrawsAtWeek4(t: LockTables): void {
  const week4 = new Map(
    table(t, 'sv.csv')
      .rows.filter((r) => visitNum(r) === 3)
      .map((r) => [r['USUBJID']!, r['SVSTDTC']!]),
  );
  for (const name of VISIT_DOMAINS) keepRows(t, name, (r) => visitNum(r) < 4);
  for (const r of table(t, 'dm.csv').rows)
    if (r['RFSTDTC'] && week4.has(r['USUBJID']!)) r['RFENDTC'] = week4.get(r['USUBJID']!)!;
  for (const r of table(t, 'ds.csv').rows) {
    const end = week4.get(r['USUBJID']!);
    if (r['DSCAT'] === 'DISPOSITION EVENT' && end !== undefined)
      Object.assign(r, { DSDECOD: 'WITHDRAWAL BY SUBJECT', DSTERM: 'Subject withdrew consent', DSSTDTC: end });
  }
  const end = (r: Row) => week4.get(r['USUBJID']!);
  keepRows(t, 'ae.csv', (r) => end(r) === undefined || r['AESTDTC']!.slice(0, 10) <= end(r)!);
  keepRows(t, 'cm.csv', (r) => end(r) === undefined || r['CMSTDTC']!.slice(0, 10) <= end(r)!);
  for (const r of table(t, 'ae.csv').rows) if (end(r) !== undefined && r['AEENDTC']! > end(r)!) r['AEENDTC'] = '';
  for (const r of table(t, 'cm.csv').rows)
    if (end(r) !== undefined && r['CMENDTC']!.length === 10 && r['CMENDTC']! > end(r)!)
      Object.assign(r, { CMENDTC: '', CMENRTPT: 'ONGOING' });
}

/**
 * The subjects randomized to `arm` are never infused: screening data only, EX `N`, no reference
 * dates, withdrawn on the randomization day, ACTARMCD empty in the randomization file.
 */
export function armNeverInfused(arm: string): (t: LockTables) => void {
  return (t) =>
    subjectsNeverInfused(
      new Set(
        table(t, 'randomization.csv')
          .rows.filter((r) => r['ARMCD'] === arm)
          .map((r) => r['USUBJID']!),
      ),
    )(t);
}

/** The first subject of DM has screening data only (randomized, never infused). */
export function firstSubjectScreeningOnly(t: LockTables): void {
  subjectsNeverInfused(new Set([table(t, 'dm.csv').rows[0]!['USUBJID']!]))(t);
}

function subjectsNeverInfused(ids: ReadonlySet<string>): (t: LockTables) => void {
  return (t) => {
    const own = (r: Row) => ids.has(r['USUBJID']!);
    const screening = new Map(
      table(t, 'sv.csv')
        .rows.filter((r) => own(r) && visitNum(r) === 1)
        .map((r) => [r['USUBJID']!, r['SVSTDTC']!]),
    );
    for (const name of VISIT_DOMAINS) keepRows(t, name, (r) => !own(r) || visitNum(r) < 2);
    keepRows(t, 'ae.csv', (r) => !own(r));
    keepRows(t, 'cm.csv', (r) => !own(r) || r['CMSTDTC']!.slice(0, 10) <= screening.get(r['USUBJID']!)!);
    for (const r of table(t, 'cm.csv').rows)
      if (own(r) && (r['CMENDTC'] === '' || r['CMENDTC']!.slice(0, 10) > screening.get(r['USUBJID']!)!))
        Object.assign(r, { CMENDTC: screening.get(r['USUBJID']!)!, CMENRTPT: '' });
    const randomized = new Map(
      table(t, 'ds.csv')
        .rows.filter((r) => r['DSDECOD'] === 'RANDOMIZED')
        .map((r) => [r['USUBJID']!, r['DSSTDTC']!]),
    );
    for (const r of table(t, 'dm.csv').rows) if (own(r)) Object.assign(r, { RFSTDTC: '', RFENDTC: '' });
    for (const r of table(t, 'ex.csv').rows) if (own(r)) Object.assign(r, { EXOCCUR: 'N', EXVOL: '' });
    for (const r of table(t, 'ds.csv').rows)
      if (own(r) && r['DSCAT'] === 'DISPOSITION EVENT')
        Object.assign(r, {
          DSDECOD: 'WITHDRAWAL BY SUBJECT',
          DSTERM: 'Subject withdrew consent',
          DSSTDTC: randomized.get(r['USUBJID']!)!,
        });
    for (const r of table(t, 'randomization.csv').rows) if (own(r)) r['ACTARMCD'] = '';
  };
}

export function noAdverseEvents(t: LockTables): void {
  keepRows(t, 'ae.csv', () => false);
}

export function noSteroids(t: LockTables): void {
  keepRows(t, 'cm.csv', (r) => r['CMCAT'] !== 'CORTICOSTEROID');
}

export function noUnscheduledVisits(t: LockTables): void {
  for (const name of VISIT_DOMAINS) keepRows(t, name, (r) => Number.isInteger(visitNum(r)));
}

/** Nobody has a Week 52 visit (VISITNUM 10) or anything after it. */
export function noWeek52(t: LockTables): void {
  for (const name of VISIT_DOMAINS) keepRows(t, name, (r) => visitNum(r) < 10);
}

/** Every BILAG-2004 domain grade D at every assessment: no flare can occur. */
export function noBilagFlares(t: LockTables): void {
  for (const r of table(t, 'qs.csv').rows)
    if (r['QSCAT'] === 'BILAG-2004' && r['QSSTAT'] !== 'NOT DONE') Object.assign(r, { QSORRES: 'D', QSSTRESC: 'D' });
}

const PRO_CATEGORIES = (cat: string): boolean =>
  cat === 'SF-36 V2' || cat === 'LUPUSPRO' || cat === 'LIT' || cat.startsWith('PROMIS');

/** Every PRO item or score (SF-36 v2, PROMIS, LupusPRO, LIT) NOT DONE. */
export function allProsNotDone(t: LockTables): void {
  for (const r of table(t, 'qs.csv').rows)
    if (PRO_CATEGORIES(r['QSCAT']!))
      Object.assign(r, { QSSTAT: 'NOT DONE', QSORRES: '', QSSTRESC: '', QSSTRESN: '', QSREASND: 'Not done' });
}
