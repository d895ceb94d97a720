import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/dates.js';
import { clamp, fixed, isoDate, isoMonth, roundTo, visitNumText } from '../../src/simulate/numbers.js';

describe('numbers: how the simulator prints', () => {
  it('prints exactly the requested decimals, never -0 (exact strings)', () => {
    expect(fixed(1.5, 2)).toBe('1.50');
    expect(fixed(0.125, 2)).toBe('0.13');
    expect(fixed(-0.004, 2)).toBe('0.00');
    expect(fixed(-0.006, 2)).toBe('-0.01');
    expect(fixed(12, 0)).toBe('12');
    expect(() => fixed(Number.NaN, 1)).toThrow(RangeError);
    expect(roundTo(2.345678, 2)).toBe(2.35);
    expect(clamp(5, 0, 3)).toBe(3);
    expect(clamp(-1, 0, 3)).toBe(0);
  });

  it('writes VISITNUM as 5 or 5.01 and dates as ISO (exact strings)', () => {
    expect(visitNumText(5)).toBe('5');
    expect(visitNumText(5.01)).toBe('5.01');
    expect(visitNumText(1.1)).toBe('1.10');
    const d = dayNumber('2025-03-09');
    expect(isoDate(d)).toBe('2025-03-09');
    expect(isoDate(d)).toBe('2025-03-09'); // from the cache
    expect(isoMonth(d)).toBe('2025-03');
  });
});
