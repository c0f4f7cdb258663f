/**
 * Training plans for a cohort: which courses of the policy's catalogue (alone, or with one other
 * change of the labourer's), for which unplaced labourers (and leavers for a skills mismatch), would
 * place the most of them, add the most net pay or keep the most in work, within a budget, and what a
 * new placement plan with the trained labourers really gives.
 *
 * @module
 */
import { advise, applyChanges, changeKey, trainingChange, type Change } from './advise.js';
import { assign } from './assign.js';
import { compareIds } from './compare.js';
import { checkEligibility } from './eligibility.js';
import { contextOf, siteArea } from './internal/context.js';
import { MIN_PLACEMENTS_FOR_RETENTION } from './score/employer.js';
import { skillsComponent } from './score/skills.js';
import { placementEnd, type Outcomes } from './outcomes.js';
import type { Plan } from './plan.js';
import { applyOutcomes, replan as replanWith } from './replan.js';
import { netPay, scorePair } from './score.js';
import type { Dataset, Employer, Labourer, PostId, LabourerId } from './types.js';

/**
 * What a training plan maximises: labourers newly placeable (`placed`), their total monthly net pay
 * (`pay`), or how many of them are expected still in work after six months (`retained`: each
 * placement weighed by its employer's retention).
 */
export type TrainingObjective = 'placed' | 'pay' | 'retained';

/** One course (with, at most, one other change of the labourer's) for one labourer, and the posts with openings left it opens. */
export interface TrainingOption {
  readonly course: string;
  readonly labourer: LabourerId;
  /**
   * Other changes the labourer makes with the course (at most one: wider mobility, a lower minimum
   * pay, no dormitory…, as `advise` suggests them), for a labourer no course alone places; empty for
   * a course alone.
   */
  readonly changes: readonly Change[];
  /** CNY. */
  readonly cost: number;
  /**
   * Posts with openings left that the trained labourer is eligible for (scoring at least the plan's
   * minimum), by id, each with the net pay and the share expected still in work after six months
   * there (see {@link expectedRetention}).
   */
  readonly posts: readonly {
    readonly post: PostId;
    readonly net: number;
    readonly score: number;
    readonly retention: number;
  }[];
  /** Why the labourer is a candidate: unplaced with no post left, or a leaver for a skills mismatch. */
  readonly why: 'unplaced' | 'left-skills-mismatch';
}

/** A course chosen, with its trainees. */
export interface ChosenCourse {
  readonly course: string;
  /** By id. */
  readonly trainees: readonly LabourerId[];
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
   * matching of largest total pay; for `placed`, the largest matching of largest pay; for
   * `retained`, the matching of most expected still in work after six months).
   */
  readonly expected: PlacedFigures & {
    /** Of them, how many are expected still in work after six months (their posts' retention summed). */
    readonly retained: number;
  };
  /** The trainees of that matching and where. */
  readonly placements: readonly {
    readonly labourer: LabourerId;
    readonly course: string;
    /** The other change made with the course, if any (see {@link TrainingOption.changes}). */
    readonly changes: readonly Change[];
    readonly why: TrainingOption['why'];
    readonly post: PostId;
  }[];
  readonly guarantee: TrainingGuarantee;
  /** The plan given (or made) and a new plan, with the same options, on the dataset with the trainees trained. */
  readonly replanned: {
    readonly before: PlacedFigures;
    readonly after: PlacedFigures;
    /** Trainees placed in the new plan, by id. */
    readonly traineesPlaced: readonly LabourerId[];
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
  /**
   * Outcome records of earlier placements: training is then planned on the dataset as they leave it
   * (`applyOutcomes`: those in work keep their posts, employers scored and weighed on their measured
   * retention), from a plan made again (`replan`, unless `plan` is given), and labourers who left a
   * post for a skills mismatch are candidates too, for courses that raise their skills at a post
   * they can take. @defaultValue none
   */
  readonly outcomes?: Outcomes;
  /**
   * Also offer a course together with one other change of the labourer's (as `advise` finds them)
   * to those no course alone places. @defaultValue true
   */
  readonly combinations?: boolean;
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
  /** Expected still in work after six months: the sum of the matched posts' retention. */
  readonly retained: number;
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
  weight: (p: TrainingOption['posts'][number]) => number = (p) => p.net,
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
      addEdge(1 + i, 1 + nL + j, 1, -(cardinality ? big + p.net : weight(p)));
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
  let retained = 0;
  chosen.forEach((o, i) => {
    for (const e of head[1 + i]!) {
      const v = to[e]!;
      if (v > nL && v < sink && e % 2 === 0 && cap[e] === 0) {
        const j = v - 1 - nL;
        pairs.push([i, j]);
        const p = o.posts.find((x) => postIndex.get(x.post) === j);
        pay += p?.net ?? 0;
        retained += p?.retention ?? 0;
      }
    }
  });
  return { pairs, placed: pairs.length, pay, retained };
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
  return matchFor(
    set.map((i) => pr.options[i]!),
    pr.postIndex,
    pr.capacity,
    pr.objective,
    pr.big,
  );
}

