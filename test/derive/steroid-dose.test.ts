import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/dates.js';
import {
  computeActiveInterval,
  computePrednisoneEquivalentDose,
  isSystemicCorticosteroid,
  roundDose,
} from '../../src/derive/steroid-dose.js';
import { settings } from './helpers.js';

const QD = { kind: 'rate', administrations: 1, days: 1 } as const;
const QW = { kind: 'rate', administrations: 1, days: 7 } as const;
const QOD = { kind: 'rate', administrations: 1, days: 2 } as const;
const BID = { kind: 'rate', administrations: 2, days: 1 } as const;
const ONCE = { kind: 'once' } as const;
const n = dayNumber;

describe('isSystemicCorticosteroid', () => {
  it('keeps oral, IV and IM corticosteroids only (SAP §4)', () => {
    const s = settings();
    expect(isSystemicCorticosteroid({ CMCAT: 'CORTICOSTEROID', CMROUTE: 'INTRAMUSCULAR' }, s)).toBe(true);
    expect(isSystemicCorticosteroid({ CMCAT: 'CORTICOSTEROID', CMROUTE: 'TOPICAL' }, s)).toBe(false);
    expect(isSystemicCorticosteroid({ CMCAT: 'CORTICOSTEROID', CMROUTE: 'INTRA-ARTICULAR' }, s)).toBe(false);
    expect(isSystemicCorticosteroid({ CMCAT: 'ANTIMALARIAL', CMROUTE: 'ORAL' }, s)).toBe(false);
  });
});

describe('computePrednisoneEquivalentDose and roundDose', () => {
  // Hand-worked: dose × factor × administrations ÷ days; compared after rounding to 9 decimals.
  it('makes 70 mg prednisone QW exactly 10 mg/day', () => {
    expect(roundDose(computePrednisoneEquivalentDose(70, 1, QW), 9)).toBe(10);
  });

  it('makes 8.4 mg methylprednisolone QD 10.5 mg/day (factor 1.25)', () => {
    expect(roundDose(computePrednisoneEquivalentDose(8.4, 1.25, QD), 9)).toBe(10.5);
  });

  it('halves a QOD dose, doubles a BID dose, keeps a ONCE dose whole', () => {
    expect(computePrednisoneEquivalentDose(20, 1, QOD)).toBe(10);
    expect(computePrednisoneEquivalentDose(2.5, 1, BID)).toBe(5);
    expect(computePrednisoneEquivalentDose(40, 1.25, ONCE)).toBe(50);
  });

  it('rounds half away from zero at 9 decimals and removes sub-ulp noise', () => {
    expect(roundDose(0.1 + 0.2, 9)).toBe(0.3);
    expect(roundDose((10 / 7) * 7, 9)).toBe(10);
    expect(roundDose(2.0000000005, 9)).toBe(2.000000001);
  });
});

describe('computeActiveInterval', () => {
  const rfend = n('2025-12-31');

  it('runs from start to end inclusive for full dates', () => {
    expect(computeActiveInterval({ CMSTDTC: '2025-02-01', CMENDTC: '2025-02-10' }, false, rfend)).toEqual({
      start: n('2025-02-01'),
      startFlag: null,
      end: n('2025-02-10'),
      endFlag: null,
      endFromRfend: false,
    });
  });

  it('imputes a partial start to the first day and a partial end to the last day', () => {
    expect(computeActiveInterval({ CMSTDTC: '2024-11', CMENDTC: '2025-02' }, false, rfend)).toEqual({
      start: n('2024-11-01'),
      startFlag: 'D',
      end: n('2025-02-28'),
      endFlag: 'D',
      endFromRfend: false,
    });
    expect(computeActiveInterval({ CMSTDTC: '2024', CMENDTC: '2024' }, false, rfend)).toMatchObject({
      start: n('2024-01-01'),
      startFlag: 'M',
      end: n('2024-12-31'),
      endFlag: 'M',
    });
  });

  it('never lets a partial end go beyond RFENDTC', () => {
    expect(computeActiveInterval({ CMSTDTC: '2025-12-01', CMENDTC: '2025-12' }, false, n('2025-12-15'))).toMatchObject({
      end: n('2025-12-15'),
      endFlag: 'D',
      endFromRfend: true,
    });
  });

  it('runs an ONGOING record (no end) to RFENDTC', () => {
    expect(computeActiveInterval({ CMSTDTC: '2025-03-01', CMENDTC: null }, false, rfend)).toMatchObject({
      end: rfend,
      endFromRfend: true,
    });
  });

  it('makes a ONCE record active on its start day only', () => {
    expect(computeActiveInterval({ CMSTDTC: '2025-03', CMENDTC: '2025-03-20' }, true, rfend)).toMatchObject({
      start: n('2025-03-01'),
      end: n('2025-03-01'),
    });
  });

  it('is null for an end before the start', () => {
    expect(computeActiveInterval({ CMSTDTC: '2025-03-02', CMENDTC: '2025-03-01' }, false, rfend)).toBeNull();
  });
});
