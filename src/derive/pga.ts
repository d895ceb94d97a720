/**
 * Physician Global Assessment per assessment, with baseline (the SAP's rule) and change. The SAP
 * compares PGA changes in hundredths (integers) so that 0.30 is exact: values recorded with at most
 * two decimals are converted to whole hundredths before any subtraction.
 */
import type { Lock } from '../lock/types.js';
import type { SapSettings } from '../sap/index.js';
import { itemNumber, sourceLinesOfAssessment } from './assessments.js';
import { mapWithBaseline } from './baseline.js';
import { makeDataset, type AdamDataset } from './dataset.js';
import type { DatasetContext } from './dataset-context.js';
import { ADPGA_META } from './metadata/by-visit.js';
import { assessmentsOf, indexLock, type LockIndex } from './lock-index.js';
import { computeAnl01fl, computeChange, scheduledVisitId, studyDay } from './visits.js';
import type { AssessmentTiming } from './assessment-timing.js';
import type { SourceLines } from './source-lines.js';

/**
 * The value in whole hundredths. `value × 100` of a number written with ≤ 2 decimals lies within a
 * few ulps of an integer (0.29 × 100 = 28.999999999999996), so rounding recovers it exactly; a value
 * with more decimals is refused (the lock's validation rejects it first).
 */
export function toHundredths(value: number): number {
  const h = Math.round(value * 100);
  if (Math.abs(value * 100 - h) > 1e-6) throw new Error(`PGA ${value} has more than two decimals`);
  return h;
}

export interface PgaRecord extends AssessmentTiming {
  readonly AVAL: number | null;
  /** AVAL in hundredths. */
  readonly AVALH: number | null;
  readonly ABLFL: 'Y' | null;
  readonly BASE: number | null;
  readonly BASEH: number | null;
  /** AVALH − BASEH at scheduled post-baseline visits. */
  readonly CHGH: number | null;
  /** CHGH / 100 (for descriptives). */
  readonly CHG: number | null;
  readonly src: SourceLines;
}

/** One record per PGA assessment, subjects in DM order, then by VISITNUM. */
export function derivePga(
  lock: Pick<Lock, 'dm' | 'qs'>,
  settings: SapSettings,
  index: LockIndex = indexLock(lock),
): PgaRecord[] {
  const p = settings.pga;
  const infusion = index.infusion;
  const raw = assessmentsOf(index, p.qscat)
    .filter((a) => a.items.has(p.testcd))
    .map((a) => {
      const AVAL = itemNumber(a, p.testcd, settings.notDone);
      return {
        USUBJID: a.USUBJID,
        VISITNUM: a.VISITNUM,
        VISIT: a.VISIT,
        AVISIT: scheduledVisitId(a.VISITNUM, settings),
        ADT: a.ADT,
        ADY: studyDay(a.ADT, infusion.get(a.USUBJID) ?? null),
        AVAL,
        AVALH: AVAL === null ? null : toHundredths(AVAL),
        src: sourceLinesOfAssessment(a),
      };
    });
  return mapWithBaseline(
    raw,
    (r) => r.AVAL !== null,
    settings.baselineVisitnum,
    infusion,
    (r, baseline) => {
      const BASEH = baseline?.AVALH ?? null;
      const CHGH = computeChange(r.VISITNUM, r.AVALH, BASEH, settings);
      // Field by field, not spread: one object shape for every record (why: withBaseline in sledai.ts).
      return {
        USUBJID: r.USUBJID,
        VISITNUM: r.VISITNUM,
        VISIT: r.VISIT,
        AVISIT: r.AVISIT,
        ADT: r.ADT,
        ADY: r.ADY,
        AVAL: r.AVAL,
        AVALH: r.AVALH,
        src: r.src,
        ABLFL: baseline === r ? 'Y' : null,
        BASE: baseline?.AVAL ?? null,
        BASEH,
        CHGH,
        CHG: CHGH === null ? null : CHGH / 100,
      };
    },
  );
}

export function toPgaDataset(records: readonly PgaRecord[], context: DatasetContext): AdamDataset {
  return makeDataset(
    ADPGA_META,
    records,
    (r) => ({
      PARAMCD: 'PGA',
      ANL01FL: computeAnl01fl(r, context.settings),
    }),
    context,
  );
}
