import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import {
  dodgeOffset,
  intervalYDomain,
  niceTicks,
  renderIntervalChartSvg,
} from '../../../src/render/charts/interval-chart.js';
import { markerPath } from '../../../src/render/charts/series-style.js';
import { count, intervalSpec } from './chart-fixtures.js';

describe('dodgeOffset', () => {
  it('centres the group of series on its x', () => {
    expect([0, 1, 2].map((i) => dodgeOffset(i, 3, 1))).toEqual([-1, 0, 1]);
    expect([0, 1].map((i) => dodgeOffset(i, 2, 0.5))).toEqual([-0.25, 0.25]);
    expect(dodgeOffset(0, 1, 2)).toBe(0);
  });
});

describe('niceTicks', () => {
  it.each([
    [-8.3, 2.1, [-8, -6, -4, -2, 0, 2]],
    [0, 1, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    // span 0.38 / 6 = 0.063 → the first of 0.01·{1, 2, 5, 10} at least that is 0.1; ticks inside the range only.
    [-0.07, 0.31, [0, 0.1, 0.2, 0.3]],
  ])('[%s, %s] → %j', (lo, hi, ticks) => expect(niceTicks(lo, hi)).toEqual(ticks));

  it('refuses an empty range', () => expect(() => niceTicks(1, 1)).toThrow(RangeError));
});

describe('intervalYDomain', () => {
  it('covers every estimate, bound and the reference line, extended to whole tick steps', () => {
    // values −4 … 0.5, padded by 8% of 4.5 = 0.36 → [−4.36, 0.86]; step 1 → [−5, 1].
    expect(intervalYDomain(intervalSpec())).toEqual([-5, 1]);
  });

  it('includes the reference line even when every value lies above it', () => {
    const [lo] = intervalYDomain({
      referenceY: 0,
      series: [{ label: 'A', points: [{ x: 1, estimate: 5, lower: 4, upper: 6 }] }],
    });
    expect(lo).toBeLessThanOrEqual(0);
  });

  it('is [0, 1] without any value', () => {
    expect(intervalYDomain({ referenceY: null, series: [] })).toEqual([0, 1]);
  });
});

describe('renderIntervalChartSvg', () => {
  const svg = renderIntervalChartSvg(intervalSpec());

  it('is well-formed SVG', () => {
    expect(() => new Resvg(svg)).not.toThrow();
  });

  it('draws one marker per estimate and one line per series', () => {
    expect(count(svg, `d="${markerPath('circle', 8)}" transform`)).toBe(3 + 1); // 3 points + legend sample
    expect(count(svg, `d="${markerPath('square', 8)}" transform`)).toBe(2 + 1);
    expect(count(svg, 'aria-label="line"')).toBe(2);
  });

  it('draws a CI bar only where both bounds exist', () => {
    const rules = svg.match(/aria-label="rule"[^]*?<\/g>/g) ?? [];
    // Axis rules (x and y), the reference line, then one group of bars per series: 3 bars and 1 bar.
    const barCounts = rules.map((g) => count(g, '<line'));
    expect(barCounts.slice(-2)).toEqual([3, 1]);
  });

  it('labels negative ticks with a minus sign and draws the reference line dashed', () => {
    expect(svg).toContain('>\u22124</text>');
    expect(svg).toContain('stroke-dasharray="4 3"');
  });

  it('gives the same bytes for the same spec', () => {
    expect(renderIntervalChartSvg(intervalSpec())).toBe(svg);
  });
});
