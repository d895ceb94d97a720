import { describe, expect, it } from 'vitest';
import { smallProblem } from './setup.js';

describe('groupByPattern', () => {
  const data = smallProblem();
  it('puts every subject in exactly one pattern and every observation in one slot', () => {
    expect(data.patterns.reduce((s, p) => s + p.nSubjects, 0)).toBe(data.nSubjects);
    const seen = new Set<number>();
    for (const p of data.patterns) for (const o of p.obs) seen.add(o);
    expect(seen.size).toBe(data.nObs);
  });
  it("holds G_P = Σ z z' and F_P = Σ z y' consistent with X (brute-force for one pattern)", () => {
    const pat = data.patterns.find((p) => p.visits.length === 4)!;
    const { design } = data;
    const mp = 4;
    const z = (i: number): number[] => {
      const out: number[] = [];
      for (let a = 0; a < mp; a++) {
        const o = pat.obs[i * mp + a]!;
        const row = new Map<number, number>();
        for (let e = design.rowPtr[o]!; e < design.rowPtr[o + 1]!; e++) row.set(design.colIdx[e]!, design.values[e]!);
        for (let r = pat.offsets[a]!; r < pat.offsets[a + 1]!; r++) out.push(row.get(pat.support[r]!) ?? 0);
      }
      return out;
    };
    const d = pat.d;
    const G = new Float64Array(d * d);
    for (let i = 0; i < pat.nSubjects; i++) {
      const zi = z(i);
      for (let r = 0; r < d; r++) for (let c = 0; c < d; c++) G[r * d + c]! += zi[r]! * zi[c]!;
    }
    G.forEach((v, k) => expect(Math.abs(pat.gram[k]! - v)).toBeLessThan(1e-9 * (1 + Math.abs(v))));
    // every non-zero of X at a visit lies in that visit's support
    expect(pat.d).toBeLessThan(4 * data.p);
  });
});
