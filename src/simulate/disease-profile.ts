/**
 * A subject's lupus at entry: organ involvement by BILAG-2004 domain with the SLEDAI-2K descriptors it
 * shows, serological activity and usual laboratory values. Frequencies follow moderate-to-severe SLE
 * trial populations (musculoskeletal and mucocutaneous most common, renal in about a quarter, serology
 * active in about two thirds; e.g. Furie et al., Lancet 2011, BLISS-76 baseline table).
 */
import type { Prng } from '../core/prng.js';
import type { BilagDomain, LabCode } from './code-lists.js';
import { clamp } from './numbers.js';
import type { DiseaseProfile, Levels } from './types.js';

const ALL_DOMAINS: readonly BilagDomain[] = ['CONS', 'MUCO', 'NEUR', 'MUSK', 'CARD', 'GAST', 'OPHT', 'RENL', 'HAEM'];

/** Probability that the domain is active at entry, and the distribution of its level when it is. */
const INVOLVEMENT: Readonly<
  Record<BilagDomain, { readonly p: number; readonly levels: readonly (readonly [number, number])[] }>
> = {
  MUSK: {
    p: 0.78,
    levels: [
      [1, 0.12],
      [2, 0.73],
      [3, 0.15],
    ],
  },
  MUCO: {
    p: 0.72,
    levels: [
      [1, 0.3],
      [2, 0.6],
      [3, 0.1],
    ],
  },
  RENL: {
    p: 0.24,
    levels: [
      [1, 0.2],
      [2, 0.5],
      [3, 0.3],
    ],
  },
  HAEM: {
    p: 0.18,
    levels: [
      [1, 0.45],
      [2, 0.5],
      [3, 0.05],
    ],
  },
  CARD: {
    p: 0.1,
    levels: [
      [1, 0.3],
      [2, 0.7],
    ],
  },
  CONS: {
    p: 0.12,
    levels: [
      [1, 0.5],
      [2, 0.5],
    ],
  },
  NEUR: { p: 0.02, levels: [[2, 1]] },
  GAST: { p: 0.01, levels: [[2, 1]] },
  OPHT: { p: 0.01, levels: [[2, 1]] },
};

/** SLEDAI-2K descriptors by domain; the first listed appear first as activity rises. */
function drawSigns(rng: Prng): Record<BilagDomain, readonly string[]> {
  const muco = rng.shuffle(
    [
      ['SLED15', 0.8],
      ['SLED16', 0.45],
      ['SLED17', 0.35],
    ]
      .filter(([, p]) => rng.bernoulli(p as number))
      .map(([c]) => c as string),
  );
  if (muco.length === 0) muco.push('SLED15');
  if (rng.bernoulli(0.08)) muco.push('SLED08');
  const musk = ['SLED09', ...(rng.bernoulli(0.15) ? ['SLED10'] : [])];
  const renal = [
    'SLED13',
    ...(rng.bernoulli(0.55) ? ['SLED12'] : []),
    ...(rng.bernoulli(0.35) ? ['SLED14'] : []),
    ...(rng.bernoulli(0.3) ? ['SLED11'] : []),
  ];
  return {
    CONS: ['SLED22'],
    MUCO: muco,
    NEUR: [
      rng.weighted([
        ['SLED06', 0.5],
        ['SLED05', 0.25],
        ['SLED01', 0.1],
        ['SLED02', 0.05],
        ['SLED03', 0.05],
        ['SLED07', 0.05],
      ]),
    ],
    MUSK: musk,
    CARD: [rng.bernoulli(0.75) ? 'SLED18' : 'SLED19'],
    GAST: [],
    OPHT: ['SLED04'],
    RENL: renal,
    // Cytopenias come from the blood counts (labs.ts), not from a sign.
    HAEM: [],
  };
}

function drawLabTraits(rng: Prng, sex: 'F' | 'M'): Record<LabCode, number> {
  return {
    C3: clamp(rng.normal(1.18, 0.14), 0.92, 1.6),
    C4: clamp(rng.normal(0.24, 0.05), 0.12, 0.38),
    DSDNA: rng.normal(Math.log(9), 0.5),
    PROTCRT: rng.normal(Math.log(0.09), 0.3),
    WBC: clamp(rng.normal(6.2, 1.3), 4.1, 10),
    LYM: clamp(rng.normal(0.22, 0.06), 0.1, 0.38), // fraction of WBC: lymphopenia is common in SLE
    NEUT: clamp(rng.normal(0.66, 0.06), 0.5, 0.8), // fraction of WBC
    PLAT: clamp(rng.normal(255, 55), 160, 420),
    HGB: clamp(rng.normal(sex === 'F' ? 128 : 143, 9), sex === 'F' ? 108 : 120, sex === 'F' ? 155 : 170),
  };
}

/** Draw one subject's disease at entry (before the screening noise; see clinical-state.ts). */
export function drawDiseaseProfile(rng: Prng, sex: 'F' | 'M'): DiseaseProfile {
  const baseLevel = {} as Levels;
  const history = {} as Record<BilagDomain, boolean>;
  const organOffset = {} as Levels;
  for (const d of ALL_DOMAINS) {
    const inv = INVOLVEMENT[d];
    baseLevel[d] = rng.bernoulli(inv.p) ? rng.weighted(inv.levels) : 0;
    history[d] = baseLevel[d] > 0 || rng.bernoulli(d === 'MUSK' || d === 'MUCO' ? 0.5 : 0.15);
    organOffset[d] = rng.normal(0, 0.15);
  }
  const serologyActive = rng.bernoulli(0.7);
  const complementActivity =
    serologyActive && rng.bernoulli(0.7) ? clamp(rng.normal(1, 0.35), 0.3, 1.8) : clamp(rng.normal(0.1, 0.1), 0, 0.4);
  const dnaActivity = serologyActive ? clamp(rng.normal(1, 0.4), 0.2, 2) : clamp(rng.normal(0.05, 0.1), 0, 0.3);
  return {
    baseLevel,
    history,
    signs: drawSigns(rng),
    cytopenia: rng.weighted([
      ['WBC', 0.55],
      ['PLAT', 0.3],
      ['HGB', 0.15],
    ]),
    complementActivity,
    dnaActivity,
    labTraits: drawLabTraits(rng, sex),
    pgaOffset: rng.normal(0, 0.15),
    organOffset,
  };
}

export { ALL_DOMAINS };
