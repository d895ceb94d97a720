import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/dates.js';
import { createPrng } from '../../src/core/prng.js';
import { drawDemographics, drawEnrollment } from '../../src/simulate/enrollment.js';

describe('drawEnrollment', () => {
  it('keeps three-digit subject numbers up to 9 × 999 subjects by filling the next site with room', () => {
    const e = drawEnrollment(createPrng('full'), 8991);
    const perSite = new Map<string, number>();
    for (const x of e) {
      expect(x.usubjid).toMatch(/^SLEMSC01-10[1-9]-\d{3}$/);
      expect(x.usubjid).toBe(`SLEMSC01-${x.siteid}-${x.subjid}`);
      perSite.set(x.siteid, (perSite.get(x.siteid) ?? 0) + 1);
    }
    expect([...perSite.values()].every((c) => c === 999)).toBe(true);
  });

  it('beyond 8,991 subjects widens only the numbers of a site with more than 999 (dts/lock.md: three or more digits)', () => {
    const e = drawEnrollment(createPrng('over'), 10000);
    const bySite = new Map<string, string[]>();
    for (const x of e) {
      expect(x.usubjid).toMatch(/^SLEMSC01-10[1-9]-\d{3,}$/);
      bySite.set(x.siteid, [...(bySite.get(x.siteid) ?? []), x.subjid]);
    }
    expect(new Set(e.map((x) => x.usubjid)).size).toBe(10000);
    const counts = [...bySite.values()].map((ids) => ids.length);
    expect(counts.some((c) => c > 999)).toBe(true);
    expect(counts.some((c) => c <= 999)).toBe(true);
    for (const ids of bySite.values()) {
      const width = Math.max(3, String(ids.length).length);
      expect(ids.every((id) => id.length === width)).toBe(true);
      expect([...ids].sort()).toEqual(ids); // text order is enrolment order within a site
    }
  });

  it('numbers subjects per site in order of infusion, infusions in 2025-01-13 … 2025-12-12', () => {
    const e = drawEnrollment(createPrng('order'), 200);
    for (let i = 1; i < e.length; i++) expect(e[i]!.day0).toBeGreaterThanOrEqual(e[i - 1]!.day0);
    const seen = new Map<string, number>();
    for (const x of e) {
      const k = (seen.get(x.siteid) ?? 0) + 1;
      seen.set(x.siteid, k);
      expect(Number(x.subjid)).toBe(k);
      expect(x.day0).toBeGreaterThanOrEqual(dayNumber('2025-01-13'));
      expect(x.day0).toBeLessThanOrEqual(dayNumber('2025-12-12'));
    }
  });
});

describe('drawDemographics', () => {
  it('draws adults 18–72, mostly women, weight with one decimal, terms of domains.md', () => {
    const rng = createPrng('demo');
    const d = Array.from({ length: 2000 }, () => drawDemographics(rng));
    for (const x of d) {
      expect(x.age).toBeGreaterThanOrEqual(18);
      expect(x.age).toBeLessThanOrEqual(72);
      expect(Number.isInteger(x.age)).toBe(true);
      expect(Math.round(x.weight * 10) / 10).toBe(x.weight);
    }
    const women = d.filter((x) => x.sex === 'F').length / d.length;
    // 92% women; 5 standard errors.
    expect(Math.abs(women - 0.92)).toBeLessThan(5 * Math.sqrt((0.92 * 0.08) / 2000));
  });
});
