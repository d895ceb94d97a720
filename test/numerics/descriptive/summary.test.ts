import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { accurateSum } from '../../../src/numerics/descriptive/accurate-sum.js';
import { quantileType2 } from '../../../src/numerics/descriptive/quantile.js';
import { ascendingValues, summarize, type Summary } from '../../../src/numerics/descriptive/summary.js';

// Source: test/fixtures/descriptive/make-descriptive.R (R 4.2.2: mean, sd, quantile(type = 2), min, max).
interface SummaryCase {
  name: string;
  x: number[];
  n: number;
  mean: number;
  sd: number | null;
  min: number;
  max: number;
  probs: number[];
  quantiles: number[];
}
const { summaries } = JSON.parse(
  readFileSync(new URL('../../fixtures/descriptive/descriptive.json', import.meta.url), 'utf8'),
) as { summaries: SummaryCase[] };
const rel = (a: number | null, b: number) => Math.abs((a as number) - b) / Math.max(Math.abs(b), 1e-300);
const at = (c: SummaryCase, p: number) => c.quantiles[c.probs.indexOf(p)] as number;

describe('summarize', () => {
  it('matches R: mean and sd to 1e-14 relative; median, quartiles, min, max exactly', () => {
    for (const c of summaries) {
      const s = summarize(c.x);
      expect(s.n).toBe(c.n);
      expect(rel(s.mean, c.mean), `${c.name} mean`).toBeLessThan(1e-14);
      if (c.sd === null) expect(s.sd).toBeNull();
      else expect(rel(s.sd, c.sd), `${c.name} sd`).toBeLessThan(1e-14);
      expect(s.median).toBe(at(c, 0.5));
      expect(s.q1).toBe(at(c, 0.25));
      expect(s.q3).toBe(at(c, 0.75));
      expect(s.min).toBe(c.min);
      expect(s.max).toBe(c.max);
    }
  });

  it('keeps the SD of data with a large common offset (R: 1e8 + runif(25)) to 1e-14 relative', () => {
    const c = summaries.find((s) => s.name === 'offset25') as SummaryCase;
    expect(rel(summarize(c.x).sd, c.sd as number)).toBeLessThan(1e-14);
  });

  it('skips nulls (missing values) and counts only the values present', () => {
    const s = summarize([null, 2, null, 4]);
    expect(s).toEqual({ n: 2, mean: 3, sd: Math.SQRT2, median: 3, q1: 2, q3: 4, min: 2, max: 4 });
  });

  it('gives n = 0 and every other field null without values', () => {
    expect(summarize([null, null])).toEqual({
      n: 0,
      mean: null,
      sd: null,
      median: null,
      q1: null,
      q3: null,
      min: null,
      max: null,
    });
    expect(summarize([])).toMatchObject({ n: 0, mean: null });
  });

  it('gives a null SD with one value', () => {
    expect(summarize([7])).toEqual({ n: 1, mean: 7, sd: null, median: 7, q1: 7, q3: 7, min: 7, max: 7 });
  });

  it('rejects non-finite values', () => {
    expect(() => summarize([1, Number.NaN])).toThrow(RangeError);
    expect(() => summarize([1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});

/** summarize as it was before the typed-array sort (2026-12-05): the reference of the equivalence test. */
function summarizeWithComparatorSort(values: readonly (number | null)[]): Summary {
  const x: number[] = [];
  for (const v of values) {
    if (v === null) continue;
    if (!Number.isFinite(v)) throw new RangeError(`summarize: non-finite value ${v}`);
    x.push(v);
  }
  const n = x.length;
  if (n === 0) return { n, mean: null, sd: null, median: null, q1: null, q3: null, min: null, max: null };
  x.sort((a, b) => a - b);
  const first = accurateSum(x) / n;
  const mean = first + accurateSum(x.map((v) => v - first)) / n;
  return {
    n,
    mean,
    sd: n > 1 ? Math.sqrt(accurateSum(x.map((v) => (v - mean) ** 2)) / (n - 1)) : null,
    median: quantileType2(x, 0.5),
    q1: quantileType2(x, 0.25),
    q3: quantileType2(x, 0.75),
    min: x[0] as number,
    max: x[n - 1] as number,
  };
}

describe('summarize sorts as the comparator sort did (same bits, −0 included)', () => {
  const value = fc.oneof(
    fc.constant(null),
    fc.constantFrom(0, -0, 1, -1, 0.1, 1e8),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
    fc.integer({ min: -50, max: 50 }),
  );

  it('gives every statistic bit for bit as sorting with (a, b) => a − b', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), (values) => {
        const got = summarize(values);
        const want = summarizeWithComparatorSort(values);
        for (const k of Object.keys(want) as (keyof Summary)[]) expect(Object.is(got[k], want[k])).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('puts −0 where the comparator sort does: its minimum of [0, −0] is 0, of [−0, 0] −0', () => {
    expect(Object.is(summarize([0, -0]).min, 0)).toBe(true);
    expect(Object.is(summarize([-0, 0]).min, -0)).toBe(true);
    const v = [3, null, -1, 2];
    expect([...ascendingValues(v.length, (i) => v[i] as number | null)]).toEqual([-1, 2, 3]);
  });
});
