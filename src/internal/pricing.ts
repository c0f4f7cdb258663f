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
import { TopK, Walker, walk, walkLimits } from './walk.js';

/** Dual prices of a placement over a compiled index, by labourer and by post position. */
export interface PlanDuals {
  /** How many numbered tiers: each tier part holds `T` integers. */
  readonly T: number;
  /** The graph's numbered tiers, ascending (position k of a tier part belongs to `tiers[k]`). */
  readonly tiers: readonly number[];
  /** Each labourer's numbered tier (0 … T − 1), or −1 for a labourer who counts only by score. */
  readonly workerTier: Int32Array;
  /** Tier part of u, `T` per labourer. */
  readonly workerTierDual: Float64Array;
  /** Weight part of u, per labourer. */
  readonly workerDual: Float64Array;
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
  readonly perWorker: number;
  /** A pair violates when its reduced value's weight part exceeds this (an absolute tolerance). */
  readonly tolerance: number;
  /** Labourers to leave out (1), e.g. group members placed or dropped as a whole. */
  readonly skip?: Uint8Array | undefined;
}

/** The violating pairs of a range of labourers, compact: labourer `workers[i]`'s are `offsets[i] … offsets[i+1]`. */
export interface Violations {
  readonly workers: Int32Array;
  readonly offsets: Int32Array;
  readonly posts: Int32Array;
  readonly scores: Float64Array;
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

/** The posts of each class of equal tier part, as walk views (offset `v_w` in the class, +∞ outside). */
interface PriceClass {
  /** The class's tier part. */
  readonly tier: Float64Array;
  readonly walker: Walker;
}

function priceClasses(index: CompiledIndex, duals: PlanDuals): PriceClass[] {
  const P = index.postCount;
  const { T, postTierDual, postDual } = duals;
  const byKey = new Map<string, number[]>();
  for (let p = 0; p < P; p++) {
    if (index.postOpen[p] === 0) continue;
    let key = '';
    for (let k = 0; k < T; k++) key += `${postTierDual[p * T + k]!},`;
    let list = byKey.get(key);
    if (list === undefined) byKey.set(key, (list = []));
    list.push(p);
  }
  const out: PriceClass[] = [];
  for (const posts of byKey.values()) {
    const offsets = new Float64Array(P).fill(Number.POSITIVE_INFINITY);
    for (const p of posts) offsets[p] = postDual[p]!;
    out.push({
      tier: postTierDual.slice(posts[0]! * T, posts[0]! * T + T),
      walker: new Walker(index, { offsets }),
    });
  }
  return out;
}

/**
 * The violating pairs of the labourers `from … to − 1`: eligible pairs scoring at least `minScore`
 * whose value less the post's dual exceeds the labourer's dual, the `perWorker` largest of each
 * labourer (tier part first, then weight, then post id). Empty when the duals hold on every eligible
 * pair of the range.
 *
 * Complexity: O(C·P log P) to order the posts of the C price classes, O(P·R) per county met, then a
 * bounded walk per labourer and class that can violate (see the module notes).
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
  const { T, workerTier, workerTierDual, workerDual } = duals;
  const { minScore, perWorker, tolerance, skip } = options;
  const classes = priceClasses(index, duals);
  const n = Math.max(0, to - from);
  // Labourers by county and mobility class, so each county's buckets are built once per class.
  const C = index.counties.length;
  const classStart = new Int32Array(C * 4 + 1);
  for (let w = from; w < to; w++) classStart[index.workerCounty[w]! * 4 + index.workerScope[w]! + 1]! += 1;
  for (let c = 0; c < C * 4; c++) classStart[c + 1]! += classStart[c]!;
  const order = new Int32Array(n);
  for (let w = from; w < to; w++)
    order[classStart[index.workerCounty[w]! * 4 + index.workerScope[w]!]!++] = w;

  const out = new TopK(perWorker);
  const lim = walkLimits(Number.NEGATIVE_INFINITY, minScore);
  // Found pairs of the labourer being priced: (sign, value, rank, post, score), merged over classes.
  const fSign = new Int8Array(perWorker * Math.max(1, classes.length));
  const fValue = new Float64Array(fSign.length);
  const fRank = new Int32Array(fSign.length);
  const fPost = new Int32Array(fSign.length);
  const fScore = new Float64Array(fSign.length);
  const pick = new Int32Array(fSign.length);
  const workers: number[] = [];
  const offsets: number[] = [0];
  const posts: number[] = [];
  const scores: number[] = [];
  for (let i = 0; i < n; i++) {
    const w = order[i]!;
    if (skip?.[w] === 1 || index.workerExcluded[w] === 1) continue;
    const tier = workerTier[w]!;
    let found = 0;
    for (const c of classes) {
      const sign = tierSign(T, tier, workerTierDual, w * T, c.tier, 0);
      if (sign < 0) continue;
      const floor = sign > 0 ? Number.NEGATIVE_INFINITY : workerDual[w]! + tolerance;
      out.reset(perWorker);
      lim.floor = floor;
      walk(c.walker, w, lim, out);
      for (let k = 0; k < out.size; k++) {
        // Exactly at the floor is within tolerance.
        if (sign === 0 && !(out.values[k]! > floor)) continue;
        fSign[found] = sign;
        fValue[found] = out.values[k]!;
        fRank[found] = out.ranks[k]!;
        fPost[found] = out.posts[k]!;
        fScore[found] = out.scores[k]!;
        found++;
      }
    }
    if (found === 0) continue;
    for (let k = 0; k < found; k++) pick[k] = k;
    const chosen = Array.from(pick.subarray(0, found)).sort(
      (a, b) => fSign[b]! - fSign[a]! || fValue[b]! - fValue[a]! || fRank[a]! - fRank[b]!,
    );
    workers.push(w);
    for (let k = 0; k < Math.min(perWorker, found); k++) {
      posts.push(fPost[chosen[k]!]!);
      scores.push(fScore[chosen[k]!]!);
    }
    offsets.push(posts.length);
  }
  return {
    workers: Int32Array.from(workers),
    offsets: Int32Array.from(offsets),
    posts: Int32Array.from(posts),
    scores: Float64Array.from(scores),
  };
}
