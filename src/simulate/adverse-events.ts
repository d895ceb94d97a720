/**
 * Adverse events: background events at about 2.4 per subject-year from a small MedDRA-like dictionary
 * (preferred term → system organ class, one SOC per PT), infusion related reactions on Day 0 (more
 * frequent with the higher cell dose), lupus flares reported as AEs, the AE behind a withdrawal for an
 * adverse event, a fatal event for a planned death, and a few events before the infusion (not
 * treatment-emergent). About 3% of start dates are known to the month only.
 */
import type { Prng } from '../core/prng.js';
import type { ArmCode } from '../lock/types.js';
import { STUDYID } from './code-lists.js';
import { isoDate, isoMonth } from './numbers.js';
import type { CsvRow, DiseaseCourse, SubjectPlan } from './types.js';

interface Term {
  readonly pt: string;
  readonly soc: string;
  readonly verbatims: readonly string[];
  /** Events per subject-year. */
  readonly rate: number;
  readonly pSerious: number;
}

const INFECTIONS = 'Infections and infestations';
const BACKGROUND: readonly Term[] = [
  {
    pt: 'Upper respiratory tract infection',
    soc: INFECTIONS,
    verbatims: ['Upper respiratory infection', 'URTI', 'Head cold'],
    rate: 0.35,
    pSerious: 0,
  },
  { pt: 'Nasopharyngitis', soc: INFECTIONS, verbatims: ['Common cold', 'Nasopharyngitis'], rate: 0.2, pSerious: 0 },
  {
    pt: 'Urinary tract infection',
    soc: INFECTIONS,
    verbatims: ['UTI', 'Urinary tract infection'],
    rate: 0.15,
    pSerious: 0.03,
  },
  { pt: 'Herpes zoster', soc: INFECTIONS, verbatims: ['Shingles', 'Herpes zoster'], rate: 0.04, pSerious: 0.05 },
  {
    pt: 'Pneumonia',
    soc: INFECTIONS,
    verbatims: ['Pneumonia', 'Community acquired pneumonia'],
    rate: 0.03,
    pSerious: 0.7,
  },
  {
    pt: 'Headache',
    soc: 'Nervous system disorders',
    verbatims: ['Headache', 'Tension headache'],
    rate: 0.25,
    pSerious: 0,
  },
  {
    pt: 'Dizziness',
    soc: 'Nervous system disorders',
    verbatims: ['Dizziness', 'Lightheadedness'],
    rate: 0.06,
    pSerious: 0,
  },
  { pt: 'Nausea', soc: 'Gastrointestinal disorders', verbatims: ['Nausea'], rate: 0.12, pSerious: 0 },
  {
    pt: 'Diarrhoea',
    soc: 'Gastrointestinal disorders',
    verbatims: ['Diarrhea', 'Loose stools'],
    rate: 0.1,
    pSerious: 0,
  },
  {
    pt: 'Arthralgia',
    soc: 'Musculoskeletal and connective tissue disorders',
    verbatims: ['Joint pain', 'Arthralgia'],
    rate: 0.15,
    pSerious: 0,
  },
  {
    pt: 'Fatigue',
    soc: 'General disorders and administration site conditions',
    verbatims: ['Fatigue', 'Tiredness'],
    rate: 0.1,
    pSerious: 0,
  },
  {
    pt: 'Pyrexia',
    soc: 'General disorders and administration site conditions',
    verbatims: ['Fever', 'Low grade fever'],
    rate: 0.06,
    pSerious: 0,
  },
  {
    pt: 'Rash',
    soc: 'Skin and subcutaneous tissue disorders',
    verbatims: ['Rash', 'Skin rash'],
    rate: 0.08,
    pSerious: 0,
  },
  {
    pt: 'Hypertension',
    soc: 'Vascular disorders',
    verbatims: ['Hypertension', 'Elevated blood pressure'],
    rate: 0.06,
    pSerious: 0,
  },
  { pt: 'Anaemia', soc: 'Blood and lymphatic system disorders', verbatims: ['Anemia'], rate: 0.04, pSerious: 0.05 },
  {
    pt: 'Cough',
    soc: 'Respiratory, thoracic and mediastinal disorders',
    verbatims: ['Cough'],
    rate: 0.08,
    pSerious: 0,
  },
  {
    pt: 'Insomnia',
    soc: 'Psychiatric disorders',
    verbatims: ['Insomnia', 'Difficulty sleeping'],
    rate: 0.05,
    pSerious: 0,
  },
  { pt: 'Depression', soc: 'Psychiatric disorders', verbatims: ['Depression', 'Low mood'], rate: 0.03, pSerious: 0.05 },
  {
    pt: 'Hyperglycaemia',
    soc: 'Metabolism and nutrition disorders',
    verbatims: ['High blood sugar', 'Hyperglycemia'],
    rate: 0.03,
    pSerious: 0,
  },
];
const TOTAL_RATE = BACKGROUND.reduce((s, t) => s + t.rate, 0);

