/**
 * BILAG-2004 flare analyses in the FAS (SAP synopsis §5 rows "Flares" and "Time to first flare",
 * §5.1, §5.2; ard.md endpoints `FLARE`, `FLARE_RENAL`, `FLARE_NONRENAL`, `FLARE_SEVERE`, `TTFLARE`):
 * - each endpoint and window (`WEEK12`, `WEEK24`, `WEEK52`), per group: N (FAS), n and prop of subjects
 *   with ≥ 1 flare, events (flaring assessments), patient-years (Σ days at risk ÷ 365.25) and the crude
 *   rate events ÷ patient-years; versus PBO the MN difference and Fisher p (two arms only);
 * - at the last window (Week 52) the rate ratio of the NB/Poisson model on all arms
 *   (arm-rate-model.ts), method `NEGBIN` or `POISSON`;
 * - `TTFLARE`: Kaplan–Meier, log-rank and Cox rows (time-to-event.ts), and the curves to `curves`.
 */
import type { ArdRow, Group } from '../ard/types.js';
import type { AdslRecord } from '../derive/adsl.js';
import { FLARE_ENDPOINTS, flareWindowIds, type FlareDerivations, type FlareWindowRecord } from '../derive/flares.js';
import { TTFLARE } from '../derive/flares-tte.js';
import type { SapSettings } from '../sap/index.js';
import { comparisonRow, groupRow, proportionRows, type RowIdentity } from './ard-rows.js';
import { armRateRatios } from './arm-rate-model.js';
import { compareProportionRows, type ArmCount } from './compare-proportions.js';
import { analysisGroups, COMPARED_ARMS, REFERENCE_ARM } from './groups.js';
import { ignoreCurves, type CurveSink } from './km-curves.js';
import { analyzeTimeToEvent, type TimeToEventSubject } from './time-to-event.js';
import { ignoreIssues, reportWarnings, type IssueSink } from './analysis-issues.js';

/** N, n, prop, events, pyears, rate of one group in one window and endpoint. */
export function flareGroupRows(
  id: RowIdentity,
  group: Group,
  windows: readonly FlareWindowRecord[],
  endpoint: (typeof FLARE_ENDPOINTS)[number],
  daysPerYear: number,
): ArdRow[] {
  const withFlare = windows.filter((w) => w.events[endpoint] > 0).length;
  const events = windows.reduce((s, w) => s + w.events[endpoint], 0);
  // Days are summed as integers before the one division, so the pooled patient-years are exact.
  const pyears = windows.reduce((s, w) => s + w.daysAtRisk, 0) / daysPerYear;
  return [
    ...proportionRows(id, group, withFlare, windows.length),
    groupRow(id, group, 'events', events),
    groupRow(id, group, 'pyears', pyears),
    groupRow(id, group, 'rate', pyears > 0 ? events / pyears : null),
  ];
}

export function analyzeFlares(
  adsl: readonly AdslRecord[],
  flares: Pick<FlareDerivations, 'windows' | 'tte'>,
  settings: SapSettings,
  blinded: boolean,
  report: IssueSink = ignoreIssues,
  curves: CurveSink = ignoreCurves,
): ArdRow[] {
  const level = settings.analysis.ciLevel;
  const daysPerYear = settings.analysis.daysPerYear;
  const groups = analysisGroups(adsl, 'FAS', blinded);
  const windowIds = flareWindowIds(settings);
  const lastWindow = windowIds[windowIds.length - 1];
  const recordsOf = (window: string) => {
    const map = new Map(flares.windows.filter((w) => w.window === window).map((w) => [w.USUBJID, w]));
    return (s: AdslRecord): FlareWindowRecord => {
      const r = map.get(s.USUBJID);
      if (!r) throw new Error(`flare window ${window} missing for FAS subject ${s.USUBJID}`);
      return r;
    };
  };
  const rows: ArdRow[] = [];

  for (const window of windowIds) {
    const recordOf = recordsOf(window);
    for (const endpoint of FLARE_ENDPOINTS) {
      const id: RowIdentity = { endpoint, param: '', visit: window, population: 'FAS' };
      const counts = new Map<Group, ArmCount>();
      for (const { group, subjects } of groups) {
        const records = subjects.map(recordOf);
        counts.set(group, { n: records.filter((r) => r.events[endpoint] > 0).length, bigN: records.length });
        rows.push(...flareGroupRows(id, group, records, endpoint, daysPerYear));
      }
      if (blinded) continue;
      for (const arm of COMPARED_ARMS)
        rows.push(...compareProportionRows(id, arm, counts.get(arm)!, counts.get(REFERENCE_ARM)!, level));
      if (window !== lastWindow) continue;
      const fas = groups.filter((g) => g.group !== 'TOTAL').flatMap((g) => g.subjects);
      const model = armRateRatios(
        fas.map((s) => {
          const r = recordOf(s);
          return { arm: s.ARMCD!, events: r.events[endpoint], exposure: r.patientYears };
        }),
        level,
        settings.analysis.nbThetaMax,
      );
      reportWarnings(report, `${endpoint} ${window} rate ratio`, model.warnings);
      for (const arm of COMPARED_ARMS) {
        const rr = model.ratios.get(arm) ?? null;
        rows.push(
          comparisonRow(id, arm, 'rr', model.method, rr?.ratio ?? null),
          comparisonRow(id, arm, 'rr_lcl', model.method, rr?.lower ?? null),
          comparisonRow(id, arm, 'rr_ucl', model.method, rr?.upper ?? null),
          comparisonRow(id, arm, 'p', model.method, rr?.p ?? null),
        );
      }
    }
  }

  const tteOf = new Map(flares.tte.filter((r) => r.PARAMCD === TTFLARE.PARAMCD).map((r) => [r.USUBJID, r]));
  const fasSubjects = groups.find((g) => g.group === 'TOTAL')?.subjects ?? [];
  const subjects: TimeToEventSubject[] = fasSubjects.map((s) => {
    const r = tteOf.get(s.USUBJID);
    if (!r) throw new Error(`TTFLARE record missing for FAS subject ${s.USUBJID}`);
    return { USUBJID: s.USUBJID, arm: blinded ? null : s.ARMCD, time: r.AVAL, event: r.CNSR === 0 };
  });
  rows.push(
    ...analyzeTimeToEvent(
      subjects,
      {
        endpoint: TTFLARE.PARAMCD,
        population: 'FAS',
        landmarkDays: settings.analysis.kmDays,
        riskTimes: settings.display.kmAtRiskDays,
        confidenceLevel: level,
        blinded,
      },
      report,
      curves,
    ),
  );
  return rows;
}
