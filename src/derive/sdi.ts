/**
 * SLICC/ACR Damage Index total per assessment (synopsis §4): Σ the system scores, all required.
 * Baseline is the SCREENING assessment (synopsis §3), not the general baseline rule.
 */
import type { Lock } from '../lock/types.js';
import type { SapSettings } from '../sap/index.js';
import { itemNumber, sourceLinesOfAssessment } from './assessments.js';
import { makeDataset, type AdamDataset } from './dataset.js';
import type { DatasetContext } from './dataset-context.js';
import { ADSDI_META } from './metadata/by-visit.js';
import { assessmentsOf, indexLock, type LockIndex } from './lock-index.js';
import { computeAnl01fl, computeChange, scheduledVisitId, studyDay } from './visits.js';
import type { AssessmentTiming } from './assessment-timing.js';
import type { SourceLines } from './source-lines.js';

/** Σ of the scores of `systems`; null when any is missing. */
export function computeSdiTotal(scores: ReadonlyMap<string, number | null>, systems: readonly string[]): number | null {
  let total = 0;
  for (const s of systems) {
    const v = scores.get(s);
    if (v === undefined || v === null) return null;
    total += v;
  }
  return total;
}

export interface SdiRecord extends AssessmentTiming {
  readonly AVAL: number | null;
  readonly ABLFL: 'Y' | null;
  readonly BASE: number | null;
  readonly CHG: number | null;
  readonly src: SourceLines;
}

export function deriveSdi(
  lock: Pick<Lock, 'dm' | 'qs'>,
  settings: SapSettings,
  index: LockIndex = indexLock(lock),
): SdiRecord[] {
  const d = settings.sdi;
  const systems = d.systems.map((s) => s.code);
  const infusion = index.infusion;
  const raw = assessmentsOf(index, d.qscat).map((a) => ({
    USUBJID: a.USUBJID,
    VISITNUM: a.VISITNUM,
    VISIT: a.VISIT,
    AVISIT: scheduledVisitId(a.VISITNUM, settings),
    ADT: a.ADT,
    ADY: studyDay(a.ADT, infusion.get(a.USUBJID) ?? null),
    AVAL: computeSdiTotal(new Map(systems.map((s) => [s, itemNumber(a, s, settings.notDone)])), systems),
    src: sourceLinesOfAssessment(a),
  }));
  const baseBySubject = new Map(
    raw.filter((r) => r.VISITNUM === d.baselineVisitnum).map((r) => [r.USUBJID, r] as const),
  );
  return raw.map((r) => {
    const base = baseBySubject.get(r.USUBJID) ?? null;
    const BASE = base?.AVAL ?? null;
    const CHG = computeChange(r.VISITNUM, r.AVAL, BASE, settings);
    // Field by field, not spread: one object shape for every record (why: withBaseline in sledai.ts).
    return {
      USUBJID: r.USUBJID,
      VISITNUM: r.VISITNUM,
      VISIT: r.VISIT,
      AVISIT: r.AVISIT,
      ADT: r.ADT,
      ADY: r.ADY,
      AVAL: r.AVAL,
      src: r.src,
      ABLFL: base === r ? 'Y' : null,
      BASE,
      CHG,
    };
  });
}

export function toSdiDataset(records: readonly SdiRecord[], context: DatasetContext): AdamDataset {
  return makeDataset(
    ADSDI_META,
    records,
    (r) => ({
      PARAMCD: 'SDI',
      ANL01FL: computeAnl01fl(r, context.settings),
    }),
    context,
  );
}
