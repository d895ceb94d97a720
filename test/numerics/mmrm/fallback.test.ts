import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fitMmrmWithFallback } from '../../../src/numerics/mmrm/fallback.js';
import { mmrmLsMeans } from '../../../src/numerics/mmrm/lsmeans.js';
import { FIXTURES, VISITS, expectNear, readFev } from './fev.js';

const fev = readFev();
const spec = { formula: 'FEV1 ~ ARMCD*AVISIT', subject: 'USUBJID', visit: 'AVISIT', visitLevels: VISITS };

describe('fitMmrmWithFallback (SAP: US, then TOEPH, AR1H, CS)', () => {
  it('uses unstructured when it converges', () => {
    const r = fitMmrmWithFallback(fev, spec);
    expect([r.method, r.covariance, r.allFailed, r.attempts.length]).toEqual(['MMRM-US-KR', 'us', false, 1]);
  });
  it('falls back to AR1H when no subject has both VIS1 and VIS4 (UN(4,1) and TOEPH(3) not identifiable)', () => {
    const withVis1 = new Set(fev.filter((r) => r.AVISIT === 'VIS1' && r.FEV1 !== '').map((r) => r.USUBJID));
    const rows = fev.map((r) => (r.AVISIT === 'VIS4' && withVis1.has(r.USUBJID) ? { ...r, FEV1: '' } : r));
    const r = fitMmrmWithFallback(rows, spec);
    expect(r.attempts.map((a) => [a.covariance, a.converged])).toEqual([
      ['us', false],
      ['toeph', false],
      ['ar1h', true],
    ]);
    expect([r.method, r.covariance, r.allFailed, r.fit?.converged]).toEqual(['MMRM-AR1H-KR', 'ar1h', false, true]);
  });
  it('reports all failed with method MMRM-US-KR and no fit', () => {
    const r = fitMmrmWithFallback(fev, { ...spec, maxIterations: 0 });
    expect([r.fit, r.method, r.allFailed, r.attempts.map((a) => a.covariance)]).toEqual([
      null,
      'MMRM-US-KR',
      true,
      ['us', 'toeph', 'ar1h', 'cs'],
    ]);
  });
  it('propagates specification errors instead of trying the next structure', () => {
    expect(() => fitMmrmWithFallback(fev, { ...spec, formula: 'FEV1 ~ NOPE' })).toThrow(/unknown variable/);
  });
});

