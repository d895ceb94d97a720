import { describe, expect, it } from 'vitest';
import type { ArdRow, Group } from '../../src/ard/types.js';
import { STEROID_CUMULATIVE_TABLE_ID, steroidCumulativeTableSpec } from '../../src/tlf/steroid-cumulative.js';
import { ard, lineOf, renderSpec, tlfCtx } from './render-helpers.js';

// Made-up ARD numbers; with d = 1 (mg, SAP §12 C1): min/max 1 decimal, mean/median/quartiles 2, SD 3.
function rows(groups: readonly Group[], comparisons: boolean): ArdRow[] {
  const out: ArdRow[] = [];
  for (const g of groups)
    for (const [stat, v] of [
      ['n', 27],
      ['mean', 2932.6388888],
      ['sd', 2481.8142],
      ['median', 2737.5],
      ['q1', 877.5],
      ['q3', 3517.5],
      ['min', 0],
      ['max', 9870],
    ] as const)
      out.push(ard('CSCUM', '', 'WEEK52', g, stat, v));
  if (comparisons)
    for (const g of ['MSC1E6', 'MSC5E6'] as const)
      out.push(ard('CSCUM', '', 'WEEK52', g, 'p', 0.0004, { method: 'WILCOXON' }));
  return out;
}

describe('steroidCumulativeTableSpec (T-14.2.9)', () => {
  it('formats mg with d = 1 and shows the Wilcoxon p in the MSC columns', () => {
    const spec = steroidCumulativeTableSpec(tlfCtx(), 1);
    expect(spec.id).toBe(STEROID_CUMULATIVE_TABLE_ID);
    const text = renderSpec(spec, rows(['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'], true));
    expect(lineOf(text, 'Mean (SD)')).toMatch(/2932\.64 \(2481\.814\)/);
    expect(lineOf(text, 'Min, Max')).toMatch(/0\.0, 9870\.0/);
    expect(lineOf(text, 'Wilcoxon').match(/<0\.001/g)).toHaveLength(2);
    expect(text.match(/\(N=27\)/g)).toHaveLength(4);
  });

  it('has no test row when blinded', () => {
    const text = renderSpec(steroidCumulativeTableSpec(tlfCtx('blinded'), 1), rows(['TOTAL'], false));
    expect(text).not.toMatch(/Wilcoxon rank-sum test p-value/);
  });
});
