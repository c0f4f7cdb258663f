/**
 * The employer component: how well the employer was vetted and how many placed labourers it kept.
 *
 * @module
 */
import type { PartScore, ScoreReason } from '../reasons.js';
import type { Employer, VettingCriterion } from '../types.js';
import { clamp01, component, type ComponentResult } from './parts.js';

/**
 * Part weights of the employer component.
 *
 * @example
 * EMPLOYER_PART_WEIGHTS.retention //=> 0.5
 */
export const EMPLOYER_PART_WEIGHTS = { criteria: 0.5, retention: 0.5 } as const;

/**
 * The least number of past placements for which a retention rate is taken as evidence.
 *
 * @example
 * MIN_PLACEMENTS_FOR_RETENTION //=> 5
 */
export const MIN_PLACEMENTS_FOR_RETENTION = 5;

/**
 * The four vetting criteria, in the order they are reported.
 *
 * @example
 * VETTING_CRITERIA.length //=> 4
 */
export const VETTING_CRITERIA: readonly VettingCriterion[] = [
  'well-managed',
  'suitable-posts',
  'good-pay',
  'socially-responsible',
];

/**
 * Scores an employer.
 *
 * Parts: `criteria` = share of the four vetting criteria met, weight 0.5; `retention` = the
 * retention measured from outcome records when `applyOutcomes` has set it
 * (`employer-retention-measured`), else the share of past programme placements still in work after
 * six months, when there were at least 5 placements, else null (`employer-track-record-missing`),
 * weight 0.5.
 *
 * @param employer - The employer.
 * @returns The component value in [0, 1], its parts and reasons.
 * @example
 * employerComponent(employer({ trackRecord: { placements: 10, retainedSixMonths: 8 } })).value //=> 0.9
 */
export function employerComponent(employer: Employer): ComponentResult {
  const met = VETTING_CRITERIA.filter((c) => employer.vetting.criteria.includes(c));
  const reasons: ScoreReason[] = [
    { code: 'employer-criteria', params: { met, of: VETTING_CRITERIA.length } },
  ];
  let retention: number | null = null;
  const record = employer.trackRecord;
  const measured = employer.measuredRetention;
  if (measured !== undefined) {
    // Measured from outcome records (already shrunk towards the programme's share): it replaces
    // the figure typed into the dataset.
    retention = clamp01(measured.rate);
    reasons.push({
      code: 'employer-retention-measured',
      params: { placements: measured.placements, months: measured.months, rate: retention },
    });
  } else if (record !== undefined && record.placements >= MIN_PLACEMENTS_FOR_RETENTION) {
    retention = clamp01(record.retainedSixMonths / record.placements);
    reasons.push({
      code: 'employer-retention',
      params: { placements: record.placements, retained: record.retainedSixMonths, rate: retention },
    });
  } else {
    reasons.push({ code: 'employer-track-record-missing', params: { employer: employer.id } });
  }
  const parts: PartScore[] = [
    { part: 'criteria', value: met.length / VETTING_CRITERIA.length, weight: EMPLOYER_PART_WEIGHTS.criteria },
    { part: 'retention', value: retention, weight: EMPLOYER_PART_WEIGHTS.retention },
  ];
  return component(parts, reasons, retention === null ? ['retention'] : []);
}
