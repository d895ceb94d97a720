/**
 * src/core/dates.ts. Expected values: JavaScript's Date (a proleptic Gregorian calendar) for years it
 * reads as written (100 and later), and the calendar's own rules for the years 0–99, which `Date.UTC`
 * maps to 1900–1999 (the defect these functions must not inherit).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  dayNumber,
  hasIsoDateShape,
  daysInMonth,
  earliestDay,
  fromDayNumber,
  isValidIsoDate,
  latestDay,
  parsePartialDate,
  protocolDay,
} from '../../src/core/dates.js';

describe('dayNumber and fromDayNumber', () => {
  it('agree with Date for every day of 1899–2101 (years Date reads as written)', () => {
    for (let n = dayNumber('1899-01-01'); n <= dayNumber('2101-12-31'); n++) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      expect(fromDayNumber(n)).toBe(iso);
      expect(dayNumber(iso)).toBe(n);
    }
    expect(dayNumber('1970-01-01')).toBe(0);
  });
  it('read the years 0000–0099 as written, not as 19xx', () => {
    // 2000 years are five 400-year cycles of 146,097 days; Date.UTC would read 0024 as 1924.
    expect(dayNumber('0024-03-01')).not.toBe(dayNumber('1924-03-01'));
    expect(dayNumber('2024-03-01') - dayNumber('0024-03-01')).toBe(5 * 146_097);
    expect(fromDayNumber(dayNumber('0024-03-01'))).toBe('0024-03-01');
    expect(protocolDay('0001-01-01', '2001-01-01')).toBe(-5 * 146_097);
  });
  it('round-trip any day number from year 0 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('0000-01-01'), max: dayNumber('9999-12-31') }), (n) => {
        const iso = fromDayNumber(n);
        expect(isValidIsoDate(iso)).toBe(true);
        expect(dayNumber(iso)).toBe(n);
      }),
      { numRuns: 2000, seed: 13 },
    );
  });
});

describe('daysInMonth, earliestDay, latestDay', () => {
  it('use the Gregorian leap rule whatever the year, 0–99 included', () => {
    expect([daysInMonth(2024, 2), daysInMonth(1900, 2), daysInMonth(2000, 2), daysInMonth(2025, 2)]).toEqual([
      29, 28, 29, 28,
    ]);
    // Year 0 is a leap year (divisible by 400); 1900, which Date.UTC would use instead, is not.
    expect(daysInMonth(0, 2)).toBe(29);
    expect(isValidIsoDate('0000-02-29')).toBe(true);
    expect(isValidIsoDate('0100-02-29')).toBe(false);
    expect(daysInMonth(2025, 4)).toBe(30);
  });
  it('impute a partial date to its first and last day', () => {
    expect(fromDayNumber(earliestDay({ year: 2024, month: 2 }))).toBe('2024-02-01');
    expect(fromDayNumber(latestDay({ year: 2024, month: 2 }))).toBe('2024-02-29');
    expect(fromDayNumber(latestDay({ year: 24 }))).toBe('0024-12-31');
  });
});

describe('hasIsoDateShape', () => {
  it('is the shape /^\\d{4}-\\d{2}-\\d{2}$/ matches, ASCII digits only', () => {
    const shape = /^\d{4}-\d{2}-\d{2}$/;
    const cases = [
      '2024-03-01',
      '0000-00-00',
      '2024-3-01',
      '2024-03-1',
      '2024/03/01',
      '2024-03-01\n',
      ' 2024-03-01',
      '2024-03-01T10:00',
      '２０２４-03-01',
      '٢٠٢٤-03-01',
      '2024-0a-01',
      '20240-3-01',
      '',
      '2024--3-01',
      '2024-03-:1',
      '2024-03-/1',
    ];
    for (const c of cases) expect(hasIsoDateShape(c), JSON.stringify(c)).toBe(shape.test(c));
    fc.assert(fc.property(fc.string({ minLength: 10, maxLength: 10 }), (c) => hasIsoDateShape(c) === shape.test(c)));
  });
  it('dayNumber and isValidIsoDate refuse what it refuses', () => {
    expect(() => dayNumber('2024-3-01')).toThrow('not an ISO date');
    expect(isValidIsoDate('２０２４-03-01')).toBe(false);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
  });
});

describe('parsePartialDate by character codes', () => {
  it('reads what the patterns /^(\\d{4})$/, /^(\\d{4})-(\\d{2})$/ and a valid full date read', () => {
    const reference = (t: string) => {
      let m = /^(\d{4})$/.exec(t);
      if (m) return { year: Number(m[1]) };
      m = /^(\d{4})-(\d{2})$/.exec(t);
      if (m) {
        const month = Number(m[2]);
        return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : undefined;
      }
      if (isValidIsoDate(t)) {
        const [y, mo, d] = t.split('-').map(Number) as [number, number, number];
        return { year: y, month: mo, day: d };
      }
      return undefined;
    };
    const cases = [
      '2024',
      '0000',
      '2024-03',
      '2024-13',
      '2024-00',
      '2024-3',
      '2024-03-01',
      '2024-02-30',
      '202',
      '20245',
      '２０２４',
      '2024-0３',
      '2024/03',
      '2024-03-',
      '2024-03-01T00:00',
      'abcd',
      '',
    ];
    for (const c of cases) expect(parsePartialDate(c), JSON.stringify(c)).toEqual(reference(c));
    fc.assert(
      fc.property(
        fc
          .constantFrom('0123456789-x'.split(''))
          .chain((ch) => fc.array(fc.constantFrom(...'0123456789-'.split(''), ch), { maxLength: 11 })),
        (chars) => {
          const t = chars.join('');
          expect(parsePartialDate(t)).toEqual(reference(t));
        },
      ),
    );
  });
});
