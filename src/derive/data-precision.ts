/**
 * The data's precision d of a collected parameter (SAP §4.9): the most decimals among its values as
 * written in the lock, capped at the settings' `display.maxDataPrecision` (C13), so that the tables'
 * decimals follow the SAP and never the way a source value happens to be written (a value with 17
 * decimals would otherwise print a mean with 18 and an SD with 19).
 */
import type { SapSettings } from '../sap/index.js';

/** d of values written with `decimals` (null = no number): the most, 0 when none, at most the cap. */
export function computeDataPrecision(
  decimals: Iterable<number | null>,
  settings: Pick<SapSettings, 'display'>,
): number {
  let d = 0;
  for (const x of decimals) if (x !== null && x > d) d = x;
  return capDataPrecision(d, settings);
}

/** `d` capped at `display.maxDataPrecision`. */
export function capDataPrecision(d: number, settings: Pick<SapSettings, 'display'>): number {
  return Math.min(d, settings.display.maxDataPrecision);
}
