import { describe, expect, it } from 'vitest';
import {
  chiSquareUpper,
  fUpper,
  normalCdf,
  normalQuantile,
  normalTwoSidedP,
  tQuantile,
  tTwoSidedP,
  tUpper,
} from '../../src/numerics/distributions.js';

// Reference values: R 4.2.2, e.g. sprintf('%.17g', pt(-2.5, 7.3)); see test/fixtures/distributions/make-distributions.R
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('distribution functions against R (relative tolerance 1e-12)', () => {
  it('normal', () => {
    expect(rel(normalCdf(-1.96), 0.024997895148220428)).toBeLessThan(1e-12);
    expect(rel(normalQuantile(0.975), 1.9599639845400536)).toBeLessThan(1e-12);
    expect(rel(normalTwoSidedP(9), 2.2571768119076816e-19)).toBeLessThan(1e-10);
  });
  it('t: upper tail and two-sided p keep small values', () => {
    expect(rel(tUpper(2.5, 7.3), 0.019825117332800228)).toBeLessThan(1e-10);
    expect(rel(tUpper(-2.5, 7.3), 0.98017488266719976)).toBeLessThan(1e-12);
    expect(rel(tTwoSidedP(12, 150), 1.1118086554433717e-23)).toBeLessThan(1e-9);
    expect(rel(tQuantile(0.975, 160.733266403768), 1.9748329082943621)).toBeLessThan(1e-12);
  });
  it('chi-square and F', () => {
    expect(rel(chiSquareUpper(3.84, 1), 0.050043521248705224)).toBeLessThan(1e-12);
    expect(rel(chiSquareUpper(60, 2), 9.3576229688401748e-14)).toBeLessThan(1e-10);
    expect(rel(fUpper(4, 2, 30), 0.028844623295696835)).toBeLessThan(1e-10);
  });
});
