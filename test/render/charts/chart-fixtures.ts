/** Small hand-made figure specs shared by the chart tests. */
import type { IntervalChartSpec, StepChartSpec } from '../../../src/render/charts/figure-spec.js';

export function stepSpec(over: Partial<StepChartSpec> = {}): StepChartSpec {
  return {
    kind: 'step',
    id: 'F-TEST.1',
    marks: [],
    titles: ['Figure F-TEST.1', 'Two curves'],
    footnotes: ['First note.'],
    x: { label: 'Days', domain: [0, 10], ticks: [0, 5, 10] },
    y: { label: 'Probability', domain: [0, 1], ticks: [0, 0.5, 1], tickDecimals: 1 },
    series: [
      {
        label: 'Alpha',
        steps: [
          { x: 0, y: 1 },
          { x: 2, y: 0.75 },
          { x: 4, y: 0.5 },
          { x: 9, y: 0.5 },
        ],
        censors: [
          { x: 3, y: 0.75 },
          { x: 9, y: 0.5 },
        ],
        atRisk: [4, 2, 0],
      },
      {
        label: 'Beta & Gamma',
        steps: [
          { x: 0, y: 1 },
          { x: 7, y: 0.5 },
        ],
        censors: [{ x: 1, y: 1 }],
        atRisk: [3, 2, 0],
      },
    ],
    riskTimes: [0, 5, 10],
    riskTitle: 'Number at risk',
    ...over,
  };
}

export function intervalSpec(over: Partial<IntervalChartSpec> = {}): IntervalChartSpec {
  return {
    kind: 'interval',
    id: 'F-TEST.2',
    marks: [],
    titles: ['Figure F-TEST.2'],
    footnotes: [],
    x: { label: 'Week', domain: [0, 14], ticks: [4, 8, 12] },
    y: { label: 'Change' },
    series: [
      {
        label: 'A',
        points: [
          { x: 4, estimate: -1, lower: -2, upper: 0 },
          { x: 8, estimate: -2, lower: -3.5, upper: -0.5 },
          { x: 12, estimate: -2.5, lower: -4, upper: -1 },
        ],
      },
      {
        label: 'B',
        points: [
          { x: 4, estimate: -0.5, lower: -1.5, upper: 0.5 },
          { x: 12, estimate: -3, lower: null, upper: null },
        ],
      },
    ],
    dodge: 0.5,
    referenceY: 0,
    ...over,
  };
}

export function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}
