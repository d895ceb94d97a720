/**
 * Figure specs → output files: `figures/<id>.svg` and `figures/<id>.png` (the PNG rendered from the
 * very SVG that is written, so the two never disagree).
 */
import type { FigureSpec } from './figure-spec.js';
import { renderForestChartSvg } from './forest-chart.js';
import { renderIntervalChartSvg } from './interval-chart.js';
import { svgToPng } from './png.js';
import { renderStepChartSvg } from './step-chart.js';

export const FIGURES_FOLDER = 'figures';

export function renderFigureSvg(spec: FigureSpec): string {
  switch (spec.kind) {
    case 'step':
      return renderStepChartSvg(spec);
    case 'interval':
      return renderIntervalChartSvg(spec);
    case 'forest':
      return renderForestChartSvg(spec);
  }
}

export function renderFigureFiles(specs: readonly FigureSpec[]): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  for (const spec of specs) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(spec.id)) throw new Error(`figure id is not a file name: ${JSON.stringify(spec.id)}`);
    const svg = renderFigureSvg(spec);
    files.set(`${FIGURES_FOLDER}/${spec.id}.svg`, svg);
    files.set(`${FIGURES_FOLDER}/${spec.id}.png`, svgToPng(svg));
  }
  return files;
}
