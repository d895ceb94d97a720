// fitMmrm against SAS PROC MIXED (../shared/reference/fev/README.md, from R mmrm's design/SAS and
// design/ddfm_covtype listings) and against R mmrm 0.3.18 (test/fixtures/mmrm/make-mmrm.R).
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { contrastEstimate } from '../../../src/numerics/mmrm/contrast.js';
import fc from 'fast-check';
import {
  MmrmFitError,
  fitMmrm,
  numberByFirstAppearance,
  remlIdentifiableParameters,
} from '../../../src/numerics/mmrm/fit.js';
import type { CovarianceType } from '../../../src/numerics/mmrm/types.js';
import { FIXTURES, VISITS, expectNear, readFev, readReference } from './fev.js';

const fev = readFev();
const ref = readReference();
const byName = (fit: ReturnType<typeof fitMmrm>, name: string) => fit.fixedEffects.find((c) => c.name === name)!;

describe('fitMmrm: SAS model A (REML, UN, Satterthwaite; README section A)', () => {
  const fit = fitMmrm(fev, {
    formula: 'FEV1 ~ ARMCD*AVISIT + RACE + SEX',
    subject: 'USUBJID',
    visit: 'AVISIT',
    visitLevels: VISITS,
    covariance: 'us',
    df: 'satterthwaite',
    reference: { RACE: 'Asian', AVISIT: 'VIS1', SEX: 'Male', ARMCD: 'PBO' },
  });
  it("converges on the 537 observations with SAS's −2 REML log-likelihood (within 1e-4)", () => {
    expect(fit.converged).toBe(true);
    expect(fit.nObs).toBe(537);
    expect(fit.nSubjects).toBe(197);
    expectNear(fit.minus2LogLik, 3386.44987722, 1e-4, 0, '-2 REML LL');
    expect(fit.method).toBe('MMRM-US-SATTERTHWAITE');
  });
  it('reproduces every fixed effect: estimate and SE within max(5e-4, 1e-4 rel), df within 0.5', () => {
    const sas: [string, number, number, number][] = [
      ['(Intercept)', 30.7774, 0.8865, 219],
      ['ARMCDTRT', 3.7745, 1.0741, 146],
      ['AVISITVIS2', 4.8396, 0.8016, 144],
      ['AVISITVIS3', 10.3422, 0.8227, 156],
      ['AVISITVIS4', 15.0537, 1.3129, 138],
      ['ARMCDTRT:AVISITVIS2', -0.04231, 1.1292, 139],
      ['ARMCDTRT:AVISITVIS3', -0.6939, 1.1876, 158],
      ['ARMCDTRT:AVISITVIS4', 0.624, 1.851, 130],
      ['RACEBlack or African American', 1.5305, 0.6244, 169],
      ['RACEWhite', 5.6436, 0.6656, 157],
      ['SEXFemale', 0.3262, 0.5319, 166],
    ];
    expect(fit.fixedEffects).toHaveLength(sas.length);
    for (const [name, est, se, df] of sas) {
      const c = byName(fit, name);
      expectNear(c.estimate, est, 5e-4, 1e-4, `${name} estimate`);
      expectNear(c.se, se, 5e-4, 1e-4, `${name} SE`);
      expectNear(c.df, df, 0.5, 0, `${name} df`);
    }
  });
  it('makes the fixed effects when first read, from the final inference state, once', () => {
    // Lazy (fit.ts): the values must be those of contrastEstimate on each unit vector of the fit.
    const first = fit.fixedEffects;
    expect(fit.fixedEffects).toBe(first);
    first.forEach((coef, k) => {
      const c = new Float64Array(fit.inference.p);
      c[k] = 1;
      expect(coef).toEqual({
        name: coef.name,
        term: coef.term,
        levels: coef.levels,
        ...contrastEstimate(fit.inference, fit.dfMethod, c),
      });
    });
  });
  it('estimates the covariance as SAS (UN(i,j), SAS visit order VIS2, VIS3, VIS4, VIS1)', () => {
    // SAS stopped 6e-6 short of the REML optimum, which moves the printed 4-decimal elements by up to
    // 5e-3 (README): compared within 5e-3 absolute; R mmrm's fully converged values within 1e-6 below.
    const sasIndex = [1, 2, 3, 0];
    const sas: [number, number, number][] = [
      [1, 1, 26.5692],
      [2, 1, 2.7851],
      [2, 2, 14.897],
      [3, 1, 7.479],
      [3, 2, 0.9017],
      [3, 3, 95.5528],
      [4, 1, 14.3982],
      [4, 2, 4.9744],
      [4, 3, 13.3731],
      [4, 4, 40.5509],
    ];
    for (const [i, j, v] of sas)
      expectNear(fit.covarianceMatrix[sasIndex[i - 1]!]![sasIndex[j - 1]!]!, v, 5e-3, 0, `UN(${i},${j})`);
    const r: number[][] = ref.reml_us_satterthwaite_A.covariance;
    r.forEach((row, i) =>
      row.forEach((v, j) => expectNear(fit.covarianceMatrix[i]![j]!, v, 0, 1e-6, `R Σ[${i}][${j}]`)),
    );
  });
});

