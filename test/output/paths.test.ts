import { describe, expect, it } from 'vitest';
import { checkOutputPath, compareCodeUnits } from '../../src/output/paths.js';

describe('checkOutputPath', () => {
  it('accepts relative slash-separated names', () => {
    expect(() => checkOutputPath('ard.csv')).not.toThrow();
    expect(() => checkOutputPath('tables/t-14.2.1.1.rtf')).not.toThrow();
  });
  it.each(['', '/abs.csv', 'a//b', '../x', 'a/./b', 'a/..', 'win\\x', 'nul\0', 'dir/'])('rejects %j', (p) => {
    expect(() => checkOutputPath(p)).toThrow(/not a valid output file name/);
  });
});

describe('compareCodeUnits', () => {
  it('orders by UTF-16 code units', () => {
    expect(['b', 'B', 'a', 'WEEK4', 'WEEK12'].sort(compareCodeUnits)).toEqual(['B', 'WEEK12', 'WEEK4', 'a', 'b']);
  });
});
