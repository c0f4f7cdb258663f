/**
 * Cohort placement plans: every labourer placed on one post or unplaced with reasons, by an exact
 * optimum, a stable matching or a greedy baseline, with groups that go together or not at all.
 *
 * @module
 */
import { compareIds } from './compare.js';
import { compileIndex, type CompiledIndex } from './compile.js';
import type { AssignmentMode } from './graph/types.js';
import { validateGroups } from './groups.js';
import { buildPlan } from './internal/plan-build.js';
import {
  compareObjectives as compareObjectiveValues,
  groupsFirst,
  optimalWithGroups,
  typedGroups,
  type GroupPlan,
} from './internal/plan-groups.js';
import {
  KEPT_LIST_BYTES,
  listPlanner,
  walkPlanner,
  type Planner,
  type StageProgress,
} from './internal/planner.js';
import { topLists } from './internal/optimal-core.js';
import type { ShardPricer } from './internal/pricing.js';
import { keepTogetherLists } from './internal/keep-together.js';
import { placeWeightless } from './internal/weightless.js';
import {
  LISTED_BLOCKING_PAIRS,
  type KeepTogether,
  type Plan,
  type PlanObjective,
  type PlanOptions,
  type PlacementGroup,
} from './plan.js';
import type { Dataset, PostId, LabourerId } from './types.js';
import { blockingPairsOf } from './internal/blocking.js';

/** The default limit on exact sub-solves over group options (see {@link assign}). */
export const DEFAULT_EXACT_GROUP_LIMIT = 64;

/** Options of {@link assign}. */
export interface AssignOptions {
  /**
   * `optimal`, `stable` or `greedy` (see {@link assign}).
   * @defaultValue 'optimal'
   */
  readonly mode?: AssignmentMode;
  /**
   * Pairs scoring below this, in [0, 1], are not candidates.
   * @defaultValue 0
   */
  readonly minScore?: number;
  /**
   * Only each labourer's best N eligible posts (score descending, then post id) are candidates.
   * @defaultValue all
   */
  readonly candidatesPerLabourer?: number;
  /**
   * Groups placed together or not at all.
   * @defaultValue the dataset's groups
   */
  readonly groups?: readonly PlacementGroup[];
  /** Soft option: a bonus where fellow villagers could work at the same employer. @defaultValue none */
  readonly keepTogether?: KeepTogether;
  /**
   * Most exact sub-solves spent on group options in optimal mode before the heuristic takes over.
   * @defaultValue 64
   */
  readonly exactGroupLimit?: number;
  /**
   * Told as planning goes: the step, and how far it is (`done` of `total`, a fraction of that step
   * whose total may grow, as in the rounds of the optimal solve). Not part of the plan.
   * @defaultValue none
   */
  readonly onProgress?: (step: AssignStep, done: number, total: number) => void;
  /**
   * Runs the optimal plan's pricing shard by shard. `createPricingPool` of `bangfu/node` spreads the
   * shards over worker threads; the plan is the same whichever runs them. Not part of the plan.
   * @defaultValue every shard in this thread
   */
  readonly pricer?: ShardPricer;
}

/**
 * The steps of {@link assign}: compiling the dataset, labourers proposing (stable and greedy plans,
 * and the optimal plan's first core), the exact solves and the pricing that checks them against
 * every eligible pair (optimal), and the plan with its reasons.
 */
export type AssignStep = 'compile' | 'propose' | 'solve' | 'price' | 'plan';

const MODES: readonly AssignmentMode[] = ['optimal', 'stable', 'greedy'];

/**
 * Checks and completes the options (groups sorted by id, members by id; the dataset's groups when
 * none are given).
 *
 * @internal
 */
export function resolveAssignOptions(dataset: Dataset, options: AssignOptions, fn = 'assign'): PlanOptions {
  const mode = options.mode ?? 'optimal';
  if (!MODES.includes(mode))
    throw new RangeError(`${fn}: mode must be optimal, stable or greedy, got ${String(mode)}`);
  const minScore = options.minScore ?? 0;
  if (!(typeof minScore === 'number' && minScore >= 0 && minScore <= 1))
    throw new RangeError(`${fn}: minScore must be a number in [0, 1], got ${String(minScore)}`);
  const n = options.candidatesPerLabourer;
  if (n !== undefined && !(Number.isInteger(n) && n >= 1 && n <= 2 ** 31 - 1))
    throw new RangeError(`${fn}: candidatesPerLabourer must be a positive integer, got ${String(n)}`);
  const limit = options.exactGroupLimit ?? DEFAULT_EXACT_GROUP_LIMIT;
  if (!(Number.isInteger(limit) && limit >= 1))
    throw new RangeError(`${fn}: exactGroupLimit must be a positive integer, got ${String(limit)}`);
  const kt = options.keepTogether;
  if (
    kt !== undefined &&
    !(typeof kt.weight === 'number' && Number.isFinite(kt.weight) && kt.weight >= 0 && kt.weight <= 1e6)
  )
    throw new RangeError(
      `${fn}: keepTogether.weight must be a number from 0 to 1e6, got ${String(kt.weight)}`,
    );
  const groups = options.groups ?? dataset.groups;
  validateGroups(dataset, groups);
  return {
    mode,
    minScore,
    ...(n === undefined ? {} : { candidatesPerLabourer: n }),
    groups: [...groups]
      .map((g) => ({ id: g.id, rule: g.rule, members: [...g.members].sort(compareIds) }))
      .sort((a, b) => compareIds(a.id, b.id)),
    ...(kt === undefined ? {} : { keepTogether: { weight: kt.weight } }),
    exactGroupLimit: limit,
  };
}

