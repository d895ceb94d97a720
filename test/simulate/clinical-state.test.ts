import { describe, expect, it } from 'vitest';
import { createPrng } from '../../src/core/prng.js';
import { activityFactor, drawClinicalState, newActivityMemory } from '../../src/simulate/clinical-state.js';
import { drawDiseaseProfile } from '../../src/simulate/disease-profile.js';
import type { DiseaseCourse } from '../../src/simulate/types.js';

const course: DiseaseCourse = {
  target: 0.4,
  tau: 50,
  flares: [{ onset: 100, duration: 40, domain: 'RENL', severity: 3 }],
  withdrawal: null,
};

describe('activityFactor: m(t) = target + (1 − target)·exp(−t/tau) after Day 0', () => {
  it('is 1 up to Day 0 and with no course, and follows the formula after (1e-15 relative)', () => {
    expect(activityFactor(course, -10)).toBe(1);
    expect(activityFactor(course, 0)).toBe(1);
    expect(activityFactor(null, 200)).toBe(1);
    expect(activityFactor(course, 50)).toBeCloseTo(0.4 + 0.6 * Math.exp(-1), 15);
  });
});

describe('drawClinicalState', () => {
  it('never raises a domain above its entry level outside a flare; a flare sets its peak level in its first half', () => {
    const rng = createPrng('state');
    for (let i = 0; i < 300; i++) {
      const p = drawDiseaseProfile(rng, 'F');
      const mem = newActivityMemory();
      for (const t of [0, 28, 56, 84, 110, 130, 168, 252, 364]) {
        const s = drawClinicalState(rng, p, course, t, mem);
        for (const [d, l] of Object.entries(s.levels)) {
          const flaring = d === 'RENL' && t >= 100 && t < 140;
          if (!flaring) expect(l).toBeLessThanOrEqual(p.baseLevel[d as keyof typeof p.baseLevel]);
        }
        if (t === 110) expect(s.levels.RENL).toBe(3);
        if (t === 130) expect(s.levels.RENL).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('returns labs already rounded to the reported decimals', () => {
    const rng = createPrng('round');
    const p = drawDiseaseProfile(rng, 'M');
    const s = drawClinicalState(rng, p, null, -5, newActivityMemory());
    const decimals: Record<string, number> = {
      C3: 2,
      C4: 2,
      DSDNA: 0,
      PROTCRT: 2,
      WBC: 1,
      LYM: 2,
      NEUT: 2,
      PLAT: 0,
      HGB: 0,
    };
    for (const [code, v] of Object.entries(s.labs)) expect(Number(v.toFixed(decimals[code]))).toBe(v);
  });
});
