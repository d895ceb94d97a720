import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHAR_TWIPS,
  cellLineCount,
  fitsOnOneLine,
  TEXT_WIDTH,
  cellEdges,
  cellLines,
  countLine,
  fitColumns,
  longestLine,
  longestWord,
  wrapText,
  type ColumnNeed,
} from '../../src/render/page-layout.js';

/** Characters of the page's text width (120 for landscape letter at 9 pt Courier). */
const ROOM = TEXT_WIDTH / CHAR_TWIPS;
/** What a set of widths takes on the page as cellEdges counts it (text, one of slack, two of padding). */
const taken = (widths: readonly number[]) => widths.reduce((s, w) => s + Math.max(w, 1) + 3, 0);

const need = (header: string, cells: readonly string[]): ColumnNeed => {
  const lineCounts: number[] = [];
  for (const cell of cells) countLine(lineCounts, longestLine(cell));
  return {
    headerLine: longestLine(header),
    headerWord: longestWord(header),
    lineCounts,
    bodyWord: Math.max(0, ...cells.map(longestWord)),
  };
};

/** wrapText as first written (split at spaces, lines built word by word): the reference of its index-based form. */
function wrapBySplitting(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    let rest = word;
    const candidate = line === '' ? rest : `${line} ${rest}`;
    if (candidate.length <= w) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    while (rest.length > w) {
      lines.push(rest.slice(0, w));
      rest = rest.slice(w);
    }
    line = rest;
  }
  lines.push(line);
  return lines;
}

describe('wrapText', () => {
  it('wraps as splitting at spaces and adding word by word does (runs of spaces, ends, long words)', () => {
    const cases = [
      '',
      ' ',
      '  ',
      'a',
      ' a',
      'a ',
      'ab  cd',
      'abcdefghij',
      'ab cdefghijk l',
      '   abc  def   ',
      'a b c d e f',
    ];
    for (const t of cases)
      for (const w of [0, 1, 2, 3, 4, 5, 8, 20]) expect(wrapText(t, w)).toEqual(wrapBySplitting(t, w));
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', ' ', 'xyz'), { maxLength: 40 }).map((parts) => parts.join('')),
        fc.integer({ min: -1, max: 12 }),
        (text, width) => {
          expect(wrapText(text, width)).toEqual(wrapBySplitting(text, width));
        },
      ),
      { numRuns: 2000, seed: 12 },
    );
  });
});

describe('cellLines', () => {
  it('breaks at every \\n (stacked values) and word-wraps each line', () => {
    expect(cellLines('45/F\nBLACK OR AFRICAN AMERICAN', 16)).toEqual(['45/F', 'BLACK OR AFRICAN', 'AMERICAN']);
    expect(cellLines('2025-01-02 (D14)\n', 20)).toEqual(['2025-01-02 (D14)', '']);
    expect(cellLines('one line', 20)).toEqual(['one line']);
  });
  it('measures lines and words of stacked text', () => {
    expect(longestLine('ab\nabcd\nabc')).toBe(4);
    expect(longestWord('a bcd\nef ghijk')).toBe(5);
  });
  it('counts the lines cellLines makes', () => {
    const texts = ['', 'abc', ' abc', 'abcdef', 'ab cd ef', 'ab\ncd', 'abc\n', 'abcdefgh ij'];
    for (const t of texts) for (const w of [0, 1, 3, 5, 20]) expect(cellLineCount(t, w)).toBe(cellLines(t, w).length);
  });
  it('tells when cellLines gives the text itself as its one line', () => {
    const texts = ['', 'abc', ' abc', 'abcdef', 'ab cd ef', 'ab\ncd', 'abc\n', 'abcdefgh ij', 'a  '];
    for (const t of texts)
      for (const w of [0, 1, 3, 5, 20]) {
        const lines = cellLines(t, w);
        expect(fitsOnOneLine(t, w)).toBe(lines.length === 1 && lines[0] === t);
      }
  });
  it('measures as splitting at line breaks (and spaces) would, at the ends and between breaks too', () => {
    const texts = ['', 'abc', '\n', 'abc\n', '\nabcd', 'a\n\nbcdef\ngh', '  a  bc ', 'ab cd\n\nefg h ', ' \n '];
    for (const t of texts) {
      expect(longestLine(t)).toBe(Math.max(...t.split('\n').map((l) => l.length)));
      expect(longestWord(t)).toBe(Math.max(...t.split(/[ \n]/).map((w) => w.length)));
    }
  });
});

