/**
 * Pricing: the eligible pairs whose value beats the dual prices of a placement, found by the bounded
 * walk without enumerating every pair.
 *
 * The optimal plan is a linear programme over every eligible pair (labourer l, post r) with value
 * `w'(l, r) = (e_tier(l), score)`: one unit in the labourer's numbered tier (none for a labourer who
 * counts only by score), then the score, compared lexicographically. Duals `u(l) ≥ 0` and `v(r) ≥ 0`
 * (vectors of the same shape) prove a plan optimal when `u(l) + v(r) ≥ w'(l, r)` on every eligible
 * pair. A solver run on a subset of the pairs (a core) gives duals that hold on the core; pricing
 * finds the pairs outside it that break them, `w'(l, r) − v(r) > u(l)`.
 *
 * The tier parts of the duals are integers and take few values, so posts fall into a few classes by
 * their tier part `v_c`. For a labourer and a class, `d = e_tier(l) − u_c(l) − v_c` decides: if `d`
 * is lexicographically negative no post of the class can violate; if it is positive every eligible
 * post of the class violates whatever its score; if it is zero a post violates exactly when
 * `score − v_w(r) > u_w(l)`. The walk over the class's posts, with `v_w` as the offsets, visits
 * posts in order of an upper bound on `score − v_w(r)` and stops as soon as the bound falls to
 * `u_w(l)`: a labourer whose duals are high (well placed) looks at a handful of posts, one who is
 * unplaced at the posts priced below what it could score.
 *
 * A pure function of (a range of labourers, the compiled index, the duals): the step a run across
 * several machines spreads out.
 *
 * @module
 */
import type { CompiledIndex } from '../compile.js';
import type { PackedLists } from './candidate-lists.js';
import { inWalkOrder } from './id-order.js';
import { TopK, Walker, walk, walkLimits } from './walk.js';

/** Dual prices of a placement over a compiled index, by labourer and by post position. */
export interface PlanDuals {
  /** How many numbered tiers: each tier part holds `T` integers. */
  readonly T: number;
  /** The graph's numbered tiers, ascending (position k of a tier part belongs to `tiers[k]`). */
  readonly tiers: readonly number[];
  /** Each labourer's numbered tier (0 … T − 1), or −1 for a labourer who counts only by score. */
  readonly labourerTier: Int32Array;
  /** Tier part of u, `T` per labourer. */
  readonly labourerTierDual: Float64Array;
  /** Weight part of u, per labourer. */
  readonly labourerDual: Float64Array;
  /** Tier part of v, `T` per post. */
  readonly postTierDual: Float64Array;
  /** Weight part of v, per post. */
  readonly postDual: Float64Array;
}

/** Options of {@link priceRange}. */
export interface PricingOptions {
  /** Pairs scoring below this are not candidates. */
  readonly minScore: number;
  /** Most violating pairs kept per labourer: the largest reduced values. */
  readonly perLabourer: number;
  /** A pair violates when its reduced value's weight part exceeds this (an absolute tolerance). */
  readonly tolerance: number;
  /** Labourers to leave out (1), e.g. group members placed or dropped as a whole. */
  readonly skip?: Uint8Array | undefined;
  /** When given, only these labourers (1) are priced. */
  readonly only?: Uint8Array | undefined;
  /**
   * How far below its dual a labourer's pairs are looked at, to tell its slack (see
   * {@link Violations.slack}); 0 by default.
   */
  readonly window?: number | undefined;
  /** When given, only pairs with these posts (1) are priced (a view of them alone). */
  readonly posts?: Uint8Array | undefined;
  /**
   * Views kept from earlier calls (round after round of one plan), so a county's buckets need not
   * be built again while the duals move little; the result is the same with or without.
   */
  readonly views?: PricingViews | undefined;
}

/** Views of posts kept between pricing calls: by sign pattern, the walker and the offsets it was built on. */
export class PricingViews {
  readonly byKey = new Map<
    string,
    { readonly walker: Walker; readonly built: Float64Array; stamp: number }
  >();
  /** Identifies the call that last brought a view up to date. */
  stamp = 0;
  /** The tier parts of the post duals the views were built with (a change rebuilds them all). */
  tiers = new Float64Array(0);
  /**
   * The posts the views were built for, when a pricing was restricted to some (`posts`): such views
   * serve only calls with that very set (the shards of one round, say).
   */
  posts: Uint8Array | undefined;
}

