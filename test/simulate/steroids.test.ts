import { describe, expect, it } from 'vitest';
import { createPrng } from '../../src/core/prng.js';
import { steroidPeriods } from '../../src/simulate/steroids.js';
import { planTrial } from '../../src/simulate/trial-plan.js';
import type { DiseaseCourse } from '../../src/simulate/types.js';

const plans = planTrial('steroids', 60).subjects.filter((p) => p.actarmcd !== null);
const responder: DiseaseCourse = { target: 0.3, tau: 40, flares: [], withdrawal: null };
const severeFlare: DiseaseCourse = {
  target: 0.9,
  tau: 40,
  flares: [{ onset: 100, duration: 42, domain: 'RENL', severity: 3 }],
  withdrawal: null,
};
const F: Record<string, number> = { PREDNISONE: 1, PREDNISOLONE: 1, METHYLPREDNISOLONE: 1.25, TRIAMCINOLONE: 1.25 };
const PER_DAY: Record<string, number> = { QD: 1, BID: 2, QOD: 0.5 };

describe('steroidPeriods', () => {
  it('gives a subject never infused at most the entry record, still ongoing', () => {
    for (let i = 0; i < 200; i++) {
      const p = steroidPeriods(createPrng(`ni/${i}`), plans[i % plans.length]!, null, plans[0]!.day0);
      expect(p.length).toBeLessThanOrEqual(1);
      for (const x of p) expect(x.end).toBeNull();
    }
  });

  it('tapers good responders: about 85% on steroids at entry, and some stop (last oral record ends)', () => {
    let onEntry = 0;
    let stopped = 0;
    const N = 400;
    for (let i = 0; i < N; i++) {
      const plan = plans[i % plans.length]!;
      const p = steroidPeriods(createPrng(`r/${i}`), plan, responder, plan.day0 + 364).filter(
        (x) => x.med.route === 'ORAL',
      );
      if (p.length > 0 && p[0]!.start < plan.day0) onEntry++;
      if (p.length > 0 && p.at(-1)!.end !== null) stopped++;
      // Doses never rise without a flare.
      const daily = p.map((x) => (x.dose ?? 0) * (PER_DAY[x.freq ?? ''] ?? 0) * (F[x.med.decod] ?? 0));
      for (let k = 1; k < daily.length; k++) expect(daily[k]!).toBeLessThanOrEqual(daily[k - 1]! + 1e-9);
    }
    // 0.85 with 5 standard errors.
    expect(Math.abs(onEntry / N - 0.85)).toBeLessThan(5 * Math.sqrt((0.85 * 0.15) / N));
    expect(stopped / N).toBeGreaterThan(0.2);
  });

  it('raises the dose to at least 40 mg prednisone-equivalent at a severe flare, often with an IV pulse (ONCE)', () => {
    let pulses = 0;
    const N = 200;
    for (let i = 0; i < N; i++) {
      const plan = plans[i % plans.length]!;
      const p = steroidPeriods(createPrng(`f/${i}`), plan, severeFlare, plan.day0 + 364);
      const flareDay = plan.day0 + 100;
      const bumped = p.filter((x) => x.med.route === 'ORAL' && x.start >= flareDay && x.start <= flareDay + 10);
      expect(bumped.some((x) => (x.dose ?? 0) * (PER_DAY[x.freq ?? ''] ?? 0) * (F[x.med.decod] ?? 0) >= 40)).toBe(true);
      const iv = p.filter((x) => x.med.route === 'INTRAVENOUS');
      for (const x of iv) {
        expect(x.freq).toBe('ONCE');
        expect(x.end).toBe(x.start);
      }
      if (iv.length > 0) pulses++;
    }
    // 70% of severe flares get a pulse; 5 standard errors.
    expect(Math.abs(pulses / N - 0.7)).toBeLessThan(5 * Math.sqrt((0.7 * 0.3) / N));
  });
});
