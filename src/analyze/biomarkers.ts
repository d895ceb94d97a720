/**
 * Biomarkers and laboratory values in the FAS, descriptive only (SAP §5 row "Biomarkers", §5.2;
 * SAP.md §6.9; ard.md `BIOMARKER`, `BIOSHIFT`, `LAB`):
 * - `BIOMARKER` `<flag>` at each scheduled visit from baseline: N = subjects with a result, n abnormal;
 * - `BIOSHIFT` `<flag>:<baseline status>:<visit status>` at the shift visits, all nine combinations of
 *   `ABN`/`NORM`/`MISS` (zeros included), N = the group's FAS count;
 * - `LAB` `<test>:AVAL` at each scheduled visit (the baseline value at `BASELINE`) and `<test>:CHG` at
 *   each post-baseline one: summary statistics of observed cases (a text `<x` / `>x` counts as x).
 */
import type { ArdRow } from '../ard/types.js';
import type { AdslRecord } from '../derive/adsl.js';
import { BIOMARKER_STATUSES, type BiomarkerRecord, type BiomarkerStatus } from '../derive/biomarker-flags.js';
import type { BiomarkerDerivations } from '../derive/biomarkers.js';
import type { LabRecord } from '../derive/lab-results.js';
import { scheduledVisitId } from '../derive/visits.js';
import type { SapSettings } from '../sap/index.js';
import { proportionRows, type RowIdentity } from './ard-rows.js';
import { visitValueColumns, visitValueRows } from './by-visit-descriptives.js';
import { countEachOf, RecordsByParamVisit } from './by-param-visit.js';
import { analysisGroups, positionedGroups, type PositionedGroup } from './groups.js';
import { subjectIndexOf, type SubjectIndex } from './subject-index.js';

const key = (...parts: readonly (string | number)[]): string => parts.join('\u0000');

/** The nine `<baseline>:<visit>` status pairs in display order. */
export const SHIFT_PAIRS: readonly (readonly [BiomarkerStatus, BiomarkerStatus])[] = BIOMARKER_STATUSES.flatMap((b) =>
  BIOMARKER_STATUSES.map((v) => [b, v] as const),
);

/**
 * The flags by flag, visit and subject (a later record of the same three replaces the earlier), and
 * each flag's status and baseline status by record index, read once in the records' order (not from
 * each record, across all of them, for every group).
 */
interface FlagStatuses {
  readonly byParamVisit: RecordsByParamVisit<BiomarkerRecord>;
  readonly avalc: readonly (string | null)[];
  readonly basec: readonly (string | null)[];
}

function flagsByParamVisit(subjects: SubjectIndex, flags: readonly BiomarkerRecord[]): FlagStatuses {
  const byParamVisit = new RecordsByParamVisit<BiomarkerRecord>(subjects, flags);
  const avalc: (string | null)[] = [];
  const basec: (string | null)[] = [];
  for (let k = 0; k < flags.length; k++) {
    const r = flags[k] as BiomarkerRecord;
    byParamVisit.set(r.PARAMCD, r.AVISIT, r.USUBJID, k);
    avalc.push(r.AVALC);
    basec.push(r.BASEC);
  }
  return { byParamVisit, avalc, basec };
}

/** The status of record k (`MISS` without a record or status). */
const statusOf = (statuses: readonly (string | null)[], k: number): string =>
  k < 0 ? 'MISS' : (statuses[k] ?? 'MISS');

function abnormalityRows(groups: readonly PositionedGroup[], flags: FlagStatuses, settings: SapSettings): ArdRow[] {
  const visits = settings.visits.filter((v) => v.visitnum >= settings.baselineVisitnum);
  const rows: ArdRow[] = [];
  for (const def of settings.biomarkers) {
    for (const v of visits) {
      const id: RowIdentity = { endpoint: 'BIOMARKER', param: def.flag, visit: v.id, population: 'FAS' };
      for (const { group, positions } of groups) {
        const at = flags.byParamVisit.at(def.flag, v.id);
        const counts = countEachOf(positions.length, (i) => statusOf(flags.avalc, at.indexOf(positions[i] as number)));
        const present = positions.length - (counts.get('MISS') ?? 0);
        rows.push(...proportionRows(id, group, counts.get('ABN') ?? 0, present));
      }
    }
  }
  return rows;
}

