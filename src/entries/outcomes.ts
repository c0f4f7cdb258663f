/**
 * `bangfu/outcomes`: after placement. Outcome records read and checked (`parseOutcomes`), who stays
 * in work at 1, 3, 6 and 12 months (`retention`, `employerRetention`, `kaplanMeier`), who to
 * contact this week (`followUps`), and the plan made again with those in work kept (`applyOutcomes`,
 * `replan`, `verifyReplan`). Apart from the core so that a service that plans does not carry the
 * follow-up's code; `bangfu/text` renders its results (`renderRetention`, `renderFollowUps`).
 *
 * @example
 * ```ts
 * import { assign } from 'bangfu';
 * import { parseOutcomes, retention } from 'bangfu/outcomes';
 * import { renderRetention } from 'bangfu/text';
 *
 * const plan = assign(dataset); // placements made, then followed up
 * const outcomes = parseOutcomes(JSON.parse(recordsJson), dataset);
 * console.log(renderRetention(retention(outcomes, dataset, { by: 'origin-county' }), 'en', dataset));
 * ```
 *
 * @module
 */
export {
  CONTACT_STATUSES,
  FOR_CAUSE,
  LEAVE_REASONS,
  lastKnownInWork,
  parseOutcomes,
  placementEnd,
  safeParseOutcomes,
  type ContactStatus,
  type LeaveReason,
  type OutcomeEvent,
  type Outcomes,
  type PlacementOutcome,
} from '../outcomes.js';
export { applyOutcomes, replan, verifyReplan, type AppliedOutcomes } from '../replan.js';
export {
  FOLLOW_UP_SCHEDULE,
  followUps,
  type FollowUp,
  type FollowUpCheck,
  type FollowUpList,
  type FollowUpOptions,
  type FollowUpRisk,
} from '../follow-up.js';
export {
  DAYS_PER_MONTH,
  RETENTION_GROUPINGS,
  RETENTION_MONTHS,
  employerRetention,
  type EmployerRetention,
  type EmployerRetentionOptions,
  observationOf,
  retention,
  type RetentionBy,
  type RetentionOptions,
  type RetentionReport,
  type RetentionRow,
} from '../retention.js';
export {
  kaplanMeier,
  survivalAt,
  type ConfidenceType,
  type KaplanMeierOptions,
  type SurvivalAt,
  type SurvivalCurve,
  type SurvivalObservation,
  type SurvivalStep,
} from '../stats/kaplan-meier.js';
