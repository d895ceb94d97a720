import { describe, expect, it } from 'vitest';
import type { ArdRow, Group } from '../../src/ard/types.js';
import { ardLookup } from '../../src/render/ard-lookup.js';
import { buildPrintForm } from '../../src/render/print-form.js';
import { defaultSettingsPath, loadSapSettings } from '../../src/sap/index.js';
import { printFlagsOf } from '../../src/tlf/context.js';
import { SRI4_SUBGROUP_TABLE_ID, sri4SubgroupFamilies, sri4SubgroupTableSpec } from '../../src/tlf/sri4-subgroups.js';
import { tlfCtx } from './render-helpers.js';

const settings = loadSapSettings(defaultSettingsPath());
const PARAMS = ['STRATUM:<10', 'STRATUM:>=10', 'SEX:F', 'SEX:M', 'AGE:<40', 'AGE:>=40'];
const GROUPS: readonly Group[] = ['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'];

// Made-up rows, each subgroup k (1…6) and group g (0…3) with its own N = 10k + g and n = k + g, so a
// cell that read another subgroup's or group's row would show another number. Differences and p-values
// are explicit per subgroup; the expected cells are worked out by hand (SAP §3 rounding).
const DIFFS: Record<string, [number | null, number | null, number | null, number | null][]> = {
  // [diff, lcl, ucl, Fisher p] for MSC1E6, MSC5E6
  'STRATUM:<10': [
    [0.1, -0.15, 0.35, 0.5],
    [0.2, -0.05, 0.45, 0.12],
  ],
  'STRATUM:>=10': [
    [0.0125, -0.2, 0.25, 1],
    [-0.0345, -0.3, 0.2, 0.0005],
  ],
  'SEX:F': [
    [0.3, 0.01, 0.55, 0.03],
    [0.25, 0, 0.5, 0.0495],
  ],
  'SEX:M': [
    [null, null, null, null],
    [0.5, 0.1, 0.8, 0.04],
  ],
  'AGE:<40': [
    [0.05, -0.2, 0.3, 0.75],
    [0.15, -0.1, 0.4, 0.3],
  ],
  'AGE:>=40': [
    [0.08, -0.18, 0.33, 0.6],
    [0.12, -0.13, 0.37, 0.45],
  ],
};
const rows: ArdRow[] = [
  ...GROUPS.map((group, g): ArdRow => ({
    endpoint: 'SRI4',
    param: '',
    visit: 'WEEK24',
    population: 'FAS',
    group,
    comparator: '',
    stat: 'N',
    method: '',
    value: 27 + g,
  })),
  ...PARAMS.flatMap((param, k) => [
    ...GROUPS.flatMap((group, g): ArdRow[] => {
      const base = {
        endpoint: 'SRI4_SUB',
        param,
        visit: 'WEEK24',
        population: 'FAS',
        group,
        comparator: '',
        method: '',
      } as const;
      const N = 10 * (k + 1) + g;
      const n = k + 1 + g;
      return [
        { ...base, stat: 'N', value: N },
        { ...base, stat: 'n', value: n },
        { ...base, stat: 'prop', value: n / N },
      ];
    }),
    ...(['MSC1E6', 'MSC5E6'] as const).flatMap((group, a): ArdRow[] => {
      const [diff, lcl, ucl, p] = DIFFS[param]![a]!;
      const base = {
        endpoint: 'SRI4_SUB',
        param,
        visit: 'WEEK24',
        population: 'FAS',
        group,
        comparator: 'PBO',
      } as const;
      return [
        { ...base, stat: 'diff', method: 'MN', value: diff },
        { ...base, stat: 'diff_lcl', method: 'MN', value: lcl },
        { ...base, stat: 'diff_ucl', method: 'MN', value: ucl },
        { ...base, stat: 'p', method: 'FISHER', value: p },
      ];
    }),
  ]),
];

const form = () =>
  buildPrintForm(sri4SubgroupTableSpec(tlfCtx(), settings), ardLookup(rows), {
    flags: printFlagsOf(tlfCtx()),
    linesPerPage: 500,
  });
const pct = (n: number, N: number) => `${n} (${(Math.round((1000 * n) / N) / 10).toFixed(1)})`;

describe('sri4SubgroupFamilies', () => {
  it('are the SRI4_SUB params of ard.md, labelled from the settings', () => {
    const fams = sri4SubgroupFamilies(settings);
    expect(fams.map((f) => f.label)).toEqual(['Randomization stratum', 'Sex', 'Age']);
    expect(fams.flatMap((f) => f.subgroups.map((s) => s.param))).toEqual(PARAMS);
    expect(fams[1]!.subgroups.map((s) => s.label)).toEqual(['Female', 'Male']);
  });
});

