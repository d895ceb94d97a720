import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countEachOf, RecordsByParamVisit } from '../../src/analyze/by-param-visit.js';
import { SubjectIndex } from '../../src/analyze/subject-index.js';

describe('RecordsByParamVisit', () => {
  const subjects = SubjectIndex.of([{ USUBJID: 'S-001' }, { USUBJID: 'S-002' }]);
  const [s1, s2] = [subjects.positionOf('S-001'), subjects.positionOf('S-002')];

  it('finds each record by parameter, visit and subject; a later record of the same three replaces the earlier', () => {
    const records = ['first', 'other subject', 'other visit', 'other test', 'second'];
    const index = new RecordsByParamVisit<string>(subjects, records);
    index.set('HGB', 'WEEK12', 'S-001', 0);
    index.set('HGB', 'WEEK12', 'S-002', 1);
    index.set('HGB', 'WEEK24', 'S-001', 2);
    index.set('PLAT', 'WEEK12', 'S-001', 3);
    index.set('HGB', 'WEEK12', 'S-001', 4);
    expect([s1, s2].map((p) => index.at('HGB', 'WEEK12').get(p))).toEqual(['second', 'other subject']);
    expect(index.at('HGB', 'WEEK24').get(s1)).toBe('other visit');
    expect(index.at('HGB', 'WEEK24').get(s2)).toBeUndefined();
    expect(index.at('PLAT', 'WEEK12').get(s1)).toBe('other test');
    expect([s1, s2].map((p) => index.at('PLAT', 'WEEK24').get(p))).toEqual([undefined, undefined]);
    expect(index.at('WBC', 'WEEK12').get(s1)).toBeUndefined();
  });

  it('holds no record of a subject outside the index, and finds none for position -1', () => {
    const index = new RecordsByParamVisit<string>(subjects, ['outsider', 'member']);
    index.set('HGB', 'WEEK12', 'S-999', 0);
    index.set('HGB', 'WEEK12', 'S-002', 1);
    expect([s1, s2, -1].map((p) => index.at('HGB', 'WEEK12').get(p))).toEqual([undefined, 'member', undefined]);
  });

  it('keeps the parts apart (no key made by joining them)', () => {
    const index = new RecordsByParamVisit<number>(subjects, [1, 2]);
    index.set('A', 'B\u0000C', 'S-001', 0);
    index.set('A\u0000B', 'C', 'S-001', 1);
    expect(index.at('A', 'B\u0000C').get(s1)).toBe(1);
    expect(index.at('A\u0000B', 'C').get(s1)).toBe(2);
  });

  it('finds what a map by (parameter, visit, subject) finds, on random records', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            param: fc.constantFrom('HGB', 'PLAT'),
            visit: fc.constantFrom('BASELINE', 'WEEK4'),
            subject: fc.constantFrom('S-001', 'S-002', 'S-003', 'S-004'),
          }),
          { maxLength: 40 },
        ),
        (records) => {
          const indexed = SubjectIndex.of([{ USUBJID: 'S-003' }, { USUBJID: 'S-001' }, { USUBJID: 'S-004' }]);
          const index = new RecordsByParamVisit(indexed, records);
          const byKey = new Map<string, (typeof records)[number]>();
          records.forEach((r, k) => {
            index.set(r.param, r.visit, r.subject, k);
            byKey.set(`${r.param}|${r.visit}|${r.subject}`, r);
          });
          for (const param of ['HGB', 'PLAT'])
            for (const visit of ['BASELINE', 'WEEK4'])
              for (const subject of ['S-001', 'S-002', 'S-003', 'S-004']) {
                const p = indexed.positionOf(subject);
                const expected = p < 0 ? undefined : byKey.get(`${param}|${visit}|${subject}`);
                expect(index.at(param, visit).get(p)).toBe(expected);
              }
        },
      ),
    );
  });
});

describe('countEachOf', () => {
  it('counts each value as filtering for it would', () => {
    const values = ['ABN', 'MISS', 'ABN', 'NORM', 'ABN'];
    const counts = countEachOf(values.length, (i) => values[i] as string);
    for (const v of ['ABN', 'MISS', 'NORM', 'HIGH'])
      expect(counts.get(v) ?? 0).toBe(values.filter((x) => x === v).length);
    expect(countEachOf(0, () => 'never read').size).toBe(0);
  });
});
