/**
 * DM, DS and EX rows of one subject: demographics with the blinded arm columns and reference dates,
 * the consent and randomization milestones and the one disposition event, and the study infusion
 * (`Y`, or `N` on the planned date for a subject never infused).
 */
import type { Prng } from '../core/prng.js';
import { STUDYID } from './code-lists.js';
import { fixed, isoDate } from './numbers.js';
import type { CsvRow, DispositionReason, SubjectPlan } from './types.js';

const BLINDED = 'BLINDED';

export interface Disposition {
  readonly reason: DispositionReason;
  readonly day: number;
}

const VERBATIM: Readonly<Record<DispositionReason, readonly string[]>> = {
  COMPLETED: ['Completed study'],
  'ADVERSE EVENT': ['Adverse event', 'Discontinued due to adverse event'],
  'LACK OF EFFICACY': ['Lack of efficacy', 'Worsening lupus, started rescue therapy'],
  'WITHDRAWAL BY SUBJECT': ['Subject withdrew consent', 'Subject decided to withdraw'],
  'LOST TO FOLLOW-UP': ['Lost to follow-up', 'Unable to contact subject'],
  'PHYSICIAN DECISION': ['Investigator decision', 'Physician decision'],
  'PROTOCOL DEVIATION': ['Prohibited medication started', 'Protocol deviation'],
  DEATH: ['Death'],
  OTHER: ['Moved out of area', 'Relocated'],
};

/** Why a randomized subject is not infused, and when that was recorded. */
export function drawPreInfusionWithdrawal(rng: Prng, plan: SubjectPlan): Disposition {
  const reason = rng.weighted<DispositionReason>([
    ['WITHDRAWAL BY SUBJECT', 0.5],
    ['PHYSICIAN DECISION', 0.3],
    ['OTHER', 0.2],
  ]);
  return { reason, day: plan.randDay + rng.int(0, Math.max(0, plan.day0 - plan.randDay)) };
}

export function dmRow(plan: SubjectPlan, rfendtc: number | null): CsvRow {
  const infused = plan.actarmcd !== null;
  return {
    STUDYID,
    DOMAIN: 'DM',
    USUBJID: plan.usubjid,
    SUBJID: plan.subjid,
    RFSTDTC: infused ? isoDate(plan.day0) : '',
    RFENDTC: infused && rfendtc !== null ? isoDate(rfendtc) : '',
    SITEID: plan.siteid,
    AGE: String(plan.demo.age),
    AGEU: 'YEARS',
    SEX: plan.demo.sex,
    RACE: plan.demo.race,
    ETHNIC: plan.demo.ethnic,
    ARMCD: BLINDED,
    ARM: BLINDED,
    ACTARMCD: BLINDED,
    ACTARM: BLINDED,
    COUNTRY: 'USA',
    WEIGHTBL: fixed(plan.demo.weight, 1),
  };
}

export function dsRows(rng: Prng, plan: SubjectPlan, disposition: Disposition): CsvRow[] {
  const row = (cat: string, decod: string, term: string, day: number): CsvRow => ({
    STUDYID,
    DOMAIN: 'DS',
    USUBJID: plan.usubjid,
    DSTERM: term,
    DSDECOD: decod,
    DSCAT: cat,
    DSSTDTC: isoDate(day),
  });
  return [
    row('PROTOCOL MILESTONE', 'INFORMED CONSENT OBTAINED', 'Informed consent obtained', plan.consentDay),
    row('PROTOCOL MILESTONE', 'RANDOMIZED', 'Randomized', plan.randDay),
    row('DISPOSITION EVENT', disposition.reason, rng.choice(VERBATIM[disposition.reason]), disposition.day),
  ];
}

export function exRow(rng: Prng, plan: SubjectPlan): CsvRow {
  const infused = plan.actarmcd !== null;
  return {
    STUDYID,
    DOMAIN: 'EX',
    USUBJID: plan.usubjid,
    EXTRT: 'BLINDED STUDY INFUSION',
    EXROUTE: 'INTRAVENOUS',
    // Every bag holds 100 mL whatever the arm (blinding); an interrupted infusion may stop short.
    EXVOL: infused ? String(rng.bernoulli(0.03) ? rng.int(60, 95) : 100) : '',
    EXSTDTC: isoDate(plan.day0),
    EXOCCUR: infused ? 'Y' : 'N',
  };
}