describe('sri4SubgroupTableSpec (T-14.2.1.3)', () => {
  it('has the arm columns with the FAS N, then Total', () => {
    const f = form();
    expect(f.id).toBe(SRI4_SUBGROUP_TABLE_ID);
    expect(f.header[1]).toEqual(['', '(N=27)', '(N=28)', '(N=29)', '(N=30)']);
  });

  it('shows for each subgroup its own N and n (%) in every column', () => {
    const f = form();
    PARAMS.forEach((_, k) => {
      const nRows = f.rows.filter((r) => r.cells[0] === 'Subjects analysed, N');
      const respRows = f.rows.filter((r) => r.cells[0] === 'SRI-4 responders, n (%)');
      expect(nRows[k]!.cells.slice(1)).toEqual(GROUPS.map((_, g) => String(10 * (k + 1) + g)));
      expect(respRows[k]!.cells.slice(1)).toEqual(GROUPS.map((_, g) => pct(k + 1 + g, 10 * (k + 1) + g)));
    });
  });

  it('shows the MN difference and Fisher p on the MSC columns, NE where not estimable', () => {
    const f = form();
    expect(f.rows.slice(0, 12).map((r) => [r.indent, ...r.cells])).toEqual([
      [0, 'Randomization stratum', '', '', '', ''],
      [1, 'SLEDAI-2K <10', '', '', '', ''],
      // 1/10, 2/11 = 18.18, 3/12, 4/13 = 30.77
      [2, 'Subjects analysed, N', '10', '11', '12', '13'],
      [2, 'SRI-4 responders, n (%)', '1 (10.0)', '2 (18.2)', '3 (25.0)', '4 (30.8)'],
      [2, 'Difference vs placebo, % (95% CI) [a]', '', '10.0 (-15.0, 35.0)', '20.0 (-5.0, 45.0)', ''],
      [2, "Fisher's exact test p-value [b]", '', '0.500', '0.120', ''],
      [0, '', '', '', '', ''],
      [1, 'SLEDAI-2K >=10', '', '', '', ''],
      [2, 'Subjects analysed, N', '20', '21', '22', '23'],
      [2, 'SRI-4 responders, n (%)', '2 (10.0)', '3 (14.3)', '4 (18.2)', '5 (21.7)'],
      // 1.25 → 1.3; −3.45 → −3.5 (half away from zero on the decimal value); p 1 → >0.999, 0.0005 → <0.001
      [2, 'Difference vs placebo, % (95% CI) [a]', '', '1.3 (-20.0, 25.0)', '-3.5 (-30.0, 20.0)', ''],
      [2, "Fisher's exact test p-value [b]", '', '>0.999', '<0.001', ''],
    ]);
    const male = f.rows.findIndex((r) => r.cells[0] === 'Male');
    expect(f.rows[male + 3]!.cells).toEqual([
      'Difference vs placebo, % (95% CI) [a]',
      '',
      'NE (NE, NE)',
      '50.0 (10.0, 80.0)',
      '',
    ]);
    expect(f.rows[male + 4]!.cells).toEqual(["Fisher's exact test p-value [b]", '', 'NE', '0.040', '']);
    const female = f.rows.findIndex((r) => r.cells[0] === 'Female');
    // 0.0495 → 0.050 (half away), 0 → 0.0
    expect(f.rows[female + 3]!.cells).toEqual([
      'Difference vs placebo, % (95% CI) [a]',
      '',
      '30.0 (1.0, 55.0)',
      '25.0 (0.0, 50.0)',
      '',
    ]);
    expect(f.rows[female + 4]!.cells).toEqual(["Fisher's exact test p-value [b]", '', '0.030', '0.050', '']);
    expect(f.footnotes[f.footnotes.length - 1]).toMatch(/^NE = not estimable/);
  });

  it('lists the subgroups in order with their labels', () => {
    expect(
      form()
        .rows.filter((r) => r.indent === 1)
        .map((r) => r.cells[0]),
    ).toEqual(['SLEDAI-2K <10', 'SLEDAI-2K >=10', 'Female', 'Male', '< 40 years', '\u2265 40 years']);
  });

  it('is refused for a blinded run', () => {
    expect(() => sri4SubgroupTableSpec(tlfCtx('blinded'), settings)).toThrow(/blinded/);
  });
});
