/**
 * Ranking every labourer at once: for each, the top k eligible posts by score (then post id),
 * exactly as `rankPosts` ranks them, computed from a compiled index with pruning.
 *
 * Pruning is exact. Posts that fail on their own account (vetting, openings, window), lie where
 * the labourer may not be offered work, or require a skill the labourer has no route to without
 * training beginners (`required-skill-missing`, decided once per type bucket or skill signature)
 * are never looked at. The rest of a county and mobility class
 * sit in buckets (`src/internal/index-candidates.ts`), each sorted by a key that depends on the
 * county and post only (origin without preferences and with the language part at its best, plus
 * employer):
 *
 * - type buckets, by skills type and net-pay band: for a post asking for none of the labourer's
 *   skills (nor skills linked to them) the skills value is known from the type alone, and the pay
 *   value is at most the pay at the band's highest net pay;
 * - signature buckets, for posts asking for a skill the labourer has or has a link to: the skills
 *   value is computed once per skill signature, when the bucket first reaches the top.
 *
 * A labourer's buckets go into a heap by the bound of their head post (key + skills + pay bound);
 * the best is walked while its bound reaches the k-th score held, and the walk ends when the best
 * head falls below it. A post is scored in full only if its bound with the exact pay still reaches
 * it. A labourer's preferred posts (a preferred destination raises the origin link) are set aside
 * and bounded one by one after the walk, so the walk's bounds need no allowance for them; when they
 * are very many, the walk takes the allowance instead. Bounds are compared with a margin of 1e-9,
 * far above rounding, so a post that could tie the k-th (and win on id) is always scored.
 *
 * @module
 */
import { compileIndex, type CompiledIndex } from './compile.js';
import * as candidates from './internal/index-candidates.js';
import type { CandidateBuckets, CountyPosts, Signatures } from './internal/index-candidates.js';
import * as kernel from './internal/kernel.js';
import type { WorkerScratch } from './internal/kernel.js';
import type { Dataset } from './types.js';

// Bound once to module constants so the walk calls the kernel directly.
const { PAY_BANDS, SKILL_TYPES, UNTOUCHED_SKILLS, candidateBuckets, countyPosts, signaturesOf } = candidates;
const {
  combine,
  createScratch,
  kernelScore,
  originValue,
  pairAllowed,
  payAt,
  payValue,
  prepareWorker,
  skillsAllowed,
  skillsValue,
} = kernel;

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

/** The skills kind of a type bucket (`type >> 1`) whose posts require skills and do not train on the job. */
const REQUIRED_NO_TRAINING = 2;

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

/** Per-run state of the walk: scratch tables, marks and the bucket heap, allocated once. */
class Walker {
  readonly sigs: Signatures;
  readonly sc: WorkerScratch;
  readonly skillMark: Int32Array;
  readonly sigMark: Int32Array;
  readonly sigSkills: Float64Array;
  readonly touched: Int32Array;
  readonly reach: Int32Array;
  /** Heap of buckets by head bound: id ≥ 0 a type bucket, id < 0 the signature −id − 1. */
  readonly heapBound: Float64Array;
  readonly heapId: Int32Array;
  readonly bandPay = new Float64Array(PAY_BANDS);
  /** Posts by site area (ascending), so the posts in a preferred area are one range. */
  readonly byArea: Int32Array;
  readonly areas: readonly string[];
  /** Posts of each park. */
  readonly parkStart: Int32Array;
  readonly parkPosts: Int32Array;
  private readonly ranges = new Map<string, readonly [number, number]>();
  /** The positions in `byArea` of the posts whose site lies in an area (a code prefix). */
  areaRange(area: string): readonly [number, number] {
    let r = this.ranges.get(area);
    if (r === undefined) {
      const lo = lowerBound(this.areas, area);
      let hi = lo;
      while (hi < this.areas.length && this.areas[hi]!.startsWith(area)) hi += 1;
      r = [lo, hi];
      this.ranges.set(area, r);
    }
    return r;
  }
  /** The labourer's preferred posts, marked with the walk's stamp and listed in `prefPosts`. */
  readonly postMark: Int32Array;
  readonly prefPosts: Int32Array;
  cache = new Map<number, CandidateBuckets>();
  current: CountyPosts | undefined;
  /** The open posts of a county by key; the buckets of its classes are dropped when it changes. */
  base(county: number): CountyPosts {
    if (this.current?.county !== county) {
      this.cache = new Map();
      this.current = countyPosts(this.index, county);
    }
    return this.current;
  }
  /** Marks skills and signatures of the labourer being walked (one new stamp per walk). */
  stamp = 0;

