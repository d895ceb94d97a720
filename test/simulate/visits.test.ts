import { describe, expect, it } from 'vitest';
import { createPrng } from '../../src/core/prng.js';
import { planTrial } from '../../src/simulate/trial-plan.js';
import type { DiseaseCourse } from '../../src/simulate/types.js';
import { scheduleVisits } from '../../src/simulate/visits.js';

const plan = planTrial('visits', 10).subjects.find((p) => p.actarmcd !== null && p.missVisit === null)!;

describe('scheduleVisits', () => {
  it('places screening, DAY 0 on the infusion day and the scheduled visits in their windows', () => {
    const course: DiseaseCourse = { target: 0.5, tau: 40, flares: [], withdrawal: null };
    const targets: Record<number, [number, number]> = {
      2: [0, 0],
      3: [28, 3],
      4: [56, 3],
      5: [84, 4],
      6: [112, 4],
      7: [140, 5],
      8: [168, 5],
      9: [252, 7],
      10: [364, 7],
    };
    for (let i = 0; i < 50; i++) {
      const v = scheduleVisits(createPrng(`v/${i}`), plan, course);
      expect(v[0]).toMatchObject({ num: 1, label: 'SCREENING', date: plan.screeningDay });
      expect(v.find((x) => x.num === 2)?.date).toBe(plan.day0);
      expect(v.some((x) => x.num === 10)).toBe(true);
      for (const x of v.filter((y) => y.kind === 'scheduled')) {
        const [day, w] = targets[x.num]!;
        expect(Math.abs(x.date - plan.day0 - day)).toBeLessThanOrEqual(w);
      }
    }
  });

  it('adds flare visits numbered after the last scheduled visit attended, and stops at a withdrawal', () => {
    const course: DiseaseCourse = {
      target: 0.5,
      tau: 40,
      flares: [
        { onset: 95, duration: 30, domain: 'MUSK', severity: 2 },
        { onset: 190, duration: 30, domain: 'MUCO', severity: 3 },
      ],
      withdrawal: { day: 230, reason: 'WITHDRAWAL BY SUBJECT' },
    };
    let seen = 0;
    for (let i = 0; i < 100; i++) {
      const v = scheduleVisits(createPrng(`u/${i}`), plan, course);
      for (const x of v) expect(x.date).toBeLessThanOrEqual(plan.day0 + 230);
      expect(v.some((x) => x.num >= 9)).toBe(false);
      for (const x of v.filter((y) => y.kind === 'unscheduled' && y.num > 2)) {
        seen++;
        const previous = v.filter((y) => y.kind === 'scheduled' && y.date < x.date).at(-1);
        expect(Math.floor(x.num)).toBe(previous?.num);
        expect(x.label).toBe(`UNSCHEDULED ${x.num.toFixed(2)}`);
        expect(x.disease && x.labs).toBe(true);
      }
    }
    expect(seen).toBeGreaterThan(50);
  });

  it('skips the visit a completer is planned to miss', () => {
    const course: DiseaseCourse = { target: 0.5, tau: 40, flares: [], withdrawal: null };
    const v = scheduleVisits(createPrng('miss'), { ...plan, missVisit: 7 }, course);
    expect(v.some((x) => x.num === 7)).toBe(false);
    expect(v.some((x) => x.num === 8)).toBe(true);
  });
});
