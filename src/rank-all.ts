/**
 * Ranking every labourer at once: for each, the top k eligible posts by score (then post id),
 * exactly as `rankPosts` ranks them, computed from a compiled index with pruning.
 *
 * Pruning is exact. Candidates come from blocking (posts that fail on their own account, or lie
 * where the labourer may not be offered work, are never looked at), then from a list sorted by an
 * upper bound of the score (skills and pay at their best, origin with the language part at its
 * best, employer exact). The walk stops when the bound falls below the k-th score held; a post is
 * scored in full only if its bound with the exact pay still reaches it. A bound is compared with a
 * margin of 1e-9, far above rounding, so a post that could tie the k-th (and win on id) is always
 * scored.
 *
 * @module
 */
import { compileIndex, type CompiledIndex } from './compile.js';
import * as candidates from './internal/index-candidates.js';
import type { CandidateList } from './internal/index-candidates.js';
import * as kernel from './internal/kernel.js';
import type { WorkerScratch } from './internal/kernel.js';
import type { Dataset } from './types.js';

// Bound once to module constants so the walk calls the kernel directly.
const { candidateList } = candidates;
const { combine, createScratch, originValue, pairAllowed, payValue, prepareWorker, skillsValue } = kernel;

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
  readonly workerIds: readonly string[];
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

/** Margin of the bound comparisons: far above floating-point rounding, far below any score gap that matters. */
const BOUND_MARGIN = 1e-9;
/** How much a preferred destination can raise the origin component at most: 0.7 × (0.9 − 0.2), rounded up. */
const PREFERRED_SLACK = 0.5;

function resolve(fn: string, options: RankAllOptions): { top: number; minScore: number } {
  const { top = 10, minScore = 0 } = options;
  if (!Number.isInteger(top) || top < 1)
    throw new RangeError(`${fn}: top must be a positive integer, got ${String(top)}`);
  if (!(typeof minScore === 'number' && minScore >= 0 && minScore <= 1))
    throw new RangeError(`${fn}: minScore must be a number in [0, 1], got ${String(minScore)}`);
  return { top, minScore };
}

/** A bounded best-first buffer of (score, id rank, post). */
class TopK {
  readonly scores: Float64Array;
  readonly ranks: Int32Array;
  readonly posts: Int32Array;
  size = 0;
  constructor(readonly k: number) {
    this.scores = new Float64Array(k);
    this.ranks = new Int32Array(k);
    this.posts = new Int32Array(k);
  }
  /** The score a newcomer must reach (ties then go by id), or -Infinity while not full. */
  floor(): number {
    return this.size < this.k ? -Infinity : this.scores[this.k - 1]!;
  }
  offer(score: number, rank: number, post: number): void {
    const { scores, ranks, posts, k } = this;
    let i = this.size;
    if (i === k) {
      const ls = scores[k - 1]!;
      if (score < ls || (score === ls && rank > ranks[k - 1]!)) return;
      i = k - 1;
    } else this.size += 1;
    while (i > 0 && (scores[i - 1]! < score || (scores[i - 1] === score && ranks[i - 1]! > rank))) {
      scores[i] = scores[i - 1]!;
      ranks[i] = ranks[i - 1]!;
      posts[i] = posts[i - 1]!;
      i -= 1;
    }
    scores[i] = score;
    ranks[i] = rank;
    posts[i] = post;
  }
}

/** Candidate lists built for one index, by county and class. */
type ListCache = Map<number, CandidateList>;

function listFor(index: CompiledIndex, cache: ListCache, county: number, scope: number): CandidateList {
  const key = county * 4 + scope;
  let list = cache.get(key);
  if (list === undefined) {
    list = candidateList(index, county, scope);
    cache.set(key, list);
  }
  return list;
}

/** The pruned walk for one labourer; fills `out`. */
function walk(
  index: CompiledIndex,
  sc: WorkerScratch,
  cache: ListCache,
  w: number,
  minScore: number,
  out: TopK,
): void {
  out.size = 0;
  if (index.workerExcluded[w] === 1) return;
  const county = index.workerCounty[w]!;
  const list = listFor(index, cache, county, index.workerScope[w]!);
  const ew = index.effectiveWeights;
  const eS = ew[0]!;
  const eP = ew[1]!;
  const slack = index.prefStart[w + 1]! > index.prefStart[w]! ? ew[2]! * PREFERRED_SLACK : 0;
  const head = eS + eP + slack + BOUND_MARGIN;
  const off = county * index.postCount;
  const { posts, keys } = list;
  const rank = index.postIdRank;
  prepareWorker(index, sc, w);
  for (let i = 0, n = posts.length; i < n; i++) {
    const key = keys[i]!;
    const floor = Math.max(minScore, out.floor());
    if (key + head < floor) break;
    const p = posts[i]!;
    const cp = index.countyPost[off + p]!;
    const pay = payValue(index, w, p, cp);
    if (key + eS + eP * pay + slack + BOUND_MARGIN < floor) continue;
    if (!pairAllowed(index, w, p, cp)) continue;
    const score = combine(
      ew,
      skillsValue(index, sc, p),
      pay,
      originValue(index, w, p, cp),
      index.employerValue[index.postEmployer[p]!]!,
    );
    if (score >= minScore) out.offer(score, rank[p]!, p);
  }
}

