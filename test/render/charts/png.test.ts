import { describe, expect, it } from 'vitest';
import { PNG_ZOOM, svgToPng } from '../../../src/render/charts/png.js';

const svg = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40" font-family="DejaVu Sans"><rect width="120" height="40" fill="white"/>${body}</svg>`;

/** Width and height from the PNG's IHDR chunk (bytes 16–23, big-endian). */
function pngSize(png: Uint8Array): [number, number] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

describe('svgToPng', () => {
  it('writes a PNG scaled by the zoom', () => {
    const png = svgToPng(svg(''));
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngSize(png)).toEqual([120 * PNG_ZOOM, 40 * PNG_ZOOM]);
    expect(pngSize(svgToPng(svg(''), 1))).toEqual([120, 40]);
  });

  it('draws text with the bundled font (system fonts are off, so a missing font would drop it)', () => {
    const blank = svgToPng(svg(''));
    const regular = svgToPng(svg('<text x="5" y="25" font-size="14">Total 27</text>'));
    const bold = svgToPng(svg('<text x="5" y="25" font-size="14" font-weight="bold">Total 27</text>'));
    expect(Buffer.from(regular).equals(Buffer.from(blank))).toBe(false);
    expect(Buffer.from(bold).equals(Buffer.from(regular))).toBe(false);
  });

  it('gives identical bytes on every render', () => {
    const s = svg(
      '<text x="5" y="25" font-size="14">MSC 1\u00d710\u2076 \u2212 0.5</text><path d="M0,0L120,40" stroke="#0072B2"/>',
    );
    expect(Buffer.from(svgToPng(s)).equals(Buffer.from(svgToPng(s)))).toBe(true);
  });

  it('refuses malformed SVG', () => {
    expect(() => svgToPng('<svg><g></svg>')).toThrow();
  });
});