describe('fitColumns', () => {
  it('keeps natural widths when they fit', () => {
    const fit = fitColumns([need('Subject', ['S-001']), need('Value', ['12.5'])], 1, 1);
    expect(fit).toEqual({ widths: [7, 5], fits: true });
  });

  it('wraps headers at their words first, then gives the room left back to the cheapest header', () => {
    // Bodies take 11 + 30 + 30 + 28 = 99, + 12 (slack and padding) = 111 of 120: 9 characters to give back.
    const needs = [
      need('Subject', ['SLEMSC01-01']),
      need('A header that is much wider than its column', ['x'.repeat(30)]),
      need('Another rather long header of words', ['y'.repeat(30)]),
      need('Short header text', ['z'.repeat(28)]),
    ];
    const fit = fitColumns(needs, 1, 1);
    expect(fit.fits).toBe(true);
    // The 35-character header costs 5 and stays whole; the 44-character one would cost 14 and wraps;
    // 'Short header text' (17) is narrower than its body anyway.
    expect(fit.widths).toEqual([11, 30, 35, 28]);
    expect(taken(fit.widths)).toBeLessThanOrEqual(ROOM);
  });

  it('wraps the column where the fewest cells would wrap, never below its longest word', () => {
    const visits = [...new Array<string>(20).fill('WEEK 4 (D29)'), 'UNSCHEDULED 8.01 (D252)'];
    const terms = [...new Array<string>(20).fill('Short term'), 'A much longer reported term here'];
    const needs = [
      need('Subject', ['SLEMSC01-101-002']),
      need('Visit (Day)', visits),
      need('Term', terms),
      need('Value', ['12345678901234567890123456789012345678901234']),
    ];
    const fit = fitColumns(needs, 1, 1);
    expect(fit.fits).toBe(true);
    expect(taken(fit.widths)).toBeLessThanOrEqual(ROOM);
    // A number (one word) never wraps; the one long visit and the one long term wrap, not the 20 short ones.
    expect(fit.widths[3]).toBe(44);
    expect(fit.widths[1]).toBeGreaterThanOrEqual(12);
    expect(fit.widths[2]).toBeGreaterThanOrEqual(10);
    expect(fit.widths[1]).toBeGreaterThanOrEqual(longestWord(visits.join(' ')));
  });

  it('says so when even the longest words do not fit', () => {
    const fit = fitColumns([need('A', ['x'.repeat(70)]), need('B', ['y'.repeat(70)])], 1, 1);
    expect(fit.fits).toBe(false);
  });

  it('agrees with cellEdges: fitted widths give cells that hold them', () => {
    const needs = [need('Subject', ['SLEMSC01-101-002']), need('Text', ['word '.repeat(40).trim()]), need('N', ['1'])];
    const fit = fitColumns(needs, 1, 1);
    const edges = cellEdges(fit.widths, 1, 1);
    expect(edges.at(-1)).toBe(TEXT_WIDTH);
    edges.forEach((e, i) => {
      const cell = e - (edges[i - 1] ?? 0);
      expect(cell, `cell ${i}`).toBeGreaterThanOrEqual((fit.widths[i]! + 3) * CHAR_TWIPS - 1);
    });
  });

  it('fits a listing of half a million rows (a 5,000-subject lock) from counts of cells by length', () => {
    const rows = 500_000;
    const lineCounts: number[] = [];
    for (let i = 0; i < rows; i++) countLine(lineCounts, i === rows - 1 ? 90 : 10);
    expect(lineCounts.length).toBe(91);
    expect(lineCounts[10]).toBe(rows - 1);
    const needs = [{ headerLine: 7, headerWord: 7, lineCounts, bodyWord: 10 }, need('Value', ['12.5'])];
    const fit = fitColumns(needs, 1, 1);
    expect(fit).toEqual({ widths: [90, 5], fits: true });
  });
});
