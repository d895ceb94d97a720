/**
 * Flare tables (SAP.md §10.2): T-14.2.5, BILAG-2004 flares at or before Weeks 12, 24 and 52 (any,
 * renal, non-renal, severe), and T-14.2.6, time to first BILAG-2004 flare (the generic
 * time-to-event table). Per endpoint and window: subjects with ≥ 1 flare n (%), versus placebo the MN
 * difference in percentage points (95% CI) and Fisher's p; flares, patient-years (1 decimal) and the
 * rate per patient-year (2 decimals, SAP.md §4.9); at Week 52 the rate ratio (95% CI) and p of the
 * negative binomial model, or of the Poisson model where the run used it (the method is a result of
 * the data: `rateModelMethods` reads it from the ARD so that the row label says which).
 */
import type { ArdRow } from '../ard/types.js';
import type { ArdEndpoint } from '../ard/vocabulary.js';
import type { RowKey, RowSpec, StatRowSpec, TableSpec } from '../render/table-spec.js';
import { COMPARED_ARMS, isBlinded, treatmentColumns } from './context.js';
import type { TlfContext } from './context.js';
import { timeToEventTableSpec } from './time-to-event.js';
import { endpointRows } from './endpoint-rows.js';

export const FLARE_TABLE_ID = 'T-14.2.5';
export const TTFLARE_TABLE_ID = 'T-14.2.6';

export type RateMethod = 'NEGBIN' | 'POISSON';

export const FLARE_TABLE_ENDPOINTS: readonly { readonly endpoint: ArdEndpoint; readonly label: string }[] = [
  { endpoint: 'FLARE', label: 'Any flare (severe or moderate)' },
  { endpoint: 'FLARE_RENAL', label: 'Renal flare' },
  { endpoint: 'FLARE_NONRENAL', label: 'Non-renal flare' },
  { endpoint: 'FLARE_SEVERE', label: 'Severe flare' },
];

export interface FlareTableWindow {
  /** ARD visit id of the window, e.g. `WEEK12`. */
  readonly visit: string;
  readonly week: number;
}

/** The rate-model method of each flare endpoint in the ARD (`rr` rows); endpoints without one are absent. */
export function rateModelMethods(ard: readonly ArdRow[]): ReadonlyMap<string, RateMethod> {
  const out = new Map<string, RateMethod>();
  for (const { endpoint } of FLARE_TABLE_ENDPOINTS) {
    for (const r of endpointRows(ard, endpoint)) {
      if (r.stat === 'rr' && (r.method === 'NEGBIN' || r.method === 'POISSON')) out.set(r.endpoint, r.method);
    }
  }
  return out;
}

/** The NE footnote; a blinded table names no comparison (and so no arm). */
function notEstimableFootnote(blinded: boolean): string {
  return blinded
    ? 'NE = not estimable (a rate without time at risk).'
    : 'NE = not estimable (a rate without time at risk, a rate ratio when the MSC arm or placebo has no flare, a percentage difference when a group is empty, or a model that does not converge).';
}

