/**
 * How the n-th series of a figure is drawn. Colours are the Okabe–Ito palette (safe for the common
 * colour-vision deficiencies), and every series also differs by dash pattern and marker shape, so a
 * greyscale print still tells them apart. The first series (the reference group, or the only one) is black.
 */

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';

export interface SeriesStyle {
  readonly color: string;
  /** SVG stroke-dasharray; '' = solid. */
  readonly dash: string;
  readonly marker: MarkerShape;
}

const COLORS = ['#000000', '#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00'] as const;
const DASHES = ['', '7 3', '2 2.5', '9 3 2 3'] as const;
const MARKERS: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond'];

export function seriesStyle(index: number): SeriesStyle {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`series index must be a whole number ≥ 0: ${index}`);
  return {
    color: COLORS[index % COLORS.length]!,
    dash: DASHES[index % DASHES.length]!,
    marker: MARKERS[index % MARKERS.length]!,
  };
}

/** SVG path data of a marker of about `size` px across, centred on (0, 0). */
export function markerPath(shape: MarkerShape, size: number): string {
  const h = size / 2;
  const r = (x: number) => String(Math.round(x * 1000) / 1000);
  switch (shape) {
    case 'circle':
      return `M${r(h)},0A${r(h)},${r(h)},0,1,1,${r(-h)},0A${r(h)},${r(h)},0,1,1,${r(h)},0Z`;
    case 'square': {
      const s = h * 0.9;
      return `M${r(-s)},${r(-s)}H${r(s)}V${r(s)}H${r(-s)}Z`;
    }
    case 'triangle': {
      const t = h * 1.15;
      return `M0,${r(-t)}L${r(t * 0.866)},${r(t * 0.5)}L${r(-t * 0.866)},${r(t * 0.5)}Z`;
    }
    case 'diamond': {
      const d = h * 1.2;
      return `M0,${r(-d)}L${r(d * 0.75)},0L0,${r(d)}L${r(-d * 0.75)},0Z`;
    }
  }
}

/** A censoring mark (+) of `size` px across, centred on (0, 0). */
export function plusPath(size: number): string {
  const h = String(Math.round((size / 2) * 1000) / 1000);
  return `M-${h},0H${h}M0,-${h}V${h}`;
}
