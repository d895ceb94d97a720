import { describe, expect, it } from 'vitest';
import { bilagGrades, bilagRows } from '../../src/simulate/bilag.js';
import type { BilagDomain } from '../../src/simulate/code-lists.js';
import type { Levels, SimVisit } from '../../src/simulate/types.js';

const none = {
  CONS: false,
  MUCO: false,
  NEUR: false,
  MUSK: false,
  CARD: false,
  GAST: false,
  OPHT: false,
  RENL: false,
  HAEM: false,
};
const levels = (l: Partial<Levels>): Levels => ({
  CONS: 0,
  MUCO: 0,
  NEUR: 0,
  MUSK: 0,
  CARD: 0,
  GAST: 0,
  OPHT: 0,
  RENL: 0,
  HAEM: 0,
  ...l,
});

describe('bilagGrades: levels to grades A–E', () => {
  it('maps 3 → A, 2 → B, 1 → C, and an inactive domain to E until it has been involved, then D', () => {
    const ever: Record<BilagDomain, boolean> = { ...none, MUCO: true };
    const g1 = bilagGrades(levels({ MUSK: 3, RENL: 2, HAEM: 1 }), ever);
    expect([g1.MUSK, g1.RENL, g1.HAEM, g1.MUCO, g1.CONS]).toEqual(['A', 'B', 'C', 'D', 'E']);
    const g2 = bilagGrades(levels({}), ever);
    expect([g2.MUSK, g2.RENL, g2.HAEM, g2.MUCO, g2.CONS]).toEqual(['D', 'D', 'D', 'D', 'E']);
  });

  it('writes the nine domains in the order of instruments.md', () => {
    const v: SimVisit = { num: 2, label: 'DAY 0', date: 20_100, kind: 'scheduled', disease: true, labs: true };
    const rows = bilagRows('SLEMSC01-101-001', v, bilagGrades(levels({ RENL: 3 }), { ...none }));
    expect(rows.map((r) => r.QSTESTCD)).toEqual([
      'BLGCONS',
      'BLGMUCO',
      'BLGNEUR',
      'BLGMUSK',
      'BLGCARD',
      'BLGGAST',
      'BLGOPHT',
      'BLGRENL',
      'BLGHAEM',
    ]);
    expect(rows.find((r) => r.QSTESTCD === 'BLGRENL')?.QSSTRESC).toBe('A');
  });
});
