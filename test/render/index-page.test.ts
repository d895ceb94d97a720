import { describe, expect, it } from 'vitest';
import { outputLabel, renderIndexPage, sectionOf, type IndexPageInput } from '../../src/render/index-page.js';

const input: IndexPageInput = {
  heading: 'STUDY: tables, listings and figures',
  marks: ['DUMMY RANDOMIZATION'],
  provenance: [{ label: 'Lock', value: 'DBL-1 <locked>' }],
  inputs: [{ name: 'lock/dm.csv', sha256: 'ab'.repeat(32) }],
  dataFiles: [{ path: 'ard.csv', description: 'results' }],
  entries: [
    {
      id: 'T-14.2.10.1',
      title: 'SF-36 & more',
      kind: 'table',
      files: ['tables/T-14.2.10.1.html', 'tables/T-14.2.10.1.rtf'],
    },
    { id: 'T-14.2.2', title: 'Second', kind: 'table', files: ['tables/T-14.2.2.html'] },
    { id: 'F-14.2.1', title: 'KM', kind: 'figure', files: ['figures/F-14.2.1.svg', 'figures/F-14.2.1.png'] },
    { id: 'L-16.2.6.1', title: 'Flares', kind: 'listing', files: ['listings/L-16.2.6.1.html'] },
    { id: 'T-14.1.1', title: 'Disposition', kind: 'table', files: ['tables/T-14.1.1.html'] },
  ],
};

describe('index.html', () => {
  const html = renderIndexPage(input);

  it('groups outputs by ICH E3 section in numeric order (14.2.2 before 14.2.10)', () => {
    const order = ['Table 14.1.1', 'Table 14.2.2', 'Table 14.2.10.1', 'Listing 16.2.6.1'].map((t) => html.indexOf(t));
    expect(order.every((x, i) => x > 0 && (i === 0 || x > order[i - 1]!))).toBe(true);
    expect(html.indexOf('14.1 Demographic')).toBeLessThan(html.indexOf('14.2 Efficacy'));
    expect(html).toContain('<h2>16.2.6 Individual efficacy response data</h2>');
    expect(sectionOf('T-14.3.2')).toBe('14.3 Safety data');
    expect(outputLabel({ id: 'F-14.2.1', kind: 'figure' })).toBe('Figure 14.2.1');
  });

  it('links every file relatively and escapes text; no script, no external resource', () => {
    expect(html).toContain('<a href="tables/T-14.2.10.1.html">SF-36 &amp; more</a>');
    expect(html).toContain('<a href="figures/F-14.2.1.png">PNG</a>');
    expect(html).toContain('DBL-1 &lt;locked&gt;');
    expect(html).not.toMatch(/<script|https?:|src=/i);
  });

  it('shows the run marks and the input hashes', () => {
    expect(html).toContain('<p class="mark">DUMMY RANDOMIZATION</p>');
    expect(html).toContain('ab'.repeat(32));
  });
});
