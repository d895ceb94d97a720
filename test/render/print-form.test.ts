import { describe, expect, it } from 'vitest';
import { ardLookup } from '../../src/render/ard-lookup.js';
import {
  DRAFT_MARK,
  DUMMY_MARK,
  buildPrintForm,
  continuationRows,
  markLines,
  pageOverhead,
  pageTextLines,
  paginate,
  stubLines,
  valueCellLine,
  valueCellLines,
  INDENT_CHARS,
} from '../../src/render/print-form.js';
import { LINES_PER_PAGE, PAGE_CHARS, cellLines, wrapText } from '../../src/render/page-layout.js';
import { renderText } from '../../src/render/text.js';
import type { PrintRow } from '../../src/render/print-form.js';
import type { RowKey, TableSpec } from '../../src/render/table-spec.js';
import { sampleArd, sampleSpec } from './sample-table.js';
import { columnAlign } from '../../src/render/align.js';

const plain = { draft: false, dummyRandomization: false };

describe('buildPrintForm', () => {
  it('fills header counts, formatted cells, blanks where a row has no value', () => {
    const form = buildPrintForm(sampleSpec(), ardLookup(sampleArd(3.5)), { flags: plain, linesPerPage: 60 });
    expect(form.marks).toEqual([]);
    expect(form.titleLines).toEqual(['Table 1.2.3', 'Responders & <others>', 'Full Analysis Set']);
    expect(form.header).toEqual([
      ['Statistic', 'Arm A', 'Arm B', 'Arm C'],
      ['', '(N=27)', '(N=26)', '(N=28)'],
    ]);
    // 8/27 = 29.63 %, 12/26 = 46.15 %, 15/28 = 53.57 %; OR 2.125 → 2.13 (half away), 0.675 → 0.68, 6.6849 → 6.68.
    expect(form.rows.map((r) => r.cells)).toEqual([
      ['Responders, n (%)', '8 (29.6)', '12 (46.2)', '15 (53.6)'],
      ['Odds ratio (95% CI)', '', '2.13 (0.68, 6.68)', '3.50 (NE, NE)'],
      ['', '', '', ''],
      ['Heading {x}', '', '', ''],
      ['p-value', '', '0.265', '<0.001'],
    ]);
    expect(form.rows.map((r) => r.indent)).toEqual([0, 1, 0, 0, 1]);
    expect(form.pages).toHaveLength(1);
  });

  it('adds the NE footnote only when a cell shows NE', () => {
    const withNe = buildPrintForm(sampleSpec(), ardLookup(sampleArd(null)), { flags: plain, linesPerPage: 60 });
    expect(withNe.footnotes).toEqual(['Footnote one.', 'NE = not estimable.']);
    const spec = sampleSpec();
    const noOr = { ...spec, rows: spec.rows.filter((r) => r.kind !== 'stat' || r.label !== 'Odds ratio (95% CI)') };
    const without = buildPrintForm(noOr, ardLookup(sampleArd(null)), { flags: plain, linesPerPage: 60 });
    expect(without.footnotes).toEqual(['Footnote one.']);
  });

  it('puts the DRAFT and DUMMY RANDOMIZATION marks above the titles', () => {
    expect(markLines({ draft: true, dummyRandomization: true })).toEqual([DRAFT_MARK, DUMMY_MARK]);
    expect(DRAFT_MARK).toBe('DRAFT \u2014 lock not verified');
    const form = buildPrintForm(sampleSpec(), ardLookup(sampleArd()), {
      flags: { draft: false, dummyRandomization: true },
      linesPerPage: 60,
    });
    expect(form.marks).toEqual([DUMMY_MARK]);
  });

  it('measures column widths from the longest text (indent included), value columns as decimal-aligned', () => {
    const form = buildPrintForm(sampleSpec(), ardLookup(sampleArd()), { flags: plain, linesPerPage: 60 });
    // Stub: the longest label with its indent; Arm B: '12 (46.2)' puts 2 characters before the point, so
    // '2.13 (0.68, 6.68)' is printed ' 2.13 (0.68, 6.68)' (18); Arm C: 'NE (NE, NE)' (11) beats '(N=28)'.
    // (The stub also makes room for a label restated as 'Heading {x} (continued)': 23 characters.)
    expect(form.columnWidths).toEqual(['Heading {x} (continued)'.length, 8, 18, 11]);
  });

  it('fails loudly when the ARD lacks a value the spec needs', () => {
    const rows = sampleArd().filter((r) => r.stat !== 'p');
    expect(() => buildPrintForm(sampleSpec(), ardLookup(rows), { flags: plain, linesPerPage: 60 })).toThrow(/no row/);
  });

  it('paginates by lines per page with the overhead repeated on every page', () => {
    // Overhead: page line 1 + 3 titles + blank 1 + 2 header rows + 3 rules + 2 footnotes = 12.
    expect(pageOverhead(3, 2, 2)).toBe(12);
    const form = buildPrintForm(sampleSpec(), ardLookup(sampleArd()), { flags: plain, linesPerPage: 15 });
    expect(form.pages.map((p) => p.rows.map((r) => r.cells[0]))).toEqual([
      ['Responders, n (%)', 'Odds ratio (95% CI)'],
      ['Heading {x}', 'p-value'],
    ]);
    expect(form.pages.map((p) => p.number)).toEqual([1, 2]);
    expect(() => buildPrintForm(sampleSpec(), ardLookup(sampleArd()), { flags: plain, linesPerPage: 13 })).toThrow(
      /at least 2/,
    );
  });
});

