/** The covariance structures by their command-line names. */
import {
  antedependenceCovariance,
  autoregressiveHeterogeneousCovariance,
  compoundSymmetryHeterogeneousCovariance,
  toeplitzHeterogeneousCovariance,
} from './heterogeneous.js';
import { autoregressiveCovariance, compoundSymmetryCovariance, toeplitzCovariance } from './homogeneous.js';
import type { CovarianceStructure, CovarianceType } from './types.js';
import { unstructuredCovariance } from './unstructured.js';

export function createCovarianceStructure(type: CovarianceType, m: number): CovarianceStructure {
  switch (type) {
    case 'us':
      return unstructuredCovariance(m);
    case 'toeph':
      return toeplitzHeterogeneousCovariance(m);
    case 'toep':
      return toeplitzCovariance(m);
    case 'ar1h':
      return autoregressiveHeterogeneousCovariance(m);
    case 'ar1':
      return autoregressiveCovariance(m);
    case 'csh':
      return compoundSymmetryHeterogeneousCovariance(m);
    case 'cs':
      return compoundSymmetryCovariance(m);
    case 'adh':
      return antedependenceCovariance(m);
  }
}

/** SAS's name of the structure (TYPE=…). */
export const SAS_COVARIANCE_NAME: Readonly<Record<CovarianceType, string>> = {
  us: 'UN',
  toeph: 'TOEPH',
  toep: 'TOEP',
  ar1h: 'ARH(1)',
  ar1: 'AR(1)',
  csh: 'CSH',
  cs: 'CS',
  adh: 'ANTE(1)',
};
