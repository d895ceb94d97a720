/**
 * T-14.2.1.3 SRI-4 at Week 24 by subgroup (SAP synopsis §5.4; ARD endpoint `SRI4_SUB`): for each
 * subgroup of the randomization stratum, sex and age, N, responders n (%) per arm and versus placebo
 * the Miettinen–Nurminen difference (95% CI) and Fisher's p, as in the primary table; no interaction
 * test. The subgroups (`SRI4_SUBGROUPS`) are also the rows of the forest plot (src/tlf/figures/sri4-forest.ts).
 * Unblinded runs only (a blinded context is refused).
 */
import type { RowKey, RowSpec, TableSpec } from '../render/table-spec.js';
import type { SapSettings } from '../sap/index.js';
import { isBlinded, treatmentColumns, type TlfContext } from './context.js';
import { RESPONSE_ROW_LABELS, sri4ResponseRows } from './sri4-comparison-rows.js';

export const SRI4_SUBGROUP_TABLE_ID = 'T-14.2.1.3';

export interface Sri4Subgroup {
  /** ARD `param` of `SRI4_SUB`, e.g. `SEX:F`. */
  readonly param: string;
  readonly label: string;
}

export interface Sri4SubgroupFamily {
  readonly label: string;
  readonly subgroups: readonly Sri4Subgroup[];
}

type SubgroupSettings = Pick<SapSettings, 'stratum' | 'demography' | 'subgroups'>;

/**
 * The subgroup families of ard.md `SRI4_SUB`, in display order, with the params the analysis writes
 * (src/analyze/sri4-sensitivity.ts `sri4Subgroups`: the settings' strata, sex codes and age cut), labelled
 * from the settings.
 */
export function sri4SubgroupFamilies(settings: SubgroupSettings): Sri4SubgroupFamily[] {
  const { below, atOrAbove } = settings.stratum;
  const age = settings.subgroups;
  return [
    {
      label: 'Randomization stratum',
      subgroups: [
        { param: `STRATUM:${below}`, label: `SLEDAI-2K ${below}` },
        { param: `STRATUM:${atOrAbove}`, label: `SLEDAI-2K ${atOrAbove}` },
      ],
    },
    { label: 'Sex', subgroups: settings.demography.sex.map(({ code, label }) => ({ param: `SEX:${code}`, label })) },
    {
      label: 'Age',
      subgroups: [
        { param: `AGE:${age.ageBelow}`, label: `< ${age.ageCut} years` },
        { param: `AGE:${age.ageAtOrAbove}`, label: `\u2265 ${age.ageCut} years` },
      ],
    },
  ];
}

export function sri4SubgroupKey(param: string): RowKey {
  return { endpoint: 'SRI4_SUB', param, visit: 'WEEK24', population: 'FAS', comparator: '' };
}

const LABELS = {
  ...RESPONSE_ROW_LABELS,
  difference: `${RESPONSE_ROW_LABELS.difference} [a]`,
  fisher: `${RESPONSE_ROW_LABELS.fisher} [b]`,
};

export function sri4SubgroupTableSpec(ctx: TlfContext, settings: SubgroupSettings): TableSpec {
  if (isBlinded(ctx)) throw new Error(`${SRI4_SUBGROUP_TABLE_ID} compares arms and is not produced in a blinded run`);
  const rows = sri4SubgroupFamilies(settings).flatMap((family, i): RowSpec[] => [
    ...(i > 0 ? [{ kind: 'separator' } as const] : []),
    { kind: 'label', label: family.label, indent: 0 },
    ...family.subgroups.flatMap((s, j): RowSpec[] => [
      ...(j > 0 ? [{ kind: 'separator' } as const] : []),
      { kind: 'label', label: s.label, indent: 1 },
      ...sri4ResponseRows(sri4SubgroupKey(s.param), 2, LABELS),
    ]),
  ]);
  return {
    id: SRI4_SUBGROUP_TABLE_ID,
    titles: ['SLE Responder Index (SRI-4) at Week 24 by Subgroup'],
    populationLabel: 'Full Analysis Set',
    stubHeader: '',
    columns: treatmentColumns(ctx, {
      key: { endpoint: 'SRI4', param: '', visit: 'WEEK24', population: 'FAS', comparator: '' },
      stat: { stat: 'N' },
    }),
    rows,
    footnotes: [
      'N in the column header: subjects in the Full Analysis Set by randomized arm; N in a subgroup: its subjects; percentages are of the subgroup N.',
      'Response as in the primary analysis (T-14.2.1): non-responder imputation. Randomization stratum as randomized; sex and age (years) as in DM.',
      '[a] Difference in response rates (MSC minus placebo) with the Miettinen-Nurminen 95% confidence interval, within the subgroup.',
      "[b] Fisher's exact test, two-sided, within the subgroup.",
      'Subgroup analyses are descriptive and nominal: no interaction test, no multiplicity adjustment.',
    ],
    notEstimableFootnote: 'NE = not estimable (a difference or test when an arm has no subject in the subgroup).',
  };
}
