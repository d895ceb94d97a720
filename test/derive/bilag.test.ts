import { describe, expect, it } from 'vitest';
import {
  computeBilagNewGrades,
  deriveBilagBaselineAB,
  deriveBilagGrades,
  deriveBilagNewGrades,
  toBilagDataset,
} from '../../src/derive/bilag.js';
import { bilag, dm, settings } from './helpers.js';
import { datasetContext } from '../helpers/dataset-context.js';

// Expected counts worked by hand from the SAP synopsis §4 (new A: A from not A; new B: B from C/D/E).
const G = ['A', 'B', 'C', 'D', 'E'];
const DOM = ['d1', 'd2', 'd3'];
const m = (letters: string) => new Map(DOM.map((d, i) => [d, letters[i] === '-' ? null : (letters[i] ?? null)]));

describe('computeBilagNewGrades', () => {
  it('counts one new B (from C) and ignores B staying B', () => {
    expect(computeBilagNewGrades(m('BBE'), m('CBE'), DOM, G)).toEqual({ newA: 0, newB: 1 });
  });

  it('counts two new B', () => {
    expect(computeBilagNewGrades(m('BBE'), m('DEE'), DOM, G)).toEqual({ newA: 0, newB: 2 });
  });

  it('counts a new A from B, and a baseline A staying A is not new', () => {
    expect(computeBilagNewGrades(m('AAE'), m('BAE'), DOM, G)).toEqual({ newA: 1, newB: 0 });
  });

  it('does not count B from A (an improvement) as new B', () => {
    expect(computeBilagNewGrades(m('BEE'), m('AEE'), DOM, G)).toEqual({ newA: 0, newB: 0 });
  });

  it('is missing when a domain is not graded at the visit or has no baseline', () => {
    expect(computeBilagNewGrades(m('B-E'), m('CBE'), DOM, G)).toBeNull();
    expect(computeBilagNewGrades(m('BBE'), m('C-E'), DOM, G)).toBeNull();
  });
});

describe('deriveBilagGrades and deriveBilagNewGrades', () => {
  const s = settings();
  //                      CONS MUCO NEUR MUSK CARD GAST OPHT RENL HAEM
  const lock = {
    dm: [dm('S1')],
    qs: [
      ...bilag('S1', 1, -10, 'EBEEEEEEE'),
      ...bilag('S1', 2, 0, 'ECEBEEE-E'), // renal not graded at Day 0: screening's E is its baseline
      ...bilag('S1', 3, 28, 'EBECEEEBE'), // MUCO C→B new B, RENL E→B new B
      ...bilag('S1', 5, 84, 'EBEAEEE-E'), // MUSK B→A new A, but RENL not graded
    ],
  };
  const grades = deriveBilagGrades(lock, s);

  it('gives one record per assessment and domain with its baseline grade per domain', () => {
    expect(grades).toHaveLength(4 * 9);
    const renal = grades.filter((g) => g.PARAMCD === 'BLGRENL');
    expect(renal.map((g) => [g.VISITNUM, g.AVALC, g.ABLFL, g.BASEC])).toEqual([
      [1, 'E', 'Y', 'E'],
      [2, null, null, 'E'],
      [3, 'B', null, 'E'],
      [5, null, null, 'E'],
    ]);
    const muco = grades.filter((g) => g.PARAMCD === 'BLGMUCO');
    expect(muco.map((g) => [g.VISITNUM, g.ABLFL, g.BASEC])).toEqual([
      [1, null, 'C'],
      [2, 'Y', 'C'],
      [3, null, 'C'],
      [5, null, 'C'],
    ]);
  });

  it('counts new grades at post-baseline visits and says why a visit is missing', () => {
    const v = deriveBilagNewGrades(grades, s);
    expect(v.map((x) => [x.VISITNUM, x.AVISIT, x.ADY, x.NEWA, x.NEWB, x.MISSREAS])).toEqual([
      [3, 'WEEK4', 28, 0, 2, null],
      [5, 'WEEK12', 84, null, null, 'not graded: BLGRENL'],
    ]);
  });

  it('flags A or B at baseline per domain for every subject, null without a baseline', () => {
    const b = deriveBilagBaselineAB(['S1', 'S9'], grades, s);
    expect(b).toHaveLength(18);
    expect(b.filter((x) => x.USUBJID === 'S1' && x.BLABFL === 'Y').map((x) => x.PARAMCD)).toEqual(['BLGMUSK']);
    expect(b.find((x) => x.USUBJID === 'S1' && x.PARAMCD === 'BLGMUCO')).toMatchObject({ BASEC: 'C', BLABFL: 'N' });
    expect(b.filter((x) => x.USUBJID === 'S9').every((x) => x.BASEC === null && x.BLABFL === null)).toBe(true);
  });

  it('writes grades and the NEWAB rows into adbilag', () => {
    const d = toBilagDataset(grades, deriveBilagNewGrades(grades, s), datasetContext(['S1', 'S9'], s));
    expect(d.rows).toHaveLength(36 + 2);
    expect(d.rows.at(-1)).toMatchObject({
      PARAMCD: 'NEWAB',
      PARAM: 'BILAG-2004 New A and New B Counts',
      VISITNUM: 5,
      AVISITN: 12,
      NEWA: null,
      AVALC: 'not graded: BLGRENL',
    });
    expect(d.rows[0]).toMatchObject({ PARAMCD: 'BLGCONS', PARAM: 'BILAG-2004 Constitutional Grade' });
  });
});
