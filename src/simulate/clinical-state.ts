/**
 * The latent disease activity model: the true state of each organ domain and of the laboratory values on
 * a given protocol day.
 *
 * Level of domain d on day t (0 none … 3 severe):
 *   x = L0·m(t) + u_d + e_d,  level = clamp(round(x), 0, L0), then raised to a flare's level while a flare
 *   of d is active (peak level in its first half, one less in its second half);
 *   m(t) = 1 for t ≤ 0 and target + (1 − target)·exp(−t/tau) after the infusion (the arm's effect);
 *   u_d is the subject's persistent offset and e_d an AR(1) noise across assessments (ρ = 0.8, SD 0.22),
 *   so organs wax and wane without ever exceeding their entry level outside a flare.
 * Serology follows m(t) at 55% strength (complement and anti-dsDNA respond less than clinical signs) and
 * rises during renal flares. Laboratory values are returned rounded as the laboratory reports them, so
 * that the SLEDAI-2K laboratory descriptors agree with the printed results.
 */
import type { Prng } from '../core/prng.js';
import type { LabCode } from './code-lists.js';
import { LAB_TESTS } from './code-lists.js';
import { ALL_DOMAINS } from './disease-profile.js';
import { clamp, roundTo } from './numbers.js';
import type { ClinicalState, DiseaseCourse, DiseaseProfile, Levels } from './types.js';

/** What the model remembers between a subject's assessments (mutated in date order). */
export interface ActivityMemory {
  readonly noise: Levels;
}

export function newActivityMemory(): ActivityMemory {
  return { noise: { CONS: 0, MUCO: 0, NEUR: 0, MUSK: 0, CARD: 0, GAST: 0, OPHT: 0, RENL: 0, HAEM: 0 } };
}

/** Fraction of entry activity left on protocol day t. */
export function activityFactor(course: DiseaseCourse | null, t: number): number {
  if (course === null || t <= 0) return 1;
  return course.target + (1 - course.target) * Math.exp(-t / course.tau);
}

function flareLevels(course: DiseaseCourse | null, t: number): Partial<Levels> {
  const out: Partial<Levels> = {};
  if (course === null) return out;
  for (const f of course.flares) {
    const since = t - f.onset;
    if (since < 0 || since >= f.duration) continue;
    const level = since < f.duration / 2 ? f.severity : f.severity - 1;
    out[f.domain] = Math.max(out[f.domain] ?? 0, level);
  }
  return out;
}

const DECIMALS: ReadonlyMap<LabCode, number> = new Map(LAB_TESTS.map((t) => [t.code, t.decimals]));
const reported = (code: LabCode, x: number): number => roundTo(x, DECIMALS.get(code) ?? 2);

function drawLabs(
  rng: Prng,
  p: DiseaseProfile,
  levels: Levels,
  m: number,
  renalFlare: boolean,
): Record<LabCode, number> {
  const ms = 1 - 0.55 * (1 - m);
  const comp = Math.max(0, p.complementActivity * ms + (renalFlare ? 0.5 : 0) + rng.normal(0, 0.1));
  const dna = Math.max(0, p.dnaActivity * ms + (renalFlare ? 0.4 : 0) + rng.normal(0, 0.1));
  const tr = p.labTraits;
  const renal = levels.RENL;
  const upcr =
    renal === 0
      ? Math.exp(tr.PROTCRT + rng.normal(0, 0.25))
      : Math.exp(rng.normal(Math.log([0, 0.75, 1.5, 3.2][renal] ?? 1), renal === 1 ? 0.12 : 0.3));
  const haem = levels.HAEM;
  let wbc = tr.WBC * Math.exp(rng.normal(0, 0.1));
  let plat = tr.PLAT * Math.exp(rng.normal(0, 0.08));
  let hgb = tr.HGB + rng.normal(0, 4);
  if (haem > 0 && p.cytopenia === 'WBC') wbc = Math.min(2.9, (haem === 1 ? 2.75 : 2.3) + rng.normal(0, 0.12));
  if (haem > 0 && p.cytopenia === 'PLAT') plat = Math.max(12, [0, 118, 78, 38][haem]! + rng.normal(0, 8));
  if (haem > 0 && p.cytopenia === 'HGB') hgb -= [0, 16, 30, 42][haem]!;
  if (haem > 1 && p.cytopenia !== 'WBC') wbc = Math.min(wbc, 3.6 + rng.normal(0, 0.3));
  wbc = Math.max(1.2, wbc);
  return {
    C3: reported('C3', Math.max(0.15, p.labTraits.C3 - 0.45 * comp + rng.normal(0, 0.06))),
    C4: reported('C4', Math.max(0.02, p.labTraits.C4 - 0.14 * comp + rng.normal(0, 0.02))),
    DSDNA: reported('DSDNA', Math.exp(tr.DSDNA + 2.4 * dna + rng.normal(0, 0.2))),
    PROTCRT: reported('PROTCRT', Math.max(0.02, upcr)),
    WBC: reported('WBC', wbc),
    LYM: reported('LYM', wbc * tr.LYM * Math.exp(rng.normal(0, 0.1))),
    NEUT: reported('NEUT', wbc * tr.NEUT * Math.exp(rng.normal(0, 0.05))),
    PLAT: reported('PLAT', plat),
    HGB: reported('HGB', clamp(hgb, 60, 180)),
  };
}

/**
 * The true state on protocol day t. Call in date order for one subject: the AR(1) noise in `memory`
 * carries over. `course` is null before randomization (screening, or a subject never infused).
 */
export function drawClinicalState(
  rng: Prng,
  profile: DiseaseProfile,
  course: DiseaseCourse | null,
  t: number,
  memory: ActivityMemory,
): ClinicalState {
  const m = activityFactor(course, t);
  const flares = flareLevels(course, t);
  const levels = {} as Levels;
  for (const d of ALL_DOMAINS) {
    const l0 = profile.baseLevel[d];
    memory.noise[d] = 0.8 * memory.noise[d] + 0.6 * 0.22 * rng.normal();
    const x = l0 * m + (l0 > 0 ? profile.organOffset[d] + memory.noise[d] : 0);
    levels[d] = Math.max(clamp(Math.round(x), 0, l0), flares[d] ?? 0);
  }
  return { levels, labs: drawLabs(rng, profile, levels, m, (flares.RENL ?? 0) > 0) };
}
