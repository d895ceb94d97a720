/**
 * BILAG-2004 flares per subject and window (SAP synopsis §3, §4, §5.2; SAP.md §4.5, §5.5): the flare
 * assessments and transitions of bilag-flare.ts, the "at or before Week w" window of each assessment,
 * per window the events of each flare endpoint and the time at risk, and the time to first flare.
 *
 * Window w (settings `analysis.flareWindowWeeks`): assessments dated on or before the subject's Week w
 * visit date (SVSTDTC); without that visit, on or before protocol day 7·w. Days at risk = protocol day
 * of the last assessment in the window (0 if none); patient-years = days ÷ 365.25. Time to first flare
 * uses the last window (Week 52). Example (SAP.md §4.5): Week 12 visit on day 90; assessments on days
 * 88 and 90 are in the Week 12 window, one on day 95 is not.
 */
import { protocolDay, type IsoDate } from '../core/dates.js';
import type { SvRow } from '../lock/types.js';
import type { SapSettings } from '../sap/index.js';
import type { AdslRecord } from './adsl.js';
import type { BilagGradeRecord } from './bilag.js';
import { deriveBilagFlares, type FlareAssessmentRecord, type FlareTransitionRecord } from './bilag-flare.js';
import { makeDataset, type AdamDataset } from './dataset.js';
import type { DatasetContext } from './dataset-context.js';
import { adflareMeta, ADFLRLST_META, ADFLRSUM_META, windowFlagColumn } from './metadata/flares.js';
import { toTimeToFirstFlareRecord, type TteRecord } from './flares-tte.js';
import { groupBySubject } from './group.js';
import { indexVisitDates } from './visits.js';

export const FLARE_ENDPOINTS = ['FLARE', 'FLARE_RENAL', 'FLARE_NONRENAL', 'FLARE_SEVERE'] as const;
export type FlareEndpoint = (typeof FLARE_ENDPOINTS)[number];

/** Whether an assessment counts as an event of each endpoint. */
export function flareEndpointFlags(
  a: Pick<FlareAssessmentRecord, 'FLAREFL' | 'RENFL' | 'NRENFL' | 'SEVFL'>,
): Record<FlareEndpoint, boolean> {
  return {
    FLARE: a.FLAREFL === 'Y',
    FLARE_RENAL: a.RENFL === 'Y',
    FLARE_NONRENAL: a.NRENFL === 'Y',
    FLARE_SEVERE: a.SEVFL === 'Y',
  };
}

export interface FlareWindowCutoff {
  /** ARD visit id of the window (`WEEK12` …). */
  readonly window: string;
  readonly week: number;
  /** Last protocol day inside the window. */
  readonly day: number;
  /** `VISIT`: the subject's Week w visit date; `DAY`: protocol day 7·w (no such visit). */
  readonly source: 'VISIT' | 'DAY';
}

/** The scheduled visit that closes window `week` (nominal day 7·w); a settings defect if none. */
function windowVisit(week: number, settings: SapSettings): SapSettings['visits'][number] {
  const day = week * settings.analysis.daysPerWeek;
  const v = settings.visits.find((x) => x.day === day);
  if (v === undefined) throw new Error(`settings: no scheduled visit on day ${day} for the Week ${week} flare window`);
  return v;
}

/** ARD visit ids of the windows, in the settings' order (`WEEK12`, `WEEK24`, `WEEK52`). */
export function flareWindowIds(settings: SapSettings): string[] {
  return settings.analysis.flareWindowWeeks.map((week) => windowVisit(week, settings).id);
}

/** Every window's cut-off for one subject (`visitDates`: SVSTDTC by VISITNUM). */
export function computeFlareWindowCutoffs(
  visitDates: ReadonlyMap<number, IsoDate>,
  infusionDate: IsoDate,
  settings: SapSettings,
): FlareWindowCutoff[] {
  return settings.analysis.flareWindowWeeks.map((week) => {
    const v = windowVisit(week, settings);
    const date = visitDates.get(v.visitnum);
    return date === undefined
      ? { window: v.id, week, day: week * settings.analysis.daysPerWeek, source: 'DAY' }
      : { window: v.id, week, day: protocolDay(date, infusionDate), source: 'VISIT' };
  });
}

/** One subject's flares and time at risk in one window. */
export interface FlareWindowRecord {
  readonly USUBJID: string;
  readonly window: string;
  readonly cutoffDay: number;
  readonly cutoffSource: 'VISIT' | 'DAY';
  /** BILAG assessments in the window. */
  readonly assessments: number;
  readonly daysAtRisk: number;
  readonly patientYears: number;
  /** Flaring assessments in the window, per endpoint. */
  readonly events: Readonly<Record<FlareEndpoint, number>>;
}

/** Events and days at risk of one subject's assessments (protocol days known) within a cut-off. */
export function computeFlareWindow(
  assessments: readonly Pick<FlareAssessmentRecord, 'ADY' | 'FLAREFL' | 'RENFL' | 'NRENFL' | 'SEVFL'>[],
  cutoffDay: number,
): { readonly assessments: number; readonly daysAtRisk: number; readonly events: Record<FlareEndpoint, number> } {
  const inside = assessments.filter((a) => a.ADY !== null && a.ADY <= cutoffDay);
  const events = { FLARE: 0, FLARE_RENAL: 0, FLARE_NONRENAL: 0, FLARE_SEVERE: 0 };
  for (const a of inside) {
    const flags = flareEndpointFlags(a);
    for (const e of FLARE_ENDPOINTS) if (flags[e]) events[e]++;
  }
  // Time at risk starts at Day 0; an assessment could only precede it with bad dates, which add none.
  const daysAtRisk = Math.max(0, ...inside.map((a) => a.ADY!));
  return { assessments: inside.length, daysAtRisk, events };
}

