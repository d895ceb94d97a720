import { describe, expect, it } from 'vitest';
import {
  FIGURE_WIDTH,
  footnoteBlock,
  headerBlock,
  legendBlock,
  svgDocument,
} from '../../../src/render/charts/figure-frame.js';
import { seriesStyle } from '../../../src/render/charts/series-style.js';

const frame = { id: 'F-1', marks: ['DRAFT'], titles: ['Figure F-1', 'Subtitle'], footnotes: [] };

describe('headerBlock', () => {
  it('centres the marks, then the titles, the first title bold', () => {
    const h = headerBlock(frame, 0);
    expect(h.markup.match(/<text[^>]*>[^<]*<\/text>/g)?.map((t) => t.replace(/<[^>]*>/g, ''))).toEqual([
      'DRAFT',
      'Figure F-1',
      'Subtitle',
    ]);
    expect(h.markup).toContain(`x="${FIGURE_WIDTH / 2}"`);
    expect(h.markup).toMatch(/font-weight="bold">Figure F-1</);
    expect(h.markup).not.toMatch(/font-weight="bold">Subtitle</);
    expect(h.height).toBeGreaterThan(40);
  });
});

describe('legendBlock', () => {
  it('is empty without items', () => {
    expect(legendBlock([], 0)).toEqual({ markup: '', height: 0 });
  });

  it('draws a line sample (dashed as its series) and a label per item', () => {
    const l = legendBlock(
      [
        { label: 'A', style: seriesStyle(0), marker: false },
        { label: 'B', style: seriesStyle(1), marker: true },
      ],
      0,
    );
    expect(l.markup).toContain('stroke="#000000"');
    expect(l.markup).toContain(`stroke-dasharray="${seriesStyle(1).dash}"`);
    expect(l.markup).toContain('>A</text>');
    expect(l.markup).toContain('>B</text>');
    expect((l.markup.match(/fill="#0072B2"/g) ?? []).length).toBe(1); // B's marker only
  });

  it('wraps to a second row when the items are wider than the figure', () => {
    const items = [0, 1, 2, 3].map((i) => ({ label: 'x'.repeat(40), style: seriesStyle(i), marker: false }));
    const oneRow = legendBlock(items.slice(0, 1), 0);
    expect(legendBlock(items, 0).height).toBeGreaterThan(oneRow.height);
  });
});

describe('footnoteBlock', () => {
  it('is empty without footnotes and wraps long ones', () => {
    expect(footnoteBlock([], 0).height).toBe(0);
    const long = footnoteBlock(['word '.repeat(60)], 0);
    expect((long.markup.match(/<text/g) ?? []).length).toBeGreaterThan(1);
  });
});

describe('svgDocument', () => {
  it('wraps the body with a white background, the figure font and an escaped title', () => {
    const doc = svgDocument({ ...frame, titles: ['A & B'] }, 100.2, '<g/>');
    expect(doc).toBe(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${FIGURE_WIDTH}" height="101" viewBox="0 0 ${FIGURE_WIDTH} 101" font-family="DejaVu Sans" font-size="12" fill="black">` +
        `<title>DRAFT — A &amp; B</title><rect x="0" y="0" width="${FIGURE_WIDTH}" height="101" fill="white"/><g/></svg>\n`,
    );
  });
});
