/**
 * Cohort placement plans: every labourer placed on one post or unplaced with reasons, by an exact
 * optimum, a stable matching or a greedy baseline, with groups that go together or not at all.
 *
 * @module
 */
import { compareIds } from './compare.js';
import { blockingPairs } from './graph/verify.js';
import { solve } from './graph/solve.js';
import type { AssignedPair, Assignment, AssignmentMode, BipartiteGraph } from './graph/types.js';
import { groupOptions, groupState, optionKey, validateGroups, type GroupOption } from './groups.js';
import { buildCandidates, candidateGraph, type Candidates, type GraphShape } from './internal/candidates.js';
import type {
  GroupFailure,
  GroupOutcome,
  GroupSearch,
  Holder,
  KeepTogether,
  NearMiss,
  Plan,
  PlanEntry,
  PlanObjective,
  PlanOptions,
  PlacementGroup,
  UnplacedReason,
} from './plan.js';
import { summarizePlan } from './summary.js';
import type { Dataset, PostId, WorkerId } from './types.js';

/** The default limit on exact sub-solves over group options (see {@link assign}). */
export const DEFAULT_EXACT_GROUP_LIMIT = 4096;

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
  readonly candidatesPerWorker?: number;
  /**
   * Groups placed together or not at all.
   * @defaultValue []
   */
  readonly groups?: readonly PlacementGroup[];
  /** Soft option: a bonus where fellow villagers could work at the same employer. @defaultValue none */
  readonly keepTogether?: KeepTogether;
  /**
   * Most exact sub-solves spent on group options in optimal mode before the heuristic takes over.
   * @defaultValue 4096
   */
  readonly exactGroupLimit?: number;
  /**
   * Told as each step of planning begins, and once more when the plan is done (`done === total`):
   * for a progress display on long runs. Not part of the plan.
   * @defaultValue none
   */
  readonly onProgress?: (step: AssignStep, done: number, total: number) => void;
}

/** The steps of {@link assign}, in order: candidate pairs, the solver, the plan with its reasons. */
export type AssignStep = 'candidates' | 'solve' | 'plan';

const MODES: readonly AssignmentMode[] = ['optimal', 'stable', 'greedy'];

/**
 * Checks and completes the options (groups sorted by id, members by id).
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
  const n = options.candidatesPerWorker;
  if (n !== undefined && !(Number.isInteger(n) && n >= 1))
    throw new RangeError(`${fn}: candidatesPerWorker must be a positive integer, got ${String(n)}`);
  const limit = options.exactGroupLimit ?? DEFAULT_EXACT_GROUP_LIMIT;
  if (!(Number.isInteger(limit) && limit >= 1))
    throw new RangeError(`${fn}: exactGroupLimit must be a positive integer, got ${String(limit)}`);
  const kt = options.keepTogether;
  if (kt !== undefined && !(typeof kt.weight === 'number' && Number.isFinite(kt.weight) && kt.weight >= 0))
    throw new RangeError(`${fn}: keepTogether.weight must be a finite number ≥ 0, got ${String(kt.weight)}`);
  const groups = options.groups ?? [];
  validateGroups(dataset, groups);
  return {
    mode,
    minScore,
    ...(n === undefined ? {} : { candidatesPerWorker: n }),
    groups: [...groups]
      .map((g) => ({ id: g.id, rule: g.rule, members: [...g.members].sort(compareIds) }))
      .sort((a, b) => compareIds(a.id, b.id)),
    ...(kt === undefined ? {} : { keepTogether: { weight: kt.weight } }),
    exactGroupLimit: limit,
  };
}

/** Relative tolerance when comparing totals of scores. */
const TOLERANCE = 1e-9;

/**
 * Compares two objectives lexicographically: priority placed, then total (within a relative tolerance
 * of 1e-9). `placed` plays no part.
 *
 * @internal
 * @returns Positive if `a` is better.
 */
export function compareObjectives(a: PlanObjective, b: PlanObjective): number {
  if (a.priorityPlaced !== b.priorityPlaced) return a.priorityPlaced - b.priorityPlaced;
  const d = a.total - b.total;
  return Math.abs(d) <= TOLERANCE * Math.max(1, Math.abs(a.total), Math.abs(b.total)) ? 0 : Math.sign(d);
}

/**
 * The objective of a placement over the candidate graph (worker → post; weights from the graph).
 *
 * @internal
 */
