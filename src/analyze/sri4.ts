/**
 * Primary analysis: SRI-4 response at Week 24 in the FAS (SAP §5 first row, §5.1, §5.2; ard.md
 * endpoint `SRI4`). Per group N, n, prop of responders and of each component met; versus placebo the
 * MN difference and Fisher p (two arms only), the logistic odds ratio adjusted for baseline SLEDAI-2K
 * (one model on all arms), and the Hochberg adjustment of the logistic p-values that exist.
 */
import type { ArdRow } from '../ard/types.js';
import type { AdslRecord } from '../derive/adsl.js';
import type { Sri4Record } from '../derive/sri4.js';
import { hochberg } from '../numerics/multiplicity.js';
import type { SapSettings } from '../sap/index.js';
import { comparisonRow, proportionRows, type RowIdentity } from './ard-rows.js';
import { armOddsRatios } from './arm-logistic.js';
import { ignoreIssues, reportWarnings, type IssueSink } from './analysis-issues.js';
import { compareProportionRows } from './compare-proportions.js';
import { analysisGroups, COMPARED_ARMS, REFERENCE_ARM } from './groups.js';

const OVERALL: RowIdentity = { endpoint: 'SRI4', param: '', visit: 'WEEK24', population: 'FAS' };

/** Component param in the ARD → the record's status field. */
const COMPONENTS = [
  ['SLEDAI', 'SLEDSTAT'],
  ['BILAG', 'BLGSTAT'],
  ['PGA', 'PGASTAT'],
  ['STEROID', 'CSSTAT'],
] as const;

export function analyzeSri4(
  adsl: readonly AdslRecord[],
  sri4: readonly Sri4Record[],
  settings: SapSettings,
  blinded: boolean,
  report: IssueSink = ignoreIssues,
): ArdRow[] {
  const bySubject = new Map(sri4.map((r) => [r.USUBJID, r]));
  const recordOf = (s: AdslRecord): Sri4Record => {
    const r = bySubject.get(s.USUBJID);
    if (!r) throw new Error(`SRI-4 record missing for FAS subject ${s.USUBJID}`);
    return r;
  };
  const level = settings.analysis.ciLevel;
  const groups = analysisGroups(adsl, 'FAS', blinded);
  const rows: ArdRow[] = [];
  const responders = new Map<string, { n: number; bigN: number }>();

  for (const { group, subjects } of groups) {
    const records = subjects.map(recordOf);
    const n = records.filter((r) => r.SRI4FL === 'Y').length;
    responders.set(group, { n, bigN: records.length });
    rows.push(...proportionRows(OVERALL, group, n, records.length));
    for (const [param, field] of COMPONENTS) {
      const met = records.filter((r) => r[field] === 'MET').length;
      rows.push(...proportionRows({ ...OVERALL, param }, group, met, records.length));
    }
  }
  if (blinded) return rows;

  const pbo = responders.get(REFERENCE_ARM)!;
  for (const arm of COMPARED_ARMS) rows.push(...compareProportionRows(OVERALL, arm, responders.get(arm)!, pbo, level));

  const fas = groups.filter((g) => g.group !== 'TOTAL').flatMap((g) => g.subjects);
  const logistic = armOddsRatios(
    fas.map((s) => ({
      arm: s.ARMCD!,
      response: recordOf(s).SRI4FL === 'Y' ? 1 : 0,
      covariates: [s.BASESLED],
    })),
    level,
  );
  reportWarnings(report, `${OVERALL.endpoint} odds ratio`, logistic.warnings);
  const pValues = COMPARED_ARMS.map((arm) => logistic.ratios.get(arm)?.p ?? null);
  const adjusted = hochberg(pValues);
  COMPARED_ARMS.forEach((arm, i) => {
    const or = logistic.ratios.get(arm) ?? null;
    rows.push(
      comparisonRow(OVERALL, arm, 'or', 'LOGISTIC', or?.ratio ?? null),
      comparisonRow(OVERALL, arm, 'or_lcl', 'LOGISTIC', or?.lower ?? null),
      comparisonRow(OVERALL, arm, 'or_ucl', 'LOGISTIC', or?.upper ?? null),
      comparisonRow(OVERALL, arm, 'p', 'LOGISTIC', or?.p ?? null),
      comparisonRow(OVERALL, arm, 'p_adj', 'HOCHBERG', adjusted[i] ?? null),
    );
  });
  return rows;
}
