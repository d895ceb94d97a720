import { describe, expect, it } from 'vitest';
import {
  computeArmDeviation,
  computeStratumDeviation,
  deriveDeviations,
  toDeviationDataset,
} from '../../src/derive/deviations.js';
import { adslRecord, blind } from '../helpers/adsl-record.js';
import { datasetContext } from '../helpers/dataset-context.js';
import { defaultSettingsPath, loadSapSettings } from '../../src/sap/index.js';

describe('deviation flags', () => {
  it('STRATUM: randomized stratum differs from the screening one, or there is no screening stratum', () => {
    expect(computeStratumDeviation('<10', '>=10')).toBe(true);
    expect(computeStratumDeviation(null, '<10')).toBe(true);
    expect(computeStratumDeviation('<10', '<10')).toBe(false);
  });

  it('ARM: infused with another arm than randomized; a subject never infused has no ARM deviation', () => {
    expect(computeArmDeviation(true, 'PBO', 'MSC1E6')).toBe(true);
    expect(computeArmDeviation(true, 'PBO', 'PBO')).toBe(false);
    expect(computeArmDeviation(false, 'PBO', null)).toBe(false);
  });
});

describe('deriveDeviations', () => {
  const adsl = [
    adslRecord('OK'),
    adslRecord('STR', { SCRSLED: 12, STRATUM: '>=10', RANDSTR: '<10', STRATDFL: 'Y' }),
    adslRecord('NOSCR', { SCRSLED: null, STRATUM: null, RANDSTR: '>=10', STRATDFL: null }),
    adslRecord('ARM', { ARMCD: 'MSC5E6', ACTARMCD: 'PBO' }),
    adslRecord('NINF', { INFFL: 'N', FASFL: 'N', SAFFL: 'N', ACTARMCD: null, ACTARM: null, TRTSDT: null }),
  ];

  it('one record per ENR subject with STRATUM, ARM, NOTINFUSED and ANY', () => {
    const out = deriveDeviations(adsl);
    expect(out.map((d) => [d.USUBJID, d.DVSTRFL, d.DVARMFL, d.DVNINFFL, d.DVANYFL])).toEqual([
      ['OK', 'N', 'N', 'N', 'N'],
      ['STR', 'Y', 'N', 'N', 'Y'],
      ['NOSCR', 'Y', 'N', 'N', 'Y'],
      ['ARM', 'N', 'Y', 'N', 'Y'],
      ['NINF', 'N', 'N', 'Y', 'Y'],
    ]);
    expect(
      toDeviationDataset(
        out,
        datasetContext(
          out.map((r) => r.USUBJID),
          loadSapSettings(defaultSettingsPath()),
        ),
      ).rows[1],
    ).toMatchObject({ USUBJID: 'STR', SCRSLED: 12, STRATUM: '>=10', RANDSTR: '<10' });
  });

  it('is empty in a blinded run (no randomization row: nothing to compare)', () => {
    expect(deriveDeviations(adsl.map(blind))).toEqual([]);
  });
});
