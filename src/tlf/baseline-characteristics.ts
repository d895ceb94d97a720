/**
 * T-14.1.2 Demographic and baseline characteristics, Full Analysis Set by randomized arm (SAP §6.10,
 * §10.2; ARD endpoint `BASECHAR`). Continuous characteristics as n, mean (SD), median, Q1, Q3, min,
 * max with the SAP §4.9 precision rule; categories as n (%) of the group's FAS count.
 *
 * Display precision d (SAP §4.9, §12 C1): age 0 (whole years), SLEDAI-2K 0, SDI 0, the Day 0 dose 1
 * (mg); weight and PGA take d from the collected values (`baselinePrecision`, from the lock's `*_DEC`).
 * Category order: the DTS code lists of the settings (sex, race, ethnicity), any other value after
 * them alphabetically; strata and the nine BILAG domains in settings order.
 */
import type { ArdRow } from '../ard/types.js';
import { capDataPrecision, computeDataPrecision } from '../derive/data-precision.js';
import { computeCollectedPrecisions } from '../derive/pro-precision.js';
import type { Lock, QsRow } from '../lock/types.js';
import type { RowKey, RowSpec, TableSpec } from '../render/table-spec.js';
import type { SapSettings } from '../sap/index.js';
import { countByGroupSpec, type CountItem } from './count-by-group.js';
import { treatmentColumns, type TlfContext } from './context.js';
import { descriptiveByVisitSpec } from './descriptive-by-visit.js';
import { endpointRows } from './endpoint-rows.js';

export const BASELINE_TABLE_ID = 'T-14.1.2';

/** Data precision d of the collected baseline characteristics (SAP §4.9). */
export interface BaselinePrecision {
  readonly WEIGHTBL: number;
  readonly PGA: number;
}

/** d of weight (DM WEIGHTBL) and PGA (QS, every visit): the most decimals written in the lock. */
export function baselinePrecision(
  lock: Pick<Lock, 'dm'> & { readonly qs: Iterable<QsRow> },
  settings: Pick<SapSettings, 'pga' | 'display'>,
): BaselinePrecision {
  const { qscat, testcd } = settings.pga;
  const collected = computeCollectedPrecisions(lock.qs, new Map([[qscat, [testcd]]]));
  return baselinePrecisionWith(lock.dm, collected.get(qscat)?.get(testcd) ?? 0, settings);
}

/**
 * baselinePrecision with PGA's most decimals in QS already found (the table layout finds them in its one
 * pass over QS, with the PRO scores').
 */
export function baselinePrecisionWith(
  dm: Pick<Lock, 'dm'>['dm'],
  pgaMostDecimals: number,
  settings: Pick<SapSettings, 'display'>,
): BaselinePrecision {
  return {
    WEIGHTBL: computeDataPrecision(
      dm.map((r) => r.WEIGHTBL_DEC),
      settings,
    ),
    PGA: capDataPrecision(pgaMostDecimals, settings),
  };
}

type Settings = Pick<SapSettings, 'demography' | 'stratum' | 'bilag'>;

const KEY: Omit<RowKey, 'param' | 'comparator'> = { endpoint: 'BASECHAR', visit: '', population: 'FAS' };

const baselineParamIndex = new WeakMap<readonly ArdRow[], string[]>();

/** The distinct parameters of the ARD's BASECHAR rows, in order of first appearance (one pass per ARD). */
function baselineParams(ard: readonly ArdRow[]): string[] {
  let params = baselineParamIndex.get(ard);
  if (params === undefined) {
    const seen = new Set<string>();
    for (const r of endpointRows(ard, 'BASECHAR')) seen.add(r.param);
    baselineParamIndex.set(ard, (params = [...seen]));
  }
  return params;
}

/** Values of a `<prefix>:<value>` family present in the ARD, code-list order first, then the rest sorted. */
export function categoriesInArd(ard: readonly ArdRow[], prefix: string, codeList: readonly string[]): string[] {
  const present = new Set(
    baselineParams(ard)
      .filter((param) => param.startsWith(`${prefix}:`))
      .map((param) => param.slice(prefix.length + 1)),
  );
  const others = [...present].filter((v) => !codeList.includes(v)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...codeList.filter((v) => present.has(v)), ...others];
}

function summaryRows(ctx: TlfContext, param: string, label: string, precision: number): readonly RowSpec[] {
  return descriptiveByVisitSpec(ctx, {
    id: BASELINE_TABLE_ID,
    titles: [],
    populationLabel: '',
    key: { ...KEY, param },
    visits: [{ visit: '', label }],
    precision,
    footnotes: [],
    notEstimableFootnote: '',
  }).rows;
}

/** Words of CDISC race and ethnicity terms that keep their capital (proper nouns). */
const PROPER = new Set([
  'american',
  'indian',
  'alaska',
  'native',
  'african',
  'asian',
  'hawaiian',
  'pacific',
  'islander',
  'hispanic',
  'latino',
  'white',
  'black',
  'other',
]);

