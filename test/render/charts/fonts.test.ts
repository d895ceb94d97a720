import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIGURE_FONT_FILES, figureFontFiles } from '../../../src/render/charts/fonts.js';

describe('figureFontFiles', () => {
  it('finds the regular and bold DejaVu Sans TrueType files', () => {
    const files = figureFontFiles();
    expect(files.map((f) => f.split(/[\\/]/).pop())).toEqual([...FIGURE_FONT_FILES]);
    for (const f of files) {
      expect(existsSync(f)).toBe(true);
      // TrueType files begin with the sfnt version 0x00010000.
      expect([...readFileSync(f).subarray(0, 4)]).toEqual([0, 1, 0, 0]);
    }
  });
});
