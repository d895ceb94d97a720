import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dataPrecision,
  decimalsFor,
  decimalsOf,
  formatCi,
  formatCountPct,
  formatEstimateCi,
  formatFractionAsPercent,
  formatNumber,
  formatP,
  formatPercent,
  formatRatio,
  roundHalfAwayFromZero,
} from '../../src/render/format.js';

// Source of every expected string: the SAP synopsis §3 rule (SAS ROUND, half away from zero on the
// decimal value) applied by hand to the decimal written in the test. Comparisons are exact.

describe('roundHalfAwayFromZero: half away from zero on the decimal value', () => {
  it.each([
    [0.125, 2, '0.13'],
    [1.005, 2, '1.01'],
    [2.675, 2, '2.68'],
    [-2.5, 0, '-3'],
    [2.5, 0, '3'],
    [-0.125, 2, '-0.13'],
    [0.5, 0, '1'],
    [1.4999999, 0, '1'],
    [0.045, 2, '0.05'],
    [1.0049999, 2, '1.00'],
    [123.456, 0, '123'],
    [9.995, 2, '10.00'],
    [-9.995, 2, '-10.00'],
    [0.95, 1, '1.0'],
  ])('%s to %s decimals is %s', (x, d, want) => {
    expect(roundHalfAwayFromZero(x, d)).toBe(want);
  });

  it('pads with zeros and keeps integers exact', () => {
    expect(roundHalfAwayFromZero(0, 3)).toBe('0.000');
    expect(roundHalfAwayFromZero(7, 2)).toBe('7.00');
    expect(roundHalfAwayFromZero(-7, 0)).toBe('-7');
    expect(roundHalfAwayFromZero(0.1 + 0.2, 1)).toBe('0.3');
  });

  it('writes a safe integer, scaled by a power of ten, exactly as BigInt arithmetic does', () => {
    const exact = (x: number, d: number, p: number) => {
      const v = BigInt(x) * 10n ** BigInt(p);
      const body = `${v < 0n ? -v : v}`;
      return `${v < 0n ? '-' : ''}${body}${d === 0 ? '' : `.${'0'.repeat(d)}`}`;
    };
    const integer = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }),
      fc.maxSafeInteger(),
      fc.constantFrom(-0, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER),
    );
    fc.assert(
      fc.property(integer, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (x, d, p) => {
        expect(roundHalfAwayFromZero(x, d, p)).toBe(exact(x, d, p));
      }),
    );
    expect(roundHalfAwayFromZero(-3, 1, 2)).toBe('-300.0');
    expect(roundHalfAwayFromZero(3, 0, -1)).toBe('0');
    expect(roundHalfAwayFromZero(5, 0, -1)).toBe('1');
  });

  it('never prints a negative zero', () => {
    expect(roundHalfAwayFromZero(-0.001, 2)).toBe('0.00');
    expect(roundHalfAwayFromZero(-0, 1)).toBe('0.0');
    expect(roundHalfAwayFromZero(-0.4, 0)).toBe('0');
    expect(roundHalfAwayFromZero(-0.005, 2)).toBe('-0.01');
  });

  it('handles huge and tiny numbers in positional notation', () => {
    expect(roundHalfAwayFromZero(1e21, 1)).toBe('1000000000000000000000.0');
    expect(roundHalfAwayFromZero(-1.5e22, 0)).toBe('-15000000000000000000000');
    expect(roundHalfAwayFromZero(1.7976931348623157e308, 0)).toBe('17976931348623157' + '0'.repeat(292));
    expect(roundHalfAwayFromZero(1e-7, 3)).toBe('0.000');
    expect(roundHalfAwayFromZero(5e-7, 6)).toBe('0.000001');
    expect(roundHalfAwayFromZero(-5e-324, 2)).toBe('0.00');
    expect(roundHalfAwayFromZero(1.25e-5, 6)).toBe('0.000013');
  });

  it('scales by a power of ten exactly (a fraction shown as a percentage)', () => {
    expect(roundHalfAwayFromZero(0.0145, 1, 2)).toBe('1.5'); // 0.0145*100 is 1.4499999999999997
    expect(roundHalfAwayFromZero(-0.00125, 1, 2)).toBe('-0.1');
    expect(roundHalfAwayFromZero(1234, 1, -2)).toBe('12.3');
  });

  it('rejects non-finite values and bad decimals', () => {
    expect(() => roundHalfAwayFromZero(Number.NaN, 1)).toThrow(RangeError);
    expect(() => roundHalfAwayFromZero(Number.POSITIVE_INFINITY, 1)).toThrow(RangeError);
    expect(() => roundHalfAwayFromZero(1, -1)).toThrow(RangeError);
    expect(() => roundHalfAwayFromZero(1, 1.5)).toThrow(RangeError);
    expect(() => roundHalfAwayFromZero(1, 1, 0.5)).toThrow(RangeError);
  });
});