/**
 * A CDISC submission value as a reader writes it: `BLACK OR AFRICAN AMERICAN` → `Black or African
 * American`, `NOT HISPANIC OR LATINO` → `Not Hispanic or Latino`, `NOT REPORTED` → `Not reported`
 * (the sex codes have their labels in the settings; these terms are their own decode).
 */
export function decodeCdiscTerm(term: string): string {
  return term
    .toLowerCase()
    .split(' ')
    .map((w, i) =>
      i === 0 || (PROPER.has(w) && !(w === 'other' && i === 0)) ? w.charAt(0).toUpperCase() + w.slice(1) : w,
    )
    .join(' ');
}

function countRows(
  ctx: TlfContext,
  heading: string,
  categories: readonly { readonly param: string; readonly label: string }[],
): readonly RowSpec[] {
  const items: CountItem[] = [
    { kind: 'heading', label: heading, indent: 0 },
    ...categories.map((c): CountItem => ({ kind: 'category', param: c.param, label: c.label, indent: 1 })),
  ];
  return countByGroupSpec(ctx, {
    id: BASELINE_TABLE_ID,
    titles: [],
    populationLabel: '',
    key: KEY,
    items,
    footnotes: [],
    notEstimableFootnote: '',
  }).rows;
}

export function baselineCharacteristicsTableSpec(
  ctx: TlfContext,
  ard: readonly ArdRow[],
  settings: Settings,
  precision: BaselinePrecision,
): TableSpec {
  const demo = settings.demography;
  const sexLabel = (code: string) => demo.sex.find((s) => s.code === code)?.label ?? code;
  const family = (prefix: string, codeList: readonly string[], label: (v: string) => string = (v) => v) =>
    categoriesInArd(ard, prefix, codeList).map((v) => ({ param: `${prefix}:${v}`, label: label(v) }));
  const { below, atOrAbove } = settings.stratum;
  const blocks: (readonly RowSpec[])[] = [
    summaryRows(ctx, 'AGE', 'Age (years)', 0),
    countRows(
      ctx,
      'Sex, n (%)',
      family(
        'SEX',
        demo.sex.map((s) => s.code),
        sexLabel,
      ),
    ),
    countRows(ctx, 'Race, n (%)', family('RACE', demo.race, decodeCdiscTerm)),
    countRows(ctx, 'Ethnicity, n (%)', family('ETHNIC', demo.ethnic, decodeCdiscTerm)),
    summaryRows(ctx, 'WEIGHTBL', 'Weight (kg)', precision.WEIGHTBL),
    countRows(ctx, 'Stratum (screening SLEDAI-2K), n (%)', [
      { param: `STRATUM:${below}`, label: `SLEDAI-2K ${below}` },
      { param: `STRATUM:${atOrAbove}`, label: `SLEDAI-2K ${atOrAbove}` },
    ]),
    summaryRows(ctx, 'SLEDAI', 'Baseline SLEDAI-2K total', 0),
    summaryRows(ctx, 'PGA', 'Baseline Physician Global Assessment', precision.PGA),
    summaryRows(ctx, 'SDI', 'SLICC/ACR Damage Index at screening', 0),
    countRows(
      ctx,
      'BILAG-2004 grade A or B at baseline, n (%)',
      settings.bilag.domains.map((d) => ({ param: `BILAGAB:${d.code}`, label: d.name })),
    ),
    countRows(ctx, 'Systemic corticosteroid at Day 0, n (%)', [
      { param: 'CSUSE', label: 'Prednisone-equivalent dose > 0 mg/day' },
    ]),
    summaryRows(ctx, 'CSDOSE0', 'Day 0 prednisone-equivalent dose (mg/day) [a]', 1),
  ];
  return {
    id: BASELINE_TABLE_ID,
    titles: ['Demographic and baseline characteristics'],
    populationLabel: 'Full Analysis Set',
    stubHeader: '',
    columns: treatmentColumns(ctx, { key: { ...KEY, param: 'CSUSE', comparator: '' }, stat: { stat: 'N' } }),
    rows: blocks.flatMap((b, i) => (i === 0 ? b : [{ kind: 'separator' } as const, ...b])),
    footnotes: [
      'N = number of subjects in the Full Analysis Set, by randomized arm; percentages are of N.',
      'Baseline: the Day 0 value, or the latest earlier value on or before Day 0. SLICC/ACR Damage Index: screening. Stratum derived from the screening SLEDAI-2K total (subjects without one are in neither row).',
      'Q1, Q3: first and third quartiles (SAS PCTLDEF=5). Systemic corticosteroids: oral, intravenous or intramuscular, as prednisone-equivalent dose.',
      '[a] Among the subjects on a systemic corticosteroid at Day 0 (dose > 0).',
    ],
    notEstimableFootnote: 'NE = not estimable.',
  };
}
