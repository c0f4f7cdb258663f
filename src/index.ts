/**
 * bangfu (帮扶): match registered poor-household labourers to vetted employer posts.
 *
 * The whole public API of the core is listed here: validation, eligibility, scores, rankings,
 * placement plans and their verification, advice, training, outcomes and retention, the graph
 * solvers, and every text in Chinese and English. The core is pure and platform-free. Beside it,
 * each in an entry point of its own so that the core stays small where it is bundled:
 *
 * - `bangfu/csv`: spreadsheets in and out (papaparse and the column tables).
 * - `bangfu/sample`: synthetic datasets and outcomes from a seed.
 * - `bangfu/report`: the programme report and its Markdown, HTML and CSV pages.
 * - `bangfu/node`: Node-only file helpers and parallel batch ranking over `worker_threads`.
 *
 * @module
 */

// Errors
export {
  BangfuValidationError,
  isBangfuValidationError,
  issueMessage,
  type Bilingual,
  type SafeResult,
  type ValidationIssue,
} from './errors.js';
// After placement: outcomes and retention
export {
  CONTACT_STATUSES,
  FOR_CAUSE,
  LEAVE_REASONS,
  lastKnownInWork,
  outcomesJsonSchema,
  parseOutcomes,
  placementEnd,
  safeParseOutcomes,
  type ContactStatus,
  type LeaveReason,
  type OutcomeEvent,
  type Outcomes,
  type PlacementOutcome,
} from './outcomes.js';
export {
  renderEmployerRetention,
  renderRetention,
  retentionGroupLabel,
  retentionHeading,
} from './render-retention.js';
export { applyOutcomes, replan, verifyReplan, type AppliedOutcomes } from './replan.js';
export { followUpRows, renderFollowUps } from './render-follow-up.js';
export {
  FOLLOW_UP_SCHEDULE,
  followUps,
  type FollowUp,
  type FollowUpCheck,
  type FollowUpList,
  type FollowUpOptions,
  type FollowUpRisk,
} from './follow-up.js';
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
} from './retention.js';
export {
  kaplanMeier,
  survivalAt,
  type ConfidenceType,
  type KaplanMeierOptions,
  type SurvivalAt,
  type SurvivalCurve,
  type SurvivalObservation,
  type SurvivalStep,
} from './stats/kaplan-meier.js';
export { datasetWarnings, type DatasetWarningCode } from './warnings.js';

// Official division codes
export {
  areaContains,
  countiesIn,
  countyByName,
  divisionName,
  dongguanTowns,
  isAreaCode,
  isCountyCode,
  isTownCode,
  lookupCounty,
  type CountyByName,
  type CountyInfo,
  type Division,
} from './divisions.js';
export { divisionNameEn, placeNameEn } from './division-names-en.js';

// Input: validation at the boundary
export {
  datasetJsonSchema,
  parseDataset,
  parsePolicy,
  safeParseDataset,
  safeParsePolicy,
  type DatasetInput,
  type ParseOptions,
  type PolicyInput,
} from './parse.js';

// Policy as data
export {
  DEFAULT_AGE_LAW,
  DEFAULT_CERTIFICATES,
  DEFAULT_MINIMUM_WAGES,
  DEFAULT_PARKS,
  DEFAULT_SKILLS,
  DEFAULT_TRAININGS,
  DEFAULT_WEIGHTS,
  RETIREMENT_2025,
  dongguanPolicy,
} from './policy/dongguan.js';
export { basesFor, inForce, minimumWageAt, pairedTowns, parksServing } from './policy/resolve.js';
export { ageOn, isIsoDate } from './internal/dates.js';
export {
  earliestRetirementDate,
  retirementAgeMonths,
  retirementOf,
  retirementRuleOn,
  type Retirement,
} from './retirement.js';

