import { describe, expect, it } from 'vitest';
import type { ArdRow, Group } from '../../src/ard/types.js';
import type { ArdStat } from '../../src/ard/vocabulary.js';
import { ardLookup } from '../../src/render/ard-lookup.js';
import { buildPrintForm } from '../../src/render/print-form.js';
import type { TlfContext } from '../../src/tlf/context.js';
import { timeToEventTableSpec } from '../../src/tlf/time-to-event.js';

// Hand-written ARD rows (made-up numbers); expected cells follow from SAP.md §4.9 by hand.
const ctx = (blinding: TlfContext['blinding']): TlfContext => ({
  blinding,
  draft: false,
  totalLabel: 'Total',
  includeTotal: true,
  armLabels: { PBO: 'Placebo', MSC1E6: 'MSC low', MSC5E6: 'MSC high' },
});
const row = (group: Group, stat: ArdStat, value: number | null, extra: Partial<ArdRow> = {}): ArdRow => ({
  endpoint: 'TTFLARE',
  param: '',
  visit: '',
  population: 'FAS',
  group,
  comparator: '',
  stat,
  method: '',
  value,
  ...extra,
});
function ard(groups: readonly Group[]): ArdRow[] {
  const rows: ArdRow[] = [];
  for (const g of groups) {
    rows.push(row(g, 'n', 20), row(g, 'events', 7), row(g, 'censored', 13));
    rows.push(
      row(g, 'median_time', 168.25, { method: 'KM' }),
      row(g, 'median_lcl', 84, { method: 'KM' }),
      row(g, 'median_ucl', null, { method: 'KM' }),
    );
    rows.push(
      row(g, 'km', 0.8125, { param: '84', method: 'KM' }),
      row(g, 'km_lcl', 0.60049, { param: '84', method: 'KM' }),
      row(g, 'km_ucl', 1, { param: '84', method: 'KM' }),
    );
  }
  for (const g of ['MSC1E6', 'MSC5E6'] as const) {
    const vs = { comparator: 'PBO' as const };
    rows.push(
      row(g, 'hr', g === 'MSC1E6' ? 0.505 : null, { ...vs, method: 'COX-EFRON' }),
      row(g, 'hr_lcl', g === 'MSC1E6' ? 0.2 : null, { ...vs, method: 'COX-EFRON' }),
      row(g, 'hr_ucl', g === 'MSC1E6' ? 1.275 : null, { ...vs, method: 'COX-EFRON' }),
      row(g, 'p', 0.0449, { ...vs, method: 'LOGRANK' }),
    );
  }
  return rows;
}
const args = {
  id: 'T-X',
  titles: ['Time to X'],
  populationLabel: 'Full Analysis Set',
  endpoint: 'TTFLARE' as const,
  population: 'FAS' as const,
  landmarkDays: [84],
  eventLabel: 'Subjects with X',
  medianLabel: 'Median (days) (95% CI)',
  survivalLabel: 'Free of X, % (95% CI)',
  footnotes: ['A note.'],
};
const cells = (form: ReturnType<typeof buildPrintForm>, label: string) =>
  form.rows.find((r) => r.cells[0] === label)?.cells.slice(1);

describe('timeToEventTableSpec', () => {
  it('formats counts, the median (1 decimal, NE where not reached), KM % and HR/p per SAP.md §4.9', () => {
    const form = buildPrintForm(
      timeToEventTableSpec(ctx('randomization'), args),
      ardLookup(ard(['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'])),
      {
        flags: { draft: false, dummyRandomization: false },
        linesPerPage: 46,
      },
    );
    expect(form.header[1]).toEqual(['', '(N=20)', '(N=20)', '(N=20)', '(N=20)']);
    expect(cells(form, 'Subjects with X, n (%)')).toEqual(['7 (35.0)', '7 (35.0)', '7 (35.0)', '7 (35.0)']);
    expect(cells(form, 'Median (days) (95% CI)')![0]).toBe('168.3 (84.0, NE)');
    expect(cells(form, 'Day 84')![0]).toBe('81.3 (60.0, 100.0)');
    expect(cells(form, 'Hazard ratio vs placebo (95% CI) [a]')).toEqual(['', '0.51 (0.20, 1.28)', 'NE (NE, NE)', '']);
    expect(cells(form, 'Log-rank p-value [b]')).toEqual(['', '0.045', '0.045', '']);
    expect(form.footnotes.at(-1)).toMatch(/^NE = not estimable \(a median .* hazard ratio/);
    expect(form.footnotes.some((f) => f.startsWith('[a] Cox'))).toBe(true);
  });

  it('has a Total column only and no comparison rows or footnotes when blinded', () => {
    const spec = timeToEventTableSpec(ctx('blinded'), args);
    expect(spec.columns.map((c) => c.group)).toEqual(['TOTAL']);
    expect(spec.rows.some((r) => r.kind === 'stat' && r.key.comparator === 'PBO')).toBe(false);
    expect(spec.footnotes).toEqual(['A note.']);
    buildPrintForm(spec, ardLookup(ard(['TOTAL'])), {
      flags: { draft: false, dummyRandomization: false },
      linesPerPage: 46,
    });
  });
});
