// Test helper: the FEV1 reference data (test/fixtures/mmrm/fev_data.csv, from R mmrm) and tolerance checks.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';

export const FIXTURES = new URL('../../fixtures/mmrm/', import.meta.url);

export function readFev(): Record<string, string>[] {
  return parse(readFileSync(new URL('fev_data.csv', FIXTURES), 'utf8'), { columns: true }) as Record<string, string>[];
}

export function readReference(): Record<string, any> {
  return JSON.parse(readFileSync(new URL('mmrm-reference.json', FIXTURES), 'utf8'));
}

export const VISITS = ['VIS1', 'VIS2', 'VIS3', 'VIS4'];

/** |actual − expected| ≤ max(abs, rel·|expected|). */
export function expectNear(
  actual: number | null | undefined,
  expected: number,
  abs: number,
  rel: number,
  what = '',
): void {
  expect(actual, what).not.toBeNull();
  expect(actual, what).toBeDefined();
  const tol = Math.max(abs, rel * Math.abs(expected));
  expect(Math.abs(actual! - expected), `${what}: ${actual} vs ${expected} (tol ${tol})`).toBeLessThanOrEqual(tol);
}
