import { readFileSync } from 'node:fs';

/** test/fixtures/glm/counts.json, written by make-counts.R (R 4.2.2, stats::glm and MASS::glm.nb). */
export interface CountCase {
  name: string;
  note: string;
  expect: 'nb' | 'poisson' | 'not-estimable';
  x: number[][];
  y: number[];
  offset: number[];
  poisson: {
    coef: number[];
    se: number[];
    z: number[];
    p: number[];
    iter: number;
    converged: boolean;
    deviance: number;
    warnings: string[];
    sumSquaredResiduals: number;
    sumY: number;
  };
  nb: {
    coef: number[];
    se: number[];
    z: number[];
    p: number[];
    theta: number;
    seTheta: number;
    twoLogLik: number;
    warnings: string[];
  };
}

export const countCases = JSON.parse(
  readFileSync(new URL('../../fixtures/glm/counts.json', import.meta.url), 'utf8'),
) as CountCase[];

/** Relative difference, or absolute when the reference is below 1e-8 (coefficients that are 0 in theory). */
export function relOrAbs(a: number | null, b: number): number {
  const d = Math.abs((a ?? NaN) - b);
  return Math.abs(b) < 1e-8 ? d : d / Math.abs(b);
}
