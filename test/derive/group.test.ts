import { describe, expect, it } from 'vitest';
import { groupBySubject } from '../../src/derive/group.js';

describe('groupBySubject', () => {
  it('keeps first-seen subject order and row order within a subject', () => {
    const g = groupBySubject([
      { USUBJID: 'B', n: 1 },
      { USUBJID: 'A', n: 2 },
      { USUBJID: 'B', n: 3 },
    ]);
    expect([...g.keys()]).toEqual(['B', 'A']);
    expect(g.get('B')?.map((r) => r.n)).toEqual([1, 3]);
  });
});
