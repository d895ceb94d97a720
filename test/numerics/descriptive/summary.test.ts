import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../../src/numerics/descriptive/summary.js';

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
