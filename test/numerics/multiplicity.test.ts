import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hochberg, holm } from '../../src/numerics/multiplicity.js';

// Source: test/fixtures/multiplicity/make-multiplicity.R (R 4.2.2 p.adjust), numbers with %.17g.
// Both methods are a product of a whole number and a p followed by max/min, as in R: exact equality.
const cases = JSON.parse(
  readFileSync(new URL('../fixtures/multiplicity/multiplicity.json', import.meta.url), 'utf8'),
) as { p: (number | null)[]; holm: (number | null)[]; hochberg: (number | null)[] }[];

describe('holm and hochberg', () => {
  it('equal R p.adjust(method = "holm") exactly, nulls passing through', () => {
    for (const c of cases) expect(holm(c.p), JSON.stringify(c.p)).toEqual(c.holm);
  });

  it('equal R p.adjust(method = "hochberg") exactly, nulls passing through', () => {
    for (const c of cases) expect(hochberg(c.p), JSON.stringify(c.p)).toEqual(c.hochberg);
  });

  it('do not count missing p-values in m (two present p-values: Hochberg 0.01, 0.04 -> 0.02, 0.04)', () => {
    expect(hochberg([null, 0.01, null, 0.04])).toEqual([null, 0.02, null, 0.04]);
    expect(holm([0.03, null])).toEqual([0.03, null]);
  });

  it('leave one p-value alone unchanged and return an empty list for none', () => {
    expect(hochberg([0.2])).toEqual([0.2]);
    expect(holm([])).toEqual([]);
  });

  it('reject p-values outside [0, 1]', () => {
    expect(() => holm([0.5, 1.2])).toThrow(RangeError);
    expect(() => hochberg([Number.NaN])).toThrow(RangeError);
  });
});
