import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { renderFigureFiles } from '../../../src/render/charts/figure-files.js';
import type { ForestChartSpec } from '../../../src/render/charts/figure-spec.js';
import { forestDodge, forestXDomain, renderForestChartSvg } from '../../../src/render/charts/forest-chart.js';
import { markerPath } from '../../../src/render/charts/series-style.js';
import { count } from './chart-fixtures.js';

/** Made-up forest plot: a data row, a heading, two data rows (one estimate not estimable, one bound missing). */
function forestSpec(over: Partial<ForestChartSpec> = {}): ForestChartSpec {
  return {
    kind: 'forest',
    id: 'F-TEST.F',
    marks: [],
    titles: ['Figure F-TEST.F', 'Forest'],
    footnotes: ['A footnote.'],
    labelHeader: 'Subgroup',
    textColumns: ['A n/N', 'B n/N'],
    series: [
      { label: 'B vs A', styleIndex: 1 },
      { label: 'C vs A', styleIndex: 2 },
    ],
    rows: [
      {
        label: 'All',
        indent: 0,
        heading: false,
        texts: ['3/10', '5/11'],
        estimates: [
          { estimate: 12.5, lower: -10, upper: 35 },
          { estimate: 20, lower: -4, upper: 44 },
        ],
      },
      { label: 'Family', indent: 0, heading: true, texts: [], estimates: [] },
      {
        label: 'Level 1',
        indent: 1,
        heading: false,
        texts: ['1/4', '2/5'],
        estimates: [
          { estimate: null, lower: null, upper: null },
          { estimate: -8, lower: -30, upper: 14 },
        ],
      },
      {
        label: 'Level 2',
        indent: 1,
        heading: false,
        texts: ['2/6', '3/6'],
        estimates: [
          { estimate: 5, lower: null, upper: 25 },
          { estimate: 30, lower: 2, upper: 58 },
        ],
      },
    ],
    x: { label: 'Difference (percentage points)' },
    referenceX: 0,
    sideNotes: { left: '\u2190 Favours A', right: 'Favours B \u2192' },
    ...over,
  };
}

describe('forestDodge', () => {
  it('centres the series of a row on the row', () => {
    expect([0, 1].map((i) => forestDodge(i, 2))).toEqual([-0.14, 0.14]);
    expect(forestDodge(0, 1)).toBe(0);
  });
});

describe('forestXDomain', () => {
  it('covers every estimate and bound and the reference line, in whole tick steps', () => {
    // values −30 … 58, padded by 6% of 88 = 5.28 → [−35.28, 63.28]; nice step 20 → [−40, 80].
    expect(forestXDomain(forestSpec())).toEqual({ domain: [-40, 80], ticks: [-40, -20, 0, 20, 40, 60, 80] });
  });

  it('stops at the limits of the quantity (a difference of proportions never passes ±100 points)', () => {
    const rows = [
      {
        label: 'x',
        indent: 0,
        heading: false,
        texts: [],
        estimates: [
          { estimate: 100, lower: -12.3, upper: 100 },
          { estimate: 0, lower: -85.2, upper: 74.2 },
        ],
      },
    ];
    // unlimited: −85.2 … 100 padded by 11.1 → step 50 → [−100, 150]; limited to [−100, 100].
    expect(forestXDomain({ referenceX: 0, rows }).domain).toEqual([-100, 150]);
    expect(forestXDomain({ referenceX: 0, rows, x: { label: '', limits: [-100, 100] } })).toEqual({
      domain: [-100, 100],
      ticks: [-100, -50, 0, 50, 100],
    });
  });

  it('includes the reference line when every value lies above it', () => {
    const { domain } = forestXDomain({
      referenceX: 0,
      rows: [{ label: 'x', indent: 0, heading: false, texts: [], estimates: [{ estimate: 5, lower: 4, upper: 6 }] }],
    });
    expect(domain[0]).toBeLessThanOrEqual(0);
  });
});

describe('renderForestChartSvg', () => {
  const svg = renderForestChartSvg(forestSpec());

  it('is well-formed SVG with the labels, texts, headers and side notes', () => {
    expect(() => new Resvg(svg)).not.toThrow();
    for (const t of [
      'Subgroup',
      'A n/N',
      'All',
      'Family',
      'Level 1',
      'Level 2',
      '3/10',
      '5/11',
      '2/6',
      '\u2190 Favours A',
      'Favours B \u2192',
      'A footnote.',
    ])
      expect(svg).toContain(`>${t}<`);
    expect(svg).toContain('font-weight="bold">Family<');
  });

  it('draws one marker per estimable estimate (plus the legend samples), none for a not-estimable one', () => {
    // series 0 (square, style 1): All, Level 2 (Level 1 is NE); series 1 (triangle, style 2): three rows.
    expect(count(svg, `d="${markerPath('square', 8)}" transform`)).toBe(2 + 1);
    expect(count(svg, `d="${markerPath('triangle', 8)}" transform`)).toBe(3 + 1);
  });

  it('draws a CI bar only where both bounds exist', () => {
    const rules = svg.match(/aria-label="rule"[^]*?<\/g>/g) ?? [];
    // The x-axis line, the reference line, then one group of bars per series: 1 bar (Level 2 lacks a bound) and 3.
    expect(rules.map((g) => count(g, '<line')).slice(-2)).toEqual([1, 3]);
  });

  it('draws no y axis (rows are labelled beside the panel)', () => {
    expect(svg).not.toContain('aria-label="y-axis tick"');
  });

  it('gives the same SVG and PNG bytes on a second render', () => {
    const a = renderFigureFiles([forestSpec()]);
    const b = renderFigureFiles([forestSpec()]);
    expect([...a.keys()]).toEqual(['figures/F-TEST.F.svg', 'figures/F-TEST.F.png']);
    for (const [k, v] of a) expect(Buffer.from(b.get(k)!).equals(Buffer.from(v)), k).toBe(true);
  });
});
