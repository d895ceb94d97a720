/**
 * What every derivation of a run looks up in the lock, gathered once: the DM subjects in order, their
 * Day 0, and the QS rows grouped into assessments by instrument. A 3,000-subject lock has 1.6M QS
 * rows; a derivation that scanned and grouped them itself (SLEDAI-2K, BILAG, PGA, SDI and each of the
 * 28 PRO scores) was the largest cost of a run, in scanning and in collecting the garbage.
 */
import type { IsoDate } from '../core/dates.js';
import type { Lock } from '../lock/types.js';
import { indexQsAssessments, type InstrumentAssessments, type QsAssessment } from './assessments.js';
import { indexInfusionDates } from './visits.js';

export interface LockIndex {
  /** USUBJID of every DM subject, in DM order. */
  readonly subjects: readonly string[];
  /** RFSTDTC (Day 0) by subject; null for a subject never infused. */
  readonly infusion: ReadonlyMap<string, IsoDate | null>;
  /** Assessments by QSCAT: subjects in DM order, then VISITNUM (`groupQsAssessments`), made when read. */
  readonly qs: ReadonlyMap<string, InstrumentAssessments>;
}

/** The index of a lock; of its QS rows by position when it has them (`Lock.qsRows`: no view of each kept). */
export function indexLock(lock: Pick<Lock, 'dm' | 'qs'> & Partial<Pick<Lock, 'qsRows'>>): LockIndex {
  const subjects = lock.dm.map((r) => r.USUBJID);
  const qs = indexQsAssessments(lock.qsRows ?? lock.qs, subjects);
  return { subjects, infusion: indexInfusionDates(lock.dm), qs };
}

/**
 * Lets the index go of every instrument but `keep`: a run whose remaining derivations read only those
 * lets the others' assessments (and the QS rows they hold) be collected before it makes more records.
 */
export function keepInstruments(index: LockIndex, keep: ReadonlySet<string>): void {
  const qs = index.qs as Map<string, InstrumentAssessments>;
  for (const qscat of [...qs.keys()]) if (!keep.has(qscat)) qs.delete(qscat);
}

/**
 * The assessments of one instrument (none when the lock has no row of it), made anew on each call: a
 * caller holds one instrument's at a time.
 */
export function assessmentsOf(index: LockIndex, qscat: string): readonly QsAssessment[] {
  return index.qs.get(qscat)?.assessments() ?? [];
}
