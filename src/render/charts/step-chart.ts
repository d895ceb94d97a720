/**
 * A Kaplan–Meier-style figure as SVG (R `survminer::ggsurvplot(risk.table = TRUE)` layout): titles,
 * legend, the step curves with censor marks (+) on a classic axis frame, and under the x axis the
 * number-at-risk table, its counts centred on the table's times and its row labels in the series'
 * colours; then footnotes.
 */
import * as Plot from '@observablehq/plot';
import { axisMarks } from './axis.js';
import {
  BASE_FONT_SIZE,
  FIGURE_WIDTH,
  footnoteBlock,
  headerBlock,
  legendBlock,
  SIDE_PADDING,
  svgDocument,
} from './figure-frame.js';
import type { StepChartSpec } from './figure-spec.js';
import { renderPlotPanel } from './plot-panel.js';
import { plusPath, seriesStyle } from './series-style.js';
import { coord, estimateTextWidth, svgText } from './svg-text.js';

const PANEL_HEIGHT = 340;
const RISK_ROW_HEIGHT = 17;

export function renderStepChartSvg(spec: StepChartSpec): string {
  checkStepChart(spec);
  const parts: string[] = [];
  let y = 8;
  const header = headerBlock(spec, y);
  parts.push(header.markup);
  y += header.height;
  const legend = legendBlock(
    spec.series.map((s, i) => ({ label: s.label, style: seriesStyle(i), marker: false })),
    y,
  );
  parts.push(legend.markup);
  y += legend.height;

  const labelWidth = Math.max(...spec.series.map((s) => estimateTextWidth(s.label, BASE_FONT_SIZE)), 0);
  const marginLeft = Math.max(72, SIDE_PADDING + labelWidth + 24);
  const box = {
    x: 0,
    y,
    width: FIGURE_WIDTH,
    height: PANEL_HEIGHT,
    marginTop: 10,
    marginRight: 28,
    marginBottom: 46,
    marginLeft,
  };
  const lines = spec.series.flatMap((s, i) => {
    const st = seriesStyle(i);
    return s.steps.length === 0
      ? []
      : [
          Plot.line(s.steps, {
            x: 'x',
            y: 'y',
            curve: 'step-after',
            stroke: st.color,
            strokeWidth: 1.75,
            ...(st.dash === '' ? {} : { strokeDasharray: st.dash }),
          }),
        ];
  });
  const panel = renderPlotPanel(
    box,
    { x: spec.x.domain, y: spec.y.domain },
    [...axisMarks(spec.x, spec.y), ...lines],
    BASE_FONT_SIZE,
    (px, py) =>
      spec.series
        .map((s, i) => {
          const color = seriesStyle(i).color;
          const marks = s.censors.map(
            (c) => `<path d="${plusPath(7)}" transform="translate(${coord(px(c.x))},${coord(py(c.y))})"/>`,
          );
          return marks.length === 0 ? '' : `<g stroke="${color}" stroke-width="1.25" fill="none">${marks.join('')}</g>`;
        })
        .join(''),
  );
  parts.push(panel.markup);
  y += PANEL_HEIGHT;

  y += 8;
  parts.push(svgText(SIDE_PADDING, y + BASE_FONT_SIZE, spec.riskTitle, { size: BASE_FONT_SIZE, weight: 'bold' }));
  y += RISK_ROW_HEIGHT + 2;
  spec.series.forEach((s, i) => {
    const baseline = y + BASE_FONT_SIZE;
    const color = seriesStyle(i).color;
    parts.push(svgText(SIDE_PADDING, baseline, s.label, { size: BASE_FONT_SIZE, fill: color }));
    spec.riskTimes.forEach((t, j) => {
      parts.push(svgText(panel.x(t), baseline, String(s.atRisk[j]), { size: BASE_FONT_SIZE, anchor: 'middle' }));
    });
    y += RISK_ROW_HEIGHT;
  });
  y += 6;

  const notes = footnoteBlock(spec.footnotes, y);
  parts.push(notes.markup);
  y += notes.height + 4;
  return svgDocument(spec, y, parts.join(''));
}

function checkStepChart(spec: StepChartSpec): void {
  for (const s of spec.series) {
    if (s.atRisk.length !== spec.riskTimes.length) {
      throw new Error(
        `figure ${spec.id}: series "${s.label}" has ${s.atRisk.length} at-risk counts for ${spec.riskTimes.length} times`,
      );
    }
  }
  const [lo, hi] = spec.x.domain;
  for (const t of spec.riskTimes) {
    if (t < lo || t > hi) throw new Error(`figure ${spec.id}: risk-table time ${t} outside the x axis [${lo}, ${hi}]`);
  }
}
