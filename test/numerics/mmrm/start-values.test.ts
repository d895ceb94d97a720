import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildDesignMatrix } from '../../../src/numerics/model/design.js';
import { parseModelFormula } from '../../../src/numerics/model/formula.js';
import { groupByPattern } from '../../../src/numerics/mmrm/patterns.js';
import { cholesky, squareMatrix } from '../../../src/numerics/linalg/dense.js';
import { keptCrossProducts, olsResidualMoments, startTheta } from '../../../src/numerics/mmrm/start-values.js';
import { createCovarianceStructure } from '../../../src/numerics/mmrm/structures/index.js';
import { COVARIANCE_TYPES } from '../../../src/numerics/mmrm/structures/types.js';
import { FIXTURES } from './fev.js';
import { smallProblem } from './setup.js';

describe('start values', () => {
  const moments = olsResidualMoments(smallProblem());
  it('gives positive variances and correlations in (−1, 1) from OLS residuals', () => {
    expect(Array.from(moments.variances).every((v) => v > 0)).toBe(true);
    expect(Array.from(moments.correlations).every((r) => Math.abs(r) <= 1)).toBe(true);
  });
  it('gives a positive-definite Σ for every structure, even from non-PD correlations', () => {
    const bad = {
      variances: Float64Array.of(1, 2, 3, 4),
      correlations: Float64Array.of(1, 0.9, -0.9, 0.9, 0.9, 1, 0.9, -0.9, -0.9, 0.9, 1, 0.9, 0.9, -0.9, 0.9, 1),
    };
    for (const type of COVARIANCE_TYPES)
      for (const m of [moments, bad]) {
        const s = createCovarianceStructure(type, 4);
        expect(cholesky(squareMatrix(4, s.sigma(startTheta(s, m)))), type).not.toBeNull();
      }
  });
});

describe('start values when OLS fits a visit exactly (regression: n = 6 lock, test/fixtures/mmrm/degenerate-small.csv)', () => {
  const rows = parse(readFileSync(new URL('degenerate-small.csv', FIXTURES), 'utf8'), { columns: true }) as Record<
    string,
    string
  >[];
  const visits = ['WEEK12', 'WEEK24', 'WEEK52'];
  const design = buildDesignMatrix(rows, {
    formula: parseModelFormula('CHG ~ ARMCD*AVISIT + BASE*AVISIT'),
    classVariables: ['AVISIT'],
    reference: { ARMCD: 'PBO' },
    requiredColumns: ['USUBJID', 'AVISIT'],
  });
  const ids = [...new Set(rows.map((r) => r.USUBJID!))];
  const data = groupByPattern(
    design,
    Int32Array.from(design.usedRows, (r) => ids.indexOf(rows[r]!.USUBJID!)),
    Int32Array.from(design.usedRows, (r) => visits.indexOf(rows[r]!.AVISIT!)),
    ids.length,
    3,
  );
  const moments = olsResidualMoments(data);
  it('uses the pooled OLS residual variance (RSS/(n − p)) with zero correlations for the exactly fitted visit', () => {
    // WEEK52: 4 observations of 4 subjects for 4 WEEK52-specific effects, residuals ~1e-12
    // (pooled value recomputed here from the same OLS fit: exact up to rounding, 1e-12 relative)
    expect(data.p).toBe(11);
    expect(data.nObs).toBe(13);
    const v = moments.variances;
    expect(v[0]! > 1 && v[1]! > 1).toBe(true);
    const r = moments.correlations;
    expect([r[2], r[5], r[6], r[7]]).toEqual([0, 0, 0, 0]);
    expect(Math.abs(v[2]! - v[0]!) > 1e-6 * v[0]! && Math.abs(v[2]! - v[1]!) > 1e-6 * v[1]!).toBe(true);
    const visit = (o: number) => visits.indexOf(rows[design.usedRows[o]!]!.AVISIT!);
    const rssOutside = [0, 1].reduce(
      (s, a) => s + (v[a]! * countAt(a, visit, data.nObs) * (data.nObs - data.p)) / data.nObs,
      0,
    );
    expect(Math.abs(v[2]! * (data.nObs - data.p) - rssOutside) / rssOutside).toBeLessThan(1e-12);
  });
  it('gives a positive-definite start Σ for every structure', () => {
    for (const type of COVARIANCE_TYPES) {
      const s = createCovarianceStructure(type, 3);
      expect(cholesky(squareMatrix(3, s.sigma(startTheta(s, moments)))), type).not.toBeNull();
    }
  });
});

function countAt(a: number, visit: (o: number) => number, nObs: number): number {
  let c = 0;
  for (let o = 0; o < nObs; o++) if (visit(o) === a) c++;
  return c;
}

describe("X'X of the kept columns from the design's full X'X", () => {
  /** X'X accumulated from the kept entries of X, observation by observation (what it replaces). */
  function fromEntries(d: ReturnType<typeof buildDesignMatrix>): Float64Array {
    const p = d.kept.length;
    const xtx = new Float64Array(p * p);
    for (let o = 0; o < d.y.length; o++)
      for (let e = d.rowPtr[o]!; e < d.rowPtr[o + 1]!; e++)
        for (let f = d.rowPtr[o]!; f < d.rowPtr[o + 1]!; f++)
          xtx[d.colIdx[e]! * p + d.colIdx[f]!]! += d.values[e]! * d.values[f]!;
    return xtx;
  }

  it('is the same, bit for bit, with zero and negative covariates and an aliased (empty) cell', () => {
    // BASE 0 and −0 give zero entries of the full coding; arm B has no WEEK52 (an aliased column).
    const rows: Record<string, string | number>[] = [];
    const bases = [0, -0, 1.1, -2.7, 1e-300, 3.3333333333333335, 0.1, -0.30000000000000004];
    let k = 0;
    for (const arm of ['A', 'B', 'C'])
      for (let s = 0; s < 6; s++)
        for (const visit of ['WEEK12', 'WEEK24', 'WEEK52']) {
          if (arm === 'B' && visit === 'WEEK52') continue;
          const base = bases[k % bases.length]!;
          rows.push({
            USUBJID: `${arm}${s}`,
            ARMCD: arm,
            AVISIT: visit,
            BASE: base,
            CHG: ((k * 7919) % 13) / 3 - base,
          });
          k++;
        }
    const design = buildDesignMatrix(rows, {
      formula: parseModelFormula('CHG ~ ARMCD*AVISIT + BASE*AVISIT'),
      classVariables: ['AVISIT'],
    });
    expect(design.aliased.length).toBeGreaterThan(0);
    const expected = fromEntries(design);
    const actual = keptCrossProducts(design);
    expect(Array.from(actual, (v) => (Object.is(v, -0) ? '-0' : v))).toEqual(
      Array.from(expected, (v) => (Object.is(v, -0) ? '-0' : v)),
    );
  });

  it('is the same, bit for bit, on the trial-like problem of the engine tests', () => {
    const design = smallProblem().design;
    expect(Array.from(keptCrossProducts(design))).toEqual(Array.from(fromEntries(design)));
  });
});
