/**
 * SLEDAI-2K total per assessment (synopsis §4; dts/instruments.md): Σ weights of the descriptors
 * recorded present; missing if any of the descriptors is missing or NOT DONE. Baseline by the SAP's
 * rule (`selectBaseline`), change from baseline at scheduled post-baseline visits.
 */
import type { IsoDate } from '../core/dates.js';
import type { Lock } from '../lock/types.js';
import type { SapSettings } from '../sap/index.js';
import { itemText, sourceLinesOfAssessment, type QsAssessment } from './assessments.js';
import { mapWithBaseline } from './baseline.js';
import { makeDataset, type AdamDataset } from './dataset.js';
import type { DatasetContext } from './dataset-context.js';
import { ADSLED_META } from './metadata/by-visit.js';
import { assessmentsOf, indexLock, type LockIndex } from './lock-index.js';
import { computeAnl01fl, computeChange, scheduledVisitId, studyDay } from './visits.js';
import type { SourceLines } from './source-lines.js';

export interface SledaiDescriptor {
  readonly code: string;
  readonly weight: number;
}

/**
 * Descriptors whose response is not `present` or `absent` (absent row, NOT DONE, empty), in the
 * order of `descriptors`.
 */
export function findMissingSledaiDescriptors(
  responses: ReadonlyMap<string, string | null>,
  descriptors: readonly SledaiDescriptor[],
  present: string,
  absent: string,
): string[] {
  return descriptors
    .filter((d) => {
      const r = responses.get(d.code);
      return r !== present && r !== absent;
    })
    .map((d) => d.code);
}

/** Σ weights of descriptors answered `present`; null unless every descriptor is answered. */
export function computeSledaiTotal(
  responses: ReadonlyMap<string, string | null>,
  descriptors: readonly SledaiDescriptor[],
  present: string,
  absent: string,
): number | null {
  if (findMissingSledaiDescriptors(responses, descriptors, present, absent).length > 0) return null;
  return descriptors.reduce((sum, d) => sum + (responses.get(d.code) === present ? d.weight : 0), 0);
}

export interface SledaiRecord {
  readonly USUBJID: string;
  readonly VISITNUM: number;
  readonly VISIT: string;
  /** ARD visit id of a scheduled visit; null for an unscheduled one. */
  readonly AVISIT: string | null;
  readonly ADT: IsoDate;
  readonly ADY: number | null;
  readonly AVAL: number | null;
  /** Descriptor codes that make AVAL missing (empty when AVAL is present). */
  readonly MISSDESC: readonly string[];
  readonly ABLFL: 'Y' | null;
  readonly BASE: number | null;
  /** AVAL − BASE at scheduled post-baseline visits; null elsewhere or when either is missing. */
  readonly CHG: number | null;
  readonly src: SourceLines;
}

function sledaiResponses(a: QsAssessment, settings: SapSettings): Map<string, string | null> {
  return new Map(settings.sledai.descriptors.map((d) => [d.code, itemText(a, d.code, settings.notDone)]));
}

/** One record per SLEDAI-2K assessment, subjects in DM order, then by VISITNUM. */
export function deriveSledai(
  lock: Pick<Lock, 'dm' | 'qs'>,
  settings: SapSettings,
  index: LockIndex = indexLock(lock),
): SledaiRecord[] {
  const s = settings.sledai;
  const infusion = index.infusion;
  const assessments = assessmentsOf(index, s.qscat);
  const raw = assessments.map((a) => {
    const responses = sledaiResponses(a, settings);
    const infusionDate = infusion.get(a.USUBJID) ?? null;
    return {
      USUBJID: a.USUBJID,
      VISITNUM: a.VISITNUM,
      VISIT: a.VISIT,
      AVISIT: scheduledVisitId(a.VISITNUM, settings),
      ADT: a.ADT,
      ADY: studyDay(a.ADT, infusionDate),
      AVAL: computeSledaiTotal(responses, s.descriptors, s.present, s.absent),
      MISSDESC: findMissingSledaiDescriptors(responses, s.descriptors, s.present, s.absent),
      src: sourceLinesOfAssessment(a),
    };
  });
  return withBaseline(raw, settings, infusion);
}

type WithoutBase = Omit<SledaiRecord, 'ABLFL' | 'BASE' | 'CHG'>;

function withBaseline(
  raw: readonly WithoutBase[],
  settings: SapSettings,
  infusion: ReadonlyMap<string, IsoDate | null>,
): SledaiRecord[] {
  return mapWithBaseline(
    raw,
    (r) => r.AVAL !== null,
    settings.baselineVisitnum,
    infusion,
    (r, baseline) => {
      const BASE = baseline?.AVAL ?? null;
      const CHG = computeChange(r.VISITNUM, r.AVAL, BASE, settings);
      // Field by field in the spread's order (the raw record's, then the baseline's): spread in optimized
      // code (`{ ...r, ABLFL, BASE, CHG }`), V8 11 gave every record a map of its own, and every reader of
      // the records (datasets, analyses, listings) went megamorphic or was deoptimized.
      return {
        USUBJID: r.USUBJID,
        VISITNUM: r.VISITNUM,
        VISIT: r.VISIT,
        AVISIT: r.AVISIT,
        ADT: r.ADT,
        ADY: r.ADY,
        AVAL: r.AVAL,
        MISSDESC: r.MISSDESC,
        src: r.src,
        ABLFL: baseline === r ? 'Y' : null,
        BASE,
        CHG,
      };
    },
  );
}

export function toSledaiDataset(records: readonly SledaiRecord[], context: DatasetContext): AdamDataset {
  return makeDataset(
    ADSLED_META,
    records,
    (r) => ({
      PARAMCD: 'SLEDAI',
      MISSDESC: r.MISSDESC.length > 0 ? r.MISSDESC.join(' ') : null,
      ANL01FL: computeAnl01fl(r, context.settings),
    }),
    context,
  );
}
