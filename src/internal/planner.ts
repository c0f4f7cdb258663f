/**
 * Where a plan's candidate pairs come from, behind one interface for the plan modes and the group
 * search: the walk over the compiled index (the default: nothing enumerated), or explicit lists
 * (each labourer's best N posts, or every eligible pair when a keep-together bonus needs them all).
 *
 * @module
 */
import type { CompiledIndex } from '../compile.js';
import { stableMatch } from '../graph/solve-stable.js';
import { greedyMatch } from './greedy-match.js';
import {
  coreGraph,
  placementOf,
  planOptimal,
  PricingState,
  solveCore,
  type CorePlacement,
  type PairLists,
  type Shape,
} from './optimal-core.js';
import type { PlanDuals, ShardPricer } from './pricing.js';
import { inWalkOrder } from './id-order.js';
import { listBytes, listFinder, type PackedLists } from './candidate-lists.js';

/** What a plan mode reports as it goes (the step and a fraction of it). */
export type StageProgress = (step: 'propose' | 'solve' | 'price', done: number, total: number) => void;

/** The solvers and candidate lists a plan is made from. */
export interface Planner {
  readonly index: CompiledIndex;
  /** The explicit candidate lists, if the candidates are not every eligible pair read by the walk. */
  readonly lists?: PairLists | undefined;
  /** The exact optimal placement of a sub-problem, with duals over every candidate pair. */
  optimal(shape: Shape, progress?: StageProgress): CorePlacement & { readonly duals: PlanDuals };
  /** The stable placement of a sub-problem (the greedy one too: both sides rank pairs by one order). */
  stable(shape: Shape, progress?: StageProgress): CorePlacement;
  /** Every candidate pair of a labourer (a group member's options are drawn from them). */
  candidates(w: number): PairLists;
  /** A labourer's candidate pairs if they are kept already (found by {@link Planner.prepare}), else undefined. */
  known?(w: number): PairLists | undefined;
  /**
   * Finds the candidate pairs of these labourers ahead of {@link Planner.candidates}, taking them in
   * walk order (each county's buckets built once), and keeps as many as its budget holds.
   */
  prepare(labourers: ArrayLike<number>): void;
  /**
   * Announces the labourers a later {@link Planner.prepare} will be given: a pricer that can find
   * their lists on another thread ({@link ShardPricer.lists}) starts on them now.
   */
  foresee?(labourers: ArrayLike<number>): void;
  /**
   * Whether something derived from the candidate lists, of this many bytes, may be kept: true
   * (and counted) while the planner's budget holds it. Beyond the budget, lists and what is
   * derived from them are found again when needed, so memory stays bounded at any size.
   */
  keep(bytes: number): boolean;
}

/**
 * Bytes of group members' candidate lists (and their groups' common options) a walk planner keeps.
 * A city's members fit (5,000 members with about 2,000 pairs each: 120 MB); a province's (50,000
 * with about 20,000 each: 12 GB) do not, and are found again, group by group, when needed.
 */
export const KEPT_LIST_BYTES = 256 * 2 ** 20;

/**
 * Posts of each labourer's best `seed` added to the optimal core's start (none: the stable
 * matching's accepted pairs are a better start, and cheaper), and pairs added per round.
 */
const CORE_SEED = 0;
const PER_ROUND = 10;

