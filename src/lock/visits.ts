/**
 * The visit table of ../shared/dts/lock.md §Visits: scheduled VISITNUM 1–10 with their VISIT names, and
 * unscheduled visits numbered as the preceding scheduled number plus hundredths (`5.01` … `5.99`) with
 * VISIT `UNSCHEDULED <VISITNUM>`.
 *
 * VISITNUM is compared as a number, so `5.1` and `5.10` are the same visit, and the number in an
 * unscheduled VISIT may be written either way (`UNSCHEDULED 5.1` for VISITNUM `5.10`). The canonical
 * spelling, used in messages, is two decimals (`5.01`, `5.10`).
 */

export const SCHEDULED_VISITS: Readonly<Record<number, string>> = {
  1: 'SCREENING',
  2: 'DAY 0',
  3: 'WEEK 4',
  4: 'WEEK 8',
  5: 'WEEK 12',
  6: 'WEEK 16',
  7: 'WEEK 20',
  8: 'WEEK 24',
  9: 'WEEK 36',
  10: 'WEEK 52',
};

const UNSCHEDULED = /^UNSCHEDULED (\d+(?:\.\d+)?)$/;

/** Hundredths of an unscheduled VISITNUM (1–99), or null when it is not one. */
function unscheduledHundredths(visitnum: number): number | null {
  const whole = Math.floor(visitnum);
  if (SCHEDULED_VISITS[whole] === undefined) return null;
  const h = Math.round((visitnum - whole) * 100);
  // 1e-9 absorbs the binary representation of 5.01; anything finer than hundredths is not a visit.
  if (h < 1 || h > 99 || Math.abs((visitnum - whole) * 100 - h) > 1e-9) return null;
  return h;
}

/** True for a VISITNUM of the table, scheduled or unscheduled. */
export function isKnownVisitnum(visitnum: number): boolean {
  return SCHEDULED_VISITS[visitnum] !== undefined || unscheduledHundredths(visitnum) !== null;
}

export function isScheduledVisitnum(visitnum: number): boolean {
  return SCHEDULED_VISITS[visitnum] !== undefined;
}

/** `5` → `5`, `5.01` → `5.01`, `5.1` → `5.10`. */
export function formatVisitnum(visitnum: number): string {
  const h = unscheduledHundredths(visitnum);
  return h === null ? String(visitnum) : `${Math.floor(visitnum)}.${String(h).padStart(2, '0')}`;
}

/** The VISIT that goes with a VISITNUM in canonical spelling, or null for a number outside the table. */
export function expectedVisitName(visitnum: number): string | null {
  const scheduled = SCHEDULED_VISITS[visitnum];
  if (scheduled !== undefined) return scheduled;
  return unscheduledHundredths(visitnum) === null ? null : `UNSCHEDULED ${formatVisitnum(visitnum)}`;
}

/** The rule broken by a VISITNUM/VISIT pair (column and words), or null when they agree. */
export function checkVisitPair(visitnum: number, visit: string): { column: 'VISITNUM' | 'VISIT'; rule: string } | null {
  const expected = expectedVisitName(visitnum);
  if (expected === null) {
    return {
      column: 'VISITNUM',
      rule: `VISITNUM ${visitnum} is not a visit of the protocol (1–10, or an unscheduled n.01–n.99)`,
    };
  }
  if (visit === expected) return null;
  const m = UNSCHEDULED.exec(visit);
  if (m !== null && !isScheduledVisitnum(visitnum) && Number(m[1]) === visitnum) return null;
  return {
    column: 'VISIT',
    rule: `VISIT '${visit}' does not match VISITNUM ${formatVisitnum(visitnum)} (expected '${expected}')`,
  };
}
