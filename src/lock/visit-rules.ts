/**
 * Visit rules across files (../shared/dts/lock.md §Visits, §Identity and keys): VISIT agrees with
 * VISITNUM on every row that carries both, and each QS/LB assessment sits on a visit of sv.csv and is
 * dated by it (its date equals SVSTDTC).
 */
import { issue, type Issue } from '../core/issues.js';
import type { Loose } from './schema.js';
import type { Positional, SourceRef, SvRow } from './types.js';
import { checkVisitPair, formatVisitnum } from './visits.js';
import { passOver, type RowPass } from './row-pass.js';

export interface VisitRow {
  readonly src: SourceRef;
  readonly USUBJID: string | null;
  readonly VISITNUM: number | null;
  readonly VISIT: string | null;
}

export function checkVisitNames(rows: Positional<VisitRow>, issues: Issue[]): void {
  passOver(rows, [visitNamesPass()], issues);
}

/** `checkVisitNames` as a pass. */
export function visitNamesPass<R extends VisitRow>(): RowPass<R> {
  const issues: Issue[] = [];
  // Rows come in runs of one visit (a QS file has ~50 rows a visit): a pair is checked once per run.
  let num: number | null = null;
  let visit: string | null = null;
  let bad: ReturnType<typeof checkVisitPair> = null;
  return {
    issues,
    row: (row) => {
      if (row.VISITNUM === null || row.VISIT === null) return;
      if (!Object.is(row.VISITNUM, num) || row.VISIT !== visit) {
        num = row.VISITNUM;
        visit = row.VISIT;
        bad = checkVisitPair(num, visit);
      }
      if (bad !== null) issues.push(issue('error', row.src.file, bad.rule, row.src.line, bad.column));
    },
    end: () => {},
  };
}

/** SV rows by USUBJID, then VISITNUM (the first, when a key repeats: the duplicate has its own issue). */
export type VisitIndex = ReadonlyMap<string, ReadonlyMap<number, Loose<SvRow>>>;

export function indexVisits(sv: readonly Loose<SvRow>[]): VisitIndex {
  const bySubject = new Map<string, Map<number, Loose<SvRow>>>();
  for (const row of sv) {
    if (row.USUBJID === null || row.VISITNUM === null) continue;
    let visits = bySubject.get(row.USUBJID);
    if (visits === undefined) bySubject.set(row.USUBJID, (visits = new Map()));
    if (!visits.has(row.VISITNUM)) visits.set(row.VISITNUM, row);
  }
  return bySubject;
}

/** Each assessment's visit is in sv.csv and its date (`dateColumn`) is that visit's SVSTDTC. */
export function checkAssessmentVisits<R extends VisitRow>(
  rows: Positional<R>,
  dateColumn: keyof R & string,
  visits: VisitIndex,
  issues: Issue[],
): void {
  passOver(rows, [assessmentVisitsPass(dateColumn, visits)], issues);
}

/** `checkAssessmentVisits` as a pass. */
export function assessmentVisitsPass<R extends VisitRow>(dateColumn: keyof R & string, visits: VisitIndex): RowPass<R> {
  const issues: Issue[] = [];
  // As in checkVisitNames: the visit of a run of rows is looked up once.
  let subject: string | null = null;
  let num: number | null = null;
  let visit: Loose<SvRow> | undefined;
  return {
    issues,
    row: (row) => {
      if (row.USUBJID === null || row.VISITNUM === null) return;
      if (row.USUBJID !== subject || !Object.is(row.VISITNUM, num)) {
        subject = row.USUBJID;
        num = row.VISITNUM;
        visit = visits.get(subject)?.get(num);
      }
      if (visit === undefined) {
        const rule = `subject ${row.USUBJID} has no visit ${formatVisitnum(row.VISITNUM)} in sv.csv`;
        issues.push(issue('error', row.src.file, rule, row.src.line, 'VISITNUM'));
        return;
      }
      const date = row[dateColumn];
      if (typeof date === 'string' && visit.SVSTDTC !== null && date !== visit.SVSTDTC) {
        const rule = `${dateColumn} ${date} is not the date of its visit (SVSTDTC ${visit.SVSTDTC}, sv.csv line ${visit.src.line})`;
        issues.push(issue('error', row.src.file, rule, row.src.line, dateColumn));
      }
    },
    end: () => {},
  };
}
