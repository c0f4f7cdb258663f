/**
 * Independent checks of a placement plan against its dataset, trusting nothing the solver says, and
 * the boundary that reads a plan back from JSON.
 *
 * @module
 */
import { z } from 'zod';
import {
  certificateGraph,
  compareObjectives,
  holdersOf,
  objectiveOf,
  resolveAssignOptions,
  unplacedReasons,
} from './assign.js';
import { compareIds } from './compare.js';
import { checkEligibility } from './eligibility.js';
import { BangfuValidationError, type SafeResult } from './errors.js';
import { groupState } from './groups.js';
import { solve } from './graph/solve.js';
import { blockingPairs, verifyAssignment } from './graph/verify.js';
import type { AssignedPair, Assignment, BipartiteGraph } from './graph/types.js';
import { buildCandidates, candidateGraph, priorityTier } from './internal/candidates.js';
import { fromZod, Issues } from './internal/checks.js';
import type { GroupFailure, Plan, PlanOptions } from './plan.js';
import { scorePair } from './score.js';
import { summarizePlan } from './summary.js';
import type { Dataset } from './types.js';

/** Codes of {@link PlanViolation}. */
export type PlanViolationCode =
  | 'options-invalid'
  | 'mode-mismatch'
  | 'as-of-mismatch'
  | 'not-sorted'
  | 'unknown-worker'
  | 'worker-listed-twice'
  | 'worker-missing'
  | 'unknown-post'
  | 'ineligible'
  | 'not-a-candidate'
  | 'employer-mismatch'
  | 'score-mismatch'
  | 'tier-mismatch'
  | 'capacity-exceeded'
  | 'unplaced-with-room'
  | 'reason-mismatch'
  | 'group-broken'
  | 'group-outcome-mismatch'
  | 'objective-mismatch'
  | 'certificate'
  | 'blocking-pair'
  | 'blocking-pairs-mismatch'
  | 'bound-mismatch'
  | 'summary-mismatch';

/** One thing wrong with a plan. */
export interface PlanViolation {
  readonly code: PlanViolationCode;
  /** What is wrong, in plain English. */
  readonly message: string;
  readonly worker?: string;
  readonly post?: string;
  readonly group?: string;
}

/** The verdict of {@link verifyPlan}. */
export interface PlanVerdict {
  /** `true` exactly when `violations` is empty. */
  readonly ok: boolean;
  readonly violations: readonly PlanViolation[];
}

const TOLERANCE = 1e-9;

/** Deep equality of JSON-like values, numbers within a relative tolerance, key order ignored. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return a === b || Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return (
      ka.length === kb.length &&
      ka.every(
        (k) =>
          Object.hasOwn(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
      )
    );
  }
  return a === b;
}

/**
 * Checks a plan against its dataset without trusting the solver. From the dataset and the options
 * recorded in the plan it rebuilds the candidate graph and checks that: the options are valid and
 * the mode and date match; every labourer appears exactly once and the entries are sorted; every
 * placement breaks no hard rule (`checkEligibility` empty), is a candidate, and carries the right
 * employer, score (`scorePair`), bonus and tier; no post holds more than `openings − filled`; no
 * unplaced labourer outside a group has a candidate post with room left (in optimal mode, save a
 * non-priority labourer's candidate of weight 0, which adds nothing to the objective); every unplaced
 * reason is what the plan's placements imply (near misses and who took them included); every group
 * is placed whole or not at all, as its outcome says; the objective and the summary add up.
 * For optimal plans it rebuilds the certificate's graph and checks the dual potentials (feasibility,
 * complementary slackness, no duality gap: the plan is optimal given where the groups went) with
 * `verifyAssignment`, and re-solves the relaxation when the plan states an upper bound. For stable
 * plans it recomputes the blocking pairs on the full candidate graph: there must be none, save with
 * groups those that a group explains (a member, or a post whose least preferred holder is a member),
 * and the plan must list exactly them. Scores are compared within a relative tolerance of 1e-9.
 *
 * @param plan - The plan, from `assign` or read back with `parsePlan`.
 * @param dataset - The dataset it was made from.
 * @returns `{ ok, violations }`.
 * @example
 * verifyPlan(assign(ds), ds) //=> { ok: true, violations: [] }
 *
 * Complexity: that of building the candidate graph, O(W·P·(R + S)), plus O(E + W + P) checks, plus
 * one optimal solve when the plan states an upper bound.
 */
