import { describe, expect, it } from 'vitest';
import {
  computeAssessmentFlareFlags,
  computeBilagTransitions,
  computeDomainFlare,
  deriveBilagFlares,
} from '../../src/derive/bilag-flare.js';
import { deriveBilagGrades } from '../../src/derive/bilag.js';
import { bilag, dm, qs as qsRow, settings } from './helpers.js';

// Expected results worked by hand from SAP synopsis §4 and SAP.md §5.5.
const G = ['A', 'B', 'C', 'D', 'E'];

describe('computeDomainFlare', () => {
  it.each([
    ['B', 'A', 'SEVERE'],
    ['E', 'A', 'SEVERE'],
    ['C', 'B', 'MODERATE'],
    ['E', 'B', 'MODERATE'],
    ['D', 'C', 'MILD'],
    ['E', 'C', 'MILD'],
  ])('%s → %s is %s', (prev, now, sev) => {
    expect(computeDomainFlare(prev, now, G)).toBe(sev);
  });

  it.each([
    ['A', 'A'],
    ['B', 'B'],
    ['A', 'B'],
    ['C', 'C'],
    ['B', 'C'],
    ['E', 'D'],
    ['E', 'E'],
  ])('%s → %s is not a flare (same, better, or a move to D/E)', (prev, now) =>
    expect(computeDomainFlare(prev, now, G)).toBeNull(),
  );

  it('has no transition without an earlier grade, and refuses a grade off the scale', () => {
    expect(computeDomainFlare(null, 'A', G)).toBeNull();
    expect(() => computeDomainFlare('B', 'X', G)).toThrow(/scale/);
  });
});

describe('computeBilagTransitions', () => {
  const D = ['d1', 'd2'];
  const m = (a: string | null, b: string | null) =>
    new Map([
      ['d1', a],
      ['d2', b],
    ]);

  it('compares with the most recent earlier grade, not baseline: A → A is no new flare, A → B → A flares twice', () => {
    const t = computeBilagTransitions(m('C', 'E'), [m('A', 'E'), m('A', 'E'), m('B', 'E'), m('A', 'E')], D, G);
    expect(t.map((x) => x.map((y) => `${y.domain}:${y.previous}${y.current}:${y.severity}`))).toEqual([
      ['d1:CA:SEVERE'],
      [],
      [],
      ['d1:BA:SEVERE'],
    ]);
  });

  it('skips a domain missing at an assessment, which keeps its last grade', () => {
    const t = computeBilagTransitions(m('D', 'D'), [m('C', null), m('C', 'B')], D, G);
    expect(t[0]!.map((x) => x.severity)).toEqual(['MILD']);
    // d2 was last graded D (baseline): D → B at the second assessment.
    expect(t[1]!.map((x) => `${x.domain}:${x.previous}${x.current}`)).toEqual(['d2:DB']);
  });

  it('has no transition at the first grade of a domain without baseline, then compares with it', () => {
    const t = computeBilagTransitions(m(null, 'E'), [m('A', 'E'), m('A', 'E'), m('C', 'E'), m('B', 'E')], D, G);
    expect(t.map((x) => x.length)).toEqual([0, 0, 0, 1]);
    expect(t[3]![0]).toEqual({ domain: 'd1', previous: 'C', current: 'B', severity: 'MODERATE' });
  });
});

describe('computeAssessmentFlareFlags', () => {
  const tr = (domain: string, severity: 'SEVERE' | 'MODERATE' | 'MILD') => ({
    domain,
    previous: 'E',
    current: 'A',
    severity,
  });

  it('counts a renal and a non-renal flare at one assessment once each, severity the worst', () => {
    const f = computeAssessmentFlareFlags(
      [tr('BLGRENL', 'MODERATE'), tr('BLGMUCO', 'MODERATE'), tr('BLGMUSK', 'SEVERE')],
      'BLGRENL',
    );
    expect(f).toEqual({
      flare: true,
      renal: true,
      nonRenal: true,
      severe: true,
      nonRenalSeverity: 'SEVERE',
      worst: 'SEVERE',
    });
  });

  it('treats a mild transition as no flare (listing only)', () => {
    expect(computeAssessmentFlareFlags([tr('BLGRENL', 'MILD')], 'BLGRENL')).toEqual({
      flare: false,
      renal: false,
      nonRenal: false,
      severe: false,
      nonRenalSeverity: null,
      worst: 'MILD',
    });
  });

  it('flags a severe renal flare as FLARE_SEVERE (SAP.md §12 C4)', () => {
    const f = computeAssessmentFlareFlags([tr('BLGRENL', 'SEVERE')], 'BLGRENL');
    expect([f.severe, f.renal, f.nonRenal]).toEqual([true, true, false]);
  });
});

