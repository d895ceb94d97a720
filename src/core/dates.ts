/**
 * Calendar arithmetic on ISO dates without time zones: a date is the whole number of days since
 * 1970-01-01 (UTC), so protocol days are plain integer differences and nothing depends on the clock
 * or the machine's time zone.
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

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 of a full ISO date (throws on anything else: validate first). */
export function dayNumber(iso: IsoDate): number {
  const m = FULL.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000);
}

export function fromDayNumber(n: number): IsoDate {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
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
  return Math.round(Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1) / 86_400_000);
}

/** Latest day a partial date can be (end dates are imputed to it). */
export function latestDay(p: PartialDate): number {
  const month = p.month ?? 12;
  const day = p.day ?? daysInMonth(p.year, month);
  return Math.round(Date.UTC(p.year, month - 1, day) / 86_400_000);
}
