import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alignCell,
  alignedParts,
  alignedTail,
  cellParts,
  columnAlign,
  headInt,
  padTail,
  tailShape,
} from '../../src/render/align.js';

// Expected strings written out by hand from the rules in src/render/align.ts.
describe('decimal alignment', () => {
  it('splits a cell into its first number and the rest', () => {
    expect(cellParts('13 (48.1)')).toEqual({ head: '13', tail: ' (48.1)' });
    expect(cellParts('29.0, 42.0')).toEqual({ head: '29.0', tail: ', 42.0' });
    expect(cellParts('<0.001')).toEqual({ head: '<0.001', tail: '' });
    expect(cellParts('NE (NE, NE)')).toEqual({ head: 'NE', tail: ' (NE, NE)' });
    expect(cellParts('13/27 (48.1)')).toEqual({ head: '13', tail: '/27 (48.1)' });
  });

  it('pads counts, percentages and estimates of a column to one shape', () => {
    const cells = ['13 (48.1)', '1 (4.8)', '0', '2.13 (0.68, 6.68)', '<0.001', ''];
    const a = columnAlign(cells);
    // Heads: 2 characters before the point ('13', '<0'); width 18 (' 2.13 (0.68, 6.68)').
    expect(a.width).toBe(18);
    expect(cells.map((c) => alignCell(c, a))).toEqual([
      '13 (48.1)'.padEnd(18),
      ' 1 ( 4.8)'.padEnd(18),
      ' 0'.padEnd(18),
      ' 2.13 (0.68, 6.68)',
      '<0.001'.padEnd(18),
      '',
    ]);
  });

  it('pads a tail only with tails of its shape (percentages with percentages, SDs with SDs)', () => {
    expect(tailShape(' (48.1)')).toBe(tailShape(' (<0.1)'));
    expect(tailShape(' (4.56)')).not.toBe(tailShape(' (48.1)'));
    const a = columnAlign(['10.5 (3.78)', '9 (100.0)', '1 (4.8)']);
    expect(alignCell('10.5 (3.78)', a).trimEnd()).toBe('10.5 (3.78)');
    expect(alignCell('1 (4.8)', a).trimEnd()).toBe(' 1 (  4.8)');
  });

  it('pads a text once per column: a repeat gives the same cell, another column its own', () => {
    const narrow = columnAlign(['1 (4.8)', '0']);
    const wide = columnAlign(['1 (4.8)', '100 (100.0)']);
    expect(alignCell('1 (4.8)', narrow)).toBe('1 (4.8)');
    expect(alignCell('1 (4.8)', wide)).toBe('  1 (  4.8)');
    expect(alignCell('1 (4.8)', narrow)).toBe('1 (4.8)');
    expect(alignCell('0', wide)).toBe('  0'.padEnd(11));
    expect(alignCell('0', narrow)).toBe('0'.padEnd(7));
    expect(alignedTail(' (4.8)', wide)).toBe(' (  4.8)');
    expect(alignedTail(' (4.8)', narrow)).toBe(' (4.8)');
    expect(alignedTail(' (4.8)', wide)).toBe(' (  4.8)');
  });

  it('aligns a column with repeated texts as the same column of distinct texts', () => {
    const cells = ['0', '12 (4.8)', '0', '1 (100.0)', '12 (4.8)', ''];
    expect(columnAlign(cells)).toEqual(columnAlign(['0', '12 (4.8)', '1 (100.0)']));
  });
});

describe('tailShape', () => {
  /** The definition: `<` `>` removed, then decimals as `#.d…`, whole numbers and NE as `#`. */
  const byRegExps = (tail: string) =>
    tail
      .replace(/[<>]/g, '')
      .replace(/-?\d+\.(\d+)/g, (_m, f: string) => `#.${'d'.repeat(f.length)}`)
      .replace(/-?\d+/g, '#')
      .replace(/NE/g, '#');

  it('shapes any text as the regular expressions of its definition do', () => {
    const text = fc.string({ unit: fc.constantFrom(...'0123456789.-<>NE (),/%a'.split('')), maxLength: 24 });
    fc.assert(
      fc.property(text, (t) => tailShape(t) === byRegExps(t)),
      { numRuns: 5000 },
    );
    for (const t of [' (48.1)', ' (<0.1)', ' (-0.68, 6.68)', '12.', '1-2.5', '--1.5', 'NNE', 'N<E', '1.2.3', '-NE'])
      expect(tailShape(t)).toBe(byRegExps(t));
  });
});

describe('a column aligned once per distinct text, as its definition aligns each cell', () => {
  // The definition, from the exported primitives: heads padded to the column's widest integer part,
  // each tail's first number to the widest of its shape, every cell to the widest aligned cell.
  const tailInt = (tail: string) => {
    const body = tail.slice((/^[ ,/]*\(?/.exec(tail)?.[0] ?? '').length);
    const end = body.search(/[., )]/);
    return end < 0 ? body.length : end;
  };
  const reference = (cells: readonly string[]) => {
    const filled = cells.filter((c) => c !== '');
    const headInts = filled.map((c) => headInt(cellParts(c).head));
    const hInt = Math.max(0, ...headInts);
    const tInts: Record<string, number> = {};
    for (const c of filled) {
      const { tail } = cellParts(c);
      if (tail !== '') tInts[tailShape(tail)] = Math.max(tInts[tailShape(tail)] ?? 0, tailInt(tail));
    }
    const aligned = (c: string) => {
      const { head, tail } = cellParts(c);
      return ' '.repeat(Math.max(0, hInt - headInt(head))) + head + padTail(tail, tInts[tailShape(tail)] ?? 0);
    };
    const width = Math.max(0, ...filled.map((c) => aligned(c).length));
    return {
      align: { headInt: hInt, tailInts: tInts, width },
      cell: (c: string) => (c === '' ? '' : aligned(c).padEnd(width)),
      parts: (c: string) => {
        const { head, tail } = cellParts(c);
        return { head, headInt: headInt(head), tail: padTail(tail, tInts[tailShape(tail)] ?? 0) };
      },
    };
  };
  const num = fc.oneof(
    fc.integer({ min: -999, max: 9999 }).map(String),
    fc.tuple(fc.integer({ min: -99, max: 999 }), fc.integer({ min: 0, max: 999 })).map(([i, f]) => `${i}.${f}`),
    fc.constantFrom('NE', '<0.001', '>0.999', '<0.1', '>99.9'),
  );
  const cell = fc.oneof(
    num,
    fc.tuple(num, num).map(([n, p]) => `${n} (${p})`),
    fc.tuple(num, num, num).map(([e, l, u]) => `${e} (${l}, ${u})`),
    fc.tuple(num, num).map(([a, b]) => `${a}, ${b}`),
    fc.tuple(num, num, num).map(([n, d, p]) => `${n}/${d} (${p})`),
    fc.constant(''),
  );

  it('gives the columns, cells and RTF parts of the definition, for the texts measured and others', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 12 }), fc.array(cell, { maxLength: 4 }), (cells, others) => {
        const want = reference(cells);
        const a = columnAlign(cells);
        expect(a).toEqual(want.align);
        for (const c of [...cells, ...others]) {
          expect(alignCell(c, a)).toBe(c === '' ? '' : want.cell(c).padEnd(a.width));
          if (c !== '') expect(alignedParts(c, a)).toEqual(want.parts(c));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
