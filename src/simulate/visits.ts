/**
 * The visits a subject actually attends: screening, scheduled visits with their windows (missed with
 * probability 2.5% from Week 4 to Week 36, and a planned miss for a few completers), unscheduled flare
 * visits a few days after a flare's onset (60% of flares), and an occasional unscheduled pre-dose visit
 * to repeat the laboratory panel. Unscheduled visits are numbered after the last scheduled visit
 * attended before them (`5.01`, `5.02`, …) and labelled `UNSCHEDULED 5.01`.
 */
import type { Prng } from '../core/prng.js';
import { SCHEDULED_VISITS, SCREENING_VISITNUM } from './code-lists.js';
import { visitNumText } from './numbers.js';
import type { DiseaseCourse, SimVisit, SubjectPlan } from './types.js';

const P_MISSED = 0.025;
const P_FLARE_VISIT = 0.6;
const P_PREDOSE_RETEST = 0.05;

function unscheduled(previous: number, k: number, date: number, disease: boolean): SimVisit {
  const num = Math.round(previous * 100 + k) / 100;
  return { num, label: `UNSCHEDULED ${visitNumText(num)}`, date, kind: 'unscheduled', disease, labs: true };
}

export function scheduleVisits(
  rng: Prng,
  plan: SubjectPlan & { readonly missVisit: number | null },
  course: DiseaseCourse | null,
): SimVisit[] {
  const visits: SimVisit[] = [
    {
      num: SCREENING_VISITNUM,
      label: 'SCREENING',
      date: plan.screeningDay,
      kind: 'screening',
      disease: true,
      labs: true,
    },
  ];
  if (rng.bernoulli(P_PREDOSE_RETEST) && plan.day0 - plan.screeningDay >= 3) {
    visits.push(
      unscheduled(SCREENING_VISITNUM, 1, plan.day0 - rng.int(1, Math.min(6, plan.day0 - plan.screeningDay - 1)), false),
    );
  }
  if (course === null) return visits;

  const lastDay = course.withdrawal === null ? Infinity : plan.day0 + course.withdrawal.day;
  const scheduled: SimVisit[] = [];
  for (const v of SCHEDULED_VISITS) {
    const date = plan.day0 + v.day + (v.window > 0 ? rng.int(-v.window, v.window) : 0);
    const missed = v.num === plan.missVisit || (v.num > 2 && v.num < 10 && rng.bernoulli(P_MISSED));
    if (date > lastDay) break;
    if (!missed) scheduled.push({ num: v.num, label: v.label, date, kind: 'scheduled', disease: true, labs: true });
  }
  visits.push(...scheduled);

  const end = scheduled.at(-1)?.date ?? plan.day0;
  const taken = new Set(scheduled.map((v) => v.date));
  const perPrevious = new Map<number, number>();
  for (const f of course.flares) {
    if (!rng.bernoulli(P_FLARE_VISIT)) continue;
    const date = plan.day0 + f.onset + rng.int(2, 10);
    if (date >= end || date > lastDay) continue;
    if ([-3, -2, -1, 0, 1, 2, 3].some((d) => taken.has(date + d))) continue;
    const previous = scheduled.filter((v) => v.date < date).at(-1)?.num ?? 2;
    const k = (perPrevious.get(previous) ?? 0) + 1;
    perPrevious.set(previous, k);
    taken.add(date);
    visits.push(unscheduled(previous, k, date, true));
  }
  return visits.sort((a, b) => a.date - b.date || a.num - b.num);
}