  constructor(readonly index: CompiledIndex) {
    this.sigs = signaturesOf(index);
    this.sc = createScratch(index);
    const S = index.skillIds.length;
    const G = this.sigs.count;
    this.skillMark = new Int32Array(S);
    this.sigMark = new Int32Array(G);
    this.sigSkills = new Float64Array(G);
    this.touched = new Int32Array(G);
    this.reach = new Int32Array(S);
    this.heapBound = new Float64Array(SKILL_TYPES * PAY_BANDS + G);
    this.heapId = new Int32Array(SKILL_TYPES * PAY_BANDS + G);
    const P = index.postCount;
    const order = Array.from({ length: P }, (_, p) => p);
    order.sort((a, b) =>
      index.postArea[a]! < index.postArea[b]! ? -1 : index.postArea[a]! > index.postArea[b]! ? 1 : a - b,
    );
    this.byArea = Int32Array.from(order);
    this.areas = order.map((p) => index.postArea[p]!);
    const K = index.parkIds.length;
    this.parkStart = new Int32Array(K + 1);
    for (let p = 0; p < P; p++) if (index.postPark[p]! >= 0) this.parkStart[index.postPark[p]! + 1]! += 1;
    for (let k = 0; k < K; k++) this.parkStart[k + 1]! += this.parkStart[k]!;
    this.parkPosts = new Int32Array(this.parkStart[K]!);
    const at = this.parkStart.slice(0, K);
    for (let p = 0; p < P; p++) if (index.postPark[p]! >= 0) this.parkPosts[at[index.postPark[p]!]!++] = p;
    this.postMark = new Int32Array(P);
    this.prefPosts = new Int32Array(P);
  }

  buckets(county: number, scope: number): CandidateBuckets {
    const base = this.base(county);
    let b = this.cache.get(scope);
    if (b === undefined) {
      b = candidateBuckets(this.index, this.sigs, base, scope);
      this.cache.set(scope, b);
    }
    return b;
  }
}

/** Pushes onto the bucket heap (max-heap on bound). */
function heapPush(bound: Float64Array, id: Int32Array, size: number, b: number, i: number): number {
  let at = size;
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (bound[parent]! >= b) break;
    bound[at] = bound[parent]!;
    id[at] = id[parent]!;
    at = parent;
  }
  bound[at] = b;
  id[at] = i;
  return size + 1;
}

/** Pops the top of the bucket heap into slot `size − 1` and returns the new size. */
function heapPop(bound: Float64Array, id: Int32Array, size: number): number {
  const n = size - 1;
  const topB = bound[0]!;
  const topI = id[0]!;
  const lastB = bound[n]!;
  const lastI = id[n]!;
  let at = 0;
  for (;;) {
    let child = 2 * at + 1;
    if (child >= n) break;
    if (child + 1 < n && bound[child + 1]! > bound[child]!) child += 1;
    if (bound[child]! <= lastB) break;
    bound[at] = bound[child]!;
    id[at] = id[child]!;
    at = child;
  }
  if (n > 0) {
    bound[at] = lastB;
    id[at] = lastI;
  }
  bound[n] = topB;
  id[n] = topI;
  return n;
}

/** Preferred posts beyond this many are left to the walk, with an allowance in all its bounds. */
const MAX_PREFERRED_POSTS = 4096;

/**
 * Marks and lists the labourer's preferred posts, if there are at most {@link MAX_PREFERRED_POSTS};
 * returns how many, or -1 if there are more (then nothing is marked).
 */
function markPreferred(wk: Walker, w: number, stamp: number): number {
  const index = wk.index;
  const { byArea, parkStart, parkPosts, postMark, prefPosts } = wk;
  const from = index.prefStart[w]!;
  const to = index.prefStart[w + 1]!;
  let count = 0;
  for (let k = from; k < to; k++) {
    const park = index.prefPark[k]!;
    if (park === -1) {
      const range = wk.areaRange(index.prefArea[k]!);
      count += range[1] - range[0];
      if (count > MAX_PREFERRED_POSTS) return -1;
    } else if (park >= 0) {
      count += parkStart[park + 1]! - parkStart[park]!;
      if (count > MAX_PREFERRED_POSTS) return -1;
    }
  }
  let n = 0;
  const mark = (p: number): void => {
    if (postMark[p] === stamp) return;
    postMark[p] = stamp;
    prefPosts[n++] = p;
  };
  for (let k = from; k < to; k++) {
    const park = index.prefPark[k]!;
    if (park === -1) {
      const [lo, hi] = wk.areaRange(index.prefArea[k]!);
      for (let i = lo; i < hi; i++) mark(byArea[i]!);
    } else if (park >= 0) {
      for (let i = parkStart[park]!; i < parkStart[park + 1]!; i++) mark(parkPosts[i]!);
    }
  }
  return n;
}

