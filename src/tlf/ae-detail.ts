/**
 * T-14.3.3 TEAEs by SOC/PT and worst severity, T-14.3.4 by relationship, T-14.3.5 serious TEAEs by
 * SOC/PT (SAP §7.2, §10.2; ARD endpoints `AESEV`, `AEREL`, `AESER`, src/analyze/safety-detail.ts).
 * T-14.3.3/4 follow the SOC/PT order of T-14.3.2 (decreasing Total count, then alphabetically); T-14.3.5
 * orders its terms the same way by the serious-TEAE counts.
 */
import type { ArdRow } from '../ard/types.js';
import type { ArdEndpoint } from '../ard/vocabulary.js';
import type { RowKey, RowSpec, StatRowSpec, TableSpec } from '../render/table-spec.js';
import type { SapSettings } from '../sap/index.js';
import { socPtOrder, type AeHierarchy, type SocBlock } from './ae-soc-pt.js';
import { treatmentColumns, type TlfContext } from './context.js';
import { endpointRows } from './endpoint-rows.js';

export const AE_SEVERITY_TABLE_ID = 'T-14.3.3';
export const AE_RELATIONSHIP_TABLE_ID = 'T-14.3.4';
export const SAE_SOC_PT_TABLE_ID = 'T-14.3.5';

const keyOf = (endpoint: ArdEndpoint, param: string): RowKey => ({
  endpoint,
  param,
  visit: '',
  population: 'SAF',
  comparator: '',
});
const COUNT_PCT: StatRowSpec['format'] = { kind: 'countPct', n: { stat: 'n' }, bigN: { stat: 'N' } };

const sentenceCase = (code: string): string => code.charAt(0) + code.slice(1).toLowerCase();

/** A term's label row and one `n (%)` row per category (`<category>|<term>` params of `endpoint`). */
function categoryRows(
  endpoint: ArdEndpoint,
  categories: readonly string[],
  label: string,
  indent: number,
  term: string,
): RowSpec[] {
  return [
    { kind: 'label', label, indent },
    ...categories.map((c): StatRowSpec => ({
      kind: 'stat',
      label: sentenceCase(c),
      indent: indent + 1,
      key: keyOf(endpoint, `${c}|${term}`),
      format: COUNT_PCT,
    })),
  ];
}

function brokenDownRows(endpoint: ArdEndpoint, categories: readonly string[], blocks: readonly SocBlock[]): RowSpec[] {
  return [
    ...categoryRows(endpoint, categories, 'Any TEAE', 0, 'TEAE'),
    ...blocks.flatMap((b): RowSpec[] => [
      { kind: 'separator' },
      ...categoryRows(endpoint, categories, b.soc, 0, `SOC:${b.soc}`),
      ...b.pts.flatMap((pt) => categoryRows(endpoint, categories, pt, 1, `PT:${pt}`)),
    ]),
  ];
}

const SAF_FOOTNOTE = 'N = number of subjects in the Safety Set, by treatment actually infused; percentages are of N.';
const TEAE_FOOTNOTE =
  'TEAE = treatment-emergent adverse event (onset on or after Day 0, the day of infusion). MedDRA system organ classes and preferred terms.';

export function aeSeverityTableSpec(
  ctx: TlfContext,
  ard: readonly ArdRow[],
  hierarchy: AeHierarchy,
  settings: SapSettings,
): TableSpec {
  return {
    id: AE_SEVERITY_TABLE_ID,
    titles: ['Treatment-emergent adverse events by system organ class, preferred term and worst severity'],
    populationLabel: 'Safety Set',
    stubHeader: 'System organ class / Preferred term / Worst severity',
    columns: treatmentColumns(ctx, { key: keyOf('AE', 'TEAE'), stat: { stat: 'N' } }),
    rows: brokenDownRows('AESEV', settings.safety.severities, socPtOrder(ard, hierarchy)),
    footnotes: [
      SAF_FOOTNOTE,
      TEAE_FOOTNOTE,
      'A subject is counted once per term, under the worst severity of the TEAEs in that term. Sorted as T-14.3.2.',
    ],
    notEstimableFootnote: 'NE = not estimable.',
  };
}

