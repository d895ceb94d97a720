/**
 * SRI-4 at Week 24, the primary endpoint (synopsis §4, §5.2). A FAS subject responds when, at the
 * Week 24 visit, all four components are met:
 *  1. SLEDAI-2K total ≤ baseline − 4;
 *  2. no new BILAG A and at most one new BILAG B versus baseline;
 *  3. PGA increase from baseline < 0.30 (compared in hundredths: < 30);
 *  4. prednisone-equivalent dose ≤ 10 mg on every day from the Week 20 visit date (protocol day 140
 *     if that visit did not take place) through the Week 24 visit date (no Week 24 visit: missing).
 * A missing component is not met; withdrawal before Week 24 (a disposition event other than
 * COMPLETED dated strictly before the Week 24 visit date) or no Week 24 visit makes the subject a
 * non-responder (non-responder imputation). The reason of a non-response is recorded.
 */
import { dayNumber, protocolDay, type IsoDate } from '../core/dates.js';
import type { SvRow } from '../lock/types.js';
import type { SapSettings } from '../sap/index.js';
import type { AdslRecord } from './adsl.js';
import type { BilagVisitRecord } from './bilag.js';
import { makeDataset, type AdamDataset } from './dataset.js';
import type { DatasetContext } from './dataset-context.js';
import { ADSRI4_META } from './metadata/adsri4.js';
import { isWithdrawnBefore } from './disposition.js';
import { toHundredths, type PgaRecord } from './pga.js';
import type { SledaiRecord } from './sledai.js';
import { maxDoseBetween, type SteroidDoseProfile } from './steroid-profile.js';
import { indexVisitDates, scheduledVisitId } from './visits.js';

export type ComponentStatus = 'MET' | 'NOT MET' | 'MISSING';

/** SLEDAI-2K component: AVAL ≤ BASE − drop. */
export function computeSledaiComponent(base: number | null, aval: number | null, drop: number): ComponentStatus {
  if (base === null || aval === null) return 'MISSING';
  return aval <= base - drop ? 'MET' : 'NOT MET';
}

/** BILAG component: new A ≤ maxA and new B ≤ maxB (both required). */
export function computeBilagComponent(
  newA: number | null,
  newB: number | null,
  maxA: number,
  maxB: number,
): ComponentStatus {
  if (newA === null || newB === null) return 'MISSING';
  return newA <= maxA && newB <= maxB ? 'MET' : 'NOT MET';
}

/** PGA component: change in hundredths strictly below the limit (30: an increase of 0.30 fails). */
export function computePgaComponent(chgHundredths: number | null, limitHundredths: number): ComponentStatus {
  if (chgHundredths === null) return 'MISSING';
  return chgHundredths < limitHundredths ? 'MET' : 'NOT MET';
}

/** Steroid component: the highest (rounded) daily dose of the window ≤ the limit. */
export function computeSteroidComponent(maxDose: number | null, limit: number): ComponentStatus {
  if (maxDose === null) return 'MISSING';
  return maxDose <= limit ? 'MET' : 'NOT MET';
}

export type Sri4Reason = 'NO WEEK 24 VISIT' | 'WITHDRAWN BEFORE WEEK 24' | 'COMPONENT MISSING' | 'COMPONENT NOT MET';

/**
 * The overall response with non-responder imputation; the reason is the first that applies in the
 * order withdrawal, no Week 24 visit, a missing component, a component not met.
 */
export function computeSri4Response(
  components: readonly ComponentStatus[],
  hasWeek24Visit: boolean,
  withdrawnBeforeWeek24: boolean,
): { readonly responder: boolean; readonly reason: Sri4Reason | null } {
  if (withdrawnBeforeWeek24) return { responder: false, reason: 'WITHDRAWN BEFORE WEEK 24' };
  if (!hasWeek24Visit) return { responder: false, reason: 'NO WEEK 24 VISIT' };
  if (components.includes('MISSING')) return { responder: false, reason: 'COMPONENT MISSING' };
  if (components.includes('NOT MET')) return { responder: false, reason: 'COMPONENT NOT MET' };
  return { responder: true, reason: null };
}

/**
 * The steroid window in protocol days: from the window-start visit's day (fallback day if that visit
 * did not take place) to the Week 24 visit's day; null without a Week 24 visit. If the Week 24 visit
 * came before the window start, the window is the Week 24 day alone.
 */
export function computeSteroidWindow(
  startVisitDay: number | null,
  fallbackStartDay: number,
  week24Day: number | null,
): { readonly from: number; readonly to: number } | null {
  if (week24Day === null) return null;
  const from = startVisitDay ?? fallbackStartDay;
  return { from: Math.min(from, week24Day), to: week24Day };
}

