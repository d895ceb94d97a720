import { describe, expect, it } from 'vitest';
import { analyzeDisposition, discontinuationReasons } from '../../src/analyze/disposition.js';
import type { ArdRow } from '../../src/ard/types.js';
import { adslRecord, blind } from '../helpers/adsl-record.js';
import { readReference, referenceDifferences } from '../helpers/ard-reference.js';
import { sampleRun } from '../helpers/sample-run.js';

/**
 * Hand-worked ENR (by randomized arm):
 * - A (PBO) completed; B (PBO) discontinued, LOST TO FOLLOW-UP; C (PBO) still in the study (no event);
 * - D (MSC1E6) never infused, discontinued, WITHDRAWAL BY SUBJECT;
 * - E (MSC5E6) infused as MSC1E6 (disposition goes by randomized arm), discontinued, ADVERSE EVENT.
 */
const adsl = [
  adslRecord('A'),
  adslRecord('B', { EOSSTT: 'DISCONTINUED', DCSREAS: 'LOST TO FOLLOW-UP' }),
  adslRecord('C', { EOSSTT: 'ONGOING', EOSDT: null }),
  adslRecord('D', {
    ARMCD: 'MSC1E6',
    ACTARMCD: null,
    INFFL: 'N',
    FASFL: 'N',
    SAFFL: 'N',
    EOSSTT: 'DISCONTINUED',
    DCSREAS: 'WITHDRAWAL BY SUBJECT',
  }),
  adslRecord('E', { ARMCD: 'MSC5E6', ACTARMCD: 'MSC1E6', EOSSTT: 'DISCONTINUED', DCSREAS: 'ADVERSE EVENT' }),
];

const n = (rows: readonly ArdRow[], param: string, group: string) => {
  const hit = rows.filter((r) => r.param === param && r.group === group && r.stat === 'n');
  if (hit.length !== 1) throw new Error(`${hit.length} rows for ${param} ${group}`);
  return hit[0]!.value;
};

describe('analyzeDisposition on a hand-worked ENR', () => {
  const rows = analyzeDisposition(adsl, false);

  it('counts randomized, infused, completed and discontinued subjects by randomized arm', () => {
    expect(['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'].map((g) => n(rows, 'RANDOMIZED', g))).toEqual([3, 1, 1, 5]);
    expect(['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'].map((g) => n(rows, 'INFUSED', g))).toEqual([3, 0, 1, 4]);
    expect(['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'].map((g) => n(rows, 'COMPLETED', g))).toEqual([1, 0, 0, 1]);
    expect(['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'].map((g) => n(rows, 'DISCONTINUED', g))).toEqual([1, 1, 1, 3]);
  });

  it('counts a subject still in the study in neither completed nor discontinued (SAP §12 C12)', () => {
    expect(n(rows, 'COMPLETED', 'PBO')! + n(rows, 'DISCONTINUED', 'PBO')!).toBe(2); // of 3 randomized
  });

  it('writes every reason that occurs in every group, 0 where none, and no other', () => {
    const reasons = [...new Set(rows.map((r) => r.param).filter((p) => p.startsWith('DISC:')))].sort();
    expect(reasons).toEqual(['DISC:ADVERSE EVENT', 'DISC:LOST TO FOLLOW-UP', 'DISC:WITHDRAWAL BY SUBJECT']);
    expect(['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'].map((g) => n(rows, 'DISC:ADVERSE EVENT', g))).toEqual([0, 0, 1, 1]);
    expect(['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'].map((g) => n(rows, 'DISC:LOST TO FOLLOW-UP', g))).toEqual([1, 0, 0, 1]);
  });

  it('gives N (ENR of the group) and prop beside n', () => {
    const row = (stat: string) =>
      rows.find((r) => r.param === 'INFUSED' && r.group === 'PBO' && r.stat === stat)?.value;
    expect([row('N'), row('n'), row('prop')]).toEqual([3, 3, 1]);
    expect(
      rows.every((r) => r.endpoint === 'DISPOSITION' && r.population === 'ENR' && r.visit === '' && r.method === ''),
    ).toBe(true);
  });

  it('writes, when blinded, the TOTAL rows alone', () => {
    const blinded = analyzeDisposition(adsl.map(blind), true);
    expect(blinded).toEqual(rows.filter((r) => r.group === 'TOTAL'));
  });

  it('lists the reasons of discontinued subjects only, sorted', () => {
    expect(discontinuationReasons(adsl)).toEqual(['ADVERSE EVENT', 'LOST TO FOLLOW-UP', 'WITHDRAWAL BY SUBJECT']);
    expect(discontinuationReasons([adslRecord('A')])).toEqual([]);
  });
});

// R reference: test/fixtures/safety/make-safety.R (base R on the sample lock's ds/ex CSVs and the
// randomization file). Counts exact; proportions within 1e-12 relative.
describe('DISPOSITION rows of the sample lock against R', async () => {
  const ref = readReference(new URL('../fixtures/safety/safety-sample.json', import.meta.url));
  const { result } = await sampleRun('unblinded');

  it('has exactly the rows and values of the R reference (7 discontinuation reasons)', () => {
    expect(ref.filter((r) => r.endpoint === 'DISPOSITION').length).toBe(4 * 3 * (4 + 7));
    expect(referenceDifferences(result.ard, ref, 'DISPOSITION', 1e-12)).toEqual([]);
  });

  it('writes, when blinded, the unblinded TOTAL rows and nothing else', async () => {
    const blinded = (await sampleRun('blinded')).result.ard.filter((r) => r.endpoint === 'DISPOSITION');
    expect(blinded).toEqual(result.ard.filter((r) => r.endpoint === 'DISPOSITION' && r.group === 'TOTAL'));
  });
});
