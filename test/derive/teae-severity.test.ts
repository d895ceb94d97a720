import { describe, expect, it } from 'vitest';
import { computeWorstSeverity, severityRank } from '../../src/derive/teae-severity.js';

const ORDER = ['MILD', 'MODERATE', 'SEVERE'];

describe('computeWorstSeverity', () => {
  it('returns the worst grade whatever the order of the events', () => {
    expect(computeWorstSeverity(['MILD', 'SEVERE', 'MODERATE'], ORDER)).toBe('SEVERE');
    expect(computeWorstSeverity(['MODERATE', 'MILD', 'MODERATE'], ORDER)).toBe('MODERATE');
    expect(computeWorstSeverity(['MILD'], ORDER)).toBe('MILD');
  });

  it('is null for a subject without TEAE', () => {
    expect(computeWorstSeverity([], ORDER)).toBeNull();
  });

  it('ranks by the given order and refuses a value outside it', () => {
    expect(ORDER.map((s) => severityRank(s, ORDER))).toEqual([0, 1, 2]);
    expect(() => computeWorstSeverity(['LIFE-THREATENING'], ORDER)).toThrow(/not one of/);
  });
});
