import { describe, expect, it } from 'vitest';
import { markerPath, plusPath, seriesStyle } from '../../../src/render/charts/series-style.js';

describe('seriesStyle', () => {
  it('draws the first series black and solid', () => {
    expect(seriesStyle(0)).toEqual({ color: '#000000', dash: '', marker: 'circle' });
  });

  it('gives the first four series distinct colours, dash patterns and markers', () => {
    const styles = [0, 1, 2, 3].map(seriesStyle);
    for (const k of ['color', 'dash', 'marker'] as const) expect(new Set(styles.map((s) => s[k])).size).toBe(4);
  });

  it('refuses a negative or fractional index', () => {
    expect(() => seriesStyle(-1)).toThrow(RangeError);
    expect(() => seriesStyle(1.5)).toThrow(RangeError);
  });
});

describe('markerPath and plusPath', () => {
  it('give closed shapes centred on the origin', () => {
    for (const shape of ['circle', 'square', 'triangle', 'diamond'] as const)
      expect(markerPath(shape, 8)).toMatch(/^M.*Z$/);
    expect(markerPath('square', 10)).toBe('M-4.5,-4.5H4.5V4.5H-4.5Z');
  });

  it('draws the censoring mark as a plus of the given size', () => {
    expect(plusPath(7)).toBe('M-3.5,0H3.5M0,-3.5V3.5');
  });
});