describe('deriveBilagFlares: the worked example of SAP.md §5.5', () => {
  //                       CONS MUCO NEUR MUSK CARD GAST OPHT RENL HAEM
  const qs = [
    ...bilag('S1', 1, -14, 'EEEEEEEEE'),
    ...bilag('S1', 2, 0, 'ECEBEEEDE'),
    ...bilag('S1', 3, 28, 'EBEBEEEDE'),
    ...bilag('S1', 3.01, 40, '-A-------'), // unscheduled, only MUCO graded
    ...bilag('S1', 4, 56, 'EAECEEEBE'),
    ...bilag('S1', 5, 84, 'EBEDEEECE'),
    ...bilag('S1', 6, 112, 'EBECEEEBE'),
  ];
  const grades = deriveBilagGrades({ dm: [dm('S1')], qs }, settings());
  const { assessments, transitions } = deriveBilagFlares(grades, settings());

  it('flags each assessment as the table of the example', () => {
    expect(assessments.map((a) => [a.VISITNUM, a.ADY, a.FLAREFL, a.RENFL, a.NRENFL, a.SEVFL])).toEqual([
      [3, 28, 'Y', 'N', 'Y', 'N'],
      [3.01, 40, 'Y', 'N', 'Y', 'Y'],
      [4, 56, 'Y', 'Y', 'N', 'N'],
      [5, 84, 'N', 'N', 'N', 'N'],
      [6, 112, 'Y', 'Y', 'N', 'N'],
    ]);
    expect(assessments[1]!.NGRADED).toBe(1);
    expect(assessments[1]!.NRENSEV).toBe('SEVERE');
  });

  it('lists 5 transitions, the mild musculoskeletal one on day 112 included', () => {
    expect(transitions.map((t) => `${t.ADY} ${t.PARAMCD} ${t.PREVC}->${t.AVALC} ${t.FLRSEV} ${t.FLAREFL}`)).toEqual([
      '28 BLGMUCO C->B MODERATE Y',
      '40 BLGMUCO B->A SEVERE Y',
      '56 BLGRENL D->B MODERATE Y',
      '112 BLGMUSK D->C MILD N',
      '112 BLGRENL C->B MODERATE Y',
    ]);
    expect(transitions.every((t) => t.src !== null)).toBe(true);
  });

  it('orders assessments by date, then VISITNUM, whatever the VISITNUM order (a late scheduled visit)', () => {
    const late = [
      ...bilag('S2', 2, 0, 'EEEEEEEEE'),
      ...bilag('S2', 3.01, 20, 'EBEEEEEEE'), // earlier date than Week 4 below
      ...bilag('S2', 3, 35, 'EAEEEEEEE'),
    ];
    const g = deriveBilagGrades({ dm: [dm('S2')], qs: late }, settings());
    const r = deriveBilagFlares(g, settings());
    expect(r.transitions.map((t) => `${t.VISITNUM} ${t.PREVC}->${t.AVALC}`)).toEqual(['3.01 E->B', '3 B->A']);
  });

  it('ignores an assessment with no graded domain and pre-baseline visits', () => {
    const notDone = settings().bilag.domains.map((d) =>
      qsRow('S3', 3, 28, { QSCAT: 'BILAG-2004', QSTESTCD: d.code, QSSTAT: 'NOT DONE', QSREASND: 'NOT ASSESSED' }),
    );
    const rows = [...bilag('S3', 1, -5, 'AEEEEEEEE'), ...bilag('S3', 2, 0, 'EEEEEEEEE'), ...notDone];
    const g = deriveBilagGrades({ dm: [dm('S3')], qs: rows }, settings());
    expect(g.filter((r) => r.VISITNUM === 3)).toHaveLength(9);
    expect(deriveBilagFlares(g, settings()).assessments).toHaveLength(0);
  });
});
