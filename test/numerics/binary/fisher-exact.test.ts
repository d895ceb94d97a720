import { describe, expect, it } from 'vitest';
import { fisherExactTwoSided } from '../../../src/numerics/binary/fisher-exact.js';
import { eachTable, fixture } from './binary-fixture.js';

describe('fisherExactTwoSided', () => {
  // Source: R fisher.test(matrix(c(x1, x2, n1 - x1, n2 - x2), 2))$p.value on 723 tables (zeros,
  // all responders, up to 200 per arm). Tolerance 1e-10 relative: R's dhyper uses Loader's saddle
  // point algorithm, here log-gamma differences, both good to ~1e-13 for these sizes.
  it('matches R fisher.test on every fixture table (1e-10 relative)', () => {
    eachTable((x1, n1, x2, n2, i) => {
      const p = fisherExactTwoSided(x1, n1 - x1, x2, n2 - x2);
      const ref = fixture.fisher[i] as number;
      expect(Math.abs(p - ref), `${x1}/${n1} ${x2}/${n2}`).toBeLessThanOrEqual(1e-10 * ref);
    });
  });

  it('keeps relative precision for tiny p (R: 1.9426434495222594e-119 for 200/200 vs 0/200)', () => {
    const p = fisherExactTwoSided(200, 0, 0, 200);
    expect(Math.abs(p - 1.9426434495222594e-119) / 1.9426434495222594e-119).toBeLessThan(1e-10);
  });

  it('is invariant to transposing the table and to swapping rows (exact ties counted)', () => {
    const p = fisherExactTwoSided(3, 7, 8, 2);
    expect(fisherExactTwoSided(3, 8, 7, 2)).toBeCloseTo(p, 15);
    expect(fisherExactTwoSided(8, 2, 3, 7)).toBeCloseTo(p, 15);
  });

  it('gives 1 for a table with an empty margin or no subjects', () => {
    expect(fisherExactTwoSided(0, 0, 4, 6)).toBe(1);
    expect(fisherExactTwoSided(0, 5, 0, 6)).toBe(1);
    expect(fisherExactTwoSided(0, 0, 0, 0)).toBe(1);
  });

  it('rejects negative or fractional counts', () => {
    expect(() => fisherExactTwoSided(-1, 1, 1, 1)).toThrow(RangeError);
    expect(() => fisherExactTwoSided(0.5, 1, 1, 1)).toThrow(RangeError);
  });
});
