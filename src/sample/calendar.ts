/**
 * Calendar arithmetic of the sample data on UTC day numbers (no time zones, so every machine agrees).
 *
 * @module
 */
import type { IsoDate } from '../types.js';

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic on UTC day numbers (no time zones, so every machine agrees)

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10) as IsoDate;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** The day `years` calendar years before `date` (29 February rolls to 1 March). */
export function yearsBefore(date: IsoDate, years: number): number {
  return (
    Date.UTC(Number(date.slice(0, 4)) - years, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
    DAY_MS
  );
}

/**
 * A birth date that makes the person exactly `age` on `asOf`. `fraction` in [0, 1) places it within
 * that year of birthdays; the ends are kept a few days clear so no leap-day edge flips the age.
 */
export function birthDateFor(asOf: IsoDate, age: number, fraction: number): IsoDate {
  const latest = yearsBefore(asOf, age) - 3;
  const earliest = yearsBefore(asOf, age + 1) + 3;
  return fromDayNumber(earliest + Math.floor(fraction * (latest - earliest + 1)));
}
