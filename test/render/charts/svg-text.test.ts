import { describe, expect, it } from 'vitest';
import {
  coord,
  escapeXml,
  estimateTextWidth,
  svgText,
  typesetPowersOfTen,
  wrapText,
} from '../../../src/render/charts/svg-text.js';

describe('escapeXml', () => {
  it('escapes the XML metacharacters of text and attribute values', () => {
    expect(escapeXml('a < b & c > "d"')).toBe('a &lt; b &amp; c &gt; &quot;d&quot;');
  });
});

describe('coord', () => {
  it.each([
    [95.00000000000001, '95'],
    [1.005, '1'],
    [12.3456, '12.35'],
    [-0.001, '0'],
    [-3.14159, '-3.14'],
  ])('%s → %s', (x, s) => expect(coord(x)).toBe(s));
});

describe('wrapText', () => {
  it('keeps text that fits on one line', () => {
    expect(wrapText('short note', 500, 10)).toEqual(['short note']);
  });

  it('breaks between words so that each line fits the estimated width', () => {
    const lines = wrapText('one two three four five six seven eight nine ten', 120, 10);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(estimateTextWidth(l, 10)).toBeLessThanOrEqual(120);
    expect(lines.join(' ')).toBe('one two three four five six seven eight nine ten');
  });

  it('keeps a single word longer than the width whole', () => {
    expect(wrapText('supercalifragilistic', 20, 10)).toEqual(['supercalifragilistic']);
  });
});

describe('typesetPowersOfTen', () => {
  it('writes caret powers of ten with a multiplication sign and superscript digits', () => {
    expect(typesetPowersOfTen('MSC 1x10^6 cells/kg')).toBe('MSC 1\u00d710\u2076 cells/kg');
    expect(typesetPowersOfTen('5 x 10^-12')).toBe('5\u00d710\u207b\u00b9\u00b2');
  });

  it('leaves other text alone', () => {
    expect(typesetPowersOfTen('Placebo')).toBe('Placebo');
    expect(typesetPowersOfTen('box 10^3')).toBe('box 10^3');
  });
});

describe('svgText', () => {
  it('writes one text element with only the attributes asked for, its content escaped', () => {
    expect(svgText(10, 20.004, 'A & B', { size: 12 })).toBe('<text x="10" y="20" font-size="12">A &amp; B</text>');
    expect(svgText(1, 2, 'T', { size: 14, anchor: 'middle', weight: 'bold', fill: '#0072B2' })).toBe(
      '<text x="1" y="2" font-size="14" text-anchor="middle" font-weight="bold" fill="#0072B2">T</text>',
    );
  });
});
