import { describe, expect, it } from 'vitest';
import type { ArdRow, Group } from '../../src/ard/types.js';
import type { ArdEndpoint, ArdStat } from '../../src/ard/vocabulary.js';
import { ardLookup } from '../../src/render/ard-lookup.js';
import { buildPrintForm } from '../../src/render/print-form.js';
import type { TlfContext } from '../../src/tlf/context.js';
import {
  FLARE_TABLE_ID,
  flareTableLayout,
  flareTableSpecs,
  rateModelMethods,
  TTFLARE_TABLE_ID,
} from '../../src/tlf/flares.js';

// Hand-written ARD rows (made-up numbers); expected cells follow from SAP.md §4.9 by hand.
const ctx = (blinding: TlfContext['blinding']): TlfContext => ({
  blinding,
  draft: false,
  totalLabel: 'Total',
  includeTotal: true,
  armLabels: { PBO: 'Placebo', MSC1E6: 'MSC low', MSC5E6: 'MSC high' },
});
const ENDPOINTS = ['FLARE', 'FLARE_RENAL', 'FLARE_NONRENAL', 'FLARE_SEVERE'] as const;
const r = (
  endpoint: ArdEndpoint,
  visit: string,
  group: Group,
  stat: ArdStat,
  value: number | null,
  extra: Partial<ArdRow> = {},
): ArdRow => ({
  endpoint,
  param: '',
  visit,
  population: 'FAS',
  group,
  comparator: '',
  stat,
  method: '',
  value,
  ...extra,
});
function ard(groups: readonly Group[], unblinded: boolean): ArdRow[] {
  const rows: ArdRow[] = [];
  for (const e of ENDPOINTS)
    for (const w of ['WEEK52', 'WEEK12', 'WEEK24']) {
      for (const g of groups)
        rows.push(
          r(e, w, g, 'N', 27),
          r(e, w, g, 'n', 5),
          r(e, w, g, 'prop', 5 / 27),
          r(e, w, g, 'events', 6),
          r(e, w, g, 'pyears', 26.25),
          r(e, w, g, 'rate', 6 / 26.25),
        );
      if (!unblinded) continue;
      for (const g of ['MSC1E6', 'MSC5E6'] as const) {
        const vs = { comparator: 'PBO' as const };
        rows.push(
          r(e, w, g, 'diff', -0.0145, { ...vs, method: 'MN' }),
          r(e, w, g, 'diff_lcl', -0.2, { ...vs, method: 'MN' }),
          r(e, w, g, 'diff_ucl', 0.1805, { ...vs, method: 'MN' }),
          r(e, w, g, 'p', 1, { ...vs, method: 'FISHER' }),
        );
        if (w === 'WEEK52') {
          const m = e === 'FLARE_RENAL' ? 'POISSON' : 'NEGBIN';
          rows.push(
            r(e, w, g, 'rr', 1.235, { ...vs, method: m }),
            r(e, w, g, 'rr_lcl', 0.5927, { ...vs, method: m }),
            r(e, w, g, 'rr_ucl', 2.5758, { ...vs, method: m }),
            r(e, w, g, 'p', 0.5724, { ...vs, method: m }),
          );
        }
      }
    }
  for (const g of groups) {
    rows.push(r('TTFLARE', '', g, 'n', 27), r('TTFLARE', '', g, 'events', 8), r('TTFLARE', '', g, 'censored', 19));
    for (const s of ['median_time', 'median_lcl', 'median_ucl'] as const)
      rows.push(r('TTFLARE', '', g, s, null, { method: 'KM' }));
    for (const d of ['364', '84', '168'])
      for (const s of ['km', 'km_lcl', 'km_ucl'] as const)
        rows.push(r('TTFLARE', '', g, s, 0.7, { param: d, method: 'KM' }));
  }
  if (unblinded)
    for (const g of ['MSC1E6', 'MSC5E6'] as const) {
      for (const s of ['hr', 'hr_lcl', 'hr_ucl'] as const)
        rows.push(r('TTFLARE', '', g, s, 1.5, { comparator: 'PBO', method: 'COX-EFRON' }));
      rows.push(r('TTFLARE', '', g, 'p', 0.25, { comparator: 'PBO', method: 'LOGRANK' }));
    }
  return rows;
}
const print = (c: TlfContext, rows: ArdRow[]) =>
  flareTableSpecs(c, rows).map((spec) =>
    buildPrintForm(spec, ardLookup(rows), { flags: { draft: false, dummyRandomization: false }, linesPerPage: 46 }),
  );

