import { describe, expect, it } from 'vitest';
import { createPrng } from '../../src/core/prng.js';
import { drawProTraits, proRows } from '../../src/simulate/pros.js';
import type { SimVisit } from '../../src/simulate/types.js';

const v: SimVisit = { num: 5, label: 'WEEK 12', date: 20_200, kind: 'scheduled', disease: true, labs: true };

describe('proRows', () => {
  const rng = createPrng('pro');
  const sample = (sledai: number) =>
    Array.from({ length: 300 }, () => proRows(rng, 'U', v, drawProTraits(rng), sledai)).flat();
  const quiet = sample(2);
  const active = sample(16);
  const mean = (rows: typeof quiet, code: string) => {
    const xs = rows.filter((r) => r.QSTESTCD === code && r.QSSTRESN !== '').map((r) => Number(r.QSSTRESN));
    return xs.reduce((a, b) => a + b, 0) / xs.length;
  };

  it('keeps every result in its instrument’s range, item scales whole numbers', () => {
    for (const r of [...quiet, ...active]) {
      if (r.QSSTAT === 'NOT DONE') {
        expect(r.QSSTRESN).toBe('');
        continue;
      }
      const x = Number(r.QSSTRESN);
      if (r.QSCAT?.startsWith('PROMIS')) expect([1, 2, 3, 4, 5]).toContain(x);
      else if (r.QSCAT === 'LIT') expect([0, 1, 2, 3, 4]).toContain(x);
      else if (r.QSCAT === 'LUPUSPRO') expect(x >= 0 && x <= 100).toBe(true);
      else expect(x >= 10 && x <= 70).toBe(true);
    }
    expect(quiet.some((r) => r.QSSTAT === 'NOT DONE')).toBe(true);
  });

  it('is better with lower disease activity (SF-36 PCS higher, PROMIS fatigue lower, LupusPRO higher)', () => {
    expect(mean(quiet, 'SF36PCS') - mean(active, 'SF36PCS')).toBeGreaterThan(5);
    expect(mean(active, 'PRFA01') - mean(quiet, 'PRFA01')).toBeGreaterThan(0.5);
    expect(mean(quiet, 'LPROHRQ') - mean(active, 'LPROHRQ')).toBeGreaterThan(10);
  });
});