function windowRows(
  endpoint: ArdEndpoint,
  w: FlareTableWindow,
  modelWindow: boolean,
  method: RateMethod,
  blinded: boolean,
): RowSpec[] {
  const key: RowKey = { endpoint, param: '', visit: w.visit, population: 'FAS', comparator: '' };
  const versus: RowKey = { ...key, comparator: 'PBO' };
  const columns = [...COMPARED_ARMS];
  const row = (label: string, rowKey: RowKey, format: StatRowSpec['format'], cols?: string[]): StatRowSpec => ({
    kind: 'stat',
    label,
    indent: 2,
    key: rowKey,
    format,
    ...(cols === undefined ? {} : { columns: cols }),
  });
  const rows: RowSpec[] = [
    { kind: 'label', label: `At or before Week ${w.week}`, indent: 1 },
    row('Subjects with \u2265 1 flare, n (%)', key, { kind: 'countPct', n: { stat: 'n' }, bigN: { stat: 'N' } }),
  ];
  if (!blinded) {
    rows.push(
      row(
        'Difference vs placebo, percentage points (95% CI) [a]',
        versus,
        {
          kind: 'estimateCi',
          scale: 'percent',
          decimals: 1,
          estimate: { stat: 'diff', method: 'MN' },
          lower: { stat: 'diff_lcl', method: 'MN' },
          upper: { stat: 'diff_ucl', method: 'MN' },
        },
        columns,
      ),
      row(
        "Fisher's exact test p-value [b]",
        versus,
        { kind: 'pValue', value: { stat: 'p', method: 'FISHER' } },
        columns,
      ),
    );
  }
  rows.push(
    row('Number of flares', key, { kind: 'count', value: { stat: 'events' } }),
    row('Patient-years at risk', key, { kind: 'number', decimals: 1, value: { stat: 'pyears' } }),
    row('Flares per patient-year', key, { kind: 'number', decimals: 2, value: { stat: 'rate' } }),
  );
  if (!blinded && modelWindow) {
    const model = method === 'NEGBIN' ? 'negative binomial [c]' : 'Poisson [d]';
    rows.push(
      row(
        `Rate ratio vs placebo (95% CI), ${model}`,
        versus,
        {
          kind: 'estimateCi',
          scale: 'ratio',
          decimals: 2,
          estimate: { stat: 'rr', method },
          lower: { stat: 'rr_lcl', method },
          upper: { stat: 'rr_ucl', method },
        },
        columns,
      ),
      row(`Rate ratio p-value, ${model}`, versus, { kind: 'pValue', value: { stat: 'p', method } }, columns),
    );
  }
  return rows;
}

function flareFootnotes(blinded: boolean, methods: readonly RateMethod[]): string[] {
  const common = [
    'N = number of subjects in the Full Analysis Set; percentages are of N.',
    'Flare: a BILAG-2004 domain graded A from B-E (severe) or B from C-E (moderate) versus its most recent earlier grade, at any post-baseline assessment (scheduled or not). Renal: the renal domain flares; non-renal: any other domain flares; severe: any domain has a severe flare.',
    'At or before Week w: assessments dated on or before the Week w visit (protocol day 7w without that visit). Patient-years: days from Day 0 to the last BILAG-2004 assessment in the window / 365.25; flares counted per flaring assessment.',
  ];
  if (blinded) return common;
  return [
    ...common,
    '[a] Difference in proportions (MSC minus placebo) with the Miettinen-Nurminen 95% confidence interval.',
    "[b] Fisher's exact test, two-sided.",
    ...(methods.includes('NEGBIN')
      ? [
          '[c] Negative binomial regression of the number of flares on treatment group with log(patient-years) as offset, all three arms; Wald 95% confidence interval and p-value.',
        ]
      : []),
    ...(methods.includes('POISSON')
      ? [
          '[d] Poisson regression (no overdispersion: the dispersion maximum likelihood is at the Poisson boundary) of the number of flares on treatment group with log(patient-years) as offset, all three arms; Wald 95% confidence interval and p-value.',
        ]
      : []),
  ];
}

