/**
 * Comparison of ARD rows with an R reference fixture of rows `[endpoint, param, visit, group,
 * comparator, stat, method, value]` (value a `%.17g` string, null = not estimable), with the tolerance
 * of each statistic stated in one place.
 */
import { readFileSync } from 'node:fs';
import type { ArdRow } from '../../src/ard/types.js';

export type ReferenceRow = readonly [string, string, string, string, string, string, string, string | null];

export function readReference(url: URL): readonly ReferenceRow[] {
  return JSON.parse(readFileSync(url, 'utf8')) as ReferenceRow[];
}

export interface Tolerance {
  readonly kind: 'exact' | 'abs' | 'rel' | 'scaled';
  readonly bound: number;
}

/**
 * Counts exact; proportions and descriptives (same arithmetic on the same doubles as R, up to
 * summation order) 1e-12 × max(|expected|, 1) (relative, but absolute near 0, where a mean of changes
 * that is exactly 0 in decimals is ±1e-17 of rounding noise on either side); MN bounds 1e-9 absolute (ratesci's root finder, precis = 12);
 * Fisher, Wilcoxon and log-rank p 1e-10 relative (both sides on accurate normal / chi-square tails);
 * KM estimates and bounds 1e-12 absolute; Cox HR and its CI 1e-6 relative (two Newton iterations
 * stopping at different points).
 */
export function toleranceOf(stat: string, method: string): Tolerance {
  if (['N', 'n', 'events', 'censored'].includes(stat) && method === '') return { kind: 'exact', bound: 0 };
  switch (method) {
    case 'MN':
      return { kind: 'abs', bound: 1e-9 };
    case 'FISHER':
    case 'WILCOXON':
    case 'LOGRANK':
      return { kind: 'rel', bound: 1e-10 };
    case 'KM':
      return { kind: 'abs', bound: 1e-12 };
    case 'COX-EFRON':
      return { kind: 'rel', bound: 1e-6 };
    default:
      return { kind: 'scaled', bound: 1e-12 };
  }
}

const rowKey = (r: readonly string[]): string => r.join('|');
const ardKey = (r: ArdRow): string => rowKey([r.endpoint, r.param, r.visit, r.group, r.comparator, r.stat, r.method]);

export interface ReferenceMismatch {
  readonly key: string;
  readonly actual: number | null | undefined;
  readonly expected: string | null;
}

/**
 * Rows of `ard` (population FAS) for `endpoints` that differ from the reference beyond tolerance,
 * are missing from it, or are missing from the ARD.
 */
export function compareWithReference(
  ard: readonly ArdRow[],
  reference: readonly ReferenceRow[],
  endpoints: readonly string[],
): ReferenceMismatch[] {
  const actual = new Map(
    ard.filter((r) => endpoints.includes(r.endpoint) && r.population === 'FAS').map((r) => [ardKey(r), r.value]),
  );
  const out: ReferenceMismatch[] = [];
  const seen = new Set<string>();
  for (const ref of reference) {
    if (!endpoints.includes(ref[0])) continue;
    const key = rowKey(ref.slice(0, 7) as string[]);
    seen.add(key);
    const got = actual.get(key);
    const expected = ref[7];
    if (!withinTolerance(got, expected, toleranceOf(ref[5], ref[6]))) out.push({ key, actual: got, expected });
  }
  for (const [key, value] of actual)
    if (!seen.has(key)) out.push({ key, actual: value, expected: 'absent from the reference' });
  return out;
}

function withinTolerance(got: number | null | undefined, expected: string | null, tol: Tolerance): boolean {
  if (got === undefined) return false;
  if (expected === null || got === null) return expected === null && got === null;
  const e = Number(expected);
  const diff = Math.abs(got - e);
  switch (tol.kind) {
    case 'exact':
      return diff === 0;
    case 'abs':
      return diff <= tol.bound;
    case 'rel':
      return diff <= tol.bound * Math.abs(e);
    case 'scaled':
      return diff <= tol.bound * Math.max(Math.abs(e), 1);
  }
}
