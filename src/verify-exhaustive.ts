/**
 * The candidate pairs of a plan and its blocking pairs, found by asking the rules and the score of
 * every labourer × post pair: `checkEligibility` and `scorePair`, nothing of the compiled index, its
 * bounded walk or the planner. {@link verifyPlan} uses them when asked to be exhaustive, so that a
 * fault the planner and the walk share (a pair the walk never offers, a bound that prunes too much)
 * cannot hide behind the verifier's use of the same walk.
 *
 * Each definition here is the plan's, stated a second time on purpose: the candidates of
 * `assign` (every eligible pair scoring at least `minScore`; each labourer's best
 * `candidatesPerLabourer` of them by score, then post id; with `keepTogether`, every such pair weighted
 * by score plus the bonus), and a blocking pair (a labourer and a candidate post it prefers to where
 * it is, which would take it), and why an unplaced labourer is unplaced.
 *
 * @module
 */
import { compareIds, priorityTier } from './compare.js';
import { checkEligibility, inRuleOrder, labourerExclusions } from './eligibility.js';
import {
  NEAR_MISS_HOLDERS,
  type GroupFailure,
  type Holder,
  type NearMiss,
  type UnplacedReason,
} from './plan.js';
import type { ExclusionCode } from './reasons.js';
import { FULL_FELLOWS } from './score/origin.js';
import { scorePair } from './score.js';
import type { Dataset, PostId, LabourerId } from './types.js';

/** Each labourer's candidate pairs, by position (dataset order), each labourer's run in post id order. */
export interface CandidateRuns {
  /** Labourer w's pairs are `offsets[w]` to `offsets[w + 1]`. */
  readonly offsets: Int32Array;
  readonly posts: Int32Array;
  readonly scores: Float64Array;
  /** Score plus bonus, when a bonus applies (keep-together). */
  readonly weights?: Float64Array | undefined;
  readonly bonuses?: Float64Array | undefined;
}

/** What of a plan's options decides its candidates (`PlanOptions` has these fields). */
export interface CandidateOptions {
  readonly candidatesPerLabourer?: number | undefined;
  readonly keepTogether?: { readonly weight: number } | undefined;
}

/**
 * A post's order of its labourers (priority tier first, then weight descending, then id): negative
 * when labourer a (of weight wa) comes before b (of weight wb).
 */
function postOrder(dataset: Dataset, a: number, wa: number, b: number, wb: number): number {
  const la = dataset.labourers[a]!;
  const lb = dataset.labourers[b]!;
  return priorityTier(la) - priorityTier(lb) || wb - wa || compareIds(la.id, lb.id);
}

/** Runs made of the pairs `pick` chooses from each labourer's run (positions k, in run order). */
function picked(all: CandidateRuns, pick: (w: number) => Iterable<number>): CandidateRuns {
  const W = all.offsets.length - 1;
  const offsets = new Int32Array(W + 1);
  const posts: number[] = [];
  const scores: number[] = [];
  for (let w = 0; w < W; w++) {
    for (const k of pick(w)) {
      posts.push(all.posts[k]!);
      scores.push(all.scores[k]!);
    }
    offsets[w + 1] = posts.length;
  }
  return { offsets, posts: Int32Array.from(posts), scores: Float64Array.from(scores) };
}

/** The positions k of a labourer's pairs, best score first, then smaller post id (runs are in id order). */
function best(all: CandidateRuns, w: number, n: number): number[] {
  const ks: number[] = [];
  for (let k = all.offsets[w]!; k < all.offsets[w + 1]!; k++) ks.push(k);
  return ks.sort((a, b) => all.scores[b]! - all.scores[a]!).slice(0, n);
}

/** The positions of the posts in id order. */
function postsById(dataset: Dataset): Int32Array {
  return Int32Array.from(dataset.posts.keys()).sort((a, b) =>
    compareIds(dataset.posts[a]!.id, dataset.posts[b]!.id),
  );
}

