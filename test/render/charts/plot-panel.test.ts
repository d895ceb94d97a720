import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { PANEL_CLASS, renderPlotPanel } from '../../../src/render/charts/plot-panel.js';

const box = { x: 10, y: 20, width: 200, height: 100, marginTop: 5, marginRight: 5, marginBottom: 15, marginLeft: 25 };
const data = [
  { x: 0, y: 0 },
  { x: 10, y: 1 },
];

describe('renderPlotPanel', () => {
  const panel = renderPlotPanel(box, { x: [0, 10], y: [0, 1] }, [Plot.line(data, { x: 'x', y: 'y' })], 11);

  it('positions a stand-alone svg with the figure font and no style sheet', () => {
    expect(panel.markup).toMatch(/^<svg [^>]*x="10"/);
    expect(panel.markup).toContain(' y="20"');
    expect(panel.markup).toContain('font-family="DejaVu Sans"');
    expect(panel.markup).toContain('font-size="11"');
    expect(panel.markup).not.toContain('<style');
    expect(panel.markup).not.toContain('system-ui');
    expect(panel.markup).toContain(`class="${PANEL_CLASS}"`);
  });

  it('maps data to figure coordinates (the panel offset and margins included)', () => {
    // x: [0, 10] → [marginLeft, width − marginRight] = [25, 195], plus the panel's x = 10.
    expect(panel.x(0)).toBe(35);
    expect(panel.x(10)).toBe(205);
    // y: [0, 1] → [height − marginBottom, marginTop] = [85, 5], plus the panel's y = 20.
    expect(panel.y(0)).toBe(105);
    expect(panel.y(1)).toBe(25);
  });

  it('inserts extra markup over the marks, in panel coordinates', () => {
    const p = renderPlotPanel(
      box,
      { x: [0, 10], y: [0, 1] },
      [],
      11,
      (x, y) => `<circle cx="${x(5)}" cy="${y(0.5)}" r="2"/>`,
    );
    expect(p.markup.endsWith('<circle cx="110" cy="45" r="2"/></svg>')).toBe(true);
  });

  it('gives the same markup on every call (no generated ids)', () => {
    const again = renderPlotPanel(box, { x: [0, 10], y: [0, 1] }, [Plot.line(data, { x: 'x', y: 'y' })], 11);
    expect(again.markup).toBe(panel.markup);
  });

  it('refuses clipped marks, whose ids come from a process-wide counter', () => {
    expect(() =>
      renderPlotPanel(box, { x: [0, 10], y: [0, 1] }, [Plot.line(data, { x: 'x', y: 'y', clip: true })], 11),
    ).toThrow(/clip/);
  });
});
