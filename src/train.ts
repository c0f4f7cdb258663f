/**
 * Training plans for a cohort: which courses of the policy's catalogue, for which unplaced
 * labourers, would place the most of them (or add the most net pay) within a budget, and what a new
 * placement plan with the trained labourers really gives.
 *
 * @module
 */
import { applyChanges, trainingChange } from './advise.js';
import { assign } from './assign.js';
import { compareIds } from './compare.js';
import { checkEligibility } from './eligibility.js';
import { contextOf, siteArea } from './internal/context.js';
import type { Plan } from './plan.js';
import { netPay, scorePair } from './score.js';
import type { Dataset, Labourer, PostId, WorkerId } from './types.js';

/** What a training plan maximises: labourers newly placeable, or their total monthly net pay. */
export type TrainingObjective = 'placed' | 'pay';

/** One course for one unplaced labourer, and the posts with openings left it opens. */
export interface TrainingOption {
  readonly course: string;
  readonly worker: WorkerId;
  /** CNY. */
  readonly cost: number;
  /** Posts with openings left that the trained labourer is eligible for (scoring at least the plan's minimum), by id. */
  readonly posts: readonly { readonly post: PostId; readonly net: number; readonly score: number }[];
}

/** A course chosen, with its trainees. */
export interface ChosenCourse {
  readonly course: string;
  /** By id. */
  readonly trainees: readonly WorkerId[];
  /** Cost per trainee × trainees. */
  readonly cost: number;
}

/** What a training plan guarantees. */
export type TrainingGuarantee =
  | { readonly kind: 'exact' }
  | {
      readonly kind: 'approximate';
      /** (1 − 1/e)/2 ≈ 0.316 of the best value within the budget. */
      readonly ratio: number;
      /**
       * Whether the bound is proved for this input: every trainee has at most one useful course and
       * every cost is positive (see {@link planTraining}).
       */
      readonly holds: boolean;
    };

/** Placed labourers and their total monthly net pay in a plan. */
export interface PlacedFigures {
  readonly placed: number;
  readonly pay: number;
}

/** A training plan. */
export interface TrainingPlan {
  readonly objective: TrainingObjective;
  readonly mode: 'greedy' | 'exact';
  readonly budget: number;
  /** Every useful (course, labourer) option, by labourer then course. */
  readonly options: readonly TrainingOption[];
  /** By course id. */
  readonly chosen: readonly ChosenCourse[];
  readonly cost: number;
  /**
   * The estimate over posts with openings left: trained labourers newly placeable (a largest
   * matching of them to those openings) and the monthly net pay of that matching (for `pay`, the
   * matching of largest total pay; for `placed`, the largest matching of largest pay).
   */
  readonly expected: PlacedFigures;
  /** The trainees of that matching and where. */
  readonly placements: readonly {
    readonly worker: WorkerId;
    readonly course: string;
    readonly post: PostId;
  }[];
  readonly guarantee: TrainingGuarantee;
  /** The plan given (or made) and a new plan, with the same options, on the dataset with the trainees trained. */
  readonly replanned: {
    readonly before: PlacedFigures;
    readonly after: PlacedFigures;
    /** Trainees placed in the new plan, by id. */
    readonly traineesPlaced: readonly WorkerId[];
  };
}

/** Options of {@link planTraining}. */
export interface TrainingPlanOptions {
  /** Total CNY to spend, ≥ 0. */
  readonly budget: number;
  /** @defaultValue 'placed' */
  readonly objective?: TrainingObjective;
  /**
   * `greedy`, `exact`, or `auto` (exact with at most {@link EXACT_OPTION_LIMIT} useful options).
   * @defaultValue 'auto'
   */
  readonly mode?: 'greedy' | 'exact' | 'auto';
  /** The plan the unplaced labourers and openings left come from. @defaultValue assign(dataset, { mode: 'optimal' }) */
  readonly plan?: Plan;
}

/**
 * Most useful options for which `auto` mode searches exhaustively.
 *
 * @example
 * EXACT_OPTION_LIMIT //=> 20
 */
export const EXACT_OPTION_LIMIT = 20;

/**
 * The greedy bound: (1 − 1/e)/2.
 *
 * @example
 * GREEDY_RATIO.toFixed(3) //=> '0.316'
 */
