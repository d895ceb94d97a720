import { describe, expect, it } from 'vitest';
import { computeEndOfStudy, computeRandomizationDate, isWithdrawnBefore } from '../../src/derive/disposition.js';
import { ds, onDay, settings } from './helpers.js';

const s = settings();

describe('computeEndOfStudy', () => {
  it('is ONGOING without a disposition event, COMPLETED or DISCONTINUED with its reason otherwise', () => {
    const rand = ds('S1', 'PROTOCOL MILESTONE', 'RANDOMIZED', -1);
    expect(computeEndOfStudy([rand], s)).toEqual({ EOSSTT: 'ONGOING', DCSREAS: null, EOSDT: null });
    expect(computeEndOfStudy([rand, ds('S1', 'DISPOSITION EVENT', 'COMPLETED', 364)], s)).toEqual({
      EOSSTT: 'COMPLETED',
      DCSREAS: null,
      EOSDT: onDay(364),
    });
    expect(computeEndOfStudy([rand, ds('S1', 'DISPOSITION EVENT', 'DEATH', 50)], s)).toEqual({
      EOSSTT: 'DISCONTINUED',
      DCSREAS: 'DEATH',
      EOSDT: onDay(50),
    });
  });

  it('reads the randomization date from the milestone', () => {
    expect(computeRandomizationDate([ds('S1', 'PROTOCOL MILESTONE', 'RANDOMIZED', -4)], s)).toBe(onDay(-4));
    expect(computeRandomizationDate([ds('S1', 'PROTOCOL MILESTONE', 'INFORMED CONSENT OBTAINED', -30)], s)).toBeNull();
  });
});

describe('isWithdrawnBefore', () => {
  it('is strict: a discontinuation on the date itself is not before it; completion never is', () => {
    const disc = { EOSSTT: 'DISCONTINUED', DCSREAS: 'OTHER', EOSDT: onDay(100) } as const;
    expect(isWithdrawnBefore(disc, onDay(101))).toBe(true);
    expect(isWithdrawnBefore(disc, onDay(100))).toBe(false);
    expect(isWithdrawnBefore({ EOSSTT: 'COMPLETED', DCSREAS: null, EOSDT: onDay(50) }, onDay(100))).toBe(false);
  });
});
