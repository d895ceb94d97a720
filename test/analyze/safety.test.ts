import { describe, expect, it } from 'vitest';
import { analyzeSafety } from '../../src/analyze/safety.js';
import type { ArdRow } from '../../src/ard/types.js';
import { deriveAdae } from '../../src/derive/adae.js';
import { settings } from '../derive/helpers.js';
import { adslRecord, blind } from '../helpers/adsl-record.js';
import { aeRow } from '../helpers/ae-row.js';
import { readReference, referenceDifferences } from '../helpers/ard-reference.js';
import { sampleRun } from '../helpers/sample-run.js';

/**
 * Hand-worked SAF (Day 0 = 2025-01-05 for all infused subjects):
 * - P1 (PBO): Headache MILD, Headache MODERATE serious (TEAEs), Nausea SEVERE on Day −1 (not TE);
 * - P2 (PBO): no AE;
 * - M1 randomized PBO but infused MSC1E6 (analysed as infused): Rash SEVERE related, start `2025-01` (TE);
 * - H1 (MSC5E6): Nausea MILD leading to withdrawal, fatal;
 * - X1 randomized MSC5E6, never infused (not in SAF): Fatigue — its term must not appear.
 */
const adsl = [
  adslRecord('P1'),
  adslRecord('P2'),
  adslRecord('M1', { ARMCD: 'PBO', ACTARMCD: 'MSC1E6' }),
  adslRecord('H1', { ARMCD: 'MSC5E6', ACTARMCD: 'MSC5E6' }),
  adslRecord('X1', { ARMCD: 'MSC5E6', ACTARMCD: null, INFFL: 'N', FASFL: 'N', SAFFL: 'N', TRTSDT: null }),
];
const GI = 'Gastrointestinal disorders';
const lockAe = [
  aeRow('P1', '2025-01-05'),
  aeRow('P1', '2025-02-01', { AESEV: 'MODERATE', AESER: 'Y' }),
  aeRow('P1', '2025-01-04', { AEDECOD: 'Nausea', AEBODSYS: GI, AESEV: 'SEVERE' }),
  aeRow('M1', '2025-01', {
    AEDECOD: 'Rash',
    AEBODSYS: 'Skin and subcutaneous tissue disorders',
    AESEV: 'SEVERE',
    AEREL: 'RELATED',
  }),
  aeRow('H1', '2025-03-01', { AEDECOD: 'Nausea', AEBODSYS: GI, AEACN: 'SUBJECT WITHDRAWN FROM STUDY', AEOUT: 'FATAL' }),
  aeRow('X1', '2025-03-01', { AEDECOD: 'Fatigue', AEBODSYS: 'General disorders and administration site conditions' }),
];
const adae = deriveAdae({ ae: lockAe }, adsl, settings());

/** `[N, n, events]` of a param in a group. */
function counts(rows: readonly ArdRow[], param: string, group: string): [number | null, number | null, number | null] {
  const v = (stat: string) => {
    const hit = rows.filter((r) => r.param === param && r.group === group && r.stat === stat);
    if (hit.length !== 1) throw new Error(`${hit.length} rows for ${param} ${group} ${stat}`);
    return hit[0]!.value;
  };
  return [v('N'), v('n'), v('events')];
}