export function verifyPlan(plan: Plan, dataset: Dataset): PlanVerdict {
  const out: PlanViolation[] = [];
  const add = (v: PlanViolation): void => void out.push(v);
  let options: PlanOptions;
  try {
    options = resolveAssignOptions(dataset, plan.options, 'verifyPlan');
  } catch (e) {
    add({ code: 'options-invalid', message: e instanceof Error ? e.message : String(e) });
    return { ok: false, violations: out };
  }
  if (plan.mode !== options.mode)
    add({ code: 'mode-mismatch', message: `plan mode '${plan.mode}' but options say '${options.mode}'` });
  if (plan.asOf !== dataset.asOf)
    add({ code: 'as-of-mismatch', message: `plan as of ${plan.asOf}, dataset as of ${dataset.asOf}` });
  const c = buildCandidates(dataset, options);

  // Completeness, uniqueness, order.
  const seen = new Set<string>();
  const postOf = new Map<string, string>();
  plan.entries.forEach((e, i) => {
    if (i > 0 && compareIds(plan.entries[i - 1]!.worker, e.worker) >= 0 && !seen.has(e.worker))
      add({ code: 'not-sorted', message: `entry ${i} ('${e.worker}') is out of order`, worker: e.worker });
    if (!c.byWorker.has(e.worker))
      add({ code: 'unknown-worker', message: `'${e.worker}' is not a labourer`, worker: e.worker });
    else if (seen.has(e.worker))
      add({ code: 'worker-listed-twice', message: `'${e.worker}' appears twice`, worker: e.worker });
    else if (e.kind === 'placed') postOf.set(e.worker, e.post);
    seen.add(e.worker);
  });
  for (const w of c.workers)
    if (!seen.has(w.worker.id))
      add({ code: 'worker-missing', message: `'${w.worker.id}' is not in the plan`, worker: w.worker.id });

  // Placements: lawful, candidates, with the right figures.
  const load = new Map<string, number>();
  for (const e of plan.entries) {
    const w = c.byWorker.get(e.worker);
    if (w === undefined) continue;
    if (e.tier !== priorityTier(w.worker))
      add({
        code: 'tier-mismatch',
        message: `'${e.worker}' has tier ${priorityTier(w.worker)}, not ${e.tier}`,
        worker: e.worker,
      });
    if (e.kind !== 'placed') continue;
    const post = c.postById.get(e.post);
    if (post === undefined) {
      add({ code: 'unknown-post', message: `'${e.post}' is not a post`, worker: e.worker, post: e.post });
      postOf.delete(e.worker);
      continue;
    }
    load.set(e.post, (load.get(e.post) ?? 0) + 1);
    const broken = checkEligibility(dataset, w.worker, post);
    if (broken.length > 0)
      add({
        code: 'ineligible',
        message: `'${e.worker}' → '${e.post}' breaks ${broken.map((b) => b.code).join(', ')}`,
        worker: e.worker,
        post: e.post,
      });
    const edge = w.edges.find((x) => x.post === e.post);
    if (edge === undefined && broken.length === 0)
      add({
        code: 'not-a-candidate',
        message: `'${e.worker}' → '${e.post}' is below the minimum score or beyond the candidates per labourer`,
        worker: e.worker,
        post: e.post,
      });
    if (e.employer !== post.employer)
      add({
        code: 'employer-mismatch',
        message: `'${e.post}' belongs to '${post.employer}'`,
        worker: e.worker,
        post: e.post,
      });
    const score = scorePair(dataset, w.worker, post).score;
    if (!same(score, e.score) || (edge !== undefined && !same(edge.bonus, e.bonus)))
      add({
        code: 'score-mismatch',
        message: `'${e.worker}' → '${e.post}' scores ${score} (bonus ${edge?.bonus ?? 0}), not ${e.score} (bonus ${e.bonus})`,
        worker: e.worker,
        post: e.post,
      });
  }
  for (const [post, n] of load) {
    const cap = c.capacity.get(post) ?? 0;
    if (n > cap)
      add({ code: 'capacity-exceeded', message: `'${post}' holds ${n}, ${cap} openings left`, post });
  }

  // Groups.
  const groupOf = new Map<string, string>();
  for (const g of options.groups) for (const m of g.members) groupOf.set(m, g.id);
  const outcomes = new Map<string, Plan['groups'][number]>();
  for (const o of plan.groups) {
    if (outcomes.has(o.group) || !options.groups.some((g) => g.id === o.group))
      add({
        code: 'group-outcome-mismatch',
        message: `outcome for '${o.group}' is unknown or repeated`,
        group: o.group,
      });
    outcomes.set(o.group, o);
  }
  for (const g of options.groups) {
    const state = groupState(g, (m) => postOf.get(m), c.postById);
    const o = outcomes.get(g.id);
    if (state.kind === 'broken')
      add({ code: 'group-broken', message: `group '${g.id}' is split or partly placed`, group: g.id });
    const agrees =
      o !== undefined &&
      o.rule === g.rule &&
      ((o.kind === 'placed' && state.kind === 'whole' && state.key === o.at) ||
        (o.kind === 'not-placed' && state.kind === 'none'));
    if (!agrees)
      add({
        code: 'group-outcome-mismatch',
        message: `group '${g.id}': the outcome does not match the entries`,
        group: g.id,
      });
  }

  // Unplaced labourers: reasons as implied, and no room left where they could go.
  const holders = holdersOf(c, postOf);
  for (const e of plan.entries) {
    if (e.kind !== 'unplaced' || !c.byWorker.has(e.worker)) continue;
    const gid = groupOf.get(e.worker);
    const o = gid === undefined ? undefined : outcomes.get(gid);
    const failure: { group: string; why: GroupFailure } | undefined =
      gid === undefined
        ? undefined
        : { group: gid, why: o?.kind === 'not-placed' ? o.why : { code: 'no-common-option' } };
    if (!same(unplacedReasons(c, e.worker, holders, options.minScore, failure), e.reasons))
      add({
        code: 'reason-mismatch',
        message: `'${e.worker}': the unplaced reasons are not what the plan implies`,
        worker: e.worker,
      });
    if (gid !== undefined) continue;
    // In optimal mode a non-priority labourer counts only by weight: an edge of weight 0 adds nothing.
    const counts = (x: { weight: number }): boolean =>
      options.mode !== 'optimal' || e.tier === 0 || x.weight > 0;
    const room = c.byWorker
      .get(e.worker)!
      .edges.find((x) => counts(x) && (load.get(x.post) ?? 0) < (c.capacity.get(x.post) ?? 0));
    if (room !== undefined)
      add({
        code: 'unplaced-with-room',
        message: `'${e.worker}' is unplaced but '${room.post}' has room`,
        worker: e.worker,
        post: room.post,
      });
  }

  const objective = objectiveOf(c, postOf);
  if (compareObjectives(objective, plan.objective) !== 0 || objective.placed !== plan.objective.placed)
    add({
      code: 'objective-mismatch',
      message: `objective is ${JSON.stringify(objective)}, not ${JSON.stringify(plan.objective)}`,
    });

  // Certificates.
  if (options.mode === 'optimal') {
    const graph = certificateGraph(c, plan.groupSearch, options.groups, plan.groups, postOf);
    for (const v of verifyAssignment(graph, asAssignment(graph, postOf, plan)).violations)
      add({
        code: 'certificate',
        message: `${v.code}: ${v.message}`,
        ...(v.left === undefined ? {} : { worker: v.left }),
        ...(v.right === undefined ? {} : { post: v.right }),
      });
    if (plan.groupSearch.upperBound !== undefined) {
      const relaxed = relaxation(c);
      if (compareObjectives(relaxed, plan.groupSearch.upperBound) !== 0)
        add({ code: 'bound-mismatch', message: `the relaxation reaches ${JSON.stringify(relaxed)}` });
    }
  } else if (options.mode === 'stable') {
    const graph = candidateGraph(c);
    const found = blockingPairs(
      graph,
      [...postOf].map(([left, right]) => ({ left, right, weight: 0 })),
    );
    for (const b of found) {
      if (options.groups.length > 0 && explainedByGroup(c, graph, postOf, groupOf, b.left, b.right)) continue;
      add({
        code: 'blocking-pair',
        message: `'${b.left}' and '${b.right}' would both rather be together`,
        worker: b.left,
        post: b.right,
      });
    }
    const listed = (plan.blockingPairs ?? []).map((b) => ({
      left: b.worker as string,
      right: b.post as string,
    }));
    if (!same(found, listed))
      add({
        code: 'blocking-pairs-mismatch',
        message: `the plan lists ${listed.length} blocking pairs, there are ${found.length}`,
      });
  }

  if (!same(summarizePlan(plan, dataset), plan.summary))
    add({ code: 'summary-mismatch', message: 'the summary does not match the entries' });
  return { ok: out.length === 0, violations: out };
}