export function aeRelationshipTableSpec(
  ctx: TlfContext,
  ard: readonly ArdRow[],
  hierarchy: AeHierarchy,
  settings: SapSettings,
): TableSpec {
  return {
    id: AE_RELATIONSHIP_TABLE_ID,
    titles: [
      'Treatment-emergent adverse events by system organ class, preferred term and relationship to study treatment',
    ],
    populationLabel: 'Safety Set',
    stubHeader: 'System organ class / Preferred term / Relationship',
    columns: treatmentColumns(ctx, { key: keyOf('AE', 'TEAE'), stat: { stat: 'N' } }),
    rows: brokenDownRows('AEREL', ['RELATED', 'NOT RELATED'], socPtOrder(ard, hierarchy)),
    footnotes: [
      SAF_FOOTNOTE,
      TEAE_FOOTNOTE,
      `Related: at least one TEAE in the term assessed as ${settings.safety.relatedValues.join(' or ').toLowerCase()}; a subject is counted once per term. Sorted as T-14.3.2.`,
    ],
    notEstimableFootnote: 'NE = not estimable.',
  };
}

/** The TOTAL `n` of each `AESER` param. */
function seriousTotals(ard: readonly ArdRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of endpointRows(ard, 'AESER'))
    if (r.group === 'TOTAL' && r.stat === 'n' && r.value !== null) out.set(r.param, r.value);
  return out;
}

/** SOCs and PTs with a serious TEAE, by decreasing Total count then name. */
export function seriousSocPtOrder(ard: readonly ArdRow[], hierarchy: AeHierarchy): SocBlock[] {
  const totals = seriousTotals(ard);
  const count = (p: string): number => totals.get(p) ?? 0;
  const order =
    (prefix: string) =>
    (a: string, b: string): number =>
      count(`${prefix}${b}`) - count(`${prefix}${a}`) || (a < b ? -1 : a > b ? 1 : 0);
  const terms = (prefix: string) =>
    [...totals.keys()].filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length));
  const pts = terms('PT:');
  return terms('SOC:')
    .sort(order('SOC:'))
    .map((soc) => ({ soc, pts: pts.filter((pt) => hierarchy.get(pt) === soc).sort(order('PT:')) }));
}

export function saeSocPtTableSpec(ctx: TlfContext, ard: readonly ArdRow[], hierarchy: AeHierarchy): TableSpec {
  const blocks = seriousSocPtOrder(ard, hierarchy);
  const part = (heading: string, format: StatRowSpec['format']): RowSpec[] => {
    const row = (label: string, indent: number, param: string): StatRowSpec => ({
      kind: 'stat',
      label,
      indent,
      key: keyOf('AESER', param),
      format,
    });
    return [
      { kind: 'label', label: heading, indent: 0 },
      row('Any serious TEAE', 0, 'TEAE'),
      ...blocks.flatMap((b): RowSpec[] => [
        { kind: 'separator' },
        row(b.soc, 0, `SOC:${b.soc}`),
        ...b.pts.map((pt) => row(pt, 1, `PT:${pt}`)),
      ]),
    ];
  };
  return {
    id: SAE_SOC_PT_TABLE_ID,
    titles: ['Serious treatment-emergent adverse events by system organ class and preferred term'],
    populationLabel: 'Safety Set',
    stubHeader: 'System organ class / Preferred term',
    columns: treatmentColumns(ctx, { key: keyOf('AESER', 'TEAE'), stat: { stat: 'N' } }),
    rows: [
      ...part('Subjects with at least one serious TEAE, n (%)', COUNT_PCT),
      { kind: 'separator' },
      ...part('Number of serious TEAEs', { kind: 'count', value: { stat: 'events' } }),
    ],
    footnotes: [
      SAF_FOOTNOTE,
      TEAE_FOOTNOTE,
      'Serious: AESER = Y. A subject is counted once per system organ class and once per preferred term. Sorted by decreasing number of subjects in the Total column, then alphabetically.',
    ],
    notEstimableFootnote: 'NE = not estimable.',
  };
}
