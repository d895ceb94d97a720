import { describe, expect, it } from 'vitest';
import type { ArdRow, Group } from '../../src/ard/types.js';
import { ardLookup } from '../../src/render/ard-lookup.js';
import { buildPrintForm } from '../../src/render/print-form.js';
import { renderText } from '../../src/render/text.js';
import { printFlagsOf } from '../../src/tlf/context.js';
import { CONMED_TABLE_ID, conmedLayout, conmedTableSpec } from '../../src/tlf/conmed.js';
import { tlfCtx } from './render-helpers.js';

const CATEGORIES = ['CORTICOSTEROID', 'ANTIMALARIAL', 'IMMUNOSUPPRESSANT', 'BIOLOGIC', 'OTHER'];
const settings = { conmed: { categories: CATEGORIES } };

// Made-up counts [PBO, MSC1E6, MSC5E6]; Total = their sum; N (SAF by arm infused) 27, 26, 28, 81.
const N: Record<Group, number> = { PBO: 27, MSC1E6: 26, MSC5E6: 28, TOTAL: 81 };
const COUNTS: Record<string, [number, number, number]> = {
  OTHER: [1, 0, 0],
  CORTICOSTEROID: [20, 18, 21],
  'CORTICOSTEROID:PREDNISONE': [15, 14, 16],
  'CORTICOSTEROID:METHYLPREDNISOLONE': [5, 4, 5],
  'CORTICOSTEROID:DEXAMETHASONE': [0, 0, 0],
  ANTIMALARIAL: [22, 20, 23],
  'ANTIMALARIAL:HYDROXYCHLOROQUINE': [22, 20, 23],
  IMMUNOSUPPRESSANT: [10, 9, 8],
  'IMMUNOSUPPRESSANT:MYCOPHENOLATE MOFETIL': [6, 5, 4],
  'IMMUNOSUPPRESSANT:AZATHIOPRINE': [4, 4, 4],
  'OTHER:VITAMIN D': [1, 0, 0],
  BIOLOGIC: [0, 0, 0],
};
const ard = (groups: readonly Group[]): ArdRow[] =>
  Object.entries(COUNTS).flatMap(([param, c]) =>
    groups.flatMap((group): ArdRow[] => {
      const n = group === 'TOTAL' ? c[0] + c[1] + c[2] : c[['PBO', 'MSC1E6', 'MSC5E6'].indexOf(group)]!;
      const base = {
        endpoint: 'CONMED',
        param,
        visit: 'BASELINE',
        population: 'SAF',
        group,
        comparator: '',
        method: '',
      } as const;
      return [
        { ...base, stat: 'N', value: N[group] },
        { ...base, stat: 'n', value: n },
        { ...base, stat: 'prop', value: n / N[group] },
      ];
    }),
  );
const ALL: Group[] = ['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'];

describe('conmedLayout', () => {
  it('orders categories as the settings, medications by decreasing Total n then name', () => {
    expect(conmedLayout(ard(ALL), CATEGORIES)).toEqual([
      { category: 'CORTICOSTEROID', medications: ['PREDNISONE', 'METHYLPREDNISOLONE', 'DEXAMETHASONE'] },
      { category: 'ANTIMALARIAL', medications: ['HYDROXYCHLOROQUINE'] },
      { category: 'IMMUNOSUPPRESSANT', medications: ['MYCOPHENOLATE MOFETIL', 'AZATHIOPRINE'] },
      { category: 'BIOLOGIC', medications: [] },
      { category: 'OTHER', medications: ['VITAMIN D'] },
    ]);
  });

  it('is the same from a blinded (TOTAL-only) ARD', () => {
    expect(conmedLayout(ard(['TOTAL']), CATEGORIES)).toEqual(conmedLayout(ard(ALL), CATEGORIES));
  });

  it('puts a category the settings do not order after those they do', () => {
    expect(conmedLayout(ard(ALL), ['OTHER', 'BIOLOGIC']).map((c) => c.category)).toEqual([
      'OTHER',
      'BIOLOGIC',
      'ANTIMALARIAL',
      'CORTICOSTEROID',
      'IMMUNOSUPPRESSANT',
    ]);
  });
});

