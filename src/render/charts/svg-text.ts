/**
 * Text in hand-written SVG: XML escaping, stable coordinates, and a width estimate for layout.
 * The estimate is the DejaVu Sans advance width (the only font the PNG renderer loads, see fonts.ts)
 * averaged over mixed-case text and digits, ~0.6 em; layouts use it only for margins and wrapping,
 * with slack, never to position text that must touch something.
 */

/** Font every figure names; fonts.ts loads its file for the PNG renderer. */
export const FIGURE_FONT_FAMILY = 'DejaVu Sans';

const AVERAGE_ADVANCE_EM = 0.6;

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A coordinate with at most two decimals (sub-pixel detail beyond that changes no pixel). */
export function coord(x: number): string {
  const r = Math.round(x * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

export function estimateTextWidth(text: string, fontSize: number): number {
  return [...text].length * fontSize * AVERAGE_ADVANCE_EM;
}

/** Greedy word wrap to lines whose estimated width fits `width`; a single long word stays whole. */
export function wrapText(text: string, width: number, fontSize: number): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && estimateTextWidth(candidate, fontSize) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line !== '') lines.push(line);
  return lines;
}

export interface TextOptions {
  readonly size: number;
  readonly anchor?: 'start' | 'middle' | 'end';
  readonly weight?: 'bold';
  readonly fill?: string;
}

/** One `<text>` element at (x, y) (y is the baseline). */
export function svgText(x: number, y: number, text: string, o: TextOptions): string {
  const attrs = [
    `x="${coord(x)}"`,
    `y="${coord(y)}"`,
    `font-size="${o.size}"`,
    ...(o.anchor && o.anchor !== 'start' ? [`text-anchor="${o.anchor}"`] : []),
    ...(o.weight ? [`font-weight="${o.weight}"`] : []),
    ...(o.fill ? [`fill="${o.fill}"`] : []),
  ];
  return `<text ${attrs.join(' ')}>${escapeXml(text)}</text>`;
}

/** Shared with the tables (one typesetting of arm labels): src/render/typeset.ts. */
export { typesetPowersOfTen } from '../typeset.js';
