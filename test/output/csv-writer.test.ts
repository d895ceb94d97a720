/**
 * The one-pass writer (`spreadsheetSafeCsvOf`, used for ard.csv and every ADaM CSV) writes the bytes of
 * the definition it replaced: every cell neutralized (`neutralizeFormula`), then `csvText`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  csvText,
  neutralizeFormula,
  spreadsheetSafeCsvOf,
  spreadsheetSafeCsvPieces,
  spreadsheetSafeCsvText,
  type CsvValue,
} from '../../src/output/csv.js';

function reference(header: readonly string[], records: readonly (readonly CsvValue[])[]): string {
  return csvText(
    header.map((h) => neutralizeFormula(h) as string),
    records.map((r) => r.map(neutralizeFormula)),
  );
}

const text = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '=1+1',
    '+3',
    '-1.5',
    '-',
    '@x',
    '\t=x',
    '\r=x',
    'a,b',
    'say "hi"',
    'two\nlines',
    '-1e-7',
    '+SUM(A1)',
    '',
  ),
  fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ',', '"', '1', '.', 'e', 'a') }),
);
const value: fc.Arbitrary<CsvValue> = fc.oneof(
  text,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constant(null),
);

describe('spreadsheetSafeCsvOf', () => {
  it('writes the bytes of neutralize-then-csvText, for any cells', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((w) =>
            fc.tuple(
              fc.array(text, { minLength: w, maxLength: w }),
              fc.array(fc.array(value, { minLength: w, maxLength: w }), { maxLength: 8 }),
            ),
          ),
        ([header, records]) => {
          const expected = reference(header, records);
          expect(spreadsheetSafeCsvText(header, records)).toBe(expected);
          expect(spreadsheetSafeCsvOf(header, records, (r, _c, j) => r[j] as CsvValue)).toBe(expected);
          expect([...spreadsheetSafeCsvPieces(header, records, (r, _c, j) => r[j] as CsvValue)].join('')).toBe(
            expected,
          );
        },
      ),
      { numRuns: 500 },
    );
  });
  it('reads cells by column name and row index; a header alone is one line', () => {
    const rows = [
      { A: '=x', B: 1 },
      { A: 'y', B: null },
    ];
    const seen: string[] = [];
    const out = spreadsheetSafeCsvOf(['A', 'B'], rows, (r, c, j, i) => {
      seen.push(`${i}${j}${c}`);
      return r[c as 'A' | 'B'];
    });
    expect(out).toBe("A,B\n'=x,1\ny,\n");
    expect(seen).toEqual(['00A', '01B', '10A', '11B']);
    expect(spreadsheetSafeCsvOf(['=H'], [], () => null)).toBe("'=H\n");
  });
  it('refuses a number that is not finite, as csvField does', () => {
    expect(() => spreadsheetSafeCsvOf(['A'], [1], () => Number.NaN)).toThrow(RangeError);
  });
});

describe('spreadsheetSafeCsvPieces', () => {
  it('the header, then 1,000 lines a piece, each ended by LF; joined the same bytes as spreadsheetSafeCsvOf', () => {
    const rows = Array.from({ length: 2001 }, (_, i) => i);
    const pieces = [...spreadsheetSafeCsvPieces(['N', 'F'], rows, (r, c) => (c === 'N' ? r : `=${r}`))];
    expect(pieces.map((p) => p.split('\n').length - 1)).toEqual([1, 1000, 1000, 1]);
    expect(pieces.join('')).toBe(spreadsheetSafeCsvOf(['N', 'F'], rows, (r, c) => (c === 'N' ? r : `=${r}`)));
    expect([...spreadsheetSafeCsvPieces(['=H'], [], () => null)]).toEqual(["'=H\n"]);
  });
});
