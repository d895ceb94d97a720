/**
 * Corticosteroid records: the oral dose a subject enters on (85% on steroids, 5–40 mg prednisone
 * equivalent), a taper after the infusion towards a target that depends on the response (to zero for
 * some responders, staying above 10 mg for some non-responders), dose increases at flares with an IV
 * methylprednisolone pulse at most severe flares, the occasional QOD last step and BID split dose,
 * and the occasional intra-articular triamcinolone injection (not systemic). One record per constant
 * dose period; the next step starts the day after (on the same day in 3% of steps, an overlap the SAP
 * counts twice); the dose taken at the last contact is ONGOING.
 */
import type { Prng } from '../core/prng.js';
import type { MedicationPeriod, Medication } from './cm-row.js';
import type { DiseaseCourse, SubjectPlan } from './types.js';

interface OralSteroid {
  readonly med: Medication;
  /** mg of this drug per mg of prednisone. */
  readonly perPrednisoneMg: number;
  /** Tablet step of a taper, mg. */
  readonly step: (dose: number) => number;
  readonly round: (prednisoneMg: number) => number;
}

const oral = (trt: string, decod: string): Medication => ({ trt, decod, cat: 'CORTICOSTEROID', route: 'ORAL' });
const roundTo = (x: number, unit: number) => Math.max(unit, Math.round(x / unit) * unit);

const PREDNISONE: OralSteroid = {
  med: oral('Prednisone', 'PREDNISONE'),
  perPrednisoneMg: 1,
  step: (d) => (d > 20 ? 5 : 2.5),
  round: (mg) => roundTo(mg, 2.5),
};
const PREDNISOLONE: OralSteroid = { ...PREDNISONE, med: oral('Prednisolone', 'PREDNISOLONE') };
const METHYLPREDNISOLONE: OralSteroid = {
  med: oral('Medrol', 'METHYLPREDNISOLONE'),
  perPrednisoneMg: 0.8,
  step: (d) => (d > 16 ? 4 : 2),
  round: (mg) => roundTo(mg * 0.8, 2),
};

const ENTRY_DOSE: readonly (readonly [number, number])[] = [
  [5, 0.12],
  [7.5, 0.12],
  [10, 0.2],
  [12.5, 0.08],
  [15, 0.15],
  [20, 0.15],
  [25, 0.06],
  [30, 0.08],
  [40, 0.04],
];

/** Final dose (prednisone mg) the investigator tapers to, by response (course.target, lower is better). */
function taperTarget(rng: Prng, course: DiseaseCourse | null, entry: number): number {
  const g = course?.target ?? 1;
  const t =
    g < 0.5
      ? rng.weighted([
          [0, 0.5],
          [2.5, 0.15],
          [5, 0.35],
        ])
      : g < 0.75
        ? rng.weighted([
            [0, 0.2],
            [5, 0.45],
            [7.5, 0.25],
            [10, 0.1],
          ])
        : rng.weighted([
            [0, 0.06],
            [5, 0.25],
            [7.5, 0.3],
            [10, 0.24],
            [15, 0.15],
          ]);
  return Math.min(t, entry);
}

interface Step {
  readonly start: number;
  readonly dose: number;
  readonly freq: 'QD' | 'BID' | 'QOD';
}

