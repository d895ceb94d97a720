import { describe, expect, it } from 'vitest';
import { proScoreCodes } from '../../src/analyze/pro.js';
import { sampleRun } from '../helpers/sample-run.js';
import { compareWithFixture, loadSledaiProFixture, sampleLockMd5 } from './sledai-pro-fixture.js';

// R reference: test/fixtures/sledai-pro/make-sledai-pro.R on the ADaM CSVs of the sample (it also
// rescores PROMIS and LIT from qs.csv and stops on any difference); tolerances in sledai-pro-fixture.ts.
const fixture = loadSledaiProFixture();
const expected = fixture.rows.filter((r) => r.endpoint === 'PRO');

describe('PRO analyses on the sample lock against R', async () => {
  const { result, settings } = await sampleRun('unblinded');
  const ard = result.ard.filter((r) => r.endpoint === 'PRO');

  it('compares with a fixture made from the current sample (else rerun make-sledai-pro.R as its header says)', () => {
    expect(fixture.lockJsonMd5).toBe(sampleLockMd5());
  });

  it('covers the 28 scores of ard.md in order (10 SF-36 v2, 14 LupusPRO, 3 PROMIS, LIT)', () => {
    const codes = proScoreCodes(settings);
    expect(codes).toHaveLength(28);
    expect(fixture.codes).toEqual(codes);
  });

  it('matches R for every descriptive and MMRM row, with no row missing or extra', () => {
    // per score: 4 groups × (BASELINE + 3 weeks × AVAL, CHG) × 8 stats + 3 weeks × 24 model rows
    expect(expected.length).toBe(28 * (4 * 7 * 8 + 3 * 24));
    expect(compareWithFixture(ard, expected)).toEqual([]);
  });

  it('writes TOTAL descriptives only, equal to the unblinded TOTAL, and no model when blinded', async () => {
    const blinded = (await sampleRun('blinded')).result.ard.filter((r) => r.endpoint === 'PRO');
    expect(blinded.every((r) => r.group === 'TOTAL' && r.comparator === '' && r.method === '')).toBe(true);
    expect(
      compareWithFixture(
        blinded,
        expected.filter((r) => r.group === 'TOTAL'),
      ),
    ).toEqual([]);
  });
});
