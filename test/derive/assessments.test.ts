import { describe, expect, it } from 'vitest';
import { groupQsAssessments, itemNumber, itemText } from '../../src/derive/assessments.js';
import { pga, qs } from './helpers.js';

describe('groupQsAssessments', () => {
  it('groups one instrument by subject (in the order given) then VISITNUM', () => {
    const rows = [
      pga('S2', 3, 28, 1),
      pga('S1', 3, 28, 1),
      pga('S1', 1, -7, 2),
      qs('S1', 2, 0, { QSCAT: 'LIT', QSTESTCD: 'LIT01' }),
    ];
    const a = groupQsAssessments(rows, 'PGA', ['S1', 'S2']);
    expect(a.map((x) => [x.USUBJID, x.VISITNUM, x.ADT])).toEqual([
      ['S1', 1, '2024-12-25'],
      ['S1', 3, '2025-01-29'],
      ['S2', 3, '2025-01-29'],
    ]);
  });

  it('reads an item as missing when NOT DONE or absent', () => {
    const [a] = groupQsAssessments([pga('S1', 2, 0, null)], 'PGA', ['S1']);
    if (!a) throw new Error('no assessment');
    expect(itemNumber(a, 'PGA', 'NOT DONE')).toBeNull();
    expect(itemText(a, 'OTHER', 'NOT DONE')).toBeNull();
    const [b] = groupQsAssessments([pga('S1', 2, 0, 1.5)], 'PGA', ['S1']);
    if (!b) throw new Error('no assessment');
    expect([itemNumber(b, 'PGA', 'NOT DONE'), itemText(b, 'PGA', 'NOT DONE')]).toEqual([1.5, '1.5']);
  });
});