/** The matching an objective asks for: largest (then most pay), most pay, or most expected retained. */
function matchFor(
  chosen: readonly TrainingOption[],
  postIndex: ReadonlyMap<string, number>,
  capacity: readonly number[],
  objective: TrainingObjective,
  big: number,
): Matching {
  return objective === 'retained'
    ? match(chosen, postIndex, capacity, false, big, (p) => p.retention)
    : match(chosen, postIndex, capacity, objective === 'placed', big);
}

function valueOf(pr: Problem, m: Matching): number {
  return pr.objective === 'placed' ? m.placed : pr.objective === 'pay' ? m.pay : m.retained;
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
      if (trainees.has(o.labourer) || spent + o.cost > budget) return;
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
    trainees.add(pr.options[pick.i]!.labourer);
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
  const byLabourer = new Map<string, number[]>();
  pr.options.forEach((o, i) => byLabourer.set(o.labourer, [...(byLabourer.get(o.labourer) ?? []), i]));
  const groups = [...byLabourer.entries()].sort((a, b) => compareIds(a[0], b[0])).map(([, is]) => is);
  // What a trainee can add at most: one placement, or their best net pay.
  const most = groups.map((is) =>
    pr.objective === 'placed'
      ? 1
      : Math.max(
          ...is.flatMap((i) =>
            pr.options[i]!.posts.map((p) => (pr.objective === 'pay' ? p.net : p.retention)),
          ),
        ),
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
    const w = ctx.labourers.get(e.labourer);
    const p = ctx.posts.get(e.post);
    if (w === undefined || p === undefined) continue;
    placed++;
    pay += netPay(w, p, siteArea(p.site, ctx.parks)).net;
  }
  return { placed, pay };
}

/**
 * The share of an employer's placements expected still in work after six months: its retention
 * measured from outcome records (`measuredRetention`, set by `applyOutcomes`), else its typed track
 * record when it has at least {@link MIN_PLACEMENTS_FOR_RETENTION} placements, else `fallback`.
 *
 * @param employer - The employer.
 * @param fallback - The share to assume without evidence (the programme's).
 * @returns A share in [0, 1].
 * @example
 * expectedRetention(employer({ trackRecord: { placements: 10, retainedSixMonths: 8 } }), 0.7) //=> 0.8
 */
export function expectedRetention(employer: Employer, fallback: number): number {
  if (employer.measuredRetention !== undefined) return employer.measuredRetention.rate;
  const r = employer.trackRecord;
  return r !== undefined && r.placements >= MIN_PLACEMENTS_FOR_RETENTION
    ? r.retainedSixMonths / r.placements
    : fallback;
}

/** The programme's share still in work after six months over the employers with evidence, else 1. */
function programmeRetention(dataset: Dataset): number {
  let kept = 0;
  let of = 0;
  for (const e of dataset.employers) {
    if (e.measuredRetention !== undefined) {
      kept += e.measuredRetention.rate * e.measuredRetention.placements;
      of += e.measuredRetention.placements;
    } else if (e.trackRecord !== undefined && e.trackRecord.placements >= MIN_PLACEMENTS_FOR_RETENTION) {
      kept += e.trackRecord.retainedSixMonths;
      of += e.trackRecord.placements;
    }
  }
  return of === 0 ? 1 : kept / of;
}

/** Options of {@link trainingOptions}. */
export interface TrainingOptionsOptions {
  /** Offer a course with one other change to those no course alone places. @defaultValue true */
  readonly combinations?: boolean;
  /**
   * Labourers who left a post for a skills mismatch: candidates whether or not the plan places them
   * (the post it gives them counts among the openings left), for the courses that raise their skills
   * component at a post with openings left. @defaultValue none
   */
  readonly leavers?: readonly string[];
}

