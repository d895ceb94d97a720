/**
 * Forest plot as SVG: a column of labelled rows (headings bold), text columns beside them (e.g. n/N of
 * each group), and a panel where each row's estimates are drawn as markers with horizontal CI bars,
 * the series dodged vertically within the row, a dashed vertical reference line, an x axis with its
 * label and, under it, a note at each end (which side favours which group). An estimate that is null
 * is not drawn; a bound that is null leaves its bar out. Legend and footnotes as in every figure.
 */
import * as Plot from '@observablehq/plot';
import { tickLabel } from './axis.js';
import {
  BASE_FONT_SIZE,
  FIGURE_WIDTH,
  SIDE_PADDING,
  footnoteBlock,
  headerBlock,
  legendBlock,
  svgDocument,
} from './figure-frame.js';
import type { ForestChartSpec } from './figure-spec.js';
import { niceTicks } from './interval-chart.js';
import { renderPlotPanel } from './plot-panel.js';
import { markerPath, seriesStyle } from './series-style.js';
import { coord, svgText, wrapText } from './svg-text.js';

const ROW_HEIGHT = 22;
const TEXT_SIZE = 11;
const LABEL_WIDTH = 128;
const TEXT_COLUMN_WIDTH = 76;
const INDENT = 12;
const CAP_HALF_HEIGHT = 3;
const AXIS_HEIGHT = 40;
/** Vertical distance between neighbouring series within a row, in rows. */
const DODGE = 0.28;

/**
 * The x range: every estimate and bound and the reference line, padded by 6% and widened to nice ticks,
 * but never past the quantity's limits (`x.limits`), where the axis stops at the limit.
 */
export function forestXDomain(
  spec: Pick<ForestChartSpec, 'rows' | 'referenceX'> & { readonly x?: ForestChartSpec['x'] },
): { domain: [number, number]; ticks: number[] } {
  const values = spec.rows
    .flatMap((r) => r.estimates.flatMap((e) => [e.estimate, e.lower, e.upper]))
    .filter((v): v is number => v !== null);
  if (spec.referenceX !== null) values.push(spec.referenceX);
  let lo = values.length === 0 ? 0 : Math.min(...values);
  let hi = values.length === 0 ? 1 : Math.max(...values);
  if (hi === lo) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * 0.06;
  const ticks = niceTicks(lo - pad, hi + pad, 6);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1;
  const first = Math.floor((lo - pad) / step + 1e-9);
  const last = Math.ceil((hi + pad) / step - 1e-9);
  const all: number[] = [];
  for (let k = first; k <= last; k++) all.push(Number((k * step).toPrecision(12)));
  const [min, max] = spec.x?.limits ?? [-Infinity, Infinity];
  const domain: [number, number] = [Math.max(all[0]!, min), Math.min(all[all.length - 1]!, max)];
  return { domain, ticks: all.filter((t) => t >= domain[0] && t <= domain[1]) };
}

function decimalsOfStep(ticks: readonly number[]): number {
  if (ticks.length < 2) return 0;
  return Math.max(0, -Math.floor(Math.log10(Math.abs(ticks[1]! - ticks[0]!)) + 1e-9));
}

/** Offset (in rows, downwards) of series `index` of `count`, centred on the row. */
export function forestDodge(index: number, count: number): number {
  return (index - (count - 1) / 2) * DODGE;
}

interface Drawn {
  readonly y: number;
  readonly estimate: number;
  readonly lower: number | null;
  readonly upper: number | null;
}

