import { describe, expect, it } from 'vitest';
import { addMonthsIso, ageOn, compareIso, isIsoDate } from '../../src/internal/dates.js';
import type { IsoDate } from '../../src/types.js';

const d = (s: string): IsoDate => s as IsoDate;

describe('isIsoDate', () => {
  it('accepts real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-12-31')).toBe(true);
  });
  it('refuses impossible days and other forms', () => {
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-3-1')).toBe(false);
    expect(isIsoDate('2025-03-01T00:00')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });
});

describe('ageOn', () => {
  it('counts the birthday itself as the new age', () => {
    expect(ageOn(d('2010-03-01'), d('2026-03-01'))).toBe(16);
    expect(ageOn(d('2010-03-01'), d('2026-02-28'))).toBe(15);
  });
  it('handles a leap-day birth', () => {
    expect(ageOn(d('2008-02-29'), d('2024-02-29'))).toBe(16);
    expect(ageOn(d('2008-02-29'), d('2026-02-28'))).toBe(17);
    expect(ageOn(d('2008-02-29'), d('2026-03-01'))).toBe(18);
  });
});

describe('addMonthsIso', () => {
  it('adds months and clamps to the end of a shorter month', () => {
    expect(addMonthsIso(d('1965-01-15'), 721)).toBe('2025-02-15');
    expect(addMonthsIso(d('2024-01-31'), 1)).toBe('2024-02-29');
  });
});

describe('compareIso', () => {
  it('orders dates', () => {
    expect(compareIso(d('2025-03-01'), d('2025-02-28'))).toBe(1);
    expect(compareIso(d('2025-02-28'), d('2025-03-01'))).toBe(-1);
    expect(compareIso(d('2025-03-01'), d('2025-03-01'))).toBe(0);
  });
});
