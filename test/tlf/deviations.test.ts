import { describe, expect, it } from 'vitest';
import type { ArdRow, Group } from '../../src/ard/types.js';
import { ardLookup } from '../../src/render/ard-lookup.js';
import { buildPrintForm } from '../../src/render/print-form.js';
import { printFlagsOf } from '../../src/tlf/context.js';
import { DEVIATION_TABLE_ID, deviationTableSpec } from '../../src/tlf/deviations.js';
import { tlfCtx } from './render-helpers.js';

// Made-up counts [PBO, MSC1E6, MSC5E6] of enrolled subjects (N 28, 27, 28; Total 83).
const N: Record<Group, number> = { PBO: 28, MSC1E6: 27, MSC5E6: 28, TOTAL: 83 };
const COUNTS: Record<string, [number, number, number]> = {
  ANY: [3, 1, 2],
  STRATUM: [2, 0, 1],
  ARM: [0, 1, 0],
  NOTINFUSED: [1, 0, 1],
};
const ARD: ArdRow[] = Object.entries(COUNTS).flatMap(([param, c]) =>
  (['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'] as const).flatMap((group, i): ArdRow[] => {
    const n = group === 'TOTAL' ? c[0] + c[1] + c[2] : c[i]!;
    const base = {
      endpoint: 'DEVIATION',
      param,
      visit: '',
      population: 'ENR',
      group,
      comparator: '',
      method: '',
    } as const;
    return [
      { ...base, stat: 'N', value: N[group] },
      { ...base, stat: 'n', value: n },
      { ...base, stat: 'prop', value: n / N[group] },
    ];
  }),
);

describe('deviationTableSpec (T-14.1.3)', () => {
  it('shows any deviation, then each kind, n (%) of the enrolled N by randomized arm', () => {
    const ctx = tlfCtx();
    const f = buildPrintForm(deviationTableSpec(ctx), ardLookup(ARD), { flags: printFlagsOf(ctx), linesPerPage: 100 });
    expect(f.id).toBe(DEVIATION_TABLE_ID);
    expect(f.header[1]).toEqual(['', '(N=28)', '(N=27)', '(N=28)', '(N=83)']);
    expect(f.rows.map((r) => [r.indent, ...r.cells])).toEqual([
      // 3/28 = 10.71, 1/27 = 3.70, 2/28 = 7.14, 6/83 = 7.23
      [0, 'Any protocol deviation', '3 (10.7)', '1 (3.7)', '2 (7.1)', '6 (7.2)'],
      // 2/28 = 7.14, 1/28 = 3.57, 3/83 = 3.61
      [1, 'Randomized in the wrong stratum (screening SLEDAI-2K) [a]', '2 (7.1)', '0', '1 (3.6)', '3 (3.6)'],
      // 1/27 = 3.70, 1/83 = 1.20
      [1, 'Infused with another arm than randomized', '0', '1 (3.7)', '0', '1 (1.2)'],
      // 1/28 = 3.57, 2/83 = 2.41
      [1, 'Never infused', '1 (3.6)', '0', '1 (3.6)', '2 (2.4)'],
    ]);
  });

  it('is refused for a blinded run (it needs the randomization)', () => {
    expect(() => deviationTableSpec(tlfCtx('blinded'))).toThrow(/blinded/);
  });
});
