/**
 * Figure specs → output files: `figures/<id>.svg` and `figures/<id>.png` (the PNG rendered from the
 * very SVG that is written, so the two never disagree).
 */
import { FIGURES_FOLDER, type FigureSpec } from './figure-spec.js';
import { renderForestChartSvg } from './forest-chart.js';
import { renderIntervalChartSvg } from './interval-chart.js';
import { svgToPng, svgToPngAsync } from './png.js';
import { renderStepChartSvg } from './step-chart.js';

export { FIGURES_FOLDER };

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

/** `figures/<id>.svg` of each spec, by path. */
export function renderFigureSvgFiles(specs: readonly FigureSpec[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const spec of specs) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(spec.id))
      throw new Error(`figure id is not a file name: ${JSON.stringify(spec.id)}`);
    files.set(`${FIGURES_FOLDER}/${spec.id}.svg`, renderFigureSvg(spec));
  }
  return files;
}

/** The PNG path of an SVG figure file. */
const pngPathOf = (svgPath: string): string => svgPath.replace(/\.svg$/, '.png');

export function renderFigureFiles(specs: readonly FigureSpec[]): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  for (const [path, svg] of renderFigureSvgFiles(specs)) {
    files.set(path, svg);
    files.set(pngPathOf(path), svgToPng(svg));
  }
  return files;
}

/**
 * The PNGs of SVG figure files, rendered off the main thread (resvg's thread pool), in parallel with each
 * other and with whatever the caller does meanwhile; the bytes are those of `renderFigureFiles`.
 */
export function renderPngFilesAsync(svgFiles: ReadonlyMap<string, string>): Promise<Map<string, Uint8Array>> {
  return Promise.all(
    [...svgFiles].map(async ([path, svg]) => [pngPathOf(path), await svgToPngAsync(svg)] as const),
  ).then((entries) => new Map(entries));
}
