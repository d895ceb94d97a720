/**
 * A small hand-written spec and its ARD rows, shared by the print-form and renderer tests. Numbers are
 * made up (N = 27/26/28, n = 8/12/15); the expected cells in the tests follow from SAP §3 by hand.
 */
import type { ArdRow, Group } from '../../src/ard/types.js';
import type { ArdMethod, ArdStat } from '../../src/ard/vocabulary.js';
import type { RowKey, TableSpec } from '../../src/render/table-spec.js';

export const KEY: RowKey = { endpoint: 'SRI4', param: '', visit: 'V1', population: 'FAS', comparator: '' };
export const VS: RowKey = { ...KEY, comparator: 'PBO' };

export function sampleSpec(): TableSpec {
  return {
    id: 'T-1.2.3',
    titles: ['Responders & <others>'],
    populationLabel: 'Full Analysis Set',
    stubHeader: 'Statistic',
    columns: [
      { id: 'PBO', label: 'Arm A', group: 'PBO', bigN: { key: KEY, stat: { stat: 'N' } } },
      { id: 'MSC1E6', label: 'Arm B', group: 'MSC1E6', bigN: { key: KEY, stat: { stat: 'N' } } },
      { id: 'MSC5E6', label: 'Arm C', group: 'MSC5E6', bigN: { key: KEY, stat: { stat: 'N' } } },
    ],
    rows: [
      {
        kind: 'stat',
        label: 'Responders, n (%)',
        indent: 0,
        key: KEY,
        format: { kind: 'countPct', n: { stat: 'n' }, bigN: { stat: 'N' } },
      },
      {
        kind: 'stat',
        label: 'Odds ratio (95% CI)',
        indent: 1,
        key: VS,
        columns: ['MSC1E6', 'MSC5E6'],
        format: {
          kind: 'estimateCi',
          scale: 'ratio',
          decimals: 2,
          estimate: { stat: 'or', method: 'LOGISTIC' },
          lower: { stat: 'or_lcl', method: 'LOGISTIC' },
          upper: { stat: 'or_ucl', method: 'LOGISTIC' },
        },
      },
      { kind: 'separator' },
      { kind: 'label', label: 'Heading {x}', indent: 0 },
      {
        kind: 'stat',
        label: 'p-value',
        indent: 1,
        key: VS,
        columns: ['MSC1E6', 'MSC5E6'],
        format: { kind: 'pValue', value: { stat: 'p', method: 'FISHER' } },
      },
    ],
    footnotes: ['Footnote one.'],
    notEstimableFootnote: 'NE = not estimable.',
  };
}

function r(group: Group, stat: ArdStat, value: number | null, key: RowKey = KEY, method: ArdMethod | '' = ''): ArdRow {
  return { ...key, group, stat, method, value };
}

export function sampleArd(orArmC: number | null = null): ArdRow[] {
  return [
    r('PBO', 'N', 27),
    r('PBO', 'n', 8),
    r('MSC1E6', 'N', 26),
    r('MSC1E6', 'n', 12),
    r('MSC5E6', 'N', 28),
    r('MSC5E6', 'n', 15),
    r('MSC1E6', 'or', 2.125, VS, 'LOGISTIC'),
    r('MSC1E6', 'or_lcl', 0.675, VS, 'LOGISTIC'),
    r('MSC1E6', 'or_ucl', 6.6849, VS, 'LOGISTIC'),
    r('MSC5E6', 'or', orArmC, VS, 'LOGISTIC'),
    r('MSC5E6', 'or_lcl', null, VS, 'LOGISTIC'),
    r('MSC5E6', 'or_ucl', null, VS, 'LOGISTIC'),
    r('MSC1E6', 'p', 0.2645, VS, 'FISHER'),
    r('MSC5E6', 'p', 0.0004, VS, 'FISHER'),
  ];
}
