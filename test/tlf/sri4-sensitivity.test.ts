import { describe, expect, it } from 'vitest';
import type { ArdRow, Group, Population } from '../../src/ard/types.js';
import type { ArdEndpoint, ArdMethod, ArdStat } from '../../src/ard/vocabulary.js';
import { ardLookup } from '../../src/render/ard-lookup.js';
import { DUMMY_MARK, buildPrintForm } from '../../src/render/print-form.js';
import { renderRtf } from '../../src/render/rtf.js';
import { printFlagsOf } from '../../src/tlf/context.js';
import { SRI4_SENSITIVITY_TABLE_ID, sri4SensitivityTableSpec } from '../../src/tlf/sri4-sensitivity.js';
import { tlfCtx } from './render-helpers.js';

// Hand-written ARD rows (made-up numbers); every expected cell below is worked out by hand from SAP §3:
// % of N to one decimal, differences ×100 to one decimal, ratios two decimals, p three decimals, all
// rounded half away from zero on the decimal value.
const row = (
  endpoint: ArdEndpoint,
  population: Population,
  group: Group,
  stat: ArdStat,
  value: number | null,
  method: ArdMethod | '' = '',
  comparator: '' | 'PBO' = '',
): ArdRow => ({
  endpoint,
  param: '',
  visit: 'WEEK24',
  population,
  group,
  comparator,
  stat,
  method,
  value,
});
const counts = (endpoint: ArdEndpoint, population: Population, N: number[], n: number[]): ArdRow[] =>
  (['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'] as const).flatMap((g, i) => [
    row(endpoint, population, g, 'N', N[i]!),
    row(endpoint, population, g, 'n', n[i]!),
    row(endpoint, population, g, 'prop', n[i]! / N[i]!),
  ]);
const versus = (
  endpoint: ArdEndpoint,
  population: Population,
  group: Group,
  values: Partial<Record<ArdStat, number | null>>,
  method: Partial<Record<ArdStat, ArdMethod>>,
): ArdRow[] =>
  // Object.entries types its keys as string; they are the ArdStat keys of `values`.
  Object.entries(values).map(([stat, v]) =>
    row(endpoint, population, group, stat as ArdStat, v ?? null, method[stat as ArdStat]!, 'PBO'),
  );
const MN_FISHER = { diff: 'MN', diff_lcl: 'MN', diff_ucl: 'MN', p: 'FISHER' } as const;
const MH_CMH = { or: 'MH', or_lcl: 'MH', or_ucl: 'MH', p: 'CMH' } as const;

const ARD: ArdRow[] = [
  ...counts('SRI4', 'FAS', [27, 26, 28, 81], [8, 12, 15, 35]),
  ...versus('SRI4_STRAT', 'FAS', 'MSC1E6', { or: 2.1349, or_lcl: 0.6651, or_ucl: 6.8549, p: 0.2049 }, MH_CMH),
  ...versus('SRI4_STRAT', 'FAS', 'MSC5E6', { or: null, or_lcl: null, or_ucl: null, p: 0.0004 }, MH_CMH),
  ...counts('SRI4_OC', 'FAS', [20, 19, 22, 61], [8, 12, 15, 35]),
  ...versus('SRI4_OC', 'FAS', 'MSC1E6', { diff: 0.23158, diff_lcl: -0.0655, diff_ucl: 0.4985, p: 0.1111 }, MN_FISHER),
  ...versus('SRI4_OC', 'FAS', 'MSC5E6', { diff: 0.28182, diff_lcl: 0.0125, diff_ucl: 0.5, p: 0.9996 }, MN_FISHER),
  ...counts('SRI4_AT', 'SAF', [27, 27, 27, 81], [8, 13, 14, 35]),
  ...versus('SRI4_AT', 'SAF', 'MSC1E6', { diff: 0.18519, diff_lcl: -0.0789, diff_ucl: 0.42, p: 0.2604 }, MN_FISHER),
  ...versus('SRI4_AT', 'SAF', 'MSC5E6', { diff: 0.22222, diff_lcl: -0.0345, diff_ucl: 0.45, p: 0.0995 }, MN_FISHER),
];

const build = (blinding: 'randomization' | 'dummy' = 'randomization') => {
  const ctx = tlfCtx(blinding);
  return buildPrintForm(sri4SensitivityTableSpec(ctx), ardLookup(ARD), { flags: printFlagsOf(ctx), linesPerPage: 200 });
};

