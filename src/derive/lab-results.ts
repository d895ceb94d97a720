/**
 * Laboratory results as analysis values (synopsis §3, §4 "Biomarkers"; SAP §5.9): one record per LB
 * result with its value, the qualifier of a text result, the record's own reference range, the
 * per-test baseline (SAP §4.2 rule, `baseline.ts`) and the change from baseline at scheduled
 * post-baseline visits.
 *
 * A result given only as text `<x` / `>x` (LBSTRESC, empty LBSTRESN) is a non-missing value just
 * below / just above x: `AVAL` holds x (what the summary statistics use, SAP §5.9) and `AVALQUAL` the
 * `<` or `>` that the abnormality flags honour (`biomarker-flags.ts`).
 */
import type { IsoDate } from '../core/dates.js';
import type { LbRow, Lock, SourceRef } from '../lock/types.js';
import type { SapSettings } from '../sap/index.js';
import { selectBaseline, type BaselineCandidate } from './baseline.js';
import { capDataPrecision } from './data-precision.js';
import { makeDataset, type AdamDataset } from './dataset.js';
import type { DatasetContext } from './dataset-context.js';
import { ADLB_META } from './metadata/qs-lb.js';
import { computeAnl01fl, computeChange, indexInfusionDates, scheduledVisitId, studyDay } from './visits.js';

/** `<` just below the value, `>` just above it, null the value itself. */
export type LabQualifier = '<' | '>' | null;

export interface LabValue {
  readonly value: number;
  readonly qualifier: LabQualifier;
  /** Decimals as collected (the data's precision, SAP §3). */
  readonly decimals: number;
}

const QUALIFIED = /^([<>])\s*([+-]?(?:\d+(?:\.(\d*))?|\.(\d+)))$/;

/**
 * The analysis value of one LB result: LBSTRESN when present; else a text `<x` / `>x` in LBSTRESC;
 * else null (NOT DONE, empty, or a text that states no order, e.g. `<=x`, which the SAP does not
 * define).
 */
export function computeLabValue(
  lb: Pick<LbRow, 'LBSTRESN' | 'LBSTRESN_DEC' | 'LBSTRESC' | 'LBSTAT'>,
  notDone: string,
): LabValue | null {
  if (lb.LBSTAT === notDone) return null;
  if (lb.LBSTRESN !== null) return { value: lb.LBSTRESN, qualifier: null, decimals: lb.LBSTRESN_DEC ?? 0 };
  const m = lb.LBSTRESC === null ? null : QUALIFIED.exec(lb.LBSTRESC.trim());
  if (!m) return null;
  return {
    value: Number(m[2]),
    qualifier: m[1] === '<' ? '<' : '>',
    decimals: (m[3] ?? m[4] ?? '').length,
  };
}

export interface LabRecord {
  readonly USUBJID: string;
  readonly LBSEQ: number;
  /** LBTESTCD. */
  readonly PARAMCD: string;
  readonly VISITNUM: number;
  readonly VISIT: string;
  /** ARD visit id of a scheduled visit, null for an unscheduled one. */
  readonly AVISIT: string | null;
  readonly ADT: IsoDate;
  readonly ADY: number | null;
  /** The value (x for a text `<x` / `>x`); null when missing. */
  readonly AVAL: number | null;
  readonly AVALQUAL: LabQualifier;
  /** Decimals of the collected value; null when missing. */
  readonly AVALDEC: number | null;
  readonly LBSTRESC: string | null;
  /** The record's own reference range (LBSTNRLO, LBSTNRHI). */
  readonly ANRLO: number | null;
  readonly ANRHI: number | null;
  readonly ABLFL: 'Y' | null;
  readonly BASE: number | null;
  readonly BASEQUAL: LabQualifier;
  /** AVAL − BASE at a scheduled post-baseline visit (text values count as x), else null. */
  readonly CHG: number | null;
  readonly src: SourceRef;
}

/**
 * Every LB result of the lock as a `LabRecord`, in lock order, each with its subject's baseline of
 * the same test.
 */
export function deriveLabResults(lock: Pick<Lock, 'dm' | 'lb'>, settings: SapSettings): LabRecord[] {
  const { length, make } = labResultMaker(lock, settings);
  return Array.from({ length }, (_, i) => make(i));
}

