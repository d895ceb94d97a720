import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPrng, cyrb128 } from '../../src/core/prng.js';

interface PrngFixture {
  readonly cyrb128: readonly number[];
  readonly uint32: readonly number[];
  readonly uniform: readonly string[];
}
// Source: test/fixtures/prng/make-prng.py, an independent Python re-implementation (exact integers).
const fixture = JSON.parse(readFileSync(new URL('../fixtures/prng/prng.json', import.meta.url), 'utf8')) as Record<
  string,
  PrngFixture
>;

describe('createPrng: the stream', () => {
  for (const [seed, ref] of Object.entries(fixture)) {
    it(`matches the Python re-implementation bit for bit for seed "${seed}" (exact)`, () => {
      expect(cyrb128(seed)).toEqual(ref.cyrb128);
      const a = createPrng(seed);
      expect(Array.from({ length: ref.uint32.length }, () => a.nextUint32())).toEqual(ref.uint32);
      const b = createPrng(seed);
      // Python's repr gives the shortest round-trip text of the same double.
      expect(Array.from({ length: ref.uniform.length }, () => b.uniform())).toEqual(ref.uniform.map(Number));
    });
  }

  it('is the same for the same seed and differs for another seed', () => {
    const draw = (s: string | number) => {
      const r = createPrng(s);
      return Array.from({ length: 20 }, () => r.uniform());
    };
    expect(draw('x')).toEqual(draw('x'));
    expect(draw('x')).not.toEqual(draw('y'));
    // A number seeds as its decimal text.
    expect(draw(20270115)).toEqual(draw('20270115'));
  });
});

describe('createPrng: distributions (200,000 draws; bounds are 5 standard errors)', () => {
  const N = 200_000;

  it('uniform lies in [0, 1) with mean 1/2 and variance 1/12', () => {
    const r = createPrng('uniform');
    let s = 0;
    let s2 = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < N; i++) {
      const u = r.uniform();
      s += u;
      s2 += u * u;
      if (u < min) min = u;
      if (u > max) max = u;
    }
    const mean = s / N;
    const variance = s2 / N - mean * mean;
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N));
    // SD of the sample variance of U(0,1) is sqrt(1/180 / N).
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * Math.sqrt(1 / 180 / N));
  });

  it('int covers [lo, hi] inclusively with equal frequencies (chi-square below its 0.9999 quantile)', () => {
    const r = createPrng('int');
    const counts = new Map<number, number>();
    for (let i = 0; i < N; i++) {
      const k = r.int(-3, 6);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([-3, -2, -1, 0, 1, 2, 3, 4, 5, 6]);
    const e = N / 10;
    let chi2 = 0;
    for (const c of counts.values()) chi2 += (c - e) ** 2 / e;
    // qchisq(0.9999, 9) = 33.72 (R).
    expect(chi2).toBeLessThan(33.72);
    expect(r.int(7, 7)).toBe(7);
    expect(() => r.int(2, 1)).toThrow(RangeError);
    expect(() => r.int(0.5, 2)).toThrow(RangeError);
  });

  it('normal has the requested mean and SD, and symmetric tails', () => {
    const r = createPrng('normal');
    let s = 0;
    let s2 = 0;
    let s3 = 0;
    let beyond196 = 0;
    for (let i = 0; i < N; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
      s3 += z * z * z;
      if (Math.abs(z) > 1.959964) beyond196++;
    }
    const mean = s / N;
    const variance = s2 / N - mean * mean;
    expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(1 / N));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
    // Third moment of N(0,1) is 0 with SD sqrt(15 / N).
    expect(Math.abs(s3 / N)).toBeLessThan(5 * Math.sqrt(15 / N));
    expect(Math.abs(beyond196 / N - 0.05)).toBeLessThan(5 * Math.sqrt((0.05 * 0.95) / N));
    const shifted = createPrng('normal2');
    let t = 0;
    for (let i = 0; i < 10_000; i++) t += shifted.normal(10, 2);
    expect(Math.abs(t / 10_000 - 10)).toBeLessThan(5 * (2 / Math.sqrt(10_000)));
  });

  it('bernoulli and weighted give the requested proportions', () => {
    const r = createPrng('bern');
    let hits = 0;
    for (let i = 0; i < N; i++) if (r.bernoulli(0.3)) hits++;
    expect(Math.abs(hits / N - 0.3)).toBeLessThan(5 * Math.sqrt(0.21 / N));
    let a = 0;
    let c = 0;
    for (let i = 0; i < N; i++) {
      const x = r.weighted([
        ['a', 1],
        ['b', 0],
        ['c', 3],
      ] as const);
      if (x === 'a') a++;
      else if (x === 'c') c++;
      else throw new Error('zero-weight item drawn');
    }
    expect(a + c).toBe(N);
    expect(Math.abs(a / N - 0.25)).toBeLessThan(5 * Math.sqrt(0.1875 / N));
    expect(() => r.weighted([['a', 0]])).toThrow(RangeError);
    expect(() => r.choice([])).toThrow(RangeError);
  });

  it('shuffle returns a permutation and makes all 6 orders of 3 items about equally often', () => {
    const r = createPrng('shuffle');
    const items = ['a', 'b', 'c'] as const;
    const counts = new Map<string, number>();
    const M = 60_000;
    for (let i = 0; i < M; i++) {
      const s = r.shuffle(items);
      if ([...s].sort().join('') !== 'abc') throw new Error(`not a permutation: ${s.join('')}`);
      const key = s.join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const c of counts.values()) expect(Math.abs(c / M - 1 / 6)).toBeLessThan(5 * Math.sqrt(5 / 36 / M));
    expect(items).toEqual(['a', 'b', 'c']);
  });
});
