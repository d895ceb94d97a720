/**
 * Generic "n (%) by group" table: one row per category (an ARD `param`), each `n (pct)` of that
 * row's own `N` (so a denominator that differs by category, e.g. non-missing results, is honoured),
 * optionally under headings.
 */
import type { RowKey, RowSpec, TableSpec } from '../render/table-spec.js';
import { treatmentColumns } from './context.js';
import type { BigNSource, TlfContext } from './context.js';

export type CountItem =
  | { readonly kind: 'category'; readonly param: string; readonly label: string; readonly indent: number }
  | { readonly kind: 'heading'; readonly label: string; readonly indent: number }
  | { readonly kind: 'separator' };

export interface CountByGroupArgs {
  readonly id: string;
  readonly titles: readonly string[];
  readonly populationLabel: string;
  readonly key: Omit<RowKey, 'param' | 'comparator'>;
  readonly items: readonly CountItem[];
  readonly footnotes: readonly string[];
  readonly notEstimableFootnote: string;
  readonly stubHeader?: string;
  readonly bigN?: BigNSource;
}

function itemRow(key: Omit<RowKey, 'param' | 'comparator'>, item: CountItem): RowSpec {
  switch (item.kind) {
    case 'separator':
      return { kind: 'separator' };
    case 'heading':
      return { kind: 'label', label: item.label, indent: item.indent };
    case 'category':
      return {
        kind: 'stat',
        label: item.label,
        indent: item.indent,
        key: { ...key, param: item.param, comparator: '' },
        format: { kind: 'countPct', n: { stat: 'n' }, bigN: { stat: 'N' } },
      };
  }
}

export function countByGroupSpec(ctx: TlfContext, args: CountByGroupArgs): TableSpec {
  return {
    id: args.id,
    titles: args.titles,
    populationLabel: args.populationLabel,
    stubHeader: args.stubHeader ?? '',
    columns: treatmentColumns(ctx, args.bigN),
    rows: args.items.map((item) => itemRow(args.key, item)),
    footnotes: args.footnotes,
    notEstimableFootnote: args.notEstimableFootnote,
  };
}
