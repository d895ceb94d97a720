import { describe, expect, it } from 'vitest';
import { countEach, RecordsByParamVisit } from '../../src/analyze/by-param-visit.js';

describe('RecordsByParamVisit', () => {
  it('finds each record by parameter, visit and subject; a later record of the same three replaces the earlier', () => {
    const index = new RecordsByParamVisit<string>();
    index.set('HGB', 'WEEK12', 'S-001', 'first');
    index.set('HGB', 'WEEK12', 'S-002', 'other subject');
    index.set('HGB', 'WEEK24', 'S-001', 'other visit');
    index.set('PLAT', 'WEEK12', 'S-001', 'other test');
    index.set('HGB', 'WEEK12', 'S-001', 'second');
    expect([...index.at('HGB', 'WEEK12')]).toEqual([
      ['S-001', 'second'],
      ['S-002', 'other subject'],
    ]);
    expect(index.at('HGB', 'WEEK24').get('S-001')).toBe('other visit');
    expect(index.at('PLAT', 'WEEK12').get('S-001')).toBe('other test');
    expect(index.at('PLAT', 'WEEK24').size).toBe(0);
    expect(index.at('WBC', 'WEEK12').get('S-001')).toBeUndefined();
  });

  it('keeps the parts apart (no key made by joining them)', () => {
    const index = new RecordsByParamVisit<number>();
    index.set('A', 'B\u0000C', 'S', 1);
    index.set('A\u0000B', 'C', 'S', 2);
    expect(index.at('A', 'B\u0000C').get('S')).toBe(1);
    expect(index.at('A\u0000B', 'C').get('S')).toBe(2);
  });
});

describe('countEach', () => {
  it('counts each value as filtering for it would', () => {
    const values = ['ABN', 'MISS', 'ABN', 'NORM', 'ABN'];
    const counts = countEach(values);
    for (const v of ['ABN', 'MISS', 'NORM', 'HIGH'])
      expect(counts.get(v) ?? 0).toBe(values.filter((x) => x === v).length);
    expect(countEach([]).size).toBe(0);
  });
});
