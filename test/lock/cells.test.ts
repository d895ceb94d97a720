import { describe, expect, it } from 'vitest';
import {
  decimalsWritten,
  isoDatePart,
  isPlaceholder,
  parsePlainNumber,
  parseWholeNumber,
  partialDateText,
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
  it.each(['1,234', '1 234', '+1', '.5', '5.', '1.2.3', '', ' 1', '1e', 'Infinity', '0x10', '1e400', '12a'])(
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
  it('rejects a decimal point, an exponent or an unsafe integer', () => {
    for (const t of ['4.0', '1e2', '9007199254740993', 'x']) expect(parseWholeNumber(t)).toBeNull();
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
  it.each(['2026-02-29', '2026-13-01', '2026-1-01', '2026-02', '2026', '2026-02-02T24:00', '2026-02-02T10:60', '2026-02-02T10', '2026-02-02 10:00', '02/02/2026'])(
    'rejects %j',
    (text) => expect(isoDatePart(text)).toBeNull(),
  );
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
