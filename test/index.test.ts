import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('public surface (package.json exports → src/index.ts)', () => {
  it('exposes the pipeline stages and the statistics layer', () => {
    for (const name of [
      'loadLock',
      'loadRandomization',
      'loadSapSettings',
      'runPipeline',
      'deriveAll',
      'analyzeAll',
      'ardToCsv',
      'simulateTrial',
      'fitMmrm',
      'mmrmLsMeans',
      'miettinenNurminenCi',
      'fisherExactTwoSided',
      'fitLogistic',
      'fitNegativeBinomial',
      'kaplanMeier',
      'fitCox',
      'wilcoxonRankSum',
      'quantileType2',
      'hochberg',
    ] as const)
      expect(typeof api[name], name).toBe('function');
  });
  it('works through it: Fisher exact on [[3, 1], [1, 3]] is 0.4857142857142857 (R fisher.test)', () => {
    expect(api.fisherExactTwoSided(3, 1, 1, 3)).toBeCloseTo(0.4857142857142857, 14);
  });
});