function shiftRows(groups: readonly PositionedGroup[], flags: FlagStatuses, settings: SapSettings): ArdRow[] {
  const rows: ArdRow[] = [];
  for (const def of settings.biomarkers) {
    for (const visitnum of settings.biomarkerShiftVisitnums) {
      const visit = scheduledVisitId(visitnum, settings);
      if (visit === null) throw new Error(`biomarker shift visit ${visitnum} is not scheduled`);
      for (const { group, positions } of groups) {
        const at = flags.byParamVisit.at(def.flag, visit);
        const pairs = countEachOf(positions.length, (i) => {
          const k = at.indexOf(positions[i] as number);
          return key(statusOf(flags.basec, k), statusOf(flags.avalc, k));
        });
        for (const [b, v] of SHIFT_PAIRS) {
          const id: RowIdentity = { endpoint: 'BIOSHIFT', param: `${def.flag}:${b}:${v}`, visit, population: 'FAS' };
          rows.push(...proportionRows(id, group, pairs.get(key(b, v)) ?? 0, positions.length));
        }
      }
    }
  }
  return rows;
}

/** The abnormality and shift rows, from one index of the flags (garbage before the labs are read). */
function flagRows(
  groups: readonly PositionedGroup[],
  subjects: SubjectIndex,
  flags: readonly BiomarkerRecord[],
  settings: SapSettings,
): ArdRow[] {
  const byParamVisit = flagsByParamVisit(subjects, flags);
  return [...abnormalityRows(groups, byParamVisit, settings), ...shiftRows(groups, byParamVisit, settings)];
}

function labRows(
  groups: readonly PositionedGroup[],
  subjects: SubjectIndex,
  labs: readonly LabRecord[],
  settings: SapSettings,
): ArdRow[] {
  const baselineId = scheduledVisitId(settings.baselineVisitnum, settings);
  const atVisit = new RecordsByParamVisit<LabRecord>(subjects, labs);
  const columns = visitValueColumns(labs);
  for (let k = 0; k < labs.length; k++) {
    const r = labs[k] as LabRecord;
    if (r.AVISIT !== null && r.VISITNUM !== settings.baselineVisitnum) atVisit.set(r.PARAMCD, r.AVISIT, r.USUBJID, k);
    // At baseline the value summarised is BASE, from whichever visit the baseline rule chose.
    if (r.ABLFL === 'Y') atVisit.set(r.PARAMCD, baselineId ?? '', r.USUBJID, k);
  }
  const visits = settings.visits.filter((v) => v.visitnum >= settings.baselineVisitnum);
  const rows: ArdRow[] = [];
  for (const test of settings.labSummaryTests) {
    for (const v of visits) {
      const post = v.visitnum > settings.baselineVisitnum;
      for (const { group, positions } of groups) {
        const at = atVisit.at(test, v.id);
        const id = (p: 'AVAL' | 'CHG'): RowIdentity => ({
          endpoint: 'LAB',
          param: `${test}:${p}`,
          visit: v.id,
          population: 'FAS',
        });
        const recordAt = (i: number) => at.indexOf(positions[i] as number);
        rows.push(...visitValueRows(id, group, positions.length, recordAt, columns, post));
      }
    }
  }
  return rows;
}

export function analyzeBiomarkers(
  adsl: readonly AdslRecord[],
  biomarkers: BiomarkerDerivations,
  settings: SapSettings,
  blinded: boolean,
): ArdRow[] {
  const subjects = subjectIndexOf(adsl);
  const groups = positionedGroups(analysisGroups(adsl, 'FAS', blinded), subjects);
  return flagRows(groups, subjects, biomarkers.flags, settings).concat(
    labRows(groups, subjects, biomarkers.labs, settings),
  );
}
