/**
 * Sensitivity, supportive and subgroup analyses of the primary endpoint (SAP §6.13; synopsis §5.4;
 * ard.md `SRI4_STRAT`, `SRI4_OC`, `SRI4_AT`, `SRI4_SUB`), each MSC arm vs placebo, all nominal:
 *  - SRI4_STRAT: CMH p stratified by the randomization stratum (no continuity correction) and the
 *    Mantel–Haenszel common OR with the Robins–Breslow–Greenland CI, FAS subjects of the two arms;
 *  - SRI4_OC: observed cases (all components assessed, no withdrawal before Week 24), no imputation;
 *  - SRI4_AT: SAF by arm actually infused, response as in the primary analysis;
 *  - SRI4_SUB: per subgroup (randomization stratum, sex, age) the primary table's statistics.
 * The last three: per group N, n, prop and vs PBO the MN difference and Fisher p. All comparisons:
 * unblinded runs only; a blinded run writes none of these rows (they exist to compare arms).
 */
import type { ArdRow, Population } from '../ard/types.js';
import type { ArdEndpoint } from '../ard/vocabulary.js';
import type { AdslRecord } from '../derive/adsl.js';
import type { Sri4Record } from '../derive/sri4.js';
import { cochranMantelHaenszel } from '../numerics/binary/cmh.js';
import type { Table2x2 } from '../numerics/binary/types.js';
import type { SapSettings } from '../sap/index.js';
import { comparisonRow, proportionRows, type RowIdentity } from './ard-rows.js';
import { compareProportionRows, type ArmCount } from './compare-proportions.js';
import { analysisArm, analysisGroups, COMPARED_ARMS, REFERENCE_ARM } from './groups.js';

const identity = (endpoint: ArdEndpoint, population: Population, param = ''): RowIdentity => ({
  endpoint,
  param,
  visit: 'WEEK24',
  population,
});

/** A subgroup of SRI4_SUB: its ARD param and who belongs to it. */
export interface Subgroup {
  readonly param: string;
  readonly member: (s: AdslRecord) => boolean;
}

/**
 * The six subgroups of SAP §6.13, always all six (a fixed family): randomization stratum (the
 * randomization file's STRATUM), sex (the DTS codes), age below / at or above the cut-off (DM AGE).
 */
export function sri4Subgroups(settings: SapSettings): Subgroup[] {
  const { stratum, subgroups: age } = settings;
  return [
    ...[stratum.below, stratum.atOrAbove].map((v) => ({
      param: `STRATUM:${v}`,
      member: (s: AdslRecord) => s.RANDSTR === v,
    })),
    ...settings.demography.sex.map(({ code }) => ({ param: `SEX:${code}`, member: (s: AdslRecord) => s.SEX === code })),
    { param: `AGE:${age.ageBelow}`, member: (s) => s.AGE < age.ageCut },
    { param: `AGE:${age.ageAtOrAbove}`, member: (s) => s.AGE >= age.ageCut },
  ];
}

/**
 * Per group N, n, prop of `responds` among `eligible` subjects of `population`, and vs PBO the MN
 * difference and Fisher p: the layout of the primary table (SAP §6.2).
 */
function responderRows(
  id: RowIdentity,
  adsl: readonly AdslRecord[],
  eligible: (s: AdslRecord) => boolean,
  responds: (s: AdslRecord) => boolean,
  level: number,
): ArdRow[] {
  const rows: ArdRow[] = [];
  const counts = new Map<string, ArmCount>();
  for (const { group, subjects } of analysisGroups(adsl, id.population, false)) {
    const members = subjects.filter(eligible);
    const n = members.filter(responds).length;
    counts.set(group, { n, bigN: members.length });
    rows.push(...proportionRows(id, group, n, members.length));
  }
  const pbo = counts.get(REFERENCE_ARM)!;
  for (const arm of COMPARED_ARMS) rows.push(...compareProportionRows(id, arm, counts.get(arm)!, pbo, level));
  return rows;
}

/**
 * One 2×2 table per randomization stratum (a = MSC responders, b = MSC non-responders, c = PBO
 * responders, d = PBO non-responders), in the order of `strata`.
 */
export function stratifiedTables(
  subjects: readonly AdslRecord[],
  arm: string,
  strata: readonly string[],
  responds: (s: AdslRecord) => boolean,
): Table2x2[] {
  return strata.map((stratum) => {
    const inStratum = subjects.filter((s) => s.RANDSTR === stratum);
    const count = (a: string, r: boolean) => inStratum.filter((s) => s.ARMCD === a && responds(s) === r).length;
    return { a: count(arm, true), b: count(arm, false), c: count(REFERENCE_ARM, true), d: count(REFERENCE_ARM, false) };
  });
}

/** SRI4_STRAT: CMH p (method CMH) and MH odds ratio with RBG CI (method MH), per MSC arm. */
function stratifiedRows(
  fas: readonly AdslRecord[],
  responds: (s: AdslRecord) => boolean,
  settings: SapSettings,
): ArdRow[] {
  const id = identity('SRI4_STRAT', 'FAS');
  const strata = [settings.stratum.below, settings.stratum.atOrAbove];
  return COMPARED_ARMS.flatMap((arm) => {
    const cmh = cochranMantelHaenszel(stratifiedTables(fas, arm, strata, responds), settings.analysis.ciLevel);
    return [
      comparisonRow(id, arm, 'p', 'CMH', cmh.p),
      comparisonRow(id, arm, 'or', 'MH', cmh.estimate),
      comparisonRow(id, arm, 'or_lcl', 'MH', cmh.lower),
      comparisonRow(id, arm, 'or_ucl', 'MH', cmh.upper),
    ];
  });
}

export function analyzeSri4Sensitivity(
  adsl: readonly AdslRecord[],
  sri4: readonly Sri4Record[],
  settings: SapSettings,
  blinded: boolean,
): ArdRow[] {
  if (blinded) return [];
  const bySubject = new Map(sri4.map((r) => [r.USUBJID, r]));
  const recordOf = (s: AdslRecord): Sri4Record => {
    const r = bySubject.get(s.USUBJID);
    if (!r) throw new Error(`SRI-4 record missing for infused subject ${s.USUBJID}`);
    return r;
  };
  const responds = (s: AdslRecord) => recordOf(s).SRI4FL === 'Y';
  const observed = (s: AdslRecord) => recordOf(s).OCFL === 'Y';
  const level = settings.analysis.ciLevel;
  const fas = adsl.filter((s) => s.FASFL === 'Y' && analysisArm(s, 'FAS') !== null);
  const all = () => true;
  return [
    ...stratifiedRows(fas, responds, settings),
    ...responderRows(identity('SRI4_OC', 'FAS'), adsl, observed, responds, level),
    ...responderRows(identity('SRI4_AT', 'SAF'), adsl, all, responds, level),
    ...sri4Subgroups(settings).flatMap((g) =>
      responderRows(identity('SRI4_SUB', 'FAS', g.param), adsl, g.member, responds, level),
    ),
  ];
}
