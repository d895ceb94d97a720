/**
 * Laboratory panels by LB category: the haematology tests are those the lock records under LBCAT
 * HEMATOLOGY (dts/domains.md), in the order the lock first lists them (its own panel order), so the
 * haematology outputs follow the data rather than a hard-coded test list, and show nothing when the
 * lock holds no haematology.
 */
import type { LbRow } from '../lock/types.js';

export const HAEMATOLOGY_CATEGORY = 'HEMATOLOGY';

export function computeHaematologyTests(lb: readonly Pick<LbRow, 'LBCAT' | 'LBTESTCD'>[]): string[] {
  const tests: string[] = [];
  for (const r of lb) if (r.LBCAT === HAEMATOLOGY_CATEGORY && !tests.includes(r.LBTESTCD)) tests.push(r.LBTESTCD);
  return tests;
}

/** A test's display label from the lock: `LBTEST (LBSTRESU)` of its first record. */
export function computeTestLabels(lb: readonly Pick<LbRow, 'LBTESTCD' | 'LBTEST' | 'LBSTRESU'>[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of lb)
    if (!out.has(r.LBTESTCD)) out.set(r.LBTESTCD, r.LBSTRESU === null ? r.LBTEST : `${r.LBTEST} (${r.LBSTRESU})`);
  return out;
}
