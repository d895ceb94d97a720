import { describe, expect, it } from 'vitest';
import { deriveSteroidDoses, type SteroidDoseProfile } from '../../src/derive/steroid-profile.js';
import {
  computeCumulativeDose,
  computeFollowUpEnd,
  computeSteroidDiscontinuation,
  deriveSteroidSparing,
  toSteroidDiscontinuationTte,
  toSteroidSparingDataset,
} from '../../src/derive/steroid-sparing.js';
import { cm, DAY0, dm, onDay, settings } from './helpers.js';
import { datasetContext } from '../helpers/dataset-context.js';

const s = settings();
const MIN = s.analysis.steroidDiscontinuationMinDays;

/** A profile from day −60 to `lastDay` whose dose on day d is `dose(d)`. */
function profile(lastDay: number, dose: (d: number) => number): SteroidDoseProfile {
  const doses: number[] = [];
  for (let d = -60; d <= lastDay; d++) doses.push(dose(d));
  return { USUBJID: 'S1', firstDay: -60, lastDay, doses };
}
const disc = (p: SteroidDoseProfile) =>
  computeSteroidDiscontinuation(p, computeFollowUpEnd(p, s.analysis.followUpEndDay), MIN);

describe('computeSteroidDiscontinuation: the SAP §5.8 examples (E = 364 unless said)', () => {
  it('A: 0 from day 150 → discontinued at t = 150', () => {
    expect(disc(profile(364, (d) => (d < 150 ? 10 : 0)))).toEqual({
      lastDoseDay: 149,
      stopDay: 150,
      daysOff: 215,
      discontinued: true,
      time: 150,
    });
  });

  it('B: 0 from day 340 → 25 days: not discontinued, censored at 364', () => {
    expect(disc(profile(364, (d) => (d < 340 ? 10 : 0)))).toMatchObject({
      stopDay: 340,
      daysOff: 25,
      discontinued: false,
      time: 364,
    });
  });

  it('C: a restart after a zero stretch moves t after the last dose (t = 201)', () => {
    const p = profile(364, (d) => (d < 100 || (d >= 181 && d <= 200) ? 10 : 0));
    expect(disc(p)).toMatchObject({ lastDoseDay: 200, stopDay: 201, discontinued: true, time: 201 });
  });

  it('D: withdrawal, RFENDTC on day 120, 0 from day 90 → E = 120, t = 90 (31 days)', () => {
    const p = profile(120, (d) => (d < 90 ? 10 : 0));
    expect(computeFollowUpEnd(p, 364)).toBe(120);
    expect(disc(p)).toMatchObject({ stopDay: 90, daysOff: 31, discontinued: true, time: 90 });
  });

  it('E: the 28-day boundary: E − t + 1 = 28 counts, 27 does not', () => {
    expect(disc(profile(364, (d) => (d < 337 ? 10 : 0)))).toMatchObject({
      stopDay: 337,
      daysOff: 28,
      discontinued: true,
      time: 337,
    });
    expect(disc(profile(364, (d) => (d < 338 ? 10 : 0)))).toMatchObject({
      stopDay: 338,
      daysOff: 27,
      discontinued: false,
      time: 364,
    });
  });

  it('ignores doses after day 364 and finds no stop when the dose is > 0 on day E', () => {
    expect(disc(profile(400, (d) => (d < 200 || d > 370 ? 5 : 0)))).toMatchObject({
      stopDay: 200,
      discontinued: true,
      time: 200,
    });
    expect(disc(profile(364, () => 5))).toEqual({
      lastDoseDay: 364,
      stopDay: null,
      daysOff: 0,
      discontinued: false,
      time: 364,
    });
  });

  it('takes t = 1 when only Day 0 has a dose', () => {
    expect(disc(profile(364, (d) => (d === 0 ? 40 : 0)))).toMatchObject({
      lastDoseDay: 0,
      stopDay: 1,
      daysOff: 364,
      discontinued: true,
      time: 1,
    });
  });
});