describe('conmedTableSpec (T-14.1.4)', () => {
  it('shows each category and its medications, n (%) of the SAF N', () => {
    const ctx = tlfCtx();
    const rows = ard(ALL);
    const f = buildPrintForm(conmedTableSpec(ctx, rows, settings), ardLookup(rows), {
      flags: printFlagsOf(ctx),
      linesPerPage: 200,
    });
    expect(f.id).toBe(CONMED_TABLE_ID);
    expect(f.header[1]).toEqual(['', '(N=27)', '(N=26)', '(N=28)', '(N=81)']);
    expect(f.rows.map((r) => [r.indent, ...r.cells])).toEqual([
      // 20/27 = 74.07, 18/26 = 69.23, 21/28 = 75.0, 59/81 = 72.84
      [0, 'Corticosteroid, any', '20 (74.1)', '18 (69.2)', '21 (75.0)', '59 (72.8)'],
      // 15/27 = 55.56, 14/26 = 53.85, 16/28 = 57.14, 45/81 = 55.56
      [1, 'PREDNISONE', '15 (55.6)', '14 (53.8)', '16 (57.1)', '45 (55.6)'],
      // 5/27 = 18.52, 4/26 = 15.38, 5/28 = 17.86, 14/81 = 17.28
      [1, 'METHYLPREDNISOLONE', '5 (18.5)', '4 (15.4)', '5 (17.9)', '14 (17.3)'],
      [1, 'DEXAMETHASONE', '0', '0', '0', '0'],
      [0, '', '', '', '', ''],
      // 22/27 = 81.48, 20/26 = 76.92, 23/28 = 82.14, 65/81 = 80.25
      [0, 'Antimalarial, any', '22 (81.5)', '20 (76.9)', '23 (82.1)', '65 (80.2)'],
      [1, 'HYDROXYCHLOROQUINE', '22 (81.5)', '20 (76.9)', '23 (82.1)', '65 (80.2)'],
      [0, '', '', '', '', ''],
      // 10/27 = 37.04, 9/26 = 34.62, 8/28 = 28.57, 27/81 = 33.33
      [0, 'Immunosuppressant, any', '10 (37.0)', '9 (34.6)', '8 (28.6)', '27 (33.3)'],
      // 6/27 = 22.22, 5/26 = 19.23, 4/28 = 14.29, 15/81 = 18.52
      [1, 'MYCOPHENOLATE MOFETIL', '6 (22.2)', '5 (19.2)', '4 (14.3)', '15 (18.5)'],
      // 4/27 = 14.81, 4/26 = 15.38, 4/28 = 14.29, 12/81 = 14.81
      [1, 'AZATHIOPRINE', '4 (14.8)', '4 (15.4)', '4 (14.3)', '12 (14.8)'],
      [0, '', '', '', '', ''],
      [0, 'Biologic, any', '0', '0', '0', '0'],
      [0, '', '', '', '', ''],
      // 1/27 = 3.70, 1/81 = 1.23
      [0, 'Other, any', '1 (3.7)', '0', '0', '1 (1.2)'],
      [1, 'VITAMIN D', '1 (3.7)', '0', '0', '1 (1.2)'],
    ]);
  });

  it('blinded: the Total column only, from TOTAL rows alone', () => {
    const ctx = tlfCtx('blinded');
    const rows = ard(['TOTAL']);
    const f = buildPrintForm(conmedTableSpec(ctx, rows, settings), ardLookup(rows), {
      flags: printFlagsOf(ctx),
      linesPerPage: 200,
    });
    expect(f.header).toEqual([
      ['Category / medication (CMDECOD)', 'Total'],
      ['', '(N=81)'],
    ]);
    expect(f.rows[0]!.cells).toEqual(['Corticosteroid, any', '59 (72.8)']);
    expect(renderText(f).replaceAll('SLEMSC01', '')).not.toMatch(/Placebo|MSC|PBO/);
  });
});
