/**
 * SLEDAI-2K tables (SAP §10.2): T-14.2.3 SLEDAI-2K and change from baseline by visit (summary
 * statistics, every run) and T-14.2.4 the MMRM of the change (LS means per arm, differences vs placebo;
 * unblinded runs only — a blinded run has no model). The blocks are generic and serve the PRO tables
 * too (src/tlf/pro.ts): `valueChangeSummaryRows` and `mmrmByVisitRows`.
 *
 * Display (SAP §4.9): d = `settings.display.derivedPrecision` (SLEDAI-2K 0); LS means and differences
 * d + 1, SE d + 2, KR df 1 decimal, p 3 decimals. Key visits (settings `mmrmKeyVisits`) are marked.
 */
import type { ArdRow } from '../ard/types.js';
import {
  ardMmrmMethod,
  type ArdEndpoint,
  type ArdMethod,
  type ArdMmrmMethod,
  type ArdStat,
} from '../ard/vocabulary.js';
import { postBaselineVisitIds, baselineVisitId } from '../analyze/by-visit-descriptives.js';
import { mmrmMethodName } from '../numerics/mmrm/index.js';
import { decimalsFor } from '../render/format.js';
import type { RowKey, RowSpec, StatRowSpec, TableSpec } from '../render/table-spec.js';
import type { SapSettings } from '../sap/index.js';
import { COMPARED_ARMS, FAS_BIG_N, isBlinded, treatmentColumns, type TlfContext } from './context.js';
import { descriptiveByVisitSpec } from './descriptive-by-visit.js';
import { endpointRows } from './endpoint-rows.js';

export const SLEDAI_SUMMARY_TABLE_ID = 'T-14.2.3';
export const SLEDAI_MMRM_TABLE_ID = 'T-14.2.4';

/** `BASELINE` → `Baseline`, `WEEK12` → `Week 12`; other ids as given. */
export function visitDisplayLabel(id: string): string {
  if (id === 'BASELINE') return 'Baseline';
  const week = /^WEEK(\d+)$/.exec(id);
  return week ? `Week ${week[1]}` : id;
}

function indentBy(levels: number): (r: RowSpec) => RowSpec {
  return (r) => (r.kind === 'separator' ? r : { ...r, indent: r.indent + levels });
}

export interface ValueChangeBlock {
  readonly endpoint: ArdEndpoint;
  readonly avalParam: string;
  readonly chgParam: string;
  readonly baselineVisit: string;
  /** Post-baseline visit ids, in order. */
  readonly visits: readonly string[];
  /** The data's precision d (its change takes the same d). */
  readonly precision: number;
  /** Heading of the value section, e.g. `SLEDAI-2K total`. */
  readonly valueLabel: string;
}

/** Summary statistics of the value at baseline and each visit, then of the change at each visit. */
export function valueChangeSummaryRows(ctx: TlfContext, b: ValueChangeBlock): RowSpec[] {
  const block = (param: string, visits: readonly string[]) =>
    descriptiveByVisitSpec(ctx, {
      id: 'block',
      titles: [],
      populationLabel: '',
      key: { endpoint: b.endpoint, param, population: 'FAS' },
      visits: visits.map((visit) => ({ visit, label: visitDisplayLabel(visit) })),
      precision: b.precision,
      footnotes: [],
      notEstimableFootnote: '',
    }).rows.map(indentBy(1));
  // Value and change nest under the parameter, so a continued page can say whose change it shows.
  return [
    { kind: 'label', label: b.valueLabel, indent: 0 },
    { kind: 'label', label: 'Observed value', indent: 1 },
    ...block(b.avalParam, [b.baselineVisit, ...b.visits]).map(indentBy(1)),
    { kind: 'separator' },
    { kind: 'label', label: 'Change from baseline', indent: 1 },
    ...block(b.chgParam, b.visits).map(indentBy(1)),
  ];
}

/** The method written on a parameter's LS-mean rows (`MMRM-US-KR` …); the first structure's if absent. */
export function mmrmMethodOf(
  ard: readonly ArdRow[],
  endpoint: ArdEndpoint,
  param: string,
  fallback: ArdMmrmMethod,
): ArdMethod | '' {
  return lsmeanMethods(endpointRows(ard, endpoint)).get(param) ?? fallback;
}

