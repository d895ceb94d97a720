/**
 * Demographic and baseline characteristics of the FAS, by randomized arm and TOTAL (SAP §6.10;
 * synopsis §5; ard.md endpoint `BASECHAR`). No test of balance (CONSORT).
 *
 * - Summary statistics (`n`, `mean`, `sd`, `median`, `q1`, `q3`, `min`, `max`): `AGE`, `WEIGHTBL`,
 *   `SLEDAI`, `PGA`, `SDI` (baseline values of ADSL), `CSDOSE0` (the Day 0 prednisone-equivalent dose of
 *   the subjects on a systemic steroid that day, i.e. dose > 0).
 * - Counts (`N` = FAS subjects of the group, `n`, `prop`): `SEX:<code>`, `RACE:<term>`,
 *   `ETHNIC:<term>` for every value occurring in the FAS (every group, 0 where none); `STRATUM:<10` and
 *   `STRATUM:>=10` always (derived from screening SLEDAI-2K); `BILAGAB:<domain>` for all nine domains
 *   (grade A or B at baseline); `CSUSE` (dose > 0 on Day 0).
 */
import type { ArdRow } from '../ard/types.js';
import type { AdslRecord } from '../derive/adsl.js';
import type { BilagBaselineRecord } from '../derive/bilag.js';
import type { SapSettings } from '../sap/index.js';
import { proportionRows, type RowIdentity } from './ard-rows.js';
import { descriptiveRows } from './descriptives.js';
import { analysisGroups } from './groups.js';

const identity = (param: string): RowIdentity => ({ endpoint: 'BASECHAR', param, visit: '', population: 'FAS' });

/** Continuous characteristics: ARD param → value of a subject (null = missing, not counted). */
const CONTINUOUS: readonly (readonly [string, (s: AdslRecord) => number | null])[] = [
  ['AGE', (s) => s.AGE],
  ['WEIGHTBL', (s) => s.WEIGHTBL],
  ['SLEDAI', (s) => s.BASESLED],
  ['PGA', (s) => s.BASEPGA],
  ['SDI', (s) => s.BASESDI],
  ['CSDOSE0', (s) => (s.CSUSE0FL === 'Y' ? s.CSDOSE0 : null)],
];

/** Categorical characteristics whose categories are the values occurring in the FAS. */
const OBSERVED_CATEGORIES = [
  ['SEX', 'SEX'],
  ['RACE', 'RACE'],
  ['ETHNIC', 'ETHNIC'],
] as const;

function sortedDistinct(values: readonly string[]): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function analyzeBaselineCharacteristics(
  adsl: readonly AdslRecord[],
  bilagBaseline: readonly BilagBaselineRecord[],
  settings: SapSettings,
  blinded: boolean,
): ArdRow[] {
  const groups = analysisGroups(adsl, 'FAS', blinded);
  const fas = groups.find((g) => g.group === 'TOTAL')?.subjects ?? [];
  const categories = OBSERVED_CATEGORIES.map(
    ([prefix, field]) => [prefix, field, sortedDistinct(fas.map((s) => s[field]))] as const,
  );
  const strata = [settings.stratum.below, settings.stratum.atOrAbove];
  const abAtBaseline = new Set(
    bilagBaseline.filter((r) => r.BLABFL === 'Y').map((r) => `${r.USUBJID}\u0000${r.PARAMCD}`),
  );
  const rows: ArdRow[] = [];

  for (const { group, subjects } of groups) {
    const bigN = subjects.length;
    const counted = (param: string, keep: (s: AdslRecord) => boolean) =>
      proportionRows(identity(param), group, subjects.filter(keep).length, bigN);
    for (const [param, value] of CONTINUOUS) rows.push(...descriptiveRows(identity(param), group, subjects.map(value)));
    for (const [prefix, field, values] of categories) {
      for (const v of values) rows.push(...counted(`${prefix}:${v}`, (s) => s[field] === v));
    }
    for (const st of strata) rows.push(...counted(`STRATUM:${st}`, (s) => s.STRATUM === st));
    for (const d of settings.bilag.domains) {
      rows.push(...counted(`BILAGAB:${d.code}`, (s) => abAtBaseline.has(`${s.USUBJID}\u0000${d.code}`)));
    }
    rows.push(...counted('CSUSE', (s) => s.CSUSE0FL === 'Y'));
  }
  return rows;
}
