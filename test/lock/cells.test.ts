import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  characterRule,
  decimalsWritten,
  isoDatePart,
  isPlaceholder,
  magnitudeRule,
  parsePlainNumber,
  parseWholeNumber,
  partialDateText,
  roundedToSignificant,
  significantDigits,
  trimCell,
  yearRule,
} from '../../src/lock/cells.js';

// Expected values: the syntax rules of shared/dts/lock.md §File format, written out by hand (exact).
describe('parsePlainNumber', () => {
  it.each([
    ['12', 12],
    ['0.35', 0.35],
    ['-1.5e-3', -0.0015],
    ['2.1E2', 210],
    ['0', 0],
  ])('accepts %s', (text, value) => expect(parsePlainNumber(text)).toBe(value));
  it.each(['1,234', '1 234', '+1', '.5', '5.', '1.2.3', '', ' 1', '1e', 'Infinity', '0x10', '12a'])(
    'rejects %j',
    (text) => expect(parsePlainNumber(text)).toBeNull(),
  );
});

describe('parseWholeNumber', () => {
  it('accepts digits with an optional minus', () => {
    expect(parseWholeNumber('42')).toBe(42);
    expect(parseWholeNumber('-3')).toBe(-3);
    expect(parseWholeNumber('007')).toBe(7);
  });
  it("rejects a decimal point or an exponent (the size is magnitudeRule's)", () => {
    for (const t of ['4.0', '1e2', 'x']) expect(parseWholeNumber(t)).toBeNull();
  });
});

describe('magnitudeRule: finite, below 1e15, not lost to underflow', () => {
  it('passes ordinary numbers and the largest below the limit', () => {
    for (const t of ['0', '12', '-0.35', '999999999999999', '-9.99999999999999e14', '1e-300', '0.000']) {
      expect(magnitudeRule(t, Number(t)), t).toBeNull();
    }
  });
  it('refuses 1e15 and more, either sign, infinity included, and a non-zero number that reads as 0', () => {
    for (const t of ['1e15', '-1e15', '1e308', '-1e308', '1e400', '9007199254740993']) {
      expect(magnitudeRule(t, Number(t))).toBe(`${t} is too large: a number's magnitude must be below 1e15`);
    }
    expect(magnitudeRule('1e-400', 0)).toBe('1e-400 is too small to be represented: it would read as 0');
  });
});

describe('significantDigits and roundedToSignificant', () => {
  it.each([
    ['0.35000000000000003', 17],
    ['12.50', 3],
    ['0', 0],
    ['-0.00123', 3],
    ['1.2345678901234567e-7', 17],
    ['100', 1],
  ])('%s has %i significant digits', (t, n) => expect(significantDigits(t)).toBe(n));
  it('leaves 15 digits alone; rounds a longer export of a double to 15, decimals of the rounded value', () => {
    expect(roundedToSignificant('0.123456789012345', 0.123456789012345)).toBeNull();
    expect(roundedToSignificant('0.35000000000000003', 0.35000000000000003)).toEqual({ value: 0.35, decimals: 2 });
    expect(roundedToSignificant('1.1234567890123456789', 1.1234567890123457)).toEqual({
      value: 1.12345678901235,
      decimals: 14,
    });
    // 17 decimals written, noise after the 15th digit: d = 2, as the SAP's display rule wants.
    expect(roundedToSignificant('70.09999999999999', 70.09999999999999)).toEqual({ value: 70.1, decimals: 1 });
  });
  it('short texts skip the digit count: the same result as counting every text (numRuns 2000)', () => {
    // The rule as written before the length shortcut: count the digits, round when more than 15.
    const reference = (text: string, value: number) =>
      significantDigits(text) <= 15
        ? null
        : { value: Number(value.toPrecision(15)), decimals: decimalsWritten(String(Number(value.toPrecision(15)))) };
    const digits = (min: number, max: number) =>
      fc.string({ unit: fc.constantFrom('0', '1', '5', '9'), minLength: min, maxLength: max });
    const plain = fc
      .tuple(fc.boolean(), digits(1, 12), fc.option(digits(1, 12)), fc.option(fc.integer({ min: -9, max: 9 })))
      .map(
        ([neg, int, frac, exp]) =>
          `${neg ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}${exp === null ? '' : `e${exp}`}`,
      );
    fc.assert(
      fc.property(plain, (text) => {
        expect(roundedToSignificant(text, Number(text))).toEqual(reference(text, Number(text)));
      }),
      { numRuns: 2000, seed: 20261205 },
    );
  });
});