/** A view whose offsets fell this far since it was built is built again (its bounds grow loose). */
const REBUILD_FALL = 0.02;

/** The violating pairs of a range of labourers, compact: labourer `labourers[i]`'s are `offsets[i] … offsets[i+1]`. */
export interface Violations {
  readonly labourers: Int32Array;
  readonly offsets: Int32Array;
  readonly posts: Int32Array;
  readonly scores: Float64Array;
  /**
   * When a window was asked for, each priced labourer's (index `w − from`) pairs nearest to
   * violating: its `perLabourer` pairs of largest `w'(l, r) − v(r)` within the window below `u(l)`
   * (violating ones included), all with a tier part that ties.
   */
  readonly near?: { readonly offsets: Int32Array; readonly posts: Int32Array; readonly scores: Float64Array };
  /**
   * Beside `near`: the slack `u(l) + v(r) − w'(l, r)` (weight part) that every other pair of the
   * labourer whose tier part ties has at least — the window, or less when `near` is full;
   * `−Infinity` when a pair violates in its tier part (then `near` is empty). NaN for labourers not
   * priced.
   */
  readonly slack?: Float64Array | undefined;
}

/** Lexicographic sign of `e_tier − u_c − v_c`. */
function tierSign(
  T: number,
  tier: number,
  u: Float64Array,
  uAt: number,
  v: Float64Array,
  vAt: number,
): number {
  for (let k = 0; k < T; k++) {
    const d = (k === tier ? 1 : 0) - u[uAt + k]! - v[vAt + k]!;
    if (d !== 0) return d > 0 ? 1 : -1;
  }
  return 0;
}

/** Bytes of county buckets a kept view holds on to between calls. */
const KEEP_BYTES = 256 * 2 ** 20;

/** Offsets below any price: a post whose every pair violates in its tier part comes first. */
const LIFT = 1e6;

/** Posts grouped by their tier part (classes), each class's first post standing for its vector. */
function priceClasses(
  index: CompiledIndex,
  duals: PlanDuals,
): { readonly of: Int32Array; readonly rep: number[] } {
  const P = index.postCount;
  const { T, postTierDual } = duals;
  const byKey = new Map<string, number>();
  const of = new Int32Array(P).fill(-1);
  const rep: number[] = [];
  for (let p = 0; p < P; p++) {
    if (index.postOpen[p] === 0) continue;
    let key = '';
    for (let k = 0; k < T; k++) key += `${postTierDual[p * T + k]!},`;
    let c = byKey.get(key);
    if (c === undefined) {
      byKey.set(key, (c = rep.length));
      rep.push(p);
    }
    of[p] = c;
  }
  return { of, rep };
}

/**
 * The violating pairs of the labourers `from … to − 1`: eligible pairs scoring at least `minScore`
 * whose value less the post's dual exceeds the labourer's dual, the `perLabourer` largest of each
 * labourer (tier part first, then weight, then post id). Empty when the duals hold on every eligible
 * pair of the range.
 *
 * One walk per labourer: its view gives each class of posts (by tier part) the offset its sign
 * calls for — every post of a class whose tier part violates is lifted above any price, a class
 * whose tier part ties is offset by the posts' weight duals, a class that cannot violate is left
 * out — so the walk reaches violating pairs first and stops at the labourer's dual. Labourers whose
 * signs agree share a view.
 *
 * Complexity: O(V·P log P) to order the posts of the V views met (a handful), O(P·R) per county
 * and view, then one bounded walk per labourer.
 *
 * @param index - The compiled index.
 * @param from - The first labourer.
 * @param to - One past the last.
 * @param duals - The duals of a placement.
 * @param options - Minimum score, how many per labourer, tolerance, labourers to skip.
 * @returns The violating pairs.
 */
