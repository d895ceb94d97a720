import { describe, expect, it } from 'vitest';
import type { ArdRow, Group } from '../../../src/ard/types.js';
import { renderFigureFiles } from '../../../src/render/charts/figure-files.js';
import { SRI4_FOREST_FIGURE_ID, sri4ForestFigureSpec } from '../../../src/tlf/figures/sri4-forest.js';
import { tlfContext } from '../../../src/pipeline/tables.js';
import { defaultSettingsPath, loadSapSettings } from '../../../src/sap/index.js';
import type { ArdEndpoint } from '../../../src/ard/vocabulary.js';

const settings = loadSapSettings(defaultSettingsPath());
const KEYS: [ArdEndpoint, string][] = [
  ['SRI4', ''],
  ['SRI4_SUB', 'STRATUM:<10'],
  ['SRI4_SUB', 'STRATUM:>=10'],
  ['SRI4_SUB', 'SEX:F'],
  ['SRI4_SUB', 'SEX:M'],
  ['SRI4_SUB', 'AGE:<40'],
  ['SRI4_SUB', 'AGE:>=40'],
];
const ARMS: Group[] = ['PBO', 'MSC1E6', 'MSC5E6'];

// Made-up rows: key k, arm a has N = 10k + a + 5 and n = k + a; the MN difference of MSC arm a is
// (k + a)/100 with bounds ∓ 0.2; SEX:M of MSC5E6 is not estimable.
function ard(): ArdRow[] {
  return KEYS.flatMap(([endpoint, param], k) => {
    const base = { endpoint, param, visit: 'WEEK24', population: 'FAS' as const, method: '' as const };
    return [
      ...[...ARMS, 'TOTAL' as const].flatMap((group, a): ArdRow[] => [
        { ...base, group, comparator: '', stat: 'N', value: 10 * k + a + 5 },
        { ...base, group, comparator: '', stat: 'n', value: k + a },
      ]),
      ...(['MSC1E6', 'MSC5E6'] as const).flatMap((group): ArdRow[] => {
        const a = ARMS.indexOf(group);
        const ne = param === 'SEX:M' && group === 'MSC5E6';
        const d = (k + a) / 100;
        return (
          [
            ['diff', d],
            ['diff_lcl', d - 0.2],
            ['diff_ucl', d + 0.2],
          ] as const
        ).map(([stat, v]): ArdRow => ({ ...base, group, comparator: 'PBO', stat, method: 'MN', value: ne ? null : v }));
      }),
    ];
  });
}

describe('sri4ForestFigureSpec (F-14.2.4)', () => {
  const spec = sri4ForestFigureSpec({ ard: ard(), settings, ctx: tlfContext(settings, 'randomization', false) })!;

  it('has the FAS row, then each subgroup family heading and its subgroups', () => {
    expect(spec.id).toBe(SRI4_FOREST_FIGURE_ID);
    expect(spec.rows.map((r) => [r.heading, r.indent, r.label])).toEqual([
      [false, 0, 'Full Analysis Set'],
      [true, 0, 'Randomization stratum'],
      [false, 1, 'SLEDAI-2K <10'],
      [false, 1, 'SLEDAI-2K >=10'],
      [true, 0, 'Sex'],
      [false, 1, 'Female'],
      [false, 1, 'Male'],
      [true, 0, 'Age'],
      [false, 1, '< 40 years'],
      [false, 1, '\u2265 40 years'],
    ]);
  });

  it('shows n/N of every arm and the MN difference in percentage points, read from each row of the ARD', () => {
    const data = spec.rows.filter((r) => !r.heading);
    data.forEach((r, k) => {
      expect(r.texts).toEqual(ARMS.map((_, a) => `${k + a}/${10 * k + a + 5}`));
      r.estimates.forEach((e, i) => {
        const a = i + 1;
        if (KEYS[k]![1] === 'SEX:M' && a === 2) expect(e).toEqual({ estimate: null, lower: null, upper: null });
        else {
          expect(e.estimate).toBeCloseTo(k + a, 12);
          expect(e.lower).toBeCloseTo(k + a - 20, 12);
          expect(e.upper).toBeCloseTo(k + a + 20, 12);
        }
      });
    });
  });

  it('labels the MSC series and the n/N columns from the settings, reference line at 0', () => {
    expect(spec.series.map((s) => s.styleIndex)).toEqual([1, 2]);
    expect(spec.series[0]!.label).toBe('MSC 1\u00d710\u2076 cells/kg vs Placebo');
    expect(spec.textColumns).toEqual([
      'Placebo n/N',
      'MSC 1\u00d710\u2076 cells/kg n/N',
      'MSC 5\u00d710\u2076 cells/kg n/N',
    ]);
    expect(spec.referenceX).toBe(0);
  });

  it('renders deterministic SVG and PNG bytes, and says DUMMY RANDOMIZATION in a dummy run', () => {
    const files = () => renderFigureFiles([spec]);
    const [a, b] = [files(), files()];
    for (const [k, v] of a) expect(Buffer.from(b.get(k)!).equals(Buffer.from(v)), k).toBe(true);
    const dummy = sri4ForestFigureSpec({ ard: ard(), settings, ctx: tlfContext(settings, 'dummy', false) })!;
    expect(renderFigureFiles([dummy]).get(`figures/${SRI4_FOREST_FIGURE_ID}.svg`)).toContain('DUMMY RANDOMIZATION');
  });

  it('is not produced in a blinded run (null, whatever the ARD holds)', () => {
    expect(sri4ForestFigureSpec({ ard: ard(), settings, ctx: tlfContext(settings, 'blinded', false) })).toBeNull();
  });

  it('stops when the ARD lacks a subgroup row rather than drawing a blank', () => {
    const missing = ard().filter((r) => !(r.param === 'AGE:>=40' && r.stat === 'N' && r.group === 'PBO'));
    expect(() =>
      sri4ForestFigureSpec({ ard: missing, settings, ctx: tlfContext(settings, 'randomization', false) }),
    ).toThrow(/AGE:>=40/);
  });
});
