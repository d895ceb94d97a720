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
import { visitValueRows } from './by-visit-descriptives.js';
import { countEach, RecordsByParamVisit } from './by-param-visit.js';
import { analysisGroups, type AnalysisGroup } from './groups.js';

const key = (...parts: readonly (string | number)[]): string => parts.join('\u0000');

/** The nine `<baseline>:<visit>` status pairs in display order. */
export const SHIFT_PAIRS: readonly (readonly [BiomarkerStatus, BiomarkerStatus])[] = BIOMARKER_STATUSES.flatMap((b) =>
  BIOMARKER_STATUSES.map((v) => [b, v] as const),
);

/** The flags by flag, visit and subject (a later record of the same three replaces the earlier). */
function flagsByParamVisit(flags: readonly BiomarkerRecord[]): RecordsByParamVisit<BiomarkerRecord> {
  const out = new RecordsByParamVisit<BiomarkerRecord>();
  for (const r of flags) out.set(r.PARAMCD, r.AVISIT, r.USUBJID, r);
  return out;
}

function abnormalityRows(
  groups: readonly AnalysisGroup[],
  flags: readonly BiomarkerRecord[],
  settings: SapSettings,
): ArdRow[] {
  const status = flagsByParamVisit(flags);
  const visits = settings.visits.filter((v) => v.visitnum >= settings.baselineVisitnum);
  const rows: ArdRow[] = [];
  for (const def of settings.biomarkers) {
    for (const v of visits) {
      const id: RowIdentity = { endpoint: 'BIOMARKER', param: def.flag, visit: v.id, population: 'FAS' };
      for (const { group, subjects } of groups) {
        const at = status.at(def.flag, v.id);
        const s = subjects.map((x) => at.get(x.USUBJID)?.AVALC ?? 'MISS');
        const present = s.filter((x) => x !== 'MISS');
        rows.push(...proportionRows(id, group, present.filter((x) => x === 'ABN').length, present.length));
      }
    }
  }
  return rows;
}

function shiftRows(
  groups: readonly AnalysisGroup[],
  flags: readonly BiomarkerRecord[],
  settings: SapSettings,
): ArdRow[] {
  const byParamVisit = flagsByParamVisit(flags);
  const rows: ArdRow[] = [];
  for (const def of settings.biomarkers) {
    for (const visitnum of settings.biomarkerShiftVisitnums) {
      const visit = scheduledVisitId(visitnum, settings);
      if (visit === null) throw new Error(`biomarker shift visit ${visitnum} is not scheduled`);
      for (const { group, subjects } of groups) {
        const at = byParamVisit.at(def.flag, visit);
        const pairs = countEach(
          subjects.map((x) => {
            const r = at.get(x.USUBJID);
            return key(r?.BASEC ?? 'MISS', r?.AVALC ?? 'MISS');
          }),
        );
        for (const [b, v] of SHIFT_PAIRS) {
          const id: RowIdentity = { endpoint: 'BIOSHIFT', param: `${def.flag}:${b}:${v}`, visit, population: 'FAS' };
          rows.push(...proportionRows(id, group, pairs.get(key(b, v)) ?? 0, subjects.length));
        }
      }
    }
  }
  return rows;
}

function labRows(groups: readonly AnalysisGroup[], labs: readonly LabRecord[], settings: SapSettings): ArdRow[] {
  const baselineId = scheduledVisitId(settings.baselineVisitnum, settings);
  const atVisit = new RecordsByParamVisit<LabRecord>();
  for (const r of labs) {
    if (r.AVISIT !== null && r.VISITNUM !== settings.baselineVisitnum) atVisit.set(r.PARAMCD, r.AVISIT, r.USUBJID, r);
    // At baseline the value summarised is BASE, from whichever visit the baseline rule chose.
    if (r.ABLFL === 'Y') atVisit.set(r.PARAMCD, baselineId ?? '', r.USUBJID, r);
  }
  const visits = settings.visits.filter((v) => v.visitnum >= settings.baselineVisitnum);
  const rows: ArdRow[] = [];
  for (const test of settings.labSummaryTests) {
    for (const v of visits) {
      const post = v.visitnum > settings.baselineVisitnum;
      for (const { group, subjects } of groups) {
        const at = atVisit.at(test, v.id);
        const records = subjects.map((x) => at.get(x.USUBJID) ?? null);
        const id = (p: 'AVAL' | 'CHG'): RowIdentity => ({
          endpoint: 'LAB',
          param: `${test}:${p}`,
          visit: v.id,
          population: 'FAS',
        });
        rows.push(...visitValueRows(id, group, records, post));
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
  const groups = analysisGroups(adsl, 'FAS', blinded);
  return [
    ...abnormalityRows(groups, biomarkers.flags, settings),
    ...shiftRows(groups, biomarkers.flags, settings),
    ...labRows(groups, biomarkers.labs, settings),
  ];
}