describe('characterRule and trimCell', () => {
  it('trims ASCII spaces only', () => {
    expect(trimCell('  Headache ')).toBe('Headache');
    expect(trimCell('a b')).toBe('a b');
    expect(trimCell('   ')).toBe('');
    expect(trimCell('\u00a0x')).toBe('\u00a0x');
  });
  it('passes ordinary text, a no-break space inside, and the CRLF/LF of a quoted field', () => {
    for (const t of ['Headache', ' Headache ', 'a\u00a0b', 'two\r\nlines', 'two\nlines', 'é, "q"', 'x\u200by'])
      expect(characterRule(t), t).toBeNull();
  });
  it.each([
    ['a\u001b[2Jb', 'a control character U+001B (ESC) at position 2'],
    ['\ta', 'a control character U+0009 (TAB) at position 1'],
    ['a\u000cb', 'a control character U+000C (FF) at position 2'],
    ['a\u0000', 'a control character U+0000 (NUL) at position 2'],
    ['a\u007f', 'a control character U+007F (DEL) at position 2'],
    ['a\u009b', 'a control character U+009B at position 2'],
    ['a\rb', 'a CR without LF U+000D (CR) at position 2'],
    ['\u202eabc', 'a bidirectional formatting character U+202E at position 1'],
    ['x\u2066y', 'a bidirectional formatting character U+2066 at position 2'],
  ])('refuses %j, naming the character, never echoing the text', (t, start) => {
    expect(characterRule(t)).toBe(`${start}: control and invisible formatting characters are not allowed in a cell`);
  });
  it('refuses a no-break space at either end, after trimming ASCII spaces', () => {
    expect(characterRule('Headache\u00a0')).toBe(
      'a no-break space (U+00A0) at the end of the value: only ASCII spaces are trimmed',
    );
    expect(characterRule('Headache\u00a0 ')).toBe(
      'a no-break space (U+00A0) at the end of the value: only ASCII spaces are trimmed',
    );
    expect(characterRule('\u00a0Headache')).toBe(
      'a no-break space (U+00A0) at the start of the value: only ASCII spaces are trimmed',
    );
  });
});

describe('yearRule', () => {
  it('every date, partial ones too, lies in 1900–2100', () => {
    for (const t of ['1900-01-01', '2100-12-31', '1950', '2025-06']) expect(yearRule(t), t).toBeNull();
    expect(yearRule('0024-03-01')).toBe("'0024-03-01' is outside the years 1900–2100");
    expect(yearRule('1899-12')).toBe("'1899-12' is outside the years 1900–2100");
    expect(yearRule('2101')).toBe("'2101' is outside the years 1900–2100");
  });
});

describe('decimalsWritten', () => {
  it.each([
    ['1.50', 2],
    ['12', 0],
    ['-1.5e-3', 4],
    ['1.5e3', 0],
    ['1.25E1', 1],
    ['0.30', 2],
  ])('%s has %i decimals as written', (text, n) => expect(decimalsWritten(text)).toBe(n));
});

describe('isoDatePart', () => {
  it('keeps the date part of a date or date-time', () => {
    expect(isoDatePart('2026-02-28')).toBe('2026-02-28');
    expect(isoDatePart('2024-02-29T23:59')).toBe('2024-02-29');
    expect(isoDatePart('2026-03-09T10:30:59')).toBe('2026-03-09');
  });
  it.each([
    '2026-02-29',
    '2026-13-01',
    '2026-1-01',
    '2026-02',
    '2026',
    '2026-02-02T24:00',
    '2026-02-02T10:60',
    '2026-02-02T10',
    '2026-02-02 10:00',
    '02/02/2026',
  ])('rejects %j', (text) => expect(isoDatePart(text)).toBeNull());
});

describe('partialDateText', () => {
  it('accepts YYYY, YYYY-MM and full dates (date part kept)', () => {
    expect(partialDateText('2025')).toBe('2025');
    expect(partialDateText('2025-11')).toBe('2025-11');
    expect(partialDateText('2025-11-30T08:00')).toBe('2025-11-30');
  });
  it('rejects month 13, a missing zero and text', () => {
    for (const t of ['2025-13', '2025-1', '25', 'UNK', '2025-11-31']) expect(partialDateText(t)).toBeNull();
  });
});

describe('isPlaceholder', () => {
  it('flags NA, ., NULL in any case', () => {
    for (const t of ['NA', 'na', '.', 'NULL', 'null', 'N/A']) expect(isPlaceholder(t)).toBe(true);
  });
  it('leaves real values alone', () => {
    for (const t of ['NAUSEA', '0.', 'N', 'NOT DONE', '']) expect(isPlaceholder(t)).toBe(false);
  });
});
