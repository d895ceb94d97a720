import { describe, expect, it } from 'vitest';
import { createPrng } from '../../src/core/prng.js';
import {
  buildListingPrintForm,
  HELD_LISTING_ROWS,
  holdsBlocks,
  streamListingPrintForm,
  type ListingSource,
  type ListingSpec,
} from '../../src/render/listing.js';
import {
  buildPrintForm,
  continuationRows,
  DRAFT_MARK,
  pageCountOf,
  renameRowLabel,
  type PrintRow,
} from '../../src/render/print-form.js';
import { ardLookup } from '../../src/render/ard-lookup.js';
import { sampleArd, sampleSpec } from './sample-table.js';
import { PAGE_CHARS } from '../../src/render/page-layout.js';
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
    const form = buildListingPrintForm(
      spec([
        [
          ['S1', '1'],
          ['S1', '22'],
        ],
        [['S2', '333']],
      ]),
      { flags, linesPerPage: 40 },
    );
    expect(form.titleLines).toEqual(['Listing 1', 'A listing', 'Full Analysis Set']);
    expect(form.rows.map((r) => r.kind)).toEqual(['stat', 'stat', 'separator', 'stat']);
    expect(form.columnWidths).toEqual([7, 5]);
    expect(form.pages).toHaveLength(1);
  });

  it('keeps a block together on the next page when it does not fit (same rules as tables)', () => {
    // Overhead: page line + 3 title lines + blank + 1 header + 3 rules + 1 footnote = 10; 13 lines leave 3 rows.
    const form = buildListingPrintForm(
      spec([
        [
          ['S1', 'a'],
          ['S1', 'b'],
        ],
        [
          ['S2', 'c'],
          ['S2', 'd'],
        ],
      ]),
      { flags, linesPerPage: 13 },
    );
    expect(form.pages.map((p) => p.rows.map((r) => r.cells[1]))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('prints one row saying so when empty, and carries the DRAFT mark', () => {
    const form = buildListingPrintForm(spec([]), { flags: { ...flags, draft: true }, linesPerPage: 40 });
    expect(form.rows.map((r) => r.cells)).toEqual([['Nothing to list.', '']]);
    expect(renderText(form)).toContain(DRAFT_MARK);
  });

  it('refuses a row whose cell count differs from the columns', () => {
    expect(() => buildListingPrintForm(spec([[['S1']]]), { flags, linesPerPage: 40 })).toThrow(/cells/);
  });

  describe('fitted to the page', () => {
    // 8 columns whose natural width (a long text column) is wider than the page.
    const wide: ListingSpec = {
      ...spec([]),
      columns: [
        'Subject',
        'Visit (Day)',
        'Date',
        'Verbatim term',
        'Severity/ Serious',
        'Value',
        'Normal range',
        'Change from baseline',
      ],
      blocks: [
        [
          [
            'SLEMSC01-101-002',
            'WEEK 4 (D29)',
            '2025-03-17',
            'a long reported term that goes on and on about what the subject felt at the visit',
            'MODERATE\nSerious',
            '12.75',
            '4-11',
            '-0.25',
          ],
          [
            'SLEMSC01-101-002',
            'UNSCHEDULED 8.01 (D252)',
            '2025-10-18',
            'short term',
            'MILD\nNot serious',
            '123456.789',
            '150-400',
            'Baseline',
          ],
        ],
      ],
    };
    const form = buildListingPrintForm(wide, { flags, linesPerPage: 40 });
    const text = renderText(form);
    const rtf = renderRtf(form);

    it('keeps every text line within the page and never breaks a number, a date or an id', () => {
      for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(PAGE_CHARS);
      for (const token of ['SLEMSC01-101-002', '2025-03-17', '123456.789', '-0.25', '150-400'])
        expect(text).toContain(token);
      expect(form.edges.at(-1)).toBe(12960);
    });

    it('prints stacked values on lines of their own, a wrapped text at word boundaries, in every renderer', () => {
      const lines = text.split('\n');
      const first = lines.findIndex((l) => l.includes('MODERATE'));
      expect(lines[first + 1]).toContain('Serious');
      expect(lines[first + 1]).not.toContain('SLEMSC01');
      // The long term wraps at spaces: each of its words is printed whole.
      for (const word of ['reported', 'subject', 'visit']) expect(text).toMatch(new RegExp(`\\b${word}\\b`));
      expect(rtf).toContain('MODERATE\\line Serious\\cell');
      // Row heights count the stacked and wrapped lines: the page holds what the text prints.
      expect(lines.length).toBeLessThanOrEqual(40);
    });

    it('wraps a header wider than its column, bottom-aligned above the rule', () => {
      const rule = text.split('\n').findIndex((l) => /^-+$/.test(l));
      const headerLines = text
        .split('\n')
        .slice(rule + 1, text.split('\n').indexOf(text.split('\n')[rule] as string, rule + 1));
      expect(headerLines.length).toBeGreaterThan(1);
      expect(headerLines.at(-1)).toMatch(/^Subject/);
      expect(headerLines.join(' ')).toMatch(/Change/);
    });

    it('writes listing rows lean: paragraph properties once a row, later cells inheriting them', () => {
      const row = rtf.slice(
        rtf.indexOf('SLEMSC01-101-002') - 200,
        rtf.indexOf('\\row', rtf.indexOf('SLEMSC01-101-002')),
      );
      expect(row.match(/\\pard/g)).toHaveLength(1);
      expect(row).toContain('SLEMSC01-101-002\\cell\\qc WEEK 4 (D29)\\cell 2025-03-17\\cell');
      expect(rtf).not.toContain('\\clvertalt');
    });
  });
});

describe('listings rendered in pieces (a large listing is longer than one string may be)', () => {
  const blocks = Array.from({ length: 1250 }, (_, i) => [
    [`S${i}`, 'a'],
    [`S${i}`, 'b'],
  ]);
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

  it('HTML: whole body rows, ~16,000 characters a piece (V8 makes no large-object string), joined the whole file, also for an empty body', () => {
    const html = [...renderHtmlPieces(form)];
    expect(form.rows).toHaveLength(3749); // 2,500 rows and 1,249 separators
    const body = html.slice(1, -1);
    expect(body.length).toBeGreaterThan(4);
    // Each body piece ends where a row ends, having just passed 16,000 characters (the last: the rest).
    for (const piece of body.slice(0, -1)) {
      expect(piece.length).toBeGreaterThanOrEqual(15_999);
      expect(piece.length).toBeLessThan(16_200);
      expect(piece.endsWith('</tr>')).toBe(true);
    }
    expect(body.at(-1)!.length).toBeLessThan(16_200);
    expect(html.join('')).toBe(renderHtml(form));
    const empty = buildListingPrintForm(spec([]), { flags, linesPerPage: 40 });
    expect([...renderHtmlPieces(empty)].join('')).toBe(renderHtml(empty));
  });
});

describe('streamListingPrintForm: a listing rendered block by block, never whole', () => {
  const trace = { study: 'SLEMSC01', toolVersion: '1.0.0', lockId: 'L1', sapVersion: '1.0', dataCut: '2026-01-01' };
  const render = (form: Parameters<typeof renderRtf>[0]) => ({
    rtf: renderRtf(form),
    html: renderHtml(form),
    txt: renderText(form),
  });
  /** Blocks of 1-7 rows, some cells stacked or long enough to wrap, one label with a footnote mark. */
  const randomBlocks = (seed: number, count: number, marked = true): string[][][] => {
    const prng = createPrng(`listing-stream/${seed}`);
    return Array.from({ length: count }, (_, b) =>
      Array.from({ length: prng.int(1, 7) }, (_, r) => [
        marked && b === 3 && r === 0 ? `S${b} [b]` : `S${b}`,
        prng.bernoulli(0.2) ? `V${r}\n(D${r * 7})` : `V${r}`,
        prng.bernoulli(0.1) ? 'a term long enough to wrap at the width the page leaves it '.repeat(2) : `t${r}`,
      ]),
    );
  };
  const source = (blocks: string[][][], footnotes = ['Note.']): ListingSpec => ({
    ...spec(blocks),
    columns: ['Subject', 'Visit', 'Term'],
    footnotes: ['[a] Unused.', '[b] The marked subject.', ...footnotes],
  });
  /** The same blocks made anew each time they are iterated, counting the passes. */
  const onDemand = (blocks: string[][][]): ListingSource & { passes: () => number } => {
    let passes = 0;
    return {
      ...source(blocks),
      blocks: {
        *[Symbol.iterator]() {
          passes++;
          for (const b of blocks) yield b.map((r) => [...r]);
        },
      },
      passes: () => passes,
    };
  };

  it('gives the bytes of the whole form in every renderer, page breaks falling within and between blocks', () => {
    for (const [seed, linesPerPage] of [
      [1, 20],
      [2, 23],
      [3, 30],
      [4, 46],
    ] as const) {
      const listing = source(randomBlocks(seed, 60));
      const options = { flags: { draft: seed === 2, dummyRandomization: false, trace }, linesPerPage };
      const whole = buildListingPrintForm(listing, options);
      const streamed = streamListingPrintForm(onDemand(randomBlocks(seed, 60)), { ...options, heldRows: 0 });
      // Many pages, some splitting a block, some ending between blocks (a trimmed separator).
      expect(whole.pages.length).toBeGreaterThan(8);
      expect(streamed.pageCount).toBe(whole.pages.length);
      expect([...streamed.pages]).toEqual(whole.pages);
      expect([...streamed.rows]).toEqual(whole.rows);
      expect(render(streamed)).toEqual(render(whole));
    }
  });

  it('letters the footnotes from the labels as the whole form does, and prints an empty listing', () => {
    const options = { flags: { draft: false, dummyRandomization: true, trace }, linesPerPage: 25 };
    const listing = source(randomBlocks(5, 12));
    const streamed = streamListingPrintForm(listing, options);
    expect(streamed.footnotes).toEqual(['[a] The marked subject.', 'Note.']);
    expect(render(streamed)).toEqual(render(buildListingPrintForm(listing, options)));
    const empty = source([[], []]);
    expect(render(streamListingPrintForm(empty, options))).toEqual(render(buildListingPrintForm(empty, options)));
    expect(streamListingPrintForm(empty, options).pageCount).toBe(1);
  });

  it('reads the blocks again for each pass and each renderer instead of holding them', () => {
    const listing = onDemand(randomBlocks(6, 30, false));
    const form = streamListingPrintForm(listing, {
      flags: { draft: false, dummyRandomization: false },
      linesPerPage: 30,
      heldRows: 0,
    });
    expect(listing.passes()).toBe(2); // measured, paginated
    render(form);
    expect(listing.passes()).toBe(5); // then once per renderer
    // A label whose footnote letter is renamed: measured again as renamed.
    const marked = onDemand(randomBlocks(6, 30));
    streamListingPrintForm(marked, { flags, linesPerPage: 30, heldRows: 0 });
    expect(marked.passes()).toBe(3);
  });

  it('reads a listing of at most heldRows rows once and holds it: the same pages and bytes', () => {
    for (const [seed, linesPerPage] of [
      [8, 20],
      [9, 30],
    ] as const) {
      const options = { flags: { draft: false, dummyRandomization: false, trace }, linesPerPage };
      const whole = buildListingPrintForm(source(randomBlocks(seed, 40)), options);
      const rows = whole.rows.filter((r) => r.kind !== 'separator').length;
      const held = onDemand(randomBlocks(seed, 40));
      const form = streamListingPrintForm(held, { ...options, heldRows: rows });
      expect([...form.pages]).toEqual(whole.pages);
      expect(render(form)).toEqual(render(whole));
      expect(held.passes()).toBe(1); // a label's renamed letter measured again from the held blocks, too
      // One row more than the limit: streamed, the blocks made again for each pass.
      const streamed = onDemand(randomBlocks(seed, 40));
      expect(render(streamListingPrintForm(streamed, { ...options, heldRows: rows - 1 }))).toEqual(render(whole));
      expect(streamed.passes()).toBe(6);
    }
  });

  it('holds no block of a listing whose blocks are known to be more than heldRows rows: the same bytes', () => {
    const options = { flags: { draft: false, dummyRandomization: false, trace }, linesPerPage: 25 };
    const blocks = randomBlocks(11, 40);
    const whole = buildListingPrintForm(source(blocks), options);
    const rows = blocks.reduce((n, b) => n + b.length, 0);
    const counted = (): ListingSource & { passes: () => number } => {
      const listing = onDemand(randomBlocks(11, 40));
      return { ...listing, blocks: Object.assign(listing.blocks, { rowCount: rows }) };
    };
    const streamed = counted();
    expect(render(streamListingPrintForm(streamed, { ...options, heldRows: rows - 1 }))).toEqual(render(whole));
    expect(streamed.passes()).toBe(6);
    const held = counted();
    expect(render(streamListingPrintForm(held, { ...options, heldRows: rows }))).toEqual(render(whole));
    expect(held.passes()).toBe(1);
  });

  it('holdsBlocks: held arrays and counted blocks by their rows, other iterables until read', () => {
    const arrays = [[['a'], ['b']], [['c']]];
    expect(holdsBlocks(arrays, 3)).toBe(true);
    expect(holdsBlocks(arrays, 2)).toBe(false);
    const made = { *[Symbol.iterator]() {} };
    expect(holdsBlocks(made, 0)).toBe(true);
    expect(holdsBlocks(Object.assign(made, { rowCount: 5 }), 5)).toBe(true);
    expect(holdsBlocks(Object.assign(made, { rowCount: 6 }), 5)).toBe(false);
  });

  it('holds the listings of the run up to HELD_LISTING_ROWS rows', () => {
    const listing = onDemand(randomBlocks(10, 30));
    render(streamListingPrintForm(listing, { flags, linesPerPage: 30 }));
    expect(listing.passes()).toBe(1);
    expect(HELD_LISTING_ROWS).toBeGreaterThanOrEqual(10_000);
  });

  it('fails, rather than misjoining pages, when the blocks differ between passes', () => {
    const blocks = randomBlocks(7, 20, false);
    const once = { ...source(blocks), blocks: blocks.values() };
    expect(() => streamListingPrintForm(once, { flags, linesPerPage: 30, heldRows: 0 })).toThrow(
      /must be the same each time/,
    );
    let pass = 0;
    const shrinking: ListingSource = {
      ...source(blocks),
      blocks: { [Symbol.iterator]: () => (pass++ < 2 ? blocks : blocks.slice(1)).values() },
    };
    const form = streamListingPrintForm(shrinking, { flags, linesPerPage: 30, heldRows: 0 });
    expect(() => renderText(form)).toThrow(/changed between passes|must be the same each time/);
  });
});

describe('one object shape for every print form and every body row', () => {
  // The renderers and the pagination are optimized by V8 for the shapes they see first (the listings
  // come before the tables): a form or row of another shape (other keys, or the same keys in another
  // order) throws that code away and has it compiled again. Same keys in the same order: one shape.
  const ROW_KEYS = ['kind', 'indent', 'cells', 'continued', 'ardKeys'];
  const listing = spec([
    [
      ['S1', '1'],
      ['S1', '22'],
    ],
    [['S2', '333']],
  ]);

  it('makes tables, held listings and streamed listings with the same keys in the same order', () => {
    const table = buildPrintForm(sampleSpec(), ardLookup(sampleArd(3.5)), { flags, linesPerPage: 60 });
    const held = buildListingPrintForm(listing, { flags, linesPerPage: 40 });
    const streamed = streamListingPrintForm(listing, { flags, linesPerPage: 40 });
    expect(Object.keys(held)).toEqual(Object.keys(table));
    expect(Object.keys(streamed)).toEqual(Object.keys(table));
    expect(Object.keys(table).slice(-3)).toEqual(['pageCount', 'rows', 'pages']);
    expect([pageCountOf(table), pageCountOf(held), pageCountOf(streamed)]).toEqual([1, 1, 1]);
  });

  it("gives every row made (stat, label, separator, listing, continued, relettered) PrintRow's five keys", () => {
    const table = buildPrintForm(sampleSpec(), ardLookup(sampleArd(3.5)), { flags, linesPerPage: 15 });
    const streamed = streamListingPrintForm(listing, { flags, linesPerPage: 40 });
    const rows: PrintRow[] = [
      ...table.rows,
      ...table.pages.flatMap((p) => p.rows),
      ...streamed.rows,
      ...[...streamed.pages].flatMap((p) => p.rows),
    ];
    const label = table.rows.find((r) => r.kind === 'label');
    const stat = table.rows.find((r) => r.kind === 'stat' && r.indent > 0);
    expect(label).toBeDefined();
    expect(stat).toBeDefined();
    rows.push(...continuationRows([label as PrintRow, stat as PrintRow], 1));
    rows.push(renameRowLabel(label as PrintRow, (t) => `${t} [a]`));
    rows.push(renameRowLabel(stat as PrintRow, (t) => `${t} [a]`));
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['stat', 'label', 'separator']));
    expect(rows.some((r) => r.continued === true)).toBe(true);
    for (const r of rows) expect(Object.keys(r)).toEqual(ROW_KEYS);
  });
});
