import { describe, expect, it } from 'vitest';
import { createPrng } from '../../src/core/prng.js';
import { drawDiseaseProfile } from '../../src/simulate/disease-profile.js';
import { sledaiPresent, sledaiRows, sledaiTotal } from '../../src/simulate/sledai.js';
import type { ClinicalState, Levels, SimVisit } from '../../src/simulate/types.js';

const quiet: Levels = { CONS: 0, MUCO: 0, NEUR: 0, MUSK: 0, CARD: 0, GAST: 0, OPHT: 0, RENL: 0, HAEM: 0 };
const normalLabs = { C3: 1.1, C4: 0.2, DSDNA: 12, PROTCRT: 0.1, WBC: 6, LYM: 1.5, NEUT: 4, PLAT: 250, HGB: 130 };
const profile = {
  ...drawDiseaseProfile(createPrng('p'), 'F'),
  signs: {
    CONS: ['SLED22'],
    MUCO: ['SLED15', 'SLED16', 'SLED08'],
    NEUR: ['SLED06'],
    MUSK: ['SLED09', 'SLED10'],
    CARD: ['SLED18'],
    GAST: [],
    OPHT: ['SLED04'],
    RENL: ['SLED13', 'SLED12', 'SLED11'],
    HAEM: [],
  },
};
const state = (levels: Partial<Levels>, labs: Partial<typeof normalLabs> = {}): ClinicalState => ({
  levels: { ...quiet, ...levels },
  labs: { ...normalLabs, ...labs },
});

describe('sledaiPresent: descriptors from organ levels and reported labs (hand-worked cases)', () => {
  it('shows nothing for a quiet state with normal labs', () => {
    expect([...sledaiPresent(profile, state({}))]).toEqual([]);
  });

  it('adds signs as a domain’s level rises', () => {
    expect([...sledaiPresent(profile, state({ MUCO: 1 }))].sort()).toEqual(['SLED15']);
    expect([...sledaiPresent(profile, state({ MUCO: 2 }))].sort()).toEqual(['SLED15', 'SLED16']);
    expect([...sledaiPresent(profile, state({ MUCO: 3 }))].sort()).toEqual(['SLED08', 'SLED15', 'SLED16']);
    expect([...sledaiPresent(profile, state({ MUSK: 1 }))]).toEqual([]);
    expect([...sledaiPresent(profile, state({ MUSK: 3 }))].sort()).toEqual(['SLED09', 'SLED10']);
    expect([...sledaiPresent(profile, state({ RENL: 2 }))].sort()).toEqual(['SLED12']);
  });

  it('reads the laboratory descriptors at their thresholds (strict inequalities)', () => {
    expect([
      ...sledaiPresent(profile, state({}, { PROTCRT: 0.5, C3: 0.9, C4: 0.1, DSDNA: 30, PLAT: 100, WBC: 3 })),
    ]).toEqual([]);
    expect(
      [...sledaiPresent(profile, state({}, { PROTCRT: 0.51, C3: 0.89, DSDNA: 31, PLAT: 99, WBC: 2.9 }))].sort(),
    ).toEqual(['SLED13', 'SLED20', 'SLED21', 'SLED23', 'SLED24']);
  });

  it('totals the instrument weights (arthritis 4 + rash 2 + alopecia 2 + low complement 2 = 10)', () => {
    expect(sledaiTotal(new Set(['SLED09', 'SLED15', 'SLED16', 'SLED20']))).toBe(10);
    expect(sledaiTotal(new Set())).toBe(0);
  });

  it('writes 24 rows, with one NOT DONE descriptor when asked (probability 1)', () => {
    const v: SimVisit = { num: 5, label: 'WEEK 12', date: 20_200, kind: 'scheduled', disease: true, labs: true };
    const rows = sledaiRows(createPrng('nd'), 'SLEMSC01-101-001', v, new Set(['SLED09']), 1);
    expect(rows).toHaveLength(24);
    const nd = rows.filter((r) => r.QSSTAT === 'NOT DONE');
    expect(nd).toHaveLength(1);
    expect(nd[0]?.QSORRES).toBe('');
    expect(nd[0]?.QSSTRESC).toBe('');
    expect(rows.find((r) => r.QSTESTCD === 'SLED09')?.QSSTRESC).toBe('Y');
    expect(rows.every((r) => r.QSDTC === '2025-04-22' && r.VISITNUM === '5' && r.VISIT === 'WEEK 12')).toBe(true);
  });
});
