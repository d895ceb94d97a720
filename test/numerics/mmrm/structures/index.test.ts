import { describe, expect, it } from 'vitest';
import { SAS_COVARIANCE_NAME, createCovarianceStructure } from '../../../../src/numerics/mmrm/structures/index.js';
import { COVARIANCE_TYPES } from '../../../../src/numerics/mmrm/structures/types.js';

describe('createCovarianceStructure', () => {
  it("has SAS's number of parameters for each structure (m = 4)", () => {
    const q = Object.fromEntries(COVARIANCE_TYPES.map((t) => [t, createCovarianceStructure(t, 4).q]));
    expect(q).toEqual({ us: 10, toeph: 7, toep: 4, ar1h: 5, ar1: 2, csh: 5, cs: 2, adh: 7 });
    expect(COVARIANCE_TYPES.map((t) => SAS_COVARIANCE_NAME[t])).toEqual([
      'UN',
      'TOEPH',
      'TOEP',
      'ARH(1)',
      'AR(1)',
      'CSH',
      'CS',
      'ANTE(1)',
    ]);
  });
});