export function renderForestChartSvg(spec: ForestChartSpec): string {
  const width = FIGURE_WIDTH;
  const parts: string[] = [];
  let top = 8;
  const header = headerBlock(spec, top, width);
  parts.push(header.markup);
  top += header.height;
  const legend = legendBlock(
    spec.series.map((s) => ({ label: s.label, style: seriesStyle(s.styleIndex), marker: true })),
    top,
    width,
  );
  parts.push(legend.markup);
  top += legend.height + 4;

  // Column header: the label header and each text column's header, wrapped, bottom-aligned.
  const columnX = (j: number) => SIDE_PADDING + LABEL_WIDTH + j * TEXT_COLUMN_WIDTH + TEXT_COLUMN_WIDTH / 2;
  const headerLines = spec.textColumns.map((h) => wrapText(h, TEXT_COLUMN_WIDTH - 12, TEXT_SIZE));
  const headerRows = Math.max(1, ...headerLines.map((l) => l.length));
  const lineHeight = TEXT_SIZE + 3;
  const headerBottom = top + headerRows * lineHeight;
  parts.push(svgText(SIDE_PADDING, headerBottom, spec.labelHeader, { size: TEXT_SIZE, weight: 'bold' }));
  headerLines.forEach((lines, j) =>
    lines.forEach((line, k) =>
      parts.push(
        svgText(columnX(j), headerBottom - (lines.length - 1 - k) * lineHeight, line, {
          size: TEXT_SIZE,
          anchor: 'middle',
          weight: 'bold',
        }),
      ),
    ),
  );
  top = headerBottom + 6;
  parts.push(`<path d="M${SIDE_PADDING},${coord(top)}H${width - SIDE_PADDING}" stroke="black" stroke-width="0.75"/>`);
  top += 2;

  const n = spec.rows.length;
  const { domain, ticks } = forestXDomain(spec);
  const xAxis = { ticks, tickDecimals: spec.x.tickDecimals ?? decimalsOfStep(ticks) };
  const rowY = (i: number) => n - i - 0.5;
  const count = spec.series.length;
  const drawn = spec.series.map((_, s) =>
    spec.rows.flatMap((r, i): Drawn[] => {
      const e = r.estimates[s];
      return e === undefined || e.estimate === null || r.heading
        ? []
        : [{ y: rowY(i) - forestDodge(s, count), estimate: e.estimate, lower: e.lower, upper: e.upper }];
    }),
  );
  const panelLeft = SIDE_PADDING + LABEL_WIDTH + spec.textColumns.length * TEXT_COLUMN_WIDTH + 4;
  const box = {
    x: panelLeft,
    y: top,
    width: width - panelLeft - SIDE_PADDING,
    height: n * ROW_HEIGHT + AXIS_HEIGHT,
    marginTop: 0,
    // Room for half a tick label at either end of the axis.
    marginRight: 18,
    marginBottom: AXIS_HEIGHT,
    marginLeft: 18,
  };
  const marks: Plot.Markish[] = [
    Plot.gridX([...ticks], { stroke: '#d9d9d9', strokeOpacity: 1, strokeWidth: 0.75 }),
    Plot.axisX([...ticks], {
      label: spec.x.label,
      labelAnchor: 'center',
      labelArrow: 'none',
      labelOffset: 32,
      tickSize: 5,
      tickFormat: (v: number) => tickLabel(xAxis, v),
    }),
    // No y axis: the rows are labelled left of the panel (an explicit empty axis stops Plot's implicit one).
    Plot.axisY([], { label: null, tickSize: 0 }),
    Plot.ruleY([0], { stroke: 'black', strokeWidth: 1 }),
    ...(spec.referenceX === null
      ? []
      : [Plot.ruleX([spec.referenceX], { stroke: '#7f7f7f', strokeDasharray: '4 3', strokeWidth: 1 })]),
    ...drawn.map((points, s) =>
      Plot.ruleY(
        points.filter((p) => p.lower !== null && p.upper !== null),
        { y: 'y', x1: 'lower', x2: 'upper', stroke: seriesStyle(spec.series[s]!.styleIndex).color, strokeWidth: 1.5 },
      ),
    ),
  ];
  const panel = renderPlotPanel(box, { x: domain, y: [0, n] }, marks, BASE_FONT_SIZE, (px, py) =>
    drawn
      .map((points, s) => {
        const st = seriesStyle(spec.series[s]!.styleIndex);
        const caps = points
          .filter((p) => p.lower !== null && p.upper !== null)
          .map((p) =>
            [p.lower!, p.upper!]
              .map((b) => `M${coord(px(b))},${coord(py(p.y) - CAP_HALF_HEIGHT)}v${CAP_HALF_HEIGHT * 2}`)
              .join(''),
          )
          .join('');
        const capPath = caps === '' ? '' : `<path d="${caps}" stroke="${st.color}" stroke-width="1.5" fill="none"/>`;
        const dots = points
          .map(
            (p) =>
              `<path d="${markerPath(st.marker, 8)}" transform="translate(${coord(px(p.estimate))},${coord(py(p.y))})"/>`,
          )
          .join('');
        return `${capPath}<g fill="${st.color}" stroke="white" stroke-width="0.75">${dots}</g>`;
      })
      .join(''),
  );

  // Row labels and texts, on the rows' centre lines (figure coordinates from the panel's y scale).
  spec.rows.forEach((r, i) => {
    const baseline = panel.y(rowY(i)) + TEXT_SIZE * 0.35;
    parts.push(
      svgText(SIDE_PADDING + r.indent * INDENT, baseline, r.label, {
        size: TEXT_SIZE,
        ...(r.heading ? { weight: 'bold' as const } : {}),
      }),
    );
    r.texts.forEach((t, j) => parts.push(svgText(columnX(j), baseline, t, { size: TEXT_SIZE, anchor: 'middle' })));
  });
  parts.push(panel.markup);
  top += box.height + 4;
  if (spec.sideNotes !== null) {
    const left = panel.x(domain[0]);
    const right = panel.x(domain[1]);
    top += TEXT_SIZE;
    parts.push(svgText(left, top, spec.sideNotes.left, { size: TEXT_SIZE - 1 }));
    parts.push(svgText(right, top, spec.sideNotes.right, { size: TEXT_SIZE - 1, anchor: 'end' }));
    top += 6;
  }
  const notes = footnoteBlock(spec.footnotes, top + 4, width);
  parts.push(notes.markup);
  top += notes.height + 8;
  return svgDocument(spec, top, parts.join(''), width);
}