export function objectiveOf(c: Candidates, postOf: ReadonlyMap<string, string>): PlanObjective {
  let priorityPlaced = 0;
  let placed = 0;
  let total = 0;
  for (const w of c.workers) {
    const post = postOf.get(w.worker.id);
    if (post === undefined) continue;
    if (w.tier === 0) priorityPlaced++;
    placed++;
    total += w.edges.find((e) => e.post === post)?.weight ?? 0;
  }
  return { priorityPlaced, placed, total };
}

const toMap = (pairs: readonly AssignedPair[]): Map<string, string> =>
  new Map(pairs.map((p) => [p.left, p.right]));

/**
 * The graph a plan's certificate belongs to, rebuilt from the candidates, the groups and where they went.
 *
 * @internal
 */
export function certificateGraph(
  c: Candidates,
  search: GroupSearch,
  groups: readonly PlacementGroup[],
  outcomes: readonly GroupOutcome[],
  postOf: ReadonlyMap<string, string>,
): BipartiteGraph {
  if (search.graph === 'candidates') return candidateGraph(c);
  const at = new Map(outcomes.map((o) => [o.group, o]));
  const exclude = new Set<string>();
  const forced = new Map<string, ReadonlySet<string>>();
  const used = new Map<string, number>();
  for (const g of groups) {
    const o = at.get(g.id);
    const members = g.members;
    if (search.graph === 'residual') {
      for (const m of members) {
        exclude.add(m);
        const p = postOf.get(m);
        if (p !== undefined) used.set(p, (used.get(p) ?? 0) + 1);
      }
    } else if (o?.kind === 'placed') {
      const posts = new Set(c.posts.filter((p) => optionKey(g.rule, p) === o.at).map((p) => p.id as string));
      for (const m of members) forced.set(m, posts);
    } else for (const m of members) exclude.add(m);
  }
  const shape: GraphShape = { exclude, forced, used };
  return candidateGraph(c, shape);
}

interface Solution {
  readonly postOf: ReadonlyMap<string, string>;
  readonly assignment: Assignment;
  readonly outcomes: readonly GroupOutcome[];
  readonly search: GroupSearch;
}

/** Solves with the members of `placed` groups forced onto their option and those of `dropped` left out. */
function solveFixed(
  c: Candidates,
  placed: ReadonlyMap<PlacementGroup, GroupOption>,
  dropped: readonly PlacementGroup[],
): { readonly assignment: Assignment; readonly feasible: boolean; readonly postOf: Map<string, string> } {
  const forced = new Map<string, ReadonlySet<string>>();
  for (const [g, o] of placed) for (const m of g.members) forced.set(m, o.posts);
  const exclude = new Set(dropped.flatMap((g) => g.members));
  const assignment = solve(candidateGraph(c, { forced, exclude }), { mode: 'optimal' });
  const postOf = toMap(assignment.pairs);
  return { assignment, feasible: [...forced.keys()].every((m) => postOf.has(m)), postOf };
}

