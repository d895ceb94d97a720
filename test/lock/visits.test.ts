import { describe, expect, it } from 'vitest';
import {
  checkVisitPair,
  expectedVisitName,
  formatVisitnum,
  isKnownVisitnum,
  isScheduledVisitnum,
} from '../../src/lock/visits.js';

// Expected values: the visit table of shared/dts/lock.md §Visits (exact).
describe('visit table', () => {
  it('names scheduled and unscheduled visits', () => {
    expect(expectedVisitName(1)).toBe('SCREENING');
    expect(expectedVisitName(2)).toBe('DAY 0');
    expect(expectedVisitName(10)).toBe('WEEK 52');
    expect(expectedVisitName(5.01)).toBe('UNSCHEDULED 5.01');
    expect(expectedVisitName(10.99)).toBe('UNSCHEDULED 10.99');
    expect(expectedVisitName(5.1)).toBe('UNSCHEDULED 5.10');
  });
  it('knows no other number', () => {
    for (const v of [0, 11, 5.001, 5.005, 0.01, 11.01, -1]) {
      expect(isKnownVisitnum(v)).toBe(false);
      expect(expectedVisitName(v)).toBeNull();
    }
    expect(isScheduledVisitnum(5)).toBe(true);
    expect(isScheduledVisitnum(5.01)).toBe(false);
  });
  it('prints unscheduled numbers with two decimals', () => {
    expect(formatVisitnum(5)).toBe('5');
    expect(formatVisitnum(5.01)).toBe('5.01');
    expect(formatVisitnum(5.2)).toBe('5.20');
  });
});

describe('checkVisitPair', () => {
  it('accepts the table and the natural spellings of an unscheduled number', () => {
    expect(checkVisitPair(3, 'WEEK 4')).toBeNull();
    expect(checkVisitPair(5.01, 'UNSCHEDULED 5.01')).toBeNull();
    expect(checkVisitPair(5.1, 'UNSCHEDULED 5.1')).toBeNull();
    expect(checkVisitPair(5.1, 'UNSCHEDULED 5.10')).toBeNull();
  });
  it('names the column at fault', () => {
    expect(checkVisitPair(3, 'WEEK 8')).toEqual({
      column: 'VISIT',
      rule: "VISIT 'WEEK 8' does not match VISITNUM 3 (expected 'WEEK 4')",
    });
    expect(checkVisitPair(5.02, 'UNSCHEDULED 5.01')?.column).toBe('VISIT');
    expect(checkVisitPair(5, 'UNSCHEDULED 5')?.column).toBe('VISIT');
    expect(checkVisitPair(12, 'WEEK 60')).toEqual({
      column: 'VISITNUM',
      rule: 'VISITNUM 12 is not a visit of the protocol (1–10, or an unscheduled n.01–n.99)',
    });
  });
});
