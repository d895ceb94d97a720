import { describe, expect, it } from 'vitest';
import * as mmrm from '../../../src/numerics/mmrm/index.js';

describe('public surface of the MMRM engine', () => {
  it('exports the fitting, fallback and LS-means entry points', () => {
    expect(Object.keys(mmrm).sort()).toEqual(
      [
        'COVARIANCE_TYPES',
        'MmrmFitError',
        'ModelInputError',
        'SAP_COVARIANCE_ORDER',
        'contrastEstimate',
        'fitMmrm',
        'fitMmrmWithFallback',
        'mmrmLsMeans',
        'mmrmMethodName',
      ].sort(),
    );
    expect(mmrm.mmrmMethodName('ar1h', 'kr')).toBe('MMRM-AR1H-KR');
  });
});