describe('row keys', () => {
  it('looks every value up by the row key fields, whatever order or extra fields the key object has', () => {
    // statRow copies each row's key into one shape before the per-value lookups (see sameShapeKey).
    const spec = sampleSpec();
    const reordered: TableSpec = {
      ...spec,
      rows: spec.rows.map((r) => {
        if (r.kind !== 'stat') return r;
        const k = r.key;
        const key = {
          comparator: k.comparator,
          population: k.population,
          visit: k.visit,
          param: k.param,
          endpoint: k.endpoint,
          note: 'x',
        };
        return { ...r, key: key as RowKey };
      }),
    };
    const options = { flags: plain, linesPerPage: 60 };
    const made = (s: TableSpec) =>
      buildPrintForm(s, ardLookup(sampleArd(3.5)), options).rows.map((r) => [r.cells, r.ardKeys]);
    expect(made(reordered)).toEqual(made(spec));
    expect(made(spec).some(([cells]) => (cells as string[]).some((c) => /\d/.test(c)))).toBe(true);
  });
});

describe('paginate', () => {
  const stat = (label: string): PrintRow => ({ kind: 'stat', indent: 1, cells: [label] });
  const label = (text: string): PrintRow => ({ kind: 'label', indent: 0, cells: [text] });
  const sep: PrintRow = { kind: 'separator', indent: 0, cells: [''] };
  const labels = (pages: PrintRow[][]) => pages.map((p) => p.map((r) => (r.kind === 'separator' ? '-' : r.cells[0])));

  it('keeps blocks whole when they fit, with a separator between blocks on one page', () => {
    const rows = [
      label('A'),
      stat('a1'),
      stat('a2'),
      sep,
      label('B'),
      stat('b1'),
      sep,
      label('C'),
      stat('c1'),
      stat('c2'),
    ];
    expect(labels(paginate(rows, 7))).toEqual([
      ['A', 'a1', 'a2', '-', 'B', 'b1'],
      ['C', 'c1', 'c2'],
    ]);
    expect(labels(paginate(rows, 100))).toEqual([['A', 'a1', 'a2', '-', 'B', 'b1', '-', 'C', 'c1', 'c2']]);
  });

  it('splits a block longer than a page without ending a page on a heading', () => {
    const rows = [stat('x'), sep, label('A'), stat('a1'), label('A2'), stat('a2'), stat('a3'), stat('a4')];
    // Capacity 4: 'x', '-', 'A', 'a1' fits; next page must not end on 'A2'.
    expect(labels(paginate(rows, 4))).toEqual([
      ['x', '-', 'A', 'a1'],
      ['A2', 'a2', 'a3', 'a4'],
    ]);
    expect(labels(paginate([label('H'), stat('1'), stat('2'), stat('3'), stat('4'), stat('5')], 2))).toEqual([
      ['H', '1'],
      ['2', '3'],
      ['4', '5'],
    ]);
  });

  it('never starts or ends a page with a separator, and an empty body is one empty page', () => {
    const pages = paginate([sep, stat('a'), sep, sep, stat('b'), sep], 2);
    for (const p of pages) {
      expect(p[0]?.kind).not.toBe('separator');
      expect(p[p.length - 1]?.kind).not.toBe('separator');
    }
    expect(paginate([], 5)).toEqual([[]]);
  });

  it('every row appears exactly once, in order, on pages within capacity', () => {
    const rows: PrintRow[] = [];
    for (let g = 0; g < 9; g++) {
      rows.push(label(`G${g}`));
      for (let i = 0; i < ((g * 5) % 7) + 1; i++) rows.push(stat(`G${g}.${i}`));
      rows.push(sep);
    }
    for (const capacity of [2, 3, 5, 8, 13]) {
      const pages = paginate(rows, capacity);
      for (const p of pages) expect(p.length).toBeLessThanOrEqual(capacity);
      const flat = pages.flat().filter((r) => r.kind !== 'separator');
      expect(flat).toEqual(rows.filter((r) => r.kind !== 'separator'));
    }
  });
});

