import { describe, expect, it } from 'vitest';
import { fitMmrmWithFallback } from '../../../src/numerics/mmrm/fallback.js';
import { VISITS, readFev } from './fev.js';

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
    expect(r.attempts.map((a) => [a.covariance, a.converged])).toEqual([['us', false], ['toeph', false], ['ar1h', true]]);
    expect([r.method, r.covariance, r.allFailed, r.fit?.converged]).toEqual(['MMRM-AR1H-KR', 'ar1h', false, true]);
  });
  it('reports all failed with method MMRM-US-KR and no fit', () => {
    const r = fitMmrmWithFallback(fev, { ...spec, maxIterations: 0 });
    expect([r.fit, r.method, r.allFailed, r.attempts.map((a) => a.covariance)]).toEqual([
      null, 'MMRM-US-KR', true, ['us', 'toeph', 'ar1h', 'cs'],
    ]);
  });
  it('propagates specification errors instead of trying the next structure', () => {
    expect(() => fitMmrmWithFallback(fev, { ...spec, formula: 'FEV1 ~ NOPE' })).toThrow(/unknown variable/);
  });
});
