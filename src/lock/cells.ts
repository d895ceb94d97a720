/**
 * Syntax of one CSV cell, per ../shared/dts/lock.md §File format: plain decimal numbers, ISO dates with an
 * optional time part, partial dates, and the placeholders that are bad input. Predicates only; the table
 * reader decides which applies to a column and words the issue.
 */
import { isValidIsoDate } from '../core/dates.js';

/** `12`, `0.35`, `-1.5e-3`: digits on both sides of a point, no sign `+`, no thousands separator. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const WHOLE_NUMBER = /^-?\d+$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)?$/;
const PARTIAL_DATE = /^\d{4}(?:-(0[1-9]|1[0-2]))?$/;
const PLACEHOLDER = /^(?:NA|N\/A|\.|NULL|NAN)$/i;

/** A value that stands in for "missing" where the contract requires the empty field. */
export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}

/** Value of a plain decimal number, or null when the text is not one (or overflows to infinity). */
export function parsePlainNumber(text: string): number | null {
  if (!PLAIN_NUMBER.test(text)) return null;
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
}

/** Value of a whole number written without a decimal point, or null. */
export function parseWholeNumber(text: string): number | null {
  if (!WHOLE_NUMBER.test(text)) return null;
  const v = Number(text);
  return Number.isSafeInteger(v) ? v : null;
}

/**
 * Decimals as written, the data's precision that drives display rounding: `1.50` → 2, `12` → 0,
 * `-1.5e-3` → 4 (digits after the point minus the exponent, never below 0). Assumes a plain number.
 */
export function decimalsWritten(text: string): number {
  const e = text.search(/[eE]/);
  const mantissa = e === -1 ? text : text.slice(0, e);
  const exponent = e === -1 ? 0 : Number(text.slice(e + 1));
  const point = mantissa.indexOf('.');
  const fraction = point === -1 ? 0 : mantissa.length - point - 1;
  return Math.max(0, fraction - exponent);
}

/**
 * The date part of `YYYY-MM-DD`, `YYYY-MM-DDThh:mm` or `YYYY-MM-DDThh:mm:ss` (a real calendar date and
 * a valid clock time), or null.
 */
export function isoDatePart(text: string): string | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const date = m[1] as string;
  return isValidIsoDate(date) ? date : null;
}

/**
 * A date that may be partial: `YYYY`, `YYYY-MM`, or a full date (with optional time, whose date part is
 * kept). Returns the text to keep, or null.
 */
export function partialDateText(text: string): string | null {
  if (PARTIAL_DATE.test(text)) return text;
  return isoDatePart(text);
}
