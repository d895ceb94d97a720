/**
 * T-14.3.2 TEAEs by system organ class and preferred term, Safety Set (SAP §7.2, §10.2; ARD endpoint
 * `AE`, params `SOC:` and `PT:`). Each preferred term is nested under its SOC (MedDRA gives one SOC
 * per PT; the hierarchy comes from ADAE since the ARD rows are flat). Order (SAP §12 C7): SOCs by
 * decreasing subject count in the Total column, then alphabetically; PTs likewise within their SOC —
 * the Total column exists in blinded and unblinded runs alike, so both show the same order.
 *
 * Part 1 shows subjects n (%), part 2 the number of events, in the same order.
 */
import type { ArdRow } from '../ard/types.js';
import type { AdaeRecord } from '../derive/adae.js';
import type { RowSpec, StatRowSpec, TableSpec } from '../render/table-spec.js';
import { aeKey } from './ae-overview.js';
import { treatmentColumns, type TlfContext } from './context.js';
import { endpointRows } from './endpoint-rows.js';

export const AE_SOC_PT_TABLE_ID = 'T-14.3.2';

/** Preferred term → its system organ class, from the TEAEs (one SOC per PT, dts/domains.md). */
export type AeHierarchy = ReadonlyMap<string, string>;

export function aeHierarchy(adae: readonly Pick<AdaeRecord, 'AEDECOD' | 'AEBODSYS' | 'TRTEMFL'>[]): AeHierarchy {
  const out = new Map<string, string>();
  for (const e of adae) if (e.TRTEMFL === 'Y') out.set(e.AEDECOD, e.AEBODSYS);
  return out;
}

export interface SocBlock {
  readonly soc: string;
  readonly pts: readonly string[];
}

/** The TOTAL subject count `n` of each `AE` param in the ARD. */
function totalCounts(ard: readonly ArdRow[]): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  for (const r of endpointRows(ard, 'AE')) {
    if (r.population === 'SAF' && r.group === 'TOTAL' && r.stat === 'n' && r.value !== null) out.set(r.param, r.value);
  }
  return out;
}

/** Decreasing count, then by UTF-16 code units (stable on every machine). */
function byCountThenName(count: (name: string) => number) {
  return (a: string, b: string): number => count(b) - count(a) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * SOCs and their PTs in display order (SAP §12 C7), for the terms the ARD holds. A PT of the ARD
 * without a SOC in the hierarchy is a bug upstream and throws.
 */
export function socPtOrder(ard: readonly ArdRow[], hierarchy: AeHierarchy): SocBlock[] {
  const totals = totalCounts(ard);
  const termsWith = (prefix: string) =>
    [...totals.keys()].filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length));
  const ptsBySoc = new Map<string, string[]>();
  for (const pt of termsWith('PT:')) {
    const soc = hierarchy.get(pt);
    if (soc === undefined) throw new Error(`preferred term ${pt} has no system organ class`);
    ptsBySoc.set(soc, [...(ptsBySoc.get(soc) ?? []), pt]);
  }
  const count = (prefix: string) => (name: string) => totals.get(`${prefix}${name}`) ?? 0;
  return termsWith('SOC:')
    .sort(byCountThenName(count('SOC:')))
    .map((soc) => ({ soc, pts: (ptsBySoc.get(soc) ?? []).sort(byCountThenName(count('PT:'))) }));
}

function part(blocks: readonly SocBlock[], heading: string, format: StatRowSpec['format']): RowSpec[] {
  const row = (label: string, indent: number, param: string): StatRowSpec => ({
    kind: 'stat',
    label,
    indent,
    key: aeKey(param),
    format,
  });
  return [
    { kind: 'label', label: heading, indent: 0 },
    row('Any TEAE', 0, 'TEAE'),
    ...blocks.flatMap((b): RowSpec[] => [
      { kind: 'separator' },
      row(b.soc, 0, `SOC:${b.soc}`),
      ...b.pts.map((pt) => row(pt, 1, `PT:${pt}`)),
    ]),
  ];
}

export function aeSocPtTableSpec(
  ctx: TlfContext,
  ard: readonly ArdRow[],
  hierarchy: AeHierarchy,
  meddraVersion?: string,
): TableSpec {
  const blocks = socPtOrder(ard, hierarchy);
  return {
    id: AE_SOC_PT_TABLE_ID,
    titles: ['Treatment-emergent adverse events by system organ class and preferred term'],
    populationLabel: 'Safety Set',
    stubHeader: 'System organ class / Preferred term',
    columns: treatmentColumns(ctx, { key: aeKey('TEAE'), stat: { stat: 'N' } }),
    rows: [
      ...part(blocks, 'Subjects with at least one TEAE, n (%)', {
        kind: 'countPct',
        n: { stat: 'n' },
        bigN: { stat: 'N' },
      }),
      { kind: 'separator' },
      ...part(blocks, 'Number of TEAEs', { kind: 'count', value: { stat: 'events' } }),
    ],
    footnotes: [
      'N = number of subjects in the Safety Set, by treatment actually infused; percentages are of N.',
      `TEAE = treatment-emergent adverse event (onset on or after Day 0, the day of infusion). MedDRA${meddraVersion === undefined ? '' : ` version ${meddraVersion}`} system organ classes and preferred terms.`,
      'A subject is counted once per system organ class and once per preferred term. Sorted by decreasing number of subjects in the Total column, then alphabetically.',
    ],
    notEstimableFootnote: 'NE = not estimable.',
  };
}
