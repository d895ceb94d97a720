import { describe, expect, it } from 'vitest';
import { formatCell } from '../../src/render/cell.js';
import type { StatRef } from '../../src/render/table-spec.js';
import type { ArdStat } from '../../src/ard/vocabulary.js';

// Expected strings: SAP §3 rules applied by hand to the literal values below (exact comparison).
const reader = (values: Record<string, number | null>) => (ref: StatRef) => {
  const v = values[ref.stat];
  if (v === undefined) throw new Error(`no ${ref.stat}`);
  return v;
};
const s = (stat: ArdStat): StatRef => ({ stat });

describe('formatCell', () => {
  it('number, count and countPct', () => {
    expect(formatCell({ kind: 'number', decimals: 1, value: s('mean') }, reader({ mean: 2.25 }))).toBe('2.3');
    expect(formatCell({ kind: 'count', value: s('n') }, reader({ n: 12 }))).toBe('12');
    expect(formatCell({ kind: 'count', value: s('n') }, reader({ n: null }))).toBe('NE');
    expect(() => formatCell({ kind: 'count', value: s('n') }, reader({ n: 1.5 }))).toThrow(RangeError);
    expect(formatCell({ kind: 'countPct', n: s('n'), bigN: s('N') }, reader({ n: 8, N: 27 }))).toBe('8 (29.6)');
  });
  it('meanSd and pair with their own decimals', () => {
    const meanSd = { kind: 'meanSd', meanDecimals: 1, sdDecimals: 2, mean: s('mean'), sd: s('sd') } as const;
    expect(formatCell(meanSd, reader({ mean: -4.25, sd: 3.125 }))).toBe('-4.3 (3.13)');
    expect(formatCell(meanSd, reader({ mean: 10, sd: null }))).toBe('10.0 (NE)');
    expect(
      formatCell({ kind: 'pair', decimals: 0, first: s('min'), second: s('max') }, reader({ min: -12, max: 4 })),
    ).toBe('-12, 4');
  });
  it('estimateCi in the three scales', () => {
    const ci = (scale: 'number' | 'percent' | 'ratio', decimals: number) =>
      ({
        kind: 'estimateCi',
        scale,
        decimals,
        estimate: s('diff'),
        lower: s('diff_lcl'),
        upper: s('diff_ucl'),
      }) as const;
    const v = reader({ diff: 0.14815, diff_lcl: -0.0875, diff_ucl: 0.3625 });
    expect(formatCell(ci('percent', 1), v)).toBe('14.8 (-8.8, 36.3)');
    expect(formatCell(ci('number', 3), v)).toBe('0.148 (-0.088, 0.363)');
    expect(formatCell(ci('ratio', 9), reader({ diff: 2.125, diff_lcl: 0.675, diff_ucl: null }))).toBe(
      '2.13 (0.68, NE)',
    );
  });
  it('pValue', () => {
    expect(formatCell({ kind: 'pValue', value: s('p') }, reader({ p: 0.0004 }))).toBe('<0.001');
    expect(formatCell({ kind: 'pValue', value: s('p') }, reader({ p: 0.0455 }))).toBe('0.046');
  });
});

describe('formatCell countPct with its denominator', () => {
  it('prints n/N (pct) when the row denominator is not the column N', () => {
    const read = (v: Record<string, number>) => (ref: StatRef) => v[ref.stat] ?? null;
    const format = { kind: 'countPct', n: { stat: 'n' }, bigN: { stat: 'N' }, showDenominator: true } as const;
    // 13/27 = 48.15 % → 48.1; 0 of 24 prints no percentage, as n (%) does.
    expect(formatCell(format, read({ n: 13, N: 27 }))).toBe('13/27 (48.1)');
    expect(formatCell(format, read({ n: 0, N: 24 }))).toBe('0/24');
    expect(formatCell({ ...format, showDenominator: false }, read({ n: 13, N: 27 }))).toBe('13 (48.1)');
  });
});
