/**
 * T-14.1.4 Medication taken at Day 0 by category and name, Safety Set by arm actually infused (SAP
 * synopsis §5.5; ARD endpoint `CONMED`, visit `BASELINE`): for each medication category (all five,
 * always) subjects taking any medication of it, n (%), then each medication (CMDECOD) taken at Day 0
 * under it. Categories in the settings' order (`conmed.categories`, the DTS code list); medications by decreasing Total count, then
 * alphabetically (as SOCs and PTs, SAP §12 C7), so blinded (Total only) and unblinded tables agree.
 */
import type { ArdRow } from '../ard/types.js';
import type { RowKey, RowSpec, StatRowSpec, TableSpec } from '../render/table-spec.js';
import type { SapSettings } from '../sap/index.js';
import { sentenceCase } from './ae-overview.js';
import { treatmentColumns, type TlfContext } from './context.js';
import { endpointRows } from './endpoint-rows.js';

export const CONMED_TABLE_ID = 'T-14.1.4';

const key = (param: string): RowKey => ({
  endpoint: 'CONMED',
  param,
  visit: 'BASELINE',
  population: 'SAF',
  comparator: '',
});

export interface ConmedCategory {
  readonly category: string;
  /** CMDECOD of each medication of the category in the ARD, in display order. */
  readonly medications: readonly string[];
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Categories and medications of the ARD's `CONMED` rows, in display order (`order`: the categories' order). */
export function conmedLayout(ard: readonly ArdRow[], order: readonly string[]): ConmedCategory[] {
  const categories = new Set<string>();
  const total = new Map<string, Map<string, number>>();
  for (const r of endpointRows(ard, 'CONMED')) {
    if (r.group !== 'TOTAL' || r.stat !== 'n') continue;
    const colon = r.param.indexOf(':');
    if (colon < 0) {
      categories.add(r.param);
      continue;
    }
    const cat = r.param.slice(0, colon);
    categories.add(cat);
    const meds = total.get(cat) ?? new Map<string, number>();
    meds.set(r.param.slice(colon + 1), r.value ?? 0);
    total.set(cat, meds);
  }
  const known = order.filter((c) => categories.has(c));
  const others = [...categories].filter((c) => !order.includes(c)).sort(byString);
  return [...known, ...others].map((category) => {
    const meds = total.get(category) ?? new Map<string, number>();
    return {
      category,
      medications: [...meds.keys()].sort((a, b) => (meds.get(b) ?? 0) - (meds.get(a) ?? 0) || byString(a, b)),
    };
  });
}

function countRow(label: string, indent: number, param: string): StatRowSpec {
  return {
    kind: 'stat',
    label,
    indent,
    key: key(param),
    format: { kind: 'countPct', n: { stat: 'n' }, bigN: { stat: 'N' } },
  };
}

export function conmedTableSpec(
  ctx: TlfContext,
  ard: readonly ArdRow[],
  settings: Pick<SapSettings, 'conmed'>,
): TableSpec {
  const layout = conmedLayout(ard, settings.conmed.categories);
  const rows = layout.flatMap((c, i): RowSpec[] => [
    ...(i > 0 ? [{ kind: 'separator' } as const] : []),
    countRow(`${sentenceCase(c.category)}, any`, 0, c.category),
    ...c.medications.map((m) => countRow(m, 1, `${c.category}:${m}`)),
  ]);
  const first = layout[0]?.category ?? settings.conmed.categories[0]!;
  return {
    id: CONMED_TABLE_ID,
    titles: ['Medication Taken at Day 0 by Category and Name'],
    populationLabel: 'Safety Set',
    stubHeader: 'Category / medication (CMDECOD)',
    columns: treatmentColumns(ctx, { key: key(first), stat: { stat: 'N' } }),
    rows,
    footnotes: [
      'N = number of subjects in the Safety Set (infused), by arm actually infused; percentages are of N.',
      'Taken at Day 0: a record of the medication starts on or before Day 0 and ends on or after it (partial dates: start at the first, end at the last day of the period; no end date = ongoing). A subject is counted once per row.',
      'Medications within a category are ordered by decreasing total count, then alphabetically.',
    ],
    notEstimableFootnote: 'NE = not estimable.',
  };
}
