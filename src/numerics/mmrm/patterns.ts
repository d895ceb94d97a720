/**
 * Subjects grouped by missing-data pattern (the set of visits they have), with the pattern's
 * sufficient statistics. Every quantity of the likelihood, its derivatives and Kenward–Roger that
 * involves X is a contraction of G_P = Σ_{i∈P} z_i z_i' (and F_P = Σ z_i y_i'), where z_i stacks subject
 * i's rows of X, each cut to the columns that can be non-zero at that visit (its "support"): cost per
 * evaluation O(patterns · d²), d = Σ_visits |support|, independent of the number of subjects.
 */
import type { ModelDesign } from '../model/design.js';
import { ModelInputError } from '../model/errors.js';

export interface VisitPattern {
  /** Global visit indices of the pattern, increasing. */
  readonly visits: Int32Array;
  /** Number of subjects with the pattern. */
  readonly nSubjects: number;
  /** Observation indices, nSubjects × visits.length, row-major by subject. */
  readonly obs: Int32Array;
  /** offsets[a]..offsets[a+1]: positions of local visit a's support in `support` and in z. */
  readonly offsets: Int32Array;
  /** Column (of X) of each position of z. */
  readonly support: Int32Array;
  /** Length of z. */
  readonly d: number;
  /** G_P = Σ z z', d × d. */
  readonly gram: Float64Array;
  /** F_P = Σ z y', d × visits.length. */
  readonly cross: Float64Array;
}

export interface PatternData {
  /** Number of visits of the covariance. */
  readonly m: number;
  /** Columns of X. */
  readonly p: number;
  readonly nObs: number;
  readonly nSubjects: number;
  readonly patterns: readonly VisitPattern[];
  readonly design: ModelDesign;
}

/** Columns of X that are non-zero in some observation at each visit. */
function visitSupports(design: ModelDesign, visitOfObs: Int32Array, m: number): Int32Array[] {
  const sets = Array.from({ length: m }, () => new Set<number>());
  for (let o = 0; o < visitOfObs.length; o++)
    for (let e = design.rowPtr[o]!; e < design.rowPtr[o + 1]!; e++) sets[visitOfObs[o]!]!.add(design.colIdx[e]!);
  return sets.map((s) => Int32Array.from([...s].sort((a, b) => a - b)));
}

/**
 * @param subjectOfObs subject index (0..nSubjects−1) of each observation of the design
 * @param visitOfObs visit index (0..m−1, covariance order) of each observation
 */
export function groupByPattern(
  design: ModelDesign,
  subjectOfObs: Int32Array,
  visitOfObs: Int32Array,
  nSubjects: number,
  m: number,
): PatternData {
  const p = design.kept.length;
  const n = design.y.length;
  const slot = new Int32Array(nSubjects * m).fill(-1);
  for (let o = 0; o < n; o++) {
    const k = subjectOfObs[o]! * m + visitOfObs[o]!;
    if (slot[k] !== -1)
      throw new ModelInputError(
        'data',
        `subject ${subjectOfObs[o]} has more than one observation at visit ${visitOfObs[o]}`,
      );
    slot[k] = o;
  }
  const byKey = new Map<string, number[]>();
  for (let s = 0; s < nSubjects; s++) {
    const vis: number[] = [];
    for (let v = 0; v < m; v++) if (slot[s * m + v] !== -1) vis.push(v);
    if (vis.length === 0) continue;
    const key = vis.join(',');
    const list = byKey.get(key);
    if (list) list.push(s);
    else byKey.set(key, [s]);
  }
  const supports = visitSupports(design, visitOfObs, m);
  const dense = new Float64Array(p);
  const patterns: VisitPattern[] = [];
  let subjectsUsed = 0;
  for (const [key, subjects] of [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const visits = Int32Array.from(key.split(',').map(Number));
    const mp = visits.length;
    const offsets = new Int32Array(mp + 1);
    visits.forEach((v, a) => (offsets[a + 1] = offsets[a]! + supports[v]!.length));
    const d = offsets[mp]!;
    const support = new Int32Array(d);
    visits.forEach((v, a) => support.set(supports[v]!, offsets[a]!));
    const obs = new Int32Array(subjects.length * mp);
    const gram = new Float64Array(d * d);
    const cross = new Float64Array(d * mp);
    const z = new Float64Array(d);
    const yv = new Float64Array(mp);
    subjects.forEach((s, i) => {
      for (let a = 0; a < mp; a++) {
        const o = slot[s * m + visits[a]!]!;
        obs[i * mp + a] = o;
        yv[a] = design.y[o]!;
        for (let e = design.rowPtr[o]!; e < design.rowPtr[o + 1]!; e++) dense[design.colIdx[e]!] = design.values[e]!;
        for (let r = offsets[a]!; r < offsets[a + 1]!; r++) z[r] = dense[support[r]!]!;
        for (let e = design.rowPtr[o]!; e < design.rowPtr[o + 1]!; e++) dense[design.colIdx[e]!] = 0;
      }
      for (let r = 0; r < d; r++) {
        const zr = z[r]!;
        if (zr === 0) continue;
        for (let c = r; c < d; c++) gram[r * d + c]! += zr * z[c]!;
        for (let a = 0; a < mp; a++) cross[r * mp + a]! += zr * yv[a]!;
      }
    });
    for (let r = 0; r < d; r++) for (let c = 0; c < r; c++) gram[r * d + c] = gram[c * d + r]!;
    patterns.push({ visits, nSubjects: subjects.length, obs, offsets, support, d, gram, cross });
    subjectsUsed += subjects.length;
  }
  return { m, p, nObs: n, nSubjects: subjectsUsed, patterns, design };
}
