import { describe, expect, it } from 'vitest';
import {
  computeChange,
  indexInfusionDates,
  indexVisitDates,
  isScheduledPostBaseline,
  scheduledVisitId,
  studyDay,
} from '../../src/derive/visits.js';
import { DAY0, dm, onDay, settings, sv } from './helpers.js';

const s = settings();

describe('visits', () => {
  it('maps scheduled VISITNUMs to ARD ids (lock.md, ard.md) and unscheduled ones to null', () => {
    expect([1, 2, 3, 8, 10].map((v) => scheduledVisitId(v, s))).toEqual([
      'SCREENING',
      'BASELINE',
      'WEEK4',
      'WEEK24',
      'WEEK52',
    ]);
    expect(scheduledVisitId(5.01, s)).toBeNull();
    expect(scheduledVisitId(11, s)).toBeNull();
  });

  it('reads the schedule of the settings it is given (ids are kept per settings object)', () => {
    const other = { ...s, visits: s.visits.map((v) => (v.visitnum === 3 ? { ...v, id: 'MONTH1' } : v)) };
    expect([scheduledVisitId(3, s), scheduledVisitId(3, other), scheduledVisitId(3, s)]).toEqual([
      'WEEK4',
      'MONTH1',
      'WEEK4',
    ]);
  });

  it('knows which visits carry a change from baseline', () => {
    expect([1, 2, 3, 5.01, 10].map((v) => isScheduledPostBaseline(v, s))).toEqual([false, false, true, false, true]);
  });

  it('computes CHG only at scheduled post-baseline visits with both values present', () => {
    expect([1, 2, 3, 5.01, 10].map((v) => computeChange(v, 7, 4, s))).toEqual([null, null, 3, null, 3]);
    expect(computeChange(3, null, 4, s)).toBeNull();
    expect(computeChange(3, 7, null, s)).toBeNull();
    expect(computeChange(3, 0, 0, s)).toBe(0);
    expect(computeChange(10, 2.5, 4, s)).toBe(-1.5);
  });

  it('counts protocol days from Day 0, null without an infusion', () => {
    expect(studyDay(onDay(-3), DAY0)).toBe(-3);
    expect(studyDay('2025-03-01', DAY0)).toBe(59);
    expect(studyDay(DAY0, null)).toBeNull();
  });

  it('indexes visit and infusion dates by subject', () => {
    expect(
      indexVisitDates([sv('S1', 2, 0), sv('S1', 8, 170)])
        .get('S1')
        ?.get(8),
    ).toBe(onDay(170));
    expect(indexInfusionDates([dm('S1'), dm('S2', { RFSTDTC: null })])).toEqual(
      new Map([
        ['S1', DAY0],
        ['S2', null],
      ]),
    );
  });
});
