/**
 * Calendar helpers on ISO `YYYY-MM-DD` dates, built on date-fns so that month ends and leap days
 * follow one well-tested implementation.
 *
 * @module
 */
import { addMonths, differenceInYears, format, isValid, parseISO } from 'date-fns';
import type { IsoDate } from '../types.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

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
  const d = parseISO(s);
  // parseISO rolls nothing over, but an impossible day yields Invalid Date; re-format to be sure.
  return isValid(d) && format(d, 'yyyy-MM-dd') === s;
}

/**
 * A person's age in whole years on a date: the birthday itself counts as the new age.
 *
 * @param birthDate - The date of birth.
 * @param date - The date the age is taken on.
 * @returns Completed years between the two dates (negative if `date` is before `birthDate`).
 * @example
 * ageOn('2010-03-01' as IsoDate, '2026-03-01' as IsoDate) //=> 16
 * ageOn('2010-03-01' as IsoDate, '2026-02-28' as IsoDate) //=> 15
 */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  return differenceInYears(parseISO(date), parseISO(birthDate));
}

/**
 * A date moved by a whole number of months; a day past the end of the target month is clamped to
 * its last day (date-fns semantics: 2024-01-31 + 1 month = 2024-02-29).
 *
 * @param date - The start date.
 * @param months - Months to add (may be negative).
 * @returns The resulting date.
 * @example
 * addMonthsIso('1965-01-15' as IsoDate, 721) //=> '2025-02-15'
 */
export function addMonthsIso(date: IsoDate, months: number): IsoDate {
  return format(addMonths(parseISO(date), months), 'yyyy-MM-dd') as IsoDate;
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
