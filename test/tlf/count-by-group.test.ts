import { describe, expect, it } from 'vitest';
import type { ArdRow, Group } from '../../src/ard/types.js';
import type { ArdStat } from '../../src/ard/vocabulary.js';
import { ardLookup } from '../../src/render/ard-lookup.js';
import { buildPrintForm } from '../../src/render/print-form.js';
import { countByGroupSpec } from '../../src/tlf/count-by-group.js';
import type { TlfContext } from '../../src/tlf/context.js';

// Hand-written counts (made-up); n (%) of each row's own N, one decimal, half away from zero.
const ctx = (blinding: TlfContext['blinding']): TlfContext => ({
  blinding,
  draft: false,
  armLabels: { PBO: 'Arm A', MSC1E6: 'Arm B', MSC5E6: 'Arm C' },
  totalLabel: 'All subjects',
  includeTotal: true,
});

const row = (param: string, group: Group, stat: ArdStat, value: number): ArdRow => ({
  endpoint: 'BIOMARKER',
  param,
  visit: 'WEEK12',
  population: 'FAS',
  group,
  comparator: '',
  stat,
  method: '',
  value,
});
const counts: Record<string, Record<Group, [number, number]>> = {
  LOWC3: { PBO: [25, 10], MSC1E6: [24, 6], MSC5E6: [26, 3], TOTAL: [75, 19] },
  LOWC4: { PBO: [16, 2], MSC1E6: [24, 0], MSC5E6: [0, 0], TOTAL: [40, 2] },
};
const ard = Object.entries(counts).flatMap(([param, byGroup]) =>
  Object.entries(byGroup).flatMap(([g, [bigN, n]]) => [
    row(param, g as Group, 'N', bigN),
    row(param, g as Group, 'n', n),
  ]),
);

function build(blinding: TlfContext['blinding']) {
  const spec = countByGroupSpec(ctx(blinding), {
    id: 'T-14.2.9.1',
    titles: ['Biomarkers at Week 12'],
    populationLabel: 'Full Analysis Set',
    key: { endpoint: 'BIOMARKER', visit: 'WEEK12', population: 'FAS' },
    items: [
      { kind: 'heading', label: 'Complement', indent: 0 },
      { kind: 'category', param: 'LOWC3', label: 'Low C3', indent: 1 },
      { kind: 'separator' },
      { kind: 'category', param: 'LOWC4', label: 'Low C4', indent: 0 },
    ],
    footnotes: ['Percentages are of the subjects with a result at the visit.'],
    notEstimableFootnote: 'NE = not estimable.',
  });
  return buildPrintForm(spec, ardLookup(ard), { flags: { draft: false, dummyRandomization: false }, linesPerPage: 40 });
}

describe('countByGroupSpec', () => {
  it('shows n (%) of each row’s own N, 0 alone, with headings and separators', () => {
    const form = build('randomization');
    expect(form.header).toEqual([['', 'Arm A', 'Arm B', 'Arm C', 'All subjects']]);
    expect(form.rows.map((r) => r.cells)).toEqual([
      ['Complement', '', '', '', ''],
      // 10/25 = 40.0, 6/24 = 25.0, 3/26 = 11.54, 19/75 = 25.33
      ['Low C3', '10 (40.0)', '6 (25.0)', '3 (11.5)', '19 (25.3)'],
      ['', '', '', '', ''],
      // 2/16 = 12.5 exactly; 0 of 24; 0 of N = 0; 2/40 = 5.0
      ['Low C4', '2 (12.5)', '0', '0', '2 (5.0)'],
    ]);
    expect(form.footnotes).toEqual(['Percentages are of the subjects with a result at the visit.']);
  });

  it('blinded: the Total column only', () => {
    const form = build('blinded');
    expect(form.header).toEqual([['', 'All subjects']]);
    expect(form.rows[1]?.cells).toEqual(['Low C3', '19 (25.3)']);
  });
});