/**
 * The options worth considering: for each labourer unplaced in the plan (and not excluded by age or
 * retirement) who has no eligible post with openings left, each course of the policy after which
 * they are eligible for at least one post with openings left, scoring at least the plan's minimum
 * score; for such a labourer no course alone helps, each course with one other change `advise`
 * suggests (wider mobility, a lower minimum pay, no dormitory, a refusal dropped, an earlier
 * start, a renewed certificate; never waiting, since the openings are today's) that together open
 * a post; and for each leaver for a skills mismatch, placed again by the plan or not (the post the
 * plan gives them counts among the openings left), each course after which some post with openings
 * left scores higher on skills than before: a placement made to last. A course is applied as in `applyChanges`
 * (it starts on the as-of date, grants its skills and certificates, and the labourer is available
 * once it ends; a course given in a place only to those who can travel there).
 *
 * @internal
 */
export function trainingOptions(
  dataset: Dataset,
  plan: Plan,
  settings: TrainingOptionsOptions = {},
): { options: TrainingOption[]; spare: Map<string, number> } {
  const ctx = contextOf(dataset);
  const spare = new Map<string, number>();
  for (const p of dataset.posts) spare.set(p.id, p.openings - p.filled);
  for (const e of plan.entries) if (e.kind === 'placed') spare.set(e.post, (spare.get(e.post) ?? 0) - 1);
  const options: TrainingOption[] = [];
  const unplaced = new Set<string>(
    plan.entries
      .filter((e) => e.kind === 'unplaced' && e.reasons[0].code !== 'labourer-excluded')
      .map((e) => e.labourer),
  );
  // Leavers for a skills mismatch are candidates whether or not the plan places them again: the
  // post it gives them goes back to the openings left, to be taken with a course that closes the gap.
  const leavers = new Set<string>();
  const entryOf = new Map(plan.entries.map((e) => [e.labourer as string, e]));
  for (const id of settings.leavers ?? []) {
    const entry = entryOf.get(id);
    if (entry === undefined) continue;
    if (entry.kind === 'placed') spare.set(entry.post, (spare.get(entry.post) ?? 0) + 1);
    else if (entry.reasons[0].code === 'labourer-excluded') continue;
    leavers.add(id);
  }
  const open = [...dataset.posts]
    .filter((p) => (spare.get(p.id) ?? 0) > 0)
    .sort((a, b) => compareIds(a.id, b.id));
  const minScore = plan.options.minScore;
  const fallback = programmeRetention(dataset);
  const retentionAt = new Map<string, number>();
  for (const e of dataset.employers) retentionAt.set(e.id, expectedRetention(e, fallback));
  const reach = (w: Labourer) =>
    open.flatMap((p) => {
      if (checkEligibility(dataset, w, p).length > 0) return [];
      const score = scorePair(dataset, w, p).score;
      if (score < minScore) return [];
      return [
        {
          post: p.id,
          net: netPay(w, p, siteArea(p.site, ctx.parks)).net,
          score,
          retention: retentionAt.get(p.employer) ?? fallback,
        },
      ];
    });
  const skillsAt = (w: Labourer, postId: string): number =>
    skillsComponent(dataset.policy, w, ctx.posts.get(postId)!).value ?? 0;
  const courses = [...dataset.policy.trainings].sort((a, b) => compareIds(a.id, b.id));
  const courseById = new Map(courses.map((c) => [c.id as string, c]));
  for (const id of [...new Set([...unplaced, ...leavers])].sort(compareIds)) {
    const w = ctx.labourers.get(id);
    if (w === undefined) continue;
    const leaver = leavers.has(id);
    if (!leaver && reach(w).length > 0) continue;
    const before = options.length;
    for (const course of courses) {
      const sc = applyChanges(dataset, w, [trainingChange(course)]);
      if (sc === undefined) continue;
      // A leaver: the posts where the course raises the skills they were short of.
      const posts = reach(sc.labourer).filter(
        (p) => !leaver || skillsAt(sc.labourer, p.post) > skillsAt(w, p.post),
      );
      if (posts.length > 0)
        options.push({
          course: course.id,
          labourer: w.id,
          changes: [],
          cost: course.costPerTrainee,
          posts,
          why: leaver ? 'left-skills-mismatch' : 'unplaced',
        });
    }
    if (leaver || options.length > before || settings.combinations === false || courses.length === 0)
      continue;
    // No course alone: a course with one other change, as advise finds them against this plan.
    const seen = new Set<string>();
    for (const sg of advise(dataset, id, { plan, maxChanges: 2, top: 1000 }).suggestions) {
      const training = sg.changes.filter((c) => c.code === 'take-training');
      const others = sg.changes.filter((c) => c.code !== 'take-training');
      if (training.length !== 1 || others.length !== 1 || others[0]!.code === 'wait-until') continue;
      const t = training[0]!;
      const course = courseById.get(t.code === 'take-training' ? t.params.course : '');
      if (course === undefined) continue;
      const key = `${course.id}|${changeKey(others[0]!)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const sc = applyChanges(dataset, w, [trainingChange(course), others[0]!]);
      if (sc === undefined || sc.date !== dataset.asOf) continue;
      const posts = reach(sc.labourer);
      if (posts.length > 0)
        options.push({
          course: course.id,
          labourer: w.id,
          changes: [others[0]!],
          cost: course.costPerTrainee,
          posts,
          why: 'unplaced',
        });
    }
  }
  options.sort(
    (a, b) =>
      compareIds(a.labourer, b.labourer) ||
      compareIds(a.course, b.course) ||
      compareIds(a.changes.map(changeKey).join(';'), b.changes.map(changeKey).join(';')),
  );
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
 * selectTraining([{ course: 'c', labourer: 'w', changes: [], cost: 5, why: 'unplaced', posts: [{ post: 'p', net: 3000, score: 0.5, retention: 0.8 }] }], new Map([['p', 1]]), 5, 'placed', 'exact').chosen //=> [0]
 */
export function selectTraining(
  options: readonly TrainingOption[],
  spare: ReadonlyMap<string, number>,
  budget: number,
  objective: TrainingObjective,
  mode: 'greedy' | 'exact',
): {
  readonly chosen: readonly number[];
  readonly value: PlacedFigures & { readonly retained: number };
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
  return {
    chosen,
    value: { placed: matching.placed, pay: matching.pay, retained: matching.retained },
    posts,
    matching,
  };
}

/**
 * Which courses, for which unplaced labourers, place the most of them (`placed`), add the most
 * monthly net pay (`pay`) or keep the most in work after six months (`retained`) within a budget.
 *
 * Model: a labourer takes at most one course (cost `costPerTrainee`), with at most one other change
 * of theirs where no course alone places them (`combinations`); the value of a set of options is a
 * largest matching of the trained labourers onto the openings left by the plan (`openings − filled −
 * placed there`), so no post counts more new placements than it has openings; for `pay`, the
 * matching of largest total net pay; for `retained`, of largest total expected retention (each
 * opening weighed by {@link expectedRetention}). The labourers unplaced in the plan with no eligible
 * post left are candidates, and with `outcomes` the leavers for a skills mismatch (see
 * {@link trainingOptions}); with `outcomes` the dataset is the one they leave (`applyOutcomes`) and
 * the plan, unless given, is made again (`replan`).
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
export function planTraining(given: Dataset, options: TrainingPlanOptions): TrainingPlan {
  const { budget, outcomes } = options;
  const objective = options.objective ?? 'placed';
  const requested = options.mode ?? 'auto';
  if (!(typeof budget === 'number' && Number.isFinite(budget) && budget >= 0))
    throw new RangeError(`planTraining: budget must be a finite number ≥ 0, got ${String(budget)}`);
  if (objective !== 'placed' && objective !== 'pay' && objective !== 'retained')
    throw new RangeError(`planTraining: objective must be placed, pay or retained, got ${String(objective)}`);
  if (requested !== 'greedy' && requested !== 'exact' && requested !== 'auto')
    throw new RangeError(`planTraining: mode must be greedy, exact or auto, got ${String(requested)}`);
  // With outcome records: the dataset as they leave it, the plan made again, and the leavers for a
  // skills mismatch among the candidates.
  const dataset = outcomes === undefined ? given : applyOutcomes(given, outcomes).dataset;
  const plan =
    options.plan ??
    (outcomes === undefined
      ? assign(dataset, { mode: 'optimal' })
      : replanWith(given, outcomes, { mode: 'optimal' }));
  const leavers =
    outcomes === undefined
      ? []
      : outcomes.outcomes.filter((o) => placementEnd(o)?.reason === 'skills-mismatch').map((o) => o.labourer);
  const { options: opts, spare } = trainingOptions(dataset, plan, {
    leavers,
    ...(options.combinations === undefined ? {} : { combinations: options.combinations }),
  });
  const mode = requested === 'auto' ? (opts.length <= EXACT_OPTION_LIMIT ? 'exact' : 'greedy') : requested;
  const selection = selectTraining(opts, spare, budget, objective, mode);
  const best = { set: [...selection.chosen] };
  const posts = selection.posts;

  const perLabourer = new Map<string, number>();
  for (const o of opts) perLabourer.set(o.labourer, (perLabourer.get(o.labourer) ?? 0) + 1);
  // The bound needs one useful option per labourer and positive costs; the retained objective is an
  // assignment valuation too (weights in [0, 1]).
  const guarantee: TrainingGuarantee =
    mode === 'exact'
      ? { kind: 'exact' }
      : {
          kind: 'approximate',
          ratio: GREEDY_RATIO,
          holds: [...perLabourer.values()].every((n) => n <= 1) && opts.every((o) => o.cost > 0),
        };

  const chosenOptions = best.set.map((i) => opts[i]!);
  const byCourse = new Map<string, LabourerId[]>();
  for (const o of chosenOptions) byCourse.set(o.course, [...(byCourse.get(o.course) ?? []), o.labourer]);
  const chosen: ChosenCourse[] = [...byCourse.entries()]
    .sort((a, b) => compareIds(a[0], b[0]))
    .map(([course, trainees]) => {
      const sorted = [...trainees].sort(compareIds);
      const per = opts.find((o) => o.course === course)?.cost ?? 0;
      return { course, trainees: sorted, cost: per * sorted.length };
    });
  const m = selection.matching;
  const placements = m.pairs
    .map(([i, j]) => {
      const o = opts[best.set[i]!]!;
      return { labourer: o.labourer, course: o.course, changes: o.changes, why: o.why, post: posts[j]! };
    })
    .sort((a, b) => compareIds(a.labourer, b.labourer));

  // The real outcome: a new plan with the trainees trained.
  const ctx = contextOf(dataset);
  const trained = new Map<string, Labourer>();
  for (const o of chosenOptions) {
    const course = dataset.policy.trainings.find((t) => t.id === o.course);
    const w = ctx.labourers.get(o.labourer);
    if (course === undefined || w === undefined) continue;
    const sc = applyChanges(dataset, w, [trainingChange(course), ...o.changes]);
    if (sc !== undefined) trained.set(w.id, sc.labourer);
  }
  const after = { ...dataset, labourers: dataset.labourers.map((l) => trained.get(l.id) ?? l) };
  const {
    mode: planMode,
    minScore,
    candidatesPerLabourer,
    groups,
    keepTogether,
    exactGroupLimit,
  } = plan.options;
  const replan = assign(after, {
    mode: planMode,
    minScore,
    groups,
    exactGroupLimit,
    ...(candidatesPerLabourer === undefined ? {} : { candidatesPerLabourer }),
    ...(keepTogether === undefined ? {} : { keepTogether }),
  });
  const traineesPlaced = replan.entries
    .filter((e) => e.kind === 'placed' && trained.has(e.labourer))
    .map((e) => e.labourer)
    .sort(compareIds);

  return {
    objective,
    mode,
    budget,
    options: opts,
    chosen,
    cost: chosen.reduce((s, c) => s + c.cost, 0),
    expected: { placed: m.placed, pay: m.pay, retained: m.retained },
    placements,
    guarantee,
    replanned: { before: placedFigures(dataset, plan), after: placedFigures(after, replan), traineesPlaced },
  };
}

/**
 * The value of a set of options under an objective, as the training plan computes it: a largest
 * matching onto the openings left (placed), its largest total net pay (pay), or its most expected
 * still in work after six months (retained). For checking plans.
 *
 * Complexity: O(V·E) per augmentation (Bellman–Ford), at most `chosen.length` augmentations.
 *
 * @param chosen - Options, at most one per labourer.
 * @param spare - Openings left per post id.
 * @param objective - `placed` or `pay`.
 * @returns Placed count, pay and expected retained of the matching (for `placed`: a largest
 *   matching of largest pay).
 * @example
 * trainingValue([{ course: 'c', labourer: 'w', changes: [], cost: 1, why: 'unplaced', posts: [{ post: 'p', net: 3000, score: 0.5, retention: 0.8 }] }], new Map([['p', 1]]), 'pay')
 * //=> { placed: 1, pay: 3000, retained: 0.8 }
 */
export function trainingValue(
  chosen: readonly TrainingOption[],
  spare: ReadonlyMap<string, number>,
  objective: TrainingObjective,
): PlacedFigures & { readonly retained: number } {
  const posts = [...new Set(chosen.flatMap((o) => o.posts.map((p) => p.post)))].sort(compareIds);
  const maxNet = Math.max(0, ...chosen.flatMap((o) => o.posts.map((p) => p.net)));
  const m = matchFor(
    chosen,
    new Map(posts.map((p, j) => [p as string, j])),
    posts.map((p) => Math.max(0, spare.get(p) ?? 0)),
    objective,
    (chosen.length + 1) * (maxNet + 1),
  );
  return { placed: m.placed, pay: m.pay, retained: m.retained };
}
