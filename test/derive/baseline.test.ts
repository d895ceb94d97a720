import { describe, expect, it } from 'vitest';
import { selectBaseline } from '../../src/derive/baseline.js';
import { DAY0, onDay } from './helpers.js';

// Expected values worked by hand from the SAP synopsis §3 baseline rule.
const c = (VISITNUM: number, day: number, tag: string) => ({ VISITNUM, ADT: onDay(day), tag });

describe('selectBaseline', () => {
  it('takes the DAY 0 value when present, even with a later-dated screening value', () => {
    expect(selectBaseline([c(1, -10, 'scr'), c(2, 0, 'd0'), c(3, 28, 'w4')], 2, DAY0)?.tag).toBe('d0');
  });

  it('falls back to screening when the DAY 0 value is missing', () => {
    expect(selectBaseline([c(1, -10, 'scr'), c(3, 28, 'w4')], 2, DAY0)?.tag).toBe('scr');
  });

  it('takes the latest earlier visit, an unscheduled pre-dose visit beating screening', () => {
    expect(selectBaseline([c(1, -20, 'scr'), c(1.01, -3, 'uns')], 2, DAY0)?.tag).toBe('uns');
  });

  it('lets the higher VISITNUM win a tie of dates', () => {
    expect(selectBaseline([c(1.01, -3, 'uns'), c(1, -3, 'scr')], 2, DAY0)?.tag).toBe('uns');
  });

  it('ignores an earlier visit dated after Day 0 and post-baseline visits', () => {
    expect(selectBaseline([c(1.01, 2, 'late'), c(1, -5, 'scr'), c(3, 28, 'w4')], 2, DAY0)?.tag).toBe('scr');
    expect(selectBaseline([c(1.01, 2, 'late'), c(3, 28, 'w4')], 2, DAY0)).toBeNull();
  });

  it('accepts a value dated on Day 0 itself from an earlier visit', () => {
    expect(selectBaseline([c(1.01, 0, 'uns0'), c(1, -5, 'scr')], 2, DAY0)?.tag).toBe('uns0');
  });

  it('without an infusion date applies no date limit', () => {
    expect(selectBaseline([c(1, 5, 'scr')], 2, null)?.tag).toBe('scr');
  });
});
