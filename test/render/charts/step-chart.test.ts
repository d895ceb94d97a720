import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { plusPath } from '../../../src/render/charts/series-style.js';
import { renderStepChartSvg } from '../../../src/render/charts/step-chart.js';
import { count, stepSpec } from './chart-fixtures.js';

describe('renderStepChartSvg', () => {
  const svg = renderStepChartSvg(stepSpec());

  it('is well-formed SVG (parsed by resvg, a strict XML parser)', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(() => new Resvg(svg)).not.toThrow();
  });

  it('draws one step curve per series, each with two segments per step', () => {
    const lines = [...svg.matchAll(/aria-label="line"><path d="([^"]*)"/g)].map((m) => m[1]!);
    expect(lines).toHaveLength(2);
    // d3 curveStepAfter: a horizontal and a vertical segment (L) between consecutive vertices.
    expect(lines.map((d) => count(d, 'L'))).toEqual([6, 2]);
  });

  it('puts one censor mark per censored point, in the series colour', () => {
    expect(count(svg, `d="${plusPath(7)}"`)).toBe(3);
    expect(svg).toContain('<g stroke="#000000" stroke-width="1.25" fill="none">');
    expect(svg).toContain('<g stroke="#0072B2" stroke-width="1.25" fill="none">');
  });

  it('prints the number-at-risk table, titles, axis labels, legend and escaped labels', () => {
    expect(svg).toContain('>Number at risk</text>');
    for (const n of ['4', '2', '0', '3']) expect(svg).toContain(`text-anchor="middle">${n}</text>`);
    expect(svg).toContain('>Figure F-TEST.1</text>');
    expect(svg).toContain('>Days</text>');
    expect(svg).toContain('>Probability</text>');
    expect(svg).toContain('>0.5</text>');
    expect(count(svg, '>Beta &amp; Gamma</text>')).toBe(2); // legend and risk table
    expect(svg).toContain('>First note.</text>');
  });

  it('shows the run marks above the titles', () => {
    const marked = renderStepChartSvg(stepSpec({ marks: ['DRAFT \u2014 lock not verified'] }));
    expect(marked.indexOf('DRAFT')).toBeLessThan(marked.indexOf('>Figure F-TEST.1<'));
  });

  it('gives the same bytes for the same spec', () => {
    expect(renderStepChartSvg(stepSpec())).toBe(svg);
  });

  it('draws no curve for a series without subjects but keeps its risk-table row', () => {
    const empty = renderStepChartSvg(
      stepSpec({ series: [{ label: 'Empty', steps: [], censors: [], atRisk: [0, 0, 0] }] }),
    );
    expect(count(empty, 'aria-label="line"')).toBe(0);
    expect(count(empty, '>Empty</text>')).toBe(2);
  });

  it('refuses at-risk counts that do not match the times, and times off the axis', () => {
    const s = stepSpec();
    expect(() => renderStepChartSvg({ ...s, series: [{ ...s.series[0]!, atRisk: [1] }] })).toThrow(/at-risk counts/);
    expect(() => renderStepChartSvg({ ...s, riskTimes: [0, 5, 11], series: [] })).toThrow(/outside the x axis/);
  });
});
