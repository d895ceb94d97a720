/**
 * Physician Global Assessment (0–3 visual analogue scale) as a rater reads the state: about 0.1 per
 * SLEDAI-2K point plus extra weight for BILAG A and B domains, the rater's own offset and visit noise.
 * Recorded to two decimals, or one at the sites whose eCRF has a one-decimal field.
 */
import type { Prng } from '../core/prng.js';
import { numberResult, qsRow } from './qs-row.js';
import { clamp, fixed } from './numbers.js';
import type { CsvRow, DiseaseProfile, Levels, SimVisit } from './types.js';

/** Sites whose eCRF records the PGA with one decimal. */
const ONE_DECIMAL_SITES: ReadonlySet<string> = new Set(['104', '108']);

export function pgaDecimals(siteid: string): number {
  return ONE_DECIMAL_SITES.has(siteid) ? 1 : 2;
}

export function drawPga(rng: Prng, profile: DiseaseProfile, levels: Levels, sledai: number): number {
  let a = 0;
  let b = 0;
  for (const l of Object.values(levels)) {
    if (l >= 3) a++;
    else if (l === 2) b++;
  }
  return clamp(0.15 + 0.09 * sledai + 0.35 * Math.min(a, 1) + 0.08 * b + profile.pgaOffset + rng.normal(0, 0.12), 0, 3);
}

export function pgaRow(usubjid: string, visit: SimVisit, pga: number, decimals: number): CsvRow {
  return qsRow(usubjid, visit, 'PGA', 'PGA', 'Physician Global Assessment', numberResult(fixed(pga, decimals)));
}