describe('roundHalfAwayFromZero: properties', () => {
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 });
  const decimals = fc.integer({ min: 0, max: 6 });

  it('exact halves built from integers round away from zero', () => {
    // m·10^-(d+1) with last digit 5 written as a decimal string: the expected answer is integer arithmetic.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), decimals, fc.boolean(), (k, d, neg) => {
        const x = Number(`${neg ? '-' : ''}${k}5e-${d + 1}`);
        const units = BigInt(k) + 1n;
        const s = units.toString().padStart(d + 1, '0');
        const body = d === 0 ? s : `${s.slice(0, -d)}.${s.slice(-d)}`;
        expect(roundHalfAwayFromZero(x, d)).toBe(`${neg ? '-' : ''}${body}`);
      }),
    );
  });

  it('agrees with toFixed wherever the decimal value has more than d decimals and is not at a half', () => {
    // toFixed rounds the exact binary value; when the shortest decimal string has more than d
    // decimals, the two can differ only at a decimal half (no rounding boundary can lie between a
    // double and its shortest round-trip string otherwise). Source: ECMA-262 Number::toString/toFixed.
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: 0, max: 1e15 }), decimals, (x, d) => {
        const s = String(x);
        fc.pre(!s.includes('e'));
        const frac = s.split('.')[1] ?? '';
        fc.pre(frac.length > d && !(frac.length === d + 1 && frac.endsWith('5')));
        expect(roundHalfAwayFromZero(x, d)).toBe(x.toFixed(d));
      }),
      { numRuns: 500 },
    );
  });

  it('is odd: −x prints as x with a minus sign unless it rounds to zero', () => {
    fc.assert(
      fc.property(finite, decimals, (x, d) => {
        const pos = roundHalfAwayFromZero(Math.abs(x), d);
        const neg = roundHalfAwayFromZero(-Math.abs(x), d);
        expect(neg).toBe(/^[0.]+$/.test(pos) ? pos : `-${pos}`);
      }),
    );
  });

  it('is within half a unit of the last decimal and has exactly d decimals', () => {
    fc.assert(
      fc.property(finite, decimals, (x, d) => {
        const s = roundHalfAwayFromZero(x, d);
        expect(s.split('.')[1]?.length ?? 0).toBe(d);
        // Tolerance: half a unit in the last place plus the double's own relative spacing.
        expect(Math.abs(Number(s) - x)).toBeLessThanOrEqual(0.5 * 10 ** -d + Math.abs(x) * 4e-16);
      }),
    );
  });
});

describe('roundHalfAwayFromZero: the number-arithmetic path and the exact BigInt rounding agree', () => {
  // The reference: rounding on the shortest decimal string's digits as one BigInt (the module's general
  // path, written out here), which the number-arithmetic path for short decimals must match exactly.
  const exact = (x: number, d: number, p: number): string => {
    const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(x))) as RegExpExecArray;
    const frac = m[2] ?? '';
    const shift = Number(m[3] ?? 0) - frac.length + p + d;
    const digits = BigInt((m[1] as string) + frac);
    let units: bigint;
    if (shift >= 0) units = digits * 10n ** BigInt(shift);
    else {
      const divisor = 10n ** BigInt(-shift);
      units = digits / divisor + (2n * (digits % divisor) >= divisor ? 1n : 0n);
    }
    const s = units.toString().padStart(d + 1, '0');
    const body = d === 0 ? s : `${s.slice(0, s.length - d)}.${s.slice(s.length - d)}`;
    return x < 0 && units !== 0n ? `-${body}` : body;
  };
  /** Values as an ARD holds them: a few significant decimals, at or near a half, of any size. */
  const decimalValue = fc
    .tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 17 }), fc.constantFrom(0, 5, 4, 6, 9, 1))
    .map(([m, k, last]) => Number(`${m}${last}e-${k}`));
  const anyDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
  const value = fc.oneof(decimalValue, anyDouble, fc.double({ noNaN: true, min: -1e6, max: 1e6 }));

  it('for every value, 0–20 decimals and a shift of −3 to 3 decimal places', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 20 }), fc.integer({ min: -3, max: 3 }), (x, d, p) => {
        expect(roundHalfAwayFromZero(x, d, p)).toBe(exact(x, d, p));
      }),
      { numRuns: 20_000 },
    );
  });

  it('at the edges of the short path: 15 digits kept, exponents, halves that carry', () => {
    const cases: [number, number, number][] = [
      [99999999999999.95, 1, 0],
      [999999999999999.5, 0, 0],
      [123456789012.3456, 3, 0],
      [123456789012.3456, 4, 0],
      [0.0049999999999999, 2, 0],
      [0.995, 2, 0],
      [9.995, 2, 0],
      [0.00095, 1, 2],
      [1e-7, 3, 0],
      [5e-7, 6, 0],
      [1.5e21, 0, 0],
      [1234.5, 1, -2],
      [-0.5, 0, 0],
      [-0.0004, 3, 0],
      [-0.0005, 3, 0],
    ];
    for (const [x, d, p] of cases) expect(roundHalfAwayFromZero(x, d, p)).toBe(exact(x, d, p));
  });
});

