import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  fasArmsOf,
  fitChangeMmrm,
  mmrmChangeRows,
  selectMmrmObservations,
  type MmrmObservation,
} from '../../src/analyze/mmrm-analysis.js';
import { subjectIndexOf } from '../../src/analyze/subject-index.js';
import type { AdslRecord } from '../../src/derive/adsl.js';
import type { ArmCode } from '../../src/lock/types.js';
import type { SapSettings } from '../../src/sap/index.js';
import { settings } from '../derive/helpers.js';

// R reference: test/fixtures/sledai-pro/make-mmrm-small.R (mmrm 0.3.18, REML, Kenward-Roger-Linear =
// SAS DDFM=KR for UN and CS; emmeans LS means, equal weights, BASE at its mean; unadjusted contrasts).
const fixtureDir = new URL('../fixtures/sledai-pro/', import.meta.url);
const ref = JSON.parse(readFileSync(new URL('mmrm-small.json', fixtureDir), 'utf8'));
const data: MmrmObservation[] = readFileSync(new URL('mmrm-small-data.csv', fixtureDir), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [USUBJID, AVISIT, ARMCD, BASE, CHG] = line.split(',');
    return { USUBJID: USUBJID!, AVISIT: AVISIT!, ARMCD: ARMCD as ArmCode, BASE: Number(BASE), CHG: Number(CHG) };
  });
const VISITS = ['WEEK4', 'WEEK12', 'WEEK24'];
const withOrder = (order: SapSettings['analysis']['mmrmCovarianceOrder']): SapSettings =>
  ({ ...settings(), analysis: { ...settings().analysis, mmrmCovarianceOrder: order } }) as SapSettings;

// Tolerances: estimates and CI bounds 1e-4 × max(|R|, 1); SE, df, p 1e-3 relative (the brief's).
function expectClose(actual: number | null, expected: string, kind: 'estimate' | 'inference'): void {
  const e = Number(expected);
  expect(actual).not.toBeNull();
  const tol = kind === 'estimate' ? 1e-4 * Math.max(Math.abs(e), 1) : 1e-3 * Math.abs(e);
  expect(Math.abs(actual! - e)).toBeLessThanOrEqual(tol);
}

function expectMatchesR(cov: 'us' | 'cs', method: string): void {
  const r = fitChangeMmrm(data, VISITS, withOrder([cov]));
  expect([r.method, r.converged, r.nObs, r.nSubjects]).toEqual([method, true, data.length, 36]);
  for (const m of ref[cov].lsmeans) {
    const a = r.lsmeans.get(`${m.arm}|${m.visit}`)!;
    expectClose(a.estimate, m.estimate, 'estimate');
    expectClose(a.lower, m.lower, 'estimate');
    expectClose(a.upper, m.upper, 'estimate');
    expectClose(a.se, m.se, 'inference');
    expectClose(a.df, m.df, 'inference');
  }
  expect(r.differences.size).toBe(6);
  for (const d of ref[cov].differences) {
    const a = r.differences.get(`${d.arm}|${d.visit}`)!;
    expectClose(a.estimate, d.estimate, 'estimate');
    expectClose(a.lower, d.lower, 'estimate');
    expectClose(a.upper, d.upper, 'estimate');
    for (const k of ['se', 'df', 'p'] as const) expectClose(a[k], d[k], 'inference');
  }
}

describe('fitChangeMmrm against R mmrm + emmeans (synthetic 36 subjects × 3 visits)', () => {
  it('fits the unstructured model first (MMRM-US-KR)', () => expectMatchesR('us', 'MMRM-US-KR'));

  it('follows the settings order: compound symmetry alone gives MMRM-CS-KR', () => expectMatchesR('cs', 'MMRM-CS-KR'));

  it('without PBO data gives LS means but no difference', () => {
    const r = fitChangeMmrm(
      data.filter((o) => o.ARMCD !== 'PBO'),
      VISITS,
      settings(),
    );
    expect(r.converged).toBe(true);
    expect(r.lsmeans.get('MSC1E6|WEEK4')?.estimate).not.toBeNull();
    expect(r.differences.size).toBe(0);
  });

  it("is not estimable, with the first structure's method, when there is no observation", () => {
    const r = fitChangeMmrm([], VISITS, settings());
    expect([r.method, r.converged, r.lsmeans.size, r.differences.size]).toEqual(['MMRM-US-KR', false, 0, 0]);
    expect(r.warnings).toEqual([{ code: 'NOT_ESTIMABLE', message: 'no observation to fit' }]);
  });

  it('has no fallback warning when the first structure converges', () => {
    expect(
      fitChangeMmrm(data, VISITS, withOrder(['us', 'cs'])).warnings.filter((w) => w.code !== 'MODEL_WARNING'),
    ).toEqual([]);
  });
});

