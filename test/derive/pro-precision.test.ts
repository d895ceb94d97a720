import { describe, expect, it } from 'vitest';
import {
  computeCollectedPrecision,
  computeCollectedPrecisions,
  computeProPrecision,
  proPrecisionFrom,
  proPrecisionPairs,
} from '../../src/derive/pro-precision.js';
import { qs, settings } from './helpers.js';

// SAP §4.9 / C1: d of a transferred score = most decimals collected; PROMIS T-scores and LIT d = 1.
describe('computeProPrecision', () => {
  const rows = [
    qs('S1', 2, 0, { QSCAT: 'SF-36 V2', QSTESTCD: 'SF36PCS', QSSTRESN: 40.5, QSSTRESN_DEC: 1 }),
    qs('S1', 5, 84, { QSCAT: 'SF-36 V2', QSTESTCD: 'SF36PCS', QSSTRESN: 40.25, QSSTRESN_DEC: 2 }),
    qs('S1', 8, 168, { QSCAT: 'SF-36 V2', QSTESTCD: 'SF36PCS', QSSTAT: 'NOT DONE' }),
    qs('S1', 2, 0, { QSCAT: 'LUPUSPRO', QSTESTCD: 'LPROLS', QSSTRESN: 71, QSSTRESN_DEC: 1 }),
  ];

  it('takes the most decimals among the collected values of one score', () => {
    expect(computeCollectedPrecision(rows, 'SF-36 V2', 'SF36PCS')).toBe(2);
    expect(computeCollectedPrecision(rows, 'LUPUSPRO', 'LPROLS')).toBe(1); // "71.0" is written with 1 decimal
    expect(computeCollectedPrecision(rows, 'SF-36 V2', 'SF36MCS')).toBe(0); // no value at all
  });

  it('gives every PRO score a precision, derived scores from the settings', () => {
    const d = computeProPrecision(rows, settings());
    expect(d.size).toBe(28);
    expect([d.get('SF36PCS'), d.get('LPROLS'), d.get('PROMISFAT'), d.get('PROMISDEP'), d.get('LIT')]).toEqual([
      2, 1, 1, 1, 1,
    ]);
  });

  it('proPrecisionFrom: the same from precisions collected for more pairs than proPrecisionPairs', () => {
    const wanted = proPrecisionPairs(settings());
    expect([...wanted.keys()]).toEqual(['SF-36 V2', 'LUPUSPRO']);
    wanted.set('PGA', ['PGA']);
    expect(proPrecisionFrom(computeCollectedPrecisions(rows, wanted), settings())).toEqual(
      computeProPrecision(rows, settings()),
    );
  });

  it('caps a collected d at display.maxDataPrecision (SAP §4.9, C13)', () => {
    const long = [
      ...rows,
      qs('S1', 5, 84, { QSCAT: 'SF-36 V2', QSTESTCD: 'SF36MCS', QSSTRESN: 40.25, QSSTRESN_DEC: 21 }),
    ];
    const d = computeProPrecision(long, settings());
    expect([d.get('SF36MCS'), d.get('SF36PCS')]).toEqual([3, 2]);
  });

  it('gives in one pass what computeCollectedPrecision gives pair by pair (0 for a pair without rows)', () => {
    const wanted = new Map([
      ['SF-36 V2', ['SF36PCS', 'SF36MCS']],
      ['LUPUSPRO', ['LPROLS']],
      ['PGA', ['PGA']],
    ]);
    const d = computeCollectedPrecisions(rows, wanted);
    for (const [qscat, tests] of wanted) {
      for (const t of tests) expect(d.get(qscat)?.get(t)).toBe(computeCollectedPrecision(rows, qscat, t));
    }
    expect([...(d.get('SF-36 V2')?.entries() ?? [])]).toEqual([
      ['SF36PCS', 2],
      ['SF36MCS', 0],
    ]);
  });
});