/**
 * Every eligible pair scoring at least `minScore`, by the rules and the score alone.
 *
 * @param dataset - The dataset.
 * @param minScore - The least score of a candidate.
 * @returns Each labourer's pairs in post id order, with their scores.
 *
 * Complexity: `checkEligibility` on every pair and `scorePair` on every eligible one: O(W · P).
 */
export function everyEligiblePair(dataset: Dataset, minScore: number): CandidateRuns {
  const order = postsById(dataset);
  const W = dataset.labourers.length;
  const offsets = new Int32Array(W + 1);
  const posts: number[] = [];
  const scores: number[] = [];
  for (let w = 0; w < W; w++) {
    const labourer = dataset.labourers[w]!;
    for (const p of order) {
      const post = dataset.posts[p]!;
      if (checkEligibility(dataset, labourer, post).length > 0) continue;
      const score = scorePair(dataset, labourer, post).score;
      if (score < minScore) continue;
      posts.push(p);
      scores.push(score);
    }
    offsets[w + 1] = posts.length;
  }
  return { offsets, posts: Int32Array.from(posts), scores: Float64Array.from(scores) };
}

/**
 * The candidates of a plan with these options, from every eligible pair: all of them; or each
 * labourer's best `candidatesPerLabourer` (score descending, then post id); or, with `keepTogether`,
 * all of them weighted by score plus `weight × min(1, (fellows + already) / FULL_FELLOWS)`, where
 * fellows counts the other labourers of the county with a candidate at the post's employer and
 * already the county's labourers the employer has in work.
 *
 * @param dataset - The dataset.
 * @param all - {@link everyEligiblePair} at the plan's minimum score.
 * @param options - The plan's options.
 * @returns The candidate runs, in post id order.
 */
export function candidatesOf(dataset: Dataset, all: CandidateRuns, options: CandidateOptions): CandidateRuns {
  const W = dataset.labourers.length;
  const kt = options.keepTogether;
  if (kt !== undefined) {
    const employerAt = new Map(dataset.employers.map((e, i) => [e.id as string, i]));
    const E = dataset.employers.length;
    const counties = new Map<string, number>();
    for (const w of dataset.labourers)
      if (!counties.has(w.originCounty)) counties.set(w.originCounty, counties.size);
    const fellows = new Int32Array(counties.size * E);
    const already = new Float64Array(counties.size * E);
    for (const e of dataset.employers)
      for (const row of e.workforceByOrigin) {
        const c = counties.get(row.county);
        if (c !== undefined) already[c * E + employerAt.get(e.id)!]! += row.count;
      }
    const employerOf = (p: number): number => employerAt.get(dataset.posts[p]!.employer)!;
    for (let w = 0; w < W; w++) {
      const c = counties.get(dataset.labourers[w]!.originCounty)!;
      const seen = new Set<number>();
      for (let k = all.offsets[w]!; k < all.offsets[w + 1]!; k++) seen.add(employerOf(all.posts[k]!));
      for (const e of seen) fellows[c * E + e]! += 1;
    }
    const weights = new Float64Array(all.posts.length);
    const bonuses = new Float64Array(all.posts.length);
    for (let w = 0; w < W; w++) {
      const c = counties.get(dataset.labourers[w]!.originCounty)!;
      for (let k = all.offsets[w]!; k < all.offsets[w + 1]!; k++) {
        const e = employerOf(all.posts[k]!);
        const others = fellows[c * E + e]! - 1;
        bonuses[k] =
          kt.weight === 0 ? 0 : kt.weight * Math.min(1, (others + already[c * E + e]!) / FULL_FELLOWS);
        weights[k] = all.scores[k]! + bonuses[k]!;
      }
    }
    return { ...all, weights, bonuses };
  }
  const n = options.candidatesPerLabourer;
  if (n === undefined) return all;
  // The best n, back in post id order.
  return picked(all, (w) => best(all, w, n).sort((a, b) => a - b));
}

