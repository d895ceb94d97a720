/**
 * The parts around a chart, as ICH E3 figures carry them: run marks and titles centred on top, a
 * legend row, footnotes left-aligned at the bottom; and the enclosing `<svg>` document with a white
 * background, the figure font, and `<title>` for accessibility. Blocks are laid out top to bottom and
 * each reports its height, so a figure is a column of blocks.
 */
import type { FigureFrame } from './figure-spec.js';
import { markerPath, type SeriesStyle } from './series-style.js';
import { coord, escapeXml, estimateTextWidth, FIGURE_FONT_FAMILY, svgText, wrapText } from './svg-text.js';

export interface Block {
  readonly markup: string;
  readonly height: number;
}

export const FIGURE_WIDTH = 760;
export const SIDE_PADDING = 16;
export const BASE_FONT_SIZE = 12;
const TITLE_FONT_SIZE = 14;
const FOOTNOTE_FONT_SIZE = 10.5;

/** Marks (bold), then titles (first bold), centred from `top`. */
export function headerBlock(frame: FigureFrame, top: number, width = FIGURE_WIDTH): Block {
  const lines: string[] = [];
  let y = top;
  for (const mark of frame.marks) {
    y += BASE_FONT_SIZE + 5;
    lines.push(svgText(width / 2, y, mark, { size: BASE_FONT_SIZE, anchor: 'middle', weight: 'bold' }));
  }
  frame.titles.forEach((title, i) => {
    const size = i === 0 ? TITLE_FONT_SIZE : BASE_FONT_SIZE + 1;
    for (const line of wrapText(title, width - 2 * SIDE_PADDING, size)) {
      y += size + 5;
      lines.push(
        svgText(width / 2, y, line, { size, anchor: 'middle', ...(i === 0 ? { weight: 'bold' as const } : {}) }),
      );
    }
  });
  return { markup: lines.join(''), height: y - top + 6 };
}

export interface LegendItem {
  readonly label: string;
  readonly style: SeriesStyle;
  /** Draw the series' marker on the line sample. */
  readonly marker: boolean;
}

const SAMPLE_LENGTH = 30;
const ITEM_GAP = 26;

/** One centred row of line samples with labels (wrapping to more rows when too wide). */
export function legendBlock(items: readonly LegendItem[], top: number, width = FIGURE_WIDTH): Block {
  if (items.length === 0) return { markup: '', height: 0 };
  const size = BASE_FONT_SIZE;
  const itemWidth = (it: LegendItem) => SAMPLE_LENGTH + 6 + estimateTextWidth(it.label, size);
  const rows: LegendItem[][] = [[]];
  let used = 0;
  for (const it of items) {
    const w = itemWidth(it) + ITEM_GAP;
    if (used > 0 && used + w > width - 2 * SIDE_PADDING) {
      rows.push([]);
      used = 0;
    }
    rows[rows.length - 1]!.push(it);
    used += w;
  }
  const rowHeight = size + 8;
  const parts: string[] = [];
  rows.forEach((row, r) => {
    const total = row.reduce((s, it) => s + itemWidth(it), 0) + ITEM_GAP * (row.length - 1);
    let x = (width - total) / 2;
    const y = top + r * rowHeight + rowHeight / 2 + 2;
    for (const it of row) {
      const dash = it.style.dash === '' ? '' : ` stroke-dasharray="${it.style.dash}"`;
      parts.push(
        `<path d="M${coord(x)},${coord(y)}h${SAMPLE_LENGTH}" stroke="${it.style.color}" stroke-width="2" fill="none"${dash}/>`,
      );
      if (it.marker) {
        parts.push(
          `<path d="${markerPath(it.style.marker, 8)}" transform="translate(${coord(x + SAMPLE_LENGTH / 2)},${coord(y)})" fill="${it.style.color}" stroke="white" stroke-width="0.75"/>`,
        );
      }
      parts.push(svgText(x + SAMPLE_LENGTH + 6, y + size * 0.35, it.label, { size }));
      x += itemWidth(it) + ITEM_GAP;
    }
  });
  return { markup: `<g>${parts.join('')}</g>`, height: rows.length * rowHeight + 4 };
}

/** Footnotes, left-aligned, each wrapped to the figure width. */
export function footnoteBlock(footnotes: readonly string[], top: number, width = FIGURE_WIDTH): Block {
  const lines: string[] = [];
  let y = top;
  for (const note of footnotes) {
    for (const line of wrapText(note, width - 2 * SIDE_PADDING, FOOTNOTE_FONT_SIZE)) {
      y += FOOTNOTE_FONT_SIZE + 4;
      lines.push(svgText(SIDE_PADDING, y, line, { size: FOOTNOTE_FONT_SIZE }));
    }
  }
  return { markup: lines.join(''), height: footnotes.length === 0 ? 0 : y - top + 8 };
}

/** The SVG document: white background, the figure font, `<title>` from the frame's title lines. */
export function svgDocument(frame: FigureFrame, height: number, body: string, width = FIGURE_WIDTH): string {
  const h = Math.ceil(height);
  const title = escapeXml([...frame.marks, ...frame.titles].join(' — '));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${h}" viewBox="0 0 ${width} ${h}" ` +
    `font-family="${FIGURE_FONT_FAMILY}" font-size="${BASE_FONT_SIZE}" fill="black">` +
    `<title>${title}</title>` +
    `<rect x="0" y="0" width="${width}" height="${h}" fill="white"/>` +
    `${body}</svg>\n`
  );
}