/** The first position of a sorted array whose value is not below `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The pruned walk for one labourer; fills `out`. */
function walk(wk: Walker, w: number, minScore: number, out: TopK): void {
  out.size = 0;
  const index = wk.index;
  if (index.workerExcluded[w] === 1) return;
  const county = index.workerCounty[w]!;
  const bk = wk.buckets(county, index.workerScope[w]!);
  const sc = wk.sc;
  prepareWorker(index, sc, w);
  const ew = index.effectiveWeights;
  const eS = ew[0]!;
  const eP = ew[1]!;
  const rank = index.postIdRank;
  const off = county * index.postCount;
  const sigs = wk.sigs;
  const stamp = ++wk.stamp;
  // Preferred destinations raise the origin link. Their posts, unless very many, are skipped by the
  // walk (whose bounds then need no allowance for preferences) and bounded one by one after it.
  let slack = BOUND_MARGIN;
  let nPreferred = 0;
  if (index.prefStart[w + 1]! > index.prefStart[w]!) {
    nPreferred = markPreferred(wk, w, stamp);
    if (nPreferred < 0) slack += ew[2]! * PREFERRED_SLACK;
  }
  const preferred = nPreferred > 0;

  // Skills the labourer has or has a link to, and the signatures asking for one of them.
  const { skillMark, sigMark, sigSkills, touched, reach } = wk;
  let nReach = 0;
  const { ownStart, ownSkill, linkStart, linkTo } = index;
  for (let o = ownStart[w]!, oe = ownStart[w + 1]!; o < oe; o++) {
    const s = ownSkill[o]!;
    if (skillMark[s] !== stamp) {
      skillMark[s] = stamp;
      reach[nReach++] = s;
    }
    for (let k = linkStart[s]!, ke = linkStart[s + 1]!; k < ke; k++) {
      const t = linkTo[k]!;
      if (skillMark[t] !== stamp) {
        skillMark[t] = stamp;
        reach[nReach++] = t;
      }
    }
  }
  let nTouched = 0;
  const { bySkillStart, bySkill } = sigs;
  for (let r = 0; r < nReach; r++) {
    const s = reach[r]!;
    for (let k = bySkillStart[s]!, ke = bySkillStart[s + 1]!; k < ke; k++) {
      const g = bySkill[k]!;
      if (sigMark[g] !== stamp) {
        sigMark[g] = stamp;
        touched[nTouched++] = g;
      }
    }
  }

  // Bucket heads into the heap.
  const { heapBound, heapId } = wk;
  let size = 0;
  const skilled = index.ownCount[w]! > 0 ? 1 : 0;
  const { typeStart, typeKeys, typePosts, sigStart, sigKeys, sigPosts, bandTop, sigBand } = bk;
  // Pay at its best in each net-pay band (pay is non-decreasing in net pay).
  const bandPay = wk.bandPay;
  for (let b = 0; b < PAY_BANDS; b++)
    bandPay[b] = bandTop[b]! > -Infinity ? eP * payAt(index, w, bandTop[b]!) : 0;
  for (let t = 0, T = SKILL_TYPES * PAY_BANDS; t < T; t++) {
    const a = typeStart[t]!;
    if (a === typeStart[t + 1]!) continue;
    // Required skills and no training on the job: a post of this type asks for none of the
    // labourer's skills nor any linked to them, so `required-skill-missing` excludes it.
    if (((t / PAY_BANDS) | 0) >> 1 === REQUIRED_NO_TRAINING) continue;
    const sk = UNTOUCHED_SKILLS[((t / PAY_BANDS) | 0) * 2 + skilled]!;
    const b = typeKeys[a]! + eS * sk + bandPay[t % PAY_BANDS]! + slack;
    size = heapPush(heapBound, heapId, size, b, t);
  }
  // A signature's skills value is computed only when its bucket reaches the top of the heap with
  // the skills at their best (-1 marks it not yet computed); it then goes back with its real bound.
  for (let i = 0; i < nTouched; i++) {
    const g = touched[i]!;
    const a = sigStart[g]!;
    if (a === sigStart[g + 1]!) continue;
    // `required-skill-missing` depends on the signature alone: decided once for its posts.
    if (!skillsAllowed(index, sc, sigs.rep[g]!)) continue;
    sigSkills[g] = -1;
    const b = sigKeys[a]! + eS + bandPay[sigBand[g]!]! + slack;
    size = heapPush(heapBound, heapId, size, b, -g - 1);
  }

  const postSig = sigs.postSig;
  const employerValue = index.employerValue;
  const postEmployer = index.postEmployer;
  while (size > 0) {
    size = heapPop(heapBound, heapId, size);
    const head = heapBound[size]!;
    let floor = Math.max(minScore, out.floor());
    if (head < floor) break;
    const id = heapId[size]!;
    const isType = id >= 0;
    const g0 = -id - 1;
    if (!isType && sigSkills[g0]! < 0) {
      const a = sigStart[g0]!;
      const sk = skillsValue(index, sc, sigs.rep[g0]!);
      sigSkills[g0] = sk;
      size = heapPush(heapBound, heapId, size, sigKeys[a]! + eS * sk + bandPay[sigBand[g0]!]! + slack, id);
      continue;
    }
    const start = isType ? typeStart[id]! : sigStart[g0]!;
    const end = isType ? typeStart[id + 1]! : sigStart[g0 + 1]!;
    const keys = isType ? typeKeys : sigKeys;
    const posts = isType ? typePosts : sigPosts;
    const sk = isType ? UNTOUCHED_SKILLS[((id / PAY_BANDS) | 0) * 2 + skilled]! : sigSkills[g0]!;
    // The bound of a post in this bucket is its key plus `rest`.
    const rest = head - keys[start]!;
    const fixed = eS * sk + slack;
    for (let i = start; i < end; i++) {
      const key = keys[i]!;
      if (key + rest < floor) break;
      const p = posts[i]!;
      if (isType && sigMark[postSig[p]!] === stamp) continue; // scored from its signature bucket
      if (preferred && wk.postMark[p] === stamp) continue; // scored below, as preferred
      const cp = index.countyPost[off + p]!;
      const pay = payValue(index, w, p, cp);
      if (key + fixed + eP * pay < floor) continue;
      if (!pairAllowed(index, w, p, cp)) continue;
      const score = combine(ew, sk, pay, originValue(index, w, p, cp), employerValue[postEmployer[p]!]!);
      if (score >= minScore) {
        out.offer(score, rank[p]!, p);
        floor = Math.max(minScore, out.floor());
      }
    }
  }

  // The preferred posts, now that the floor is high: bound each (origin raised at most by the
  // preference, skills at their best, exact pay) before scoring it.
  if (preferred) {
    const keyOf = wk.current!.keyOf;
    const lift = ew[2]! * PREFERRED_SLACK + eS + BOUND_MARGIN;
    for (let i = 0; i < nPreferred; i++) {
      const p = wk.prefPosts[i]!;
      if (index.postOpen[p] === 0) continue;
      const floor = Math.max(minScore, out.floor());
      const cp = index.countyPost[off + p]!;
      if (keyOf[p]! + lift + eP * payValue(index, w, p, cp) < floor) continue;
      if (!pairAllowed(index, w, p, cp) || !skillsAllowed(index, sc, p)) continue;
      const score = kernelScore(index, sc, w, p);
      if (score >= minScore) out.offer(score, rank[p]!, p);
    }
  }
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
  let wk = singleWalker.get(index);
  if (wk === undefined) singleWalker.set(index, (wk = new Walker(index)));
  const out = new TopK(k);
  walk(wk, workerIndex, minScore, out);
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
  for (let w = from; w < to; w++) classStart[index.workerCounty[w]! * 4 + index.workerScope[w]! + 1]! += 1;
  for (let c = 0; c < C * 4; c++) classStart[c + 1]! += classStart[c]!;
  const order = new Int32Array(n);
  for (let w = from; w < to; w++)
    order[classStart[index.workerCounty[w]! * 4 + index.workerScope[w]!]!++] = w;
  const counts = new Int32Array(n);
  const bufPosts = new Int32Array(n * top);
  const bufScores = new Float64Array(n * top);
  const wk = new Walker(index);
  const out = new TopK(top);
  for (const w of order) {
    walk(wk, w, minScore, out);
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
  const W = index.workerCount;
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
    if (index.workerExcluded[w] === 0) {
      prepareWorker(index, sc, w);
      const off = index.workerCounty[w]! * P;
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
