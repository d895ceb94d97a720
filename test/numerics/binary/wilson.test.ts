import { describe, expect, it } from 'vitest';
import { wilsonCi } from '../../../src/numerics/binary/wilson.js';
import { fixture } from './binary-fixture.js';

const s = fixture.singles;

describe('wilsonCi', () => {
  // Source: R prop.test(x, n, correct = FALSE)$conf.int for every (x, n) of the binary fixture.
  it.each([
    [0.95, s.wilson95],
    [0.9, s.wilson90],
  ] as const)('matches R prop.test(correct = FALSE) at level %s (1e-14 absolute)', (level, ref) => {
    s.x.forEach((x, i) => {
      const n = s.n[i] as number;
      const r = wilsonCi(x, n, level);
      expect(r.estimate).toBe(x / n);
      expect(Math.abs((r.lower as number) - (ref.lower[i] as number)), `${x}/${n}`).toBeLessThan(1e-14);
      expect(Math.abs((r.upper as number) - (ref.upper[i] as number)), `${x}/${n}`).toBeLessThan(1e-14);
    });
  });

  it('gives exactly 0 and 1 at the ends, as prop.test', () => {
    expect(wilsonCi(0, 20).lower).toBe(0);
    expect(wilsonCi(20, 20).upper).toBe(1);
  });

  it('is all null when n = 0 and rejects x > n', () => {
    expect(wilsonCi(0, 0)).toEqual({ estimate: null, lower: null, upper: null, level: 0.95 });
    expect(() => wilsonCi(3, 2)).toThrow(RangeError);
  });
});