export function priceRange(
  index: CompiledIndex,
  from: number,
  to: number,
  duals: PlanDuals,
  options: PricingOptions,
): Violations {
  const { T, labourerTier, labourerTierDual, labourerDual, postTierDual, postDual } = duals;
  const { minScore, perLabourer, tolerance, skip, only } = options;
  const window = options.window ?? 0;
  const slack = window > 0 ? new Float64Array(Math.max(0, to - from)).fill(Number.NaN) : undefined;
  const nearOffsets = new Int32Array(window > 0 ? Math.max(0, to - from) + 1 : 0);
  const nearCount = new Int32Array(window > 0 ? Math.max(0, to - from) : 0);
  const nearPosts: number[] = [];
  const nearScores: number[] = [];
  const nearStart = new Int32Array(window > 0 ? Math.max(0, to - from) : 0);
  const P = index.postCount;
  const classes = priceClasses(index, duals);
  const C = classes.rep.length;
  const views = options.views ?? new PricingViews();
  if (views.byKey.size === 0) views.posts = options.posts;
  else if (views.posts !== options.posts)
    throw new RangeError('priceRange: views kept for other posts (views serve one set of posts)');
  const stamp = ++views.stamp;
  // Views are kept only while the tier parts of the post duals stay as they were.
  const tiers = postTierDual.subarray(0, P * T);
  if (views.tiers.length !== tiers.length || views.tiers.some((x, i) => x !== tiers[i])) {
    views.byKey.clear();
    views.tiers = tiers.slice();
  }
  const signs = new Int8Array(C);
  const viewOf = (key: string): Walker => {
    let v = views.byKey.get(key);
    if (v !== undefined && v.stamp === stamp) return v.walker;
    const offsets = v?.walker.offsets ?? new Float64Array(P);
    offsets.fill(Number.POSITIVE_INFINITY);
    for (let p = 0; p < P; p++) {
      const c = classes.of[p]!;
      if (c < 0 || (options.posts !== undefined && options.posts[p] !== 1)) continue;
      const sign = signs[c]!;
      if (sign > 0) offsets[p] = postDual[p]! - LIFT;
      else if (sign === 0) offsets[p] = postDual[p]!;
    }
    if (v === undefined) {
      v = { walker: new Walker(index, { offsets }), built: offsets.slice(), stamp };
      v.walker.keepBytes = KEEP_BYTES;
      views.byKey.set(key, v);
      return v.walker;
    }
    v.stamp = stamp;
    // How far an offset fell since the buckets were built (the class pattern is the same, so the
    // posts left out are the same).
    let fall = 0;
    for (let p = 0; p < P; p++) {
      const d = v.built[p]! - offsets[p]!;
      if (d > fall) fall = d;
    }
    if (fall > REBUILD_FALL) {
      v.built.set(offsets);
      v.walker.refresh();
      v.walker.keepBytes = KEEP_BYTES;
    } else v.walker.allowance = fall;
    return v.walker;
  };
  const order = inWalkOrder(
    index,
    Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i),
  );
  const out = new TopK(perLabourer);
  const lim = walkLimits(Number.NEGATIVE_INFINITY, minScore);
  const labourers: number[] = [];
  const offsets: number[] = [0];
  const posts: number[] = [];
  const scores: number[] = [];
  for (const w of order) {
    if (skip?.[w] === 1 || index.labourerExcluded[w] === 1 || (only !== undefined && only[w] !== 1)) continue;
    const tier = labourerTier[w]!;
    let key = '';
    let any = false;
    for (let c = 0; c < C; c++) {
      const sign = tierSign(T, tier, labourerTierDual, w * T, postTierDual, classes.rep[c]! * T);
      signs[c] = sign;
      key += sign > 0 ? '+' : sign < 0 ? '-' : '0';
      if (sign >= 0) any = true;
    }
    if (slack !== undefined) slack[w - from] = window;
    if (!any) continue;
    out.reset(perLabourer);
    const bar = labourerDual[w]! + tolerance;
    lim.floor = bar - (window > 0 ? window + tolerance : 0);
    walk(viewOf(key), w, lim, out);
    // A pair exactly at the bar is within tolerance.
    let n = 0;
    let top = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < out.size; k++) {
      top = Math.max(top, out.values[k]!);
      if (!(out.values[k]! > bar)) continue;
      posts.push(out.posts[k]!);
      scores.push(out.scores[k]!);
      n++;
    }
    // A lifted value (tier part violating) lies far above any score.
    if (slack !== undefined && top > LIFT / 2) slack[w - from] = Number.NEGATIVE_INFINITY;
    else if (slack !== undefined && out.size > 0) {
      // The pairs kept are the nearest; any other lies at or below the least of them.
      let least = Number.POSITIVE_INFINITY;
      nearStart[w - from] = nearPosts.length;
      for (let k = 0; k < out.size; k++) {
        least = Math.min(least, out.values[k]!);
        nearPosts.push(out.posts[k]!);
        nearScores.push(out.scores[k]!);
      }
      nearCount[w - from] = out.size;
      if (out.size === out.k) slack[w - from] = Math.min(window, labourerDual[w]! - least);
    }
    if (n === 0) continue;
    labourers.push(w);
    offsets.push(posts.length);
  }
  return {
    labourers: Int32Array.from(labourers),
    offsets: Int32Array.from(offsets),
    posts: Int32Array.from(posts),
    scores: Float64Array.from(scores),
    ...(slack === undefined
      ? {}
      : { slack, near: nearLists(nearOffsets, nearCount, nearStart, nearPosts, nearScores) }),
  };
}