/** The dose steps from the entry dose on (dose 0 = stopped). */
function taperSteps(
  rng: Prng,
  drug: OralSteroid,
  entry: number,
  target: number,
  plan: SubjectPlan,
  course: DiseaseCourse | null,
  lastDay: number,
): Step[] {
  const steps: Step[] = [];
  if (entry > 0) steps.push({ start: plan.screeningDay - rng.int(20, 900), dose: entry, freq: 'QD' });
  if (course === null) return steps;
  const flares = course.flares
    .map((f) => ({
      day: plan.day0 + f.onset + rng.int(0, 10),
      bump: f.severity === 3 ? 40 : rng.bernoulli(0.6) ? 20 : 0,
    }))
    .filter((f) => f.bump > 0);
  const targetDose = target === 0 ? 0 : drug.round(target);
  let dose = entry;
  let t = plan.day0 + rng.int(7, 35);
  let fi = 0;
  const push = (start: number, d: number, freq: Step['freq'] = 'QD') => {
    const last = steps.at(-1);
    // A step starting on the day the last one started replaces it (the earlier entry was corrected).
    if (last !== undefined && last.start >= start) steps.pop();
    steps.push({ start, dose: d, freq });
  };
  while (t <= lastDay) {
    const f = flares[fi];
    if (f !== undefined && f.day <= t) {
      fi++;
      if (f.day > lastDay) break;
      const bumped = drug.round(f.bump);
      if (bumped > dose) {
        dose = bumped;
        push(f.day, dose);
        t = f.day + 14;
      }
      continue;
    }
    if (dose > targetDose) {
      const next = Math.max(targetDose, dose - drug.step(dose));
      if (next === 0 && dose <= drug.round(5) && rng.bernoulli(0.3)) {
        // Last step before stopping: the same tablet every other day.
        push(t, dose, 'QOD');
        t += rng.int(14, 28);
        if (t > lastDay) break;
      }
      dose = next;
      push(t, dose);
      t += dose >= drug.round(10) ? 14 : rng.int(21, 28);
      continue;
    }
    if (f === undefined) break;
    t = f.day;
  }
  return steps;
}

function stepsToPeriods(
  rng: Prng,
  drug: OralSteroid,
  steps: readonly Step[],
  screeningDay: number,
): MedicationPeriod[] {
  const out: MedicationPeriod[] = [];
  steps.forEach((s, i) => {
    if (s.dose === 0) return;
    const next = steps[i + 1];
    const end = next === undefined ? null : next.start - (rng.bernoulli(0.03) ? 0 : 1);
    const split = s.freq === 'QD' && s.dose >= 40 && rng.bernoulli(0.25);
    const longAgo = s.start < screeningDay - 365;
    out.push({
      med: drug.med,
      dose: split ? s.dose / 2 : s.dose,
      unit: 'mg',
      freq: split ? 'BID' : s.freq,
      start: s.start,
      ...(longAgo && rng.bernoulli(0.5) ? { startPartial: 'month' as const } : {}),
      end,
    });
  });
  return out;
}

function pulses(rng: Prng, plan: SubjectPlan, course: DiseaseCourse | null, lastDay: number): MedicationPeriod[] {
  const out: MedicationPeriod[] = [];
  const med: Medication = {
    trt: 'Solu-Medrol',
    decod: 'METHYLPREDNISOLONE',
    cat: 'CORTICOSTEROID',
    route: 'INTRAVENOUS',
  };
  for (const f of course?.flares ?? []) {
    if (f.severity !== 3 || !rng.bernoulli(0.7)) continue;
    const first = plan.day0 + f.onset + rng.int(1, 7);
    const days = rng.int(1, 3);
    const dose = rng.choice([250, 500, 500, 1000]);
    for (let k = 0; k < days && first + k <= lastDay; k++) {
      out.push({ med, dose, unit: 'mg', freq: 'ONCE', start: first + k, end: first + k });
    }
  }
  if (course !== null && rng.bernoulli(0.04)) {
    const day = plan.day0 + rng.int(20, 300);
    if (day <= lastDay) {
      const ia: Medication = {
        trt: 'Kenalog-40 injection',
        decod: 'TRIAMCINOLONE',
        cat: 'CORTICOSTEROID',
        route: 'INTRA-ARTICULAR',
      };
      out.push({ med: ia, dose: 40, unit: 'mg', freq: 'ONCE', start: day, end: day });
    }
  }
  return out;
}

/** All corticosteroid records of one subject; `lastDay` is the last contact (RFENDTC or the withdrawal). */
export function steroidPeriods(
  rng: Prng,
  plan: SubjectPlan,
  course: DiseaseCourse | null,
  lastDay: number,
): MedicationPeriod[] {
  const onEntry = rng.bernoulli(0.85);
  const drug = rng.weighted([
    [PREDNISONE, 0.85],
    [METHYLPREDNISOLONE, 0.1],
    [PREDNISOLONE, 0.05],
  ] as const);
  const entry = onEntry ? drug.round(rng.weighted(ENTRY_DOSE)) : 0;
  const target = taperTarget(rng, course, entry / drug.perPrednisoneMg);
  const steps = taperSteps(rng, drug, entry, target, plan, course, lastDay);
  return [...stepsToPeriods(rng, drug, steps, plan.screeningDay), ...pulses(rng, plan, course, lastDay)];
}
