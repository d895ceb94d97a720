/**
 * All records of one subject, in the order they are written: the course after randomization, the
 * visits attended, the assessments at each visit (in date order, so the disease model's memory runs
 * forward), then medications, adverse events and disposition.
 */
import { PRO_VISITNUMS, SDI_VISITNUMS, STUDYID } from './code-lists.js';
import type { BilagDomain } from './code-lists.js';
import { adverseEventRows } from './adverse-events.js';
import { bilagGrades, bilagRows } from './bilag.js';
import { drawClinicalState } from './clinical-state.js';
import { cmRow } from './cm-row.js';
import { drawCourse } from './course.js';
import { dmRow, drawPreInfusionWithdrawal, dsRows, exRow } from './disposition.js';
import type { Disposition } from './disposition.js';
import { labRows } from './labs.js';
import { isoDate, visitNumText } from './numbers.js';
import { otherMedicationPeriods } from './other-medications.js';
import { drawPga, pgaDecimals, pgaRow } from './pga.js';
import { drawProTraits, proRows } from './pros.js';
import { drawEntryDamage, drawLaterDamage, sdiRows } from './sdi.js';
import { sledaiPresent, sledaiRows, sledaiTotal } from './sledai.js';
import { steroidPeriods } from './steroids.js';
import { subjectStream } from './trial-plan.js';
import type { PlannedSubject } from './trial-plan.js';
import type { CsvRow, DiseaseCourse, SimVisit } from './types.js';
import { scheduleVisits } from './visits.js';

export interface SubjectRecords {
  readonly dm: CsvRow[];
  readonly ds: CsvRow[];
  readonly sv: CsvRow[];
  readonly ex: CsvRow[];
  readonly qs: CsvRow[];
  readonly lb: CsvRow[];
  readonly cm: CsvRow[];
  readonly ae: CsvRow[];
}

/** Probability that one SLEDAI-2K descriptor of a post-screening assessment is NOT DONE. */
const P_SLEDAI_ITEM_NOT_DONE = 0.006;
/** Probability that one sample (serum, blood or urine) of a visit is lost. */
const P_SAMPLE_LOST = 0.02;

function disposition(
  plan: PlannedSubject,
  course: DiseaseCourse | null,
  visits: readonly SimVisit[],
  seed: string,
): Disposition {
  if (course === null) return drawPreInfusionWithdrawal(subjectStream(seed, plan.index, 'disposition'), plan);
  const last = visits.at(-1)?.date ?? plan.day0;
  if (course.withdrawal === null) return { reason: 'COMPLETED', day: last };
  return { reason: course.withdrawal.reason, day: Math.max(last, plan.day0 + course.withdrawal.day) };
}

function assessments(seed: string, plan: PlannedSubject, course: DiseaseCourse | null, visits: readonly SimVisit[]) {
  const rng = subjectStream(seed, plan.index, 'assessments');
  const proRng = subjectStream(seed, plan.index, 'pros');
  const traits = drawProTraits(proRng);
  const memory = { noise: { ...plan.screeningMemory.noise } };
  const ever = { ...plan.disease.history } as Record<BilagDomain, boolean>;
  const entryDamage = drawEntryDamage(proRng);
  const qs: CsvRow[] = [];
  const lb: CsvRow[] = [];
  const decimals = pgaDecimals(plan.siteid);
  for (const v of visits) {
    const state =
      v.kind === 'screening'
        ? plan.screening
        : drawClinicalState(rng, plan.disease, course, v.date - plan.day0, memory);
    const present = sledaiPresent(plan.disease, state);
    const sledai = sledaiTotal(present);
    if (v.disease) {
      qs.push(...sledaiRows(rng, plan.usubjid, v, present, v.kind === 'screening' ? 0 : P_SLEDAI_ITEM_NOT_DONE));
      qs.push(...bilagRows(plan.usubjid, v, bilagGrades(state.levels, ever)));
      qs.push(pgaRow(plan.usubjid, v, drawPga(rng, plan.disease, state.levels, sledai), decimals));
    }
    if (v.kind !== 'unscheduled' && PRO_VISITNUMS.includes(v.num))
      qs.push(...proRows(proRng, plan.usubjid, v, traits, sledai));
    if (v.kind !== 'unscheduled' && SDI_VISITNUMS.includes(v.num)) {
      const flares = course?.flares.length ?? 0;
      const damage =
        v.num === 1 ? entryDamage : drawLaterDamage(proRng, entryDamage, Math.min(0.4, 0.05 + 0.07 * flares));
      qs.push(...sdiRows(plan.usubjid, v, damage));
    }
    if (v.labs) lb.push(...labRows(rng, plan.usubjid, plan.siteid, plan.demo.sex, v, state.labs, P_SAMPLE_LOST));
  }
  return { qs, lb };
}

export function simulateSubject(seed: string, plan: PlannedSubject): SubjectRecords {
  const course =
    plan.actarmcd === null ? null : drawCourse(subjectStream(seed, plan.index, 'course'), plan, plan.actarmcd);
  const visits = scheduleVisits(subjectStream(seed, plan.index, 'visits'), plan, course);
  const disp = disposition(plan, course, visits, seed);
  const { qs, lb } = assessments(seed, plan, course, visits);
  const cmRng = subjectStream(seed, plan.index, 'medications');
  const cm = [...steroidPeriods(cmRng, plan, course, disp.day), ...otherMedicationPeriods(cmRng, plan, disp.day)].map(
    (p) => cmRow(plan.usubjid, p),
  );
  const ae = adverseEventRows(subjectStream(seed, plan.index, 'adverse-events'), plan, course, disp.day);
  const other = subjectStream(seed, plan.index, 'records');
  return {
    dm: [dmRow(plan, course === null ? null : disp.day)],
    ds: dsRows(other, plan, disp),
    sv: visits.map((v) => ({
      STUDYID,
      DOMAIN: 'SV',
      USUBJID: plan.usubjid,
      VISITNUM: visitNumText(v.num),
      VISIT: v.label,
      SVSTDTC: isoDate(v.date),
    })),
    ex: [exRow(other, plan)],
    qs,
    lb,
    cm,
    ae,
  };
}
