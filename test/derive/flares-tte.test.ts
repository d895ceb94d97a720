import { describe, expect, it } from 'vitest';
import {
  computeTimeToFirstFlare,
  toTimeToFirstFlareRecord,
  toTteDataset,
  type TteRecord,
} from '../../src/derive/flares-tte.js';
import { datasetContext } from '../helpers/dataset-context.js';
import { settings } from './helpers.js';

// Hand-worked from SAP synopsis §5.2: event at the first flaring day, else censored at the last assessment (0 if none).
describe('computeTimeToFirstFlare', () => {
  it('takes the first flaring day, in whatever order the assessments come', () => {
    expect(
      computeTimeToFirstFlare([
        { day: 200, flare: true },
        { day: 56, flare: false },
        { day: 112, flare: true },
      ]),
    ).toEqual({ time: 112, event: true });
  });
  it('censors at the last assessment day without a flare, and at 0 without assessments', () => {
    expect(
      computeTimeToFirstFlare([
        { day: 28, flare: false },
        { day: 359, flare: false },
      ]),
    ).toEqual({ time: 359, event: false });
    expect(computeTimeToFirstFlare([])).toEqual({ time: 0, event: false });
  });
});

describe('toTimeToFirstFlareRecord and toTteDataset', () => {
  it('dates the event from Day 0 and codes CNSR 0 = event', () => {
    const r = toTimeToFirstFlareRecord('S1', '2025-01-30', [{ day: 3, flare: true }]);
    expect(r).toMatchObject({ PARAMCD: 'TTFLARE', STARTDT: '2025-01-30', ADT: '2025-02-02', AVAL: 3, CNSR: 0 });
  });

  it('writes records of any PARAMCD into one adtte', () => {
    const other: TteRecord = {
      USUBJID: 'S2',
      PARAMCD: 'TTCSDISC',
      PARAM: 'Time to discontinuation',
      STARTDT: '2025-01-01',
      ADT: '2025-03-01',
      AVAL: 59,
      CNSR: 1,
      EVNTDESC: 'Censored',
    };
    const ds = toTteDataset(
      [toTimeToFirstFlareRecord('S1', '2025-01-01', []), other],
      datasetContext(['S1', 'S2'], settings()),
    );
    expect(ds.name).toBe('adtte');
    expect(ds.rows.map((r) => [r.PARAMCD, r.AVAL, r.CNSR])).toEqual([
      ['TTFLARE', 0, 1],
      ['TTCSDISC', 59, 1],
    ]);
  });
});
