import { readFileSync } from 'node:fs';

type N = number | null;
/** test/fixtures/survival/survival.json, written by make-survival.R (R 4.2.2, survival 3.5.3). */
export interface SurvivalCase {
  name: string;
  note: string;
  time: number[];
  status: number[];
  arm: string[];
  columns: string[];
  x: number[][];
  km: Record<
    string,
    {
      time: number[];
      nRisk: number[];
      nEvent: number[];
      nCensor: number[];
      surv: number[];
      seLog: N[];
      lower: N[];
      upper: N[];
      median: N[];
      medianLower: N[];
      medianUpper: N[];
    }
  >;
  at: Record<string, { times: number[]; surv: N[]; se: N[]; lower: N[]; upper: N[] }>;
  logrank: { chisq: number; df: number; p: number; observed: number[]; expected: number[] };
  logrankPairs: { group: string; chisq: number; df: number; p: number }[];
  efron: CoxRef;
  breslow: CoxRef;
}
export interface CoxRef {
  coef: number[];
  se: number[];
  z: number[];
  p: number[];
  loglik: number[];
  iter: number;
  warnings: string[];
}

export const survivalCases = JSON.parse(
  readFileSync(new URL('../../fixtures/survival/survival.json', import.meta.url), 'utf8'),
) as SurvivalCase[];

/** |a − b| / |b| (absolute below 1e-12); both null counts as equal, one null as a failure (Infinity). */
export function diff(a: N | undefined, b: N | undefined): number {
  if (a === null && b === null) return 0;
  if (a === null || b === null || a === undefined || b === undefined) return Infinity;
  const d = Math.abs(a - b);
  return Math.abs(b) < 1e-12 ? d : d / Math.abs(b);
}
