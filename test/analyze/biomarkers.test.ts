import { describe, expect, it } from 'vitest';
import { analyzeBiomarkers, SHIFT_PAIRS } from '../../src/analyze/biomarkers.js';
import { sampleRun } from '../helpers/sample-run.js';
import { compareWithReference, readReference } from './ard-reference.js';

// R reference: test/fixtures/steroid-sdi-biomarkers/make-steroid-sdi-biomarkers.R, recomputed from the
// raw lock lb.csv (text <x / >x results, SAP §4.2 baseline, flags) with quantile(type = 2); tolerances in
// ard-reference.ts (counts exact, descriptives 1e-12 relative).
const reference = readReference(
  new URL('../fixtures/steroid-sdi-biomarkers/steroid-sdi-biomarkers-sample.json', import.meta.url),
);

describe('biomarker and lab rows of the sample lock against R', async () => {
  const { result, settings } = await sampleRun('unblinded');

  it('reproduces every BIOMARKER, BIOSHIFT and LAB row and no other', () => {
    expect(reference.filter((r) => ['BIOMARKER', 'BIOSHIFT', 'LAB'].includes(r[0])).length).toBeGreaterThan(5000);
    expect(compareWithReference(result.ard, reference, ['BIOMARKER', 'BIOSHIFT', 'LAB'])).toEqual([]);
  });

  it('writes all nine shift combinations of every flag at each shift visit, summing to the FAS count', () => {
    const shift = result.ard.filter((r) => r.endpoint === 'BIOSHIFT' && r.group === 'TOTAL' && r.stat === 'n');
    expect(shift.length).toBe(settings.biomarkers.length * 3 * 9);
    const fas = result.derivations.adsl.filter((s) => s.FASFL === 'Y').length;
    for (const flag of settings.biomarkers.map((b) => b.flag)) {
      const sum = shift
        .filter((r) => r.param.startsWith(`${flag}:`) && r.visit === 'WEEK24')
        .reduce((a, r) => a + r.value!, 0);
      expect(sum).toBe(fas);
    }
  });

  it('writes TOTAL rows only when blinded', async () => {
    const rows = (await sampleRun('blinded')).result.ard.filter((r) =>
      ['BIOMARKER', 'BIOSHIFT', 'LAB'].includes(r.endpoint),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.group === 'TOTAL' && r.comparator === '' && r.method === '')).toBe(true);
  });
});

describe('analyzeBiomarkers on hand-made records', () => {
  it('lists the nine shift pairs ABN, NORM, MISS × ABN, NORM, MISS', () => {
    expect(SHIFT_PAIRS.map((p) => p.join(':'))).toEqual([
      'ABN:ABN',
      'ABN:NORM',
      'ABN:MISS',
      'NORM:ABN',
      'NORM:NORM',
      'NORM:MISS',
      'MISS:ABN',
      'MISS:NORM',
      'MISS:MISS',
    ]);
  });

  it('counts N over non-missing results only and summarises BASE at BASELINE', async () => {
    const { settings } = await sampleRun('blinded');
    const adsl = ['S1', 'S2', 'S3'].map((USUBJID) => ({ USUBJID, FASFL: 'Y', ARMCD: null }) as never);
    const flag = (USUBJID: string, AVISIT: string, AVALC: string, BASEC: string) =>
      ({ USUBJID, PARAMCD: 'LOWC3', AVISIT, AVALC, BASEC }) as never;
    // S1 baseline (screening, Day 0 missing) 0.8, Week 4 0.7; S2 Day 0 1.0, Week 4 missing.
    const lab = (
      USUBJID: string,
      VISITNUM: number,
      AVISIT: string | null,
      AVAL: number | null,
      ABLFL: 'Y' | null,
      CHG: number | null,
    ) => ({ USUBJID, PARAMCD: 'C3', VISITNUM, AVISIT, AVAL, ABLFL, CHG }) as never;
    const rows = analyzeBiomarkers(
      adsl,
      {
        flags: [
          flag('S1', 'WEEK4', 'ABN', 'ABN'),
          flag('S2', 'WEEK4', 'MISS', 'NORM'),
          flag('S3', 'WEEK4', 'NORM', 'MISS'),
        ],
        labs: [
          lab('S1', 1, 'SCREENING', 0.8, 'Y', null),
          lab('S1', 2, 'BASELINE', null, null, null),
          lab('S1', 3, 'WEEK4', 0.7, null, -0.1),
          lab('S2', 2, 'BASELINE', 1, 'Y', null),
        ],
      },
      settings,
      true,
    );
    const get = (endpoint: string, param: string, visit: string, stat: string) =>
      rows.find((r) => r.endpoint === endpoint && r.param === param && r.visit === visit && r.stat === stat)?.value;
    expect(get('BIOMARKER', 'LOWC3', 'WEEK4', 'N')).toBe(2);
    expect(get('BIOMARKER', 'LOWC3', 'WEEK4', 'n')).toBe(1);
    expect(get('BIOMARKER', 'LOWC3', 'WEEK4', 'prop')).toBe(0.5);
    expect(get('LAB', 'C3:AVAL', 'BASELINE', 'n')).toBe(2);
    expect(get('LAB', 'C3:AVAL', 'BASELINE', 'mean')).toBe(0.9);
    expect(get('LAB', 'C3:AVAL', 'WEEK4', 'n')).toBe(1);
    expect(get('LAB', 'C3:CHG', 'WEEK4', 'mean')).toBe(-0.1);
    expect(rows.some((r) => r.param === 'C3:CHG' && r.visit === 'BASELINE')).toBe(false);
  });
});