/** The plan's placements on a graph as an assignment, with the plan's certificate. */
function asAssignment(graph: BipartiteGraph, postOf: ReadonlyMap<string, string>, plan: Plan): Assignment {
  const weight = new Map(graph.edges.map((e) => [`${e.left}\u0000${e.right}`, e.weight]));
  const tier = new Map(graph.left.map((n) => [n.id, n.tier === undefined ? 0 : n.tier]));
  const pairs: AssignedPair[] = [];
  const unmatched: string[] = [];
  const placedByTier: Record<number, number> = {};
  for (const t of tier.values()) if (t !== null) placedByTier[t] = 0;
  let total = 0;
  for (const id of [...tier.keys()].sort(compareIds)) {
    const right = postOf.get(id);
    if (right === undefined) {
      unmatched.push(id);
      continue;
    }
    // A pair that is not an edge gets weight 0 here; verifyAssignment reports it as not-an-edge.
    const w = weight.get(`${id}\u0000${right}`) ?? 0;
    pairs.push({ left: id, right, weight: w });
    total += w;
    const t = tier.get(id)!;
    if (t !== null) placedByTier[t]!++;
  }
  return { mode: 'optimal', pairs, unmatched, total, placedByTier, certificate: plan.certificate };
}

/** The optimum without the group rules. */
function relaxation(c: ReturnType<typeof buildCandidates>): ReturnType<typeof objectiveOf> {
  const a = solve(candidateGraph(c), { mode: 'optimal' });
  return objectiveOf(c, new Map(a.pairs.map((p) => [p.left, p.right])));
}

