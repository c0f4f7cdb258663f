/**
 * Ranking every labourer at once: for each, the top k eligible posts by score (then post id),
 * exactly as `rankPosts` ranks them, computed from a compiled index by the bounded walk of
 * `src/internal/walk.ts` (exact pruning: a post is scored only if its bound can still make the list).
 *
 * @module
 */
import { compileIndex, type CompiledIndex } from './compile.js';
import * as kernel from './internal/kernel.js';
import { TopK, Walker, walk, walkLimits } from './internal/walk.js';
import type { Dataset } from './types.js';

const { createScratch, kernelScore, pairAllowed, prepareLabourer, skillsAllowed } = kernel;

/** Options of {@link rankAll} and {@link topKPosts}. */
export interface RankAllOptions {
  /**
   * How many posts to keep per labourer.
   * @defaultValue 10
   */
  readonly top?: number;
  /**
   * The least score a post needs, in [0, 1].
   * @defaultValue 0
   */
  readonly minScore?: number;
}

/**
 * The top posts of every labourer, compact: labourer `i`'s entries are positions
 * `offsets[i] … offsets[i+1]` of `posts` (positions in the dataset's posts) and `scores`, best first.
 * Breakdowns are computed on demand with `scorePair` or `explainPair`, which give the same scores.
 */
export interface RankAllResult {
  readonly top: number;
  readonly minScore: number;
  readonly labourerIds: readonly string[];
  readonly postIds: readonly string[];
  readonly offsets: Int32Array;
  readonly posts: Int32Array;
  readonly scores: Float64Array;
}

/** One ranked entry: a post's id and its score. */
export interface RankAllEntry {
  readonly post: string;
  readonly score: number;
}

function resolve(fn: string, options: RankAllOptions): { top: number; minScore: number } {
  const { top = 10, minScore = 0 } = options;
  if (!Number.isInteger(top) || top < 1)
    throw new RangeError(`${fn}: top must be a positive integer, got ${String(top)}`);
  if (!(typeof minScore === 'number' && minScore >= 0 && minScore <= 1))
    throw new RangeError(`${fn}: minScore must be a number in [0, 1], got ${String(minScore)}`);
  return { top, minScore };
}

/**
 * The top k posts of one labourer, from a compiled index, pruned and exact: the same posts and
 * scores, in the same order, as `rankPosts(dataset, id, { top: k, minScore }).ranked`.
 *
 * Complexity: O(P·R) to bucket the posts of the labourer's county and mobility class (cached per
 * index while the county stays the same; R origin values, a handful), then O(B log B + m·(r + c))
 * for B buckets (48 type buckets and the signatures asking for the labourer's skills) and the m
 * posts whose bound reaches the k-th score (m ≤ P).
 *
 * @param index - The compiled index.
 * @param labourerIndex - The labourer's position in the dataset.
 * @param k - How many posts to keep.
 * @param minScore - The least score, in [0, 1].
 * @returns Post positions and scores, best first.
 * @throws RangeError if `labourerIndex` is out of range or `k`/`minScore` are invalid.
 * @example
 * topKPosts(index, 0, 3).posts.length //=> 3
 */
export function topKPosts(
  index: CompiledIndex,
  labourerIndex: number,
  k: number,
  minScore = 0,
): { readonly posts: Int32Array; readonly scores: Float64Array } {
  resolve('topKPosts', { top: k, minScore });
  if (!Number.isInteger(labourerIndex) || labourerIndex < 0 || labourerIndex >= index.labourerCount)
    throw new RangeError(`topKPosts: labourerIndex out of range, got ${String(labourerIndex)}`);
  let wk = singleWalker.get(index);
  if (wk === undefined) singleWalker.set(index, (wk = new Walker(index)));
  const out = new TopK(k);
  walk(wk, labourerIndex, walkLimits(minScore), out);
  return { posts: out.posts.slice(0, out.size), scores: out.scores.slice(0, out.size) };
}

const singleWalker = new WeakMap<CompiledIndex, Walker>();

