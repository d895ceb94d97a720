import { describe, expect, it } from 'vitest';
import { mapWithBaseline, selectBaseline } from '../../src/derive/baseline.js';
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

describe('mapWithBaseline', () => {
  type Rec = { USUBJID: string; VISITNUM: number; ADT: string; AVAL: number | null; tag: string };
  const rec = (USUBJID: string, VISITNUM: number, day: number, AVAL: number | null, tag: string): Rec => ({
    USUBJID,
    VISITNUM,
    ADT: onDay(day),
    AVAL,
    tag,
  });
  const infusion = new Map([
    ['S1', DAY0],
    ['S2', DAY0],
    ['S3', null],
  ]);
  /** The rule as pairs: every record with its subject's baseline among those with a value. */
  const reference = (records: readonly Rec[]) =>
    records.map((r) => {
      const own = records.filter((o) => o.USUBJID === r.USUBJID && o.AVAL !== null);
      return `${r.tag}:${selectBaseline(own, 2, infusion.get(r.USUBJID) ?? null)?.tag ?? '-'}`;
    });
  const mapped = (records: readonly Rec[]) =>
    mapWithBaseline(
      records,
      (r) => r.AVAL !== null,
      2,
      infusion,
      (r, b) => `${r.tag}:${b?.tag ?? '-'}`,
    );

  it("gives each record with its subject's baseline, subjects interleaved or one, in the input order", () => {
    const records = [
      rec('S1', 1, -10, 3, 'a'),
      rec('S2', 2, 0, null, 'b'),
      rec('S1', 2, 0, 4, 'c'),
      rec('S2', 1, -5, 7, 'd'),
      rec('S3', 1, -2, 1, 'e'),
      rec('S2', 3, 28, 2, 'f'),
      rec('S1', 3, 28, 5, 'g'),
    ];
    expect(mapped(records)).toEqual(['a:c', 'b:d', 'c:c', 'd:d', 'e:e', 'f:d', 'g:c']);
    expect(mapped(records)).toEqual(reference(records));
    const s2 = records.filter((r) => r.USUBJID === 'S2');
    expect(mapped(s2)).toEqual(['b:d', 'd:d', 'f:d']);
    expect(mapped([rec('S2', 3, 28, null, 'x')])).toEqual(['x:-']);
    expect(mapped([])).toEqual([]);
  });
});