export interface Sri4Record {
  readonly USUBJID: string;
  readonly W20DT: IsoDate | null;
  readonly W24DT: IsoDate | null;
  /** Steroid window, protocol days (null without a Week 24 visit). */
  readonly CSWINSDY: number | null;
  readonly CSWINEDY: number | null;
  readonly SLEDBASE: number | null;
  readonly SLEDAVAL: number | null;
  readonly SLEDCHG: number | null;
  readonly SLEDSTAT: ComponentStatus;
  readonly BLGNEWA: number | null;
  readonly BLGNEWB: number | null;
  readonly BLGSTAT: ComponentStatus;
  /** PGA at baseline and Week 24 and its change, in hundredths. */
  readonly PGABASEH: number | null;
  readonly PGAAVALH: number | null;
  readonly PGACHGH: number | null;
  readonly PGASTAT: ComponentStatus;
  /** Highest daily prednisone-equivalent dose in the window (mg/day, rounded). */
  readonly CSMAXDOS: number | null;
  readonly CSSTAT: ComponentStatus;
  readonly WDBFW24: 'Y' | 'N';
  readonly SRI4FL: 'Y' | 'N';
  readonly NRREAS: Sri4Reason | null;
  /** Observed case (SAP §6.13): all four components non-missing and no withdrawal before Week 24. */
  readonly OCFL: 'Y' | 'N';
}

export interface Sri4Inputs {
  readonly adsl: readonly AdslRecord[];
  readonly sv: readonly SvRow[];
  readonly sledai: readonly SledaiRecord[];
  readonly bilagVisits: readonly BilagVisitRecord[];
  readonly pga: readonly PgaRecord[];
  readonly steroidProfiles: ReadonlyMap<string, SteroidDoseProfile>;
}

function atVisit<T extends { readonly USUBJID: string; readonly VISITNUM: number }>(
  rows: readonly T[],
  visitnum: number,
): ReadonlyMap<string, T> {
  return new Map(rows.filter((r) => r.VISITNUM === visitnum).map((r) => [r.USUBJID, r]));
}

/**
 * Withdrawn before Week 24: discontinued strictly before the Week 24 visit date; without that visit,
 * before its nominal day (the SAP's "at or before Week w" convention), which only refines the reason
 * recorded, since a subject without the visit is a non-responder anyway.
 */
function isWithdrawnBeforeWeek24(
  a: AdslRecord,
  w24: IsoDate | null,
  day0: number | null,
  settings: SapSettings,
): boolean {
  if (w24 !== null) return isWithdrawnBefore(a, w24);
  const nominal = settings.visits.find((v) => v.visitnum === settings.sri4.visitnum)?.day;
  if (a.EOSSTT !== 'DISCONTINUED' || a.EOSDT === null || day0 === null || nominal === undefined) return false;
  return dayNumber(a.EOSDT) - day0 < nominal;
}

/**
 * Observed case of the sensitivity analysis SRI4_OC (SAP §6.13): every component assessed (none
 * MISSING) and no withdrawal before Week 24. A subject without a Week 24 visit has missing components.
 */
export function computeObservedCase(components: readonly ComponentStatus[], withdrawnBeforeWeek24: boolean): boolean {
  return !withdrawnBeforeWeek24 && !components.includes('MISSING');
}

/**
 * One record per infused subject (SAF, which contains the FAS), in ADSL order: the primary analysis
 * reads the FAS, the as-treated analysis (SAP §6.13) the SAF.
 */
export function deriveSri4(inputs: Sri4Inputs, settings: SapSettings): Sri4Record[] {
  const s = settings.sri4;
  const visitDates = indexVisitDates(inputs.sv);
  const sledai = atVisit(inputs.sledai, s.visitnum);
  const bilag = atVisit(inputs.bilagVisits, s.visitnum);
  const pga = atVisit(inputs.pga, s.visitnum);
  return inputs.adsl
    .filter((a) => a.SAFFL === 'Y')
    .map((a) => {
      const day0 = a.TRTSDT === null ? null : dayNumber(a.TRTSDT);
      const dates = visitDates.get(a.USUBJID);
      const W20DT = dates?.get(s.steroidWindowStartVisitnum) ?? null;
      const W24DT = dates?.get(s.visitnum) ?? null;
      const day = (d: IsoDate | null): number | null => (d === null || day0 === null ? null : dayNumber(d) - day0);
      const window = computeSteroidWindow(day(W20DT), s.steroidWindowStartFallbackDay, day(W24DT));
      const profile = inputs.steroidProfiles.get(a.USUBJID);
      const CSMAXDOS = window && profile ? maxDoseBetween(profile, window.from, window.to) : null;
      const sl = sledai.get(a.USUBJID);
      const bl = bilag.get(a.USUBJID);
      const pg = pga.get(a.USUBJID);
      const components = {
        SLEDSTAT: computeSledaiComponent(sl?.BASE ?? null, sl?.AVAL ?? null, s.sledaiDrop),
        BLGSTAT: computeBilagComponent(bl?.NEWA ?? null, bl?.NEWB ?? null, s.maxNewBilagA, s.maxNewBilagB),
        PGASTAT: computePgaComponent(pg?.CHGH ?? null, s.pgaIncreaseLimitHundredths),
        CSSTAT: computeSteroidComponent(CSMAXDOS, s.steroidMaxDose),
      };
      const withdrawn = isWithdrawnBeforeWeek24(a, W24DT, day0, settings);
      const response = computeSri4Response(Object.values(components), W24DT !== null, withdrawn);
      return {
        USUBJID: a.USUBJID,
        W20DT,
        W24DT,
        CSWINSDY: window?.from ?? null,
        CSWINEDY: window?.to ?? null,
        // Baselines come from ADSL: they exist whether or not the Week 24 visit took place.
        SLEDBASE: a.BASESLED,
        SLEDAVAL: sl?.AVAL ?? null,
        SLEDCHG: sl?.CHG ?? null,
        BLGNEWA: bl?.NEWA ?? null,
        BLGNEWB: bl?.NEWB ?? null,
        PGABASEH: a.BASEPGA === null ? null : toHundredths(a.BASEPGA),
        PGAAVALH: pg?.AVALH ?? null,
        PGACHGH: pg?.CHGH ?? null,
        CSMAXDOS,
        ...components,
        WDBFW24: withdrawn ? 'Y' : 'N',
        SRI4FL: response.responder ? 'Y' : 'N',
        NRREAS: response.reason,
        OCFL: computeObservedCase(Object.values(components), withdrawn) ? 'Y' : 'N',
      };
    });
}