function optimalWithGroups(c: Candidates, groups: readonly PlacementGroup[], limit: number): Solution {
  const relaxed = solve(candidateGraph(c), { mode: 'optimal' });
  const relaxedPostOf = toMap(relaxed.pairs);
  const upperBound = objectiveOf(c, relaxedPostOf);
  const options = groups.map((g) => groupOptions(c, g));
  const notPlaced = (g: PlacementGroup, i: number): GroupOutcome => ({
    kind: 'not-placed',
    group: g.id,
    rule: g.rule,
    why:
      options[i]!.length === 0
        ? { code: 'no-common-option' }
        : { code: 'worse-for-plan', options: options[i]!.length },
  });

  // The relaxation is optimal; if it happens to keep every group rule, it is the answer.
  const states = groups.map((g) => groupState(g, (m) => relaxedPostOf.get(m), c.postById));
  if (states.every((s) => s.kind !== 'broken')) {
    return {
      postOf: relaxedPostOf,
      assignment: relaxed,
      outcomes: groups.map((g, i) => {
        const s = states[i]!;
        return s.kind === 'whole'
          ? { kind: 'placed', group: g.id, rule: g.rule, at: s.key, options: options[i]!.length }
          : notPlaced(g, i);
      }),
      search: { method: 'exact', graph: 'candidates', solves: 1, upperBound },
    };
  }

  let product = 1;
  for (const o of options) product = Math.min(Number.MAX_SAFE_INTEGER, product * (o.length + 1));
  let solves = 1;
  const outcomeOf = (choice: readonly (GroupOption | undefined)[]): GroupOutcome[] =>
    groups.map((g, i) => {
      const o = choice[i];
      return o === undefined
        ? notPlaced(g, i)
        : { kind: 'placed', group: g.id, rule: g.rule, at: o.key, options: options[i]!.length };
    });
  const run = (choice: readonly (GroupOption | undefined)[], relaxedFrom = groups.length) => {
    const placed = new Map<PlacementGroup, GroupOption>();
    const dropped: PlacementGroup[] = [];
    groups.forEach((g, i) => {
      if (i >= relaxedFrom) return;
      const o = choice[i];
      if (o === undefined) dropped.push(g);
      else placed.set(g, o);
    });
    solves++;
    const r = solveFixed(c, placed, dropped);
    return { ...r, objective: objectiveOf(c, r.postOf) };
  };

  if (product <= limit) {
    // Every combination, options in key order with "not placed" last; the first best is kept.
    let best: { choice: (GroupOption | undefined)[]; r: ReturnType<typeof run> } | undefined;
    const digits = new Array<number>(groups.length).fill(0);
    for (;;) {
      const choice = digits.map((d, i) => options[i]![d]);
      const r = run(choice);
      if (r.feasible && (best === undefined || compareObjectives(r.objective, best.r.objective) > 0))
        best = { choice, r };
      let i = groups.length - 1;
      while (i >= 0 && digits[i] === options[i]!.length) digits[i--] = 0;
      if (i < 0) break;
      digits[i]!++;
    }
    // "Nobody placed" is always feasible, so there is a best.
    const b = best!;
    return {
      postOf: b.r.postOf,
      assignment: b.r.assignment,
      outcomes: outcomeOf(b.choice),
      search: { method: 'exact', graph: 'groups-fixed', solves, upperBound },
    };
  }

  // Heuristic: groups in id order; each takes the choice whose optimum (later groups relaxed) is best.
  const choice: (GroupOption | undefined)[] = [];
  let last: ReturnType<typeof run> | undefined;
  groups.forEach((_, i) => {
    let best: { o: GroupOption | undefined; r: ReturnType<typeof run> } | undefined;
    for (const o of [...options[i]!, undefined]) {
      const r = run([...choice, o], i + 1);
      if (r.feasible && (best === undefined || compareObjectives(r.objective, best.r.objective) > 0))
        best = { o, r };
    }
    choice.push(best!.o);
    last = best!.r;
  });
  const r = last!;
  return {
    postOf: r.postOf,
    assignment: r.assignment,
    outcomes: outcomeOf(choice),
    search: { method: 'heuristic', graph: 'groups-fixed', solves, upperBound },
  };
}

function groupsFirst(c: Candidates, groups: readonly PlacementGroup[], mode: AssignmentMode): Solution {
  const used = new Map<string, number>();
  const postOf = new Map<string, string>();
  const outcomes: GroupOutcome[] = [];
  let solves = 0;
  for (const g of groups) {
    const all = groupOptions(c, g);
    const left = groupOptions(c, g, used);
    solves += all.length + left.length;
    let best: GroupOption | undefined;
    for (const o of left) if (best === undefined || o.value > best.value) best = o;
    if (best === undefined) {
      const why: GroupFailure =
        all.length === 0 ? { code: 'no-common-option' } : { code: 'no-capacity-left', options: all.length };
      outcomes.push({ kind: 'not-placed', group: g.id, rule: g.rule, why });
      continue;
    }
    for (const [m, p] of best.placement) {
      postOf.set(m, p);
      used.set(p, (used.get(p) ?? 0) + 1);
    }
    outcomes.push({ kind: 'placed', group: g.id, rule: g.rule, at: best.key, options: all.length });
  }
  const exclude = new Set(groups.flatMap((g) => g.members));
  const assignment = solve(candidateGraph(c, { exclude, used }), { mode });
  for (const p of assignment.pairs) postOf.set(p.left, p.right);
  return { postOf, assignment, outcomes, search: { method: 'first', graph: 'residual', solves: solves + 1 } };
}

/**
 * The unplaced reasons of a labourer outside any group (or whose group was not placed).
 *
 * @internal
 */
