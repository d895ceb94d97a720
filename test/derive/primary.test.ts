import { describe, expect, it } from 'vitest';
import { derivePrimary, toPrimaryDatasets } from '../../src/derive/primary.js';
import { bilag, cm, dm, ds, ex, onDay, pga, settings, sledai, sv } from './helpers.js';

const s = settings();
// A responder (SLEDAI 12 → 8, BILAG unchanged, PGA +0.10, 5 mg/day) and a subject never infused.
const lock = {
  dm: [dm('S1'), dm('S2', { RFSTDTC: null, RFENDTC: null })],
  ds: [ds('S1', 'PROTOCOL MILESTONE', 'RANDOMIZED', -2), ds('S2', 'PROTOCOL MILESTONE', 'RANDOMIZED', -2)],
  ex: [ex('S1'), ex('S2', 'N')],
  sv: [sv('S1', 2, 0), sv('S1', 7, 140), sv('S1', 8, 168)],
  qs: [
    ...sledai('S1', 2, 0, ['SLED09', 'SLED13', 'SLED20', 'SLED21']),
    ...sledai('S1', 8, 168, ['SLED09', 'SLED13']),
    ...bilag('S1', 2, 0, 'EEECEEEEE'),
    ...bilag('S1', 8, 168, 'EEECEEEEE'),
    pga('S1', 2, 0, 1.2),
    pga('S1', 8, 168, 1.3),
  ],
  cm: [cm('S1', { CMDOSE: 5, CMSTDTC: onDay(-10), CMENDTC: null, CMENRTPT: 'ONGOING' })],
};

describe('derivePrimary', () => {
  it('chains the derivations: ADSL for everyone, SRI-4 for the FAS', () => {
    const d = derivePrimary(lock, { kind: 'blinded' }, s);
    expect(d.blinded).toBe(true);
    expect(d.adsl.map((r) => r.FASFL)).toEqual(['Y', 'N']);
    expect(d.sri4.map((r) => [r.USUBJID, r.SRI4FL])).toEqual([['S1', 'Y']]);
    expect(d.bilagBaseline).toHaveLength(18);
  });

  it('gives every dataset a distinct name and rows that hold exactly its columns', () => {
    const sets = toPrimaryDatasets(derivePrimary(lock, { kind: 'blinded' }, s), s);
    expect(sets.map((x) => x.name)).toEqual([
      'adsl',
      'adsled',
      'adbilag',
      'adpga',
      'adsdi',
      'adcm',
      'adcsdose',
      'adsri4',
    ]);
    for (const set of sets) for (const row of set.rows) expect(Object.keys(row)).toEqual([...set.columns]);
  });
});
