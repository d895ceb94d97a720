/**
 * The R reference of the SLEDAI-2K and PRO by-visit analyses of the bundled sample
 * (test/fixtures/sledai-pro/make-sledai-pro.R: quantile(type = 2), sd(), mmrm 0.3.18
 * Kenward-Roger-Linear + emmeans) and the tolerance of each statistic compared with it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArdRow } from '../../src/ard/types.js';
import { SAMPLE_LOCK } from '../helpers/sample-run.js';

export interface ExpectedRow {
  readonly endpoint: string;
  readonly param: string;
  readonly visit: string;
  readonly group: string;
  readonly comparator: string;
  readonly stat: string;
  readonly method: string;
  readonly value: number | null;
}

interface FixtureFile {
  readonly lock_json_md5: string;
  readonly columns: readonly string[];
  readonly codes: readonly string[];
  readonly rows: readonly (readonly (string | null)[])[];
}

export function loadSledaiProFixture(): { lockJsonMd5: string; codes: readonly string[]; rows: ExpectedRow[] } {
  const f = JSON.parse(
    readFileSync(new URL('../fixtures/sledai-pro/sledai-pro-sample.json', import.meta.url), 'utf8'),
  ) as FixtureFile;
  const rows = f.rows.map((r) => {
    const o = Object.fromEntries(f.columns.map((c, i) => [c, r[i] ?? null])) as Record<string, string | null>;
    return {
      endpoint: o['endpoint']!,
      param: o['param']!,
      visit: o['visit']!,
      group: o['group']!,
      comparator: o['comparator']!,
      stat: o['stat']!,
      method: o['method']!,
      value: o['value'] === null ? null : Number(o['value']),
    };
  });
  return { lockJsonMd5: f.lock_json_md5, codes: f.codes, rows };
}

/** MD5 of the bundled sample's lock.json, to check that the fixture was made from it. */
export function sampleLockMd5(): string {
  return createHash('md5')
    .update(readFileSync(join(SAMPLE_LOCK, 'lock.json')))
    .digest('hex');
}

/**
 * Tolerances (each comparison states its source: the R fixture above):
 * - `n`, `median`, `q1`, `q3`, `min`, `max`: exact (observed values or the mean of two);
 * - `mean`, `sd`: 1e-12 × max(|R|, 1) (compensated sums here, R's long double there);
 * - MMRM `lsmean`, `diff` and the CI bounds: 1e-4 × max(|R|, 1) (the brief's 1e-4 relative, on the scale
 *   of the score's change for values near 0);
 * - MMRM `lsmean_se`, `diff_se`, `df`, `p`: 1e-3 relative.
 * Observed agreement on the sample is ~1e-7 relative for every MMRM statistic.
 */
export function withinTolerance(stat: string, actual: number, expected: number): boolean {
  const d = Math.abs(actual - expected);
  switch (stat) {
    case 'n':
    case 'median':
    case 'q1':
    case 'q3':
    case 'min':
    case 'max':
      return actual === expected;
    case 'mean':
    case 'sd':
      return d <= 1e-12 * Math.max(Math.abs(expected), 1);
    case 'lsmean':
    case 'lsmean_lcl':
    case 'lsmean_ucl':
    case 'diff':
    case 'diff_lcl':
    case 'diff_ucl':
      return d <= 1e-4 * Math.max(Math.abs(expected), 1);
    case 'lsmean_se':
    case 'diff_se':
    case 'df':
    case 'p':
      return d <= 1e-3 * Math.abs(expected);
    default:
      throw new Error(`no tolerance for statistic ${stat}`);
  }
}

const keyOf = (r: Omit<ExpectedRow, 'value'>): string =>
  [r.endpoint, r.param, r.visit, r.group, r.comparator, r.stat, r.method].join('|');

/**
 * Mismatches between the FAS ARD rows of `endpoint` and the expected rows: missing, extra, one null
 * and not the other, or outside the tolerance. Empty when all agree.
 */
export function compareWithFixture(ard: readonly ArdRow[], expected: readonly ExpectedRow[]): string[] {
  const actual = new Map(ard.map((r) => [keyOf(r), r.value]));
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const e of expected) {
    const k = keyOf(e);
    seen.add(k);
    if (!actual.has(k)) {
      problems.push(`missing ${k}`);
      continue;
    }
    const a = actual.get(k)!;
    if (a === null || e.value === null) {
      if (a !== e.value) problems.push(`${k}: ${a} vs R ${e.value}`);
    } else if (!withinTolerance(e.stat, a, e.value)) problems.push(`${k}: ${a} vs R ${e.value}`);
  }
  for (const k of actual.keys()) if (!seen.has(k)) problems.push(`extra ${k}`);
  return problems;
}