export function unplacedReasons(
  c: Candidates,
  worker: string,
  holders: ReadonlyMap<string, readonly Holder[]>,
  minScore: number,
  groupFailure?: { readonly group: string; readonly why: GroupFailure },
): [UnplacedReason, ...UnplacedReason[]] {
  const w = c.byWorker.get(worker)!;
  const own: UnplacedReason[] = [];
  if (w.exclusions.length > 0) own.push({ code: 'worker-excluded', params: { exclusions: w.exclusions } });
  else if (w.eligible === 0)
    own.push({ code: 'no-eligible-post', params: { posts: c.posts.length, byRule: w.byRule } });
  else if (w.edges.length === 0 && w.bestBelowMin !== undefined)
    own.push({ code: 'below-min-score', params: { minScore, best: w.bestBelowMin } });
  if (groupFailure !== undefined)
    return [...own, { code: 'group-not-placed-whole', params: groupFailure }] as unknown as [
      UnplacedReason,
      ...UnplacedReason[],
    ];
  if (own.length > 0) return own as [UnplacedReason, ...UnplacedReason[]];
  const nearMisses: NearMiss[] = w.edges.slice(0, 3).map((e) => ({
    post: e.post,
    score: e.score,
    takenBy: holders.get(e.post) ?? [],
  }));
  return [{ code: 'posts-filled', params: { candidates: w.edges.length, nearMisses } }];
}

/**
 * Who holds each post in a placement, in the post's order: tier, then score descending, then id.
 *
 * @internal
 */
export function holdersOf(c: Candidates, postOf: ReadonlyMap<string, string>): Map<string, Holder[]> {
  const out = new Map<string, Holder[]>();
  for (const w of c.workers) {
    const post = postOf.get(w.worker.id);
    if (post === undefined) continue;
    const score = w.edges.find((e) => e.post === post)?.score ?? 0;
    const list = out.get(post) ?? [];
    list.push({ worker: w.worker.id, tier: w.tier, score });
    out.set(post, list);
  }
  for (const list of out.values())
    list.sort((a, b) => a.tier - b.tier || b.score - a.score || compareIds(a.worker, b.worker));
  return out;
}

/**
 * Makes a cohort placement plan.
 *
 * The candidate graph holds every eligible pair (`checkEligibility` empty) scoring at least `minScore`
 * (each labourer's best `candidatesPerWorker` of them, when set), weighted by `scorePair`'s score plus
 * the keep-together bonus; a post has `openings − filled` places.
 *
 * Modes:
 * - `optimal`: first places as many priority labourers (registered or monitored households) as
 *   possible, then maximises the total weight (score + bonus) — exact, with the dual potentials as
 *   certificate. Placing one more priority labourer counts before any score, as the programme asks;
 *   a non-priority labourer counts only through their score, so among plans placing the most priority
 *   labourers the total is the largest (`objective.placed` is reported, not maximised: a plan may
 *   leave a non-priority labourer out where placing someone else scores more). No priority labourer
 *   is left unplaced while a non-priority labourer outside a group holds a post they were eligible
 *   for.
 * - `stable`: labourer-proposing deferred acceptance with capacities; labourers rank posts by weight,
 *   posts rank labourers by priority tier, then weight, then id. No blocking pair.
 * - `greedy`: pairs by tier, then weight descending, then ids. A baseline with no guarantee.
 *
 * Groups (each placed whole at one employer, site or post, or not at all) make the exact problem hard
 * in general. What each mode guarantees with groups:
 * - `optimal`: if the optimum without the group rules keeps them, it is the answer (exact). Otherwise,
 *   when the product over groups of (options + 1) is at most `exactGroupLimit`, every combination of
 *   group options (an option is an employer / site / post where all members are eligible and fit) is
 *   solved exactly, with the members forced onto their option, and the best plan is kept: exact over
 *   all lawful plans. Beyond the limit, groups are decided one by one in id order, each taking the
 *   choice whose optimum is best with the later groups relaxed (Σ (options + 1) solves): a heuristic,
 *   and `groupSearch.upperBound` (the optimum without the group rules) bounds the gap. In every case
 *   the certificate proves the plan optimal given where the groups went.
 * - `stable` and `greedy`: groups first, in id order, each at its feasible option of largest member
 *   weight; then the solver on the rest with the openings left. Stable plans then have no blocking
 *   pair that does not involve a group; the ones that do are listed in `blockingPairs`.
 * Without groups every mode is exactly its solver.
 *
 * Keep-together (`keepTogether.weight`) adds to each edge `weight × min(1, (fellows + already) / 10)`,
 * fellows being the other labourers of the same county eligible at the same employer and `already`
 * the employer's workforce from that county: a linear proxy that leans towards employers where
 * villagers could be together, not a reward for the fellows actually placed together.
 *
 * Every labourer appears exactly once; the plan is the same whatever the order of the input arrays.
 *
 * @param dataset - The dataset.
 * @param options - Mode, minimum score, candidates per labourer, groups, keep-together, exact limit.
 * @returns The plan, with certificate, group outcomes and summary.
 * @throws BangfuValidationError for invalid groups (unknown members, a labourer in two groups…).
 * @throws RangeError for an invalid mode, minScore, candidatesPerWorker, exactGroupLimit or keepTogether.
 * @example
 * const plan = assign(ds, { mode: 'optimal' });
 * plan.entries.length === ds.labourers.length //=> true
 * verifyPlan(plan, ds).ok //=> true
 *
 * Complexity: O(W·P·(R + S)) to build the candidate graph, then one solve (optimal: O(W·(E + V)·log V)
 * in the worst case); with groups up to `exactGroupLimit` solves in optimal mode.
 */
