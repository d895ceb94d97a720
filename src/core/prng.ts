/**
 * A small seeded pseudo-random number generator for the trial simulator and the dummy randomization.
 *
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state, as in
 * PractRand), seeded by hashing the seed's text with cyrb128 (bryc, "PRNGs in JavaScript") and
 * discarding the first 15 outputs. Every step uses only 32-bit integer operations (`| 0`, `>>>`,
 * `Math.imul`), and doubles are formed from 53 random bits, so a seed gives the same stream on every
 * platform. The only functions beyond arithmetic are `Math.sqrt` (correctly rounded by IEEE 754) and
 * `Math.log` in `normal` (Marsaglia's polar method); V8 implements `Math.log` with its fdlibm port on
 * every platform, so streams are identical wherever Node 20 runs.
 *
 * Not cryptographic. Independent streams for different purposes come from different seed texts
 * (`createPrng(`${seed}/${usubjid}/labs`)`), so changing one part of a simulation does not shift
 * the random numbers of another.
 */
export interface Prng {
  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number;
  /** Uniform whole number in [lo, hi], both inclusive (unbiased, by rejection). */
  int(lo: number, hi: number): number;
  /** Normal deviate (Marsaglia polar method). */
  normal(mean?: number, sd?: number): number;
  /** `true` with probability p. */
  bernoulli(p: number): boolean;
  /** One element, uniformly. Throws on an empty array. */
  choice<T>(items: readonly T[]): T;
  /** One element with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** A shuffled copy (Fisher–Yates, Durstenfeld's in-place form). */
  shuffle<T>(items: readonly T[]): T[];
  /** Next raw 32-bit unsigned output. */
  nextUint32(): number;
}

/** cyrb128: four 32-bit hashes of a string (bryc, public domain). */
export function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32 step function over a 128-bit state. */
function sfc32(a0: number, b0: number, c0: number, d0: number): () => number {
  let a = a0 | 0;
  let b = b0 | 0;
  let c = c0 | 0;
  let d = d0 | 0;
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
}

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/** A generator seeded from a text or a whole number (a number seeds as its decimal text). */
export function createPrng(seed: string | number): Prng {
  const [a, b, c, d] = cyrb128(String(seed));
  const next = sfc32(a, b, c, d);
  // The first outputs of sfc32 still reflect the seed's structure; PractRand's reference discards 12.
  for (let i = 0; i < 15; i++) next();
  let spareNormal: number | null = null;

  const uniform = (): number => {
    const hi = next() >>> 5; // 27 bits
    const lo = next() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / TWO_POW_53;
  };

  const int = (lo: number, hi: number): number => {
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi < lo) {
      throw new RangeError(`int(${lo}, ${hi}): bounds must be whole numbers with lo <= hi`);
    }
    const range = hi - lo + 1;
    if (range > TWO_POW_32) throw new RangeError('int: range wider than 2^32');
    // Rejection keeps every value equally likely (no modulo bias).
    const limit = TWO_POW_32 - (TWO_POW_32 % range);
    let x = next();
    while (x >= limit) x = next();
    return lo + (x % range);
  };

  const standardNormal = (): number => {
    if (spareNormal !== null) {
      const z = spareNormal;
      spareNormal = null;
      return z;
    }
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spareNormal = v * f;
    return u * f;
  };

  const choice = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('choice: empty array');
    return items[int(0, items.length - 1)] as T;
  };

  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    let total = 0;
    for (const [, w] of items) {
      if (!(w >= 0)) throw new RangeError('weighted: weights must be >= 0');
      total += w;
    }
    if (!(total > 0)) throw new RangeError('weighted: no positive weight');
    let x = uniform() * total;
    for (const [item, w] of items) {
      if (x < w) return item;
      x -= w;
    }
    // Rounding can leave x just above the last weight: the last positive-weight item wins.
    for (let i = items.length - 1; i >= 0; i--) {
      const entry = items[i] as readonly [T, number];
      if (entry[1] > 0) return entry[0];
    }
    throw new RangeError('weighted: no positive weight');
  };

  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  };

  return {
    uniform,
    int,
    normal: (mean = 0, sd = 1) => mean + sd * standardNormal(),
    bernoulli: (p) => uniform() < p,
    choice,
    weighted,
    shuffle,
    nextUint32: next,
  };
}
