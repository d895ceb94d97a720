import { describe, expect, it } from 'vitest';
import { ardKeyText } from '../../src/ard/types.js';
import { ardLookup, type ValueKey } from '../../src/render/ard-lookup.js';
import { DRAFT_MARK, DUMMY_MARK, buildPrintForm } from '../../src/render/print-form.js';
import { ardAttributes, escapeHtml, renderHtml } from '../../src/render/html.js';
import { sampleArd, sampleSpec } from './sample-table.js';

const form = buildPrintForm(sampleSpec(), ardLookup(sampleArd()), {
  flags: { draft: true, dummyRandomization: true },
  linesPerPage: 16,
});
const html = renderHtml(form);

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
  });
});

describe('renderHtml', () => {
  it('is a self-contained document: no scripts, no external resources', () => {
    expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
  });

  it('escapes every text from the print form', () => {
    expect(html).toContain('<p>Responders &amp; &lt;others&gt;</p>');
    expect(html).not.toContain('<others>');
  });

  it('shows the marks first, then the titles', () => {
    expect(html).toContain(`<p class="mark">${DRAFT_MARK}</p>\n<p class="mark">${DUMMY_MARK}</p>\n<p>Table 1.2.3</p>`);
  });

  it('shows one header and every body row unpaginated, with indents and separators', () => {
    expect(html.match(/<thead>/g)).toHaveLength(1);
    expect(html.match(/<tr class="(stat|label)">/g)).toHaveLength(4);
    expect(html).toContain('<tr class="separator"><td colspan="4"></td></tr>');
    // Values padded to their column's decimal alignment (kept by white-space:pre): Arm B heads have 2
    // characters before the point ('12'), width 18; Arm C heads 2 ('NE', '15', '<0'), width 11.
    // Each value cell names the ARD rows it shows (data-ard, a JSON array; title for the reader).
    const pRow = /<td class="stub" style="padding-left:2em">p-value<\/td>(.*?)<\/tr>/.exec(html)?.[1] ?? '';
    expect(pRow.replace(/ data-ard="[^"]*" title="[^"]*"/g, '')).toBe(
      `<td></td><td> 0.265${' '.repeat(12)}</td><td>&lt;0.001${' '.repeat(5)}</td>`,
    );
    expect(pRow).toMatch(/<td data-ard="\[&quot;[^"]*\|p\|[^"]*&quot;\]" title="ard\.csv:&#10;[^"]*">/);
    expect(html).toContain('<th>(N=27)</th>');
    expect(html).toContain('<p>NE = not estimable.</p>');
  });

  it('is deterministic', () => {
    expect(renderHtml(form)).toBe(html);
  });
});

describe('ardAttributes', () => {
  it('writes the keys as the escaped JSON array and the title as the escaped lines, key by key', () => {
    const texts = [
      "AE|Crohn's disease|||SAF|TOTAL||n",
      'CONMED|A & B "x" <y>\\z|||FAS|PBO||n',
      'X|line\nbreak\t\u0001|||FAS|PBO||n',
      'Y|caf\u00e9 \ud83d\ude00 lone \ud800|||FAS|PBO||n',
      'Z|plain|||FAS|PBO||n',
    ];
    // The key records a print form holds, whose texts (ardKeyText) are these.
    const keys = texts.map((t) => {
      const [endpoint, param, visit, population, group, comparator, stat, method] = t.split('|');
      return { endpoint, param, visit, population, group, comparator, stat, method } as ValueKey;
    });
    expect(keys.map(ardKeyText)).toEqual(texts);
    // The whole array escaped at once, as the attribute was first written.
    const json = escapeHtml(JSON.stringify(texts));
    const title = escapeHtml(['ard.csv:', ...texts].join('\n')).replace(/\n/g, '&#10;');
    expect(ardAttributes(keys)).toBe(` data-ard="${json}" title="${title}"`);
    expect(ardAttributes([])).toBe('');
    expect(ardAttributes(undefined)).toBe('');
  });
});