describe('formatters of the SAP display rules', () => {
  it('formatNumber and NE', () => {
    expect(formatNumber(3.14159, 2)).toBe('3.14');
    expect(formatNumber(null, 2)).toBe('NE');
  });

  it('formatPercent takes a 0–100 value with one decimal', () => {
    expect(formatPercent(34.25)).toBe('34.3');
    expect(formatPercent(null)).toBe('NE');
  });

  it('formatFractionAsPercent shifts the decimal point', () => {
    expect(formatFractionAsPercent(0.14815)).toBe('14.8');
    expect(formatFractionAsPercent(-0.1425)).toBe('-14.3');
    expect(formatFractionAsPercent(0.29629629629629628)).toBe('29.6');
    expect(formatFractionAsPercent(null)).toBe('NE');
  });

  it('formatCountPct: n (%) from exact integer arithmetic', () => {
    expect(formatCountPct(12, 35)).toBe('12 (34.3)'); // 34.2857…
    expect(formatCountPct(8, 27)).toBe('8 (29.6)'); // 29.6296…
    expect(formatCountPct(1, 8)).toBe('1 (12.5)');
    expect(formatCountPct(1, 80)).toBe('1 (1.3)'); // exactly 1.25 → 1.3
    expect(formatCountPct(1, 16)).toBe('1 (6.3)'); // exactly 6.25 → 6.3
    expect(formatCountPct(27, 27)).toBe('27 (100.0)');
  });

  it('formatCountPct: zero, N = 0, extremes and bad input', () => {
    expect(formatCountPct(0, 27)).toBe('0');
    expect(formatCountPct(0, 0)).toBe('0');
    expect(formatCountPct(1, 20000)).toBe('1 (<0.1)');
    expect(formatCountPct(19999, 20000)).toBe('19999 (>99.9)');
    expect(formatCountPct(null, 27)).toBe('NE');
    expect(() => formatCountPct(28, 27)).toThrow(RangeError);
    expect(() => formatCountPct(1.5, 27)).toThrow(RangeError);
    expect(() => formatCountPct(-1, 27)).toThrow(RangeError);
  });

  it('formatCountPct agrees with exact rational rounding for every n ≤ N ≤ 200', () => {
    for (let bigN = 1; bigN <= 200; bigN++) {
      for (let n = 1; n <= bigN; n++) {
        // Oracle: tenths of a percent by integer half-up division, 1000n/N ≥ 0.
        const t = Math.floor((2000 * n + bigN) / (2 * bigN));
        if (t === 0 || (t === 1000 && n < bigN)) continue;
        expect(formatCountPct(n, bigN)).toBe(`${n} (${Math.floor(t / 10)}.${t % 10})`);
      }
    }
  });

  it('formatP: three decimals with <0.001 and >0.999 judged before rounding', () => {
    expect(formatP(0.0345)).toBe('0.035');
    expect(formatP(0.05)).toBe('0.050');
    expect(formatP(0.001)).toBe('0.001');
    expect(formatP(0.0009996)).toBe('<0.001');
    expect(formatP(0)).toBe('<0.001');
    expect(formatP(1e-300)).toBe('<0.001');
    expect(formatP(0.999)).toBe('0.999');
    expect(formatP(0.9985)).toBe('0.999');
    expect(formatP(0.9994)).toBe('>0.999');
    expect(formatP(0.9996)).toBe('>0.999');
    expect(formatP(1)).toBe('>0.999');
    expect(formatP(null)).toBe('NE');
    expect(() => formatP(1.0000001)).toThrow(RangeError);
    expect(() => formatP(-0.1)).toThrow(RangeError);
    expect(() => formatP(Number.NaN)).toThrow(RangeError);
  });

  it('formatRatio, formatCi, formatEstimateCi', () => {
    expect(formatRatio(2.345)).toBe('2.35');
    expect(formatRatio(null)).toBe('NE');
    expect(formatCi(0.125, 12.675, formatRatio)).toBe('(0.13, 12.68)');
    expect(formatCi(null, 3, formatRatio)).toBe('(NE, 3.00)');
    expect(formatEstimateCi(1.5, 0.555, 4.005, formatRatio)).toBe('1.50 (0.56, 4.01)');
    expect(formatEstimateCi(0.1482, -0.0875, 0.3625, formatFractionAsPercent)).toBe('14.8 (-8.8, 36.3)');
  });
});

describe('precision rule (SAP §3)', () => {
  it('decimalsFor: min/max d, location d+1, spread d+2', () => {
    expect(decimalsFor('data', 1)).toBe(1);
    expect(decimalsFor('location', 1)).toBe(2);
    expect(decimalsFor('spread', 1)).toBe(3);
    expect(decimalsFor('spread', 0)).toBe(2);
  });

  it('decimalsOf and dataPrecision read the shortest decimal string', () => {
    expect(decimalsOf(12)).toBe(0);
    expect(decimalsOf(1.5)).toBe(1);
    expect(decimalsOf(-0.25)).toBe(2);
    expect(decimalsOf(1e-7)).toBe(7);
    expect(decimalsOf(1.5e21)).toBe(0);
    expect(decimalsOf(0)).toBe(0);
    expect(dataPrecision([4, 0.3, null, 12.25, 2])).toBe(2);
    expect(dataPrecision([])).toBe(0);
    expect(dataPrecision([null])).toBe(0);
  });
});