describe('fitMmrm: SAS table B (REML, Kenward–Roger, eight covariance structures; README section B)', () => {
  // estimate within 1e-4 rel; SE and CI bounds within 3e-3 rel; df within 1e-2 rel (README); p within
  // 5e-2 rel, the spread a 3e-3 relative change of t implies at these |t| ≈ 4.4–5.8.
  const table: [CovarianceType, number, number, number, number, number, number][] = [
    [
      'us',
      3.81972492174648,
      0.66124382270307,
      160.733266403768,
      3.8418051504164e-8,
      2.51387886026607,
      5.12557098322688,
    ],
    [
      'toeph',
      3.92287746213894,
      0.72543828853831,
      180.062730071701,
      2.0106987035365e-7,
      2.49142364608424,
      5.35433127819364,
    ],
    [
      'toep',
      4.47051860580552,
      0.87839805519623,
      160.027408337368,
      9.9712975278958e-7,
      2.73577118036349,
      6.20526603124755,
    ],
    [
      'ar1h',
      3.72674356244499,
      0.7590316099633,
      188.225339095373,
      1.9702804119225e-6,
      2.22944183557037,
      5.22404528931962,
    ],
    ['ar1', 4.22574315817874, 0.95865439662225, 188.46934887972, 1.749576207e-5, 2.33467190342009, 6.11681441293738],
    [
      'csh',
      3.77090812499029,
      0.67414806011886,
      190.737701349941,
      7.6321785400906e-8,
      2.44116504183384,
      5.10065120814674,
    ],
    ['cs', 4.19663617897035, 0.7964696053595, 177.038485931223, 3.9513758117516e-7, 2.62483985242729, 5.7684325055134],
    [
      'adh',
      3.72344028834729,
      0.66172017349971,
      162.393385281755,
      7.8678872626732e-8,
      2.41675483641031,
      5.03012574028427,
    ],
  ];
  for (const [cov, est, se, df, p, lower, upper] of table)
    it(`${cov}: TRT − PBO estimate, SE, df, p and CI`, () => {
      const fit = fitMmrm(fev, {
        formula: 'FEV1 ~ ARMCD',
        subject: 'USUBJID',
        visit: 'AVISIT',
        visitLevels: VISITS,
        covariance: cov,
      });
      expect(fit.converged).toBe(true);
      expect(fit.method).toBe(`MMRM-${cov.toUpperCase()}-KR`);
      const c = byName(fit, 'ARMCDTRT');
      expectNear(c.estimate, est, 0, 1e-4, 'estimate');
      expectNear(c.se, se, 0, 3e-3, 'SE');
      expectNear(c.df, df, 0, 1e-2, 'df');
      expectNear(c.p, p, 0, 5e-2, 'p');
      expectNear(c.lower, lower, 0, 3e-3, 'lower');
      expectNear(c.upper, upper, 0, 3e-3, 'upper');
    });
  it('us: covariance elements as SAS (2 decimals printed for the large ones; within 0.02)', () => {
    const fit = fitMmrm(fev, { formula: 'FEV1 ~ ARMCD', subject: 'USUBJID', visit: 'AVISIT', visitLevels: VISITS });
    const sas = [[108.39], [45.4113, 40.1721], [-2.6971, 0.7771, 24.6058], [-47.0103, -13.0998, 18.7346, 152.36]];
    sas.forEach((row, i) =>
      row.forEach((v, j) => expectNear(fit.covarianceMatrix[i]![j]!, v, 0.02, 0, `UN(${i + 1},${j + 1})`)),
    );
  });
});

