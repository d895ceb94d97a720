import { describe, expect, it } from 'vitest';
import { INSTRUMENTS } from '../../src/lock/instruments.js';

// Expected values: shared/dts/instruments.md (counts and ranges as printed there; exact).
describe('INSTRUMENTS', () => {
  it('has the ten QSCATs of the contract', () => {
    expect(Object.keys(INSTRUMENTS).sort()).toEqual(
      [
        'BILAG-2004',
        'LIT',
        'LUPUSPRO',
        'PGA',
        'PROMIS DEPRESSION SF 8A',
        'PROMIS FATIGUE SF 7A',
        'PROMIS PAIN INTERFERENCE SF 6A',
        'SF-36 V2',
        'SLEDAI-2K',
        'SLICC/ACR DAMAGE INDEX',
      ].sort(),
    );
  });
  it('has the item counts of each instrument', () => {
    const n = (cat: string) => Object.keys(INSTRUMENTS[cat]?.tests ?? {}).length;
    expect([n('SLEDAI-2K'), n('BILAG-2004'), n('PGA'), n('SLICC/ACR DAMAGE INDEX'), n('SF-36 V2')]).toEqual([
      24, 9, 1, 12, 10,
    ]);
    expect([
      n('PROMIS FATIGUE SF 7A'),
      n('PROMIS PAIN INTERFERENCE SF 6A'),
      n('PROMIS DEPRESSION SF 8A'),
      n('LUPUSPRO'),
      n('LIT'),
    ]).toEqual([7, 6, 8, 14, 10]);
    expect(Object.keys(INSTRUMENTS['SLEDAI-2K']?.tests ?? {})).toContain('SLED24');
    expect(Object.keys(INSTRUMENTS.LIT?.tests ?? {})).toEqual(
      Array.from({ length: 10 }, (_, i) => `LIT${String(i + 1).padStart(2, '0')}`),
    );
  });
  it('SLICC/ACR DI system maxima sum to the index maximum 47', () => {
    const tests = INSTRUMENTS['SLICC/ACR DAMAGE INDEX']?.tests ?? {};
    expect(Object.values(tests).reduce((s, t) => s + (t.max ?? 0), 0)).toBe(47);
  });
  it('PROMIS raw sums span 7–35, 6–30, 8–40 with items 1–5', () => {
    for (const [cat, lo, hi] of [
      ['PROMIS FATIGUE SF 7A', 7, 35],
      ['PROMIS PAIN INTERFERENCE SF 6A', 6, 30],
      ['PROMIS DEPRESSION SF 8A', 8, 40],
    ] as const) {
      const ins = INSTRUMENTS[cat];
      const r = ins?.result;
      if (r?.kind !== 'number' || ins === undefined) throw new Error(cat);
      const k = Object.keys(ins.tests).length;
      expect([k * (r.min ?? NaN), k * (r.max ?? NaN)]).toEqual([lo, hi]);
    }
  });
});
