/**
 * SLICC/ACR Damage Index at SCREENING and WEEK 52 (Gladman et al., Arthritis Rheum 1996): damage is
 * permanent, so WEEK 52 scores never fall below screening. About half of the subjects enter with some
 * damage (mostly musculoskeletal, skin, ocular); new damage in the year is more likely with flares and
 * high steroid doses (the caller passes that probability).
 */
import type { Prng } from '../core/prng.js';
import { SDI_SYSTEMS } from './code-lists.js';
import { numberResult, qsRow } from './qs-row.js';
import type { CsvRow, SimVisit } from './types.js';

const ENTRY_PROBABILITY: Readonly<Record<string, number>> = {
  SDIOCUL: 0.07,
  SDINEUR: 0.06,
  SDIRENL: 0.05,
  SDIPULM: 0.03,
  SDICARD: 0.03,
  SDIPVAS: 0.03,
  SDIGAST: 0.02,
  SDIMUSK: 0.14,
  SDISKIN: 0.12,
  SDIGONF: 0.03,
  SDIDIAB: 0.03,
  SDIMALG: 0.01,
};

export type Damage = Readonly<Record<string, number>>;

export function drawEntryDamage(rng: Prng): Damage {
  const out: Record<string, number> = {};
  for (const s of SDI_SYSTEMS) {
    const p = ENTRY_PROBABILITY[s.code] ?? 0;
    out[s.code] = rng.bernoulli(p) ? Math.min(s.max, rng.bernoulli(0.2) ? 2 : 1) : 0;
  }
  return out;
}

/** Damage one year later: with probability `pNew`, one system (never above its maximum) gains a point. */
export function drawLaterDamage(rng: Prng, entry: Damage, pNew: number): Damage {
  const out: Record<string, number> = { ...entry };
  if (rng.bernoulli(pNew)) {
    const open = SDI_SYSTEMS.filter((s) => (out[s.code] ?? 0) < s.max);
    const weights = open.map((s) => [s.code, (ENTRY_PROBABILITY[s.code] ?? 0.01) + 0.02] as const);
    if (weights.length > 0) {
      const code = rng.weighted(weights);
      out[code] = (out[code] ?? 0) + 1;
    }
  }
  return out;
}

export function sdiRows(usubjid: string, visit: SimVisit, damage: Damage): CsvRow[] {
  return SDI_SYSTEMS.map((s) =>
    qsRow(usubjid, visit, 'SLICC/ACR DAMAGE INDEX', s.code, s.label, numberResult(String(damage[s.code] ?? 0))),
  );
}
