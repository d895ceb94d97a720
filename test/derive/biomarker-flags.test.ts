import { describe, expect, it } from 'vitest';
import {
  compareWithLimit,
  computeBiomarkerLimit,
  computeBiomarkerStatus,
  deriveBiomarkerFlags,
  toBiomarkerDataset,
} from '../../src/derive/biomarker-flags.js';
import { deriveLabResults } from '../../src/derive/lab-results.js';
import { dm, settings } from './helpers.js';
import { datasetContext } from '../helpers/dataset-context.js';
import { lb } from './lb-helpers.js';

const s = settings();
const def = (flag: string) => {
  const d = s.biomarkers.find((b) => b.flag === flag);
  if (!d) throw new Error(flag);
  return d;
};
const status = (
  flag: string,
  AVAL: number | null,
  AVALQUAL: '<' | '>' | null,
  range: { ANRLO?: number; ANRHI?: number } = {},
) => computeBiomarkerStatus(def(flag), { AVAL, AVALQUAL, ANRLO: range.ANRLO ?? null, ANRHI: range.ANRHI ?? null });

describe('compareWithLimit (SAP §5.9: <x just below x, >x just above x)', () => {
  it('places <x below every L ≥ x and above every L < x', () => {
    expect(compareWithLimit(10, '<', '<', 10)).toBe(true);
    expect(compareWithLimit(10, '<', '<', 9.99)).toBe(false);
    expect(compareWithLimit(10, '<', '>', 9.99)).toBe(true);
    expect(compareWithLimit(10, '<', '>', 10)).toBe(false);
  });

  it('places >x above every L ≤ x and below every L > x', () => {
    expect(compareWithLimit(0.5, '>', '>', 0.5)).toBe(true);
    expect(compareWithLimit(0.5, '>', '>', 0.51)).toBe(false);
    expect(compareWithLimit(0.5, '>', '<', 0.51)).toBe(true);
    expect(compareWithLimit(0.5, '>', '<', 0.5)).toBe(false);
  });

  it('compares a plain value strictly', () => {
    expect(compareWithLimit(3, null, '<', 3)).toBe(false);
    expect(compareWithLimit(2.9, null, '<', 3)).toBe(true);
    expect(compareWithLimit(0.5, null, '>', 0.5)).toBe(false);
  });
});

describe('computeBiomarkerStatus: the SAP §5.9 examples', () => {
  it('anti-dsDNA <10 with upper limit 30 is not positive; >300 is', () => {
    expect(status('DSDNAPOS', 10, '<', { ANRHI: 30 })).toBe('NORM');
    expect(status('DSDNAPOS', 300, '>', { ANRHI: 30 })).toBe('ABN');
    expect(status('DSDNAPOS', 30, null, { ANRHI: 30 })).toBe('NORM');
  });

  it('WBC <3.5 is not leukopenia; <3.0 is; 3.0 is not', () => {
    expect(status('LEUKOPENIA', 3.5, '<')).toBe('NORM');
    expect(status('LEUKOPENIA', 3.0, '<')).toBe('ABN');
    expect(status('LEUKOPENIA', 3.0, null)).toBe('NORM');
  });

  it('UPCR >0.5 is abnormal; 0.5 is not', () => {
    expect(status('UPCRGT05', 0.5, '>')).toBe('ABN');
    expect(status('UPCRGT05', 0.5, null)).toBe('NORM');
  });

  it('uses the record’s own lower limit for C3 and is MISS without a value or a needed limit', () => {
    expect(status('LOWC3', 0.85, null, { ANRLO: 0.9 })).toBe('ABN');
    expect(status('LOWC3', 0.85, null, { ANRLO: 0.8 })).toBe('NORM');
    expect(status('LOWC3', 0.85, null)).toBe('MISS');
    expect(status('LOWC3', null, null, { ANRLO: 0.9 })).toBe('MISS');
    expect(computeBiomarkerStatus(def('ANEMIA'), null)).toBe('MISS');
    expect(computeBiomarkerLimit(def('ANEMIA'), { ANRLO: 120, ANRHI: 160 })).toBe(100);
  });
});

describe('deriveBiomarkerFlags', () => {
  const lock = {
    dm: [dm('S1'), dm('S2')],
    lb: [
      // S1: Day 0 WBC not done → baseline from screening <3.0 (ABN); Week 4 <3.5 (NORM); Week 8 absent.
      lb('S1', 'WBC', 1, -14, '<3.0'),
      lb('S1', 'WBC', 2, 0, null),
      lb('S1', 'WBC', 3, 28, '<3.5'),
      // An unscheduled result is never a by-visit status.
      lb('S1', 'WBC', 4.01, 60, 2.0),
    ],
  };
  const flags = deriveBiomarkerFlags(deriveLabResults(lock, s), ['S1', 'S2'], s);
  const get = (u: string, flag: string, visit: string) =>
    flags.find((f) => f.USUBJID === u && f.PARAMCD === flag && f.AVISIT === visit);

  it('writes every subject × flag × scheduled visit from baseline on', () => {
    const visits = s.visits.filter((v) => v.visitnum >= s.baselineVisitnum).length;
    expect(flags).toHaveLength(2 * s.biomarkers.length * visits);
  });

  it('judges BASELINE on the baseline record and carries the baseline status to each visit', () => {
    expect(get('S1', 'LEUKOPENIA', 'BASELINE')).toMatchObject({ VISITNUM: 1, AVALC: 'ABN', BASEC: 'ABN' });
    expect(get('S1', 'LEUKOPENIA', 'WEEK4')).toMatchObject({ VISITNUM: 3, AVALC: 'NORM', BASEC: 'ABN' });
    expect(get('S1', 'LEUKOPENIA', 'WEEK8')).toMatchObject({ VISITNUM: null, AVALC: 'MISS', BASEC: 'ABN' });
    expect(get('S2', 'LEUKOPENIA', 'WEEK4')).toMatchObject({ AVALC: 'MISS', BASEC: 'MISS' });
  });

  it('writes adbiom with 8-character parameter codes and the planned arm from ADSL', () => {
    const ds = toBiomarkerDataset(flags, datasetContext(['S1', 'S2'], s));
    expect(ds.columns.slice(8)).toEqual([
      'PARAMCD',
      'PARAM',
      'LBTESTCD',
      'AVISIT',
      'AVISITN',
      'VISITNUM',
      'AVALC',
      'BASEC',
    ]);
    expect(ds.rows.find((r) => r.USUBJID === 'S1' && r.LBTESTCD === 'WBC' && r.AVISIT === 'WEEK8')).toMatchObject({
      PARAMCD: 'LEUKOPEN',
      AVISITN: 8,
      TRTP: 'Placebo',
      AVALC: 'MISS',
    });
    expect(ds.rows.every((r) => String(r.PARAMCD).length <= 8)).toBe(true);
  });
});
