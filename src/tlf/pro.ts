/**
 * PRO tables (SAP §10.2): T-14.2.10.1–4 summary statistics of each score and its change from baseline
 * at Weeks 12, 24 and 52, one table per instrument (SF-36 v2, LupusPRO, PROMIS, LIT), every run; and
 * T-14.2.11.1–4 the MMRM of each score's change, one table per instrument, unblinded runs only.
 * Display precision d per score (SAP §4.9, C1): SF-36 v2 and LupusPRO from the collected values,
 * PROMIS T-scores and LIT from the settings (`computeProPrecision`, passed in by the caller).
 */
import type { ArdRow } from '../ard/types.js';
import { baselineVisitId, postBaselineVisitIds } from '../analyze/by-visit-descriptives.js';
import type { RowSpec, TableSpec } from '../render/table-spec.js';
import type { SapSettings } from '../sap/index.js';
import { isBlinded, FAS_BIG_N, treatmentColumns, type TlfContext } from './context.js';
import {
  MMRM_NE,
  firstMmrmMethod,
  mmrmByVisitRows,
  mmrmFootnotes,
  mmrmMethodOf,
  valueChangeSummaryRows,
} from './sledai.js';

export const PRO_SUMMARY_TABLE_ID = 'T-14.2.10';
export const PRO_MMRM_TABLE_ID = 'T-14.2.11';

export interface ProInstrument {
  /** Suffix of the table ids (`.1` …). */
  readonly number: number;
  readonly title: string;
  readonly scores: readonly { readonly code: string; readonly name: string }[];
  readonly footnotes: readonly string[];
}

/** The four instruments in SAP order, with their scores in ARD order. */
export function proInstruments(settings: SapSettings): ProInstrument[] {
  const p = settings.pro;
  return [
    {
      number: 1,
      title: 'SF-36 v2',
      scores: p.sf36.scores,
      footnotes: [
        'Norm-based scores (mean 50, SD 10 in the US general population) as scored before transfer; higher is better.',
      ],
    },
    {
      number: 2,
      title: 'LupusPRO',
      scores: p.lupuspro.scores,
      footnotes: ['Domain scores 0-100 as scored before transfer; higher is better.'],
    },
    {
      number: 3,
      title: 'PROMIS Short Forms',
      scores: p.promis.map((f) => ({ code: f.code, name: `${f.name} (T-score)` })),
      footnotes: [
        "T-scores (mean 50, SD 10 in the reference population) from the summed raw score by each short form's conversion table; higher is more of the symptom.",
        'With items missing, raw = ceiling(sum x items / answered) when at least half of the items are answered, else missing.',
      ],
    },
    {
      number: 4,
      title: 'Lupus Impact Tracker',
      scores: [{ code: p.lit.code, name: 'LIT score' }],
      footnotes: [
        `Mean of the answered items x ${p.lit.multiplier} (0-100, higher is more impact) when at least ${p.lit.minAnswered} of ${p.lit.items.length} items are answered, else missing.`,
      ],
    },
  ];
}

function precisionOf(precision: ReadonlyMap<string, number>, code: string): number {
  const d = precision.get(code);
  if (d === undefined) throw new Error(`no display precision for PRO score ${code}`);
  return d;
}

function sections(scores: ProInstrument['scores'], block: (code: string, name: string) => RowSpec[]): RowSpec[] {
  return scores.flatMap((s, i): RowSpec[] => [
    ...(i > 0 ? [{ kind: 'separator' } as const] : []),
    ...block(s.code, s.name),
  ]);
}

export function proSummaryTableSpec(
  ctx: TlfContext,
  settings: SapSettings,
  instrument: ProInstrument,
  precision: ReadonlyMap<string, number>,
): TableSpec {
  const baseline = baselineVisitId(settings);
  const visits = postBaselineVisitIds(settings, settings.pro.visitnums);
  return {
    id: `${PRO_SUMMARY_TABLE_ID}.${instrument.number}`,
    titles: [`${instrument.title}: scores and change from baseline by visit: summary statistics`],
    populationLabel: 'Full Analysis Set',
    stubHeader: '',
    columns: treatmentColumns(ctx, FAS_BIG_N),
    rows: sections(instrument.scores, (code, name) =>
      valueChangeSummaryRows(ctx, {
        endpoint: 'PRO',
        avalParam: `${code}:AVAL`,
        chgParam: `${code}:CHG`,
        baselineVisit: baseline,
        visits,
        precision: precisionOf(precision, code),
        valueLabel: name,
      }),
    ),
    footnotes: [
      ...instrument.footnotes,
      'Observed cases at each scheduled visit (n = subjects with a value). Baseline: the Day 0 value, else the latest pre-dose value on or before Day 0.',
    ],
    notEstimableFootnote: 'NE = not estimable.',
  };
}

export function proMmrmTableSpec(
  ctx: TlfContext,
  ard: readonly ArdRow[],
  settings: SapSettings,
  instrument: ProInstrument,
  precision: ReadonlyMap<string, number>,
): TableSpec {
  const visits = postBaselineVisitIds(settings, settings.pro.visitnums);
  const keyVisits = settings.analysis.mmrmKeyVisits;
  const keyMarked = visits.some((v) => !keyVisits.includes(v));
  const methods: string[] = [];
  const rows = sections(instrument.scores, (code, name) => {
    const method = mmrmMethodOf(ard, 'PRO', `${code}:CHG`, firstMmrmMethod(settings));
    methods.push(method);
    return [
      { kind: 'label', label: `${name}: change from baseline`, indent: 0 },
      ...mmrmByVisitRows({
        endpoint: 'PRO',
        chgParam: `${code}:CHG`,
        visits,
        keyVisits,
        precision: precisionOf(precision, code),
        method,
      }).map((r): RowSpec => (r.kind === 'separator' ? r : { ...r, indent: r.indent + 1 })),
    ];
  });
  return {
    id: `${PRO_MMRM_TABLE_ID}.${instrument.number}`,
    titles: [`${instrument.title}: change from baseline: mixed model for repeated measures`],
    populationLabel: 'Full Analysis Set',
    stubHeader: '',
    columns: treatmentColumns({ ...ctx, includeTotal: false }, FAS_BIG_N),
    rows,
    footnotes: [...mmrmFootnotes(methods, keyMarked), ...instrument.footnotes],
    notEstimableFootnote: MMRM_NE,
  };
}

/** T-14.2.10.1–4 in every run; T-14.2.11.1–4 only unblinded. */
export function proTableSpecs(
  ctx: TlfContext,
  ard: readonly ArdRow[],
  settings: SapSettings,
  precision: ReadonlyMap<string, number>,
): TableSpec[] {
  const instruments = proInstruments(settings);
  return [
    ...instruments.map((i) => proSummaryTableSpec(ctx, settings, i, precision)),
    ...(isBlinded(ctx) ? [] : instruments.map((i) => proMmrmTableSpec(ctx, ard, settings, i, precision))),
  ];
}
