/**
 * Summary statistics of a parameter and its change from baseline by scheduled visit and group (SAP
 * synopsis §3, §5.2 "observed cases at the scheduled visit"; ard.md descriptives): `AVAL` at the
 * baseline visit is each subject's baseline value BASE (whichever visit the SAP's rule took it from),
 * `AVAL` at a post-baseline visit the value at that nominal visit, `CHG` the change there. Unscheduled
 * records (AVISIT null) are never summarised. Any record type with these fields can be summarised
 * (SLEDAI-2K, PROs, labs …).
 */
import type { ArdRow, Group, Population } from '../ard/types.js';
import type { ArdEndpoint } from '../ard/vocabulary.js';
import type { SapSettings } from '../sap/index.js';
import type { RowIdentity } from './ard-rows.js';
import { descriptiveRowsOf } from './descriptives.js';
import type { AnalysisGroup } from './groups.js';
import { SubjectIndex } from './subject-index.js';

export interface VisitValueRecord {
  readonly USUBJID: string;
  /** ARD visit id of a scheduled visit; null for an unscheduled one. */
  readonly AVISIT: string | null;
  readonly AVAL: number | null;
  readonly BASE: number | null;
  readonly CHG: number | null;
}

export interface ByVisitDescriptiveSpec {
  readonly endpoint: ArdEndpoint;
  readonly population: Population;
  /** ARD param of the values, e.g. `AVAL` or `SF36PCS:AVAL`. */
  readonly avalParam: string;
  /** ARD param of the changes, e.g. `CHG` or `SF36PCS:CHG`. */
  readonly chgParam: string;
  /** ARD id of the baseline visit (`BASELINE`). */
  readonly baselineVisit: string;
  /** ARD ids of the post-baseline visits summarised, in order. */
  readonly postBaselineVisits: readonly string[];
}

/** One visit's AVAL and CHG by subject position, NaN for none (no record, or a null value). */
interface VisitValues {
  readonly recorded: Uint8Array;
  readonly aval: Float64Array;
  readonly chg: Float64Array;
}

/** The records by subject: each subject's BASE and scheduled values at each visit id, by position. */
interface ValuesBySubject {
  /** Each subject's last non-null BASE, by position (null when none). */
  readonly base: readonly (number | null)[];
  readonly byVisit: ReadonlyMap<string, VisitValues>;
}

/**
 * Each subject's BASE and AVAL and CHG by visit id, by position in `subjects` (a subject of the records
 * not in it is added); two records at one visit are a bug. Typed arrays by subject position, filled
 * reading the records in their order: a map of visits per subject made 20,000 small maps a parameter
 * at 20,000 subjects (PROs: 28 parameters), and reading each group's values from the records (views
 * on columns) at summary time went from record to record across ~50 MB (a cache miss a value).
 */
function indexBySubject(subjects: SubjectIndex, records: readonly VisitValueRecord[]): ValuesBySubject {
  const positions = new Int32Array(records.length);
  for (let k = 0; k < records.length; k++) positions[k] = subjects.add((records[k] as VisitValueRecord).USUBJID);
  const base: (number | null)[] = [];
  for (let p = 0; p < subjects.size; p++) base.push(null);
  const byVisit = new Map<string, VisitValues>();
  for (let k = 0; k < records.length; k++) {
    const r = records[k] as VisitValueRecord;
    const p = positions[k] as number;
    if (r.BASE !== null) base[p] = r.BASE;
    if (r.AVISIT === null) continue;
    let at = byVisit.get(r.AVISIT);
    if (at === undefined) byVisit.set(r.AVISIT, (at = visitValues(subjects.size)));
    if (at.recorded[p] === 1) throw new Error(`${r.USUBJID}: two records at visit ${r.AVISIT}`);
    at.recorded[p] = 1;
    at.aval[p] = numberOrNaN(r.AVAL);
    at.chg[p] = numberOrNaN(r.CHG);
  }
  return { base, byVisit };
}

const visitValues = (size: number): VisitValues => ({
  recorded: new Uint8Array(size),
  aval: new Float64Array(size).fill(NaN),
  chg: new Float64Array(size).fill(NaN),
});

/**
 * A value as stored in a Float64Array, null as NaN. A NaN value is refused as `summarize` refuses it
 * (it would otherwise read as missing).
 */
export function numberOrNaN(v: number | null): number {
  if (v === null) return NaN;
  if (Number.isNaN(v)) throw new RangeError(`summarize: non-finite value ${v}`);
  return v;
}

/** A stored value back: NaN is null. */
export function nullIfNaN(v: number): number | null {
  return Number.isNaN(v) ? null : v;
}

interface IndexedGroups {
  /** The groups' subjects (and those of the records summarised so far). */
  readonly subjects: SubjectIndex;
  /** Each group's subjects' positions, in the order of `groups`. */
  readonly positions: readonly Int32Array[];
}

const indexedGroups = new WeakMap<readonly AnalysisGroup[], IndexedGroups>();