/** The blocking pairs of a placement as {@link blockingPairsByCandidates} finds them. */
export interface CandidateBlocking {
  /** How many there are. */
  readonly count: number;
  /** The first `first` of them, by labourer id then post id: [labourer, post] positions. */
  readonly first: readonly (readonly [number, number])[];
  /** Those `keep` accepts, in the same order. */
  readonly kept: readonly (readonly [number, number])[];
}

/**
 * The blocking pairs of a placement over every candidate pair: a labourer and a candidate post it
 * prefers to where it is (any, when unplaced; else a higher weight, or the same weight and a
 * smaller post id) that would take it (it has room, or the labourer comes before its least
 * preferred holder: priority tier first, then weight, then the smaller labourer id).
 *
 * @param dataset - The dataset.
 * @param candidates - The plan's candidates ({@link candidatesOf}).
 * @param postOf - Each labourer's post position, −1 unplaced.
 * @param weightOf - Each placed labourer's weight (score plus bonus).
 * @param capacity - Openings of each post.
 * @param first - How many to list.
 * @param keep - Which to keep besides.
 * @returns The count, the first pairs and the kept pairs.
 *
 * Complexity: O(candidate pairs + W log W).
 */
export function blockingPairsByCandidates(
  dataset: Dataset,
  candidates: CandidateRuns,
  postOf: Int32Array,
  weightOf: Float64Array,
  capacity: ArrayLike<number>,
  first: number,
  keep: (w: number, p: number) => boolean,
): CandidateBlocking {
  const W = dataset.labourers.length;
  const P = dataset.posts.length;
  const id = (w: number): string => dataset.labourers[w]!.id;
  const postId = (p: number): string => dataset.posts[p]!.id;
  const load = new Int32Array(P);
  const least = new Int32Array(P).fill(-1);
  /** Whether labourer a comes after labourer b in a post's order. */
  const after = (a: number, wa: number, b: number, wb: number): boolean =>
    postOrder(dataset, a, wa, b, wb) > 0;
  for (let w = 0; w < W; w++) {
    const p = postOf[w]!;
    if (p < 0) continue;
    load[p]! += 1;
    const h = least[p]!;
    if (h < 0 || after(w, weightOf[w]!, h, weightOf[h]!)) least[p] = w;
  }
  const wt = candidates.weights ?? candidates.scores;
  const byId = Int32Array.from(dataset.labourers.keys()).sort((a, b) => compareIds(id(a), id(b)));
  let count = 0;
  const listed: [number, number][] = [];
  const kept: [number, number][] = [];
  for (const w of byId) {
    const cur = postOf[w]!;
    for (let k = candidates.offsets[w]!; k < candidates.offsets[w + 1]!; k++) {
      const p = candidates.posts[k]!;
      const weight = wt[k]!;
      const prefers =
        cur < 0 ||
        (cur !== p &&
          (weight > weightOf[w]! || (weight === weightOf[w] && compareIds(postId(p), postId(cur)) < 0)));
      if (!prefers) continue;
      const h = least[p]!;
      const takes = load[p]! < capacity[p]! || (h >= 0 && after(h, weightOf[h]!, w, weight));
      if (!takes) continue;
      count++;
      if (listed.length < first) listed.push([w, p]);
      if (keep(w, p)) kept.push([w, p]);
    }
  }
  return { count, first: listed, kept };
}

/** Every eligible pair of {@link everyEligiblePair} that scores at least `minScore`. */
export function atLeast(all: CandidateRuns, minScore: number): CandidateRuns {
  if (minScore <= 0) return all;
  return picked(all, function* (w) {
    for (let k = all.offsets[w]!; k < all.offsets[w + 1]!; k++) if (all.scores[k]! >= minScore) yield k;
  });
}

