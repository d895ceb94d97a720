/**
 * Biomarker abnormality flags at each scheduled visit (synopsis §4 "Biomarkers"; SAP §5.9): per
 * subject, flag and visit a status `ABN`, `NORM` or `MISS` (no result), with the baseline status
 * (the status of the test's baseline record, SAP §4.2) beside it for the shift tables.
 *
 * Text results: `<x` is a value just below x, `>x` one just above x. Hence, for a limit L,
 * `<x` < L ⇔ x ≤ L and `<x` > L ⇔ x > L; `>x` > L ⇔ x ≥ L and `>x` < L ⇔ x < L
 * (anti-dsDNA `<10` with upper limit 30 is not positive; WBC `<3.5` is not below 3.0; WBC `<3.0` is).
 */
import type { SourceRef } from '../lock/types.js';
import type { SapSettings } from '../sap/index.js';
import { makeDataset, type AdamDataset } from './dataset.js';
import type { DatasetContext } from './dataset-context.js';
import { ADBIOM_META } from './metadata/qs-lb.js';
import { adamParamcd } from './metadata/paramcd.js';
import type { LabQualifier, LabRecord } from './lab-results.js';

export type BiomarkerStatus = 'ABN' | 'NORM' | 'MISS';
/** The statuses in display and ARD order. */
export const BIOMARKER_STATUSES: readonly BiomarkerStatus[] = ['ABN', 'NORM', 'MISS'];

export type BiomarkerDefinition = SapSettings['biomarkers'][number];

/** Whether a value, possibly only known to lie just below (`<`) or above (`>`) it, is `compare` the limit. */
export function compareWithLimit(value: number, qualifier: LabQualifier, compare: '<' | '>', limit: number): boolean {
  if (compare === '<') return qualifier === '<' ? value <= limit : value < limit;
  return qualifier === '>' ? value >= limit : value > limit;
}

/** The limit a record is compared with: its own LBSTNRLO / LBSTNRHI, or the SAP's fixed value. */
export function computeBiomarkerLimit(
  def: BiomarkerDefinition,
  record: Pick<LabRecord, 'ANRLO' | 'ANRHI'>,
): number | null {
  switch (def.limit.kind) {
    case 'rangeLow':
      return record.ANRLO;
    case 'rangeHigh':
      return record.ANRHI;
    case 'fixed':
      return def.limit.value;
  }
}

/**
 * Status of one result: `MISS` without a value, or without the reference limit the flag needs (the
 * DTS requires it on C3, C4 and anti-dsDNA, so a missing one cannot be judged either way).
 */
export function computeBiomarkerStatus(
  def: BiomarkerDefinition,
  record: Pick<LabRecord, 'AVAL' | 'AVALQUAL' | 'ANRLO' | 'ANRHI'> | null,
): BiomarkerStatus {
  if (record === null || record.AVAL === null) return 'MISS';
  const limit = computeBiomarkerLimit(def, record);
  if (limit === null) return 'MISS';
  return compareWithLimit(record.AVAL, record.AVALQUAL, def.compare, limit) ? 'ABN' : 'NORM';
}

export interface BiomarkerRecord {
  readonly USUBJID: string;
  /** The flag (`LOWC3` …). */
  readonly PARAMCD: string;
  readonly LBTESTCD: string;
  /** ARD visit id: `BASELINE` (the baseline record) or a scheduled post-baseline visit. */
  readonly AVISIT: string;
  /** VISITNUM of the record judged; null when none. */
  readonly VISITNUM: number | null;
  readonly AVALC: BiomarkerStatus;
  /** Status at baseline. */
  readonly BASEC: BiomarkerStatus;
  readonly src: SourceRef | null;
}

/** A subject's lab records by test code and VISITNUM, and the baseline record of each test. */
interface SubjectLabs {
  readonly atVisit: Map<string, Map<number, LabRecord>>;
  readonly baseline: Map<string, LabRecord>;
}

function indexSubjectLabs(labs: readonly LabRecord[]): ReadonlyMap<string, SubjectLabs> {
  const out = new Map<string, SubjectLabs>();
  for (const r of labs) {
    let s = out.get(r.USUBJID);
    if (!s) out.set(r.USUBJID, (s = { atVisit: new Map(), baseline: new Map() }));
    let byVisit = s.atVisit.get(r.PARAMCD);
    if (!byVisit) s.atVisit.set(r.PARAMCD, (byVisit = new Map()));
    byVisit.set(r.VISITNUM, r);
    if (r.ABLFL === 'Y') s.baseline.set(r.PARAMCD, r);
  }
  return out;
}

/**
 * One record per subject × flag × scheduled visit from baseline on (`BASELINE` is judged on the
 * baseline record of the test, the others on the scheduled visit's record), for `subjects` in order.
 */
export function deriveBiomarkerFlags(
  labs: readonly LabRecord[],
  subjects: readonly string[],
  settings: SapSettings,
): BiomarkerRecord[] {
  const { length, make } = biomarkerFlagMaker(labs, subjects, settings);
  return Array.from({ length }, (_, i) => make(i));
}

/**
 * deriveBiomarkerFlags's records one at a time: `make(i)` is the i-th (subjects, then flags, then
 * visits), so that a caller holding each as it is made (`holdEach`) never has them all as objects
 * (~1.4M of a 20,000-subject lock).
 */
export function biomarkerFlagMaker(
  labs: readonly LabRecord[],
  subjects: readonly string[],
  settings: SapSettings,
): { length: number; make: (i: number) => BiomarkerRecord } {
  const bySubject = indexSubjectLabs(labs);
  const visits = settings.visits.filter((v) => v.visitnum >= settings.baselineVisitnum);
  const defs = settings.biomarkers;
  const make = (i: number): BiomarkerRecord => {
    const v = visits[i % visits.length] as (typeof visits)[number];
    const def = defs[Math.floor(i / visits.length) % defs.length] as (typeof defs)[number];
    const USUBJID = subjects[Math.floor(i / (visits.length * defs.length))] as string;
    const own = bySubject.get(USUBJID);
    const base = own?.baseline.get(def.testcd) ?? null;
    const record =
      v.visitnum === settings.baselineVisitnum ? base : (own?.atVisit.get(def.testcd)?.get(v.visitnum) ?? null);
    return {
      USUBJID,
      PARAMCD: def.flag,
      LBTESTCD: def.testcd,
      AVISIT: v.id,
      VISITNUM: record?.VISITNUM ?? null,
      AVALC: computeBiomarkerStatus(def, record),
      BASEC: computeBiomarkerStatus(def, base),
      src: record?.src ?? null,
    };
  };
  return { length: subjects.length * defs.length * visits.length, make };
}

/** `adbiom`: biomarker status per subject, flag and scheduled visit, with the baseline status. */
export function toBiomarkerDataset(records: readonly BiomarkerRecord[], context: DatasetContext): AdamDataset {
  return makeDataset(ADBIOM_META, records, (r) => ({ PARAMCD: adamParamcd(r.PARAMCD) }), context);
}
