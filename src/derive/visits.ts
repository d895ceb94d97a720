/**
 * Visit vocabulary shared by the derivations: scheduled visits (nominal VISITNUM, from the SAP
 * settings) versus unscheduled ones, ARD visit ids, protocol days and each subject's visit dates.
 */
import { protocolDay, type IsoDate } from '../core/dates.js';
import type { DmRow, SvRow } from '../lock/types.js';
import type { SapSettings } from '../sap/index.js';

/** The ARD id (`BASELINE`, `WEEK4` …) of a scheduled VISITNUM; null for unscheduled or screening-type numbers not in the schedule. */
export function scheduledVisitId(visitnum: number, settings: SapSettings): string | null {
  return visitIds(settings).get(visitnum) ?? null;
}

/** The schedule's ids by VISITNUM (the first visit of a number wins), once per settings object: asked per record. */
const VISIT_IDS = new WeakMap<SapSettings['visits'], ReadonlyMap<number, string>>();

function visitIds(settings: SapSettings): ReadonlyMap<number, string> {
  let ids = VISIT_IDS.get(settings.visits);
  if (ids === undefined) VISIT_IDS.set(settings.visits, (ids = idsByVisitnum(settings.visits)));
  return ids;
}

/**
 * visitIds's map, made once: a function of its own, so that the per-record lookup V8 inlines into every
 * derivation's hot loop is the cache read alone, without this loop (an iterator loop, a try/finally).
 */
function idsByVisitnum(visits: SapSettings['visits']): ReadonlyMap<number, string> {
  const m = new Map<number, string>();
  for (const v of visits) if (!m.has(v.visitnum)) m.set(v.visitnum, v.id);
  return m;
}

/** A scheduled visit after baseline (the visits that carry a change from baseline). */
export function isScheduledPostBaseline(visitnum: number, settings: SapSettings): boolean {
  return visitnum > settings.baselineVisitnum && scheduledVisitId(visitnum, settings) !== null;
}

/**
 * CHG: AVAL − BASE at a scheduled post-baseline visit (SAP §4.6); null at baseline, at unscheduled visits
 * and when either value is missing. Every by-visit dataset's change is this one rule.
 */
export function computeChange(
  visitnum: number,
  aval: number | null,
  base: number | null,
  settings: SapSettings,
): number | null {
  return isScheduledPostBaseline(visitnum, settings) && aval !== null && base !== null ? aval - base : null;
}

/** Protocol day of `date`, or null for a subject never infused (no Day 0). */
export function studyDay(date: IsoDate, infusionDate: IsoDate | null): number | null {
  return infusionDate === null ? null : protocolDay(date, infusionDate);
}

/** SVSTDTC by subject and VISITNUM. */
export function indexVisitDates(sv: readonly SvRow[]): ReadonlyMap<string, ReadonlyMap<number, IsoDate>> {
  const out = new Map<string, Map<number, IsoDate>>();
  for (const r of sv) {
    let m = out.get(r.USUBJID);
    if (!m) out.set(r.USUBJID, (m = new Map()));
    m.set(r.VISITNUM, r.SVSTDTC);
  }
  return out;
}

/** RFSTDTC (Day 0) by subject; null for a subject never infused. */
export function indexInfusionDates(dm: readonly DmRow[]): ReadonlyMap<string, IsoDate | null> {
  return new Map(dm.map((r) => [r.USUBJID, r.RFSTDTC]));
}

/**
 * ANL01FL of a by-visit record: `Y` for the baseline record and every scheduled post-baseline visit,
 * the records by-visit summaries and models read (SAP §4.3, §4.4); null otherwise.
 */
export function computeAnl01fl(
  r: { readonly ABLFL: 'Y' | null; readonly VISITNUM: number },
  settings: SapSettings,
): 'Y' | null {
  return r.ABLFL === 'Y' || isScheduledPostBaseline(r.VISITNUM, settings) ? 'Y' : null;
}
