import { describe, expect, it } from 'vitest';
import { computeMinimumAnswered, computePromisRawScore, computePromisTScore } from '../../src/derive/promis.js';
import { settings } from './helpers.js';

// Rules: SAP §5.7 (HealthMeasures prorating: raw = ceiling(sum × items / answered) when at least half
// of the items are answered). Expected values are worked by hand beside each case.
describe('computeMinimumAnswered', () => {
  it('is half the items rounded up (Fatigue 4 of 7, Pain Interference 3 of 6, Depression 4 of 8)', () => {
    expect(computeMinimumAnswered(7, 0.5)).toBe(4);
    expect(computeMinimumAnswered(6, 0.5)).toBe(3);
    expect(computeMinimumAnswered(8, 0.5)).toBe(4);
  });

  it('does not let floating point push an exact product up (0.3 × 10 = 3.0000000000000004)', () => {
    expect(computeMinimumAnswered(10, 0.3)).toBe(3);
    expect(computeMinimumAnswered(10, 0.7)).toBe(7);
  });

  it('rejects impossible arguments', () => {
    expect(() => computeMinimumAnswered(0, 0.5)).toThrow(RangeError);
    expect(() => computeMinimumAnswered(7, 0)).toThrow(RangeError);
    expect(() => computeMinimumAnswered(7, 1.5)).toThrow(RangeError);
  });
});

describe('computePromisRawScore', () => {
  it('sums a complete form without prorating', () => {
    expect(computePromisRawScore([1, 2, 3, 4, 5, 1, 2], 0.5)).toEqual({ raw: 18, answered: 7, sum: 18 });
  });

  it('prorates and rounds up: SAP example, Fatigue 5 of 7 answered, sum 14 → ceiling(19.6) = 20', () => {
    expect(computePromisRawScore([3, 3, 3, 3, 2, null, null], 0.5)).toEqual({ raw: 20, answered: 5, sum: 14 });
  });

  it('scores exactly half the items of an even form (Pain Interference 3 of 6; Depression 4 of 8)', () => {
    // 3 of 6, sum 7: 7 × 6 / 3 = 14 exactly (no rounding up of a whole quotient)
    expect(computePromisRawScore([2, 2, 3, null, null, null], 0.5)).toEqual({ raw: 14, answered: 3, sum: 7 });
    // 4 of 8, sum 9: 9 × 8 / 4 = 18
    expect(computePromisRawScore([1, 2, 3, 3, null, null, null, null], 0.5)).toEqual({ raw: 18, answered: 4, sum: 9 });
  });

  it('is missing one item below half (2 of 6, 3 of 7, 3 of 8)', () => {
    expect(computePromisRawScore([2, 2, null, null, null, null], 0.5)).toBeNull();
    expect(computePromisRawScore([2, 2, 2, null, null, null, null], 0.5)).toBeNull();
    expect(computePromisRawScore([2, 2, 2, null, null, null, null, null], 0.5)).toBeNull();
  });

  it('scores 4 of 7 (the smallest count above half of an odd form): sum 13 → ceiling(22.75) = 23', () => {
    expect(computePromisRawScore([4, 3, 3, 3, null, null, null], 0.5)?.raw).toBe(23);
  });

  it('rounds up a quotient just above a whole number: 4 of 7, sum 17 → 119/4 = 29.75 → 30; sum 16 → 28', () => {
    expect(computePromisRawScore([5, 4, 4, 4, null, null, null], 0.5)?.raw).toBe(30);
    expect(computePromisRawScore([4, 4, 4, 4, null, null, null], 0.5)?.raw).toBe(28);
  });

  it('refuses a non-whole response (the lock validation excludes it)', () => {
    expect(() => computePromisRawScore([1.5, 2, 3, 4, 5, 1, 2], 0.5)).toThrow(RangeError);
  });
});

describe('computePromisTScore', () => {
  const table = settings().promisTables['PROMISFAT']!;

  it('reads the Fatigue 7a table (sap/promis/fatigue_7a.csv): raw 7 → 29.4, raw 20 → 56.4 (SAP example)', () => {
    expect(computePromisTScore(7, table)).toBe(29.4);
    expect(computePromisTScore(20, table)).toBe(56.4);
  });

  it('throws for a raw score outside the table', () => {
    expect(() => computePromisTScore(36, table)).toThrow(RangeError);
  });
});
