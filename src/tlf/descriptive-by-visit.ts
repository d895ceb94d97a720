/**
 * Generic "summary statistics by visit" table: for each visit a heading, then n, Mean (SD), Median,
 * Q1, Q3 and Min, Max per group column, with the SAP §3 precision rule applied to the data's
 * precision d (min/max d, mean/median/quartiles d + 1, SD d + 2). The ARD rows are the descriptives
 * `n`, `mean`, `sd`, `median`, `q1`, `q3`, `min`, `max` with an empty method.
 */
import { decimalsFor } from '../render/format.js';
import type { RowKey, RowSpec, StatRowSpec, TableSpec } from '../render/table-spec.js';
import { treatmentColumns } from './context.js';
import type { BigNSource, TlfContext } from './context.js';

export interface VisitLabel {
  /** ARD `visit`, e.g. `WEEK24`. */
  readonly visit: string;
  readonly label: string;
}

export interface DescriptiveByVisitArgs {
  readonly id: string;
  readonly titles: readonly string[];
  readonly populationLabel: string;
  readonly key: Omit<RowKey, 'visit' | 'comparator'>;
  readonly visits: readonly VisitLabel[];
  /** The data's precision d (format.ts `dataPrecision`). */
  readonly precision: number;
  readonly footnotes: readonly string[];
  readonly notEstimableFootnote: string;
  readonly stubHeader?: string;
  readonly bigN?: BigNSource;
}

function visitRows(key: RowKey, visit: VisitLabel, d: number): RowSpec[] {
  const loc = decimalsFor('location', d);
  const row = (label: string, format: StatRowSpec['format']): StatRowSpec => ({
    kind: 'stat',
    label,
    indent: 1,
    key,
    format,
  });
  return [
    { kind: 'label', label: visit.label, indent: 0 },
    row('n', { kind: 'count', value: { stat: 'n' } }),
    row('Mean (SD)', {
      kind: 'meanSd',
      meanDecimals: loc,
      sdDecimals: decimalsFor('spread', d),
      mean: { stat: 'mean' },
      sd: { stat: 'sd' },
      whenMissing: 'blank',
    }),
    row('Median', { kind: 'number', decimals: loc, value: { stat: 'median' }, whenMissing: 'blank' }),
    row('Q1, Q3', { kind: 'pair', decimals: loc, first: { stat: 'q1' }, second: { stat: 'q3' }, whenMissing: 'blank' }),
    row('Min, Max', {
      kind: 'pair',
      decimals: decimalsFor('data', d),
      first: { stat: 'min' },
      second: { stat: 'max' },
      whenMissing: 'blank',
    }),
  ];
}

/**
 * The row key of a visit, field by field in RowKey's order: a spread adding the visit and comparator,
 * once optimized, gave every key a map of its own (V8 11), and the ARD lookups reading them went megamorphic.
 */
function visitKey(key: Omit<RowKey, 'visit' | 'comparator'>, visit: string): RowKey {
  return { endpoint: key.endpoint, param: key.param, visit, population: key.population, comparator: '' };
}

export function descriptiveByVisitSpec(ctx: TlfContext, args: DescriptiveByVisitArgs): TableSpec {
  const rows = args.visits.flatMap((v, i): RowSpec[] => [
    ...(i > 0 ? [{ kind: 'separator' } as const] : []),
    ...visitRows(visitKey(args.key, v.visit), v, args.precision),
  ]);
  return {
    id: args.id,
    titles: args.titles,
    populationLabel: args.populationLabel,
    stubHeader: args.stubHeader ?? '',
    columns: treatmentColumns(ctx, args.bigN),
    rows,
    footnotes: args.footnotes,
    notEstimableFootnote: args.notEstimableFootnote,
  };
}