/** Whether a blocking pair comes from a group: the labourer is a member, or the post would give up a member for it. */
function explainedByGroup(
  c: ReturnType<typeof buildCandidates>,
  graph: BipartiteGraph,
  postOf: ReadonlyMap<string, string>,
  groupOf: ReadonlyMap<string, string>,
  worker: string,
  post: string,
): boolean {
  if (groupOf.has(worker)) return true;
  const weight = new Map(graph.edges.filter((e) => e.right === post).map((e) => [e.left, e.weight]));
  let worst: { id: string; tier: number; w: number } | undefined;
  for (const [id, p] of postOf) {
    if (p !== post) continue;
    const x = { id, tier: c.byWorker.get(id)!.tier, w: weight.get(id) ?? 0 };
    if (
      worst === undefined ||
      x.tier > worst.tier ||
      (x.tier === worst.tier && (x.w < worst.w || (x.w === worst.w && x.id > worst.id)))
    )
      worst = x;
  }
  return worst !== undefined && groupOf.has(worst.id);
}

// ---------------------------------------------------------------------------------------------
// Reading a plan back

const id = z.string().min(1);
const finite = z.number().refine(Number.isFinite, { message: 'expected a finite number' });
const tier = z.union([z.literal(0), z.literal(1)]);
const params = z.record(z.string(), z.unknown());
const groupRule = z.enum(['same-employer', 'same-site', 'same-post']);
const failure = z.looseObject({ code: z.enum(['no-common-option', 'no-capacity-left', 'worse-for-plan']) });
const objective = z.strictObject({
  priorityPlaced: z.number().int().min(0),
  placed: z.number().int().min(0),
  total: finite,
});

