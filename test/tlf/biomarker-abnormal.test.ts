import { describe, expect, it } from 'vitest';
import { BIOMARKER_TABLE_ID, biomarkerAbnormalTableSpec } from '../../src/tlf/biomarker-abnormal.js';
import { settings } from '../derive/helpers.js';
import { ard, completeArd, lineOf, renderSpec, tlfCtx } from './render-helpers.js';

const s = settings();

describe('biomarkerAbnormalTableSpec (T-14.2.12)', () => {
  it('has a heading per flag and a row per scheduled visit from baseline, each n (%) of its own N', () => {
    const spec = biomarkerAbnormalTableSpec(tlfCtx(), s);
    expect(spec.id).toBe(BIOMARKER_TABLE_ID);
    const stats = spec.rows.filter((r) => r.kind === 'stat');
    expect(stats).toHaveLength(s.biomarkers.length * 9);
    // Made-up counts: 13 of 27 at baseline, 11 of 23 at Week 24 → 48.1 % and 47.8 %.
    const text = renderSpec(
      spec,
      completeArd(spec, [
        ard('BIOMARKER', 'LOWC3', 'BASELINE', 'PBO', 'N', 27),
        ard('BIOMARKER', 'LOWC3', 'BASELINE', 'PBO', 'n', 13),
        ard('BIOMARKER', 'LOWC3', 'WEEK24', 'PBO', 'N', 23),
        ard('BIOMARKER', 'LOWC3', 'WEEK24', 'PBO', 'n', 11),
      ]),
    );
    // The per-visit denominator is shown (n/N), as it is not the column's FAS N.
    expect(lineOf(text, 'Baseline')).toMatch(/13\/27 \(48\.1\)/);
    expect(lineOf(text, 'Week 24')).toMatch(/11\/23 \(47\.8\)/);
  });

  it('has one Total column when blinded', () => {
    expect(biomarkerAbnormalTableSpec(tlfCtx('blinded'), s).columns.map((c) => c.group)).toEqual(['TOTAL']);
  });
});
