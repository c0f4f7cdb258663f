/**
 * The statutory retirement age and date of a labourer under the policy's retirement rules
 * (NPC Standing Committee decision of 2024-09-13, phased in from 2025-01-01).
 *
 * @module
 */
import { addMonthsIso } from './internal/dates.js';
import type { RetirementScheduleName } from './reasons.js';
import type { Policy, RetirementRule, RetirementSchedule } from './policy/types.js';
import type { IsoDate, Labourer } from './types.js';

/** A labourer's statutory retirement: the date, the schedule that applied and the age in months. */
export interface Retirement {
  /** The day the labourer reaches the statutory age (retired from that day on). */
  readonly date: IsoDate;
  readonly schedule: RetirementScheduleName;
  /** The statutory retirement age in months (e.g. 60 years 4 months = 724). */
  readonly ageMonths: number;
}

const MONTH = /^(\d{4})-(\d{2})/;

/** Months since year 0 of a `YYYY-MM` (or `YYYY-MM-DD`) string. */
function monthIndex(s: string): number {
  const m = MONTH.exec(s);
  if (m === null) throw new Error(`retirementOf: not a month: ${s}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/**
 * The statutory retirement age in months for a birth date under one schedule: the base age, plus
 * one month for every `birthMonthsPerMonthOfDelay` birth months from the first delayed birth month
 * on (that month itself already one month later), up to the target age.
 *
 * @param schedule - One schedule of a retirement rule.
 * @param birthDate - The date of birth.
 * @returns The retirement age in months.
 * @example
 * retirementAgeMonths(RETIREMENT_2025.male, '1964-12-31' as IsoDate) //=> 720
 * retirementAgeMonths(RETIREMENT_2025.male, '1965-01-01' as IsoDate) //=> 721
 * retirementAgeMonths(RETIREMENT_2025.male, '1976-09-01' as IsoDate) //=> 756
 */
export function retirementAgeMonths(schedule: RetirementSchedule, birthDate: IsoDate): number {
  const base = schedule.baseAge * 12;
  const since = monthIndex(birthDate) - monthIndex(schedule.firstDelayedBirthMonth);
  if (since < 0) return base;
  const delay = Math.floor(since / schedule.birthMonthsPerMonthOfDelay) + 1;
  return base + Math.min((schedule.targetAge - schedule.baseAge) * 12, delay);
}

/**
 * The retirement rule that applies on a date: the latest whose `from` is on or before it. Before
 * every rule's start the earliest rule applies (the table then holds no older law); with no date
 * the latest rule applies.
 *
 * @param policy - The programme policy.
 * @param asOf - The date the rule must be in force on.
 * @returns The rule, or undefined if the policy has none.
 * @example
 * retirementRuleOn(dongguanPolicy, '2026-03-01' as IsoDate)?.from //=> '2025-01-01'
 */
export function retirementRuleOn(policy: Policy, asOf?: IsoDate): RetirementRule | undefined {
  let latest: RetirementRule | undefined;
  let earliest: RetirementRule | undefined;
  for (const rule of policy.retirement) {
    if (earliest === undefined || rule.from < earliest.from) earliest = rule;
    if ((asOf === undefined || rule.from <= asOf) && (latest === undefined || rule.from > latest.from)) {
      latest = rule;
    }
  }
  return latest ?? earliest;
}

function scheduleName(gender: 'male' | 'female', cadre: boolean | undefined): RetirementScheduleName {
  if (gender === 'male') return 'male';
  return cadre === true ? 'femaleCadre' : 'femaleWorker';
}

/**
 * A labourer's statutory retirement: men under the male schedule, women in cadre posts under the
 * female-cadre schedule, other women under the female-worker schedule. The date is the birth date
 * plus the retirement age in months (a day missing from the target month falls on its last day).
 *
 * Complexity: O(r) for r retirement rules.
 *
 * @param labourer - The labourer's birth date, gender and cadre flag.
 * @param policy - The programme policy.
 * @param asOf - The date whose rule applies (see {@link retirementRuleOn}); the latest rule if absent.
 * @returns The retirement, or undefined if gender is unrecorded or the policy has no rule.
 * @example
 * retirementOf({ birthDate: '1976-09-10' as IsoDate, gender: 'male' }, dongguanPolicy)
 * //=> { date: '2039-09-10', schedule: 'male', ageMonths: 756 }
 * retirementOf({ birthDate: '1990-05-01' as IsoDate, gender: 'female' }, dongguanPolicy)
 * //=> { date: '2045-05-01', schedule: 'femaleWorker', ageMonths: 660 }
 */
export function retirementOf(
  labourer: Pick<Labourer, 'birthDate' | 'gender' | 'cadre'>,
  policy: Policy,
  asOf?: IsoDate,
): Retirement | undefined {
  if (labourer.gender === undefined) return undefined;
  const rule = retirementRuleOn(policy, asOf);
  if (rule === undefined) return undefined;
  const schedule = scheduleName(labourer.gender, labourer.cadre);
  const ageMonths = retirementAgeMonths(rule[schedule], labourer.birthDate);
  return { date: addMonthsIso(labourer.birthDate, ageMonths), schedule, ageMonths };
}

/**
 * The earliest date on which any schedule of the applicable rule would retire a person born on a
 * date: what can be said when gender is unrecorded.
 *
 * Complexity: O(r) for r retirement rules.
 *
 * @param birthDate - The date of birth.
 * @param policy - The programme policy.
 * @param asOf - The date whose rule applies; the latest rule if absent.
 * @returns The earliest retirement date, or undefined if the policy has no rule.
 * @example
 * earliestRetirementDate('1990-05-01' as IsoDate, dongguanPolicy) //=> '2045-05-01'
 */
export function earliestRetirementDate(
  birthDate: IsoDate,
  policy: Policy,
  asOf?: IsoDate,
): IsoDate | undefined {
  const rule = retirementRuleOn(policy, asOf);
  if (rule === undefined) return undefined;
  const months = Math.min(
    retirementAgeMonths(rule.male, birthDate),
    retirementAgeMonths(rule.femaleCadre, birthDate),
    retirementAgeMonths(rule.femaleWorker, birthDate),
  );
  return addMonthsIso(birthDate, months);
}
