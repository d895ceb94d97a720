import { describe, expect, it } from 'vitest';
import { createPrng } from '../../src/core/prng.js';
import { drawCourse } from '../../src/simulate/course.js';
import { planTrial } from '../../src/simulate/trial-plan.js';

// Model constants documented in src/simulate/course.ts; bounds are 5 standard errors of the mean.
describe('drawCourse: treatment effect, flares and withdrawal by arm (2,000 courses per arm)', () => {
  const plans = planTrial('course', 200).subjects.filter((p) => !p.dies && p.missVisit === null);
  const draws = (arm: 'PBO' | 'MSC1E6' | 'MSC5E6') =>
    Array.from({ length: 2000 }, (_, i) => drawCourse(createPrng(`course/${arm}/${i}`), plans[i % plans.length]!, arm));

  const summary = (arm: 'PBO' | 'MSC1E6' | 'MSC5E6') => {
    const c = draws(arm);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    return {
      target: mean(c.map((x) => x.target)),
      flares: mean(c.map((x) => x.flares.length)),
      withdrawn: mean(c.map((x) => (x.withdrawal === null ? 0 : 1))),
      c,
    };
  };
  const pbo = summary('PBO');
  const low = summary('MSC1E6');
  const high = summary('MSC5E6');

  it('leaves less activity with a higher cell dose (targets 0.76 / 0.65 / 0.50, SD 0.2 before clamping)', () => {
    expect(Math.abs(pbo.target - 0.76)).toBeLessThan(5 * (0.2 / Math.sqrt(2000)));
    expect(Math.abs(low.target - 0.65)).toBeLessThan(5 * (0.2 / Math.sqrt(2000)));
    expect(Math.abs(high.target - 0.5)).toBeLessThan(5 * (0.2 / Math.sqrt(2000)));
  });

  it('orders flares per subject PBO > MSC1E6 > MSC5E6, each flare B or A within days 8–364, 4–10 weeks long', () => {
    expect(pbo.flares).toBeGreaterThan(low.flares);
    expect(low.flares).toBeGreaterThan(high.flares);
    for (const x of [...pbo.c, ...high.c]) {
      for (const f of x.flares) {
        expect(f.onset).toBeGreaterThanOrEqual(8);
        expect(f.onset).toBeLessThanOrEqual(364);
        expect(f.duration).toBeGreaterThanOrEqual(28);
        expect(f.duration).toBeLessThanOrEqual(70);
        expect([2, 3]).toContain(f.severity);
      }
    }
  });

  it('withdraws 13% / 10% / 8% before Week 52 (protocol day ≤ 345)', () => {
    for (const [s, p] of [
      [pbo, 0.13],
      [low, 0.1],
      [high, 0.08],
    ] as const) {
      expect(Math.abs(s.withdrawn - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / 2000));
      for (const x of s.c) if (x.withdrawal !== null) expect(x.withdrawal.day).toBeLessThanOrEqual(345);
    }
  });
});
