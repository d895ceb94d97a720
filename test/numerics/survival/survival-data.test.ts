import { describe, expect, it } from 'vitest';
import { checkSurvivalData, orderByTime } from '../../../src/numerics/survival/survival-data.js';

describe('checkSurvivalData', () => {
  it('accepts status 0/1 and finite times', () => {
    expect(() => checkSurvivalData({ time: [0, 3.5], status: [0, 1] })).not.toThrow();
  });
  it('rejects other status codes, infinite times and mismatched lengths', () => {
    expect(() => checkSurvivalData({ time: [1], status: [2] })).toThrow(/status/);
    expect(() => checkSurvivalData({ time: [Infinity], status: [1] })).toThrow(/finite/);
    expect(() => checkSurvivalData({ time: [1, 2], status: [1] })).toThrow(/status has 1/);
    expect(() => checkSurvivalData({ time: [1], status: [1] }, { name: 'group', length: 2 })).toThrow(/group/);
  });
});

describe('orderByTime', () => {
  it('sorts by time, ties kept in input order', () => {
    expect(orderByTime([5, 1, 5, 0])).toEqual([3, 1, 0, 2]);
  });
});
