import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { miettinenNurminenCi } from '../../../src/numerics/binary/miettinen-nurminen.js';
import { eachTable, fixture } from './binary-fixture.js';

const at = (v: (number | null)[], i: number) => v[i] as number;

describe('miettinenNurminenCi', () => {
  // Source: ratesci::scoreci(contrast = "RD", skew = FALSE, bcf = TRUE, precis = 12) on 723 tables:
  // every table with n1, n2 in {1, 2, 3, 5, 10}, 17 chosen and 30 random ones up to 200 per arm.
  // Tolerance 1e-9 absolute: ratesci rounds its restricted MLE to 10 decimals, so it is itself only
  // good to about 1e-10 (its symmetric 0/1 vs 0/1 interval is off by 3e-11).
  it('matches ratesci at the 95% level on every table, zero cells and x = n included (1e-9 absolute)', () => {
    eachTable((x1, n1, x2, n2, i) => {
      const r = miettinenNurminenCi(x1, n1, x2, n2);
      expect(r.estimate).toBe(x1 / n1 - x2 / n2);
      expect(Math.abs((r.lower as number) - at(fixture.mn.lower, i)), `${x1}/${n1} ${x2}/${n2}`).toBeLessThan(1e-9);
      expect(Math.abs((r.upper as number) - at(fixture.mn.upper, i)), `${x1}/${n1} ${x2}/${n2}`).toBeLessThan(1e-9);
    });
  });

  it('matches ratesci at the 90% level (1e-9 absolute)', () => {
    eachTable((x1, n1, x2, n2, i) => {
      const r = miettinenNurminenCi(x1, n1, x2, n2, 0.9);
      expect(Math.abs((r.lower as number) - at(fixture.mn.lower90, i))).toBeLessThan(1e-9);
      expect(Math.abs((r.upper as number) - at(fixture.mn.upper90, i))).toBeLessThan(1e-9);
    });
  });

  it("gives the p of the 'N − 1' score test as ratesci's pval2sided (1e-8 relative or 1e-12 absolute)", () => {
    eachTable((x1, n1, x2, n2, i) => {
      const p = miettinenNurminenCi(x1, n1, x2, n2).p as number;
      const ref = at(fixture.mn.p, i);
      expect(Math.abs(p - ref), `${x1}/${n1} ${x2}/${n2}`).toBeLessThanOrEqual(Math.max(1e-8 * ref, 1e-12));
    });
  });

  // Source: Newcombe RG (1998) Stat Med 17:873-890, Table II, method 6 (Miettinen-Nurminen score,
  // N/(N-1) correction), printed to 4 decimals; tolerance 5e-5 (half a unit in the last place).
  it.each([
    [56, 70, 48, 80, 0.0528, 0.3382],
    [9, 10, 3, 10, 0.17, 0.8406],
    [6, 7, 2, 7, 0.0342, 0.8534],
    [5, 56, 0, 29, -0.0326, 0.1933],
    [0, 10, 0, 20, -0.1658, 0.2844],
    [0, 10, 0, 10, -0.2879, 0.2879],
    [10, 10, 0, 20, 0.7156, 1],
    [10, 10, 0, 10, 0.6636, 1],
  ])('reproduces Newcombe (1998) Table II for %i/%i vs %i/%i', (x1, n1, x2, n2, lower, upper) => {
    const r = miettinenNurminenCi(x1, n1, x2, n2);
    expect(Math.abs((r.lower as number) - lower)).toBeLessThanOrEqual(5e-5);
    expect(Math.abs((r.upper as number) - upper)).toBeLessThanOrEqual(5e-5);
  });

  it('gives exactly ±1 at the ends and a symmetric interval when both arms have no events', () => {
    expect(miettinenNurminenCi(10, 10, 0, 20).upper).toBe(1);
    expect(miettinenNurminenCi(0, 10, 5, 5).lower).toBe(-1);
    const r = miettinenNurminenCi(0, 200, 0, 200);
    expect(r.lower).toBeCloseTo(-(r.upper as number), 14);
    expect(r.p).toBe(1);
  });

  it('swapping the arms negates and swaps the bounds (1e-14 absolute)', () => {
    const a = miettinenNurminenCi(13, 17, 4, 16);
    const b = miettinenNurminenCi(4, 16, 13, 17);
    expect(Math.abs((a.lower as number) + (b.upper as number))).toBeLessThan(1e-14);
    expect(Math.abs((a.upper as number) + (b.lower as number))).toBeLessThan(1e-14);
  });

  it('gives nested, ordered bounds in [−1, 1] for any table up to 5000 per arm (property)', () => {
    const table = fc
      .tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }))
      .chain(([n1, n2]) =>
        fc.tuple(fc.integer({ min: 0, max: n1 }), fc.constant(n1), fc.integer({ min: 0, max: n2 }), fc.constant(n2)),
      );
    fc.assert(
      fc.property(table, ([x1, n1, x2, n2]) => {
        const r95 = miettinenNurminenCi(x1, n1, x2, n2);
        const r90 = miettinenNurminenCi(x1, n1, x2, n2, 0.9);
        const [lo, est, hi] = [r95.lower as number, r95.estimate as number, r95.upper as number];
        return (
          -1 <= lo &&
          lo <= est &&
          est <= hi &&
          hi <= 1 &&
          lo < hi &&
          lo <= (r90.lower as number) &&
          (r90.upper as number) <= hi
        );
      }),
      { numRuns: 300 },
    );
  });

  it('is not estimable (all null) when an arm has no subjects', () => {
    expect(miettinenNurminenCi(0, 0, 3, 10)).toEqual({
      estimate: null,
      lower: null,
      upper: null,
      level: 0.95,
      p: null,
    });
    expect(miettinenNurminenCi(3, 10, 0, 0).lower).toBeNull();
  });

  it('rejects counts that are not whole, negative, or above n, and levels outside (0, 1)', () => {
    expect(() => miettinenNurminenCi(11, 10, 0, 10)).toThrow(RangeError);
    expect(() => miettinenNurminenCi(1.5, 10, 0, 10)).toThrow(RangeError);
    expect(() => miettinenNurminenCi(-1, 10, 0, 10)).toThrow(RangeError);
    expect(() => miettinenNurminenCi(1, 10, 0, 10, 1)).toThrow(RangeError);
  });
});
