/**
 * SVG → PNG with resvg (@resvg/resvg-js, a native module): the figure fonts are loaded from files
 * and system fonts are off, so no text is silently dropped for want of a font and the bytes are the
 * same on every machine; resvg writes no timestamp or other varying chunk into the PNG. The font files
 * are the small subset when it holds every character of the SVG (fonts.ts: same bytes, less work).
 */
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { figureFontFilesFor } from './fonts.js';
import { FIGURE_FONT_FAMILY } from './svg-text.js';

/** Pixels per SVG user unit: a 760-unit-wide figure becomes 1520 px (≈ 200 dpi across 7.6 in). */
export const PNG_ZOOM = 2;

function renderOptions(svg: string, zoom: number): ResvgRenderOptions {
  return {
    font: {
      loadSystemFonts: false,
      fontFiles: [...figureFontFilesFor(svg)],
      defaultFontFamily: FIGURE_FONT_FAMILY,
      sansSerifFamily: FIGURE_FONT_FAMILY,
    },
    fitTo: { mode: 'zoom', value: zoom },
    background: 'white',
    logLevel: 'off',
  };
}

export function svgToPng(svg: string, zoom = PNG_ZOOM): Uint8Array {
  return new Uint8Array(new Resvg(svg, renderOptions(svg, zoom)).render().asPng());
}

/** The same bytes as `svgToPng`, rendered on libuv's thread pool so that several figures use several cores. */
export async function svgToPngAsync(svg: string, zoom = PNG_ZOOM): Promise<Uint8Array> {
  const image = await renderAsync(svg, renderOptions(svg, zoom));
  return new Uint8Array(image.asPng());
}
