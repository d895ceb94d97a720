import { describe, expect, it } from 'vitest';
import { analyzeSafetyDetail } from '../../src/analyze/safety-detail.js';
import type { ArdRow } from '../../src/ard/types.js';
import { deriveAdae } from '../../src/derive/adae.js';
import { settings } from '../derive/helpers.js';
import { adslRecord, blind } from '../helpers/adsl-record.js';
import { aeRow } from '../helpers/ae-row.js';
import { readReference, referenceDifferences } from '../helpers/ard-reference.js';
import { sampleRun } from '../helpers/sample-run.js';

/**
 * Hand-worked SAF (Day 0 = 2025-01-05): P1 (PBO) Headache MILD related + Headache SEVERE serious;
 * P2 (PBO) Nausea MODERATE; M1 (infused MSC1E6) Headache MODERATE possibly related; X1 never infused.
 */
const adsl = [
  adslRecord('P1'),
  adslRecord('P2'),
  adslRecord('M1', { ARMCD: 'PBO', ACTARMCD: 'MSC1E6' }),
  adslRecord('X1', { ACTARMCD: null, INFFL: 'N', FASFL: 'N', SAFFL: 'N', TRTSDT: null }),
];
const GI = 'Gastrointestinal disorders';
const NS = 'Nervous system disorders';
const adae = deriveAdae(
  {
    ae: [
      aeRow('P1', '2025-01-06', { AEREL: 'RELATED' }),
      aeRow('P1', '2025-01-07', { AESEV: 'SEVERE', AESER: 'Y' }),
      aeRow('P2', '2025-01-08', { AEDECOD: 'Nausea', AEBODSYS: GI, AESEV: 'MODERATE' }),
      aeRow('M1', '2025-01-09', { AESEV: 'MODERATE', AEREL: 'POSSIBLY RELATED' }),
      aeRow('X1', '2025-01-09', { AESEV: 'SEVERE', AESER: 'Y' }),
    ],
  },
  adsl,
  settings(),
);

const value = (rows: readonly ArdRow[], endpoint: string, param: string, group: string, stat: string) => {
  const hit = rows.filter((r) => r.endpoint === endpoint && r.param === param && r.group === group && r.stat === stat);
  if (hit.length !== 1) throw new Error(`${hit.length} rows for ${endpoint} ${param} ${group} ${stat}`);
  return hit[0]!.value;
};

describe('analyzeSafetyDetail on a hand-worked SAF', () => {
  const rows = analyzeSafetyDetail(adsl, adae, settings(), false);

  it('AESEV: each subject once per term, under its worst severity in that term', () => {
    expect(value(rows, 'AESEV', 'SEVERE|PT:Headache', 'PBO', 'n')).toBe(1);
    expect(value(rows, 'AESEV', 'MILD|PT:Headache', 'PBO', 'n')).toBe(0);
    expect(value(rows, 'AESEV', 'MODERATE|TEAE', 'PBO', 'n')).toBe(1);
    expect(value(rows, 'AESEV', 'MODERATE|TEAE', 'TOTAL', 'n')).toBe(2);
    expect(value(rows, 'AESEV', `MODERATE|SOC:${NS}`, 'MSC1E6', 'prop')).toBe(1);
    expect(value(rows, 'AESEV', 'SEVERE|TEAE', 'TOTAL', 'N')).toBe(3);
  });

  it('AEREL: related if any TEAE of the term is (possibly) related, else not related', () => {
    expect(value(rows, 'AEREL', 'RELATED|PT:Headache', 'PBO', 'n')).toBe(1);
    expect(value(rows, 'AEREL', 'NOT RELATED|PT:Headache', 'PBO', 'n')).toBe(0);
    expect(value(rows, 'AEREL', 'RELATED|PT:Headache', 'MSC1E6', 'n')).toBe(1);
    expect(value(rows, 'AEREL', 'NOT RELATED|TEAE', 'TOTAL', 'n')).toBe(1);
    expect(value(rows, 'AEREL', 'RELATED|TEAE', 'MSC5E6', 'prop')).toBeNull();
  });

  it('AESER: only terms with a serious TEAE in the SAF, in every group, with events', () => {
    const params = [...new Set(rows.filter((r) => r.endpoint === 'AESER').map((r) => r.param))].sort();
    expect(params).toEqual(['PT:Headache', `SOC:${NS}`, 'TEAE']);
    expect([
      value(rows, 'AESER', 'TEAE', 'PBO', 'n'),
      value(rows, 'AESER', 'TEAE', 'PBO', 'events'),
      value(rows, 'AESER', 'TEAE', 'MSC1E6', 'n'),
    ]).toEqual([1, 1, 0]);
  });

  it('writes, when blinded, the TOTAL rows alone', () => {
    expect(analyzeSafetyDetail(adsl.map(blind), adae, settings(), true)).toEqual(
      rows.filter((r) => r.group === 'TOTAL'),
    );
  });
});

// R reference: test/fixtures/safety-detail/make-safety-detail.R (base R on the run's adam/adsl.csv and
// adam/adae.csv). Counts exact; proportions within 1e-12 relative.
describe('AESEV, AEREL, AESER rows of the sample lock against R', async () => {
  const ref = readReference(new URL('../fixtures/safety-detail/safety-detail-sample.json', import.meta.url));
  const { result } = await sampleRun('unblinded');

  it('has exactly the rows and values of the R reference', () => {
    for (const endpoint of ['AESEV', 'AEREL', 'AESER']) {
      expect(ref.some((r) => r.endpoint === endpoint)).toBe(true);
      expect(referenceDifferences(result.ard, ref, endpoint, 1e-12), endpoint).toEqual([]);
    }
  });

  it('writes, when blinded, the unblinded TOTAL rows and nothing else', async () => {
    const blinded = (await sampleRun('blinded')).result.ard.filter((r) => /^AE(SEV|REL|SER)$/.test(r.endpoint));
    expect(blinded).toEqual(result.ard.filter((r) => /^AE(SEV|REL|SER)$/.test(r.endpoint) && r.group === 'TOTAL'));
  });
});