describe('computeCumulativeDose', () => {
  it('sums days 0…E only: doses before Day 0 and after E do not count', () => {
    // 20 mg on days −10…5 → 6 days × 20 = 120 from Day 0; 7.5 mg on days 360…380 → 5 days × 7.5 within E.
    const p = profile(380, (d) => (d >= -10 && d <= 5 ? 20 : d >= 360 ? 7.5 : 0));
    expect(computeCumulativeDose(p, 364)).toBe(120 + 37.5);
  });
});

describe('deriveSteroidSparing (from lock rows through the dose profile)', () => {
  const run = (lock: Parameters<typeof deriveSteroidDoses>[0]) =>
    deriveSteroidSparing(deriveSteroidDoses(lock, s).profiles, s);

  it('runs an ONGOING record to RFENDTC: no discontinuation, censored at RFENDTC’s day', () => {
    const [r] = run({
      dm: [dm('S1', { RFENDTC: onDay(200) })],
      cm: [cm('S1', { CMDOSE: 7.5, CMSTDTC: onDay(-30), CMENDTC: null, CMENRTPT: 'ONGOING' })],
    });
    expect(r).toMatchObject({
      CSDOSE0: 7.5,
      CSUSE0FL: 'Y',
      FUENDDY: 200,
      CSLASTDY: 200,
      CSSTOPDY: null,
      CSDISCFL: 'N',
      TTDISCDY: 200,
      TTDISCCN: 1,
      CSCUM: 201 * 7.5,
    });
  });

  it('counts 70 mg once weekly as exactly 10 mg/day (days 0…336: 3370 mg) and stops 28 days before E', () => {
    const [r] = run({
      dm: [dm('S1')],
      cm: [cm('S1', { CMDOSE: 70, CMDOSFRQ: 'QW', CMSTDTC: onDay(-7), CMENDTC: onDay(336) })],
    });
    expect(r).toMatchObject({
      CSDOSE0: 10,
      CSSTOPDY: 337,
      CSOFFDUR: 28,
      CSDISCFL: 'Y',
      TTDISCDY: 337,
      TTDISCCN: 0,
      CSCUM: 3370,
    });
  });

  it('leaves a subject off steroids at Day 0 out of discontinuation but counts the cumulative dose', () => {
    const [r] = run({ dm: [dm('S1')], cm: [cm('S1', { CMDOSE: 5, CMSTDTC: onDay(10), CMENDTC: onDay(19) })] });
    expect(r).toMatchObject({ CSDOSE0: 0, CSUSE0FL: 'N', CSDISCFL: null, TTDISCDY: null, TTDISCCN: null, CSCUM: 50 });
  });

  it('has a record for every infused subject (0 without steroids) and none for a subject never infused', () => {
    const rows = run({ dm: [dm('S1'), dm('S2', { RFSTDTC: null, RFENDTC: null })], cm: [] });
    expect(rows.map((r) => [r.USUBJID, r.CSCUM, r.CSUSE0FL])).toEqual([['S1', 0, 'N']]);
    expect(toSteroidSparingDataset(rows, datasetContext(['S1'], s)).rows[0]).toMatchObject({
      USUBJID: 'S1',
      CSCUM: 0,
      CSDISCFL: null,
    });
  });
});

describe('toSteroidDiscontinuationTte', () => {
  it('writes TTCSDISC records (CNSR 0 event, 1 censored) for subjects on steroids at Day 0 only', () => {
    const rows = deriveSteroidSparing(
      deriveSteroidDoses(
        {
          dm: [dm('S1'), dm('S2'), dm('S3')],
          cm: [
            cm('S1', { CMDOSE: 10, CMSTDTC: onDay(-5), CMENDTC: onDay(149) }),
            cm('S2', { CMDOSE: 10, CMSTDTC: onDay(-5), CMENDTC: null, CMENRTPT: 'ONGOING' }),
          ],
        },
        s,
      ).profiles,
      s,
    );
    const tte = toSteroidDiscontinuationTte(
      rows,
      new Map([
        ['S1', DAY0],
        ['S2', DAY0],
        ['S3', DAY0],
      ]),
    );
    expect(tte.map((r) => [r.USUBJID, r.PARAMCD, r.AVAL, r.CNSR, r.ADT])).toEqual([
      ['S1', 'TTCSDISC', 150, 0, onDay(150)],
      ['S2', 'TTCSDISC', 364, 1, onDay(364)],
    ]);
  });
});
