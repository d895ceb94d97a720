import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/dates.js';
import { computeTakenAtDay0, deriveConmedAtDay0, toConmedDataset } from '../../src/derive/conmed.js';
import { adslRecord } from '../helpers/adsl-record.js';
import { datasetContext } from '../helpers/dataset-context.js';
import { defaultSettingsPath, loadSapSettings } from '../../src/sap/index.js';
import { cm, DAY0, onDay } from './helpers.js';

const day0 = dayNumber(DAY0); // 2025-01-01

describe('computeTakenAtDay0 (start ≤ Day 0 ≤ end; partial start → first day, partial end → last day)', () => {
  const at = (CMSTDTC: string, CMENDTC: string | null) => computeTakenAtDay0({ CMSTDTC, CMENDTC }, day0);

  it('full dates: ending on Day 0 or starting on it counts; ending the day before or starting the day after does not', () => {
    expect(at(onDay(-10), onDay(0))).toBe(true);
    expect(at(onDay(0), onDay(5))).toBe(true);
    expect(at(onDay(-10), onDay(-1))).toBe(false);
    expect(at(onDay(1), onDay(5))).toBe(false);
  });

  it('an empty end is ongoing', () => {
    expect(at(onDay(-100), null)).toBe(true);
    expect(at(onDay(1), null)).toBe(false);
  });

  it('partial start: the first day of its month or year (2025-01 and 2025 both start on Day 0 here)', () => {
    expect(at('2025-01', onDay(3))).toBe(true);
    expect(at('2025', null)).toBe(true);
    expect(at('2025-02', null)).toBe(false); // first possible day 2025-02-01 is after Day 0
  });

  it('partial end: the last day of its month or year (2024-12 ends the day before Day 0; 2025-01 covers it)', () => {
    expect(at(onDay(-60), '2024-12')).toBe(false);
    expect(at(onDay(-60), '2025-01')).toBe(true);
    expect(at('2024', '2024')).toBe(false);
    expect(at('2024', '2025')).toBe(true);
  });
});

describe('deriveConmedAtDay0', () => {
  it('flags every CM row of an infused subject; a subject without Day 0 gets no flag', () => {
    const rows = [
      cm('S1', { CMSEQ: 1, CMCAT: 'ANTIMALARIAL', CMDECOD: 'HYDROXYCHLOROQUINE', CMSTDTC: '2024-06', CMENDTC: null }),
      cm('S1', { CMSEQ: 2, CMSTDTC: onDay(-30), CMENDTC: '2024-12' }),
      cm('S2', { CMSEQ: 1, CMSTDTC: onDay(-30), CMENDTC: null }),
    ];
    const adsl = [
      adslRecord('S1', { TRTSDT: DAY0 }),
      adslRecord('S2', { TRTSDT: null, INFFL: 'N', SAFFL: 'N', FASFL: 'N' }),
    ];
    const out = deriveConmedAtDay0(rows, adsl);
    expect(out.map((r) => [r.USUBJID, r.CMSEQ, r.ASTDY, r.AENDY, r.D0FL])).toEqual([
      ['S1', 1, -214, null, 'Y'], // 2024-06-01 is day −214
      ['S1', 2, -30, -1, 'N'], // end 2024-12 → 2024-12-31, day −1
      ['S2', 1, null, null, null],
    ]);
    expect(
      toConmedDataset(out, datasetContext(['S1', 'S2'], loadSapSettings(defaultSettingsPath()))).rows[0],
    ).toMatchObject({ USUBJID: 'S1', CMCAT: 'ANTIMALARIAL', D0FL: 'Y', CMENDTC: null });
  });
});
