/**
 * The data's precision d of each PRO score (SAP synopsis §3, SAP §4.9 and C1), which tables use for
 * display: SF-36 v2 and LupusPRO scores take d from the data (the most decimals `QSSTRESN_DEC` among
 * that score's rows in the lock, all subjects and visits, capped at `display.maxDataPrecision`); PROMIS T-scores and LIT, derived scores
 * without collected values, take the settings' `display.derivedPrecision`.
 */
import type { QsRow } from '../lock/types.js';
import type { SapSettings } from '../sap/index.js';
import { capDataPrecision } from './data-precision.js';

/** The most decimals among the rows of one QSCAT × QSTESTCD (0 when none has a number). */
export function computeCollectedPrecision(qs: readonly QsRow[], qscat: string, testcd: string): number {
  let d = 0;
  for (const r of qs) {
    if (r.QSCAT === qscat && r.QSTESTCD === testcd && r.QSSTRESN_DEC !== null) d = Math.max(d, r.QSSTRESN_DEC);
  }
  return d;
}

/**
 * `computeCollectedPrecision` of every QSCAT × QSTESTCD pair in `wanted` (by QSCAT, the test codes),
 * in one pass over the rows (an iterable: a large lock's QS is read a row at a time, not as an array).
 */
export function computeCollectedPrecisions(
  qs: Iterable<QsRow>,
  wanted: ReadonlyMap<string, readonly string[]>,
): ReadonlyMap<string, ReadonlyMap<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const [qscat, testcds] of wanted) out.set(qscat, new Map(testcds.map((t) => [t, 0])));
  for (const r of qs) {
    if (r.QSSTRESN_DEC === null) continue;
    const byTest = out.get(r.QSCAT);
    const d = byTest?.get(r.QSTESTCD);
    if (d !== undefined && r.QSSTRESN_DEC > d) byTest?.set(r.QSTESTCD, r.QSSTRESN_DEC);
  }
  return out;
}

/** d by score code, every PRO score of the settings. */
export function computeProPrecision(qs: Iterable<QsRow>, settings: SapSettings): ReadonlyMap<string, number> {
  return proPrecisionFrom(computeCollectedPrecisions(qs, proPrecisionPairs(settings)), settings);
}

/** The QSCAT × QSTESTCD pairs whose collected precision the PRO scores take (by QSCAT, the test codes). */
export function proPrecisionPairs(settings: SapSettings): Map<string, string[]> {
  const wanted = new Map<string, string[]>();
  for (const list of [settings.pro.sf36, settings.pro.lupuspro])
    wanted.set(list.qscat, [...(wanted.get(list.qscat) ?? []), ...list.scores.map((s) => s.code)]);
  return wanted;
}

/**
 * computeProPrecision from the collected precisions of (at least) `proPrecisionPairs` (the table layout
 * finds them in the same pass over QS as PGA's).
 */
export function proPrecisionFrom(
  collected: ReadonlyMap<string, ReadonlyMap<string, number>>,
  settings: SapSettings,
): ReadonlyMap<string, number> {
  const lists = [settings.pro.sf36, settings.pro.lupuspro];
  const out = new Map<string, number>();
  for (const list of lists) {
    for (const s of list.scores)
      out.set(s.code, capDataPrecision(collected.get(list.qscat)?.get(s.code) ?? 0, settings));
  }
  for (const code of [...settings.pro.promis.map((f) => f.code), settings.pro.lit.code]) {
    const d = settings.display.derivedPrecision[code];
    if (d === undefined) throw new Error(`settings give no display precision for ${code}`);
    out.set(code, d);
  }
  return out;
}