/**
 * The groups' subjects as positions, found once for every parameter summarised with the same groups
 * (28 PROs): the lookups of 20,000 subjects in a map of 20,000, per group and parameter, were a tenth
 * of the PRO summaries at 20,000 subjects.
 */
function indexGroups(groups: readonly AnalysisGroup[]): IndexedGroups {
  let indexed = indexedGroups.get(groups);
  if (indexed !== undefined) return indexed;
  const subjects = SubjectIndex.of(groups.flatMap((g) => g.subjects));
  indexed = { subjects, positions: groups.map((g) => subjects.positionsOf(g.subjects)) };
  indexedGroups.set(groups, indexed);
  return indexed;
}

/**
 * Descriptive rows (`n`, `mean`, `sd`, `median`, `q1`, `q3`, `min`, `max`) of AVAL at the baseline
 * visit and at each post-baseline visit, and of CHG at each post-baseline visit, for every group.
 */
export function byVisitDescriptiveRows(
  groups: readonly AnalysisGroup[],
  records: readonly VisitValueRecord[],
  spec: ByVisitDescriptiveSpec,
): ArdRow[] {
  const { subjects, positions: groupPositions } = indexGroups(groups);
  const index = indexBySubject(subjects, records);
  const id = (param: string, visit: string): RowIdentity => ({
    endpoint: spec.endpoint,
    param,
    visit,
    population: spec.population,
  });
  const none = visitValues(0);
  const rows: ArdRow[] = [];
  groups.forEach(({ group }, g) => {
    const positions = groupPositions[g] as Int32Array;
    rows.push(
      ...descriptiveRowsOf(id(spec.avalParam, spec.baselineVisit), group, positions.length, (i) =>
        baseAt(index.base, positions[i] as number),
      ),
    );
    for (const visit of spec.postBaselineVisits) {
      const at = index.byVisit.get(visit) ?? none;
      rows.push(
        ...descriptiveRowsOf(id(spec.avalParam, visit), group, positions.length, (i) =>
          valueAt(at.aval, positions[i] as number),
        ),
      );
      rows.push(
        ...descriptiveRowsOf(id(spec.chgParam, visit), group, positions.length, (i) =>
          valueAt(at.chg, positions[i] as number),
        ),
      );
    }
  });
  return rows;
}

/** The value at a position (null for -1, past the end or NaN). */
function valueAt(values: Float64Array, p: number): number | null {
  return p < 0 || p >= values.length ? null : nullIfNaN(values[p] as number);
}

/** The BASE at a position (null for -1: a subject without records). */
function baseAt(base: readonly (number | null)[], p: number): number | null {
  return p < 0 ? null : (base[p] as number | null);
}

/** AVAL and CHG of each record, by record index, NaN for null: read once, in the records' order. */
export interface VisitValueColumns {
  readonly aval: Float64Array;
  readonly chg: Float64Array;
}

/**
 * The records' AVAL and CHG as columns. The summaries then read a group's values from two arrays of
 * numbers, not from each record (a view on columns) across the whole record set.
 */
export function visitValueColumns(records: readonly Pick<VisitValueRecord, 'AVAL' | 'CHG'>[]): VisitValueColumns {
  const aval = new Float64Array(records.length);
  const chg = new Float64Array(records.length);
  for (let k = 0; k < records.length; k++) {
    const r = records[k] as Pick<VisitValueRecord, 'AVAL' | 'CHG'>;
    aval[k] = numberOrNaN(r.AVAL);
    chg[k] = numberOrNaN(r.CHG);
  }
  return { aval, chg };
}

/**
 * Descriptive rows of the values recorded at one visit (`id('AVAL')`), and of their changes from
 * baseline (`id('CHG')`) at a post-baseline visit, of the `count` records whose indices in `columns`
 * are `recordAt(0)` … (-1: no record, a missing value). For parameters whose baseline is the record at
 * the baseline visit itself (PGA, haematology) or the record the baseline rule flagged (the lab
 * summaries).
 */
export function visitValueRows(
  id: (param: 'AVAL' | 'CHG') => RowIdentity,
  group: Group,
  count: number,
  recordAt: (i: number) => number,
  columns: VisitValueColumns,
  postBaseline: boolean,
): ArdRow[] {
  const rows = descriptiveRowsOf(id('AVAL'), group, count, (i) => valueAt(columns.aval, recordAt(i)));
  if (postBaseline) rows.push(...descriptiveRowsOf(id('CHG'), group, count, (i) => valueAt(columns.chg, recordAt(i))));
  return rows;
}

/** ARD ids of the scheduled visits after baseline, in schedule order. */
export function postBaselineVisitIds(settings: SapSettings, visitnums?: readonly number[]): string[] {
  return settings.visits
    .filter(
      (v) => v.visitnum > settings.baselineVisitnum && (visitnums === undefined || visitnums.includes(v.visitnum)),
    )
    .map((v) => v.id);
}

/** ARD id of the baseline visit (`BASELINE`). */
export function baselineVisitId(settings: SapSettings): string {
  const v = settings.visits.find((x) => x.visitnum === settings.baselineVisitnum);
  if (!v) throw new Error('the baseline visit is not in the schedule');
  return v.id;
}