/**
 * Ranks the labourers `from … to − 1` of an index: the slice of {@link rankAll} a worker thread runs.
 *
 * @internal
 * @param index - The compiled index.
 * @param from - First labourer position.
 * @param to - One past the last.
 * @param options - `top` and `minScore`.
 * @returns Offsets (length `to − from + 1`), post positions and scores.
 * @example
 * rankRange(index, 0, 2, { top: 1 }).offsets //=> Int32Array [0, 1, 2]
 */
export function rankRange(
  index: CompiledIndex,
  from: number,
  to: number,
  options: RankAllOptions = {},
): { readonly offsets: Int32Array; readonly posts: Int32Array; readonly scores: Float64Array } {
  const { top, minScore } = resolve('rankAll', options);
  const n = Math.max(0, to - from);
  // Labourers by county and mobility class (a counting sort, stable), so each county's buckets
  // are built once and dropped after.
  const C = index.counties.length;
  const classStart = new Int32Array(C * 4 + 1);
  for (let w = from; w < to; w++)
    classStart[index.labourerCounty[w]! * 4 + index.labourerScope[w]! + 1]! += 1;
  for (let c = 0; c < C * 4; c++) classStart[c + 1]! += classStart[c]!;
  const order = new Int32Array(n);
  for (let w = from; w < to; w++)
    order[classStart[index.labourerCounty[w]! * 4 + index.labourerScope[w]!]!++] = w;
  const counts = new Int32Array(n);
  const bufPosts = new Int32Array(n * top);
  const bufScores = new Float64Array(n * top);
  const wk = new Walker(index);
  const out = new TopK(top);
  const lim = walkLimits(minScore);
  for (const w of order) {
    walk(wk, w, lim, out);
    const slot = w - from;
    counts[slot] = out.size;
    for (let k = 0; k < out.size; k++) {
      bufPosts[slot * top + k] = out.posts[k]!;
      bufScores[slot * top + k] = out.scores[k]!;
    }
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + counts[i]!;
  const total = offsets[n]!;
  const posts = new Int32Array(total);
  const scores = new Float64Array(total);
  for (let i = 0; i < n; i++) {
    posts.set(bufPosts.subarray(i * top, i * top + counts[i]!), offsets[i]!);
    scores.set(bufScores.subarray(i * top, i * top + counts[i]!), offsets[i]!);
  }
  return { offsets, posts, scores };
}

/**
 * The top posts of every labourer, exact and pruned: for each labourer the same posts, scores and
 * order as `rankPosts(dataset, id, { top, minScore }).ranked` (an excluded labourer gets none).
 *
 * Complexity: O(P log P + W + C·K·P·R + Σ (B_w log B_w + m_w·(r + c))) for W labourers, C origin
 * counties, K ≤ 4 mobility classes, P posts, R origin values per county, B_w buckets and m_w posts
 * bounded per labourer (about 76 at 10⁵ × 10⁴ sample data); memory O(W·top + K·P).
 *
 * @param source - A dataset (compiled here) or a compiled index.
 * @param options - `top` (default 10) and `minScore` (default 0).
 * @returns Compact per-labourer lists of post positions and scores.
 * @throws RangeError if `top` is not a positive integer or `minScore` is not in [0, 1].
 * @example
 * const all = rankAll(ds, { top: 3 });
 * rankedOf(all, 0) //=> [{ post: 'p0042', score: 0.91… }, …]
 */
export function rankAll(source: Dataset | CompiledIndex, options: RankAllOptions = {}): RankAllResult {
  const { top, minScore } = resolve('rankAll', options);
  const index = 'kind' in source ? source : compileIndex(source);
  const { offsets, posts, scores } = rankRange(index, 0, index.labourerCount, { top, minScore });
  return { top, minScore, labourerIds: index.labourerIds, postIds: index.postIds, offsets, posts, scores };
}

/**
 * The ranked entries of one labourer in a {@link RankAllResult}, with post ids.
 *
 * @param result - The result of {@link rankAll}.
 * @param labourerIndex - The labourer's position in the dataset.
 * @returns The entries, best first.
 * @example
 * rankedOf(rankAll(ds, { top: 2 }), 0).map((e) => e.post) //=> ['p0042', 'p0007']
 */
export function rankedOf(result: RankAllResult, labourerIndex: number): RankAllEntry[] {
  const out: RankAllEntry[] = [];
  for (let k = result.offsets[labourerIndex]!, end = result.offsets[labourerIndex + 1]!; k < end; k++) {
    out.push({ post: result.postIds[result.posts[k]!]!, score: result.scores[k]! });
  }
  return out;
}

/** Every eligible pair of a compiled index, per labourer: see {@link eligiblePairs}. */
export interface EligiblePairs {
  /** Labourer `i`'s pairs are positions `offsets[i] … offsets[i+1]` of `posts` and `scores`. */
  readonly offsets: Int32Array;
  /** Post positions in the dataset, per labourer by score descending, then post id ascending. */
  readonly posts: Int32Array;
  readonly scores: Float64Array;
  /** How many posts each labourer is eligible for, before `minScore`. */
  readonly eligible: Int32Array;
}

/**
 * Every eligible labourer–post pair scoring at least `minScore`, from the compiled index: the pairs
 * and scores of `checkEligibility(…).length === 0` and `scorePair(…).score`, each labourer's sorted
 * by score descending then post id ascending (the order of a candidate graph's edges), without a
 * single object per pair. For building an assignment's candidate graph fast.
 *
 * Complexity: O(W·P·(r + c) + E log E) for W labourers, P posts and E eligible pairs; memory O(E).
 *
 * @param index - The compiled index.
 * @param options - `minScore` (default 0).
 * @returns The pairs, compact.
 * @throws RangeError if `minScore` is not in [0, 1].
 * @example
 * const pairs = eligiblePairs(compileIndex(ds));
 * pairs.offsets.length //=> ds.labourers.length + 1
 */
export function eligiblePairs(
  index: CompiledIndex,
  options: { readonly minScore?: number } = {},
): EligiblePairs {
  const { minScore } = resolve('eligiblePairs', { top: 1, ...options });
  const W = index.labourerCount;
  const P = index.postCount;
  const sc = createScratch(index);
  const offsets = new Int32Array(W + 1);
  const eligible = new Int32Array(W);
  let posts = new Int32Array(Math.max(16, P));
  let scores = new Float64Array(posts.length);
  const rowPosts = new Int32Array(P);
  const rowScores = new Float64Array(P);
  const order: number[] = [];
  const rank = index.postIdRank;
  let total = 0;
  for (let w = 0; w < W; w++) {
    let n = 0;
    if (index.labourerExcluded[w] === 0) {
      prepareLabourer(index, sc, w);
      const off = index.labourerCounty[w]! * P;
      for (let p = 0; p < P; p++) {
        if (index.postOpen[p] === 0) continue;
        const cp = index.countyPost[off + p]!;
        if (!pairAllowed(index, w, p, cp) || !skillsAllowed(index, sc, p)) continue;
        eligible[w]! += 1;
        const score = kernelScore(index, sc, w, p);
        if (score < minScore) continue;
        rowPosts[n] = p;
        rowScores[n] = score;
        n += 1;
      }
    }
    order.length = n;
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => rowScores[b]! - rowScores[a]! || rank[rowPosts[a]!]! - rank[rowPosts[b]!]!);
    if (total + n > posts.length) {
      const grown = new Int32Array(Math.max(total + n, posts.length * 2));
      grown.set(posts.subarray(0, total));
      posts = grown;
      const grownScores = new Float64Array(grown.length);
      grownScores.set(scores.subarray(0, total));
      scores = grownScores;
    }
    for (let i = 0; i < n; i++) {
      posts[total + i] = rowPosts[order[i]!]!;
      scores[total + i] = rowScores[order[i]!]!;
    }
    total += n;
    offsets[w + 1] = total;
  }
  return { offsets, posts: posts.slice(0, total), scores: scores.slice(0, total), eligible };
}