/** One ADSRI4 row before the subject-level and derived columns are added. */
interface Sri4ParamRow {
  readonly USUBJID: string;
  readonly PARAMCD: string;
  readonly AVAL: number | null;
  readonly AVALC: 'Y' | 'N' | null;
  readonly BASE: number | null;
  readonly CHG: number | null;
  readonly ASTDY: number | null;
  readonly AENDY: number | null;
  readonly NRREAS: Sri4Reason | null;
}

/** A component status as ADSRI4 AVALC: met Y, not met N, missing (cannot be judged) null. */
function statusFlag(s: ComponentStatus): 'Y' | 'N' | null {
  return s === 'MET' ? 'Y' : s === 'NOT MET' ? 'N' : null;
}

/** The ADSRI4 parameters of one subject, in the order of the PARAMCD codelist. */
export function computeSri4Params(r: Sri4Record): Sri4ParamRow[] {
  const row = (PARAMCD: string, over: Partial<Sri4ParamRow>): Sri4ParamRow => ({
    USUBJID: r.USUBJID,
    PARAMCD,
    AVAL: null,
    AVALC: null,
    BASE: null,
    CHG: null,
    ASTDY: null,
    AENDY: null,
    NRREAS: null,
    ...over,
  });
  return [
    row('SRI4', { AVALC: r.SRI4FL, NRREAS: r.NRREAS }),
    row('SRI4SLED', { AVALC: statusFlag(r.SLEDSTAT) }),
    row('SRI4BLG', { AVALC: statusFlag(r.BLGSTAT) }),
    row('SRI4PGA', { AVALC: statusFlag(r.PGASTAT) }),
    row('SRI4CS', { AVALC: statusFlag(r.CSSTAT) }),
    row('WDBFW24', { AVALC: r.WDBFW24 }),
    row('SLEDW24', { AVAL: r.SLEDAVAL, BASE: r.SLEDBASE, CHG: r.SLEDCHG }),
    row('BLGNEWA', { AVAL: r.BLGNEWA }),
    row('BLGNEWB', { AVAL: r.BLGNEWB }),
    row('PGAW24H', { AVAL: r.PGAAVALH, BASE: r.PGABASEH, CHG: r.PGACHGH }),
    row('CSMAXDOS', { AVAL: r.CSMAXDOS, ASTDY: r.CSWINSDY, AENDY: r.CSWINEDY }),
  ];
}

/** `adsri4`: the records of `computeSri4Params` for every FAS subject, dated by the Week 24 visit. */
export function toSri4Dataset(records: readonly Sri4Record[], context: DatasetContext): AdamDataset {
  const week24 = scheduledVisitId(context.settings.sri4.visitnum, context.settings);
  const bySubject = new Map(records.map((r) => [r.USUBJID, r]));
  return makeDataset(
    ADSRI4_META,
    records.flatMap(computeSri4Params),
    (p) => {
      const r = bySubject.get(p.USUBJID)!;
      const day0 = context.subjectValue(p.USUBJID, 'TRTSDT', 'ADSRI4');
      return {
        AVISIT: week24,
        ADT: r.W24DT,
        ADY: r.W24DT === null || typeof day0 !== 'string' ? null : protocolDay(r.W24DT, day0),
        W20DT: r.W20DT,
        OCFL: r.OCFL,
      };
    },
    context,
  );
}