// Eligibility, scoring, ranking, explanation
export {
  ELIGIBILITY_RULES,
  checkEligibility,
  workerExclusions,
  type EligibilityRule,
  type RuleScope,
} from './eligibility.js';
export { COMPONENTS, levelFactor, netPay, payFit, scorePair } from './score.js';
export { DEFAULT_TOP, rankPosts, rankWorkers } from './rank.js';
export { explainPair } from './explain.js';
export {
  PRIORITY_TIER,
  compareIds,
  comparePostEntries,
  compareWorkerEntries,
  priorityTier,
  type PriorityTier,
} from './compare.js';
export {
  EXCLUSIONS_EN,
  EXCLUSIONS_ZH,
  REASONS_EN,
  REASONS_ZH,
  namerFor,
  renderAssessment,
  renderBreakdown,
  renderExclusion,
  renderRanking,
  renderScoreReason,
  type Locale,
  type NameSource,
  type Namer,
  type Renderers,
} from './render.js';

// Placement plans
export {
  DEFAULT_EXACT_GROUP_LIMIT,
  assign,
  compareObjectives,
  type AssignOptions,
  type AssignStep,
} from './assign.js';
export { parsePlan, safeParsePlan } from './plan-file.js';
export { verifyPlan, type PlanVerdict, type PlanViolation, type PlanViolationCode } from './verify-plan.js';
export { summarizePlan } from './summary.js';
export { groupIssues, groupState, optionKey, validateGroups } from './groups.js';
export {
  recommend,
  type Recommendation,
  type RecommendationBatch,
  type RecommendOptions,
  type WorkerRecommendations,
} from './recommend.js';
export {
  GROUP_FAILURES_EN,
  GROUP_FAILURES_ZH,
  RULE_LABELS,
  UNPLACED_EN,
  UNPLACED_LABELS,
  UNPLACED_ZH,
  renderPlan,
  renderPlanEntry,
  renderPlanSummary,
  renderUnplacedReason,
  type PlanSummaryTextOptions,
} from './render-plan.js';

// Caseworker tools: what it would take, training plans
export {
  CHANGE_CODES,
  LIFTED_BY,
  advise,
  applyChanges,
  birthdayAt,
  compareSuggestions,
  trainingChange,
  type Advice,
  type AdviseOptions,
  type Change,
  type ChangeCode,
  type ChangeParams,
  type FixedExclusion,
  type FixedWhy,
  type PostOutlook,
  type Rival,
  type Scenario,
  type Suggestion,
  type Unlock,
  type WaitReason,
} from './advise.js';
export {
  EXACT_OPTION_LIMIT,
  GREEDY_RATIO,
  expectedRetention,
  planTraining,
  selectTraining,
  trainingValue,
  type ChosenCourse,
  type PlacedFigures,
  type TrainingGuarantee,
  type TrainingObjective,
  type TrainingOption,
  type TrainingOptionsOptions,
  type TrainingPlan,
  type TrainingPlanOptions,
} from './train.js';
export {
  CHANGES_EN,
  CHANGES_ZH,
  FIXED_EN,
  FIXED_ZH,
  renderAdvice,
  renderChange,
  renderTrainingPlan,
} from './render-advice.js';

// Assignment solvers on plain bipartite graphs
export { solve, type SolveOptions } from './graph/solve.js';
export { solveOptimal } from './graph/solve-optimal.js';
export { solveStable } from './graph/solve-stable.js';
export { solveGreedy } from './graph/solve-greedy.js';
export { blockingPairs, verifyAssignment } from './graph/verify.js';
export { graphIssues, safeValidateGraph, validateGraph } from './graph/validate.js';
export { graphJsonSchema, parseGraph, safeParseGraph } from './graph/schema.js';
export {
  isTypedGraph,
  toObjectGraph,
  typedGraphIssues,
  validateTypedGraph,
  type AnyBipartiteGraph,
  type TypedBipartiteGraph,
} from './graph/typed.js';

// Scale: compiled index and batch ranking
export {
  compileIndex,
  compileLabourers,
  compilePosts,
  type CompiledCounties,
  type CompiledIndex,
  type CompiledPosts,
} from './compile.js';
export {
  eligiblePairs,
  rankAll,
  rankedOf,
  topKPosts,
  type EligiblePairs,
  type RankAllEntry,
  type RankAllOptions,
  type RankAllResult,
} from './rank-all.js';

// Types
export type * from './types.js';
export type * from './reasons.js';
export type * from './results.js';
export type * from './plan.js';
export { LISTED_BLOCKING_PAIRS } from './plan.js';
export type * from './graph/types.js';
export type * from './policy/types.js';
