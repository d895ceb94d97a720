import { describe, expect, it } from 'vitest';
import type { ArdRow, Group } from '../../src/ard/types.js';
import type { ArdStat } from '../../src/ard/vocabulary.js';
import { ardLookup } from '../../src/render/ard-lookup.js';
import { buildPrintForm } from '../../src/render/print-form.js';
import { renderHtml } from '../../src/render/html.js';
import { renderRtf } from '../../src/render/rtf.js';
import { renderText } from '../../src/render/text.js';
import { printFlagsOf } from '../../src/tlf/context.js';
import { EXPOSURE_TABLE_ID, exposurePrecision, exposureTableSpec } from '../../src/tlf/exposure.js';
import { tlfCtx } from './render-helpers.js';

// Made-up descriptives of the infused volume (mL) per group; N from the AE TEAE rows (Safety Set).
const STATS: Record<Group, Partial<Record<ArdStat, number | null>>> = {
  PBO: { n: 27, mean: 99.25, sd: 2.5, median: 100, q1: 100, q3: 100, min: 88, max: 100 },
  MSC1E6: { n: 26, mean: 98.125, sd: 4.3333, median: 100, q1: 99.5, q3: 100, min: 75, max: 100 },
  MSC5E6: { n: 1, mean: 62.5, sd: null, median: 62.5, q1: 62.5, q3: 62.5, min: 62.5, max: 62.5 },
  TOTAL: { n: 54, mean: 98.05, sd: 4.12345, median: 100, q1: 100, q3: 100, min: 62.5, max: 100 },
};
const SAF_N: Record<Group, number> = { PBO: 27, MSC1E6: 27, MSC5E6: 1, TOTAL: 55 };
const ard = (groups: readonly Group[]): ArdRow[] =>
  groups.flatMap((group) => [
    {
      endpoint: 'AE',
      param: 'TEAE',
      visit: '',
      population: 'SAF',
      group,
      comparator: '',
      stat: 'N',
      method: '',
      value: SAF_N[group],
    },
    // Object.entries types its keys as string; they are the ArdStat keys of STATS.
    ...Object.entries(STATS[group]).map(([stat, value]): ArdRow => ({
      endpoint: 'EXPOSURE',
      param: 'EXVOL',
      visit: '',
      population: 'SAF',
      group,
      comparator: '',
      stat: stat as ArdStat,
      method: '',
      value: value ?? null,
    })),
  ]);

describe('exposurePrecision', () => {
  it('is the most decimals among the infused volumes of the infusion rows', () => {
    expect(
      exposurePrecision(
        [
          { EXVOL: 100, EXOCCUR: 'Y' },
          { EXVOL: 62.5, EXOCCUR: 'Y' },
          { EXVOL: null, EXOCCUR: 'N' },
        ],
        'Y',
      ),
    ).toBe(1);
    expect(
      exposurePrecision(
        [
          { EXVOL: 100, EXOCCUR: 'Y' },
          { EXVOL: 62.25, EXOCCUR: 'N' },
        ],
        'Y',
      ),
    ).toBe(0);
  });
});

describe('exposureTableSpec (T-14.1.5)', () => {
  it('shows n, mean (SD), median, Q1, Q3, min, max by arm actually infused, d = 1', () => {
    const ctx = tlfCtx();
    const f = buildPrintForm(exposureTableSpec(ctx, 1), ardLookup(ard(['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'])), {
      flags: printFlagsOf(ctx),
      linesPerPage: 100,
    });
    expect(f.id).toBe(EXPOSURE_TABLE_ID);
    expect(f.header[1]).toEqual(['', '(N=27)', '(N=27)', '(N=1)', '(N=55)']);
    // mean/median/Q d+1 = 2, SD d+2 = 3, min/max d = 1; SD of one value is blank (SAP §3)
    expect(f.rows.map((r) => r.cells)).toEqual([
      ['Infused volume (mL)', '', '', '', ''],
      ['n', '27', '26', '1', '54'],
      ['Mean (SD)', '99.25 (2.500)', '98.13 (4.333)', '62.50', '98.05 (4.123)'],
      ['Median', '100.00', '100.00', '62.50', '100.00'],
      ['Q1, Q3', '100.00, 100.00', '99.50, 100.00', '62.50, 62.50', '100.00, 100.00'],
      ['Min, Max', '88.0, 100.0', '75.0, 100.0', '62.5, 62.5', '62.5, 100.0'],
    ]);
  });

  it('blinded: the Total column only, built from TOTAL rows alone, no arm anywhere', () => {
    const ctx = tlfCtx('blinded');
    const f = buildPrintForm(exposureTableSpec(ctx, 0), ardLookup(ard(['TOTAL'])), {
      flags: printFlagsOf(ctx),
      linesPerPage: 100,
    });
    expect(f.header).toEqual([
      ['', 'Total'],
      ['', '(N=55)'],
    ]);
    expect(f.rows[2]!.cells).toEqual(['Mean (SD)', '98.1 (4.12)']);
    for (const out of [renderText(f), renderHtml(f), renderRtf(f)])
      for (const w of ['Placebo', 'MSC', 'PBO']) expect(out).not.toContain(w);
  });
});
