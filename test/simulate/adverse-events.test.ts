import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/dates.js';
import { createPrng } from '../../src/core/prng.js';
import { adverseEventRows } from '../../src/simulate/adverse-events.js';
import { isoDate } from '../../src/simulate/numbers.js';
import { planTrial } from '../../src/simulate/trial-plan.js';
import type { DiseaseCourse } from '../../src/simulate/types.js';

const plans = planTrial('ae', 40).subjects.filter((p) => p.actarmcd !== null);

describe('adverseEventRows', () => {
  it('links a withdrawal for an adverse event to one AE with AEACN SUBJECT WITHDRAWN FROM STUDY', () => {
    const course: DiseaseCourse = {
      target: 0.5,
      tau: 40,
      flares: [],
      withdrawal: { day: 150, reason: 'ADVERSE EVENT' },
    };
    for (let i = 0; i < 50; i++) {
      const plan = plans[i % plans.length]!;
      const rows = adverseEventRows(createPrng(`w/${i}`), plan, course, plan.day0 + 150);
      const disc = rows.filter((r) => r.AEACN === 'SUBJECT WITHDRAWN FROM STUDY');
      expect(disc).toHaveLength(1);
      expect(['MODERATE', 'SEVERE']).toContain(disc[0]?.AESEV);
      expect(dayNumber(disc[0]?.AESTDTC ?? '')).toBeLessThanOrEqual(plan.day0 + 150);
    }
  });

  it('ends a planned death with a fatal serious AE on the day of death', () => {
    const course: DiseaseCourse = { target: 0.5, tau: 40, flares: [], withdrawal: { day: 200, reason: 'DEATH' } };
    const plan = plans[0]!;
    const rows = adverseEventRows(createPrng('death'), plan, course, plan.day0 + 200);
    const fatal = rows.filter((r) => r.AEOUT === 'FATAL');
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toMatchObject({
      AEDECOD: 'Sepsis',
      AEBODSYS: 'Infections and infestations',
      AESER: 'Y',
      AESEV: 'SEVERE',
      AEENDTC: isoDate(plan.day0 + 200),
    });
  });

  it('keeps one SOC per PT, infusion reactions on Day 0 and RELATED, events sorted by start, SEQ-free rows', () => {
    const soc = new Map<string, string>();
    const course: DiseaseCourse = {
      target: 0.5,
      tau: 40,
      flares: [{ onset: 60, duration: 40, domain: 'RENL', severity: 3 }],
      withdrawal: null,
    };
    for (let i = 0; i < 300; i++) {
      const plan = plans[i % plans.length]!;
      const rows = adverseEventRows(createPrng(`s/${i}`), plan, course, plan.day0 + 364);
      for (const r of rows) {
        const known = soc.get(r.AEDECOD ?? '');
        if (known !== undefined) expect(r.AEBODSYS).toBe(known);
        soc.set(r.AEDECOD ?? '', r.AEBODSYS ?? '');
        if (r.AEDECOD === 'Infusion related reaction') {
          expect(r.AESTDTC).toBe(isoDate(plan.day0));
          expect(r.AEREL).toBe('RELATED');
        }
        expect(r.AESEQ).toBeUndefined();
      }
      const starts = rows.map((r) => (r.AESTDTC ?? '').slice(0, 7));
      expect([...starts].sort()).toEqual(starts);
    }
    expect(soc.get('Lupus nephritis')).toBe('Renal and urinary disorders');
  });
});