const planSchema = z.strictObject({
  mode: z.enum(['optimal', 'stable', 'greedy']),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  options: z.strictObject({
    mode: z.enum(['optimal', 'stable', 'greedy']),
    minScore: finite,
    candidatesPerWorker: z.number().int().min(1).optional(),
    groups: z.array(z.strictObject({ id, members: z.array(id), rule: groupRule })),
    keepTogether: z.strictObject({ weight: finite }).optional(),
    exactGroupLimit: z.number().int().min(1),
  }),
  entries: z.array(
    z.discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('placed'),
        worker: id,
        post: id,
        employer: id,
        score: finite,
        bonus: finite,
        tier,
        group: id.optional(),
      }),
      z.strictObject({
        kind: z.literal('unplaced'),
        worker: id,
        tier,
        reasons: z
          .array(
            z.strictObject({
              code: z.enum([
                'worker-excluded',
                'no-eligible-post',
                'below-min-score',
                'posts-filled',
                'group-not-placed-whole',
              ]),
              params,
            }),
          )
          .min(1),
      }),
    ]),
  ),
  objective,
  certificate: z
    .discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('duals'),
        tiers: z.array(z.number().int().min(0)),
        leftPotential: z.record(z.string(), finite),
        rightPotential: z.record(z.string(), finite),
        leftTierPotential: z.record(z.string(), z.array(z.number().int())),
        rightTierPotential: z.record(z.string(), z.array(z.number().int())),
      }),
      z.strictObject({ kind: z.literal('stable'), blockingPairs: z.tuple([]) }),
    ])
    .optional(),
  blockingPairs: z.array(z.strictObject({ worker: id, post: id })).optional(),
  groups: z.array(
    z.discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('placed'),
        group: id,
        rule: groupRule,
        at: id,
        options: z.number().int().min(0),
      }),
      z.strictObject({ kind: z.literal('not-placed'), group: id, rule: groupRule, why: failure }),
    ]),
  ),
  groupSearch: z.strictObject({
    method: z.enum(['none', 'exact', 'heuristic', 'first']),
    graph: z.enum(['candidates', 'groups-fixed', 'residual']),
    solves: z.number().int().min(0),
    upperBound: objective.optional(),
  }),
  summary: z.looseObject({}),
});

/**
 * Reads a plan back from JSON, refusing anything that is not shaped like one (all problems at once).
 * The facts in it are not checked here: {@link verifyPlan} does that against the dataset.
 *
 * @param input - Parsed JSON.
 * @returns The plan, or every issue with its path.
 * @example
 * safeParsePlan({}).success //=> false
 *
 * Complexity: O(size of the input).
 */
export function safeParsePlan(input: unknown): SafeResult<Plan> {
  const r = planSchema.safeParse(input);
  if (r.success) return { success: true, value: r.data as unknown as Plan };
  const issues = new Issues();
  fromZod(issues, r.error, [], input);
  return { success: false, issues: issues.list };
}

/**
 * Reads a plan back from JSON (see {@link safeParsePlan}).
 *
 * @param input - Parsed JSON.
 * @returns The plan.
 * @throws BangfuValidationError with every issue and its path (`entries[3].post`).
 * @example
 * parsePlan(JSON.parse(JSON.stringify(assign(ds)))).entries.length === ds.labourers.length //=> true
 *
 * Complexity: O(size of the input).
 */
export function parsePlan(input: unknown): Plan {
  const r = safeParsePlan(input);
  if (!r.success) throw new BangfuValidationError(r.issues, 'plan');
  return r.value;
}