describe('analyzeSafety on a hand-worked SAF', () => {
  const rows = analyzeSafety(adsl, adae, settings(), false);

  it('counts subjects once and events each, TEAEs only, by arm actually infused', () => {
    expect(counts(rows, 'TEAE', 'PBO')).toEqual([2, 1, 2]);
    expect(counts(rows, 'TEAE', 'MSC1E6')).toEqual([1, 1, 1]);
    expect(counts(rows, 'TEAE', 'MSC5E6')).toEqual([1, 1, 1]);
    expect(counts(rows, 'TEAE', 'TOTAL')).toEqual([4, 3, 4]);
    expect(counts(rows, 'SAE', 'PBO')).toEqual([2, 1, 1]);
    expect(counts(rows, 'SEVERE', 'PBO')).toEqual([2, 0, 0]); // the severe nausea is before Day 0
    expect(counts(rows, 'RELATED', 'MSC1E6')).toEqual([1, 1, 1]);
    expect(counts(rows, 'DISC', 'MSC5E6')).toEqual([1, 1, 1]);
    expect(counts(rows, 'DEATH', 'TOTAL')).toEqual([4, 1, 1]);
    const prop = rows.find((r) => r.param === 'TEAE' && r.group === 'TOTAL' && r.stat === 'prop')?.value;
    expect(prop).toBe(3 / 4);
  });

  it('puts each subject under its worst TEAE severity while events count every TEAE of that severity', () => {
    expect(counts(rows, 'WORST:MILD', 'PBO')).toEqual([2, 0, 1]);
    expect(counts(rows, 'WORST:MODERATE', 'PBO')).toEqual([2, 1, 1]);
    expect(counts(rows, 'WORST:SEVERE', 'PBO')).toEqual([2, 0, 0]);
    expect(counts(rows, 'WORST:SEVERE', 'TOTAL')).toEqual([4, 1, 1]);
    expect(counts(rows, 'WORST:MILD', 'TOTAL')).toEqual([4, 1, 2]);
  });

  it('writes every SOC and PT among the TEAEs in every group, with 0 where none, and no other term', () => {
    const terms = [...new Set(rows.map((r) => r.param).filter((p) => /^(SOC|PT):/.test(p)))].sort();
    expect(terms).toEqual([
      'PT:Headache',
      'PT:Nausea',
      'PT:Rash',
      `SOC:${GI}`,
      'SOC:Nervous system disorders',
      'SOC:Skin and subcutaneous tissue disorders',
    ]);
    expect(counts(rows, 'PT:Rash', 'PBO')).toEqual([2, 0, 0]);
    expect(rows.find((r) => r.param === 'PT:Rash' && r.group === 'PBO' && r.stat === 'prop')?.value).toBe(0);
    expect(counts(rows, 'PT:Nausea', 'PBO')).toEqual([2, 0, 0]); // P1's nausea is not TE
    expect(counts(rows, `SOC:${GI}`, 'MSC5E6')).toEqual([1, 1, 1]);
    expect(counts(rows, 'PT:Headache', 'TOTAL')).toEqual([4, 1, 2]);
    for (const p of terms)
      for (const g of ['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL']) expect(() => counts(rows, p, g)).not.toThrow();
  });

  it('is descriptive only: AE endpoint, SAF, no visit, comparator or method', () => {
    expect(
      rows.every(
        (r) =>
          r.endpoint === 'AE' && r.population === 'SAF' && r.visit === '' && r.comparator === '' && r.method === '',
      ),
    ).toBe(true);
  });

  it('writes, when blinded, the TOTAL rows alone with the same values and terms', () => {
    const blinded = analyzeSafety(adsl.map(blind), adae, settings(), true);
    expect(blinded.every((r) => r.group === 'TOTAL')).toBe(true);
    expect(blinded).toEqual(rows.filter((r) => r.group === 'TOTAL'));
  });

  it('gives an empty prop, not NaN, for a group with no SAF subject', () => {
    const noH = adsl.filter((s) => s.USUBJID !== 'H1');
    const r = analyzeSafety(
      noH,
      adae.filter((e) => e.USUBJID !== 'H1'),
      settings(),
      false,
    );
    expect(counts(r, 'TEAE', 'MSC5E6')).toEqual([0, 0, 0]);
    expect(r.find((x) => x.param === 'TEAE' && x.group === 'MSC5E6' && x.stat === 'prop')?.value).toBeNull();
  });
});

// R reference: test/fixtures/safety/make-safety.R (base R on the sample lock's ae/dm/ex CSVs and the
// randomization file). Counts exact; proportions within 1e-12 relative (R prints 15 significant digits).
describe('AE rows of the sample lock against R', async () => {
  const ref = readReference(new URL('../fixtures/safety/safety-sample.json', import.meta.url));
  const { result } = await sampleRun('unblinded');

  it('has exactly the rows and values of the R reference (12 SOCs, 22 PTs in every group)', () => {
    expect(ref.filter((r) => r.endpoint === 'AE').length).toBe(4 * 4 * (6 + 3 + 12 + 22));
    expect(referenceDifferences(result.ard, ref, 'AE', 1e-12)).toEqual([]);
  });

  it('writes, when blinded, the unblinded TOTAL rows and nothing else', async () => {
    const blinded = (await sampleRun('blinded')).result.ard.filter((r) => r.endpoint === 'AE');
    expect(blinded).toEqual(result.ard.filter((r) => r.endpoint === 'AE' && r.group === 'TOTAL'));
  });
});
