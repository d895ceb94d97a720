/**
 * What the double-programming validations (test/validation/*-double-programming.test.ts) share: the check
 * that an R fixture was made from the lock it is compared on, and that production and R have the same ARD
 * rows (keyed as everywhere else, `ardKeyText`), each once.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ardKeyText, type ArdRow } from '../../src/ard/types.js';

/** The `meta.json` an R script writes beside its fixture. */
export interface RFixtureMeta {
  readonly command: string;
  readonly lock_json_md5: string;
  readonly randomization_md5: string;
}

const md5 = (path: string) => createHash('md5').update(readFileSync(path)).digest('hex');

/** The fixture was derived from this lock and randomization file (else: regenerate with its command). */
export function expectFreshFixture(meta: RFixtureMeta, lockDir: string, randomization: string): void {
  expect(md5(join(lockDir, 'lock.json')), `stale fixture; regenerate with: ${meta.command}`).toBe(meta.lock_json_md5);
  expect(md5(randomization), `stale fixture; regenerate with: ${meta.command}`).toBe(meta.randomization_md5);
}

/** Production's rows by ARD key. */
export function byArdKey(rows: readonly ArdRow[]): Map<string, ArdRow> {
  return new Map(rows.map((r) => [ardKeyText(r), r]));
}

/** Production and R have exactly the same ARD keys, each once. */
export function expectSameArdRows(production: readonly ArdRow[], reference: readonly Record<string, string>[]): void {
  const productionByKey = byArdKey(production);
  expect(production.length).toBe(productionByKey.size);
  const mine = new Set(reference.map(ardKeyText));
  expect(mine.size).toBe(reference.length);
  expect(
    [...productionByKey.keys()].filter((k) => !mine.has(k)),
    'rows only in production',
  ).toEqual([]);
  expect(
    [...mine].filter((k) => !productionByKey.has(k)),
    'rows only in R',
  ).toEqual([]);
}

/** One ARD row as an R script writes it to JSON (test/fixtures/<area>/*-sample.json). */
export interface RJsonArdRow {
  readonly endpoint: string;
  readonly param: string;
  readonly visit: string;
  readonly population: string;
  readonly group: string;
  readonly stat: string;
  readonly value: number | null;
}

/**
 * Production has exactly R's rows (keyed without comparator and method, which these R scripts do not
 * write) and every value within `relTol` relative (absolute below 1); nulls must match.
 */
export function expectArdMatchesRJson(
  production: readonly ArdRow[],
  ref: readonly RJsonArdRow[],
  relTol: number,
): void {
  const k = (r: Omit<RJsonArdRow, 'value'>) => [r.endpoint, r.param, r.visit, r.population, r.group, r.stat].join('|');
  const mine = new Map(production.map((r) => [k(r), r.value]));
  expect(mine.size).toBe(ref.length);
  const diffs: string[] = [];
  for (const r of ref) {
    const m = mine.get(k(r));
    if (m === undefined) diffs.push(`missing ${k(r)}`);
    else if (
      r.value === null || m === null ? r.value !== m : Math.abs(m - r.value) > relTol * Math.max(1, Math.abs(r.value))
    )
      diffs.push(`${k(r)}: ARD ${m}, R ${r.value}`);
  }
  expect(diffs).toEqual([]);
}