/**
 * Compares two objectives lexicographically: priority placed, then total (within a relative tolerance
 * of 1e-9). `placed` plays no part.
 *
 * @param a - An objective.
 * @param b - Another.
 * @returns Positive if `a` is better, negative if `b` is, 0 if they tie.
 * @example
 * compareObjectives({ priorityPlaced: 2, placed: 2, total: 1 }, { priorityPlaced: 1, placed: 3, total: 9 }) //=> 1
 */
export function compareObjectives(a: PlanObjective, b: PlanObjective): number {
  return compareObjectiveValues(a, b);
}

/**
 * Makes a cohort placement plan.
 *
 * The candidate pairs are every eligible pair (`checkEligibility` empty) scoring at least `minScore`
 * (each labourer's best `candidatesPerLabourer` of them, when set), weighted by `scorePair`'s score
 * plus the keep-together bonus; a post has `openings − filled` places. They are read through the
 * compiled index's bounded walk, never listed in full (but for the keep-together bonus, which counts
 * them all).
 *
 * Modes:
 * - `optimal`: first places as many priority labourers (registered or monitored households) as
 *   possible, then maximises the total weight (score + bonus) — exact over every candidate pair,
 *   with the dual potentials as certificate. It solves on a core of pairs (those the stable matching
 *   accepted on its way, and each labourer's best few), then prices out the rest with the walk: a
 *   pair outside the core whose value beats the duals joins it, and the core is solved again, until
 *   no pair does; the duals then hold on every candidate pair. Placing one more priority labourer
 *   counts before any score, as the programme asks; a non-priority labourer counts only through their
 *   score (`objective.placed` is reported, not maximised). Of the equally good plans, one that leaves
 *   a labourer off a candidate post with openings left (a pair of weight 0, which adds nothing) is not
 *   made: such labourers are placed there, in id order, and the certificate still holds.
 * - `stable`: labourer-proposing deferred acceptance with capacities; labourers rank posts by weight,
 *   posts rank labourers by priority tier, then weight, then id (the order `rankLabourers` shows). No
 *   blocking pair. Each labourer's proposals are found by the walk as needed.
 * - `greedy`: pairs by tier, then weight descending, then ids. Both sides rank pairs by this one
 *   order, so the greedy plan is the stable one; it is reported as the baseline, without a
 *   certificate.
 *
 * Groups (the dataset's, or `groups`; each placed whole at one employer, site or post, or not at
 * all) make the exact problem hard in general. What each mode guarantees with groups:
 * - `optimal`: if the optimum without the group rules keeps them, it is the answer (exact). Otherwise,
 *   when the product over groups of (options + 1) is at most `exactGroupLimit`, every combination of
 *   group options is solved exactly, with the members forced onto their option, and the best plan is
 *   kept: exact over all lawful plans. Beyond the limit, groups are decided by the duals of the
 *   optimum without group rules — a group it keeps whole stays there; a group it breaks goes to the
 *   option whose members' value less the posts' prices is largest, if not negative — then everyone
 *   else is placed optimally on the openings left, and a group that still fits whole in openings
 *   nobody took is placed there: a heuristic, and `groupSearch.upperBound` (the optimum without the
 *   group rules) bounds the gap. In every case the certificate proves the plan optimal given where
 *   the groups went.
 * - `stable` and `greedy`: groups first, in id order, each at its feasible option of largest member
 *   weight; then the solver on the rest with the openings left. Stable plans then have no blocking
 *   pair that does not involve a group; the ones that do are counted in `blockingPairCount` and the
 *   first 1,000 listed in `blockingPairs`.
 * Without groups every mode is exactly its solver.
 *
 * Keep-together (`keepTogether.weight`) adds to each edge `weight × min(1, (fellows + already) / 10)`,
 * fellows being the other labourers of the same county with a candidate post at the same employer
 * and `already` the employer's workforce from that county.
 *
 * Every labourer appears exactly once; the plan is the same whatever the order of the input arrays.
 * An unplaced labourer's reasons name its best few candidate posts and who holds them, or count, for
 * each rule, the posts it closes.
 *
 * @param dataset - The dataset.
 * @param options - Mode, minimum score, candidates per labourer, groups, keep-together, exact limit.
 * @returns The plan, with certificate, group outcomes and summary.
 * @throws BangfuValidationError for invalid groups (unknown members, a labourer in two groups…).
 * @throws RangeError for an invalid mode, minScore, candidatesPerLabourer, exactGroupLimit or keepTogether.
 * @example
 * const plan = assign(ds, { mode: 'optimal' });
 * plan.entries.length === ds.labourers.length //=> true
 * verifyPlan(plan, ds).ok //=> true
 *
 * Complexity: compiling O(W + P·(C + r)); then bounded walks: a few per labourer for the stable
 * matching, and one per labourer and round of pricing for the optimum, beside the exact solves on
 * the core (whose pairs are a small multiple of W). Memory O(W + P·C + core). With keep-together,
 * O(E) for the E eligible pairs.
 */
