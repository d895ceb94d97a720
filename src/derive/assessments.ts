/**
 * QS rows of one instrument grouped into assessments (one subject, one VISITNUM), in the order of the
 * subjects given and then of VISITNUM, so that every derivation sees the same deterministic order.
 */
import type { IsoDate } from '../core/dates.js';
import type { QsRow, SourceRef } from '../lock/types.js';

export interface QsAssessment {
  readonly USUBJID: string;
  readonly VISITNUM: number;
  readonly VISIT: string;
  /** QSDTC (the visit's date, per the DTS). */
  readonly ADT: IsoDate;
  /** The instrument's rows at this assessment, by QSTESTCD. */
  readonly items: ReadonlyMap<string, QsRow>;
}

export function groupQsAssessments(
  qs: readonly QsRow[],
  qscat: string,
  subjects: readonly string[],
): readonly QsAssessment[] {
  return indexQsAssessments(qs, subjects, qscat).get(qscat) ?? [];
}

/**
 * Every instrument's assessments in one pass over QS (as `groupQsAssessments` gives each), by QSCAT;
 * only `onlyQscat` when given. Rows of subjects not in `subjects` are left out.
 */
export function indexQsAssessments(
  qs: readonly QsRow[],
  subjects: readonly string[],
  onlyQscat?: string,
): ReadonlyMap<string, readonly QsAssessment[]> {
  const byCat = new Map<string, Map<string, Map<number, Draft>>>();
  // A lock lists a subject's rows together, visit by visit: the last assessment touched is usually the
  // next row's, which spares three map lookups per row.
  let last: Draft | null = null;
  for (const r of qs) {
    if (onlyQscat !== undefined && r.QSCAT !== onlyQscat) continue;
    if (
      last === null ||
      last.first.VISITNUM !== r.VISITNUM ||
      last.first.USUBJID !== r.USUBJID ||
      last.first.QSCAT !== r.QSCAT
    ) {
      last = draftOf(byCat, r);
    }
    last.items.set(r.QSTESTCD, r);
  }
  const out = new Map<string, QsAssessment[]>();
  for (const [qscat, bySubject] of byCat) {
    const list: QsAssessment[] = [];
    for (const s of subjects) {
      const visits = bySubject.get(s);
      if (!visits) continue;
      for (const visitnum of [...visits.keys()].sort((a, b) => a - b)) {
        const { first, items } = visits.get(visitnum) as Draft;
        list.push({ USUBJID: s, VISITNUM: visitnum, VISIT: first.VISIT, ADT: first.QSDTC, items });
      }
    }
    out.set(qscat, list);
  }
  return out;
}

/** An assessment being gathered: its first row (VISIT, date) and its items so far. */
interface Draft {
  readonly first: QsRow;
  readonly items: Map<string, QsRow>;
}

function draftOf(byCat: Map<string, Map<string, Map<number, Draft>>>, r: QsRow): Draft {
  let bySubject = byCat.get(r.QSCAT);
  if (!bySubject) byCat.set(r.QSCAT, (bySubject = new Map()));
  let visits = bySubject.get(r.USUBJID);
  if (!visits) bySubject.set(r.USUBJID, (visits = new Map()));
  let draft = visits.get(r.VISITNUM);
  if (!draft) visits.set(r.VISITNUM, (draft = { first: r, items: new Map() }));
  return draft;
}

/** The source rows of an assessment, in the order its items were read. */
export function* sourcesOfAssessment(a: QsAssessment): Generator<SourceRef> {
  for (const r of a.items.values()) yield r.src;
}

/** The numeric result of an item, or null when absent, NOT DONE or empty. */
export function itemNumber(a: QsAssessment, testcd: string, notDone: string): number | null {
  const r = a.items.get(testcd);
  if (!r || r.QSSTAT === notDone) return null;
  return r.QSSTRESN;
}

/** The text result of an item, or null when absent, NOT DONE or empty. */
export function itemText(a: QsAssessment, testcd: string, notDone: string): string | null {
  const r = a.items.get(testcd);
  if (!r || r.QSSTAT === notDone) return null;
  return r.QSSTRESC;
}
