import { addDays, addMonths, differenceInYears, format, isValid, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso, addMonthsIso, ageOn, isIsoDate } from '../../src/internal/dates.js';
import type { IsoDate } from '../../src/types.js';

/** Real dates from year 1000 to 9999 (date-fns formats four-digit years only). */
const dateArb: fc.Arbitrary<IsoDate> = fc
  .date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10) as IsoDate);
/** Strings shaped like dates, most of them impossible. */
const shapedArb = fc
  .tuple(
    fc.integer({ min: 1000, max: 9999 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const ref = (s: string): Date => parseISO(s);
const out = (d: Date): string => format(d, 'yyyy-MM-dd');

describe('calendar arithmetic agrees with date-fns', () => {
  it('isIsoDate: the same days exist', () => {
    fc.assert(
      fc.property(shapedArb, (s) => {
        expect(isIsoDate(s)).toBe(isValid(ref(s)) && out(ref(s)) === s);
      }),
      { numRuns: 2000 },
    );
  });

  it('ageOn: the same whole years, either way round', () => {
    fc.assert(
      fc.property(dateArb, dateArb, (a, b) => {
        expect(ageOn(a, b)).toBe(differenceInYears(ref(b), ref(a)) + 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('addMonthsIso: the same day, month ends clamped', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -2400, max: 2400 }), (a, n) => {
        const expected = addMonths(ref(a), n);
        fc.pre(expected.getFullYear() >= 1000 && expected.getFullYear() <= 9999);
        expect(addMonthsIso(a, n)).toBe(out(expected));
      }),
      { numRuns: 2000 },
    );
  });

  it('addDaysIso: the same day', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -400_000, max: 400_000 }), (a, n) => {
        const expected = addDays(ref(a), n);
        fc.pre(expected.getFullYear() >= 1000 && expected.getFullYear() <= 9999);
        expect(addDaysIso(a, n)).toBe(out(expected));
      }),
      { numRuns: 2000 },
    );
  });
});
