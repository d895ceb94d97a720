/**
 * Figures declared as data (the figure counterpart of src/render/table-spec.ts): what to draw, with
 * every label already chosen by the caller. This layer knows charts, not the trial: series are
 * anonymous keys with display labels, and a spec holds everything a renderer needs, so the same spec
 * always gives the same bytes. The trial's figure specs are made in src/tlf/figures/. Plain data only
 * (no functions): specs are sent to the figure thread as they are.
 */

/** The output folder of the figure files (`figures/<id>.svg`, `.png`). */
export const FIGURES_FOLDER = 'figures';

/** What every figure carries around its chart. */
export interface FigureFrame {
  /** Output file stem, e.g. `F-14.2.1`. */
  readonly id: string;
  /** Run marks (DRAFT, DUMMY RANDOMIZATION) shown first, above the titles. */
  readonly marks: readonly string[];
  /** Title lines, the first one bold (e.g. `Figure F-14.2.1`). */
  readonly titles: readonly string[];
  readonly footnotes: readonly string[];
}

export interface ChartPoint {
  readonly x: number;
  readonly y: number;
}

/** One survival-type curve: a right-continuous step function plus its censoring marks. */
export interface StepSeries {
  readonly label: string;
  /** Vertices of the step function in time order; the value holds from x until the next vertex. */
  readonly steps: readonly ChartPoint[];
  /** Censored observations, drawn on the curve. */
  readonly censors: readonly ChartPoint[];
  /** Number at risk at each of the risk table's times (same order). */
  readonly atRisk: readonly number[];
}

export interface AxisSpec {
  readonly label: string;
  readonly domain: readonly [number, number];
  readonly ticks: readonly number[];
  /** Tick labels by position in `ticks`; default: the tick value. */
  readonly tickLabels?: readonly string[];
  /** Decimals of the default tick labels. */
  readonly tickDecimals?: number;
}

/** Kaplan–Meier-style figure: step curves with censor marks and a number-at-risk table under the x axis. */
export interface StepChartSpec extends FigureFrame {
  readonly kind: 'step';
  readonly x: AxisSpec;
  readonly y: AxisSpec;
  readonly series: readonly StepSeries[];
  /** Times of the number-at-risk table (the `atRisk` of every series follows them). */
  readonly riskTimes: readonly number[];
  readonly riskTitle: string;
}

/** An estimate with its confidence interval at position x. */
export interface IntervalPoint {
  readonly x: number;
  readonly estimate: number;
  readonly lower: number | null;
  readonly upper: number | null;
}

export interface IntervalSeries {
  readonly label: string;
  readonly points: readonly IntervalPoint[];
}

/** Estimates with CI bars by x position and series, dodged, joined by lines. */
export interface IntervalChartSpec extends FigureFrame {
  readonly kind: 'interval';
  readonly x: AxisSpec;
  readonly y: Omit<AxisSpec, 'domain' | 'ticks'> & { readonly domain?: readonly [number, number] };
  readonly series: readonly IntervalSeries[];
  /** Horizontal distance between neighbouring series at one x, in x units. */
  readonly dodge: number;
  /** A horizontal reference line (e.g. no change), or null. */
  readonly referenceY: number | null;
}

export type FigureSpec = StepChartSpec | IntervalChartSpec | ForestChartSpec;

/** An estimate with its confidence interval on a forest-plot row; null = not estimable (not drawn). */
export interface ForestEstimate {
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** One row of a forest plot: a heading (label only) or a labelled row of estimates. */
export interface ForestRow {
  readonly label: string;
  readonly indent: number;
  /** A heading has no texts and no estimates and is drawn bold. */
  readonly heading: boolean;
  /** One text per text column (e.g. n/N of each group), drawn left of the panel. */
  readonly texts: readonly string[];
  /** One estimate per series (same order), dodged vertically within the row. */
  readonly estimates: readonly ForestEstimate[];
}

export interface ForestSeries {
  readonly label: string;
  /** `seriesStyle` index, so that a group keeps its colour and marker across figures. */
  readonly styleIndex: number;
}

/** Forest plot: labelled rows with text columns, estimates with CI bars on a common x axis. */
export interface ForestChartSpec extends FigureFrame {
  readonly kind: 'forest';
  readonly labelHeader: string;
  /** Headers of the text columns (each row's `texts` follow them). */
  readonly textColumns: readonly string[];
  readonly series: readonly ForestSeries[];
  readonly rows: readonly ForestRow[];
  /** `limits`: the range the quantity can take (e.g. ±100 percentage points); the axis never extends past it. */
  readonly x: { readonly label: string; readonly tickDecimals?: number; readonly limits?: readonly [number, number] };
  /** A vertical reference line (no difference), or null. */
  readonly referenceX: number | null;
  /** Texts under the axis at its left and right end (e.g. which side favours which group). */
  readonly sideNotes: { readonly left: string; readonly right: string } | null;
}
