/**
 * Everything decided before or at randomization, for all subjects: enrollment, disease at entry and the
 * screening assessment (which sets the stratum), the arm, and the planned exceptions that make the data
 * realistic: subjects randomized but never infused, a subject infused with the wrong arm, a subject
 * randomized in the wrong stratum, completers who miss Week 20 or Week 24, a death.
 *
 * Every subject draws from its own streams (`<seed>/<index>/<purpose>`), so one subject's data do not
 * depend on the others' and generation can stream subject by subject.
 */
import { createPrng } from '../core/prng.js';
import type { Prng } from '../core/prng.js';
import type { ArmCode } from '../lock/types.js';
import { ARMS } from './code-lists.js';
import { drawClinicalState, newActivityMemory } from './clinical-state.js';
import type { ActivityMemory } from './clinical-state.js';
import { drawDiseaseProfile } from './disease-profile.js';
import { drawDemographics, drawEnrollment } from './enrollment.js';
import { assignArms } from './randomization.js';
import { sledaiPresent, sledaiTotal } from './sledai.js';
import type { ClinicalState, DiseaseProfile, Stratum, SubjectPlan } from './types.js';

/** Inclusion: SLEDAI-2K ≥ 6 at screening. */
const MIN_SCREENING_SLEDAI = 6;

export function subjectStream(seed: string, index: number, purpose: string): Prng {
  return createPrng(`${seed}/${index}/${purpose}`);
}

export interface PlannedSubject extends SubjectPlan {
  /** AR(1) noise after the screening assessment, continued by the later assessments. */
  readonly screeningMemory: ActivityMemory;
  /** Scheduled VISITNUM this completer misses (7 = WEEK 20, 8 = WEEK 24), or null. */
  readonly missVisit: number | null;
}

export interface TrialPlan {
  readonly seed: string;
  readonly subjects: readonly PlannedSubject[];
}

function drawEntry(rng: Prng, sex: 'F' | 'M', screeningDayOffset: number) {
  // Screen failures (SLEDAI-2K below 6) are not in the lock: draw again until the subject qualifies.
  for (;;) {
    const disease: DiseaseProfile = drawDiseaseProfile(rng, sex);
    const memory = newActivityMemory();
    const screening: ClinicalState = drawClinicalState(rng, disease, null, screeningDayOffset, memory);
    const total = sledaiTotal(sledaiPresent(disease, screening));
    if (total >= MIN_SCREENING_SLEDAI) return { disease, screening, memory, total };
  }
}

const count = (n: number, min: number, fraction: number, from: number): number =>
  n >= from ? Math.max(min, Math.round(n * fraction)) : 0;

/**
 * Largest simulation: 100,000 subjects (≈ 5.7 GB of CSV, streamed to disk). Far beyond any real trial of
 * this design (81 planned); the limit exists so that a mistyped n is refused at once instead of
 * exhausting memory or the disk.
 */
export const MAX_SIMULATED_SUBJECTS = 100_000;

export function planTrial(seed: string, n: number): TrialPlan {
  if (!Number.isInteger(n) || n < 1 || n > MAX_SIMULATED_SUBJECTS)
    throw new RangeError(`n must be a whole number from 1 to ${MAX_SIMULATED_SUBJECTS} (got ${n})`);
  const enrollees = drawEnrollment(createPrng(`${seed}/enrollment`), n);
  const entries = enrollees.map((e) => {
    const demo = drawDemographics(subjectStream(seed, e.index, 'demographics'));
    const entry = drawEntry(subjectStream(seed, e.index, 'disease'), demo.sex, e.screeningDay - e.day0);
    const stratum: Stratum = entry.total >= 10 ? '>=10' : '<10';
    return { e, demo, entry, stratum };
  });

  // Exceptions go to distinct subjects, picked by one shuffle.
  const picks = createPrng(`${seed}/exceptions`).shuffle(enrollees.map((e) => e.index));
  const take = (k: number): Set<number> => new Set(picks.splice(0, k));
  const neverInfused = take(count(n, 1, 0.02, 5));
  const wrongArm = take(count(n, 1, 0.004, 30));
  const misStratified = take(count(n, 1, 0.004, 30));
  const deaths = take(count(n, 1, 0.005, 50));
  const missW20 = take(count(n, 1, 0.025, 20));
  const missW24 = take(count(n, 1, 0.0125, 20));

  const assignments = assignArms(
    createPrng(`${seed}/randomization`),
    entries.map(({ e, stratum }) => ({
      index: e.index,
      randDay: e.randDay,
      // An IWRS entry error: randomized in the other stratum (a protocol deviation, not bad input).
      stratum: misStratified.has(e.index) ? (stratum === '<10' ? '>=10' : '<10') : stratum,
    })),
  );
  const codes = ARMS.map((a) => a.code) as ArmCode[];
  const subjects = entries.map(({ e, demo, entry, stratum }): PlannedSubject => {
    const a = assignments.get(e.index);
    if (a === undefined) throw new Error(`no assignment for subject ${e.index}`);
    const actarmcd: ArmCode | null = neverInfused.has(e.index)
      ? null
      : wrongArm.has(e.index)
        ? (codes[(codes.indexOf(a.armcd) + 1) % 3] as ArmCode)
        : a.armcd;
    return {
      ...e,
      demo,
      disease: entry.disease,
      screening: entry.screening,
      screeningSledai: entry.total,
      screeningMemory: entry.memory,
      stratum: misStratified.has(e.index) ? (stratum === '<10' ? '>=10' : '<10') : stratum,
      randno: a.randno,
      armcd: a.armcd,
      actarmcd,
      dies: deaths.has(e.index) && actarmcd !== null,
      missVisit: actarmcd === null ? null : missW20.has(e.index) ? 7 : missW24.has(e.index) ? 8 : null,
    };
  });
  return { seed, subjects };
}