const INFUSION_REACTION: Term = {
  pt: 'Infusion related reaction',
  soc: 'Injury, poisoning and procedural complications',
  verbatims: ['Infusion reaction', 'Chills during infusion'],
  rate: 0,
  pSerious: 0.05,
};
const SLE_FLARE: Term = {
  pt: 'Systemic lupus erythematosus',
  soc: 'Musculoskeletal and connective tissue disorders',
  verbatims: ['SLE flare', 'Lupus flare'],
  rate: 0,
  pSerious: 0.15,
};
const NEPHRITIS: Term = {
  pt: 'Lupus nephritis',
  soc: 'Renal and urinary disorders',
  verbatims: ['Worsening lupus nephritis', 'Lupus nephritis flare'],
  rate: 0,
  pSerious: 0.4,
};
const SEPSIS: Term = { pt: 'Sepsis', soc: INFECTIONS, verbatims: ['Sepsis'], rate: 0, pSerious: 1 };

const P_INFUSION_REACTION: Readonly<Record<ArmCode, number>> = { PBO: 0.03, MSC1E6: 0.08, MSC5E6: 0.14 };

interface Event {
  readonly term: Term;
  readonly start: number;
  readonly end: number | null;
  readonly sev: 'MILD' | 'MODERATE' | 'SEVERE';
  readonly ser: boolean;
  readonly rel: 'RELATED' | 'POSSIBLY RELATED' | 'NOT RELATED';
  readonly acn: string;
  readonly out: string;
  readonly partial: boolean;
}

function severity(rng: Prng): Event['sev'] {
  return rng.weighted([
    ['MILD', 0.6],
    ['MODERATE', 0.32],
    ['SEVERE', 0.08],
  ] as const);
}

function outcome(end: number | null, rng: Prng): string {
  if (end !== null) return rng.bernoulli(0.97) ? 'RECOVERED/RESOLVED' : 'RECOVERED/RESOLVED WITH SEQUELAE';
  return rng.weighted([
    ['NOT RECOVERED/NOT RESOLVED', 0.6],
    ['RECOVERING/RESOLVING', 0.35],
    ['UNKNOWN', 0.05],
  ] as const);
}

/** An event from `start`, resolved within 2–30 days unless that runs past the last contact. */
function event(rng: Prng, term: Term, start: number, lastDay: number, day0: number, extra: Partial<Event> = {}): Event {
  const sev = extra.sev ?? severity(rng);
  const endDraw = start + rng.int(1, sev === 'MILD' ? 14 : 30);
  const end = endDraw <= lastDay ? endDraw : null;
  return {
    term,
    start,
    end,
    sev,
    ser: rng.bernoulli(term.pSerious + (sev === 'SEVERE' ? 0.3 : 0)),
    rel: rng.weighted([
      ['NOT RELATED', 0.85],
      ['POSSIBLY RELATED', 0.12],
      ['RELATED', 0.03],
    ] as const),
    acn: start < day0 ? 'NONE' : 'NOT APPLICABLE',
    out: outcome(end, rng),
    partial: rng.bernoulli(0.03),
    ...extra,
  };
}

