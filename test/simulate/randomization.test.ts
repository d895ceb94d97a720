import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createPrng } from '../../src/core/prng.js';
import { assignArms, randomizationCsv } from '../../src/simulate/randomization.js';
import { planTrial } from '../../src/simulate/trial-plan.js';

describe('assignArms: stratified permuted blocks', () => {
  const requests = Array.from({ length: 301 }, (_, i) => ({
    index: i,
    randDay: 1000 + (i % 97),
    stratum: i % 3 === 0 ? ('<10' as const) : ('>=10' as const),
  }));
  const out = assignArms(createPrng('blocks'), requests);

  it('keeps every stratum balanced within one block at every point of its list (|max − min| ≤ 2)', () => {
    for (const stratum of ['<10', '>=10'] as const) {
      const list = requests
        .filter((r) => r.stratum === stratum)
        .sort((a, b) => a.randDay - b.randDay || a.index - b.index)
        .map((r) => out.get(r.index)?.armcd);
      const counts: Record<string, number> = { PBO: 0, MSC1E6: 0, MSC5E6: 0 };
      for (const a of list) {
        counts[a as string] = (counts[a as string] ?? 0) + 1;
        const c = Object.values(counts);
        expect(Math.max(...c) - Math.min(...c)).toBeLessThanOrEqual(2);
      }
    }
  });

  it('numbers each stratum list from 1 with its stratum digit, all unique', () => {
    const randnos = [...out.values()].map((a) => a.randno);
    expect(new Set(randnos).size).toBe(301);
    expect(randnos.filter((r) => r.startsWith('1')).sort()[0]).toBe('1001');
    expect(randnos.filter((r) => r.startsWith('2')).sort()[0]).toBe('2001');
  });
});

describe('randomizationCsv', () => {
  it('has the columns of randomization.md, one row per subject, ACTARMCD empty exactly when never infused', () => {
    const plan = planTrial('rand-file', 40);
    const rows = parse(randomizationCsv(plan.subjects), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'STUDYID',
      'USUBJID',
      'RANDNO',
      'RANDDT',
      'STRATUM',
      'ARMCD',
      'ARM',
      'ACTARMCD',
    ]);
    expect(rows).toHaveLength(40);
    const names: Record<string, string> = {
      PBO: 'Placebo',
      MSC1E6: 'MSC 1x10^6 cells/kg',
      MSC5E6: 'MSC 5x10^6 cells/kg',
    };
    for (const r of rows) {
      const p = plan.subjects.find((s) => s.usubjid === r.USUBJID);
      expect(r.ARM).toBe(names[r.ARMCD as string]);
      expect(r.ACTARMCD === '').toBe(p?.actarmcd === null);
    }
  });
});