describe('fitMmrmWithFallback on a data set too small for the richer structures (regression: n = 6 lock)', () => {
  // test/fixtures/mmrm/degenerate-small.csv: 13 observations, 5 subjects, 11 estimable fixed effects.
  // It made `sle-msc analyze` exit 70: an exactly fitted visit gave a US start variance of ~1e-24
  // and toPhi threw a plain Error instead of the fallback running (start values: see
  // start-values.test.ts; US, TOEPH and AR1H now stop at the REML identifiability check first).
  const rows = parse(readFileSync(new URL('degenerate-small.csv', FIXTURES), 'utf8'), { columns: true }) as Record<
    string,
    string
  >[];
  const ref = JSON.parse(readFileSync(new URL('degenerate-small-reference.json', FIXTURES), 'utf8'));
  const small = {
    formula: 'CHG ~ ARMCD*AVISIT + BASE*AVISIT',
    subject: 'USUBJID',
    visit: 'AVISIT',
    visitLevels: ['WEEK12', 'WEEK24', 'WEEK52'],
    reference: { ARMCD: 'PBO' },
  };
  const r = fitMmrmWithFallback(rows, small);
  it('fails US, TOEPH and AR1H and converges with CS, as R mmrm 0.3.18 does (make-degenerate-small.R)', () => {
    expect(ref.fitted).toEqual({ us: false, toeph: false, ar1h: false, cs: true });
    expect(r.attempts.map((a) => [a.covariance, a.converged])).toEqual([
      ['us', false],
      ['toeph', false],
      ['ar1h', false],
      ['cs', true],
    ]);
    expect([r.method, r.allFailed]).toEqual(['MMRM-CS-KR', false]);
    // 2 error contrasts identify at most 3 covariance parameters (fitMmrm's REML identifiability check)
    expect(r.attempts.slice(0, 3).map((a) => a.message)).toEqual(
      [6, 5, 4].map((q) => `${q} covariance parameters cannot be identified from 2 REML error contrasts`),
    );
  });
  it('matches lme4 + pbkrtest on the CS fit (make-degenerate-small.R): variances, β and KR SEs within 1e-5 relative (the REML surface is flat with 2 residual df; lmer stops ~5e-7 short), −2 REML LL within 1e-8', () => {
    const fit = r.fit!;
    expectNear(fit.minus2LogLik, ref.cs.minus2LogLik, 1e-8, 0, '-2 REML LL');
    const theta = Object.fromEntries(fit.covarianceParameters.map((c) => [c.name, c.estimate]));
    expectNear(theta['CS'], ref.cs.subjectVariance, 0, 1e-5, 'CS');
    expectNear(theta['Residual'], ref.cs.residualVariance, 0, 1e-5, 'Residual');
    expect(fit.fixedEffects).toHaveLength(ref.cs.coefficients.length);
    for (const c of ref.cs.coefficients as { name: string; estimate: number; seKr: number }[]) {
      const f = fit.fixedEffects.find((e) => e.name === c.name);
      expectNear(f?.estimate, c.estimate, 1e-8, 1e-5, `${c.name} estimate`);
      expectNear(f?.se, c.seKr, 0, 1e-5, `${c.name} KR SE`);
    }
  });
  it("gives emmeans' KR LS means (estimate, SE within 1e-5 relative, df within 1e-4 relative) and leaves PBO at WEEK24, an arm without data at the visit, not estimable", () => {
    const ls = mmrmLsMeans(r.fit!, 'ARMCD*AVISIT');
    const cell = (arm: string, visit: string) =>
      ls.lsmeans.find((m) => m.levels['ARMCD'] === arm && m.levels['AVISIT'] === visit)!;
    expect(ref.cs.lsmeans).toHaveLength(9);
    for (const e of ref.cs.lsmeans as {
      ARMCD: string;
      AVISIT: string;
      estimate: number | null;
      se: number | null;
      df: number | null;
    }[]) {
      const m = cell(e.ARMCD, e.AVISIT);
      const what = `${e.ARMCD} ${e.AVISIT}`;
      if (e.estimate === null) {
        expect([m.estimate, m.se, m.df, m.lower, m.upper], what).toEqual([null, null, null, null, null]);
        continue;
      }
      expectNear(m.estimate, e.estimate, 1e-8, 1e-5, `${what} estimate`);
      expectNear(m.se, e.se!, 0, 1e-5, `${what} SE`);
      expectNear(m.df, e.df!, 0, 1e-4, `${what} df`);
    }
  });
});

describe('fitMmrmWithFallback when REML cannot identify any structure (regression: n = 4 lock)', () => {
  // test/fixtures/mmrm/unidentifiable-small.csv: 10 observations, rank(X) = 9, one error contrast.
  // Before the identifiability check CS "converged" (rounding made its singular Hessian look
  // positive definite, Cov(θ̂) ~1e14) and LS means were reported without SE.
  const rows = parse(readFileSync(new URL('unidentifiable-small.csv', FIXTURES), 'utf8'), { columns: true }) as Record<
    string,
    string
  >[];
  const ref = JSON.parse(readFileSync(new URL('unidentifiable-small-reference.json', FIXTURES), 'utf8'));
  it("fails every structure, as R mmrm 0.3.18 does (make-unidentifiable-small.R), with the SAP's all-failed method", () => {
    const r = fitMmrmWithFallback(rows, {
      formula: 'CHG ~ ARMCD*AVISIT + BASE*AVISIT',
      subject: 'USUBJID',
      visit: 'AVISIT',
      visitLevels: ['WEEK12', 'WEEK24', 'WEEK52'],
      reference: { ARMCD: 'PBO' },
    });
    expect([ref.nObs, ref.rank]).toEqual([10, 9]);
    expect(ref.fitted).toEqual({ us: false, toeph: false, ar1h: false, cs: false });
    expect([r.fit, r.method, r.allFailed]).toEqual([null, 'MMRM-US-KR', true]);
    expect(r.attempts.map((a) => a.message)).toEqual([
      '6 covariance parameters cannot be identified from 1 REML error contrasts',
      '5 covariance parameters cannot be identified from 1 REML error contrasts',
      '4 covariance parameters cannot be identified from 1 REML error contrasts',
      '2 covariance parameters cannot be identified from 1 REML error contrasts',
    ]);
  });
});