export interface FlareDerivations {
  readonly assessments: readonly FlareAssessmentRecord[];
  readonly transitions: readonly FlareTransitionRecord[];
  /** Window cut-offs of every infused subject. */
  readonly cutoffs: ReadonlyMap<string, readonly FlareWindowCutoff[]>;
  /** Every infused subject × window. */
  readonly windows: readonly FlareWindowRecord[];
  /** `TTFLARE` of every infused subject. */
  readonly tte: readonly TteRecord[];
}

export interface FlareInputs {
  readonly adsl: readonly AdslRecord[];
  readonly bilagGrades: readonly BilagGradeRecord[];
  readonly sv: readonly SvRow[];
}

export function deriveFlares({ adsl, bilagGrades, sv }: FlareInputs, settings: SapSettings): FlareDerivations {
  const { assessments, transitions } = deriveBilagFlares(bilagGrades, settings);
  const bySubject = groupBySubject(assessments);
  const visitDates = indexVisitDates(sv);
  const cutoffs = new Map<string, readonly FlareWindowCutoff[]>();
  const windows: FlareWindowRecord[] = [];
  const tte: TteRecord[] = [];
  for (const s of adsl) {
    if (s.TRTSDT === null) continue;
    const own = bySubject.get(s.USUBJID) ?? [];
    const subjectCutoffs = computeFlareWindowCutoffs(visitDates.get(s.USUBJID) ?? new Map(), s.TRTSDT, settings);
    cutoffs.set(s.USUBJID, subjectCutoffs);
    for (const c of subjectCutoffs) {
      const w = computeFlareWindow(own, c.day);
      windows.push({
        USUBJID: s.USUBJID,
        window: c.window,
        cutoffDay: c.day,
        cutoffSource: c.source,
        assessments: w.assessments,
        daysAtRisk: w.daysAtRisk,
        patientYears: w.daysAtRisk / settings.analysis.daysPerYear,
        events: w.events,
      });
    }
    const last = subjectCutoffs[subjectCutoffs.length - 1];
    if (last === undefined) throw new Error('settings: no flare window');
    const points = own
      .filter((a) => a.ADY !== null && a.ADY <= last.day)
      .map((a) => ({ day: a.ADY!, flare: a.FLAREFL === 'Y' }));
    tte.push(toTimeToFirstFlareRecord(s.USUBJID, s.TRTSDT, points));
  }
  return { assessments, transitions, cutoffs, windows, tte };
}

export { windowFlagColumn };

/**
 * `adflare`: one row per post-baseline BILAG assessment with its flare flags and, per window, `Y`
 * when it lies in the window (null for a subject never infused).
 */
export function toFlareAssessmentDataset(d: FlareDerivations, context: DatasetContext): AdamDataset {
  const weeks = context.settings.analysis.flareWindowWeeks;
  return makeDataset(
    adflareMeta(weeks),
    d.assessments,
    (a) => {
      const cut = d.cutoffs.get(a.USUBJID);
      return Object.fromEntries(
        weeks.map((w, i) => {
          const c = cut?.[i];
          return [windowFlagColumn(w), c === undefined || a.ADY === null ? null : a.ADY <= c.day ? 'Y' : 'N'];
        }),
      );
    },
    context,
  );
}

/** `adflrsum`: one row per infused subject and window: cut-off, time at risk, events per endpoint. */
export function toFlareWindowDataset(windows: readonly FlareWindowRecord[], context: DatasetContext): AdamDataset {
  return makeDataset(
    ADFLRSUM_META,
    windows,
    (w) => ({
      AVISIT: w.window,
      CUTDY: w.cutoffDay,
      CUTSRC: w.cutoffSource,
      NASSESS: w.assessments,
      ADURDY: w.daysAtRisk,
      PYEARS: w.patientYears,
      FLARE: w.events.FLARE,
      FLARREN: w.events.FLARE_RENAL,
      FLARNREN: w.events.FLARE_NONRENAL,
      FLARSEV: w.events.FLARE_SEVERE,
    }),
    context,
  );
}

/** `adflrlst`: the flare listing's rows, one per domain transition that is a severe, moderate or mild flare. */
export function toFlareTransitionDataset(
  transitions: readonly FlareTransitionRecord[],
  context: DatasetContext,
): AdamDataset {
  return makeDataset(ADFLRLST_META, transitions, undefined, context);
}

/** The flare datasets written as `adam/<name>.csv` (`adtte` is written with every TTE parameter). */
export function toFlareDatasets(d: FlareDerivations, context: DatasetContext): AdamDataset[] {
  return [
    toFlareAssessmentDataset(d, context),
    toFlareWindowDataset(d.windows, context),
    toFlareTransitionDataset(d.transitions, context),
  ];
}