/**
 * deriveLabResults's records one at a time: `make(i)` is the record of the lock's i-th LB row (a
 * caller that holds each as it is made, `holdEach`, never has them all as objects).
 */
export function labResultMaker(
  lock: Pick<Lock, 'dm' | 'lb'>,
  settings: SapSettings,
): { length: number; make: (i: number) => LabRecord } {
  const infusion = indexInfusionDates(lock.dm);
  const values = lock.lb.map((lb) => computeLabValue(lb, settings.notDone));
  const baselines = selectLabBaselines(lock.lb, values, settings.baselineVisitnum, infusion);
  const make = (i: number): LabRecord => {
    const lb = lock.lb[i] as LbRow;
    const v = values[i] ?? null;
    const b = baselines.get(lb.LBTESTCD)?.get(lb.USUBJID);
    const base = b === undefined ? null : (values[b] ?? null);
    const AVAL = v?.value ?? null;
    const BASE = base?.value ?? null;
    return {
      USUBJID: lb.USUBJID,
      LBSEQ: lb.LBSEQ,
      PARAMCD: lb.LBTESTCD,
      VISITNUM: lb.VISITNUM,
      VISIT: lb.VISIT,
      AVISIT: scheduledVisitId(lb.VISITNUM, settings),
      ADT: lb.LBDTC,
      ADY: studyDay(lb.LBDTC, infusion.get(lb.USUBJID) ?? null),
      AVAL,
      AVALQUAL: v?.qualifier ?? null,
      AVALDEC: v?.decimals ?? null,
      LBSTRESC: lb.LBSTRESC,
      ANRLO: lb.LBSTNRLO,
      ANRHI: lb.LBSTNRHI,
      src: lb.src,
      ABLFL: b === i ? 'Y' : null,
      BASE,
      BASEQUAL: base?.qualifier ?? null,
      CHG: computeChange(lb.VISITNUM, AVAL, BASE, settings),
    };
  };
  return { length: lock.lb.length, make };
}

interface LabCandidate extends BaselineCandidate {
  /** Index of the result in the lock's LB rows. */
  readonly i: number;
}

/**
 * The baseline result (SAP §3 rule, `selectBaseline`) of each test and subject, as an index into
 * `lb`, chosen among the results that have a value.
 */
function selectLabBaselines(
  lb: readonly LbRow[],
  values: readonly (LabValue | null)[],
  baselineVisitnum: number,
  infusion: ReadonlyMap<string, IsoDate | null>,
): ReadonlyMap<string, ReadonlyMap<string, number>> {
  const candidates = new Map<string, Map<string, LabCandidate[]>>();
  lb.forEach((r, i) => {
    if (values[i] == null) return;
    let bySubject = candidates.get(r.LBTESTCD);
    if (!bySubject) candidates.set(r.LBTESTCD, (bySubject = new Map()));
    const list = bySubject.get(r.USUBJID);
    const c = { VISITNUM: r.VISITNUM, ADT: r.LBDTC, i };
    if (list) list.push(c);
    else bySubject.set(r.USUBJID, [c]);
  });
  const out = new Map<string, Map<string, number>>();
  for (const [testcd, bySubject] of candidates) {
    const chosen = new Map<string, number>();
    for (const [subject, list] of bySubject) {
      const b = selectBaseline(list, baselineVisitnum, infusion.get(subject) ?? null);
      if (b !== null) chosen.set(subject, b.i);
    }
    out.set(testcd, chosen);
  }
  return out;
}

/**
 * The data's precision d per test code: the most decimals among its collected values (SAP §3, §4.9),
 * at most `display.maxDataPrecision` (C13).
 */
export function computeLabPrecision(
  records: readonly LabRecord[],
  settings: Pick<SapSettings, 'display'>,
): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  for (const r of records) {
    if (r.AVALDEC === null) continue;
    out.set(r.PARAMCD, Math.max(out.get(r.PARAMCD) ?? 0, capDataPrecision(r.AVALDEC, settings)));
  }
  return out;
}

/** `adlb`: every laboratory result with its analysis value, baseline and change. */
export function toLabDataset(records: readonly LabRecord[], context: DatasetContext): AdamDataset {
  return makeDataset(ADLB_META, records, (r) => ({ ANL01FL: computeAnl01fl(r, context.settings) }), context);
}
