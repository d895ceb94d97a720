import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildDesignMatrix } from '../../../src/numerics/model/design.js';
import { parseModelFormula } from '../../../src/numerics/model/formula.js';
import { groupByPattern } from '../../../src/numerics/mmrm/patterns.js';
import { cholesky, squareMatrix } from '../../../src/numerics/linalg/dense.js';
import { olsResidualMoments, startTheta } from '../../../src/numerics/mmrm/start-values.js';
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
