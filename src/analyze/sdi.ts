/**
 * SLICC/ACR Damage Index in the FAS (SAP §5 row "SLICC/ACR DI", §5.2; SAP.md §6.8; ard.md `SDI`):
 * summary statistics of the total at baseline (screening) and at Week 52 and of the change; worsening
 * (increase ≥ 1) n/N with N = subjects with both totals (observed cases), and versus placebo the
 * Miettinen–Nurminen difference and Fisher's exact p.
 */
import type { ArdRow } from '../ard/types.js';
import type { AdslRecord } from '../derive/adsl.js';
import type { SdiRecord } from '../derive/sdi.js';
import { scheduledVisitId } from '../derive/visits.js';
import type { SapSettings } from '../sap/index.js';
import { proportionRows, type RowIdentity } from './ard-rows.js';
import { compareProportionRows, type ArmCount } from './compare-proportions.js';
import { descriptiveRows } from './descriptives.js';
import { analysisGroups, COMPARED_ARMS, REFERENCE_ARM } from './groups.js';

/** One subject's SDI baseline total, Week 52 total and change (null where missing). */
export interface SdiSubjectValues {
  readonly base: number | null;
  readonly endpoint: number | null;
  readonly change: number | null;
}

export function collectSdiValues(
  records: readonly SdiRecord[],
  endpointVisitnum: number,
): ReadonlyMap<string, SdiSubjectValues> {
  const out = new Map<string, { base: number | null; endpoint: number | null; change: number | null }>();
  for (const r of records) {
    let v = out.get(r.USUBJID);
    if (!v) out.set(r.USUBJID, (v = { base: null, endpoint: null, change: null }));
    if (r.ABLFL === 'Y') v.base = r.AVAL;
    if (r.VISITNUM === endpointVisitnum) {
      v.endpoint = r.AVAL;
      v.change = r.CHG;
    }
  }
  return out;
}

const NONE: SdiSubjectValues = { base: null, endpoint: null, change: null };

export function analyzeSdi(
  adsl: readonly AdslRecord[],
  sdi: readonly SdiRecord[],
  settings: SapSettings,
  blinded: boolean,
): ArdRow[] {
  const week = scheduledVisitId(settings.sdi.endpointVisitnum, settings);
  const baseline = scheduledVisitId(settings.baselineVisitnum, settings);
  if (week === null || baseline === null) throw new Error('SDI: endpoint or baseline visit is not scheduled');
  const values = collectSdiValues(sdi, settings.sdi.endpointVisitnum);
  const id = (param: string, visit: string): RowIdentity => ({ endpoint: 'SDI', param, visit, population: 'FAS' });
  const worsen = id('WORSEN', week);
  const rows: ArdRow[] = [];
  const counts = new Map<string, ArmCount>();

  for (const { group, subjects } of analysisGroups(adsl, 'FAS', blinded)) {
    const v = subjects.map((s) => values.get(s.USUBJID) ?? NONE);
    rows.push(
      ...descriptiveRows(
        id('AVAL', baseline),
        group,
        v.map((x) => x.base),
      ),
      ...descriptiveRows(
        id('AVAL', week),
        group,
        v.map((x) => x.endpoint),
      ),
      ...descriptiveRows(
        id('CHG', week),
        group,
        v.map((x) => x.change),
      ),
    );
    const changes = v.flatMap((x) => (x.change === null ? [] : [x.change]));
    const n = changes.filter((c) => c >= settings.sdi.worseningIncrease).length;
    counts.set(group, { n, bigN: changes.length });
    rows.push(...proportionRows(worsen, group, n, changes.length));
  }
  if (blinded) return rows;
  const level = settings.analysis.ciLevel;
  for (const arm of COMPARED_ARMS) {
    rows.push(...compareProportionRows(worsen, arm, counts.get(arm)!, counts.get(REFERENCE_ARM)!, level));
  }
  return rows;
}
