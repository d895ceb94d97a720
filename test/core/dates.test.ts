/**
 * src/core/dates.ts. Expected values: JavaScript's Date (a proleptic Gregorian calendar) for years it
 * reads as written (100 and later), and the calendar's own rules for the years 0–99, which `Date.UTC`
 * maps to 1900–1999 (the defect these functions must not inherit).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  dayNumber,
  daysInMonth,
  earliestDay,
  fromDayNumber,
  isValidIsoDate,
  latestDay,
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
