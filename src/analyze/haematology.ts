/**
 * Haematology by visit in the SAF, by arm actually infused and TOTAL (SAP §7.2 safety laboratory;
 * table T-14.3.6). The tests are the lock's haematology panel (`computeHaematologyTests`).
 *
 * - `HAEM`, param `<test>:AVAL` at each scheduled visit from baseline on (at `BASELINE` the baseline
 *   value, from whichever visit the SAP §4.2 rule chose) and `<test>:CHG` at post-baseline visits:
 *   `n`, `mean`, `sd`, `median`, `q1`, `q3`, `min`, `max` (observed cases).
 * - `HAEMSHIFT`, param `<test>:<baseline>:<visit>` with LOW / NORMAL / HIGH against the record's own
 *   reference range (`computeRangeIndicator`) or MISSING, at the biomarker shift visits
 *   (settings `biomarkerShiftVisitnums`): `N` (SAF subjects of the group), `n`, `prop`.
 */
import type { ArdRow } from '../ard/types.js';
import type { AdslRecord } from '../derive/adsl.js';
import type { LabRecord } from '../derive/lab-results.js';
import { computeRangeIndicator } from '../derive/lab-range.js';
import { scheduledVisitId } from '../derive/visits.js';
import type { SapSettings } from '../sap/index.js';
import { proportionRows, type RowIdentity } from './ard-rows.js';
import { visitValueColumns, visitValueRows } from './by-visit-descriptives.js';
import { countEachOf, RecordsByParamVisit } from './by-param-visit.js';
import { analysisGroups, positionedGroups } from './groups.js';
import { subjectIndexOf, type SubjectIndex } from './subject-index.js';

export const RANGE_CATEGORIES = ['LOW', 'NORMAL', 'HIGH', 'MISSING'] as const;

const key = (...parts: string[]): string => parts.join('\u0000');

/** Each subject's record of each test at each scheduled visit id; the baseline record at the baseline id. */
function recordsByVisit(
  subjects: SubjectIndex,
  labs: readonly LabRecord[],
  tests: ReadonlySet<string>,
  settings: SapSettings,
): RecordsByParamVisit<LabRecord> {
  const baselineId = scheduledVisitId(settings.baselineVisitnum, settings) ?? '';
  const out = new RecordsByParamVisit<LabRecord>(subjects, labs);
  for (let k = 0; k < labs.length; k++) {
    const r = labs[k] as LabRecord;
    if (!tests.has(r.PARAMCD)) continue;
    if (r.AVISIT !== null && r.VISITNUM !== settings.baselineVisitnum) out.set(r.PARAMCD, r.AVISIT, r.USUBJID, k);
    if (r.ABLFL === 'Y') out.set(r.PARAMCD, baselineId, r.USUBJID, k);
  }
  return out;
}

const category = (r: LabRecord | undefined): string =>
  r === undefined ? 'MISSING' : (computeRangeIndicator(r) ?? 'MISSING');

export function analyzeHaematology(
  adsl: readonly AdslRecord[],
  labs: readonly LabRecord[],
  tests: readonly string[],
  settings: SapSettings,
  blinded: boolean,
): ArdRow[] {
  const subjects = subjectIndexOf(adsl);
  const groups = positionedGroups(analysisGroups(adsl, 'SAF', blinded), subjects);
  const at = recordsByVisit(subjects, labs, new Set(tests), settings);
  const columns = visitValueColumns(labs);
  const baselineId = scheduledVisitId(settings.baselineVisitnum, settings) ?? '';
  const visits = settings.visits.filter((v) => v.visitnum >= settings.baselineVisitnum);
  const shiftVisits = settings.biomarkerShiftVisitnums
    .map((n) => scheduledVisitId(n, settings))
    .filter((v): v is string => v !== null);
  const rows: ArdRow[] = [];
  for (const test of tests) {
    for (const v of visits) {
      for (const { group, positions } of groups) {
        const atVisit = at.at(test, v.id);
        const id = (p: string): RowIdentity => ({
          endpoint: 'HAEM',
          param: `${test}:${p}`,
          visit: v.id,
          population: 'SAF',
        });
        const post = v.visitnum > settings.baselineVisitnum;
        const recordAt = (i: number) => atVisit.indexOf(positions[i] as number);
        rows.push(...visitValueRows(id, group, positions.length, recordAt, columns, post));
      }
    }
    for (const visit of shiftVisits) {
      for (const { group, positions } of groups) {
        const atBaseline = at.at(test, baselineId);
        const atVisit = at.at(test, visit);
        const pairs = countEachOf(positions.length, (i) => {
          const p = positions[i] as number;
          return key(category(atBaseline.get(p)), category(atVisit.get(p)));
        });
        for (const b of RANGE_CATEGORIES) {
          for (const p of RANGE_CATEGORIES) {
            const id: RowIdentity = { endpoint: 'HAEMSHIFT', param: `${test}:${b}:${p}`, visit, population: 'SAF' };
            rows.push(...proportionRows(id, group, pairs.get(key(b, p)) ?? 0, positions.length));
          }
        }
      }
    }
  }
  return rows;
}
