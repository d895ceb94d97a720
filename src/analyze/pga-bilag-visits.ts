/**
 * PGA and BILAG-2004 grades by visit, FAS by randomized arm and TOTAL (SAP §5.2, §6.9 descriptive;
 * tables T-14.2.15, T-14.2.16). Observed cases at scheduled visits from baseline on; at `BASELINE`
 * the baseline record (SAP §4.2 rule, whichever visit it came from).
 *
 * - `PGA`, param `AVAL` (each visit) and `CHG` (post-baseline): `n`, `mean`, `sd`, `median`, `q1`,
 *   `q3`, `min`, `max`.
 * - `BILAGGRADE`, param `<domain code>:<grade>` for each settings domain and grade A–E, and
 *   `<domain>:MISSING` (no grade at that visit): `N` (FAS subjects of the group), `n`, `prop`.
 */
import type { ArdRow } from '../ard/types.js';
import type { AdslRecord } from '../derive/adsl.js';
import type { BilagGradeRecord } from '../derive/bilag.js';
import type { PgaRecord } from '../derive/pga.js';
import { scheduledVisitId } from '../derive/visits.js';
import type { SapSettings } from '../sap/index.js';
import { proportionRows, type RowIdentity } from './ard-rows.js';
import { visitValueColumns, visitValueRows } from './by-visit-descriptives.js';
import { countEachOf, RecordsByParamVisit } from './by-param-visit.js';
import { analysisGroups, positionedGroups, type PositionedGroup } from './groups.js';
import { subjectIndexOf, type SubjectIndex } from './subject-index.js';

type Timed = Pick<PgaRecord, 'USUBJID' | 'VISITNUM' | 'AVISIT' | 'ABLFL'>;

/** Each record by subject, `part` and visit id; the baseline record also under the baseline id. */
function byVisit<T extends Timed>(
  subjects: SubjectIndex,
  records: readonly T[],
  part: (r: T) => string,
  settings: SapSettings,
): RecordsByParamVisit<T> {
  const baselineId = scheduledVisitId(settings.baselineVisitnum, settings) ?? '';
  const out = new RecordsByParamVisit<T>(subjects, records);
  for (let k = 0; k < records.length; k++) {
    const r = records[k] as T;
    if (r.AVISIT !== null && r.VISITNUM !== settings.baselineVisitnum) out.set(part(r), r.AVISIT, r.USUBJID, k);
    if (r.ABLFL === 'Y') out.set(part(r), baselineId, r.USUBJID, k);
  }
  return out;
}

/** The groups of the FAS with their subjects' positions. */
function fasGroups(adsl: readonly AdslRecord[], subjects: SubjectIndex, blinded: boolean): PositionedGroup[] {
  return positionedGroups(analysisGroups(adsl, 'FAS', blinded), subjects);
}

const analysisVisits = (settings: SapSettings) =>
  settings.visits.filter((v) => v.visitnum >= settings.baselineVisitnum);

export function analyzePgaByVisit(
  adsl: readonly AdslRecord[],
  pga: readonly PgaRecord[],
  settings: SapSettings,
  blinded: boolean,
): ArdRow[] {
  const subjects = subjectIndexOf(adsl);
  const at = byVisit(subjects, pga, () => '', settings);
  const columns = visitValueColumns(pga);
  const groups = fasGroups(adsl, subjects, blinded);
  const rows: ArdRow[] = [];
  for (const v of analysisVisits(settings)) {
    for (const { group, positions } of groups) {
      const atVisit = at.at('', v.id);
      const id = (param: string): RowIdentity => ({ endpoint: 'PGA', param, visit: v.id, population: 'FAS' });
      const post = v.visitnum > settings.baselineVisitnum;
      const recordAt = (i: number) => atVisit.indexOf(positions[i] as number);
      rows.push(...visitValueRows(id, group, positions.length, recordAt, columns, post));
    }
  }
  return rows;
}

export function analyzeBilagGradesByVisit(
  adsl: readonly AdslRecord[],
  grades: readonly BilagGradeRecord[],
  settings: SapSettings,
  blinded: boolean,
): ArdRow[] {
  const subjects = subjectIndexOf(adsl);
  const at = byVisit(subjects, grades, (r) => r.PARAMCD, settings);
  // Each record's grade read once, in the records' order (not from each record, for every group).
  const avalc = grades.map((r) => r.AVALC);
  const groups = fasGroups(adsl, subjects, blinded);
  const rows: ArdRow[] = [];
  for (const d of settings.bilag.domains) {
    for (const v of analysisVisits(settings)) {
      for (const { group, positions } of groups) {
        const atVisit = at.at(d.code, v.id);
        const observed = countEachOf(positions.length, (i) => {
          const k = atVisit.indexOf(positions[i] as number);
          return k < 0 ? 'MISSING' : (avalc[k] ?? 'MISSING');
        });
        for (const grade of [...settings.bilag.grades, 'MISSING']) {
          const id: RowIdentity = {
            endpoint: 'BILAGGRADE',
            param: `${d.code}:${grade}`,
            visit: v.id,
            population: 'FAS',
          };
          rows.push(...proportionRows(id, group, observed.get(grade) ?? 0, positions.length));
        }
      }
    }
  }
  return rows;
}