/** T-14.2.5. `methods`: the rate model of each endpoint (`rateModelMethods`), NEGBIN where absent. */
export function flareTableSpec(
  ctx: TlfContext,
  windows: readonly FlareTableWindow[],
  methods: ReadonlyMap<string, RateMethod>,
): TableSpec {
  const blinded = isBlinded(ctx);
  const last = windows[windows.length - 1];
  const methodOf = (endpoint: ArdEndpoint): RateMethod => methods.get(endpoint) ?? 'NEGBIN';
  const rows = FLARE_TABLE_ENDPOINTS.flatMap(({ endpoint, label }, i): RowSpec[] => [
    ...(i > 0 ? [{ kind: 'separator' } as const] : []),
    { kind: 'label', label, indent: 0 },
    ...windows.flatMap((w, j) => [
      ...(j > 0 ? [{ kind: 'separator' } as const] : []),
      ...windowRows(endpoint, w, w === last, methodOf(endpoint), blinded),
    ]),
  ]);
  const first = FLARE_TABLE_ENDPOINTS[0]!.endpoint;
  return {
    id: FLARE_TABLE_ID,
    titles: ['BILAG-2004 flares at or before Weeks 12, 24 and 52 (any, renal, non-renal, severe)'],
    populationLabel: 'Full Analysis Set',
    stubHeader: '',
    columns: treatmentColumns(ctx, {
      key: { endpoint: first, param: '', visit: windows[0]?.visit ?? '', population: 'FAS', comparator: '' },
      stat: { stat: 'N' },
    }),
    rows,
    footnotes: flareFootnotes(
      blinded,
      FLARE_TABLE_ENDPOINTS.map((e) => methodOf(e.endpoint)),
    ),
    notEstimableFootnote: notEstimableFootnote(blinded),
  };
}

/** T-14.2.6. */
export function timeToFirstFlareTableSpec(ctx: TlfContext, landmarkDays: readonly number[]): TableSpec {
  return timeToEventTableSpec(ctx, {
    id: TTFLARE_TABLE_ID,
    titles: ['Time to first BILAG-2004 flare'],
    populationLabel: 'Full Analysis Set',
    endpoint: 'TTFLARE',
    population: 'FAS',
    landmarkDays,
    eventLabel: 'Subjects with a flare',
    medianLabel: 'Median time to first flare, days (95% CI)',
    survivalLabel: 'Flare-free (Kaplan-Meier estimate), % (95% CI)',
    footnotes: [
      "Percentages of subjects with a flare and censored are of the group's subjects (N).",
      'Time to first flare: days from Day 0 to the first BILAG-2004 assessment with a severe or moderate domain flare, at or before Week 52; subjects without a flare are censored at their last BILAG-2004 assessment (Day 0 if none).',
      'Median and its 95% CI from the Kaplan-Meier estimate with log-scale Greenwood confidence limits; NE where not reached.',
    ],
  });
}

/**
 * The layout the ARD gives the flare tables: the windows (visits of the `FLARE` rows, by week), the
 * landmark days (params of the `TTFLARE` `km` rows) and each endpoint's rate model. Empty windows when
 * the ARD holds no flare rows.
 */
export function flareTableLayout(ard: readonly ArdRow[]): {
  readonly windows: FlareTableWindow[];
  readonly landmarkDays: number[];
  readonly methods: ReadonlyMap<string, RateMethod>;
} {
  const weeks = new Map<string, number>();
  const days = new Set<number>();
  for (const r of endpointRows(ard, FLARE_TABLE_ENDPOINTS[0]!.endpoint)) {
    if (r.stat !== 'N') continue;
    const m = /^WEEK(\d+)$/.exec(r.visit);
    if (!m) throw new Error(`FLARE row with a window that is not a week: ${r.visit}`);
    weeks.set(r.visit, Number(m[1]));
  }
  for (const r of endpointRows(ard, 'TTFLARE')) if (r.stat === 'km') days.add(Number(r.param));
  return {
    windows: [...weeks].map(([visit, week]) => ({ visit, week })).sort((a, b) => a.week - b.week),
    landmarkDays: [...days].sort((a, b) => a - b),
    methods: rateModelMethods(ard),
  };
}

/** T-14.2.5 and T-14.2.6 for a run's ARD; none when the ARD has no flare rows. */
export function flareTableSpecs(ctx: TlfContext, ard: readonly ArdRow[]): TableSpec[] {
  const layout = flareTableLayout(ard);
  if (layout.windows.length === 0) return [];
  return [flareTableSpec(ctx, layout.windows, layout.methods), timeToFirstFlareTableSpec(ctx, layout.landmarkDays)];
}
