import { describe, expect, it } from 'vitest';
import type { ArdRow, Group } from '../../src/ard/types.js';
import { STEROID_SPARING_TABLE_ID, steroidSparingTableSpec } from '../../src/tlf/steroid-sparing.js';
import { ard, lineOf, renderSpec, tlfCtx } from './render-helpers.js';

// Made-up ARD numbers; expected cells by hand (SAP §4.9: %, one decimal; ratios two; days d + 1 = 1).
function rows(groups: readonly Group[], comparisons: boolean): ArdRow[] {
  const out: ArdRow[] = [];
  for (const g of groups) {
    out.push(
      ard('CSDISC', '', 'WEEK52', g, 'N', 21),
      ard('CSDISC', '', 'WEEK52', g, 'n', 4),
      ard('CSDISC', '', 'WEEK52', g, 'prop', 4 / 21),
    );
    out.push(
      ard('TTCSDISC', '', '', g, 'n', 21),
      ard('TTCSDISC', '', '', g, 'events', 4),
      ard('TTCSDISC', '', '', g, 'censored', 17),
    );
    for (const s of ['median_time', 'median_lcl', 'median_ucl'] as const)
      out.push({ ...ard('TTCSDISC', '', '', g, s, null), method: 'KM' });
    for (const day of ['84', '168', '364'])
      for (const [s, v] of [
        ['km', 0.952],
        ['km_lcl', 0.866],
        ['km_ucl', 1],
      ] as const)
        out.push({ ...ard('TTCSDISC', day, '', g, s, v), method: 'KM' });
  }
  if (comparisons)
    for (const g of ['MSC1E6', 'MSC5E6'] as const)
      out.push(
        ard('CSDISC', '', 'WEEK52', g, 'diff', 0, { method: 'MN' }),
        ard('CSDISC', '', 'WEEK52', g, 'diff_lcl', -0.2498, { method: 'MN' }),
        ard('CSDISC', '', 'WEEK52', g, 'diff_ucl', 0.2498, { method: 'MN' }),
        ard('CSDISC', '', 'WEEK52', g, 'p', 1, { method: 'FISHER' }),
        ard('TTCSDISC', '', '', g, 'hr', 0.994, { method: 'COX-EFRON' }),
        ard('TTCSDISC', '', '', g, 'hr_lcl', 0.25, { method: 'COX-EFRON' }),
        ard('TTCSDISC', '', '', g, 'hr_ucl', 3.96, { method: 'COX-EFRON' }),
        ard('TTCSDISC', '', '', g, 'p', 0.986, { method: 'LOGRANK' }),
      );
  return out;
}

describe('steroidSparingTableSpec (T-14.2.8)', () => {
  it('heads each column with N on steroids at Day 0 and shows discontinuation, KM and the comparisons', () => {
    const spec = steroidSparingTableSpec(tlfCtx(), [84, 168, 364], 28);
    expect(spec.id).toBe(STEROID_SPARING_TABLE_ID);
    const text = renderSpec(spec, rows(['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'], true));
    expect(text.match(/\(N=21\)/g)).toHaveLength(4);
    expect(lineOf(text, 'Discontinued corticosteroids').match(/4 \(19\.0\)/g)).toHaveLength(4);
    expect(lineOf(text, 'Difference vs placebo').match(/0\.0 \(-25\.0, 25\.0\)/g)).toHaveLength(2);
    expect(lineOf(text, 'Median time')).toMatch(/NE \(NE, NE\)/);
    expect(lineOf(text, 'Day 84')).toMatch(/95\.2 \(86\.6, 100\.0\)/);
    expect(lineOf(text, 'Hazard ratio').match(/0\.99 \(0\.25, 3\.96\)/g)).toHaveLength(2);
    expect(lineOf(text, 'Log-rank')).toMatch(/0\.986/);
    expect(spec.footnotes.join(' ')).toMatch(/at least 28 days/);
  });

  it('has no comparison and no arm when blinded', () => {
    const spec = steroidSparingTableSpec(tlfCtx('blinded'), [84, 168, 364], 28);
    expect(spec.columns.map((c) => c.group)).toEqual(['TOTAL']);
    expect(spec.rows.some((r) => r.kind === 'stat' && r.key.comparator === 'PBO')).toBe(false);
    const text = renderSpec(spec, rows(['TOTAL'], false));
    expect(text).not.toMatch(/Hazard ratio|Log-rank|Fisher|MSC/);
  });
});
