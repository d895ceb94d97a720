import { describe, expect, it } from 'vitest';
import { ardLookup } from '../../src/render/ard-lookup.js';
import { DUMMY_MARK, buildPrintForm, layoutPrintForm, stubLines, type PrintRow } from '../../src/render/print-form.js';
import { cellEdges, escapeRtf, renderRtf } from '../../src/render/rtf.js';
import { sampleArd, sampleSpec } from './sample-table.js';

// Source: Microsoft RTF Specification 1.9.1 (control words, \uN? with signed 16-bit N) and the
// r2rtf conventions listed in src/render/rtf.ts. Comparisons are exact.
const form = buildPrintForm(sampleSpec(), ardLookup(sampleArd()), {
  flags: { draft: false, dummyRandomization: true },
  linesPerPage: 16,
});
const rtf = renderRtf(form);
const count = (s: string, sub: string) => s.split(sub).length - 1;

/** Braces balanced at every point once escaped braces are removed. */
function balanced(s: string): boolean {
  let depth = 0;
  for (const ch of s.replace(/\\[\\{}]/g, '')) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

describe('escapeRtf', () => {
  it('escapes backslash and braces, writes non-ASCII as \\uN?', () => {
    expect(escapeRtf('a\\b{c}')).toBe('a\\\\b\\{c\\}');
    expect(escapeRtf('\u2265 10 \u2014 x')).toBe('\\u8805? 10 \\u8212? x');
    expect(escapeRtf('\u00e9')).toBe('\\u233?');
    // U+1F600 is the surrogate pair D83D DE00: both above 0x7FFF, so negative.
    expect(escapeRtf('\u{1F600}')).toBe('\\u-10179?\\u-8704?');
    expect(escapeRtf('a\tb\nc\u0001')).toBe('a\\tab b\\line c');
  });

  it('returns printable ASCII unchanged, DEL and tilde included (the shortcut past the character loop)', () => {
    expect(escapeRtf('Mean (SD) ~ 1.5 [0-9] | x')).toBe('Mean (SD) ~ 1.5 [0-9] | x');
    expect(escapeRtf('a\u007fb')).toBe('a\u007fb');
    expect(escapeRtf('')).toBe('');
  });
});

describe('cellEdges', () => {
  it('ends at the text width of landscape letter with 1-inch margins (15840 − 2·1440)', () => {
    const edges = cellEdges([21, 8, 17, 11]);
    expect(edges[edges.length - 1]).toBe(12960);
    expect([...edges].sort((a, b) => a - b)).toEqual(edges);
  });
  it('gives every value column at least its longest text, one character of slack and padding (108 twips a character at 9 pt)', () => {
    // stub of 70 characters, values of 9, 19, 19, 9: the values fit, the stub takes the rest and wraps
    const edges = cellEdges([70, 9, 19, 19, 9]);
    const widths = edges.map((e, i) => e - (edges[i - 1] ?? 0));
    [9, 19, 19, 9].forEach((chars, i) => expect(widths[i + 1]).toBeGreaterThanOrEqual((chars + 1) * 108 + 216));
    expect(edges.at(-1)).toBe(12960);
  });
  it('shares spare room among the value columns when everything fits', () => {
    const edges = cellEdges([30, 10, 10]);
    const widths = edges.map((e, i) => e - (edges[i - 1] ?? 0));
    expect(widths[0]).toBe(31 * 108 + 216);
    expect(Math.abs(widths[1]! - widths[2]!)).toBeLessThanOrEqual(1);
  });
});

describe('renderRtf', () => {
  it('is plain RTF 1.x, landscape letter declared in document and section, Courier New 9 pt, no \\info block', () => {
    expect(rtf.startsWith('{\\rtf1\\ansi')).toBe(true);
    expect(rtf).toMatch(/\\paperw15840\\paperh12240\\margl1440\\margr1440\\margt\d+\\margb1080\\landscape/);
    expect(rtf).toMatch(
      /\\sectd\\lndscpsxn\\pgwsxn15840\\pghsxn12240\\marglsxn1440\\margrsxn1440\\margtsxn\d+\\margbsxn1080\\headery720/,
    );
    expect(rtf).toContain('Courier New;');
    expect(rtf).toContain('\\fs18');
    expect(rtf).not.toContain('\\info');
    expect(rtf).not.toMatch(/\\creatim|\\revtim|\\yr\d/);
    expect(balanced(rtf)).toBe(true);
    expect(rtf.endsWith('}\n')).toBe(true);
  });

  it('puts titles and Page {PAGE} of {NUMPAGES} fields in the page header, repeats header rows (\\trhdr) on every page, breaks pages with \\page', () => {
    expect(form.pages).toHaveLength(2);
    expect(count(rtf, '\\page\\par}')).toBe(1);
    expect(count(rtf, '\\trhdr')).toBe(2 * form.header.length);
    // One page header for the document: every physical page prints it.
    expect(count(rtf, '{\\header')).toBe(1);
    const header = rtf.slice(rtf.indexOf('{\\header'), rtf.indexOf('\\trowd'));
    expect(header).toContain('Table 1.2.3');
    expect(header).toContain(
      'Page {\\field{\\*\\fldinst { PAGE }}{\\fldrslt {1}}} of {\\field{\\*\\fldinst { NUMPAGES }}{\\fldrslt {2}}}',
    );
    expect(rtf).not.toContain('Page 1 of 2');
  });

  it('borders the top of the header, the bottom of the header and the bottom of each page body', () => {
    const rows = rtf.split('\\trowd').slice(1);
    const borderOf = (row: string) => [row.includes('\\clbrdrt'), row.includes('\\clbrdrb')];
    // Page 1: header (2 rows), 2 body rows; page 2: header (2 rows), 2 body rows.
    expect(rows.map(borderOf)).toEqual([
      [true, false],
      [false, true],
      [false, false],
      [false, true],
      [true, false],
      [false, true],
      [false, false],
      [false, true],
    ]);
  });

  it('aligns labels left (indented by \\li, 2 characters a level) and values on a decimal tab stop, escapes text', () => {
    expect(rtf).toContain(
      '\\intbl\\ql\\sb0\\sa0\\sl-220\\slmult0\\nowidctlpar\\f0\\fs18\\li216 Odds ratio (95% CI)\\cell',
    );
    // Widths 21, 8, 18 (' 2.13 (0.68, 6.68)'), 11 characters: the value columns need (w+1)·108+216 twips,
    // 1188 + 2268 + 1512, and share the spare 12960 − 2916 − 4968 = 5076 (1692 each), so Arm B is 3960 wide.
    // Its 18-character block (1944) centred: (3960 − 216 − 1944)/2 = 900; heads have 2 characters before
    // the point: decimal stop 900 + 216 = 1116; the tail's stop 1 pt (20 twips) past the head's end.
    expect(rtf).toContain('\\tqdec\\tx1116\\tx1460 \\tab 2.13\\tab  (0.68, 6.68)\\cell');
    expect(rtf).toContain('\\tqdec\\tx1116\\tx1136 \\tab 12\\tab  (46.2)\\cell');
    expect(rtf).toContain('Heading \\{x\\}\\cell');
  });

  it('shows the dummy-randomization mark above the titles on every page', () => {
    // In the page header, which every physical page prints.
    const mark = escapeRtf(DUMMY_MARK);
    const header = rtf.slice(rtf.indexOf('{\\header'), rtf.indexOf('\\trowd'));
    expect(count(rtf, mark)).toBe(1);
    expect(header).toContain(mark);
    expect(header.indexOf(mark)).toBeLessThan(header.indexOf('Table 1.2.3'));
  });

  it('is deterministic', () => {
    expect(renderRtf(form)).toBe(rtf);
  });
});

describe('lean text rows', () => {
  it("reset an indented label's left indent for the cells after it, and keep tables with aligned values in full form", () => {
    const text = layoutPrintForm({
      id: 'L-9',
      flags: { draft: false, dummyRandomization: false },
      titleLines: ['Listing 9'],
      header: [['Group', 'Text']],
      rows: [
        { kind: 'label', indent: 0, cells: ['Section', ''] },
        { kind: 'stat', indent: 1, cells: ['Item', 'a b'] },
      ],
      footnotes: [],
      decimalAlign: false,
      fitToPage: true,
      linesPerPage: 30,
    });
    const out = renderRtf(text);
    expect(out).toContain('\\li216 Item\\cell\\li0\\qc a b\\cell\\row');
    expect(balanced(out)).toBe(true);
    // The sample table's value columns are decimal-aligned: every cell keeps its own paragraph properties.
    expect(rtf).toContain('\\clvertalt');
    expect(count(rtf, '\\cell\\qc ')).toBe(0);
  });

  it('writes a wrapped label as its lines joined by \\line, each escaped', () => {
    const label = 'Systemic lupus {erythematosus} disease activity index, every word of it. '.repeat(6).trim();
    const form = layoutPrintForm({
      id: 'L-9',
      flags: { draft: false, dummyRandomization: false },
      titleLines: ['Listing 9'],
      header: [['Group', 'Text']],
      rows: [{ kind: 'stat', indent: 0, cells: [label, 'x'] }],
      footnotes: [],
      decimalAlign: false,
      fitToPage: true,
      linesPerPage: 30,
    });
    const stub = stubLines(form, form.rows[0] as PrintRow);
    expect(stub.length).toBeGreaterThan(1);
    expect(renderRtf(form)).toContain(` ${stub.map(escapeRtf).join('\\line ')}\\cell`);
  });
});
