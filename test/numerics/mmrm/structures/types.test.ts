import { describe, expect, it } from 'vitest';
import {
  CORRELATION_TRANSFORM,
  boundedCorrelationTransform,
  clampCorrelation,
  elementwiseMap,
  sparsify,
} from '../../../../src/numerics/mmrm/structures/types.js';

describe('structure building blocks', () => {
  it('maps correlations into (−1, 1) and back', () => {
    expect(CORRELATION_TRANSFORM.value(0.75)).toBeCloseTo(0.6, 15);
    expect(CORRELATION_TRANSFORM.inverse(0.6)).toBeCloseTo(0.75, 15);
    const cs = boundedCorrelationTransform(-1 / 3);
    expect(cs.value(0)).toBeCloseTo(1 / 3, 15);
    expect(cs.value(-5)).toBeGreaterThan(-1 / 3);
    expect(cs.value(5)).toBeLessThan(1);
  });
  it('builds a diagonal Jacobian for elementwise maps', () => {
    const m = elementwiseMap(Float64Array.of(0, 0.75), [CORRELATION_TRANSFORM, CORRELATION_TRANSFORM]);
    expect(m.jacobian[1]).toBe(0);
    expect(m.jacobian[3]).toBeCloseTo(Math.pow(1 + 0.5625, -1.5), 15);
  });
  it('lists both triangles of a sparse symmetric matrix and clamps start correlations', () => {
    const s = sparsify(Float64Array.of(0, 2, 2, 0), 2);
    expect([Array.from(s.rows), Array.from(s.cols), Array.from(s.vals)]).toEqual([
      [0, 1],
      [1, 0],
      [2, 2],
    ]);
    expect([clampCorrelation(1.2), clampCorrelation(NaN), clampCorrelation(-0.3)]).toEqual([0.9, 0, -0.3]);
  });
});
