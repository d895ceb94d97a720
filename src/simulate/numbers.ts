/**
 * How the simulator writes numbers and dates: rounded to the recorded precision first, then printed
 * with exactly that many decimals (`Number.prototype.toFixed` is exact decimal arithmetic in
 * ECMAScript, so the same double always gives the same text).
 */
import { fromDayNumber } from '../core/dates.js';

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Value rounded to `decimals` places as `fixed` prints it (nearest to the exact binary value). */
export function roundTo(x: number, decimals: number): number {
  return Number(fixed(x, decimals));
}

/** Text with exactly `decimals` decimals; never `-0`. */
export function fixed(x: number, decimals: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`cannot print ${x}`);
  const s = (Math.abs(x) < 0.5 * 10 ** -decimals ? 0 : x).toFixed(decimals);
  return s.startsWith('-') && Number(s) === 0 ? s.slice(1) : s;
}

// Formatting a date costs more than a lookup; a simulated trial uses only a few hundred distinct days.
const ISO_CACHE = new Map<number, string>();

export function isoDate(day: number): string {
  let s = ISO_CACHE.get(day);
  if (s === undefined) {
    s = fromDayNumber(day);
    ISO_CACHE.set(day, s);
  }
  return s;
}

/** `YYYY-MM` of a day number (a partial date as collected when the day is unknown). */
export function isoMonth(day: number): string {
  return fromDayNumber(day).slice(0, 7);
}

/** VISITNUM as written: `5` for a scheduled visit, `5.01` for an unscheduled one. */
export function visitNumText(num: number): string {
  return Number.isInteger(num) ? String(num) : fixed(num, 2);
}
