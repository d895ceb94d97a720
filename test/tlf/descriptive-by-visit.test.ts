import { describe, expect, it } from 'vitest';
import type { ArdRow, Group } from '../../src/ard/types.js';
import { ardLookup } from '../../src/render/ard-lookup.js';
import { buildPrintForm } from '../../src/render/print-form.js';
import { descriptiveByVisitSpec } from '../../src/tlf/descriptive-by-visit.js';
import type { TlfContext } from '../../src/tlf/context.js';

// Hand-written descriptives (made-up numbers); expected cells follow SAP §3 by hand with d = 1:
// min/max 1 decimal, mean/median/quartiles 2, SD 3; half away from zero on the decimal value.
const ctx: TlfContext = {
  blinding: 'randomization',
  draft: false,
  armLabels: { PBO: 'Arm A', MSC1E6: 'Arm B', MSC5E6: 'Arm C' },
  totalLabel: 'Total',
  includeTotal: false,
};

const STATS = ['n', 'mean', 'sd', 'median', 'q1', 'q3', 'min', 'max'] as const;
function visitRows(visit: string, byGroup: Record<string, readonly (number | null)[]>): ArdRow[] {
  return Object.entries(byGroup).flatMap(([group, values]) =>
    STATS.map((stat, i) => ({
      endpoint: 'LAB',
      param: 'C3:AVAL',
      visit,
      population: 'FAS' as const,
      group: group as Group,
      comparator: '' as const,
      stat,
      method: '',
      value: values[i] ?? null,
    })),
  );
}

const ard: ArdRow[] = [
  ...visitRows('BASELINE', {
    PBO: [27, 0.8125, 0.21875, 0.805, 0.655, 0.9549, 0.35, 1.25],
    MSC1E6: [26, -0.125, 0.0625, -0.115, -0.2, -0.0449, -0.25, 0.05],
    MSC5E6: [28, 1, 0, 1, 1, 1, 1, 1],
  }),
  ...visitRows('WEEK24', {
    PBO: [1, 0.9, null, 0.9, 0.9, 0.9, 0.9, 0.9],
    MSC1E6: [0, null, null, null, null, null, null, null],
    MSC5E6: [2, 1.005, 0.0070710678118654, 1.005, 1, 1.01, 1, 1.01],
  }),
];

describe('descriptiveByVisitSpec', () => {
  const spec = descriptiveByVisitSpec(ctx, {
    id: 'T-14.3.5.1',
    titles: ['C3 (g/L) by visit'],
    populationLabel: 'Full Analysis Set',
    key: { endpoint: 'LAB', param: 'C3:AVAL', population: 'FAS' },
    visits: [
      { visit: 'BASELINE', label: 'Baseline' },
      { visit: 'WEEK24', label: 'Week 24' },
    ],
    precision: 1,
    footnotes: ['SD = standard deviation.'],
    notEstimableFootnote: 'NE = not estimable (n < 2 for the SD, n = 0 for the others).',
  });
  const form = buildPrintForm(spec, ardLookup(ard), {
    flags: { draft: false, dummyRandomization: false },
    linesPerPage: 60,
  });

  it('lays out each visit with n, Mean (SD), Median, Q1, Q3, Min, Max at the SAP precision', () => {
    expect(form.rows.map((r) => r.cells)).toEqual([
      ['Baseline', '', '', ''],
      ['n', '27', '26', '28'],
      ['Mean (SD)', '0.81 (0.219)', '-0.13 (0.063)', '1.00 (0.000)'],
      ['Median', '0.81', '-0.12', '1.00'],
      ['Q1, Q3', '0.66, 0.95', '-0.20, -0.04', '1.00, 1.00'],
      ['Min, Max', '0.4, 1.3', '-0.3, 0.1', '1.0, 1.0'],
      ['', '', '', ''],
      ['Week 24', '', '', ''],
      ['n', '1', '0', '2'],
      ['Mean (SD)', '0.90', '', '1.01 (0.007)'],
      ['Median', '0.90', '', '1.01'],
      ['Q1, Q3', '0.90, 0.90', '', '1.00, 1.01'],
      ['Min, Max', '0.9, 0.9', '', '1.0, 1.0'],
    ]);
    expect(form.rows.map((r) => r.indent)).toEqual([0, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1]);
  });

  it('leaves n = 0 and the SD of n = 1 empty (SAP §3), so no NE footnote is needed', () => {
    expect(form.footnotes).toEqual(['SD = standard deviation.']);
  });

  it('has no N in the header unless a source is given', () => {
    expect(form.header).toEqual([['', 'Arm A', 'Arm B', 'Arm C']]);
  });
});