/** A planner over the walk: candidates are every eligible pair scoring at least `minScore`. */
export function walkPlanner(
  index: CompiledIndex,
  minScore: number,
  keepLimit: number = KEPT_LIST_BYTES,
  pricer?: ShardPricer,
): Planner {
  const find = listFinder(index, minScore);
  let accepted: PairLists | undefined;
  let known: PairLists | undefined;
  // Pricing's kept values, carried from one optimal sub-problem to the next.
  let pricing: PricingState | undefined;
  const kept = new Map<number, PairLists>();
  let keptBytes = 0;
  const keep = (bytes: number): boolean => {
    if (keptBytes + bytes > keepLimit) return false;
    keptBytes += bytes;
    return true;
  };
  // Lists being found on another thread, by the pricer, for the next `prepare`.
  let coming: (() => PackedLists) | undefined;
  return {
    index,
    optimal(shape, progress) {
      // The stable matching's accepted pairs seed the core: they hold the pairs a near-optimal plan
      // uses, so pricing has little left to add.
      if (accepted === undefined) {
        const da = greedyMatch(index, {
          minScore,
          skip: shape.skip,
          used: shape.used,
          onProgress: (done, total) => progress?.('propose', done, total),
          firstReach: true,
        });
        accepted = listsOf(index, da.accepted.labourers, da.accepted.posts, da.accepted.scores);
      }
      const result = planOptimal(index, {
        ...shape,
        minScore,
        seed: CORE_SEED,
        perLabourer: PER_ROUND,
        start: known ?? accepted,
        pricing: (pricing ??= new PricingState(index.labourerCount, PER_ROUND)),
        onRound: (r) => progress?.('solve', r, r + 1),
        onPricing: (done, total) => progress?.('price', done, total),
        pricer,
      });
      // A later sub-problem (groups placed, the rest re-planned) starts from this core.
      known = result.core;
      return result;
    },
    stable(shape, progress) {
      const da = greedyMatch(index, {
        minScore,
        skip: shape.skip,
        used: shape.used,
        onProgress: (done, total) => progress?.('propose', done, total),
      });
      const bonusOf = new Float64Array(index.labourerCount);
      return { postOf: da.postOf, scoreOf: da.scoreOf, bonusOf };
    },
    known(w) {
      return kept.get(w);
    },
    candidates(w) {
      let l = kept.get(w);
      if (l === undefined) {
        l = find(w);
        if (keep(listBytes(l))) kept.set(w, l);
      }
      return l;
    },
    prepare(labourers) {
      // Those found elsewhere (in this same order) are the very lists `find` gives; any not found
      // there are found here.
      const got = coming?.();
      coming = undefined;
      let j = 0;
      for (const w of inWalkOrder(index, labourers)) {
        if (kept.has(w)) continue;
        let l: PairLists;
        if (got?.labourers[j] === w) {
          const a = got.offsets[j]!;
          const b = got.offsets[++j]!;
          l = {
            offsets: Int32Array.of(0, b - a),
            posts: got.posts.subarray(a, b),
            scores: got.scores.subarray(a, b),
          };
        } else l = find(w);
        if (!keep(listBytes(l))) return;
        kept.set(w, l);
      }
    },
    foresee(labourers) {
      const order = inWalkOrder(index, labourers).filter((w) => !kept.has(w));
      coming = pricer?.lists?.(index, Int32Array.from(order), minScore, keepLimit - keptBytes);
    },
    keep,
  };
}

/** A planner over explicit lists (each labourer's pairs by post id rank). */
export function listPlanner(index: CompiledIndex, lists: PairLists): Planner {
  return {
    index,
    lists,
    optimal(shape) {
      return solveCore(index, lists, shape);
    },
    stable(shape) {
      const { g, edgeScore, edgeBonus } = coreGraph(index, lists, shape);
      return placementOf(index, shape, stableMatch(g), g.edgeRight, edgeScore, edgeBonus);
    },
    prepare() {},
    // The lists are in memory already (O(E) by design): what is derived from them is kept too.
    keep: () => true,
    candidates(w) {
      const a = lists.offsets[w]!;
      const b = lists.offsets[w + 1]!;
      return {
        offsets: Int32Array.of(0, b - a),
        posts: lists.posts.slice(a, b),
        scores: lists.scores.slice(a, b),
        ...(lists.weights === undefined ? {} : { weights: lists.weights.slice(a, b) }),
        ...(lists.bonuses === undefined ? {} : { bonuses: lists.bonuses.slice(a, b) }),
      };
    },
  };
}

/** Pairs (labourer, post, score) as lists by labourer, each by post id rank, without repeats. */
export function listsOf(
  index: CompiledIndex,
  labourers: Int32Array,
  posts: Int32Array,
  scores: Float64Array,
): PairLists {
  const W = index.labourerCount;
  const rank = index.postIdRank;
  // Counting sort by labourer, then each labourer's few pairs by post id rank (insertion sort).
  const count = new Int32Array(W + 1);
  for (let i = 0; i < labourers.length; i++) count[labourers[i]! + 1]! += 1;
  for (let w = 0; w < W; w++) count[w + 1]! += count[w]!;
  const order = new Int32Array(labourers.length);
  const fill = count.slice(0, W);
  for (let i = 0; i < labourers.length; i++) order[fill[labourers[i]!]!++] = i;
  for (let w = 0; w < W; w++) {
    for (let j = count[w]! + 1; j < count[w + 1]!; j++) {
      const x = order[j]!;
      const r = rank[posts[x]!]!;
      let k = j - 1;
      while (k >= count[w]! && rank[posts[order[k]!]!]! > r) {
        order[k + 1] = order[k]!;
        k--;
      }
      order[k + 1] = x;
    }
  }
  const offsets = new Int32Array(W + 1);
  const outPosts = new Int32Array(labourers.length);
  const outScores = new Float64Array(labourers.length);
  let n = 0;
  let last = -1;
  let lastPost = -1;
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    const w = labourers[i]!;
    const p = posts[i]!;
    if (w === last && p === lastPost) continue;
    last = w;
    lastPost = p;
    outPosts[n] = p;
    outScores[n++] = scores[i]!;
    offsets[w + 1]! += 1;
  }
  for (let w = 0; w < W; w++) offsets[w + 1]! += offsets[w]!;
  return { offsets, posts: outPosts.slice(0, n), scores: outScores.slice(0, n) };
}
