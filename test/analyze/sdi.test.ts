import { describe, expect, it } from 'vitest';
import { analyzeSdi, collectSdiValues } from '../../src/analyze/sdi.js';
import type { ArdRow } from '../../src/ard/types.js';
import { sampleRun } from '../helpers/sample-run.js';
import { compareWithReference, readReference } from './ard-reference.js';

// R reference: test/fixtures/steroid-sdi-biomarkers/make-steroid-sdi-biomarkers.R (totals of adsdi.csv,
// quantile(type = 2), ratesci::scoreci(bcf = TRUE), fisher.test); tolerances in ard-reference.ts.
const reference = readReference(
  new URL('../fixtures/steroid-sdi-biomarkers/steroid-sdi-biomarkers-sample.json', import.meta.url),
);

describe('SDI analysis of the sample lock against R', async () => {
  const { result } = await sampleRun('unblinded');

  it('reproduces every SDI row (descriptives, worsening N/n/prop, MN, Fisher) and no other', () => {
    expect(reference.filter((r) => r[0] === 'SDI').length).toBeGreaterThan(80);
    expect(compareWithReference(result.ard, reference, ['SDI'])).toEqual([]);
  });

  it('writes TOTAL rows only and no comparison when blinded', async () => {
    const rows = (await sampleRun('blinded')).result.ard.filter((r) => r.endpoint === 'SDI');
    expect(rows.length).toBe(3 * 8 + 3);
    expect(rows.every((r) => r.group === 'TOTAL' && r.comparator === '')).toBe(true);
  });
});

describe('analyzeSdi on hand-made subjects', () => {
  const settings = {
    baselineVisitnum: 2,
    visits: [
      { visitnum: 1, id: 'SCREENING' },
      { visitnum: 2, id: 'BASELINE' },
      { visitnum: 10, id: 'WEEK52' },
    ],
    sdi: { endpointVisitnum: 10, worseningIncrease: 1 },
    analysis: { ciLevel: 0.95 },
  } as never;
  const rec = (USUBJID: string, VISITNUM: number, AVAL: number | null, BASE: number | null) =>
    ({
      USUBJID,
      VISITNUM,
      AVAL,
      ABLFL: VISITNUM === 1 ? 'Y' : null,
      CHG: VISITNUM === 10 && AVAL !== null && BASE !== null ? AVAL - BASE : null,
    }) as never;
  // S1: 1 → 2 (worse); S2: 0 → 0; S3: 2 → missing (not in N); S4: baseline missing → 1 (not in N).
  const sdi = [
    rec('S1', 1, 1, 1),
    rec('S1', 10, 2, 1),
    rec('S2', 1, 0, 0),
    rec('S2', 10, 0, 0),
    rec('S3', 1, 2, 2),
    rec('S3', 10, null, 2),
    rec('S4', 1, null, null),
    rec('S4', 10, 1, null),
  ];
  const adsl = ['S1', 'S2', 'S3', 'S4'].map((USUBJID) => ({ USUBJID, FASFL: 'Y', ARMCD: null }) as never);
  const rows = analyzeSdi(adsl, sdi, settings, true);
  const get = (param: string, visit: string, stat: string) =>
    rows.find((r: ArdRow) => r.param === param && r.visit === visit && r.stat === stat)?.value;

  it('takes baseline from screening and counts worsening among subjects with both totals', () => {
    expect(collectSdiValues(sdi, 10).get('S1')).toEqual({ base: 1, endpoint: 2, change: 1 });
    expect(get('AVAL', 'BASELINE', 'n')).toBe(3);
    expect(get('AVAL', 'WEEK52', 'n')).toBe(3);
    expect(get('CHG', 'WEEK52', 'n')).toBe(2);
    expect(get('WORSEN', 'WEEK52', 'N')).toBe(2);
    expect(get('WORSEN', 'WEEK52', 'n')).toBe(1);
    expect(get('WORSEN', 'WEEK52', 'prop')).toBe(0.5);
  });
});
