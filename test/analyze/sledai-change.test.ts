import { describe, expect, it } from 'vitest';
import { analyzeSledaiChange } from '../../src/analyze/sledai-change.js';
import { sampleRun } from '../helpers/sample-run.js';
import { compareWithFixture, loadSledaiProFixture, sampleLockMd5 } from './sledai-pro-fixture.js';

// R reference: test/fixtures/sledai-pro/make-sledai-pro.R on the ADaM CSVs of the sample (descriptives
// with quantile(type = 2); mmrm us + Kenward-Roger-Linear + emmeans); tolerances in sledai-pro-fixture.ts.
const fixture = loadSledaiProFixture();
const expected = fixture.rows.filter((r) => r.endpoint === 'SLEDAI');

describe('SLEDAI-2K by visit on the sample lock against R', async () => {
  const { result, settings } = await sampleRun('unblinded');
  const ard = result.ard.filter((r) => r.endpoint === 'SLEDAI');

  it('compares with a fixture made from the current sample (else rerun make-sledai-pro.R as its header says)', () => {
    expect(fixture.lockJsonMd5).toBe(sampleLockMd5());
  });

  it('has exactly the rows of ard.md (descriptives per group, MMRM per arm and vs PBO) within tolerance', () => {
    expect(expected.length).toBe(4 * 17 * 8 + 8 * 24); // 4 groups × (BASELINE + 8 visits × AVAL, CHG) × 8 stats; 8 visits × 24 model rows
    expect(compareWithFixture(ard, expected)).toEqual([]);
  });

  it('fits the unstructured model at Weeks 4–52 and labels every model row MMRM-US-KR', () => {
    const model = ard.filter((r) => r.stat.startsWith('lsmean') || r.comparator === 'PBO');
    expect(new Set(model.map((r) => r.method))).toEqual(new Set(['MMRM-US-KR']));
    expect(new Set(model.map((r) => r.visit))).toEqual(
      new Set(['WEEK4', 'WEEK8', 'WEEK12', 'WEEK16', 'WEEK20', 'WEEK24', 'WEEK36', 'WEEK52']),
    );
    expect(model.some((r) => r.group === 'TOTAL')).toBe(false);
    expect(analyzeSledaiChange(result.derivations.adsl, result.derivations.sledai, settings, false)).toHaveLength(
      ard.length,
    );
  });

  it('writes TOTAL descriptives only, equal to the unblinded TOTAL, and no model when blinded', async () => {
    const blinded = (await sampleRun('blinded')).result.ard.filter((r) => r.endpoint === 'SLEDAI');
    expect(blinded.every((r) => r.group === 'TOTAL' && r.comparator === '' && r.method === '')).toBe(true);
    expect(
      compareWithFixture(
        blinded,
        expected.filter((r) => r.group === 'TOTAL'),
      ),
    ).toEqual([]);
  });
});
