import { Resvg } from '@resvg/resvg-js';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FIGURE_FONT_FILES,
  FIGURE_SUBSET_FONT_FILES,
  figureFontFiles,
  figureFontFilesFor,
  figureSubsetFontFiles,
  parseUnicodeRanges,
  subsetCovers,
} from '../../../src/render/charts/fonts.js';
import { svgToPng } from '../../../src/render/charts/png.js';

const baseName = (f: string) => f.split(/[\\/]/).pop();

const svg = (text: string, weight = 'normal') =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="40" font-family="DejaVu Sans"><rect width="300" height="40" fill="white"/><text x="5" y="25" font-size="14" font-weight="${weight}">${text}</text></svg>`;

/** resvg as png.ts calls it, with the given font files. */
function pngWith(svgText: string, fontFiles: readonly string[]): Buffer {
  const font = { loadSystemFonts: false, fontFiles: [...fontFiles], defaultFontFamily: 'DejaVu Sans' };
  return Buffer.from(new Resvg(svgText, { font, background: 'white', logLevel: 'off' }).render().asPng());
}

describe('figureFontFiles', () => {
  it('finds the regular and bold DejaVu Sans TrueType files, full and subset', () => {
    for (const [files, names] of [
      [figureFontFiles(), FIGURE_FONT_FILES],
      [figureSubsetFontFiles(), FIGURE_SUBSET_FONT_FILES],
    ] as const) {
      expect(files.map(baseName)).toEqual([...names]);
      for (const f of files) {
        expect(existsSync(f)).toBe(true);
        // TrueType files begin with the sfnt version 0x00010000.
        expect([...readFileSync(f).subarray(0, 4)]).toEqual([0, 1, 0, 0]);
      }
    }
  });
});

describe('parseUnicodeRanges', () => {
  it('marks the code units of each U+XXXX-YYYY line, skipping blank lines', () => {
    const t = parseUnicodeRanges('U+0041-0043\n\nU+00D7-00D7\n');
    expect([0x40, 0x41, 0x42, 0x43, 0x44, 0xd7, 0xd8].map((c) => t[c])).toEqual([0, 1, 1, 1, 0, 1, 0]);
  });

  it('refuses a malformed line, a reversed range and surrogates', () => {
    expect(() => parseUnicodeRanges('U+0041')).toThrow(/U\+0041/);
    expect(() => parseUnicodeRanges('U+0043-0041')).toThrow();
    expect(() => parseUnicodeRanges('U+D800-DFFF')).toThrow();
  });
});

describe('subsetCovers', () => {
  it("covers the figures' characters", () => {
    expect(
      subsetCovers(svg('MSC 1\u00d710\u2076 cells/kg \u2212 0.5 \u2265 3 \u2013 \u2014 \u2190 \u2192 \u00e9\u0142')),
    ).toBe(true);
  });

  it('does not cover a character outside the subset, a character reference or a surrogate pair', () => {
    expect(subsetCovers(svg('\u0531rm'))).toBe(false); // Armenian: in DejaVu Sans, not in the subset
    expect(subsetCovers(svg('\u4e2d'))).toBe(false);
    expect(subsetCovers(svg('&#x531;'))).toBe(false);
    expect(subsetCovers(svg('\ud83d\ude00'))).toBe(false);
  });

  it('chooses the subset files only for a covered SVG', () => {
    expect(figureFontFilesFor(svg('Placebo'))).toBe(figureSubsetFontFiles());
    expect(figureFontFilesFor(svg('\u0531'))).toBe(figureFontFiles());
  });
});

describe('the subset fonts', () => {
  it('draw every covered Latin character as the full fonts do, regular and bold', () => {
    const latin = Array.from({ length: 0x180 - 0x21 }, (_, i) => String.fromCharCode(0x21 + i))
      .filter((ch) => subsetCovers(ch))
      .join('')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;');
    for (const weight of ['normal', 'bold']) {
      const s = svg(`AV To W. ${latin}`, weight).replace('width="300"', 'width="3000"');
      expect(pngWith(s, figureSubsetFontFiles()).equals(pngWith(s, figureFontFiles()))).toBe(true);
    }
  });

  it('lack a character of the full fonts, which svgToPng then still draws (with the full files)', () => {
    const blank = pngWith(svg(''), figureFontFiles());
    const armenian = svg('\u0531\u0532');
    // The subset draws its .notdef box instead of the letters.
    expect(pngWith(armenian, figureSubsetFontFiles()).equals(pngWith(armenian, figureFontFiles()))).toBe(false);
    expect(pngWith(armenian, figureFontFiles()).equals(blank)).toBe(false);
    expect(Buffer.from(svgToPng(armenian, 1)).equals(pngWith(armenian, figureFontFiles()))).toBe(true);
  });
});
