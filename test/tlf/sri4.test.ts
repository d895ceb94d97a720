import { describe, expect, it } from 'vitest';
import type { ArdRow, Group } from '../../src/ard/types.js';
import type { ArdMethod, ArdStat } from '../../src/ard/vocabulary.js';
import { ardLookup } from '../../src/render/ard-lookup.js';
import { DUMMY_MARK, buildPrintForm } from '../../src/render/print-form.js';
import { renderHtml } from '../../src/render/html.js';
import { renderRtf } from '../../src/render/rtf.js';
import { renderText } from '../../src/render/text.js';
import { printFlagsOf } from '../../src/tlf/context.js';
import type { TlfContext } from '../../src/tlf/context.js';
import { sri4TableSpec } from '../../src/tlf/sri4.js';

// Hand-written ARD rows (made-up numbers; the expected cells follow from SAP §3 by hand).
const ARM_LABELS = { PBO: 'Placebo', MSC1E6: 'MSC 1x10^6 cells/kg', MSC5E6: 'MSC 5x10^6 cells/kg' } as const;
const ctx = (over: Partial<TlfContext> = {}): TlfContext => ({
  blinding: 'randomization',
  draft: false,
  armLabels: ARM_LABELS,
  totalLabel: 'Total',
  includeTotal: true,
  ...over,
});

const base = { endpoint: 'SRI4', visit: 'WEEK24', population: 'FAS' } as const;
const count = (group: Group, param: string, stat: ArdStat, value: number): ArdRow => ({
  ...base,
  param,
  group,
  comparator: '',
  stat,
  method: '',
  value,
});
const vs = (group: Group, stat: ArdStat, method: ArdMethod, value: number | null): ArdRow => ({
  ...base,
  param: '',
  group,
  comparator: 'PBO',
  stat,
  method,
  value,
});

const N: Record<Group, number> = { PBO: 27, MSC1E6: 26, MSC5E6: 28, TOTAL: 81 };
const RESP: Record<Group, number> = { PBO: 8, MSC1E6: 12, MSC5E6: 15, TOTAL: 35 };
const COMPONENTS: Record<string, Record<Group, number>> = {
  SLEDAI: { PBO: 10, MSC1E6: 14, MSC5E6: 17, TOTAL: 41 },
  BILAG: { PBO: 20, MSC1E6: 22, MSC5E6: 25, TOTAL: 67 },
  PGA: { PBO: 21, MSC1E6: 20, MSC5E6: 24, TOTAL: 65 },
  STEROID: { PBO: 0, MSC1E6: 26, MSC5E6: 19, TOTAL: 45 },
};

function descriptiveRows(groups: readonly Group[]): ArdRow[] {
  const rows: ArdRow[] = [];
  for (const g of groups) {
    rows.push(count(g, '', 'N', N[g]), count(g, '', 'n', RESP[g]), count(g, '', 'prop', RESP[g] / N[g]));
    for (const [param, n] of Object.entries(COMPONENTS)) {
      rows.push(count(g, param, 'N', N[g]), count(g, param, 'n', n[g]), count(g, param, 'prop', n[g] / N[g]));
    }
  }
  return rows;
}

function comparisonRows(orMsc5: number | null): ArdRow[] {
  return [
    vs('MSC1E6', 'diff', 'MN', 0.1652421652421652),
    vs('MSC1E6', 'diff_lcl', 'MN', -0.0905),
    vs('MSC1E6', 'diff_ucl', 'MN', 0.40125),
    vs('MSC1E6', 'p', 'FISHER', 0.26449),
    vs('MSC1E6', 'or', 'LOGISTIC', 2.0345),
    vs('MSC1E6', 'or_lcl', 'LOGISTIC', 0.6549),
    vs('MSC1E6', 'or_ucl', 'LOGISTIC', 6.3205),
    vs('MSC1E6', 'p', 'LOGISTIC', 0.2195),
    vs('MSC1E6', 'p_adj', 'HOCHBERG', 0.2195),
    vs('MSC5E6', 'diff', 'MN', 0.2394),
    vs('MSC5E6', 'diff_lcl', 'MN', -0.0145),
    vs('MSC5E6', 'diff_ucl', 'MN', 0.46),
    vs('MSC5E6', 'p', 'FISHER', 0.0586),
    vs('MSC5E6', 'or', 'LOGISTIC', orMsc5),
    vs('MSC5E6', 'or_lcl', 'LOGISTIC', orMsc5 === null ? null : 0.9351),
    vs('MSC5E6', 'or_ucl', 'LOGISTIC', orMsc5 === null ? null : 8.6449),
    vs('MSC5E6', 'p', 'LOGISTIC', orMsc5 === null ? null : 0.0455),
    vs('MSC5E6', 'p_adj', 'HOCHBERG', orMsc5 === null ? 0.2195 : 0.091),
  ];
}

const unblindedArd = (orMsc5: number | null = 2.8435) => [
  ...descriptiveRows(['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL']),
  ...comparisonRows(orMsc5),
];

function build(c: TlfContext, ard: readonly ArdRow[]) {
  return buildPrintForm(sri4TableSpec(c), ardLookup(ard), { flags: printFlagsOf(c), linesPerPage: 60 });
}

