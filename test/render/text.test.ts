import { describe, expect, it } from 'vitest';
import { ardLookup } from '../../src/render/ard-lookup.js';
import { buildPrintForm } from '../../src/render/print-form.js';
import { renderText } from '../../src/render/text.js';
import { sampleArd, sampleSpec } from './sample-table.js';

// Expected layout written out by hand from the rules in src/render/text.ts (exact comparison). Column
// widths: stub 23 ('Heading {x} (continued)', as a continued page would restate it), Arm A 8, Arm B 18
// (' 2.13 (0.68, 6.68)': heads decimal-aligned, so '12' and '2.13' put their units digit in the same
// place), Arm C 11; table 23+8+18+11+3·2 = 66.
const PAGE = (n: number) =>
  [
    `                                                       Page ${n} of 2`,
    '                    DRAFT \u2014 lock not verified',
    '                           Table 1.2.3',
    '                      Responders & <others>',
    '                        Full Analysis Set',
    '',
    '-'.repeat(66),
    'Statistic                 Arm A          Arm B            Arm C',
    '                          (N=27)         (N=26)          (N=28)',
    '-'.repeat(66),
  ].join('\n');

describe('renderText', () => {
  const form = buildPrintForm(sampleSpec(), ardLookup(sampleArd()), {
    flags: { draft: true, dummyRandomization: false },
    linesPerPage: 16,
  });

  it('lays out pages with repeated titles and header, centred values, indented labels', () => {
    const expected =
      `${PAGE(1)}\n` +
      'Responders, n (%)        8 (29.6)  12 (46.2)           15 (53.6)\n' +
      '  Odds ratio (95% CI)               2.13 (0.68, 6.68)  NE (NE, NE)\n' +
      `${'-'.repeat(66)}\nFootnote one.\nNE = not estimable.\n` +
      `\f${PAGE(2)}\n` +
      'Heading {x}\n' +
      '  p-value                           0.265              <0.001\n' +
      `${'-'.repeat(66)}\nFootnote one.\nNE = not estimable.\n`;
    expect(renderText(form)).toBe(expected);
  });

  it('keeps each page within the line budget and has no trailing spaces or CR', () => {
    const text = renderText(form);
    for (const page of text.split('\f')) expect(page.replace(/\n$/, '').split('\n').length).toBeLessThanOrEqual(16);
    expect(text).not.toMatch(/ \n/);
    expect(text).not.toContain('\r');
  });

  it('is deterministic', () => {
    const again = buildPrintForm(sampleSpec(), ardLookup(sampleArd()), {
      flags: { draft: true, dummyRandomization: false },
      linesPerPage: 16,
    });
    expect(renderText(again)).toBe(renderText(form));
  });
});