describe('fitMmrm against R mmrm 0.3.18 (make-mmrm.R)', () => {
  // R fitted with rel.tol = 1e-12 sits at the optimum: then estimates, SE and df agree to 1e-7 relative
  // (observed ~1e-9) and −2 log L to 1e-7 absolute.
  const tight = { estAbs: 0, est: 1e-7, se: 1e-7, df: 1e-7, ll: 1e-7 };
  function compare(
    fit: ReturnType<typeof fitMmrm>,
    r: any,
    tol: { estAbs: number; est: number; se: number; df: number; ll: number },
  ): void {
    expectNear(fit.minus2LogLik, r.minus2LogLik, tol.ll, 0, '-2LL');
    expect(fit.fixedEffects.map((c) => c.name)).toEqual(r.coefficients.map((c: any) => c.name));
    r.coefficients.forEach((c: any, k: number) => {
      const f = fit.fixedEffects[k]!;
      expectNear(f.estimate, c.estimate, tol.estAbs, tol.est, `${c.name} estimate`);
      expectNear(f.se, c.se, 0, tol.se, `${c.name} SE`);
      expectNear(f.df, c.df, 0, tol.df, `${c.name} df`);
    });
  }
  const common = { subject: 'USUBJID', visit: 'AVISIT', visitLevels: VISITS, reference: { SEX: 'Male' } } as const;
  it('ML, unstructured, Satterthwaite', () => {
    const fit = fitMmrm(fev, {
      ...common,
      formula: 'FEV1 ~ ARMCD*AVISIT + RACE + SEX',
      estimation: 'ml',
      df: 'satterthwaite',
    });
    expect(fit.converged).toBe(true);
    compare(fit, ref.ml_us_satterthwaite, tight);
  });
  it('ML, heterogeneous AR(1), Satterthwaite (R stopped at its default tolerance, 3.6e-8 above our −2 log L)', () => {
    // hence looser: estimates within 3e-4 absolute, SE and df within 1e-4 relative
    const fit = fitMmrm(fev, {
      ...common,
      formula: 'FEV1 ~ ARMCD*AVISIT + RACE + SEX',
      estimation: 'ml',
      df: 'satterthwaite',
      covariance: 'ar1h',
    });
    expect(fit.converged).toBe(true);
    compare(fit, ref.ml_ar1h_satterthwaite, { estAbs: 3e-4, est: 0, se: 1e-4, df: 1e-4, ll: 1e-6 });
    expect(fit.minus2LogLik).toBeLessThanOrEqual(ref.ml_ar1h_satterthwaite.minus2LogLik);
  });
  it('REML, unstructured, KR with a continuous covariate × visit: as R "Kenward-Roger-Linear"', () => {
    const fit = fitMmrm(fev, { ...common, reference: {}, formula: 'FEV1 ~ ARMCD*AVISIT + FEV1_BL*AVISIT', df: 'kr' });
    expect(fit.converged).toBe(true);
    compare(fit, ref.reml_us_kr_baseline, tight);
  });
  it('a visit with no data in one arm: the interaction cell is aliased and noted, the rest as R', () => {
    const rows = fev.map((r) => (r.ARMCD === 'TRT' && r.AVISIT === 'VIS4' ? { ...r, FEV1: '' } : r));
    const fit = fitMmrm(rows, { ...common, formula: 'FEV1 ~ ARMCD*AVISIT + RACE + SEX', df: 'kr' });
    expect(fit.converged).toBe(true);
    expect(ref.reml_us_kr_empty_cell.aliased).toBe('ARMCDTRT:AVISITVIS4');
    expect(fit.warnings.some((w) => w.includes('ARMCDTRT:AVISITVIS4'))).toBe(true);
    const r = ref.reml_us_kr_empty_cell;
    compare(fit, { ...r, coefficients: r.coefficients.filter((c: any) => c.name !== 'ARMCDTRT:AVISITVIS4') }, tight);
  });
});