/** The near pairs as lists in labourer order (they were found in walk order). */
function nearLists(
  offsets: Int32Array,
  count: Int32Array,
  start: Int32Array,
  posts: readonly number[],
  scores: readonly number[],
): { offsets: Int32Array; posts: Int32Array; scores: Float64Array } {
  for (let i = 0; i < count.length; i++) offsets[i + 1] = offsets[i]! + count[i]!;
  const outPosts = new Int32Array(offsets[count.length] ?? 0);
  const outScores = new Float64Array(outPosts.length);
  for (let i = 0; i < count.length; i++) {
    for (let k = 0; k < count[i]!; k++) {
      outPosts[offsets[i]! + k] = posts[start[i]! + k]!;
      outScores[offsets[i]! + k] = scores[start[i]! + k]!;
    }
  }
  return { offsets, posts: outPosts, scores: outScores };
}

/**
 * Labourers per shard of a pricing call (progress is told, and work shared, shard by shard). The
 * violations of a call are joined in shard order, each shard's in walk order, and join the core in
 * that order: a different size can lead the solver to other duals of the same optimum, and the
 * group heuristic, which reads them, to another plan.
 */
export const PRICING_SHARD = 8192;

/**
 * Runs the shards of one pricing call: {@link priceRange} over labourers `k·PRICING_SHARD …` for
 * every shard k, each shard's result in order. Shards are independent (a labourer's pairs depend on
 * the duals alone) and the views are caches, so a runner may price some shards elsewhere (threads,
 * machines) with views of its own: the results are the same.
 */
export interface ShardPricer {
  /**
   * Prices every shard of `0 … index.labourerCount − 1`.
   *
   * @param index - The compiled index.
   * @param duals - The duals of a placement.
   * @param options - As {@link priceRange}'s; `views` serves the shards run in this thread.
   * @param onShard - Told after shards finish: labourers priced of all.
   * @returns One result per shard, in shard order.
   */
  price(
    index: CompiledIndex,
    duals: PlanDuals,
    options: PricingOptions,
    onShard?: (done: number, total: number) => void,
  ): Violations[];
  /**
   * Optional: starts finding labourers' full candidate lists away from the calling thread
   * (`findLists`: the same lists, in the order given, within `bytes`), while the plan goes
   * on. Returns what waits for them, or undefined to leave them to the calling thread.
   */
  lists?(
    index: CompiledIndex,
    labourers: Int32Array,
    minScore: number,
    bytes: number,
  ): (() => PackedLists) | undefined;
}

/** The shards of labourers `0 … W − 1`: shard k is `bounds[k] … bounds[k + 1] − 1`. */
export function pricingShards(W: number): Int32Array {
  const n = Math.max(1, Math.ceil(W / PRICING_SHARD));
  const bounds = new Int32Array(n + 1);
  for (let k = 1; k <= n; k++) bounds[k] = Math.min(W, k * PRICING_SHARD);
  return bounds;
}

/** Prices every shard here, one after another. */
export const localPricer: ShardPricer = {
  price(index, duals, options, onShard) {
    const bounds = pricingShards(index.labourerCount);
    const parts: Violations[] = [];
    onShard?.(0, index.labourerCount);
    for (let k = 0; k + 1 < bounds.length; k++) {
      parts.push(priceRange(index, bounds[k]!, bounds[k + 1]!, duals, options));
      onShard?.(bounds[k + 1]!, index.labourerCount);
    }
    return parts;
  },
};
