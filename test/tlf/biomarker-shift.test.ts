import { describe, expect, it } from 'vitest';
import { BIOSHIFT_TABLE_ID, biomarkerShiftTableSpec } from '../../src/tlf/biomarker-shift.js';
import { settings } from '../derive/helpers.js';
import { ard, completeArd, lineOf, renderSpec, tlfCtx } from './render-helpers.js';

const s = settings();

describe('biomarkerShiftTableSpec (T-14.2.13)', () => {
  it('has the nine baseline × visit combinations for every flag and shift visit, N = the FAS count', () => {
    const spec = biomarkerShiftTableSpec(tlfCtx(), s);
    expect(spec.id).toBe(BIOSHIFT_TABLE_ID);
    const params = spec.rows.flatMap((r) => (r.kind === 'stat' ? [`${r.key.param}@${r.key.visit}`] : []));
    expect(params).toHaveLength(s.biomarkers.length * 3 * 9);
    expect(new Set(params).size).toBe(params.length);
    expect(params.slice(0, 9)).toEqual(
      [
        'ABN:ABN',
        'ABN:NORM',
        'ABN:MISS',
        'NORM:ABN',
        'NORM:NORM',
        'NORM:MISS',
        'MISS:ABN',
        'MISS:NORM',
        'MISS:MISS',
      ].map((p) => `LOWC3:${p}@WEEK12`),
    );
    // Made-up counts: 10 of 27 → 37.0 %; the header N comes from the first BIOSHIFT row's N.
    const text = renderSpec(
      spec,
      completeArd(spec, [
        ard('BIOSHIFT', 'LOWC3:ABN:ABN', 'WEEK12', 'PBO', 'N', 27),
        ard('BIOSHIFT', 'LOWC3:ABN:ABN', 'WEEK12', 'PBO', 'n', 10),
      ]),
    );
    expect(lineOf(text, 'Abnormal \u2192 Abnormal')).toMatch(/10 \(37\.0\)/);
    expect(text).toMatch(/\(N=27\)/);
  });

  it('refuses a shift visit that is not scheduled', () => {
    expect(() => biomarkerShiftTableSpec(tlfCtx(), { ...s, biomarkerShiftVisitnums: [11] })).toThrow(/11/);
  });
});
