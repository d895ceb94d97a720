/**
 * Calendar arithmetic on ISO dates without time zones: a date is the whole number of days since
 * 1970-01-01 (proleptic Gregorian), so protocol days are plain integer differences and nothing depends
 * on the clock or the machine's time zone. Plain arithmetic, not `Date.UTC`, which reads the years
 * 0–99 as 1900–1999 (a date `0024-03-01` would silently become 1924).
 */
export type IsoDate = string; // YYYY-MM-DD

/**
 * Whether `s` is `YYYY-MM-DD` in ASCII digits (the shape /^\d{4}-\d{2}-\d{2}$/ matches), read by
 * character codes: dates are parsed once per record in every derivation, and a regular expression's
 * match array per call was a few percent of a run's garbage.
 */
export function hasIsoDateShape(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== DASH || s.charCodeAt(7) !== DASH) return false;
  return digitsAt(s, 0, 4) >= 0 && digitsAt(s, 5, 2) >= 0 && digitsAt(s, 8, 2) >= 0;
}

const DASH = 0x2d;
const ZERO = 0x30;

/** The number written by `count` ASCII digits of `s` from `at`, or −1 when one is not 0–9. */
function digitsAt(s: string, at: number, count: number): number {
  let v = 0;
  for (let i = at; i < at + count; i++) {
    const d = s.charCodeAt(i) - ZERO;
    if (!(d >= 0 && d <= 9)) return -1;
    v = v * 10 + d;
  }
  return v;
}

export function isValidIsoDate(s: string): boolean {
  if (!hasIsoDateShape(s)) return false;
  const y = digitsAt(s, 0, 4);
  const mo = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] as number);
}

/**
 * Days since 1970-01-01 of year-month-day in the proleptic Gregorian calendar (H. Hinnant's
 * `days_from_civil`): years counted from March so that the leap day ends a year.
 */
export function civilDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Days since 1970-01-01 of a full ISO date (throws on anything else: validate first). */
export function dayNumber(iso: IsoDate): number {
  if (!hasIsoDateShape(iso)) throw new Error(`not an ISO date: ${iso}`);
  return civilDayNumber(digitsAt(iso, 0, 4), digitsAt(iso, 5, 2), digitsAt(iso, 8, 2));
}

/** The ISO date of a day number (inverse of `dayNumber`, H. Hinnant's `civil_from_days`). */
export function fromDayNumber(n: number): IsoDate {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Protocol day: date − infusion date (Day 0 is the infusion day; earlier dates are negative). */
export function protocolDay(date: IsoDate, infusionDate: IsoDate): number {
  return dayNumber(date) - dayNumber(infusionDate);
}

/** A partial date `YYYY`, `YYYY-MM` or a full `YYYY-MM-DD`. */
export interface PartialDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

export function parsePartialDate(s: string): PartialDate | undefined {
  // `YYYY`, `YYYY-MM` (ASCII digits), or a valid full date; read by character codes as hasIsoDateShape.
  const year = s.length >= 4 ? digitsAt(s, 0, 4) : -1;
  if (year < 0) return undefined;
  if (s.length === 4) return { year };
  if (s.length === 7 && s.charCodeAt(4) === DASH) {
    const month = digitsAt(s, 5, 2);
    if (month < 0) return undefined;
    return month >= 1 && month <= 12 ? { year, month } : undefined;
  }
  if (isValidIsoDate(s)) return { year, month: digitsAt(s, 5, 2), day: digitsAt(s, 8, 2) };
  return undefined;
}

/** Earliest day a partial date can be (start dates are imputed to it). */
export function earliestDay(p: PartialDate): number {
  return civilDayNumber(p.year, p.month ?? 1, p.day ?? 1);
}

/** Latest day a partial date can be (end dates are imputed to it). */
export function latestDay(p: PartialDate): number {
  const month = p.month ?? 12;
  const day = p.day ?? daysInMonth(p.year, month);
  return civilDayNumber(p.year, month, day);
}
