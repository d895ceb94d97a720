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
import { RecordsBySubject, SubjectIndex } from './subject-index.js';

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

/** The records by subject: each subject's BASE and scheduled record at each visit id, by position. */
interface ValuesBySubject {
  /** Each subject's last non-null BASE, by position (null when none). */
  readonly base: readonly (number | null)[];
  readonly byVisit: ReadonlyMap<string, RecordsBySubject<VisitValueRecord>>;
}

/**
 * Each subject's BASE and scheduled records by visit id, by position in `subjects` (a subject of the
 * records not in it is added); two records at one visit are a bug. Arrays by subject position
 * (subject-index.ts): a map of visits per subject made 20,000 small maps a parameter at 20,000
 * subjects (PROs: 28 parameters).
 */
function indexBySubject(subjects: SubjectIndex, records: readonly VisitValueRecord[]): ValuesBySubject {
  const positions = new Int32Array(records.length);
  for (let k = 0; k < records.length; k++) positions[k] = subjects.add((records[k] as VisitValueRecord).USUBJID);
  const base: (number | null)[] = [];
  for (let p = 0; p < subjects.size; p++) base.push(null);
  const byVisit = new Map<string, RecordsBySubject<VisitValueRecord>>();
  for (let k = 0; k < records.length; k++) {
    const r = records[k] as VisitValueRecord;
    const p = positions[k] as number;
    if (r.BASE !== null) base[p] = r.BASE;
    if (r.AVISIT === null) continue;
    let at = byVisit.get(r.AVISIT);
    if (at === undefined) byVisit.set(r.AVISIT, (at = new RecordsBySubject(subjects.size, records)));
    if (at.has(p)) throw new Error(`${r.USUBJID}: two records at visit ${r.AVISIT}`);
    at.set(p, k);
  }
  return { base, byVisit };
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
  const none = new RecordsBySubject<VisitValueRecord>(0, []);
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
        ...descriptiveRowsOf(
          id(spec.avalParam, visit),
          group,
          positions.length,
          (i) => at.get(positions[i] as number)?.AVAL ?? null,
        ),
      );
      rows.push(
        ...descriptiveRowsOf(
          id(spec.chgParam, visit),
          group,
          positions.length,
          (i) => at.get(positions[i] as number)?.CHG ?? null,
        ),
      );
    }
  });
  return rows;
}

/** The BASE at a position (null for -1: a subject without records). */
function baseAt(base: readonly (number | null)[], p: number): number | null {
  return p < 0 ? null : (base[p] as number | null);
}

/**
 * Descriptive rows of the values recorded at one visit (`id('AVAL')`), and of their changes from
 * baseline (`id('CHG')`) at a post-baseline visit, of the `count` records `recordAt(0)` …; a missing
 * record counts as a missing value. For parameters whose baseline is the record at the baseline visit
 * itself (PGA, haematology) or the record the baseline rule flagged (the lab summaries).
 */
export function visitValueRows(
  id: (param: 'AVAL' | 'CHG') => RowIdentity,
  group: Group,
  count: number,
  recordAt: (i: number) => Pick<VisitValueRecord, 'AVAL' | 'CHG'> | null | undefined,
  postBaseline: boolean,
): ArdRow[] {
  const rows = descriptiveRowsOf(id('AVAL'), group, count, (i) => recordAt(i)?.AVAL ?? null);
  if (postBaseline) rows.push(...descriptiveRowsOf(id('CHG'), group, count, (i) => recordAt(i)?.CHG ?? null));
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
