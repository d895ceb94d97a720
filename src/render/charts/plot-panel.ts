/**
 * One chart panel drawn by Observable Plot in Node: Plot builds SVG through a DOM, which linkedom
 * provides without a browser. The panel is post-processed into stand-alone SVG that the PNG renderer
 * reads the same way a browser does: Plot's `<style>` element (`:where(…)` selectors for HTML pages)
 * and its `system-ui` font stack are replaced by the figure font as plain attributes.
 *
 * Determinism: Plot's class name is a constant (`plot-d6a7b5`, replaced here by a fixed name) and the
 * only generated ids are clip paths (`plot-clip-<counter>`, a process-wide counter), so marks must not
 * use `clip`; `renderPlotPanel` refuses output that contains a clip path.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { FIGURE_FONT_FAMILY } from './svg-text.js';

export interface PanelBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly marginTop: number;
  readonly marginRight: number;
  readonly marginBottom: number;
  readonly marginLeft: number;
}

export interface PlotPanel {
  /** Stand-alone `<svg>` positioned at (box.x, box.y) of the enclosing figure. */
  readonly markup: string;
  /** Data → figure coordinates (the panel's offset included). */
  readonly x: (v: number) => number;
  readonly y: (v: number) => number;
}

/** Class name of every panel (instead of Plot's own), so the figure's SVG never depends on Plot's version. */
export const PANEL_CLASS = 'figure-panel';

/**
 * Renders Plot `marks` (and axis marks) in `box` with linear x and y scales on the given domains.
 * `extra(x, y)` returns SVG drawn over the marks in panel coordinates (e.g. markers).
 */
export function renderPlotPanel(
  box: PanelBox,
  scales: { readonly x: readonly [number, number]; readonly y: readonly [number, number] },
  marks: Plot.Markish[],
  fontSize: number,
  extra: (x: (v: number) => number, y: (v: number) => number) => string = () => '',
): PlotPanel {
  const { document } = parseHTML('<!DOCTYPE html><html><body></body></html>');
  const chart = Plot.plot({
    document: document as unknown as NonNullable<Plot.PlotOptions['document']>,
    width: box.width,
    height: box.height,
    marginTop: box.marginTop,
    marginRight: box.marginRight,
    marginBottom: box.marginBottom,
    marginLeft: box.marginLeft,
    className: PANEL_CLASS,
    x: { type: 'linear', domain: [...scales.x] },
    y: { type: 'linear', domain: [...scales.y] },
    marks,
  });
  const xScale = chart.scale('x');
  const yScale = chart.scale('y');
  if (!xScale?.apply || !yScale?.apply) throw new Error('plot panel: x and y scales are required');
  const px = (v: number) => xScale.apply(v) as number;
  const py = (v: number) => yScale.apply(v) as number;

  for (const style of [...chart.querySelectorAll('style')]) style.remove();
  chart.removeAttribute('style');
  chart.setAttribute('font-family', FIGURE_FONT_FAMILY);
  chart.setAttribute('font-size', String(fontSize));
  chart.setAttribute('x', String(box.x));
  chart.setAttribute('y', String(box.y));
  let markup = chart.outerHTML;
  if (markup.includes('clip-path') || markup.includes('plot-clip')) {
    throw new Error('plot panel: clip paths carry process-dependent ids and are not allowed');
  }
  const over = extra(px, py);
  if (over !== '') markup = markup.replace(/<\/svg>$/, `${over}</svg>`);
  return { markup, x: (v) => box.x + px(v), y: (v) => box.y + py(v) };
}
