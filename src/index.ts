/**
 * bangfu (帮扶): match registered poor-household labourers to vetted employer posts.
 *
 * The whole public API of the core is listed here: validation, divisions, policy, eligibility,
 * scores, rankings and explanations (as data: codes with their parameters), placement plans and
 * their verification, and the graph solvers. The core is pure and platform-free. Beside it, each
 * in an entry point of its own so that the core stays small where it is bundled:
 *
 * - `bangfu/text`: every result in words, Chinese and English, and places' English names.
 * - `bangfu/advice`: what it would take for a labourer to get a post; training at origin.
 * - `bangfu/outcomes`: after placement: outcome records, retention, follow-up, planning again.
 * - `bangfu/schema`: JSON Schemas of datasets, outcome records and graphs.
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

// Input: validation at the boundary
export {
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
  labourerExclusions,
  type EligibilityRule,
  type RuleScope,
} from './eligibility.js';
export { COMPONENTS, levelFactor, netPay, payFit, scorePair } from './score.js';
export { DEFAULT_TOP, rankPosts, rankLabourers } from './rank.js';
export { explainPair } from './explain.js';
export {
  PRIORITY_TIER,
  compareIds,
  comparePostEntries,
  compareLabourerEntries,
  priorityTier,
  type PriorityTier,
} from './compare.js';

// Placement plans
export {
  DEFAULT_EXACT_GROUP_LIMIT,
  assign,
  compareObjectives,
  type AssignOptions,
  type AssignStep,
} from './assign.js';
export type { ShardPricer } from './internal/pricing.js';
export type { PackedLists } from './internal/candidate-lists.js';
export { parsePlan, safeParsePlan } from './plan-file.js';
export { verifyPlan, type PlanVerdict, type PlanViolation, type PlanViolationCode } from './verify-plan.js';
export { summarizePlan } from './summary.js';
export { groupIssues, groupState, optionKey, validateGroups } from './groups.js';
export {
  recommend,
  type Recommendation,
  type RecommendationBatch,
  type RecommendOptions,
  type LabourerRecommendations,
} from './recommend.js';

// Assignment solvers on plain bipartite graphs
export { solve, type SolveOptions } from './graph/solve.js';
export { solveOptimal } from './graph/solve-optimal.js';
export { solveStable } from './graph/solve-stable.js';
export { solveGreedy } from './graph/solve-greedy.js';
export { blockingPairs, verifyAssignment } from './graph/verify.js';
export { graphIssues, safeValidateGraph, validateGraph } from './graph/validate.js';
export { parseGraph, safeParseGraph } from './graph/schema.js';
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
