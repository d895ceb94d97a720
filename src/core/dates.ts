/**
 * Calendar arithmetic on ISO dates without time zones: a date is the whole number of days since
 * 1970-01-01 (proleptic Gregorian), so protocol days are plain integer differences and nothing depends
 * on the clock or the machine's time zone. Plain arithmetic, not `Date.UTC`, which reads the years
 * 0–99 as 1900–1999 (a date `0024-03-01` would silently become 1924).
 */
export type IsoDate = string; // YYYY-MM-DD

const FULL = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(s: string): boolean {
  const m = FULL.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
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
  const m = FULL.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return civilDayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
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
  let m = /^(\d{4})$/.exec(s);
  if (m) return { year: Number(m[1]) };
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : undefined;
  }
  if (isValidIsoDate(s)) {
    const [y, mo, d] = s.split('-').map(Number) as [number, number, number];
    return { year: y, month: mo, day: d };
  }
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