export function assign(dataset: Dataset, options: AssignOptions = {}): Plan {
  const progress = options.onProgress ?? (() => undefined);
  const resolved = resolveAssignOptions(dataset, options);
  progress('candidates', 0, 3);
  const c = buildCandidates(dataset, resolved);
  const { mode, groups } = resolved;
  progress('solve', 1, 3);

  let sol: Solution;
  if (groups.length === 0) {
    const assignment = solve(candidateGraph(c), { mode });
    sol = {
      postOf: toMap(assignment.pairs),
      assignment,
      outcomes: [],
      search: { method: 'none', graph: 'candidates', solves: 1 },
    };
  } else if (mode === 'optimal') sol = optimalWithGroups(c, groups, resolved.exactGroupLimit);
  else sol = groupsFirst(c, groups, mode);

  progress('plan', 2, 3);
  const plan = buildPlan(c, resolved, sol);
  progress('plan', 3, 3);
  return plan;
}

function buildPlan(c: Candidates, options: PlanOptions, sol: Solution): Plan {
  const { postOf, outcomes } = sol;
  const groupOf = new Map<string, string>();
  for (const g of options.groups) for (const m of g.members) groupOf.set(m, g.id);
  const outcomeOf = new Map(outcomes.map((o) => [o.group, o]));
  const holders = holdersOf(c, postOf);

  const entries: PlanEntry[] = c.workers.map((w): PlanEntry => {
    const id = w.worker.id;
    const group = groupOf.get(id);
    const post = postOf.get(id);
    if (post !== undefined) {
      const e = w.edges.find((x) => x.post === post)!;
      return {
        kind: 'placed',
        worker: id,
        post: e.post,
        employer: e.employer,
        score: e.score,
        bonus: e.bonus,
        tier: w.tier,
        ...(group === undefined ? {} : { group }),
      };
    }
    const o = group === undefined ? undefined : outcomeOf.get(group);
    const failure = o?.kind === 'not-placed' ? { group: o.group, why: o.why } : undefined;
    return {
      kind: 'unplaced',
      worker: id,
      tier: w.tier,
      reasons: unplacedReasons(c, id, holders, options.minScore, failure),
    };
  });

  const blocking =
    options.mode === 'stable'
      ? blockingPairs(
          candidateGraph(c),
          [...postOf].map(([left, right]) => ({ left, right, weight: 0 })),
        ).map((b) => ({ worker: b.left as WorkerId, post: b.right as PostId }))
      : undefined;

  const base = {
    mode: options.mode,
    asOf: c.dataset.asOf,
    options,
    entries,
    objective: objectiveOf(c, postOf),
    ...(sol.assignment.certificate === undefined ? {} : { certificate: sol.assignment.certificate }),
    ...(blocking === undefined ? {} : { blockingPairs: blocking }),
    groups: outcomes,
    groupSearch: sol.search,
  };
  return { ...base, summary: summarizePlan(base, c.dataset) };
}
