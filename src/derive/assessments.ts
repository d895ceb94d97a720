/**
 * QS rows of one instrument grouped into assessments (one subject, one VISITNUM), in the order of the
 * subjects given and then of VISITNUM, so that every derivation sees the same deterministic order.
 */
import type { IsoDate } from '../core/dates.js';
import type { QsRow } from '../lock/types.js';

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
  const bySubject = new Map<string, Map<number, QsRow[]>>();
  for (const r of qs) {
    if (r.QSCAT !== qscat) continue;
    let visits = bySubject.get(r.USUBJID);
    if (!visits) bySubject.set(r.USUBJID, (visits = new Map()));
    let rows = visits.get(r.VISITNUM);
    if (!rows) visits.set(r.VISITNUM, (rows = []));
    rows.push(r);
  }
  const out: QsAssessment[] = [];
  for (const s of subjects) {
    const visits = bySubject.get(s);
    if (!visits) continue;
    for (const visitnum of [...visits.keys()].sort((a, b) => a - b)) {
      const rows = visits.get(visitnum) ?? [];
      const first = rows[0];
      if (!first) continue;
      out.push({
        USUBJID: s,
        VISITNUM: visitnum,
        VISIT: first.VISIT,
        ADT: first.QSDTC,
        items: new Map(rows.map((r) => [r.QSTESTCD, r])),
      });
    }
  }
  return out;
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
