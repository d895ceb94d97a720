import { readFileSync } from 'node:fs';

/** test/fixtures/rank/rank.json, written by make-rank.R (R 4.2.2 wilcox.test, rank) with %.17g. */
export interface RankCase {
  name: string;
  x: number[];
  y: number[];
  ties: boolean;
  ranks: number[];
  normal: { W: [number]; p: [number] };
  diffs_median: [number];
  exact?: { W: [number]; p: [number]; estimate: [number]; ci95: [number, number]; ci90: [number, number] };
  r_normal_estimate?: [number];
}

export const rankCases = JSON.parse(
  readFileSync(new URL('../../fixtures/rank/rank.json', import.meta.url), 'utf8'),
) as RankCase[];