describe('sri4SensitivityTableSpec (T-14.2.1.2)', () => {
  it('has the arm columns with the FAS N of the primary analysis, then Total', () => {
    const f = build();
    expect(f.id).toBe(SRI4_SENSITIVITY_TABLE_ID);
    expect(f.titleLines[0]).toBe('Table 14.2.1.2');
    expect(f.header).toEqual([
      ['', 'Placebo', 'MSC 1x10^6 cells/kg', 'MSC 5x10^6 cells/kg', 'Total'],
      ['', '(N=27)', '(N=26)', '(N=28)', '(N=81)'],
    ]);
  });

  it('renders every cell from its ARD row: stratified MH/CMH, observed cases, as treated', () => {
    expect(build().rows.map((r) => [r.indent, ...r.cells])).toEqual([
      // Footnote letters follow the order of first use (the renderer renames them).
      [0, 'Stratified by randomization stratum (non-responder imputation) [a]', '', '', '', ''],
      // SRI4: 8/27 = 29.63, 12/26 = 46.15, 15/28 = 53.57, 35/81 = 43.21
      [1, 'SRI-4 responders, n (%)', '8 (29.6)', '12 (46.2)', '15 (53.6)', '35 (43.2)'],
      // 2.1349 → 2.13, 0.6651 → 0.67, 6.8549 → 6.85; MSC5E6 not estimable
      [1, 'Mantel-Haenszel odds ratio vs placebo (95% CI) [b]', '', '2.13 (0.67, 6.85)', 'NE (NE, NE)', ''],
      // 0.2049 → 0.205; 0.0004 → <0.001
      [1, 'Cochran-Mantel-Haenszel test p-value [a]', '', '0.205', '<0.001', ''],
      [0, '', '', '', '', ''],
      [0, 'Observed cases (no imputation) [c]', '', '', '', ''],
      [1, 'Subjects analysed, N', '20', '19', '22', '61'],
      // 8/20 = 40.0, 12/19 = 63.16, 15/22 = 68.18, 35/61 = 57.38
      [1, 'SRI-4 responders, n (%)', '8 (40.0)', '12 (63.2)', '15 (68.2)', '35 (57.4)'],
      // 23.158 → 23.2, −6.55 → −6.6 (half away), 49.85 → 49.9; 28.182 → 28.2, 1.25 → 1.3, 50 → 50.0
      [1, 'Difference vs placebo, % (95% CI) [d]', '', '23.2 (-6.6, 49.9)', '28.2 (1.3, 50.0)', ''],
      // 0.1111 → 0.111; 0.9996 → >0.999
      [1, "Fisher's exact test p-value [e]", '', '0.111', '>0.999', ''],
      [0, '', '', '', '', ''],
      [0, 'As treated: Safety Set by arm actually infused [f]', '', '', '', ''],
      [1, 'Subjects analysed, N', '27', '27', '27', '81'],
      // 8/27 = 29.63, 13/27 = 48.15, 14/27 = 51.85, 35/81 = 43.21
      [1, 'SRI-4 responders, n (%)', '8 (29.6)', '13 (48.1)', '14 (51.9)', '35 (43.2)'],
      // 18.519 → 18.5, −7.89 → −7.9, 42 → 42.0; 22.222 → 22.2, −3.45 → −3.5, 45 → 45.0
      [1, 'Difference vs placebo, % (95% CI) [d]', '', '18.5 (-7.9, 42.0)', '22.2 (-3.5, 45.0)', ''],
      // 0.2604 → 0.260; 0.0995 → 0.100 (half away)
      [1, "Fisher's exact test p-value [e]", '', '0.260', '0.100', ''],
    ]);
  });

  it('footnotes the methods and, since a cell shows NE, the NE rule', () => {
    const f = build();
    expect(f.footnotes.some((n) => n.includes('Robins-Breslow-Greenland'))).toBe(true);
    expect(f.footnotes.some((n) => n.includes('without continuity correction'))).toBe(true);
    expect(f.footnotes[f.footnotes.length - 1]).toMatch(/^NE = not estimable/);
  });

  it('reads the as-treated block from SAF rows (a FAS-only ARD is refused, not shown blank)', () => {
    const fasOnly = ARD.map((r) => (r.endpoint === 'SRI4_AT' ? { ...r, population: 'FAS' as const } : r));
    expect(() =>
      buildPrintForm(sri4SensitivityTableSpec(tlfCtx()), ardLookup(fasOnly), {
        flags: printFlagsOf(tlfCtx()),
        linesPerPage: 200,
      }),
    ).toThrow(/SRI4_AT .*population=SAF/);
  });

  it('says DUMMY RANDOMIZATION in a dummy run', () => {
    expect(renderRtf(build('dummy'))).toContain('DUMMY RANDOMIZATION');
    expect(build('dummy').marks).toEqual([DUMMY_MARK]);
  });

  it('is refused for a blinded run (a comparison of arms)', () => {
    expect(() => sri4SensitivityTableSpec(tlfCtx('blinded'))).toThrow(/blinded/);
  });
});
