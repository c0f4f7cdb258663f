/**
 * Calendar helpers on ISO `YYYY-MM-DD` dates, in whole-number arithmetic on the proleptic Gregorian
 * calendar: no `Date` object, so no time zone and no parsing on the planner's hot paths (compiling
 * 10^5 labourers asks for an age and a retirement date of each). Held to date-fns, the reference
 * implementation, by property tests.
 *
 * @module
 */
import type { IsoDate } from '../types.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Days in a month of a year (month 1–12). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Year, month and day of an ISO date string (not checked). */
function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** An ISO date from year, month and day (the year padded to four digits). */
function iso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;
}

/**
 * Whether a string is a real calendar date written `YYYY-MM-DD`.
 *
 * @param s - The string to test.
 * @returns True if `s` has the form `YYYY-MM-DD` and names a day that exists.
 * @example
 * isIsoDate('2024-02-29') //=> true
 * isIsoDate('2025-02-29') //=> false
 * isIsoDate('2025-3-1') //=> false
 */
export function isIsoDate(s: string): s is IsoDate {
  if (!ISO_DATE.test(s)) return false;
  const [y, m, d] = parts(s);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * A person's age in whole years on a date: the birthday itself counts as the new age (someone born
 * on 29 February is a year older on 1 March of a common year).
 *
 * @param birthDate - The date of birth.
 * @param date - The date the age is taken on.
 * @returns Completed years between the two dates (negative if `date` is before `birthDate`).
 * @example
 * ageOn('2010-03-01' as IsoDate, '2026-03-01' as IsoDate) //=> 16
 * ageOn('2010-03-01' as IsoDate, '2026-02-28' as IsoDate) //=> 15
 */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  if (date < birthDate) return 0 - ageOn(date, birthDate);
  const [y1, m1, d1] = parts(birthDate);
  const [y2, m2, d2] = parts(date);
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}

/**
 * A date moved by a whole number of months; a day past the end of the target month is clamped to
 * its last day (2024-01-31 + 1 month = 2024-02-29).
 *
 * @param date - The start date.
 * @param months - Months to add (may be negative).
 * @returns The resulting date.
 * @example
 * addMonthsIso('1965-01-15' as IsoDate, 721) //=> '2025-02-15'
 */
export function addMonthsIso(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return iso(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Days from 1970-01-01 to a civil date (H. Hinnant's `days_from_civil`). */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (`civil_from_days`). */
function fromDayNumber(z0: number): IsoDate {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return iso(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

/**
 * A date moved by a whole number of days.
 *
 * @param date - The start date.
 * @param days - Days to add (may be negative).
 * @returns The resulting date.
 * @example
 * addDaysIso('2024-02-28' as IsoDate, 2) //=> '2024-03-01'
 */
export function addDaysIso(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date);
  return fromDayNumber(dayNumber(y, m, d) + days);
}

/**
 * Days from one date to another (negative when `to` is earlier).
 *
 * @param from - The first date.
 * @param to - The second date.
 * @returns Whole days between them.
 * @example
 * daysBetween('2024-02-28' as IsoDate, '2024-03-01' as IsoDate) //=> 2
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return dayNumber(y2, m2, d2) - dayNumber(y1, m1, d1);
}

/**
 * Today's date where the code runs (the local calendar day).
 *
 * @returns Today as `YYYY-MM-DD`.
 * @example
 * todayIso() //=> '2026-12-02'
 */
export function todayIso(): IsoDate {
  const now = new Date();
  return iso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/**
 * Compares two ISO dates: lexicographic order equals calendar order for `YYYY-MM-DD` strings,
 * so no parsing is needed.
 *
 * @param a - A date.
 * @param b - Another date.
 * @returns Negative if `a` is earlier, 0 if equal, positive if later.
 * @example
 * compareIso('2025-03-01' as IsoDate, '2025-02-28' as IsoDate) //=> 1
 */
export function compareIso(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