export function assign(dataset: Dataset, options: AssignOptions = {}): Plan {
  const report = options.onProgress ?? (() => undefined);
  const resolved = resolveAssignOptions(dataset, options);
  report('compile', 0, 1);
  const index = compileIndex(dataset);
  report('compile', 1, 1);
  return planIndex(dataset, index, resolved, report, KEPT_LIST_BYTES, options.pricer);
}

/**
 * {@link assign} on a dataset already compiled, with resolved options (and, for tests, the bytes of
 * group members' candidate lists the planner may keep).
 *
 * @internal
 */
export function planIndex(
  dataset: Dataset,
  index: CompiledIndex,
  resolved: PlanOptions,
  report: (step: AssignStep, done: number, total: number) => void = () => undefined,
  keptListBytes: number = KEPT_LIST_BYTES,
  pricer?: ShardPricer,
): Plan {
  const { mode, minScore, candidatesPerLabourer, keepTogether } = resolved;
  const planner: Planner =
    keepTogether !== undefined
      ? listPlanner(index, keepTogetherLists(index, minScore, keepTogether))
      : candidatesPerLabourer !== undefined
        ? listPlanner(index, topLists(index, candidatesPerLabourer, minScore))
        : walkPlanner(index, minScore, keptListBytes, pricer);
  const progress: StageProgress = (step, done, total) => report(step, done, total);
  const groups = typedGroups(index, resolved.groups);

  let sol: GroupPlan;
  if (groups.length === 0) {
    const placement = mode === 'optimal' ? planner.optimal({}, progress) : planner.stable({}, progress);
    sol = { ...placement, outcomes: [], search: { method: 'none', graph: 'candidates', solves: 1 } };
  } else if (mode === 'optimal')
    sol = optimalWithGroups(dataset, planner, groups, resolved.exactGroupLimit, progress);
  else sol = groupsFirst(dataset, planner, groups, progress);

  const members = new Uint8Array(index.labourerCount);
  for (const g of groups) for (const w of g.members) members[w] = 1;
  // Among equally good plans, the one that places a labourer a pair of weight 0 still has room for.
  if (mode === 'optimal') sol = placeWeightless(index, sol, members, minScore, planner.lists);
  if (mode === 'stable' && groups.length > 0) {
    // Only groups can cause blocking pairs: listed, so a reader (and the verifier) sees each.
    const weightOf = new Float64Array(index.labourerCount);
    for (let w = 0; w < index.labourerCount; w++) weightOf[w] = sol.scoreOf[w]! + sol.bonusOf[w]!;
    // Groups went first and everyone else was matched stably on the openings left.
    const found = blockingPairsOf(index, sol.postOf, weightOf, minScore, planner.lists, {
      within: members,
      first: LISTED_BLOCKING_PAIRS,
      // The members' every pair, kept from the groups' search: read, not walked again.
      listOf: (w) => (members[w] === 1 ? planner.known?.(w) : undefined),
    });
    sol = {
      ...sol,
      blockingPairs: Array.from({ length: found.labourers.length }, (_, i) => ({
        labourer: index.labourerIds[found.labourers[i]!]! as LabourerId,
        post: index.postIds[found.posts[i]!]! as PostId,
      })),
      blockingPairCount: found.count,
    };
  }
  return buildPlan(dataset, index, resolved, sol, (done, total) => report('plan', done, total));
}