describe('sri4TableSpec, unblinded', () => {
  const form = build(ctx(), unblindedArd());

  it('has the arm columns with N from the ARD, then Total', () => {
    expect(form.titleLines).toEqual([
      'Table 14.2.1',
      'SLE Responder Index (SRI-4) response at Week 24',
      'Full Analysis Set',
    ]);
    expect(form.header).toEqual([
      ['', 'Placebo', 'MSC 1x10^6 cells/kg', 'MSC 5x10^6 cells/kg', 'Total'],
      ['', '(N=27)', '(N=26)', '(N=28)', '(N=81)'],
    ]);
  });

  it('shows responders, comparisons vs placebo (MSC columns only) and components', () => {
    expect(form.rows.map((r) => r.cells)).toEqual([
      // 8/27 = 29.63 %, 12/26 = 46.15 %, 15/28 = 53.57 %, 35/81 = 43.21 %
      ['SRI-4 responders, n (%)', '8 (29.6)', '12 (46.2)', '15 (53.6)', '35 (43.2)'],
      // 0.1652… → 16.5; −0.0905 → −9.1 (half away); 0.40125 → 40.1; −0.0145 → −1.5 (decimal half)
      ['Difference vs placebo, percentage points (95% CI) [a]', '', '16.5 (-9.1, 40.1)', '23.9 (-1.5, 46.0)', ''],
      ["Fisher's exact test p-value [b]", '', '0.264', '0.059', ''],
      ['Odds ratio vs placebo (95% CI) [c]', '', '2.03 (0.65, 6.32)', '2.84 (0.94, 8.64)', ''],
      ['Logistic regression p-value [c]', '', '0.220', '0.046', ''],
      ['Hochberg-adjusted p-value [d]', '', '0.220', '0.091', ''],
      ['', '', '', '', ''],
      ['SRI-4 components met, n (%)', '', '', '', ''],
      // 10/27 = 37.04, 14/26 = 53.85, 17/28 = 60.71, 41/81 = 50.62
      ['SLEDAI-2K reduction from baseline \u2265 4', '10 (37.0)', '14 (53.8)', '17 (60.7)', '41 (50.6)'],
      // 20/27 = 74.07, 22/26 = 84.62, 25/28 = 89.29, 67/81 = 82.72
      ['No new BILAG A and \u2264 1 new BILAG B domain', '20 (74.1)', '22 (84.6)', '25 (89.3)', '67 (82.7)'],
      // 21/27 = 77.78, 20/26 = 76.92, 24/28 = 85.71, 65/81 = 80.25
      ['PGA increase from baseline < 0.3', '21 (77.8)', '20 (76.9)', '24 (85.7)', '65 (80.2)'],
      // 0 alone; 26/26 = 100.0; 19/28 = 67.86; 45/81 = 55.56
      ['Prednisone-equivalent dose \u2264 10 mg/day, Week 20 to Week 24', '0', '26 (100.0)', '19 (67.9)', '45 (55.6)'],
    ]);
  });

  it('has the method footnotes and no NE footnote when everything is estimable', () => {
    expect(form.footnotes.some((f) => f.includes('Miettinen-Nurminen'))).toBe(true);
    expect(form.footnotes.some((f) => f.startsWith('NE ='))).toBe(false);
  });

  it('shows NE with a footnote when the odds ratio is not estimable', () => {
    const ne = build(ctx(), unblindedArd(null));
    const orRow = ne.rows.find((r) => r.cells[0]?.startsWith('Odds ratio'));
    expect(orRow?.cells).toEqual(['Odds ratio vs placebo (95% CI) [c]', '', '2.03 (0.65, 6.32)', 'NE (NE, NE)', '']);
    expect(ne.rows.find((r) => r.cells[0]?.startsWith('Logistic'))?.cells[3]).toBe('NE');
    expect(ne.footnotes[ne.footnotes.length - 1]).toMatch(/^NE = not estimable/);
  });

  it('says DUMMY RANDOMIZATION in every rendering of a dummy run', () => {
    const dummy = build(ctx({ blinding: 'dummy' }), unblindedArd());
    expect(dummy.marks).toEqual([DUMMY_MARK]);
    expect(renderText(dummy)).toContain(DUMMY_MARK);
    expect(renderHtml(dummy)).toContain(DUMMY_MARK);
    expect(renderRtf(dummy)).toContain('DUMMY RANDOMIZATION \\u8212? not the real treatment assignment');
  });
});

describe('sri4TableSpec, blinded', () => {
  const blindCtx = ctx({ blinding: 'blinded', draft: true });
  // A blinded ARD holds TOTAL rows only: building from it proves no other row is asked for.
  const form = build(blindCtx, descriptiveRows(['TOTAL']));

  it('has one Total column and no comparison rows', () => {
    expect(form.header).toEqual([
      ['', 'Total'],
      ['', '(N=81)'],
    ]);
    expect(form.rows.map((r) => r.cells[0])).toEqual([
      'SRI-4 responders, n (%)',
      '',
      'SRI-4 components met, n (%)',
      'SLEDAI-2K reduction from baseline \u2265 4',
      'No new BILAG A and \u2264 1 new BILAG B domain',
      'PGA increase from baseline < 0.3',
      'Prednisone-equivalent dose \u2264 10 mg/day, Week 20 to Week 24',
    ]);
    expect(form.rows[0]?.cells).toEqual(['SRI-4 responders, n (%)', '35 (43.2)']);
  });

  it('names no arm and no comparison anywhere in any rendering, and says DRAFT', () => {
    for (const out of [renderText(form), renderHtml(form), renderRtf(form)]) {
      for (const word of ['Placebo', 'placebo', 'MSC', 'PBO', 'Difference', 'Odds', 'Hochberg', 'Fisher']) {
        expect(out).not.toContain(word);
      }
      expect(out).toContain('DRAFT');
    }
  });
});
