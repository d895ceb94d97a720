import { describe, expect, it } from 'vitest';
import {
  computeDoseRuns,
  deriveSteroidDoses,
  doseOnDay,
  maxDoseBetween,
  toDoseProfileDataset,
  toSteroidRecordDataset,
} from '../../src/derive/steroid-profile.js';
import { cm, dm, onDay, settings } from './helpers.js';
import { datasetContext } from '../helpers/dataset-context.js';

// Expected daily doses worked by hand from the SAP synopsis §4 (Day 0 = 2025-01-01, RFENDTC = day 364).
const s = settings();
const doses = (lock: Parameters<typeof deriveSteroidDoses>[0], days: number[]) => {
  const p = deriveSteroidDoses(lock, s).profiles.get('S1');
  if (!p) throw new Error('no profile');
  return days.map((d) => doseOnDay(p, d));
};

describe('deriveSteroidDoses', () => {
  it('adds overlapping records on the shared days (a taper step not starting the day after)', () => {
    const lock = {
      dm: [dm('S1')],
      cm: [
        cm('S1', { CMDOSE: 20, CMSTDTC: onDay(-10), CMENDTC: onDay(5) }),
        cm('S1', { CMDOSE: 15, CMSTDTC: onDay(5), CMENDTC: onDay(20) }),
      ],
    };
    expect(doses(lock, [-11, -10, 4, 5, 6, 20, 21])).toEqual([0, 20, 20, 35, 15, 15, 0]);
  });

  it('runs an ONGOING record to RFENDTC and stops the profile there', () => {
    const lock = {
      dm: [dm('S1', { RFENDTC: onDay(300) })],
      cm: [cm('S1', { CMDOSE: 7.5, CMSTDTC: onDay(100), CMENDTC: null, CMENRTPT: 'ONGOING' })],
    };
    expect(doses(lock, [99, 100, 300, 301])).toEqual([0, 7.5, 7.5, null]);
  });

  it('handles QOD as half the dose every day and ONCE on its start day only', () => {
    const lock = {
      dm: [dm('S1')],
      cm: [
        cm('S1', { CMDOSE: 10, CMDOSFRQ: 'QOD', CMSTDTC: onDay(1), CMENDTC: onDay(3) }),
        cm('S1', {
          CMDECOD: 'METHYLPREDNISOLONE',
          CMDOSE: 500,
          CMDOSFRQ: 'ONCE',
          CMROUTE: 'INTRAVENOUS',
          CMSTDTC: onDay(2),
          CMENDTC: onDay(4),
        }),
      ],
    };
    expect(doses(lock, [0, 1, 2, 3, 4])).toEqual([0, 5, 630, 5, 0]);
  });

  it('imputes partial dates: start → first of month, end → last of month capped at RFENDTC', () => {
    // Day 0 = 2025-01-01; 2024-12 starts at day −31; end 2025-01 → 2025-01-31 = day 30.
    const lock = {
      dm: [dm('S1', { RFENDTC: onDay(20) })],
      cm: [cm('S1', { CMDOSE: 10, CMSTDTC: '2024-12', CMENDTC: '2025-01' })],
    };
    const d = deriveSteroidDoses(lock, s);
    expect(doses(lock, [-32, -31, 20, 21])).toEqual([0, 10, 10, null]);
    expect(d.records[0]).toMatchObject({ ASTDY: -31, ASTDTF: 'D', AENDY: 20, AENDTF: 'D', AENRFFL: true });
  });

  it('ignores non-systemic routes and other categories; dexamethasone factor 6.67', () => {
    const lock = {
      dm: [dm('S1')],
      cm: [
        cm('S1', { CMROUTE: 'TOPICAL', CMDOSE: 100, CMSTDTC: onDay(0), CMENDTC: onDay(10) }),
        cm('S1', {
          CMCAT: 'ANTIMALARIAL',
          CMDECOD: 'HYDROXYCHLOROQUINE',
          CMDOSE: 200,
          CMSTDTC: onDay(0),
          CMENDTC: onDay(10),
        }),
        cm('S1', { CMDECOD: 'DEXAMETHASONE', CMDOSE: 1.5, CMSTDTC: onDay(0), CMENDTC: onDay(0) }),
      ],
    };
    expect(doses(lock, [0, 1])).toEqual([10.005, 0]);
  });

  it('makes 70 mg QW exactly 10 and 8.4 mg methylprednisolone 10.5 in the profile', () => {
    const lock = {
      dm: [dm('S1')],
      cm: [
        cm('S1', { CMDOSE: 70, CMDOSFRQ: 'QW', CMSTDTC: onDay(0), CMENDTC: onDay(6) }),
        cm('S1', { CMDECOD: 'METHYLPREDNISOLONE', CMDOSE: 8.4, CMSTDTC: onDay(7), CMENDTC: onDay(7) }),
      ],
    };
    expect(doses(lock, [0, 6, 7])).toEqual([10, 10, 10.5]);
  });

  it('has no profile for a subject never infused; starts the profile at the settings first day', () => {
    const lock = { dm: [dm('S1'), dm('S2', { RFSTDTC: null, RFENDTC: null })], cm: [] };
    const d = deriveSteroidDoses(lock, s);
    expect([...d.profiles.keys()]).toEqual(['S1']);
    expect(d.profiles.get('S1')).toMatchObject({ firstDay: s.steroids.profileFirstDay, lastDay: 364 });
  });
});

describe('maxDoseBetween and computeDoseRuns', () => {
  const p = { USUBJID: 'S1', firstDay: -2, lastDay: 4, doses: [0, 0, 5, 5, 12.5, 5, 5] };

  it('gives the highest dose of a window, null when the window leaves the profile', () => {
    expect(maxDoseBetween(p, 0, 1)).toBe(5);
    expect(maxDoseBetween(p, 1, 4)).toBe(12.5);
    expect(maxDoseBetween(p, 3, 5)).toBeNull();
  });

  it('compresses the profile into runs of constant dose', () => {
    expect(computeDoseRuns(p).map((r) => [r.fromDay, r.toDay, r.dose])).toEqual([
      [-2, -1, 0],
      [0, 1, 5],
      [2, 2, 12.5],
      [3, 4, 5],
    ]);
  });

  it('writes adcm and adcsdose', () => {
    const lock = {
      dm: [dm('S1')],
      cm: [cm('S1', { CMDOSE: 5, CMSTDTC: onDay(0), CMENDTC: null, CMENRTPT: 'ONGOING' })],
    };
    const d = deriveSteroidDoses(lock, s);
    const ctx = datasetContext(['S1'], s);
    expect(toSteroidRecordDataset(d.records, ctx).rows[0]).toMatchObject({
      PEDOSE: 5,
      ASTDY: 0,
      AENDY: 364,
      AENRFFL: 'Y',
    });
    expect(
      toDoseProfileDataset(d.profiles.values(), ctx).rows.map((r) => [r.USUBJID, r.PARAMCD, r.ASTDY, r.AENDY, r.AVAL]),
    ).toEqual([
      ['S1', 'PEDOSE', -60, -1, 0],
      ['S1', 'PEDOSE', 0, 364, 5],
    ]);
  });
});
