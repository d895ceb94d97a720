/**
 * Worst severity of a subject's TEAEs (SAP §7.2 `WORST:` rows): the highest grade in the settings'
 * order of severities (mildest first: MILD < MODERATE < SEVERE), so a subject is counted once, under
 * the worst grade among all of its TEAEs.
 */

/** Rank of a severity in `order` (0 = mildest); throws on a value outside the code list. */
export function severityRank(severity: string, order: readonly string[]): number {
  const rank = order.indexOf(severity);
  if (rank < 0) throw new Error(`AE severity ${severity} is not one of ${order.join(', ')}`);
  return rank;
}

/** The worst of `severities` by `order`; null when there are none (no TEAE). */
export function computeWorstSeverity(severities: readonly string[], order: readonly string[]): string | null {
  let worst: string | null = null;
  let worstRank = -1;
  for (const s of severities) {
    const rank = severityRank(s, order);
    if (rank > worstRank) [worst, worstRank] = [s, rank];
  }
  return worst;
}