export const GREEDY_RATIO = (1 - 1 / Math.E) / 2;

// --- the value of a set of options: a b-matching onto the openings left ---------------------------

export interface Matching {
  /** Matched pairs: option index → post index. */
  readonly pairs: readonly (readonly [number, number])[];
  readonly placed: number;
  readonly pay: number;
}

/**
 * A largest-weight b-matching of the chosen options to posts by successive shortest augmenting
 * paths (Bellman–Ford, so negative costs are fine), stopping when no path gains. With `cardinality`
 * every edge weighs `big + net`, giving a largest matching of largest pay.
 */
function match(
  chosen: readonly TrainingOption[],
  postIndex: ReadonlyMap<string, number>,
  capacity: readonly number[],
  cardinality: boolean,
  big: number,
): Matching {
  const nL = chosen.length;
  const nR = capacity.length;
  // Nodes: 0 source, 1..nL options, nL+1..nL+nR posts, nL+nR+1 sink.
  const sink = nL + nR + 1;
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const head: number[][] = Array.from({ length: sink + 1 }, () => []);
  const addEdge = (u: number, v: number, c: number, w: number): void => {
    head[u]!.push(to.length);
    to.push(v);
    cap.push(c);
    cost.push(w);
    head[v]!.push(to.length);
    to.push(u);
    cap.push(0);
    cost.push(-w);
  };
  const used = new Set<number>();
  chosen.forEach((o, i) => {
    addEdge(0, 1 + i, 1, 0);
    for (const p of o.posts) {
      const j = postIndex.get(p.post);
      if (j === undefined) continue;
      used.add(j);
      addEdge(1 + i, 1 + nL + j, 1, -(cardinality ? big + p.net : p.net));
    }
  });
  for (const j of [...used].sort((a, b) => a - b)) addEdge(1 + nL + j, sink, capacity[j]!, 0);
  for (;;) {
    const dist = new Array<number>(sink + 1).fill(Infinity);
    const via = new Array<number>(sink + 1).fill(-1);
    dist[0] = 0;
    for (let round = 0; round <= sink; round++) {
      let changed = false;
      for (let u = 0; u <= sink; u++) {
        if (dist[u] === Infinity) continue;
        for (const e of head[u]!) {
          if (cap[e]! <= 0) continue;
          const d = dist[u]! + cost[e]!;
          if (d < dist[to[e]!]!) {
            dist[to[e]!] = d;
            via[to[e]!] = e;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    if (!(dist[sink]! < 0)) break;
    for (let v = sink; v !== 0; v = to[via[v]! ^ 1]!) {
      cap[via[v]!]! -= 1;
      cap[via[v]! ^ 1]! += 1;
    }
  }
  const pairs: [number, number][] = [];
  let pay = 0;
  chosen.forEach((o, i) => {
    for (const e of head[1 + i]!) {
      const v = to[e]!;
      if (v > nL && v < sink && e % 2 === 0 && cap[e] === 0) {
        const j = v - 1 - nL;
        pairs.push([i, j]);
        pay += o.posts.find((p) => postIndex.get(p.post) === j)?.net ?? 0;
      }
    }
  });
  return { pairs, placed: pairs.length, pay };
}

interface Problem {
  readonly options: readonly TrainingOption[];
  readonly postIndex: ReadonlyMap<string, number>;
  readonly posts: readonly PostId[];
  readonly capacity: readonly number[];
  readonly objective: TrainingObjective;
  readonly big: number;
}

function evaluateSet(pr: Problem, set: readonly number[]): Matching {
  return match(
    set.map((i) => pr.options[i]!),
    pr.postIndex,
    pr.capacity,
    pr.objective === 'placed',
    pr.big,
  );
}

function valueOf(pr: Problem, m: Matching): number {
  return pr.objective === 'placed' ? m.placed : m.pay;
}

function costOf(pr: Problem, set: readonly number[]): number {
  return set.reduce((s, i) => s + pr.options[i]!.cost, 0);
}

/** Better of two sets: value, then (for `placed`) pay, then lower cost, then the earlier index list. */
function better(pr: Problem, a: { set: number[]; m: Matching }, b: { set: number[]; m: Matching }): boolean {
  const va = valueOf(pr, a.m);
  const vb = valueOf(pr, b.m);
  if (va !== vb) return va > vb;
  if (pr.objective === 'placed' && a.m.pay !== b.m.pay) return a.m.pay > b.m.pay;
  const ca = costOf(pr, a.set);
  const cb = costOf(pr, b.set);
  if (ca !== cb) return ca < cb;
  const ka = [...a.set].sort((x, y) => x - y).join(',');
  const kb = [...b.set].sort((x, y) => x - y).join(',');
  return ka < kb;
}

function greedy(pr: Problem, budget: number): { set: number[]; m: Matching } {
  const set: number[] = [];
  const trainees = new Set<string>();
  let spent = 0;
  let current = evaluateSet(pr, set);
  for (;;) {
    let pick: { i: number; gain: number; ratio: number; m: Matching } | undefined;
    pr.options.forEach((o, i) => {
      if (trainees.has(o.worker) || spent + o.cost > budget) return;
      const m = evaluateSet(pr, [...set, i]);
      const gain = valueOf(pr, m) - valueOf(pr, current);
      if (!(gain > 0)) return;
      const ratio = o.cost > 0 ? gain / o.cost : Infinity;
      if (
        pick === undefined ||
        ratio > pick.ratio ||
        (ratio === pick.ratio &&
          (gain > pick.gain || (gain === pick.gain && o.cost < pr.options[pick.i]!.cost)))
      )
        pick = { i, gain, ratio, m };
    });
    if (pick === undefined) break;
    set.push(pick.i);
    trainees.add(pr.options[pick.i]!.worker);
    spent += pr.options[pick.i]!.cost;
    current = pick.m;
  }
  let best = { set, m: current };
  // The best single option guards against one costly option worth more than the greedy picks.
  pr.options.forEach((o, i) => {
    if (o.cost > budget) return;
    const single = { set: [i], m: evaluateSet(pr, [i]) };
    if (valueOf(pr, single.m) > valueOf(pr, best.m)) best = single;
  });
  return best;
}

function exact(pr: Problem, budget: number): { set: number[]; m: Matching } {
  // Options grouped by trainee: each trainee takes at most one course.
  const byWorker = new Map<string, number[]>();
  pr.options.forEach((o, i) => byWorker.set(o.worker, [...(byWorker.get(o.worker) ?? []), i]));
  const groups = [...byWorker.entries()].sort((a, b) => compareIds(a[0], b[0])).map(([, is]) => is);
  // What a trainee can add at most: one placement, or their best net pay.
  const most = groups.map((is) =>
    pr.objective === 'placed' ? 1 : Math.max(...is.flatMap((i) => pr.options[i]!.posts.map((p) => p.net))),
  );
  const rest = most.map((_, g) => most.slice(g).reduce((s, x) => s + x, 0));
  let best = { set: [] as number[], m: evaluateSet(pr, []) };
  const set: number[] = [];
  const walk = (g: number, spent: number, value: number): void => {
    if (g === groups.length) {
      const cand = { set: [...set], m: evaluateSet(pr, set) };
      if (better(pr, cand, best)) best = cand;
      return;
    }
    // Nothing left can beat the best: prune (ties are kept for the tie-breaks).
    if (value + rest[g]! < valueOf(pr, best.m)) return;
    for (const i of groups[g]!) {
      const c = pr.options[i]!.cost;
      if (spent + c > budget) continue;
      set.push(i);
      walk(g + 1, spent + c, valueOf(pr, evaluateSet(pr, set)));
      set.pop();
    }
    walk(g + 1, spent, value);
  };
  walk(0, 0, 0);
  return best;
}

// --- planTraining --------------------------------------------------------------------------------

function placedFigures(dataset: Dataset, plan: Plan): PlacedFigures {
  const ctx = contextOf(dataset);
  let placed = 0;
  let pay = 0;
  for (const e of plan.entries) {
    if (e.kind !== 'placed') continue;
    const w = ctx.workers.get(e.worker);
    const p = ctx.posts.get(e.post);
    if (w === undefined || p === undefined) continue;
    placed++;
    pay += netPay(w, p, siteArea(p.site, ctx.parks)).net;
  }
  return { placed, pay };
}

/**
 * The (course, labourer) options worth considering: for each labourer unplaced in the plan (and not
 * excluded by age or retirement) who has no eligible post with openings left, each course of the
 * policy after which they are eligible for at least one post with openings left, scoring at least
 * the plan's minimum score. A course is applied as in `applyChanges` (it starts on the as-of date,
 * grants its skills and certificates, and the labourer is available once it ends).
 *
 * @internal
 */
export function trainingOptions(
  dataset: Dataset,
  plan: Plan,
): { options: TrainingOption[]; spare: Map<string, number> } {
  const ctx = contextOf(dataset);
  const spare = new Map<string, number>();
  for (const p of dataset.posts) spare.set(p.id, p.openings - p.filled);
  for (const e of plan.entries) if (e.kind === 'placed') spare.set(e.post, (spare.get(e.post) ?? 0) - 1);
  const open = [...dataset.posts]
    .filter((p) => (spare.get(p.id) ?? 0) > 0)
    .sort((a, b) => compareIds(a.id, b.id));
  const minScore = plan.options.minScore;
  const reach = (w: Labourer) =>
    open.flatMap((p) => {
      if (checkEligibility(dataset, w, p).length > 0) return [];
      const score = scorePair(dataset, w, p).score;
      if (score < minScore) return [];
      return [{ post: p.id, net: netPay(w, p, siteArea(p.site, ctx.parks)).net, score }];
    });
  const options: TrainingOption[] = [];
  const unplaced = plan.entries
    .filter((e) => e.kind === 'unplaced' && e.reasons[0].code !== 'worker-excluded')
    .map((e) => e.worker)
    .sort(compareIds);
  const courses = [...dataset.policy.trainings].sort((a, b) => compareIds(a.id, b.id));
  for (const id of unplaced) {
    const w = ctx.workers.get(id);
    if (w === undefined || reach(w).length > 0) continue;
    for (const course of courses) {
      const sc = applyChanges(dataset, w, [trainingChange(course)]);
      if (sc === undefined) continue;
      const posts = reach(sc.worker);
      if (posts.length > 0)
        options.push({ course: course.id, worker: w.id, cost: course.costPerTrainee, posts });
    }
  }
  return { options, spare };
}

/**
 * Chooses options within a budget, at most one per labourer, maximising the value of
 * {@link trainingValue} under the objective: by exhaustive search (`exact`) or by the greedy with
 * the best single option (`greedy`); see {@link planTraining} for the guarantee.
 *
 * Complexity: exact O(∏(cᵤ + 1)·M) in the worst case for cᵤ options of labourer u; greedy O(k·n·M)
 * for n options and k chosen; M the cost of one matching.
 *
 * @param options - The options (course, labourer, cost, posts opened).
 * @param spare - Openings left per post id.
 * @param budget - CNY, ≥ 0.
 * @param objective - `placed` or `pay`.
 * @param mode - `exact` or `greedy`.
 * @returns The chosen option indices (ascending), their value and the matching behind it.
 * @example
 * selectTraining([{ course: 'c', worker: 'w', cost: 5, posts: [{ post: 'p', net: 3000, score: 0.5 }] }], new Map([['p', 1]]), 5, 'placed', 'exact').chosen //=> [0]
 */
export function selectTraining(
  options: readonly TrainingOption[],
  spare: ReadonlyMap<string, number>,
  budget: number,
  objective: TrainingObjective,
  mode: 'greedy' | 'exact',
): {
  readonly chosen: readonly number[];
  readonly value: PlacedFigures;
  readonly posts: readonly PostId[];
  readonly matching: Matching;
} {
  const posts = [...new Set(options.flatMap((o) => o.posts.map((p) => p.post)))].sort(compareIds);
  const postIndex = new Map(posts.map((p, j) => [p as string, j]));
  const maxNet = Math.max(0, ...options.flatMap((o) => o.posts.map((p) => p.net)));
  const pr: Problem = {
    options,
    postIndex,
    posts,
    capacity: posts.map((p) => Math.max(0, spare.get(p) ?? 0)),
    objective,
    big: (options.length + 1) * (maxNet + 1),
  };
  const best = mode === 'exact' ? exact(pr, budget) : greedy(pr, budget);
  const chosen = [...best.set].sort((a, b) => a - b);
  const matching = evaluateSet(pr, chosen);
  return { chosen, value: { placed: matching.placed, pay: matching.pay }, posts, matching };
}

/**
 * Which courses, for which unplaced labourers, place the most of them (`placed`) or add the most
 * monthly net pay (`pay`) within a budget.
 *
 * Model: a labourer takes at most one course (cost `costPerTrainee`); the value of a set of
 * (course, labourer) options is a largest matching of the trained labourers onto the openings left
 * by the plan (`openings − filled − placed there`), so no post counts more new placements than it
 * has openings; for `pay`, the matching of largest total net pay. Only the labourers unplaced in the
 * plan and with no eligible post left are candidates (see {@link trainingOptions}).
 *
 * Modes:
 * - `exact`: exhaustive search over every choice of at most one course per labourer within the
 *   budget (pruned by an upper bound); the best value, ties broken by pay, then lower cost, then the
 *   options' order. Exponential in the number of options.
 * - `greedy`: repeatedly add the option of largest marginal value per yuan that still fits the budget
 *   (skipping labourers already chosen), then keep the better of that set and the best single
 *   option. When every labourer has at most one useful course and every cost is positive, the value
 *   is a monotone submodular function of the chosen set (the rank of a transversal matroid for
 *   `placed`, an assignment valuation for `pay`), and this algorithm reaches at least
 *   (1 − 1/e)/2 ≈ 0.316 of the optimum within the budget (Krause & Guestrin, "A note on the
 *   budgeted maximization of submodular functions", 2005). Otherwise (a labourer with several
 *   useful courses) no bound is claimed: `guarantee.holds` says which case applies.
 * - `auto`: `exact` with at most {@link EXACT_OPTION_LIMIT} useful options, else `greedy`.
 *
 * The result is then checked against reality: a new plan is made, with the plan's own options, on a
 * copy of the dataset whose trainees have taken their course, and placed counts and pay before and
 * after are reported.
 *
 * Complexity: O(U·C·P·(R + S)) to find the options (U unplaced labourers, C courses, P posts);
 * greedy O(k·n·M) for n options, k chosen and M the cost of a matching of k options (Bellman–Ford,
 * O(V·E)); exact O(∏(cᵤ + 1)·M) in the worst case; plus one `assign`.
 *
 * @param dataset - The dataset (its policy's `trainings` is the catalogue).
 * @param options - Budget, objective (default `placed`), mode (default `auto`), plan (default optimal).
 * @returns The chosen courses and trainees, the estimate, the guarantee and the re-planned outcome.
 * @throws RangeError if the budget is not a finite number ≥ 0, or objective or mode is unknown.
 * @example
 * const t = planTraining(demoDataset(), { budget: 10000 });
 * t.cost <= 10000 //=> true
 * t.replanned.after.placed >= t.replanned.before.placed //=> true on the demo dataset
 */
export function planTraining(dataset: Dataset, options: TrainingPlanOptions): TrainingPlan {
  const { budget } = options;
  const objective = options.objective ?? 'placed';
  const requested = options.mode ?? 'auto';
  if (!(typeof budget === 'number' && Number.isFinite(budget) && budget >= 0))
    throw new RangeError(`planTraining: budget must be a finite number ≥ 0, got ${String(budget)}`);
  if (objective !== 'placed' && objective !== 'pay')
    throw new RangeError(`planTraining: objective must be placed or pay, got ${String(objective)}`);
  if (requested !== 'greedy' && requested !== 'exact' && requested !== 'auto')
    throw new RangeError(`planTraining: mode must be greedy, exact or auto, got ${String(requested)}`);
  const plan = options.plan ?? assign(dataset, { mode: 'optimal' });
  const { options: opts, spare } = trainingOptions(dataset, plan);
  const mode = requested === 'auto' ? (opts.length <= EXACT_OPTION_LIMIT ? 'exact' : 'greedy') : requested;
  const selection = selectTraining(opts, spare, budget, objective, mode);
  const best = { set: [...selection.chosen] };
  const posts = selection.posts;

  const perWorker = new Map<string, number>();
  for (const o of opts) perWorker.set(o.worker, (perWorker.get(o.worker) ?? 0) + 1);
  const guarantee: TrainingGuarantee =
    mode === 'exact'
      ? { kind: 'exact' }
      : {
          kind: 'approximate',
          ratio: GREEDY_RATIO,
          holds: [...perWorker.values()].every((n) => n <= 1) && opts.every((o) => o.cost > 0),
        };

  const chosenOptions = best.set.map((i) => opts[i]!);
  const byCourse = new Map<string, WorkerId[]>();
  for (const o of chosenOptions) byCourse.set(o.course, [...(byCourse.get(o.course) ?? []), o.worker]);
  const chosen: ChosenCourse[] = [...byCourse.entries()]
    .sort((a, b) => compareIds(a[0], b[0]))
    .map(([course, trainees]) => {
      const sorted = [...trainees].sort(compareIds);
      const per = opts.find((o) => o.course === course)?.cost ?? 0;
      return { course, trainees: sorted, cost: per * sorted.length };
    });
  const m = selection.matching;
  const placements = m.pairs
    .map(([i, j]) => ({
      worker: opts[best.set[i]!]!.worker,
      course: opts[best.set[i]!]!.course,
      post: posts[j]!,
    }))
    .sort((a, b) => compareIds(a.worker, b.worker));

  // The real outcome: a new plan with the trainees trained.
  const ctx = contextOf(dataset);
  const trained = new Map<string, Labourer>();
  for (const o of chosenOptions) {
    const course = dataset.policy.trainings.find((t) => t.id === o.course);
    const w = ctx.workers.get(o.worker);
    if (course === undefined || w === undefined) continue;
    const sc = applyChanges(dataset, w, [trainingChange(course)]);
    if (sc !== undefined) trained.set(w.id, sc.worker);
  }
  const after = { ...dataset, labourers: dataset.labourers.map((l) => trained.get(l.id) ?? l) };
  const {
    mode: planMode,
    minScore,
    candidatesPerWorker,
    groups,
    keepTogether,
    exactGroupLimit,
  } = plan.options;
  const replan = assign(after, {
    mode: planMode,
    minScore,
    groups,
    exactGroupLimit,
    ...(candidatesPerWorker === undefined ? {} : { candidatesPerWorker }),
    ...(keepTogether === undefined ? {} : { keepTogether }),
  });
  const traineesPlaced = replan.entries
    .filter((e) => e.kind === 'placed' && trained.has(e.worker))
    .map((e) => e.worker)
    .sort(compareIds);

  return {
    objective,
    mode,
    budget,
    options: opts,
    chosen,
    cost: chosen.reduce((s, c) => s + c.cost, 0),
    expected: { placed: m.placed, pay: m.pay },
    placements,
    guarantee,
    replanned: { before: placedFigures(dataset, plan), after: placedFigures(after, replan), traineesPlaced },
  };
}

/**
 * The value of a set of options under an objective, as the training plan computes it: a largest
 * matching onto the openings left (placed), or its largest total net pay (pay). For checking plans.
 *
 * Complexity: O(V·E) per augmentation (Bellman–Ford), at most `chosen.length` augmentations.
 *
 * @param chosen - Options, at most one per labourer.
 * @param spare - Openings left per post id.
 * @param objective - `placed` or `pay`.
 * @returns Placed count and pay of the matching (for `placed`: a largest matching of largest pay).
 * @example
 * trainingValue([{ course: 'c', worker: 'w', cost: 1, posts: [{ post: 'p', net: 3000, score: 0.5 }] }], new Map([['p', 1]]), 'pay')
 * //=> { placed: 1, pay: 3000 }
 */
export function trainingValue(
  chosen: readonly TrainingOption[],
  spare: ReadonlyMap<string, number>,
  objective: TrainingObjective,
): PlacedFigures {
  const posts = [...new Set(chosen.flatMap((o) => o.posts.map((p) => p.post)))].sort(compareIds);
  const maxNet = Math.max(0, ...chosen.flatMap((o) => o.posts.map((p) => p.net)));
  const m = match(
    chosen,
    new Map(posts.map((p, j) => [p as string, j])),
    posts.map((p) => Math.max(0, spare.get(p) ?? 0)),
    objective === 'placed',
    (chosen.length + 1) * (maxNet + 1),
  );
  return { placed: m.placed, pay: m.pay };
}
