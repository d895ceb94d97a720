import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordsBySubject, SubjectIndex, subjectIndexOf } from '../../src/analyze/subject-index.js';

describe('SubjectIndex', () => {
  it('numbers subjects by first appearance; a repeated one keeps its position; an unknown one is -1', () => {
    const index = SubjectIndex.of([{ USUBJID: 'B' }, { USUBJID: 'A' }, { USUBJID: 'B' }, { USUBJID: 'C' }]);
    expect(index.size).toBe(3);
    expect([index.positionOf('B'), index.positionOf('A'), index.positionOf('C'), index.positionOf('D')]).toEqual([
      0, 1, 2, -1,
    ]);
    expect([...index.positionsOf([{ USUBJID: 'C' }, { USUBJID: 'D' }, { USUBJID: 'B' }])]).toEqual([2, -1, 0]);
  });

  it('adds a new subject at the end and returns the known position of an old one', () => {
    const index = new SubjectIndex();
    expect([index.add('X'), index.add('Y'), index.add('X'), index.add('Z')]).toEqual([0, 1, 0, 2]);
    expect(index.size).toBe(3);
  });

  it('answers as a map of first positions would, whatever the order of lookups (its last-lookup cache)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('S1', 'S2', 'S3', 'S4', 'S5'), { maxLength: 30 }),
        fc.array(fc.constantFrom('S1', 'S2', 'S3', 'S4', 'S5', 'S6'), { maxLength: 30 }),
        (added, looked) => {
          const index = new SubjectIndex();
          const first = new Map<string, number>();
          for (const id of added) {
            if (!first.has(id)) first.set(id, first.size);
            expect(index.add(id)).toBe(first.get(id));
          }
          for (const id of looked) expect(index.positionOf(id)).toBe(first.get(id) ?? -1);
        },
      ),
    );
  });

  it('is made once per subject list (subjectIndexOf)', () => {
    const adsl = [{ USUBJID: 'A' }, { USUBJID: 'B' }];
    expect(subjectIndexOf(adsl)).toBe(subjectIndexOf(adsl));
    expect(subjectIndexOf([...adsl])).not.toBe(subjectIndexOf(adsl));
  });
});

describe('RecordsBySubject', () => {
  it("holds one record a subject by its index in the caller's records; a later one replaces the earlier", () => {
    const records = ['a', 'b', 'c'];
    const at = new RecordsBySubject(3, records);
    at.set(2, 0);
    at.set(0, 1);
    at.set(2, 2);
    expect([at.get(0), at.get(1), at.get(2), at.get(-1)]).toEqual(['b', undefined, 'c', undefined]);
    expect([at.indexOf(0), at.indexOf(1), at.indexOf(-1), at.indexOf(3)]).toEqual([1, -1, -1, -1]);
    expect([2, -1, 1, 0, 3].map((p) => at.get(p))).toEqual(['c', undefined, undefined, 'b', undefined]);
  });
});
