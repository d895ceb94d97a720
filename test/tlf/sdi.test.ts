import { describe, expect, it } from 'vitest';
import type { ArdRow, Group } from '../../src/ard/types.js';
import { derivedPrecisionOf, indentBy, SDI_TABLE_ID, sdiTableSpec } from '../../src/tlf/sdi.js';
import { ard, fasBigNRows, lineOf, renderSpec, tlfCtx } from './render-helpers.js';

// Made-up ARD numbers; expected cells worked by hand from SAP §4.9 (d = 0: mean 1 decimal, SD 2).
const GROUPS: Group[] = ['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'];
function rows(groups: readonly Group[], comparisons: boolean): ArdRow[] {
  const out: ArdRow[] = [];
  for (const g of groups) {
    for (const [param, visit] of [
      ['AVAL', 'BASELINE'],
      ['AVAL', 'WEEK52'],
      ['CHG', 'WEEK52'],
    ] as const) {
      for (const [stat, v] of [
        ['n', 20],
        ['mean', 0.65],
        ['sd', 0.123],
        ['median', 1],
        ['q1', 0],
        ['q3', 1],
        ['min', 0],
        ['max', 3],
      ] as const)
        out.push(ard('SDI', param, visit, g, stat, v));
    }
    out.push(
      ard('SDI', 'WORSEN', 'WEEK52', g, 'N', 25),
      ard('SDI', 'WORSEN', 'WEEK52', g, 'n', 3),
      ard('SDI', 'WORSEN', 'WEEK52', g, 'prop', 0.12),
    );
  }
  if (comparisons) {
    for (const g of ['MSC1E6', 'MSC5E6'] as const) {
      out.push(
        ard('SDI', 'WORSEN', 'WEEK52', g, 'diff', 0.1181, { method: 'MN' }),
        ard('SDI', 'WORSEN', 'WEEK52', g, 'diff_lcl', -0.1095, { method: 'MN' }),
        ard('SDI', 'WORSEN', 'WEEK52', g, 'diff_ucl', 0.3562, { method: 'MN' }),
        ard('SDI', 'WORSEN', 'WEEK52', g, 'p', 0.439, { method: 'FISHER' }),
      );
    }
  }
  return out;
}

describe('sdiTableSpec (T-14.2.7)', () => {
  it('shows summaries with d = 0, worsening n (%) of N and the MN/Fisher comparison in the MSC columns', () => {
    const spec = sdiTableSpec(tlfCtx(), 0);
    expect(spec.id).toBe(SDI_TABLE_ID);
    const text = renderSpec(spec, [...rows(GROUPS, true), ...fasBigNRows(false)]);
    // Column N: the FAS count of each group from the ARD.
    expect(text).toMatch(/\(N=27\)\s+\(N=25\)\s+\(N=27\)\s+\(N=79\)/);
    expect(lineOf(text, 'Mean (SD)')).toMatch(/0\.7 \(0\.12\)/);
    expect(lineOf(text, 'Min, Max')).toMatch(/0, 3/);
    expect(lineOf(text, 'Worsening').match(/3 \(12\.0\)/g)).toHaveLength(4);
    const diff = lineOf(text, 'Difference vs placebo');
    expect(diff.match(/11\.8 \(-11\.0, 35\.6\)/g)).toHaveLength(2);
    expect(lineOf(text, "Fisher's exact").match(/0\.439/g)).toHaveLength(2);
  });

  it('has one Total column and no comparison when blinded', () => {
    const spec = sdiTableSpec(tlfCtx('blinded'), 0);
    expect(spec.columns.map((c) => c.group)).toEqual(['TOTAL']);
    expect(spec.rows.some((r) => r.kind === 'stat' && r.key.comparator === 'PBO')).toBe(false);
    expect(renderSpec(spec, [...rows(['TOTAL'], false), ...fasBigNRows(true)])).not.toMatch(/placebo/i);
  });

  it('reads derived precision from the settings and refuses a missing one', () => {
    const settings = { display: { derivedPrecision: { SDI: 0 } } } as never;
    expect(derivedPrecisionOf(settings, 'SDI')).toBe(0);
    expect(() => derivedPrecisionOf(settings, 'CSDOSE')).toThrow(/CSDOSE/);
    expect(indentBy(2)({ kind: 'label', label: 'x', indent: 1 })).toEqual({ kind: 'label', label: 'x', indent: 3 });
  });
});