/** The first LS-mean row's method of each parameter of an endpoint's rows: one pass, not one per parameter. */
const lsmeanMethodIndex = new WeakMap<readonly ArdRow[], Map<string, ArdMethod | ''>>();

function lsmeanMethods(rows: readonly ArdRow[]): Map<string, ArdMethod | ''> {
  let index = lsmeanMethodIndex.get(rows);
  if (index === undefined) {
    index = new Map();
    for (const r of rows) if (r.stat === 'lsmean' && !index.has(r.param)) index.set(r.param, r.method);
    lsmeanMethodIndex.set(rows, index);
  }
  return index;
}

const STRUCTURE_NAMES: Readonly<Record<string, string>> = {
  US: 'unstructured',
  TOEPH: 'heterogeneous Toeplitz',
  AR1H: 'heterogeneous AR(1)',
  CS: 'compound symmetry',
};

/** `MMRM-TOEPH-KR` → `heterogeneous Toeplitz`. */
export function covarianceStructureName(method: string): string {
  const code = /^MMRM-([A-Z0-9]+)-/.exec(method)?.[1] ?? '';
  return STRUCTURE_NAMES[code] ?? code.toLowerCase();
}

export interface MmrmBlock {
  readonly endpoint: ArdEndpoint;
  /** `CHG` or `<code>:CHG`. */
  readonly chgParam: string;
  readonly visits: readonly string[];
  /** Visits marked `[k]` (none when every visit is key). */
  readonly keyVisits: readonly string[];
  readonly precision: number;
  readonly method: ArdMethod | '';
}

/** Per visit: n in the model, LS mean (SE) and 95% CI per arm; difference vs placebo (SE), 95% CI, p, df. */
export function mmrmByVisitRows(b: MmrmBlock): RowSpec[] {
  const loc = decimalsFor('location', b.precision);
  const spread = decimalsFor('spread', b.precision);
  const m = (stat: ArdStat) => ({ stat, method: b.method });
  const markKeys = b.visits.some((v) => !b.keyVisits.includes(v));
  return b.visits.flatMap((visit, i): RowSpec[] => {
    const key: RowKey = { endpoint: b.endpoint, param: b.chgParam, visit, population: 'FAS', comparator: '' };
    const versus: RowKey = { ...key, comparator: 'PBO' };
    const arm = (label: string, format: StatRowSpec['format'], k: RowKey = key): StatRowSpec => ({
      kind: 'stat',
      label,
      indent: 1,
      key: k,
      format,
    });
    const cmp = (label: string, format: StatRowSpec['format']): StatRowSpec => ({
      kind: 'stat',
      label,
      indent: 1,
      key: versus,
      format,
      columns: [...COMPARED_ARMS],
    });
    return [
      ...(i > 0 ? [{ kind: 'separator' } as const] : []),
      {
        kind: 'label',
        label: `${visitDisplayLabel(visit)}${markKeys && b.keyVisits.includes(visit) ? ' [k]' : ''}`,
        indent: 0,
      },
      arm('n', { kind: 'count', value: { stat: 'n' } }),
      arm('LS mean (SE)', {
        kind: 'meanSd',
        meanDecimals: loc,
        sdDecimals: spread,
        mean: m('lsmean'),
        sd: m('lsmean_se'),
      }),
      arm('95% CI', {
        kind: 'pair',
        decimals: loc,
        first: m('lsmean_lcl'),
        second: m('lsmean_ucl'),
        parenthesized: true,
      }),
      cmp('Difference vs placebo (SE)', {
        kind: 'meanSd',
        meanDecimals: loc,
        sdDecimals: spread,
        mean: m('diff'),
        sd: m('diff_se'),
      }),
      cmp('95% CI', { kind: 'pair', decimals: loc, first: m('diff_lcl'), second: m('diff_ucl'), parenthesized: true }),
      cmp('p-value', { kind: 'pValue', value: m('p') }),
      cmp('Degrees of freedom (Kenward-Roger)', { kind: 'number', decimals: 1, value: m('df') }),
    ];
  });
}

