import { describe, expect, it } from 'vitest';
import { SourceLines } from '../../src/derive/source-lines.js';

const ref = (file: string, line: number) => ({ file, line });

describe('SourceLines', () => {
  it('gives back the rows in the order given, consecutive lines as one run', () => {
    const refs = [ref('qs.csv', 12), ref('qs.csv', 13), ref('qs.csv', 14), ref('qs.csv', 9), ref('qs.csv', 10)];
    const lines = SourceLines.of(refs);
    expect([...lines]).toEqual(refs);
    expect(lines).toHaveLength(5);
  });

  it('keeps a repeated line, a line going back and a second file', () => {
    const refs = [ref('qs.csv', 5), ref('qs.csv', 5), ref('lb.csv', 6), ref('qs.csv', 4), ref('qs.csv', 7)];
    expect([...SourceLines.of(refs)]).toEqual(refs);
  });

  it('leaves out nulls; none at all is empty', () => {
    expect([...SourceLines.of([null, ref('ae.csv', 3), null])]).toEqual([ref('ae.csv', 3)]);
    const none = SourceLines.of([null]);
    expect([...none]).toEqual([]);
    expect(none).toHaveLength(0);
  });
});
