/**
 * Estimates with confidence intervals by x position and series, as SVG: each series shifted by a
 * fixed dodge so that intervals at one x do not overlap (ggplot2 `position_dodge`), points joined by
 * lines in x order, CI bars with end caps, a dashed horizontal reference line, legend and footnotes.
 * A point whose CI bound is missing is drawn without its bar.
 */
import * as Plot from '@observablehq/plot';
import { axisMarks } from './axis.js';
import { BASE_FONT_SIZE, FIGURE_WIDTH, footnoteBlock, headerBlock, legendBlock, svgDocument } from './figure-frame.js';
import type { IntervalChartSpec, IntervalPoint } from './figure-spec.js';
import { renderPlotPanel } from './plot-panel.js';
import { markerPath, seriesStyle } from './series-style.js';
import { coord } from './svg-text.js';

const PANEL_HEIGHT = 380;
const CAP_HALF_WIDTH = 3.5;

/** Offset of series `index` of `count` so that the group is centred on its x. */
export function dodgeOffset(index: number, count: number, dodge: number): number {
  return (index - (count - 1) / 2) * dodge;
}

/** Nice y ticks: a step of 1, 2 or 5 × 10^k giving about `target` intervals over the span. */
export function niceTicks(lo: number, hi: number, target = 6): number[] {
  if (!(hi > lo)) throw new RangeError(`empty axis range [${lo}, ${hi}]`);
  const raw = (hi - lo) / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

/** The y range: every estimate and bound, the reference line, padded by 8% and widened to nice ticks. */
export function intervalYDomain(spec: Pick<IntervalChartSpec, 'series' | 'referenceY'>): [number, number] {
  const values = spec.series
    .flatMap((s) => s.points.flatMap((p) => [p.estimate, p.lower, p.upper]))
    .filter((v): v is number => v !== null);
  if (spec.referenceY !== null) values.push(spec.referenceY);
  if (values.length === 0) return [0, 1];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi === lo) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * 0.08;
  const ticks = niceTicks(lo - pad, hi + pad);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1;
  return [
    Math.min(ticks[0]!, Math.floor((lo - pad) / step) * step),
    Math.max(ticks[ticks.length - 1]!, Math.ceil((hi + pad) / step) * step),
  ];
}

function decimalsOfStep(ticks: readonly number[]): number {
  if (ticks.length < 2) return 0;
  const step = Math.abs(ticks[1]! - ticks[0]!);
  return Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
}

export function renderIntervalChartSvg(spec: IntervalChartSpec): string {
  const parts: string[] = [];
  let y = 8;
  const header = headerBlock(spec, y);
  parts.push(header.markup);
  y += header.height;
  const legend = legendBlock(
    spec.series.map((s, i) => ({ label: s.label, style: seriesStyle(i), marker: true })),
    y,
  );
  parts.push(legend.markup);
  y += legend.height;

  const domain = spec.y.domain ?? intervalYDomain(spec);
  const yTicks = niceTicks(domain[0], domain[1]);
  const yAxis = {
    label: spec.y.label,
    domain,
    ticks: yTicks,
    tickDecimals: spec.y.tickDecimals ?? decimalsOfStep(yTicks),
  };
  const count = spec.series.length;
  const shifted = spec.series.map((s, i) => {
    const dx = dodgeOffset(i, count, spec.dodge);
    return [...s.points].sort((a, b) => a.x - b.x).map((p): IntervalPoint => ({ ...p, x: p.x + dx }));
  });
  const seriesMarks = shifted.flatMap((points, i) => {
    const st = seriesStyle(i);
    const bars = points.filter((p) => p.lower !== null && p.upper !== null);
    return [
      Plot.line(points, {
        x: 'x',
        y: 'estimate',
        stroke: st.color,
        strokeWidth: 1.5,
        ...(st.dash === '' ? {} : { strokeDasharray: st.dash }),
      }),
      Plot.ruleX(bars, { x: 'x', y1: 'lower', y2: 'upper', stroke: st.color, strokeWidth: 1.25 }),
    ];
  });
  const reference =
    spec.referenceY === null
      ? []
      : [Plot.ruleY([spec.referenceY], { stroke: '#7f7f7f', strokeDasharray: '4 3', strokeWidth: 1 })];
  const box = {
    x: 0,
    y,
    width: FIGURE_WIDTH,
    height: PANEL_HEIGHT,
    marginTop: 10,
    marginRight: 28,
    marginBottom: 46,
    marginLeft: 76,
  };
  const panel = renderPlotPanel(
    box,
    { x: spec.x.domain, y: domain },
    [...axisMarks(spec.x, yAxis), ...reference, ...seriesMarks],
    BASE_FONT_SIZE,
    (px, py) =>
      shifted
        .map((points, i) => {
          const st = seriesStyle(i);
          const caps = points
            .filter((p) => p.lower !== null && p.upper !== null)
            .map((p) => {
              const x = px(p.x);
              return [p.lower!, p.upper!]
                .map((b) => `M${coord(x - CAP_HALF_WIDTH)},${coord(py(b))}h${CAP_HALF_WIDTH * 2}`)
                .join('');
            })
            .join('');
          const capPath = caps === '' ? '' : `<path d="${caps}" stroke="${st.color}" stroke-width="1.25" fill="none"/>`;
          const dots = points
            .map(
              (p) =>
                `<path d="${markerPath(st.marker, 8)}" transform="translate(${coord(px(p.x))},${coord(py(p.estimate))})"/>`,
            )
            .join('');
          return `${capPath}<g fill="${st.color}" stroke="white" stroke-width="0.75">${dots}</g>`;
        })
        .join(''),
  );
  parts.push(panel.markup);
  y += PANEL_HEIGHT + 6;

  const notes = footnoteBlock(spec.footnotes, y);
  parts.push(notes.markup);
  y += notes.height + 4;
  return svgDocument(spec, y, parts.join(''));
}