/** Footnotes of an MMRM table whose parameters used `methods` (one or several structures). */
export function mmrmFootnotes(methods: readonly string[], keyMarked: boolean): string[] {
  const used = [...new Set(methods.map(covarianceStructureName))];
  const fallback = used.filter((s) => s !== 'unstructured');
  return [
    'n = subjects in the model at the visit (FAS subjects with a baseline and a change at that visit).',
    'MMRM: change from baseline = treatment + visit + treatment x visit + baseline + baseline x visit, covariance unstructured within subject, REML, Kenward-Roger degrees of freedom and standard errors (SAS PROC MIXED DDFM=KR).',
    'LS means with baseline at its mean over the observations in the model; differences are MSC minus placebo with 95% CI from the t distribution; two-sided p-values, no adjustment for multiplicity.',
    ...(fallback.length > 0
      ? [`Where the unstructured covariance did not converge, the SAP's fallback was used: ${fallback.join(', ')}.`]
      : []),
    ...(keyMarked ? ['[k] Key visit.'] : []),
  ];
}

/** The method of the rows when every structure failed (`MMRM-US-KR`). */
export function firstMmrmMethod(settings: SapSettings): ArdMmrmMethod {
  return ardMmrmMethod(mmrmMethodName(settings.analysis.mmrmCovarianceOrder[0]!, 'kr'));
}

export const MMRM_NE = 'NE = not estimable (no covariance structure converged, or no data in a group at the visit).';

function sledaiVisits(settings: SapSettings): { baseline: string; visits: string[] } {
  return { baseline: baselineVisitId(settings), visits: postBaselineVisitIds(settings) };
}

function sledaiPrecision(settings: SapSettings): number {
  const d = settings.display.derivedPrecision['SLEDAI'];
  if (d === undefined) throw new Error('settings give no display precision for SLEDAI');
  return d;
}

export function sledaiSummaryTableSpec(ctx: TlfContext, settings: SapSettings): TableSpec {
  const { baseline, visits } = sledaiVisits(settings);
  return {
    id: SLEDAI_SUMMARY_TABLE_ID,
    titles: ['SLEDAI-2K and change from baseline by visit: summary statistics'],
    populationLabel: 'Full Analysis Set',
    stubHeader: '',
    columns: treatmentColumns(ctx, FAS_BIG_N),
    rows: valueChangeSummaryRows(ctx, {
      endpoint: 'SLEDAI',
      avalParam: 'AVAL',
      chgParam: 'CHG',
      baselineVisit: baseline,
      visits,
      precision: sledaiPrecision(settings),
      valueLabel: 'SLEDAI-2K total',
    }),
    footnotes: [
      'Observed cases at each scheduled visit (n = subjects with a value); unscheduled assessments are not summarised.',
      'Baseline: the Day 0 value, else the latest pre-dose value on or before Day 0 (SAP Section 4.2).',
    ],
    notEstimableFootnote: 'NE = not estimable.',
  };
}

export function sledaiMmrmTableSpec(ctx: TlfContext, ard: readonly ArdRow[], settings: SapSettings): TableSpec {
  const { visits } = sledaiVisits(settings);
  const method = mmrmMethodOf(ard, 'SLEDAI', 'CHG', firstMmrmMethod(settings));
  const keyVisits = settings.analysis.mmrmKeyVisits;
  return {
    id: SLEDAI_MMRM_TABLE_ID,
    titles: ['SLEDAI-2K change from baseline: mixed model for repeated measures'],
    populationLabel: 'Full Analysis Set',
    stubHeader: '',
    columns: treatmentColumns({ ...ctx, includeTotal: false }, FAS_BIG_N),
    rows: mmrmByVisitRows({
      endpoint: 'SLEDAI',
      chgParam: 'CHG',
      visits,
      keyVisits,
      precision: sledaiPrecision(settings),
      method,
    }),
    footnotes: mmrmFootnotes(
      [method],
      visits.some((v) => !keyVisits.includes(v)),
    ),
    notEstimableFootnote: MMRM_NE,
  };
}

/** T-14.2.3 in every run; T-14.2.4 only unblinded. */
export function sledaiTableSpecs(ctx: TlfContext, ard: readonly ArdRow[], settings: SapSettings): TableSpec[] {
  return [sledaiSummaryTableSpec(ctx, settings), ...(isBlinded(ctx) ? [] : [sledaiMmrmTableSpec(ctx, ard, settings)])];
}