/**
 * Why each unplaced labourer is unplaced, from every eligible pair: rules about the labourer alone
 * (`labourer-excluded`, with `labourerExclusions`); else its best candidates, at most
 * {@link NEAR_MISS_HOLDERS} (and at most `candidatesPerLabourer`), each with how many hold it and its
 * least preferred holders in the post's order — tier, score descending, id (`posts-filled`; nothing
 * of its own for a group member); else its best eligible post when that scores below the minimum
 * (`below-min-score`); else how many posts each hard rule excludes (`no-eligible-post`). A member
 * of a group not placed whole adds `group-not-placed-whole`.
 *
 * @param dataset - The dataset.
 * @param eligible - {@link everyEligiblePair} at a minimum score of 0.
 * @param options - The plan's minimum score and candidates per labourer.
 * @param postOf - Each labourer's post position, −1 unplaced.
 * @param scoreOf - Each placed labourer's score.
 * @returns The reasons of a labourer, given its position and its group's failure, if any.
 */
export function reasonsByRules(
  dataset: Dataset,
  eligible: CandidateRuns,
  options: { readonly minScore: number; readonly candidatesPerLabourer?: number | undefined },
  postOf: Int32Array,
  scoreOf: Float64Array,
): (w: number, failure?: { readonly group: string; readonly why: GroupFailure }) => UnplacedReason[] {
  const candidates = atLeast(eligible, options.minScore);
  const holders = new Map<number, number[]>();
  for (let w = 0; w < postOf.length; w++) {
    const p = postOf[w]!;
    if (p < 0) continue;
    const list = holders.get(p);
    if (list === undefined) holders.set(p, [w]);
    else list.push(w);
  }
  const tier = (w: number): 0 | 1 => priorityTier(dataset.labourers[w]!);
  const id = (w: number): string => dataset.labourers[w]!.id;
  const nearMiss = (p: number, score: number): NearMiss => {
    const list = [...(holders.get(p) ?? [])].sort((a, b) =>
      postOrder(dataset, a, scoreOf[a]!, b, scoreOf[b]!),
    );
    const takenBy: Holder[] = list
      .slice(Math.max(0, list.length - NEAR_MISS_HOLDERS))
      .map((h) => ({ labourer: id(h) as LabourerId, tier: tier(h), score: scoreOf[h]! }));
    return { post: dataset.posts[p]!.id as PostId, score, held: list.length, takenBy };
  };
  const own = (w: number, member: boolean): UnplacedReason[] => {
    const labourer = dataset.labourers[w]!;
    const exclusions = labourerExclusions(dataset, labourer);
    if (exclusions.length > 0) return [{ code: 'labourer-excluded', params: { exclusions } }];
    const n = Math.min(NEAR_MISS_HOLDERS, options.candidatesPerLabourer ?? NEAR_MISS_HOLDERS);
    const near = best(candidates, w, n);
    if (near.length > 0) {
      if (member) return [];
      const nearMisses = near.map((k) => nearMiss(candidates.posts[k]!, candidates.scores[k]!));
      return [{ code: 'posts-filled', params: { nearMisses } }];
    }
    const top = best(eligible, w, 1)[0];
    if (top !== undefined)
      return [
        {
          code: 'below-min-score',
          params: {
            minScore: options.minScore,
            best: { post: dataset.posts[eligible.posts[top]!]!.id as PostId, score: eligible.scores[top]! },
          },
        },
      ];
    const byRule: Partial<Record<ExclusionCode, number>> = {};
    // Posts per rule: a post missing two required skills counts once for that rule.
    for (const post of dataset.posts)
      for (const code of new Set(checkEligibility(dataset, labourer, post).map((x) => x.code)))
        byRule[code] = (byRule[code] ?? 0) + 1;
    return [
      { code: 'no-eligible-post', params: { posts: dataset.posts.length, byRule: inRuleOrder(byRule) } },
    ];
  };
  return (w, failure) => {
    const reasons = own(w, failure !== undefined);
    if (failure !== undefined) reasons.push({ code: 'group-not-placed-whole', params: failure });
    return reasons;
  };
}