/**
 * The top k posts of one labourer, from a compiled index, pruned and exact: the same posts and
 * scores, in the same order, as `rankPosts(dataset, id, { top: k, minScore }).ranked`.
 *
 * Complexity: O(P log P) once per county and mobility class (cached per index), then per labourer
 * O(m·(r + c)) for the m candidates walked before the bound stops the walk (m ≤ P).
 *
 * @param index - The compiled index.
 * @param workerIndex - The labourer's position in the dataset.
 * @param k - How many posts to keep.
 * @param minScore - The least score, in [0, 1].
 * @returns Post positions and scores, best first.
 * @throws RangeError if `workerIndex` is out of range or `k`/`minScore` are invalid.
 * @example
 * topKPosts(index, 0, 3).posts.length //=> 3
 */
export function topKPosts(
  index: CompiledIndex,
  workerIndex: number,
  k: number,
  minScore = 0,
): { readonly posts: Int32Array; readonly scores: Float64Array } {
  resolve('topKPosts', { top: k, minScore });
  if (!Number.isInteger(workerIndex) || workerIndex < 0 || workerIndex >= index.workerCount)
    throw new RangeError(`topKPosts: workerIndex out of range, got ${String(workerIndex)}`);
  let cache = singleCache.get(index);
  if (cache === undefined) singleCache.set(index, (cache = new Map()));
  const out = new TopK(k);
  walk(index, scratchOf(index), cache, workerIndex, minScore, out);
  return { posts: out.posts.slice(0, out.size), scores: out.scores.slice(0, out.size) };
}

const singleCache = new WeakMap<CompiledIndex, ListCache>();
const scratchCache = new WeakMap<CompiledIndex, WorkerScratch>();
function scratchOf(index: CompiledIndex): WorkerScratch {
  let sc = scratchCache.get(index);
  if (sc === undefined) scratchCache.set(index, (sc = createScratch(index)));
  return sc;
}

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
  // Labourers by county, so each county's candidate lists are built once and dropped after.
  const order = Array.from({ length: n }, (_, i) => from + i);
  order.sort((a, b) => index.workerCounty[a]! - index.workerCounty[b]! || a - b);
  const counts = new Int32Array(n);
  const bufPosts = new Int32Array(n * top);
  const bufScores = new Float64Array(n * top);
  const sc = createScratch(index);
  const out = new TopK(top);
  let cache: ListCache = new Map();
  let current = -1;
  for (const w of order) {
    const county = index.workerCounty[w]!;
    if (county !== current) {
      cache = new Map();
      current = county;
    }
    walk(index, sc, cache, w, minScore, out);
    const slot = w - from;
    counts[slot] = out.size;
    bufPosts.set(out.posts.subarray(0, out.size), slot * top);
    bufScores.set(out.scores.subarray(0, out.size), slot * top);
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
 * Complexity: O(W + C·K·P log P + Σ m_w·(r + c)) for W labourers, C origin counties, K ≤ 4
 * mobility classes, P posts and m_w candidates walked per labourer; memory O(W·top + K·P).
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
  const { offsets, posts, scores } = rankRange(index, 0, index.workerCount, { top, minScore });
  return { top, minScore, workerIds: index.workerIds, postIds: index.postIds, offsets, posts, scores };
}

/**
 * The ranked entries of one labourer in a {@link RankAllResult}, with post ids.
 *
 * @param result - The result of {@link rankAll}.
 * @param workerIndex - The labourer's position in the dataset.
 * @returns The entries, best first.
 * @example
 * rankedOf(rankAll(ds, { top: 2 }), 0).map((e) => e.post) //=> ['p0042', 'p0007']
 */
export function rankedOf(result: RankAllResult, workerIndex: number): RankAllEntry[] {
  const out: RankAllEntry[] = [];
  for (let k = result.offsets[workerIndex]!, end = result.offsets[workerIndex + 1]!; k < end; k++) {
    out.push({ post: result.postIds[result.posts[k]!]!, score: result.scores[k]! });
  }
  return out;
}
