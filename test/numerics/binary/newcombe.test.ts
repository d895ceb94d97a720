import { describe, expect, it } from 'vitest';
import { newcombeCi } from '../../../src/numerics/binary/newcombe.js';
import { eachTable, fixture } from './binary-fixture.js';

describe('newcombeCi', () => {
  // Source: make-binary.R, Newcombe's formula on R prop.test(correct = FALSE) Wilson limits.
  it('matches the formula on R Wilson limits for every fixture table (1e-14 absolute)', () => {
    eachTable((x1, n1, x2, n2, i) => {
      const r = newcombeCi(x1, n1, x2, n2);
      expect(Math.abs((r.lower as number) - (fixture.newcombe.lower[i] as number))).toBeLessThan(1e-14);
      expect(Math.abs((r.upper as number) - (fixture.newcombe.upper[i] as number))).toBeLessThan(1e-14);
    });
  });

  // Source: ratesci::moverci(contrast = "RD", type = "wilson"), an independent implementation;
  // 1e-10 absolute (ratesci solves for the Wilson limits numerically).
  it('agrees with ratesci moverci(type = "wilson") (1e-10 absolute)', () => {
    eachTable((x1, n1, x2, n2, i) => {
      const r = newcombeCi(x1, n1, x2, n2);
      expect(Math.abs((r.lower as number) - (fixture.newcombe.ratesci_lower[i] as number))).toBeLessThan(1e-10);
      expect(Math.abs((r.upper as number) - (fixture.newcombe.ratesci_upper[i] as number))).toBeLessThan(1e-10);
    });
  });

  // Source: Newcombe RG (1998) Stat Med 17:873-890, Table II, method 10; 4 decimals, tolerance 5e-5.
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ])('reproduces Newcombe (1998) Table II for %i/%i vs %i/%i', (x1, n1, x2, n2, lower, upper) => {
    const r = newcombeCi(x1, n1, x2, n2);
    expect(Math.abs((r.lower as number) - lower)).toBeLessThanOrEqual(5e-5);
    expect(Math.abs((r.upper as number) - upper)).toBeLessThanOrEqual(5e-5);
  });

  it('is all null when an arm has no subjects', () => {
    expect(newcombeCi(0, 0, 1, 2)).toEqual({ estimate: null, lower: null, upper: null, level: 0.95 });
  });
});