describe('fitMmrm: specification errors', () => {
  it('rejects Kenward–Roger with ML, an unknown variable and an unknown structure', () => {
    const base = { formula: 'FEV1 ~ ARMCD', subject: 'USUBJID', visit: 'AVISIT' };
    expect(() => fitMmrm(fev, { ...base, estimation: 'ml', df: 'kr' })).toThrow(/requires REML/);
    expect(() => fitMmrm(fev, { ...base, formula: 'FEV1 ~ ARM' })).toThrow(/unknown variable ARM/);
    expect(() => fitMmrm(fev, { ...base, covariance: 'un' as CovarianceType })).toThrow(/unknown covariance/);
  });
  it('rejects two observations of one subject at one visit', () => {
    const rows = [...fev, { ...fev.find((r) => r.FEV1 !== '')! }];
    expect(() => fitMmrm(rows, { formula: 'FEV1 ~ ARMCD', subject: 'USUBJID', visit: 'AVISIT' })).toThrow(
      /more than one observation/,
    );
  });
});

describe('fitMmrm: identifiability of the covariance parameters under REML', () => {
  it('allows at most r(r+1)/2 parameters for r error contrasts (the distinct entries of their r × r covariance)', () => {
    expect([0, 1, 2, 3, 8, -1].map(remlIdentifiableParameters)).toEqual([0, 1, 3, 6, 36, 0]);
  });
  it('reports a structure with more parameters as a fit failure, and fits the same data with fewer', () => {
    // 12 subjects of fev_data at VIS1/VIS2 with FEV1 ~ AVISIT: n − p = r ≥ 2 error contrasts → 3 ≥ q(US, 2 visits)
    const ids = [...new Set(fev.filter((r) => r.FEV1 !== '').map((r) => r.USUBJID))];
    const rows = fev.filter((r) => (r.AVISIT === 'VIS1' || r.AVISIT === 'VIS2') && r.FEV1 !== '');
    const spec = { formula: 'FEV1 ~ AVISIT', subject: 'USUBJID', visit: 'AVISIT', visitLevels: ['VIS1', 'VIS2'] };
    // three observations for two fixed effects: r = 1, one identifiable parameter
    const three = rows.filter(
      (r) =>
        r.USUBJID === ids.find((id) => rows.filter((x) => x.USUBJID === id).length === 2) ||
        r.USUBJID === ids.find((id) => rows.filter((x) => x.USUBJID === id).length === 1),
    );
    expect(three).toHaveLength(3);
    expect(() => fitMmrm(three, { ...spec, covariance: 'cs' })).toThrow(MmrmFitError);
    expect(() => fitMmrm(three, { ...spec, covariance: 'us' })).toThrow(
      /3 covariance parameters cannot be identified from 1 REML error contrasts/,
    );
    // ML does not restrict to error contrasts: the check does not apply
    expect(() => fitMmrm(three, { ...spec, covariance: 'cs', estimation: 'ml', df: 'residual' })).not.toThrow(
      MmrmFitError,
    );
  });
});

describe('fitMmrm: iteration limit', () => {
  it('stops a fit that drifts to a singular Σ after 50 Newton iterations by default (SAS PROC MIXED MAXITER)', () => {
    // test/fixtures/mmrm/degenerate-small.csv under ML (no REML identifiability check): US heads for
    // a singular Σ and never meets the convergence test
    const rows = parse(readFileSync(new URL('degenerate-small.csv', FIXTURES), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    const fit = fitMmrm(rows, {
      formula: 'CHG ~ ARMCD*AVISIT + BASE*AVISIT',
      subject: 'USUBJID',
      visit: 'AVISIT',
      visitLevels: ['WEEK12', 'WEEK24', 'WEEK52'],
      reference: { ARMCD: 'PBO' },
      covariance: 'us',
      estimation: 'ml',
      df: 'residual',
    });
    expect([fit.converged, fit.convergence.iterations, fit.convergence.message]).toEqual([
      false,
      50,
      'iteration limit (50) reached',
    ]);
  });
});

describe('numberByFirstAppearance', () => {
  it('numbers labels 0, 1, 2 … by first appearance, as a map of first appearances does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('S1', 'S2', 'S3', 'S4'), { maxLength: 40 }), (labels) => {
        const first = new Map<string, number>();
        for (const l of labels) if (!first.has(l)) first.set(l, first.size);
        const { numbers, count } = numberByFirstAppearance(labels);
        expect([...numbers]).toEqual(labels.map((l) => first.get(l)));
        expect(count).toBe(first.size);
      }),
    );
    expect([...numberByFirstAppearance(['B', 'B', 'A', 'B', 'C', 'A']).numbers]).toEqual([0, 0, 1, 0, 2, 1]);
  });
});
