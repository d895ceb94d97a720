/**
 * What happens to an infused subject after Day 0: the treatment effect (how far activity falls and how
 * fast), flares, and early withdrawal.
 *
 * Effect by the arm actually infused, as the long-run fraction of entry activity left (subject SD 0.2):
 * placebo 0.76, MSC 1×10^6/kg 0.65, MSC 5×10^6/kg 0.50; time constant 30–90 days. Flares: a Poisson
 * process with a gamma(2, 1/2) frailty (so counts are overdispersed, as a negative binomial model
 * expects), yearly rates 0.60 / 0.45 / 0.35, each in one BILAG domain (renal more likely with renal
 * history), severe (A) in 30%, lasting 4–10 weeks. Withdrawal: 13% / 10% / 8%, by reason; lack of
 * efficacy follows a flare.
 */
import type { Prng } from '../core/prng.js';
import type { ArmCode } from '../lock/types.js';
import type { BilagDomain } from './code-lists.js';
import { clamp } from './numbers.js';
import type { DiseaseCourse, DispositionReason, Flare, SubjectPlan } from './types.js';

const TARGET: Readonly<Record<ArmCode, number>> = { PBO: 0.76, MSC1E6: 0.65, MSC5E6: 0.5 };
const FLARES_PER_YEAR: Readonly<Record<ArmCode, number>> = { PBO: 0.6, MSC1E6: 0.45, MSC5E6: 0.35 };
const WITHDRAWAL: Readonly<Record<ArmCode, number>> = { PBO: 0.13, MSC1E6: 0.1, MSC5E6: 0.08 };

const REASONS: readonly (readonly [Exclude<DispositionReason, 'COMPLETED' | 'DEATH'>, number])[] = [
  ['WITHDRAWAL BY SUBJECT', 0.3],
  ['LOST TO FOLLOW-UP', 0.14],
  ['LACK OF EFFICACY', 0.2],
  ['ADVERSE EVENT', 0.16],
  ['PHYSICIAN DECISION', 0.1],
  ['PROTOCOL DEVIATION', 0.05],
  ['OTHER', 0.05],
];

/** Last protocol day on which an early withdrawal is placed (before the Week 52 window). */
const LAST_WITHDRAWAL_DAY = 345;

function flareDomain(rng: Prng, plan: SubjectPlan): BilagDomain {
  const renal = plan.disease.baseLevel.RENL > 0 || plan.disease.history.RENL;
  return rng.weighted<BilagDomain>([
    ['MUSK', 0.25],
    ['MUCO', 0.25],
    ['RENL', renal ? 0.4 : 0.08],
    ['HAEM', 0.08],
    ['CARD', 0.1],
    ['CONS', 0.1],
    ['NEUR', 0.03],
    ['GAST', 0.03],
    ['OPHT', 0.01],
  ]);
}

function drawFlares(rng: Prng, plan: SubjectPlan, arm: ArmCode): Flare[] {
  const frailty = (-Math.log(1 - rng.uniform()) - Math.log(1 - rng.uniform())) / 2;
  const ratePerDay = (FLARES_PER_YEAR[arm] * frailty) / 365.25;
  const flares: Flare[] = [];
  let t = 7;
  for (;;) {
    t += Math.ceil(-Math.log(1 - rng.uniform()) / ratePerDay);
    if (!(t <= 364)) break;
    const duration = rng.int(28, 70);
    flares.push({ onset: t, duration, domain: flareDomain(rng, plan), severity: rng.bernoulli(0.3) ? 3 : 2 });
    t += duration;
  }
  return flares;
}

export function drawCourse(
  rng: Prng,
  plan: SubjectPlan & { readonly missVisit: number | null },
  arm: ArmCode,
): DiseaseCourse {
  const target = clamp(rng.normal(TARGET[arm], 0.2), 0.12, 1.2);
  const tau = rng.int(30, 90);
  const flares = drawFlares(rng, plan, arm);
  let withdrawal: DiseaseCourse['withdrawal'] = null;
  if (plan.dies) {
    withdrawal = { day: rng.int(60, 330), reason: 'DEATH' };
  } else if (plan.missVisit === null && rng.bernoulli(WITHDRAWAL[arm])) {
    const reason = rng.weighted(REASONS);
    const first = flares[0];
    const day =
      reason === 'LACK OF EFFICACY' && first !== undefined
        ? first.onset + rng.int(7, 35)
        : rng.int(15, LAST_WITHDRAWAL_DAY);
    withdrawal = { day: Math.min(day, LAST_WITHDRAWAL_DAY), reason };
  }
  return { target, tau, flares, withdrawal };
}
