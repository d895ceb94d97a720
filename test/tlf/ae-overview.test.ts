import { describe, expect, it } from 'vitest';
import type { ArdRow, Group } from '../../src/ard/types.js';
import type { ArdStat } from '../../src/ard/vocabulary.js';
import { ardLookup } from '../../src/render/ard-lookup.js';
import { buildPrintForm } from '../../src/render/print-form.js';
import {
  AE_OVERVIEW_ROWS,
  AE_OVERVIEW_TABLE_ID,
  aeOverviewTableSpec,
  sentenceCase,
} from '../../src/tlf/ae-overview.js';
import type { TlfContext } from '../../src/tlf/context.js';
import { settings } from '../derive/helpers.js';

// Hand-written ARD rows (made-up counts); expected cells by hand from SAP §4.9 (n (%), one decimal).
const ctx = (blinding: TlfContext['blinding']): TlfContext => ({
  blinding,
  draft: false,
  armLabels: { PBO: 'Placebo', MSC1E6: 'Low', MSC5E6: 'High' },
  totalLabel: 'Total',
  includeTotal: true,
});
const GROUPS: Group[] = ['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'];
const BIG_N: Record<Group, number> = { PBO: 27, MSC1E6: 24, MSC5E6: 28, TOTAL: 79 };
const row = (param: string, group: Group, stat: ArdStat, value: number): ArdRow => ({
  endpoint: 'AE',
  param,
  visit: '',
  population: 'SAF',
  group,
  comparator: '',
  stat,
  method: '',
  value,
});
const params = [...AE_OVERVIEW_ROWS.map((r) => r.param), 'WORST:MILD', 'WORST:MODERATE', 'WORST:SEVERE'];
// n = 1, 2, 3, … by param; events = 2n; TOTAL adds the arms.
const ard = params.flatMap((p, i) =>
  GROUPS.flatMap((g) => {
    const n = g === 'TOTAL' ? 3 * (i + 1) : i + 1;
    return [row(p, g, 'N', BIG_N[g]), row(p, g, 'n', n), row(p, g, 'prop', n / BIG_N[g]), row(p, g, 'events', 2 * n)];
  }),
);
const form = (blinding: TlfContext['blinding']) =>
  buildPrintForm(aeOverviewTableSpec(ctx(blinding), settings()), ardLookup(ard), {
    flags: { draft: false, dummyRandomization: false },
    linesPerPage: 200,
  });
const cells = (f: ReturnType<typeof form>, label: string) =>
  f.rows.filter((r) => r.cells[0] === label).map((r) => r.cells.slice(1));

describe('aeOverviewTableSpec', () => {
  it('shows subjects n (%) of the SAF count, then events, for each kind of TEAE', () => {
    const f = form('randomization');
    expect(f.id).toBe(AE_OVERVIEW_TABLE_ID);
    expect(f.header[1]).toEqual(['', '(N=27)', '(N=24)', '(N=28)', '(N=79)']);
    expect(cells(f, 'Any TEAE')).toEqual([
      ['1 (3.7)', '1 (4.2)', '1 (3.6)', '3 (3.8)'],
      ['2', '2', '2', '6'],
    ]);
    expect(cells(f, 'Serious TEAE')[0]).toEqual(['2 (7.4)', '2 (8.3)', '2 (7.1)', '6 (7.6)']);
  });

  it('lists subjects by worst severity and TEAEs by severity in the settings order', () => {
    const f = form('randomization');
    const labels = f.rows.map((r) => r.cells[0]);
    expect(labels.filter((l) => ['Mild', 'Moderate', 'Severe'].includes(l!))).toEqual([
      'Mild',
      'Moderate',
      'Severe',
      'Mild',
      'Moderate',
      'Severe',
    ]);
    expect(cells(f, 'Severe')).toEqual([
      ['9 (33.3)', '9 (37.5)', '9 (32.1)', '27 (34.2)'],
      ['18', '18', '18', '54'],
    ]);
  });

  it('has the Total column alone when blinded', () => {
    const f = form('blinded');
    expect(f.header[0]).toEqual(['', 'Total']);
    expect(cells(f, 'Any TEAE')).toEqual([['3 (3.8)'], ['6']]);
  });

  it('turns a code-list term into a label', () => {
    expect(sentenceCase('MODERATE')).toBe('Moderate');
    expect(sentenceCase('LOST TO FOLLOW-UP')).toBe('Lost to follow-up');
  });
});