describe('flareTableLayout', () => {
  it('reads windows by week, landmark days in order and the rate model of each endpoint from the ARD', () => {
    const layout = flareTableLayout(ard(['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'], true));
    expect(layout.windows).toEqual([
      { visit: 'WEEK12', week: 12 },
      { visit: 'WEEK24', week: 24 },
      { visit: 'WEEK52', week: 52 },
    ]);
    expect(layout.landmarkDays).toEqual([84, 168, 364]);
    expect(rateModelMethods(ard(['PBO'], true)).get('FLARE_RENAL')).toBe('POISSON');
    expect(flareTableSpecs(ctx('blinded'), [])).toEqual([]);
  });
});

describe('flare tables', () => {
  it('T-14.2.5: n (%), MN difference in % points, events, patient-years (1 dp), rate (2 dp), RR at Week 52 only, labelled by model', () => {
    const [flare, tte] = print(ctx('randomization'), ard(['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'], true));
    expect([flare!.id, tte!.id]).toEqual([FLARE_TABLE_ID, TTFLARE_TABLE_ID]);
    const rows = flare!.rows.filter((x) => x.kind !== 'separator');
    const at = (label: string, i = 0) => rows.filter((x) => x.cells[0] === label)[i]!.cells.slice(1);
    expect(at('Subjects with \u2265 1 flare, n (%)')).toEqual(['5 (18.5)', '5 (18.5)', '5 (18.5)', '5 (18.5)']);
    expect(at('Difference vs placebo, percentage points (95% CI) [a]')).toEqual([
      '',
      '-1.5 (-20.0, 18.1)',
      '-1.5 (-20.0, 18.1)',
      '',
    ]);
    expect(at("Fisher's exact test p-value [b]")[1]).toBe('>0.999');
    expect(at('Number of flares')[0]).toBe('6');
    expect(at('Patient-years at risk')[0]).toBe('26.3');
    expect(at('Flares per patient-year')[0]).toBe('0.23');
    expect(rows.filter((x) => x.cells[0]!.startsWith('Rate ratio vs placebo')).map((x) => x.cells[0])).toEqual([
      'Rate ratio vs placebo (95% CI), negative binomial [c]',
      'Rate ratio vs placebo (95% CI), Poisson [d]',
      'Rate ratio vs placebo (95% CI), negative binomial [c]',
      'Rate ratio vs placebo (95% CI), negative binomial [c]',
    ]);
    expect(at('Rate ratio vs placebo (95% CI), Poisson [d]')).toEqual([
      '',
      '1.24 (0.59, 2.58)',
      '1.24 (0.59, 2.58)',
      '',
    ]);
    expect(
      rows
        .filter((x) => x.kind === 'label')
        .map((x) => x.cells[0])
        .slice(0, 4),
    ).toEqual([
      'Any flare (severe or moderate)',
      'At or before Week 12',
      'At or before Week 24',
      'At or before Week 52',
    ]);
    expect(flare!.footnotes.some((f) => f.startsWith('[d] Poisson'))).toBe(true);
  });

  it('blinded: Total only, no comparison or model rows, and no arm label anywhere', () => {
    const forms = print(ctx('blinded'), ard(['TOTAL'], false));
    expect(forms).toHaveLength(2);
    for (const f of forms) {
      expect(f.header[0]).toEqual(['', 'Total']);
      const text = JSON.stringify(f);
      expect(text).not.toMatch(/Placebo|MSC low|MSC high|placebo/);
    }
  });
});
