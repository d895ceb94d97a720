import { describe, expect, it } from 'vitest';
import { buildListingPrintForm, type ListingSpec } from '../../src/render/listing.js';
import { DRAFT_MARK } from '../../src/render/print-form.js';
import { renderHtml, renderHtmlPieces } from '../../src/render/html.js';
import { renderRtf, renderRtfPieces } from '../../src/render/rtf.js';
import { renderText, renderTextPieces } from '../../src/render/text.js';

const spec = (blocks: string[][][]): ListingSpec => ({
  id: 'L-1',
  titles: ['A listing'],
  populationLabel: 'Full Analysis Set',
  columns: ['Subject', 'Value'],
  blocks,
  footnotes: ['Note.'],
  emptyText: 'Nothing to list.',
});
const flags = { draft: false, dummyRandomization: false };

describe('buildListingPrintForm', () => {
  it('titles the output as a listing, separates blocks, and sizes columns to the widest cell', () => {
    const form = buildListingPrintForm(spec([[['S1', '1'], ['S1', '22']], [['S2', '333']]]), { flags, linesPerPage: 40 });
    expect(form.titleLines).toEqual(['Listing 1', 'A listing', 'Full Analysis Set']);
    expect(form.rows.map((r) => r.kind)).toEqual(['stat', 'stat', 'separator', 'stat']);
    expect(form.columnWidths).toEqual([7, 5]);
    expect(form.pages).toHaveLength(1);
  });

  it('keeps a block together on the next page when it does not fit (same rules as tables)', () => {
    // Overhead: page line + 3 title lines + blank + 1 header + 3 rules + 1 footnote = 10; 13 lines leave 3 rows.
    const form = buildListingPrintForm(spec([[['S1', 'a'], ['S1', 'b']], [['S2', 'c'], ['S2', 'd']]]), { flags, linesPerPage: 13 });
    expect(form.pages.map((p) => p.rows.map((r) => r.cells[1]))).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('prints one row saying so when empty, and carries the DRAFT mark', () => {
    const form = buildListingPrintForm(spec([]), { flags: { ...flags, draft: true }, linesPerPage: 40 });
    expect(form.rows.map((r) => r.cells)).toEqual([['Nothing to list.', '']]);
    expect(renderText(form)).toContain(DRAFT_MARK);
  });

  it('refuses a row whose cell count differs from the columns', () => {
    expect(() => buildListingPrintForm(spec([[['S1']]]), { flags, linesPerPage: 40 })).toThrow(/cells/);
  });
});

describe('listings rendered in pieces (a large listing is longer than one string may be)', () => {
  const blocks = Array.from({ length: 1250 }, (_, i) => [[`S${i}`, 'a'], [`S${i}`, 'b']]);
  const form = buildListingPrintForm(spec(blocks), { flags, linesPerPage: 40 });

  it('RTF and text: a piece per page (plus the RTF head and tail), joined the whole file', () => {
    const rtf = [...renderRtfPieces(form)];
    const text = [...renderTextPieces(form)];
    expect(form.pages.length).toBeGreaterThan(100);
    expect(rtf).toHaveLength(form.pages.length + 2);
    expect(text).toHaveLength(form.pages.length + 1);
    expect(rtf.join('')).toBe(renderRtf(form));
    expect(text.join('')).toBe(renderText(form));
    expect(Math.max(...rtf.map((p) => p.length))).toBeLessThan(renderRtf(form).length / 50);
  });

  it('HTML: 1,000 body rows a piece, joined the whole file, also for an empty body', () => {
    const html = [...renderHtmlPieces(form)];
    expect(form.rows).toHaveLength(3749); // 2,500 rows and 1,249 separators
    expect(html).toHaveLength(1 + 4 + 1);
    expect(html.join('')).toBe(renderHtml(form));
    const empty = buildListingPrintForm(spec([]), { flags, linesPerPage: 40 });
    expect([...renderHtmlPieces(empty)].join('')).toBe(renderHtml(empty));
  });
});