function poisson(rng: Prng, mean: number): number {
  // Knuth's product method: fine for the small means used here.
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.uniform();
  while (p > limit) {
    k++;
    p *= rng.uniform();
  }
  return k;
}

export function adverseEventRows(
  rng: Prng,
  plan: SubjectPlan,
  course: DiseaseCourse | null,
  lastDay: number,
): CsvRow[] {
  const events: Event[] = [];
  const day0 = plan.day0;
  if (rng.bernoulli(0.06) && day0 - plan.screeningDay > 2) {
    const term = rng.weighted(BACKGROUND.map((t) => [t, t.rate] as const));
    events.push(event(rng, term, rng.int(plan.screeningDay + 1, day0 - 1), lastDay, day0, { sev: 'MILD' }));
  }
  if (course !== null && plan.actarmcd !== null) {
    if (rng.bernoulli(P_INFUSION_REACTION[plan.actarmcd])) {
      events.push(
        event(rng, INFUSION_REACTION, day0, lastDay, day0, {
          rel: 'RELATED',
          acn: rng.bernoulli(0.3) ? 'INFUSION INTERRUPTED' : 'NONE',
          partial: false,
        }),
      );
    }
    const years = Math.max(0, lastDay - day0) / 365.25;
    const k = poisson(rng, TOTAL_RATE * years);
    for (let i = 0; i < k; i++) {
      const term = rng.weighted(BACKGROUND.map((t) => [t, t.rate] as const));
      events.push(event(rng, term, day0 + rng.int(1, Math.max(1, lastDay - day0)), lastDay, day0));
    }
    for (const f of course.flares) {
      const start = day0 + f.onset;
      if (start > lastDay || !rng.bernoulli(0.7)) continue;
      events.push(
        event(rng, f.domain === 'RENL' ? NEPHRITIS : SLE_FLARE, start, lastDay, day0, {
          sev: f.severity === 3 ? 'SEVERE' : 'MODERATE',
          partial: false,
        }),
      );
    }
    const w = course.withdrawal;
    if (w?.reason === 'ADVERSE EVENT') {
      const term = rng.weighted(BACKGROUND.map((t) => [t, t.rate] as const));
      events.push(
        event(rng, term, day0 + Math.max(1, w.day - rng.int(0, 14)), lastDay, day0, {
          sev: rng.bernoulli(0.5) ? 'MODERATE' : 'SEVERE',
          acn: 'SUBJECT WITHDRAWN FROM STUDY',
          partial: false,
        }),
      );
    }
    if (w?.reason === 'DEATH') {
      const start = day0 + Math.max(1, w.day - rng.int(2, 10));
      events.push({
        term: SEPSIS,
        start,
        end: day0 + w.day,
        sev: 'SEVERE',
        ser: true,
        rel: 'NOT RELATED',
        acn: 'NOT APPLICABLE',
        out: 'FATAL',
        partial: false,
      });
    }
  }
  events.sort((a, b) => a.start - b.start);
  return events.map((e) => ({
    STUDYID,
    DOMAIN: 'AE',
    USUBJID: plan.usubjid,
    AETERM: rng.choice(e.term.verbatims),
    AEDECOD: e.term.pt,
    AEBODSYS: e.term.soc,
    AESEV: e.sev,
    AESER: e.ser ? 'Y' : 'N',
    AEREL: e.rel,
    AEACN: e.acn,
    AEOUT: e.out,
    AESTDTC: e.partial ? isoMonth(e.start) : isoDate(e.start),
    AEENDTC: e.end === null ? '' : isoDate(e.end),
  }));
}
