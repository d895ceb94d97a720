import { describe, expect, it } from 'vitest';
import { satterthwaiteDf } from '../../../src/numerics/mmrm/satterthwaite.js';

describe('satterthwaiteDf', () => {
  it("is 2(c'Φc)² / g'Wg (hand-computed)", () => {
    // Φ = diag(2, 1), c = (1, 2): c'Φc = 6; Q_1 = I → g_1 = |Φc|² = 8; W = [[0.5]] → df = 72 / 32 = 2.25
    expect(
      satterthwaiteDf(
        Float64Array.of(1, 2),
        Float64Array.of(2, 0, 0, 1),
        [Float64Array.of(1, 0, 0, 1)],
        Float64Array.of(0.5),
        2,
      ),
    ).toBe(2.25);
  });
  it("returns null when the variance of c'β does not depend on θ", () => {
    expect(
      satterthwaiteDf(Float64Array.of(1), Float64Array.of(1), [Float64Array.of(0)], Float64Array.of(1), 1),
    ).toBeNull();
  });
});