describe('continued pages, footnote letters, wrapping, trace', () => {
  const stat = (label: string, indent: number): PrintRow => ({ kind: 'stat', indent, cells: [label] });
  const label = (text: string, indent: number): PrintRow => ({ kind: 'label', indent, cells: [text] });

  it('restates the labels a page starts under, marked (continued)', () => {
    const rows = [
      label('SF-36 Physical functioning', 0),
      label('Week 12', 1),
      stat('n', 2),
      stat('Mean (SD)', 2),
      stat('Median', 2),
      stat('Q1, Q3', 2),
    ];
    expect(continuationRows(rows, 4).map((r) => r.cells[0])).toEqual([
      'SF-36 Physical functioning (continued)',
      'Week 12 (continued)',
    ]);
    const pages = paginate(rows, 4, { continuation: (i) => continuationRows(rows, i) });
    expect(pages.map((p) => p.map((r) => r.cells[0]))).toEqual([
      ['SF-36 Physical functioning', 'Week 12', 'n', 'Mean (SD)'],
      ['SF-36 Physical functioning (continued)', 'Week 12 (continued)', 'Median', 'Q1, Q3'],
    ]);
    // A value row lower in the hierarchy ends the chain: its numbers are not repeated.
    expect(continuationRows([label('Old', 0), stat('Responders', 0), stat('vs placebo', 1)], 2)).toEqual([]);
  });

  it('letters footnotes in order of first use, drops unused ones, and prints a letter only on the pages that use it', () => {
    const spec = sampleSpec();
    const lettered = {
      ...spec,
      rows: spec.rows.map((r) =>
        r.kind === 'stat' && r.label === 'p-value'
          ? { ...r, label: 'p-value [c]' }
          : r.kind === 'stat' && r.label.startsWith('Odds')
            ? { ...r, label: 'Odds ratio (95% CI) [b]' }
            : r,
      ),
      footnotes: ['Footnote one.', '[b] Logistic regression.', '[c] Fisher.', '[d] Never used.'],
    };
    const form = buildPrintForm(lettered, ardLookup(sampleArd(3.5)), { flags: plain, linesPerPage: 16 });
    expect(form.footnotes).toEqual(['Footnote one.', '[a] Logistic regression.', '[b] Fisher.', 'NE = not estimable.']);
    expect(form.pages.map((p) => p.rows.map((r) => r.cells[0]))).toEqual([
      ['Responders, n (%)', 'Odds ratio (95% CI) [a]'],
      ['Heading {x}', 'p-value [b]'],
    ]);
    expect(form.pages.map((p) => p.footnotes)).toEqual([
      ['Footnote one.', '[a] Logistic regression.', 'NE = not estimable.'],
      ['Footnote one.', '[b] Fisher.', 'NE = not estimable.'],
    ]);
  });

  it('wraps long footnotes to the page width in the text output and counts their lines', () => {
    const long = `${'word '.repeat(60)}end.`;
    const spec = { ...sampleSpec(), footnotes: [long] };
    const form = buildPrintForm(spec, ardLookup(sampleArd(3.5)), { flags: plain, linesPerPage: 60 });
    const text = renderText(form);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(PAGE_CHARS);
    expect(pageTextLines(long).length).toBe(3);
    expect(wrapText('aaaa bbbb cccc', 9)).toEqual(['aaaa bbbb', 'cccc']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('wraps a text that fits as the word loop does (the one-line shortcut): inner spaces kept, leading ones dropped', () => {
    expect(wrapText('a  b', 4)).toEqual(['a  b']);
    expect(wrapText('  ab', 10)).toEqual(['ab']);
    expect(wrapText(' ', 10)).toEqual(['']);
    expect(wrapText('', 10)).toEqual(['']);
    expect(wrapText('ab ', 3)).toEqual(['ab ']);
    expect(wrapText('abcd', 0)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('prints the trace line from the run (output, program, lock, SAP, data cut) and caps pages at the geometry', () => {
    const trace = { study: 'S1', toolVersion: '9.9.9', lockId: 'DBL-1', sapVersion: '1.0', dataCut: '2027-01-15' };
    const form = buildPrintForm(sampleSpec(), ardLookup(sampleArd(3.5)), {
      flags: { ...plain, trace },
      linesPerPage: 1000,
    });
    expect(form.trace).toBe('Output T-1.2.3 | Program sle-msc 9.9.9 | Lock DBL-1 | SAP 1.0 | Data cut 2027-01-15');
    const [pageLine = '', traceLine, , , , , rule = ''] = renderText(form).split('\n');
    // Study left, page right, across the table's width (the rule under the titles).
    expect(pageLine).toMatch(/^S1 +Page 1 of 1$/);
    expect(pageLine.length).toBe(rule.length);
    expect(traceLine).toBe(form.trace);
    expect(LINES_PER_PAGE).toBe(47); // (12240 − 720 − 1080) / 220 twips
  });
});

describe('stubLines', () => {
  it('wraps a label to the stub of each form it is asked for, the same lines when asked again', () => {
    const row: PrintRow = { kind: 'label', indent: 1, cells: ['Systemic lupus erythematosus disease activity'] };
    const wide = { cellChars: [60] };
    const narrow = { cellChars: [20] };
    expect(stubLines(wide, row)).toEqual(['Systemic lupus erythematosus disease activity']);
    expect(stubLines(narrow, row)).toEqual(wrapText(row.cells[0]!, 20 - INDENT_CHARS));
    expect(stubLines(narrow, row).length).toBeGreaterThan(1);
    expect(stubLines(wide, row)).toEqual(['Systemic lupus erythematosus disease activity']);
    expect(stubLines(narrow, { ...row, kind: 'separator' })).toEqual(['']);
  });

  it('gives a label that fits its one line, as wrapping gives it, without keeping lines for the row', () => {
    const form = { cellChars: [12] };
    for (const label of ['S-101-001', 'S-101-001\nPBO', ' lead space', '', 'exactly 12 c', 'thirteen char']) {
      const row: PrintRow = { kind: 'stat', indent: 0, cells: [label] };
      expect(stubLines(form, row)).toEqual(cellLines(label, 12));
    }
    // Not cached: a listing of a large lock asks for hundreds of thousands of them once or twice each.
    const row: PrintRow = { kind: 'stat', indent: 0, cells: ['S-101-001'] };
    expect(stubLines(form, row)).not.toBe(stubLines(form, row));
  });
});

describe('valueCellLine', () => {
  it("is valueCellLines' one line when it gives the cell itself, else undefined (the caller then wraps)", () => {
    const align = columnAlign(['12 (48.0)', '3 (12.5)', '0']);
    const form = { cellChars: [30, 6, 12], align: [null, null, align] };
    const texts = ['', 'abc', 'abcdef', 'abcdefg', 'ab cd ef', ' ab', 'ab\ncd', 'ab\n', '12 (48.0)', '0'];
    let oneLiners = 0;
    for (const text of texts)
      for (const column of [1, 2, 5]) {
        const lines = valueCellLines(form, text, column);
        const line = valueCellLine(form, text, column);
        if (line === undefined) expect(lines.length === 1 && lines[0] === text && column !== 2).toBe(false);
        else {
          expect(lines).toEqual([line]);
          oneLiners++;
        }
      }
    expect(oneLiners).toBeGreaterThan(10);
  });
});