describe('mmrmChangeRows', () => {
  const id = { endpoint: 'PRO', param: 'LIT:CHG', population: 'FAS' } as const;

  it('writes every arm × visit and comparison row, empty with MMRM-US-KR when nothing converged', () => {
    const rows = mmrmChangeRows(id, VISITS, fitChangeMmrm([], VISITS, settings()));
    // per visit: 3 arms × 4 LS-mean statistics + 2 comparisons × 6 statistics
    expect(rows).toHaveLength(3 * 24);
    expect(rows.every((r) => r.value === null && r.method === 'MMRM-US-KR' && r.group !== 'TOTAL')).toBe(true);
    expect(
      rows
        .filter((r) => r.comparator === 'PBO')
        .map((r) => r.stat)
        .slice(0, 6),
    ).toEqual(['diff', 'diff_se', 'diff_lcl', 'diff_ucl', 'df', 'p']);
    expect(rows.some((r) => r.group === 'PBO' && r.comparator === 'PBO')).toBe(false);
    // Each visit's rows carry the identity with that visit (written field by field, not spread).
    expect([...new Set(rows.map((r) => [r.endpoint, r.param, r.population, r.visit].join('|')))]).toEqual(
      VISITS.map((v) => [id.endpoint, id.param, id.population, v].join('|')),
    );
  });

  it('carries the fitted values and method', () => {
    const r = fitChangeMmrm(data, VISITS, settings());
    const rows = mmrmChangeRows(id, VISITS, r);
    const row = rows.find((x) => x.group === 'MSC5E6' && x.visit === 'WEEK24' && x.stat === 'p')!;
    expect([row.comparator, row.method, row.value]).toEqual([
      'PBO',
      'MMRM-US-KR',
      r.differences.get('MSC5E6|WEEK24')!.p,
    ]);
  });
});

describe('selectMmrmObservations', () => {
  const adsl = [
    { USUBJID: 'A', FASFL: 'Y', ARMCD: 'PBO' },
    { USUBJID: 'B', FASFL: 'N', ARMCD: 'MSC1E6' },
    { USUBJID: 'C', FASFL: 'Y', ARMCD: null },
  ] as never;
  it('keeps FAS subjects with an arm, at the model visits, with BASE and CHG present', () => {
    const records = [
      { USUBJID: 'A', AVISIT: 'WEEK12', BASE: 5, CHG: -1 },
      { USUBJID: 'A', AVISIT: 'WEEK24', BASE: 5, CHG: null }, // missing change: dropped
      { USUBJID: 'A', AVISIT: 'WEEK4', BASE: 5, CHG: -2 }, // not a model visit
      { USUBJID: 'A', AVISIT: null, BASE: 5, CHG: null }, // unscheduled
      { USUBJID: 'A', AVISIT: 'BASELINE', BASE: 5, CHG: null },
      { USUBJID: 'B', AVISIT: 'WEEK12', BASE: 5, CHG: 0 }, // not FAS
      { USUBJID: 'C', AVISIT: 'WEEK12', BASE: 5, CHG: 0 }, // no arm (blinded)
      { USUBJID: 'D', AVISIT: 'WEEK12', BASE: null, CHG: null }, // not in ADSL
    ];
    expect(selectMmrmObservations(adsl, records, ['WEEK12', 'WEEK24'])).toEqual([
      { USUBJID: 'A', ARMCD: 'PBO', AVISIT: 'WEEK12', BASE: 5, CHG: -1 },
    ]);
  });
});

describe('fasArmsOf', () => {
  it("gives each subject's FAS arm by position, null outside the FAS or without an arm; the last FAS record wins", () => {
    const adsl = [
      { USUBJID: 'A', FASFL: 'Y', ARMCD: 'PBO' },
      { USUBJID: 'B', FASFL: 'N', ARMCD: 'MSC1E6' },
      { USUBJID: 'C', FASFL: 'Y', ARMCD: null },
      { USUBJID: 'A', FASFL: 'Y', ARMCD: 'MSC5E6' },
      { USUBJID: 'A', FASFL: 'N', ARMCD: 'MSC1E6' },
    ] as never as readonly AdslRecord[];
    const arms = fasArmsOf(adsl);
    expect(arms).toEqual(['MSC5E6', null, null]);
    expect(fasArmsOf(adsl)).toBe(arms);
    expect(subjectIndexOf(adsl).positionOf('C')).toBe(2);
  });
});
