/**
 * Syntax of one CSV cell, per ../shared/dts/lock.md §File format: the characters a cell may hold, plain
 * decimal numbers, ISO dates with an optional time part, partial dates, and the placeholders that are bad
 * input. Predicates only; the table reader decides which applies to a column and words the issue.
 */
import { isValidIsoDate } from '../core/dates.js';

/**
 * Characters no cell (header names included) may hold: C0 controls but the CRLF/LF line breaks of a
 * quoted field, a CR not followed by LF, DEL, C1 controls (a terminal may act on U+009B as on ESC [), and
 * the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which reorder what a reader
 * sees. A line break in a cell can only come from a quoted field: an unquoted one ends the record.
 */
const FORBIDDEN_CHARACTER = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

/** ASCII spaces around a value: padding (SAS exports pad), not part of it. */
const PADDING = /^ +| +$/g;

const CONTROL_NAMES: Readonly<Record<number, string>> = {
  0: 'NUL',
  9: 'TAB',
  12: 'FF',
  13: 'CR',
  27: 'ESC',
  127: 'DEL',
};

function codePoint(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `U+001B (ESC)`: how a rule names a character without printing it. */
function characterName(c: number): string {
  const name = CONTROL_NAMES[c];
  return name === undefined ? codePoint(c) : `${codePoint(c)} (${name})`;
}

/**
 * The rule a cell's raw text breaks by its characters, or null: a forbidden character anywhere, or a
 * no-break space or tab at either end once the ASCII spaces are trimmed. Never echoes the text (it may
 * hold an escape sequence).
 */
export function characterRule(raw: string): string | null {
  const m = FORBIDDEN_CHARACTER.exec(raw);
  if (m !== null) {
    const c = m[0].charCodeAt(0);
    const kind =
      c >= 0x202a ? 'a bidirectional formatting character' : c === 13 ? 'a CR without LF' : 'a control character';
    return `${kind} ${characterName(c)} at position ${m.index + 1}: control and invisible formatting characters are not allowed in a cell`;
  }
  const text = trimCell(raw);
  if (text.startsWith('\u00a0') || text.endsWith('\u00a0')) {
    return `a no-break space (U+00A0) at the ${text.startsWith('\u00a0') ? 'start' : 'end'} of the value: only ASCII spaces are trimmed`;
  }
  return null;
}

/** The text without the characters `characterRule` refuses (to name the column a broken header means). */
export function withoutForbiddenCharacters(raw: string): string {
  return raw.replace(new RegExp(FORBIDDEN_CHARACTER.source, 'g'), '').replace(/^[ \u00a0]+|[ \u00a0]+$/g, '');
}

/** The value of a cell: its text without leading and trailing ASCII spaces. */
export function trimCell(raw: string): string {
  return raw.charCodeAt(0) === 32 || raw.charCodeAt(raw.length - 1) === 32 ? raw.replace(PADDING, '') : raw;
}

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

/** Numbers are finite with magnitude below this (lock.md §File format). */
export const MAGNITUDE_LIMIT = 1e15;
/** Significant digits a number keeps; a longer export of a double is rounded to them. */
export const SIGNIFICANT_DIGITS = 15;

/** Value of a plain decimal number, or null when the text is not one (its size is `magnitudeRule`'s). */
export function parsePlainNumber(text: string): number | null {
  if (!PLAIN_NUMBER.test(text)) return null;
  return Number(text);
}

/** Value of a whole number written without a decimal point, or null (its size is `magnitudeRule`'s). */
export function parseWholeNumber(text: string): number | null {
  if (!WHOLE_NUMBER.test(text)) return null;
  return Number(text);
}

/**
 * The rule a number's size breaks, or null: magnitude 1e15 or more (infinity included), or a non-zero
 * number so small that it reads as 0.
 */
export function magnitudeRule(text: string, value: number): string | null {
  if (!(Math.abs(value) < MAGNITUDE_LIMIT)) return `${text} is too large: a number's magnitude must be below 1e15`;
  if (value === 0 && /[1-9]/.test(mantissaOf(text)))
    return `${text} is too small to be represented: it would read as 0`;
  return null;
}

function mantissaOf(text: string): string {
  const e = text.search(/[eE]/);
  return e === -1 ? text : text.slice(0, e);
}

/**
 * Significant digits as written: from the mantissa's first non-zero digit to its last non-zero digit
 * (`0.35000000000000003` → 17, `12.50` → 3, `0` → 0). Trailing zeros add no digit a double lacks.
 */
export function significantDigits(text: string): number {
  const digits = mantissaOf(text)
    .replace(/[^0-9]/g, '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return digits.length;
}

/**
 * A number written with more than 15 significant digits (a double exported in full, `0.35000000000000003`)
 * as read: its value rounded to 15 significant digits and the decimals of that value's shortest form
 * (`0.35`, 2), so that its noise digits drive no display precision. Null when the text has 15 or fewer.
 */
export function roundedToSignificant(
  text: string,
  value: number,
): { readonly value: number; readonly decimals: number } | null {
  // A text of at most 15 characters has at most 15 digits: most cells, read without the digit count's regexes.
  if (text.length <= SIGNIFICANT_DIGITS || significantDigits(text) <= SIGNIFICANT_DIGITS) return null;
  const rounded = Number(value.toPrecision(SIGNIFICANT_DIGITS));
  return { value: rounded, decimals: decimalsWritten(String(rounded)) };
}

/**
 * Decimals as written, the data's precision that drives display rounding: `1.50` → 2, `12` → 0,
 * `-1.5e-3` → 4 (digits after the point minus the exponent, never below 0). Assumes a plain number.
 */
export function decimalsWritten(text: string): number {
  const e = text.search(/[eE]/);
  const mantissa = mantissaOf(text);
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

/** Every date, partial ones too, lies in these years (lock.md §Dates). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

/** The rule a valid (possibly partial) date's year breaks, or null. */
export function yearRule(text: string): string | null {
  const year = Number(text.slice(0, 4));
  return year < FIRST_YEAR || year > LAST_YEAR ? `'${text}' is outside the years ${FIRST_YEAR}–${LAST_YEAR}` : null;
}

/**
 * A date that may be partial: `YYYY`, `YYYY-MM`, or a full date (with optional time, whose date part is
 * kept). Returns the text to keep, or null.
 */
export function partialDateText(text: string): string | null {
  if (PARTIAL_DATE.test(text)) return text;
  return isoDatePart(text);
}
