/**
 * Corticosteroid endpoints in the FAS (SAP §5 rows "Steroid sparing" and "Cumulative steroid dose",
 * §5.1, §5.2; ard.md `CSDISC`, `TTCSDISC`, `CSCUM`):
 * - `CSDISC` at Week 52: per group N (on steroids at Day 0), n discontinued, prop; versus placebo the
 *   Miettinen–Nurminen difference and Fisher's exact p;
 * - `TTCSDISC`: time to discontinuation among those on steroids at Day 0 (Kaplan–Meier, log-rank,
 *   Cox Efron) through the generic time-to-event rows, and the curves to `curves`;
 * - `CSCUM` at Week 52: summary statistics of the cumulative dose (mg) of every FAS subject; versus
 *   placebo the two-sided Wilcoxon rank-sum p (normal approximation with continuity and tie
 *   corrections, R `wilcox.test(exact = FALSE, correct = TRUE)`) on doses rounded to 9 decimals.
 */
import type { ArdRow } from '../ard/types.js';
import type { AdslRecord } from '../derive/adsl.js';
import { roundDose } from '../derive/steroid-dose.js';
import type { SteroidSparingRecord } from '../derive/steroid-sparing.js';
import { wilcoxonRankSum } from '../numerics/rank/wilcoxon.js';
import type { SapSettings } from '../sap/index.js';
import { comparisonRow, proportionRows, type RowIdentity } from './ard-rows.js';
import { compareProportionRows, type ArmCount } from './compare-proportions.js';
import { descriptiveRows } from './descriptives.js';
import { analysisGroups, COMPARED_ARMS, REFERENCE_ARM } from './groups.js';
import { ignoreCurves, type CurveSink } from './km-curves.js';
import { analyzeTimeToEvent, type TimeToEventSubject } from './time-to-event.js';
import { ignoreIssues, type IssueSink } from './analysis-issues.js';

export const WILCOXON_METHOD = 'WILCOXON';

/** ARD visit id of the end of follow-up (the scheduled visit whose nominal day is `followUpEndDay`). */
export function followUpVisitId(settings: SapSettings): string {
  const v = settings.visits.find((x) => x.day === settings.analysis.followUpEndDay);
  if (!v) throw new Error(`no scheduled visit on day ${settings.analysis.followUpEndDay} (analysis.followUpEndDay)`);
  return v.id;
}

/** Two-sided Wilcoxon p of the MSC arm's values against placebo's, on values rounded to `decimals`. */
export function wilcoxonP(msc: readonly number[], pbo: readonly number[], decimals: number): number | null {
  const round = (x: number) => roundDose(x, decimals);
  return wilcoxonRankSum(msc.map(round), pbo.map(round)).p;
}

export function analyzeSteroids(
  adsl: readonly AdslRecord[],
  sparing: readonly SteroidSparingRecord[],
  settings: SapSettings,
  blinded: boolean,
  report: IssueSink = ignoreIssues,
  curves: CurveSink = ignoreCurves,
): ArdRow[] {
  const bySubject = new Map(sparing.map((r) => [r.USUBJID, r]));
  const recordOf = (s: AdslRecord): SteroidSparingRecord => {
    const r = bySubject.get(s.USUBJID);
    if (!r) throw new Error(`steroid record missing for FAS subject ${s.USUBJID}`);
    return r;
  };
  const visit = followUpVisitId(settings);
  const level = settings.analysis.ciLevel;
  const disc: RowIdentity = { endpoint: 'CSDISC', param: '', visit, population: 'FAS' };
  const cum: RowIdentity = { endpoint: 'CSCUM', param: '', visit, population: 'FAS' };
  const groups = analysisGroups(adsl, 'FAS', blinded);
  const rows: ArdRow[] = [];
  const counts = new Map<string, ArmCount>();
  const doses = new Map<string, number[]>();

  for (const { group, subjects } of groups) {
    const records = subjects.map(recordOf);
    const atRisk = records.filter((r) => r.CSUSE0FL === 'Y');
    const n = atRisk.filter((r) => r.CSDISCFL === 'Y').length;
    counts.set(group, { n, bigN: atRisk.length });
    rows.push(...proportionRows(disc, group, n, atRisk.length));
    const cumulative = records.map((r) => r.CSCUM);
    doses.set(group, cumulative);
    rows.push(...descriptiveRows(cum, group, cumulative));
  }

  const fas = groups.find((g) => g.group === 'TOTAL')?.subjects ?? [];
  const tte: TimeToEventSubject[] = fas.flatMap((s) => {
    const r = recordOf(s);
    return r.TTDISCDY === null
      ? []
      : [{ USUBJID: s.USUBJID, arm: blinded ? null : s.ARMCD, time: r.TTDISCDY, event: r.TTDISCCN === 0 }];
  });
  rows.push(
    ...analyzeTimeToEvent(
      tte,
      {
        endpoint: 'TTCSDISC',
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
  if (blinded) return rows;

  const decimals = settings.steroids.doseRoundingDecimals;
  for (const arm of COMPARED_ARMS) {
    rows.push(...compareProportionRows(disc, arm, counts.get(arm)!, counts.get(REFERENCE_ARM)!, level));
    rows.push(
      comparisonRow(cum, arm, 'p', WILCOXON_METHOD, wilcoxonP(doses.get(arm)!, doses.get(REFERENCE_ARM)!, decimals)),
    );
  }
  return rows;
}
