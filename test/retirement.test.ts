import { describe, expect, it } from 'vitest';
import { RETIREMENT_2025, dongguanPolicy } from '../src/policy/dongguan.js';
import type { Policy, RetirementRule } from '../src/policy/types.js';
import {
  earliestRetirementDate,
  retirementAgeMonths,
  retirementOf,
  retirementRuleOn,
} from '../src/retirement.js';
import type { IsoDate } from '../src/types.js';

const d = (s: string): IsoDate => s as IsoDate;

describe('retirementAgeMonths — men (60 → 63, 4 birth months per month)', () => {
  const male = RETIREMENT_2025.male;
  it('does not delay the last birth month before the reform', () => {
    expect(retirementAgeMonths(male, d('1964-12-31'))).toBe(720);
  });
  it('delays the first reformed birth month by one month', () => {
    expect(retirementAgeMonths(male, d('1965-01-01'))).toBe(721);
    expect(retirementAgeMonths(male, d('1965-04-30'))).toBe(721);
    expect(retirementAgeMonths(male, d('1965-05-01'))).toBe(722);
  });
  it('reaches 63 with the birth month 1976-09 and stays there', () => {
    expect(retirementAgeMonths(male, d('1976-08-31'))).toBe(755);
    expect(retirementAgeMonths(male, d('1976-09-01'))).toBe(756);
    expect(retirementAgeMonths(male, d('1990-01-01'))).toBe(756);
  });
});

describe('retirementAgeMonths — women cadres (55 → 58, 4 birth months per month)', () => {
  const cadre = RETIREMENT_2025.femaleCadre;
  it('phases in from 1970-01 and reaches 58 with 1981-09', () => {
    expect(retirementAgeMonths(cadre, d('1969-12-31'))).toBe(660);
    expect(retirementAgeMonths(cadre, d('1970-01-01'))).toBe(661);
    expect(retirementAgeMonths(cadre, d('1981-08-01'))).toBe(695);
    expect(retirementAgeMonths(cadre, d('1981-09-01'))).toBe(696);
  });
});

describe('retirementAgeMonths — women workers (50 → 55, 2 birth months per month)', () => {
  const labourer = RETIREMENT_2025.femaleWorker;
  it('phases in from 1975-01 and reaches 55 with 1984-11', () => {
    expect(retirementAgeMonths(labourer, d('1974-12-31'))).toBe(600);
    expect(retirementAgeMonths(labourer, d('1975-01-01'))).toBe(601);
    expect(retirementAgeMonths(labourer, d('1975-02-28'))).toBe(601);
    expect(retirementAgeMonths(labourer, d('1975-03-01'))).toBe(602);
    expect(retirementAgeMonths(labourer, d('1984-10-31'))).toBe(659);
    expect(retirementAgeMonths(labourer, d('1984-11-01'))).toBe(660);
    expect(retirementAgeMonths(labourer, d('2000-01-01'))).toBe(660);
  });
});

describe('retirementOf', () => {
  it('is undefined when gender is unrecorded', () => {
    expect(retirementOf({ birthDate: d('1970-01-01') }, dongguanPolicy)).toBeUndefined();
  });
  it('picks the schedule from gender and the cadre flag', () => {
    const birthDate = d('1980-06-15');
    expect(retirementOf({ birthDate, gender: 'male' }, dongguanPolicy)?.schedule).toBe('male');
    expect(retirementOf({ birthDate, gender: 'female' }, dongguanPolicy)?.schedule).toBe('femaleWorker');
    expect(retirementOf({ birthDate, gender: 'female', cadre: false }, dongguanPolicy)?.schedule).toBe(
      'femaleWorker',
    );
    expect(retirementOf({ birthDate, gender: 'female', cadre: true }, dongguanPolicy)?.schedule).toBe(
      'femaleCadre',
    );
    // The cadre flag means nothing for men.
    expect(retirementOf({ birthDate, gender: 'male', cadre: true }, dongguanPolicy)?.schedule).toBe('male');
  });
  it('adds the statutory age in months to the birth date', () => {
    expect(retirementOf({ birthDate: d('1964-12-20'), gender: 'male' }, dongguanPolicy)).toEqual({
      date: '2024-12-20',
      schedule: 'male',
      ageMonths: 720,
    });
    expect(retirementOf({ birthDate: d('1965-01-20'), gender: 'male' }, dongguanPolicy)).toEqual({
      date: '2025-02-20',
      schedule: 'male',
      ageMonths: 721,
    });
    expect(retirementOf({ birthDate: d('1976-09-10'), gender: 'male' }, dongguanPolicy)?.date).toBe(
      '2039-09-10',
    );
    expect(retirementOf({ birthDate: d('1984-11-05'), gender: 'female' }, dongguanPolicy)?.date).toBe(
      '2039-11-05',
    );
  });
  it('clamps a day missing from the retirement month to its last day', () => {
    // Born 1975-01-31, female worker: 50 years 1 month → February 2025 has no 31st.
    expect(retirementOf({ birthDate: d('1975-01-31'), gender: 'female' }, dongguanPolicy)?.date).toBe(
      '2025-02-28',
    );
  });
});

describe('retirementRuleOn', () => {
  const later: RetirementRule = {
    ...RETIREMENT_2025,
    from: d('2030-01-01'),
    male: { ...RETIREMENT_2025.male, targetAge: 65 },
  };
  const policy: Policy = { ...dongguanPolicy, retirement: [later, RETIREMENT_2025] };
  it('takes the latest rule in force on the date', () => {
    expect(retirementRuleOn(policy, d('2029-12-31'))?.from).toBe('2025-01-01');
    expect(retirementRuleOn(policy, d('2030-01-01'))?.from).toBe('2030-01-01');
  });
  it('takes the earliest rule before any is in force and the latest without a date', () => {
    expect(retirementRuleOn(policy, d('2020-01-01'))?.from).toBe('2025-01-01');
    expect(retirementRuleOn(policy)?.from).toBe('2030-01-01');
  });
  it('is undefined for a policy without rules', () => {
    const empty: Policy = { ...dongguanPolicy, retirement: [] };
    expect(retirementRuleOn(empty, d('2026-01-01'))).toBeUndefined();
    expect(retirementOf({ birthDate: d('1970-01-01'), gender: 'male' }, empty)).toBeUndefined();
  });
  it('changes the result of retirementOf with the as-of date', () => {
    const w = { birthDate: d('1990-01-01'), gender: 'male' as const };
    expect(retirementOf(w, policy, d('2026-01-01'))?.ageMonths).toBe(756);
    expect(retirementOf(w, policy, d('2031-01-01'))?.ageMonths).toBe(780);
  });
});

describe('earliestRetirementDate', () => {
  it('is the female-worker date for the usual birth dates', () => {
    expect(earliestRetirementDate(d('1990-05-01'), dongguanPolicy)).toBe('2045-05-01');
    expect(earliestRetirementDate(d('1974-06-01'), dongguanPolicy)).toBe('2024-06-01');
  });
});
