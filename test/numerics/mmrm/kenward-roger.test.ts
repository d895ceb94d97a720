import { describe, expect, it } from 'vitest';
import { contrastSensitivities, kenwardRogerDf } from '../../../src/numerics/mmrm/kenward-roger.js';
import { fitMmrm } from '../../../src/numerics/mmrm/fit.js';
import { VISITS, expectNear, readFev } from './fev.js';

/** R mmrm h_kr_df (general ℓ), transcribed for one contrast row. */
function generalKrDf(c: number[], V: number[][], P: number[][][], W: number[][]): number {
  const mul = (A: number[][], B: number[][]) =>
    A.map((r) => B[0]!.map((_, j) => r.reduce((s, a, k) => s + a * B[k]![j]!, 0)));
  const tr = (A: number[][]) => A.reduce((s, r, i) => s + r[i]!, 0);
  const lvl = c.reduce((s, ci, i) => s + ci * c.reduce((t, cj, j) => t + V[i]![j]! * cj, 0), 0);
  const M = c.map((ci) => c.map((cj) => (ci * cj) / lvl));
  const mv0 = mul(M, V);
  const mpv = P.map((Pi) => mul(mul(mv0, Pi), V));
  let a1 = 0;
  let a2 = 0;
  for (let i = 0; i < P.length; i++)
    for (let j = 0; j < P.length; j++) {
      a1 += W[i]![j]! * tr(mpv[i]!) * tr(mpv[j]!);
      a2 += W[i]![j]! * tr(mul(mpv[i]!, mpv[j]!));
    }
  const nl = 1;
  const b = (a1 + 6 * a2) / (2 * nl);
  const eStar = 1 / (1 - a2 / nl);
  const g = ((nl + 1) * a1 - (nl + 4) * a2) / ((nl + 2) * a2);
  const denom = 3 * nl + 2 - 2 * g;
  const [c1, c2, c3] = [g / denom, (nl - g) / denom, (nl + 2 - g) / denom];
  const vStar = ((2 / nl) * (1 + c1 * b)) / (1 - c2 * b) ** 2 / (1 - c3 * b);
  const rho = vStar / (2 * eStar ** 2);
  return 4 + (nl + 2) / (nl * rho - 1);
}

describe('Kenward–Roger', () => {
  it('kenwardRogerDf equals the general-ℓ formula of Kenward & Roger (R mmrm h_kr_df) at ℓ = 1 (1e-10 rel)', () => {
    const V = [
      [0.5, 0.1, 0],
      [0.1, 0.4, 0.05],
      [0, 0.05, 0.3],
    ];
    const P = [0, 1].map((k) =>
      V.map((r, i) => r.map((_, j) => 0.01 * (1 + k) * Math.cos(i + 2 * j + k) + (i === j ? 0.05 : 0))),
    );
    const Psym = P.map((Pk) => Pk.map((r, i) => r.map((_, j) => 0.5 * (Pk[i]![j]! + Pk[j]![i]!))));
    const W = [
      [2, 0.3],
      [0.3, 1],
    ];
    const c = [1, -1, 0.5];
    const ours = kenwardRogerDf(
      Float64Array.from(c),
      Float64Array.from(V.flat()),
      Psym.map((Pk) => Float64Array.from(Pk.flat())),
      Float64Array.from(W.flat()),
      3,
    )!;
    const ref = generalKrDf(c, V, Psym, W);
    expect(Math.abs(ours - ref)).toBeLessThan(1e-10 * ref);
  });
  it("contrastSensitivities returns c'Φc and c'ΦQ_kΦc", () => {
    const r = contrastSensitivities(
      Float64Array.of(1, 2),
      Float64Array.of(2, 0, 0, 1),
      [Float64Array.of(1, 0, 0, 1)],
      2,
    );
    expect(r.variance).toBe(6);
    // Φ = diag(2, 1), c = (1, 2): Φc = (2, 2), c'Φc = 6, with Q = I: c'ΦQΦc = |Φc|² = 8
    expect(Array.from(r.g)).toEqual([8]);
  });
  it('kenwardRogerCovariance inflates Φ: fev table B, UN, TRT − PBO SE 0.6507 → 0.6613 (SAS 0.66124, 3e-3 rel)', () => {
    const fit = fitMmrm(readFev(), {
      formula: 'FEV1 ~ ARMCD',
      subject: 'USUBJID',
      visit: 'AVISIT',
      visitLevels: VISITS,
    });
    const { phi, phiAdjusted } = fit.inference;
    const p = fit.inference.p;
    expect(phiAdjusted).not.toBeNull();
    expect(Math.sqrt(phi[1 * p + 1]!)).toBeLessThan(0.652);
    expectNear(Math.sqrt(phiAdjusted![1 * p + 1]!), 0.66124382270307, 0, 3e-3, 'SE_KR');
  });
});
