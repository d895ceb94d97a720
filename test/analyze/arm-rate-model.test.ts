import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { armRateRatios, type RateSubject } from '../../src/analyze/arm-rate-model.js';

// R reference: test/fixtures/flares/make-degenerate.R (MASS::glm.nb on PBO + MSC5E6, same data as below).
const ref = JSON.parse(readFileSync(new URL('../fixtures/flares/degenerate.json', import.meta.url), 'utf8')).rate;
const rel = (a: number | null | undefined, b: string) => Math.abs((a as number) - Number(b)) / Math.abs(Number(b));

const data = (arms: Record<string, [number, number][]>): RateSubject[] =>
  Object.entries(arms).flatMap(([arm, rows]) =>
    rows.map(([events, exposure]) => ({ arm, events, exposure }) as RateSubject),
  );

const SAMPLE = {
  PBO: [
    [2, 1.0],
    [0, 0.5],
    [3, 0.8],
    [1, 1.0],
    [0, 0.0],
    [5, 0.9],
  ],
  MSC1E6: [
    [0, 1.0],
    [0, 0.7],
    [0, 0.9],
  ],
  MSC5E6: [
    [1, 1.0],
    [0, 0.6],
    [4, 0.95],
    [0, 1.0],
    [2, 0.8],
  ],
} as Record<string, [number, number][]>;

describe('armRateRatios (SAP §5.1 not-estimable rules)', () => {
  it('leaves the RR of an arm without events empty and takes the other from the fit without it (R glm.nb, 1e-6 rel)', () => {
    const r = armRateRatios(data(SAMPLE), 0.95, 1e6);
    expect(ref.overdispersed).toBe(true);
    expect(r.method).toBe('NEGBIN');
    expect(r.ratios.get('MSC1E6')).toBeNull();
    const msc5 = r.ratios.get('MSC5E6')!;
    expect(rel(msc5.ratio, ref.rr)).toBeLessThan(1e-6);
    expect(rel(msc5.lower, ref.rr_lcl)).toBeLessThan(1e-6);
    expect(rel(msc5.upper, ref.rr_ucl)).toBeLessThan(1e-6);
    expect(rel(msc5.p, ref.p)).toBeLessThan(1e-6);
    expect(r.warnings.some((w) => w.code === 'NOT_ESTIMABLE' && w.message.includes('MSC1E6 has no events'))).toBe(true);
  });

  it('leaves both RRs empty when placebo has no events', () => {
    const r = armRateRatios(
      data({
        ...SAMPLE,
        PBO: [
          [0, 1],
          [0, 0.5],
        ],
      }),
      0.95,
      1e6,
    );
    expect(r.ratios.get('MSC1E6')).toBeNull();
    expect(r.ratios.get('MSC5E6')).toBeNull();
  });

  it('ignores events of subjects without time at risk when judging an arm degenerate', () => {
    const r = armRateRatios(
      data({
        ...SAMPLE,
        MSC1E6: [
          [0, 1.0],
          [3, 0],
        ],
      }),
      0.95,
      1e6,
    );
    expect(r.ratios.get('MSC1E6')).toBeNull();
    expect(r.ratios.get('MSC5E6')).not.toBeNull();
  });

  it('reports POISSON when there is no overdispersion (Σ(y − μ̂)² ≤ Σy at the Poisson fit)', () => {
    // Every subject of an arm has the arm's mean count over equal exposure: residuals 0.
    const r = armRateRatios(
      data({
        PBO: [
          [2, 1],
          [2, 1],
        ],
        MSC1E6: [
          [1, 1],
          [1, 1],
        ],
        MSC5E6: [
          [4, 1],
          [4, 1],
        ],
      }),
      0.95,
      1e6,
    );
    expect(r.method).toBe('POISSON');
    // Poisson MLE of a rate ratio with equal exposure is the ratio of the counts: exact up to IRLS tolerance.
    expect(r.ratios.get('MSC1E6')!.ratio).toBeCloseTo(0.5, 8);
    expect(r.ratios.get('MSC5E6')!.ratio).toBeCloseTo(2, 8);
  });

  it('treats θ̂ above the given limit as θ = ∞ (Poisson, with the reason) and below it as NB', () => {
    expect(Number(ref.theta)).toBeGreaterThan(5);
    const poisson = armRateRatios(data(SAMPLE), 0.95, 5);
    expect(poisson.method).toBe('POISSON');
    expect(poisson.warnings.some((w) => w.code === 'NB_POISSON' && w.message.includes('theta > 5'))).toBe(true);
    expect(armRateRatios(data(SAMPLE), 0.95, 6).method).toBe('NEGBIN');
  });
});
