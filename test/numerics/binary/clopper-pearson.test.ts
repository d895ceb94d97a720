import { describe, expect, it } from 'vitest';
import { clopperPearsonCi } from '../../../src/numerics/binary/clopper-pearson.js';
import { fixture } from './binary-fixture.js';

const s = fixture.singles;

describe('clopperPearsonCi', () => {
  // Source: R binom.test(x, n, conf.level = level)$conf.int for every (x, n) of the binary fixture.
  it.each([
    [0.95, s.cp95],
    [0.99, s.cp99],
  ] as const)('matches R binom.test at level %s (1e-13 relative)', (level, ref) => {
    s.x.forEach((x, i) => {
      const n = s.n[i] as number;
      const r = clopperPearsonCi(x, n, level);
      const lo = ref.lower[i] as number;
      const hi = ref.upper[i] as number;
      expect(Math.abs((r.lower as number) - lo), `${x}/${n}`).toBeLessThanOrEqual(1e-13 * lo);
      expect(Math.abs((r.upper as number) - hi), `${x}/${n}`).toBeLessThanOrEqual(1e-13 * hi);
    });
  });

  it('is all null when n = 0', () => {
    expect(clopperPearsonCi(0, 0)).toEqual({ estimate: null, lower: null, upper: null, level: 0.95 });
  });
});
