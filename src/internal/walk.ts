/**
 * The bounded walk over a compiled index: one labourer's eligible posts in order of an upper bound
 * on their value, scoring in full only the posts whose bound can still make the list. Ranking,
 * planning and verifying all read pairs through it, so no step ever enumerates every labourer ×
 * post pair.
 *
 * The value of a pair is its score less a per-post offset of a {@link WalkView} (0 by default):
 * ranking uses the plain score; pricing an optimal plan subtracts each post's dual price, so that
 * the walk reaches the pairs that beat the prices first and stops as soon as none can; deferred
 * acceptance subtracts each post's cut-off. Offsets enter the buckets' keys, so every bound stays a
 * bound (see `src/internal/index-candidates.ts` for the buckets).
 *
 * Pruning is exact. Posts that fail on their own account (vetting, openings, window), lie where the
 * labourer may not be offered work, or require a skill the labourer has no route to without
 * training beginners (`required-skill-missing`, decided once per type bucket or skill signature)
 * are never looked at. A labourer's buckets go into a heap by the bound of their head post (key +
 * skills + pay bound); the best is walked while its bound reaches the k-th value held (or the
 * floor), and the walk ends when the best head falls below it. A post is scored in full only if its
 * bound with the exact pay still reaches it. A labourer's preferred posts (a preferred destination
 * raises the origin link) are set aside and bounded one by one after the walk, so the walk's bounds
 * need no allowance for them; when they are very many, the walk takes the allowance instead. Bounds
 * are compared with a margin of 1e-9, far above rounding, so a post that could tie the k-th (and win
 * on id) is always scored.
 *
 * @module
 */
import type { CompiledIndex } from '../compile.js';
import * as candidates from './index-candidates.js';
import type { CandidateBuckets, CountyPosts, PostOrder, Signatures } from './index-candidates.js';
import * as kernel from './kernel.js';
import { PREFERRED_RISE } from '../score/origin.js';
import type { LabourerScratch } from './kernel.js';

// Bound once to module constants so the walk calls the kernel directly.
const { PAY_BANDS, SKILL_TYPES, UNTOUCHED_SKILLS, candidateBuckets, countyPosts, postOrder, signaturesOf } =
  candidates;
const {
  combine,
  createScratch,
  kernelScore,
  originValue,
  pairAllowed,
  payAt,
  payValue,
  prepareLabourer,
  skillsAllowed,
  skillsValue,
} = kernel;

/** The skills kind of a type bucket (`type >> 1`) whose posts require skills and do not train on the job. */
const REQUIRED_NO_TRAINING = 2;

/** Margin of the bound comparisons: far above floating-point rounding, far below any score gap that matters. */
export const BOUND_MARGIN = 1e-9;
/** How much a preferred destination can raise the origin component at most (the scoring's own bound). */
const PREFERRED_SLACK = PREFERRED_RISE;
/** Preferred posts beyond this many are left to the walk, with an allowance in all its bounds. */
const MAX_PREFERRED_POSTS = 4096;
/**
 * Preferred posts are looked for in the county's key order (with a cut) rather than one by one
 * when they are more than 1 / PREFERRED_SCAN of the county's open posts.
 */
const PREFERRED_SCAN = 8;

/**
 * What the walk ranks by: a pair's value is its score less `offsets[post]`. A post whose offset is
 * `+Infinity` is left out altogether. Without offsets the value is the score.
 */
export interface WalkView {
  readonly offsets?: Float64Array | undefined;
}

/**
 * A bounded best-first buffer of pairs by value descending, then post id rank ascending, keeping
 * each pair's score beside its value; with `k` infinite, every pair offered, in the order found.
 */
export class TopK {
  values: Float64Array;
  scores: Float64Array;
  ranks: Int32Array;
  posts: Int32Array;
  size = 0;
  /** How many it keeps (`Infinity`: every pair offered, the arrays growing as needed). */
  k: number;
  /** Set by a walk that stopped at its budget before it was done: the list may be incomplete. */
  truncated = false;
  constructor(k: number) {
    this.k = k;
    const n = Number.isFinite(k) ? k : 16;
    this.values = new Float64Array(n);
    this.scores = new Float64Array(n);
    this.ranks = new Int32Array(n);
    this.posts = new Int32Array(n);
  }
  /** Empties the buffer and sets how many it keeps (growing the arrays if needed). */
  reset(k: number): void {
    this.size = 0;
    this.k = k;
    this.truncated = false;
    if (Number.isFinite(k) && this.values.length < k) this.grow(k);
  }
  private grow(n: number): void {
    const values = new Float64Array(n);
    const scores = new Float64Array(n);
    const ranks = new Int32Array(n);
    const posts = new Int32Array(n);
    values.set(this.values.subarray(0, this.size));
    scores.set(this.scores.subarray(0, this.size));
    ranks.set(this.ranks.subarray(0, this.size));
    posts.set(this.posts.subarray(0, this.size));
    this.values = values;
    this.scores = scores;
    this.ranks = ranks;
    this.posts = posts;
  }
  /** The value a newcomer must reach (ties then go by id), or -Infinity while not full. */
  floor(): number {
    return this.size < this.k ? -Infinity : this.values[this.k - 1]!;
  }
  offer(value: number, score: number, rank: number, post: number): void {
    if (this.k === Number.POSITIVE_INFINITY) {
      // Keeping every pair: appended in the order found, unsorted.
      if (this.size === this.values.length) this.grow(this.size * 2);
      const i = this.size++;
      this.values[i] = value;
      this.scores[i] = score;
      this.ranks[i] = rank;
      this.posts[i] = post;
      return;
    }
    const { values, scores, ranks, posts, k } = this;
    let i = this.size;
    if (i === k) {
      const lv = values[k - 1]!;
      if (value < lv || (value === lv && rank > ranks[k - 1]!)) return;
      i = k - 1;
    } else this.size += 1;
    while (i > 0 && (values[i - 1]! < value || (values[i - 1] === value && ranks[i - 1]! > rank))) {
      values[i] = values[i - 1]!;
      scores[i] = scores[i - 1]!;
      ranks[i] = ranks[i - 1]!;
      posts[i] = posts[i - 1]!;
      i -= 1;
    }
    values[i] = value;
    scores[i] = score;
    ranks[i] = rank;
    posts[i] = post;
  }
}

/**
 * What a walk keeps, beside how many (the {@link TopK}'s `k`). One object is reused across walks
 * (see {@link walkLimits}).
 */
export interface WalkLimits {
  /** The least value kept. */
  floor: number;
  /** The least score kept. */
  minScore: number;
  /** Only pairs strictly after (`afterValue`, `afterRank`) in the order (value descending, id rank ascending). */
  afterValue: number;
  afterRank: number;
  /**
   * A gate on each post: a pair is kept only if its score is above `gate[post]`, or equal to it and
   * `tieRank < gateTie[post]` (deferred acceptance: a post takes someone only ahead of its least
   * preferred holder). `-Infinity` opens a post to anyone, `+Infinity` closes it.
   */
  gate: Float64Array | undefined;
  gateTie: Int32Array | undefined;
  tieRank: number;
  /** The most posts looked at before the walk gives up (`out.truncated`). */
  budget: number;
}

/**
 * Fresh limits: floor and minimum score given, no cursor, no gate, no budget.
 *
 * @param floor - The least value kept.
 * @param minScore - The least score kept. @defaultValue floor
 * @returns Limits to pass to {@link walk} (and to change between walks).
 */
export function walkLimits(floor: number, minScore = floor): WalkLimits {
  return {
    floor,
    minScore,
    afterValue: Number.POSITIVE_INFINITY,
    afterRank: -1,
    gate: undefined,
    gateTie: undefined,
    tieRank: 0,
    budget: Number.POSITIVE_INFINITY,
  };
}

const signatureCache = new WeakMap<CompiledIndex, Signatures>();

/** The skill signatures of an index, computed once per index. */
export function signaturesFor(index: CompiledIndex): Signatures {
  let sigs = signatureCache.get(index);
  if (sigs === undefined) signatureCache.set(index, (sigs = signaturesOf(index)));
  return sigs;
}

/** Posts by site area and by park, once per index: a preferred area's posts are one range. */
interface Areas {
  /** Posts by site area (ascending). */
  readonly byArea: Int32Array;
  readonly areas: readonly string[];
  /** Posts of each park: `parkPosts[parkStart[k] … parkStart[k+1])`. */
  readonly parkStart: Int32Array;
  readonly parkPosts: Int32Array;
  readonly ranges: Map<string, readonly [number, number]>;
}

const areaCache = new WeakMap<CompiledIndex, Areas>();

function areasOf(index: CompiledIndex): Areas {
  let a = areaCache.get(index);
  if (a !== undefined) return a;
  const P = index.postCount;
  const order = Array.from({ length: P }, (_, p) => p);
  order.sort((x, y) =>
    index.postArea[x]! < index.postArea[y]! ? -1 : index.postArea[x]! > index.postArea[y]! ? 1 : x - y,
  );
  const K = index.parkIds.length;
  const parkStart = new Int32Array(K + 1);
  for (let p = 0; p < P; p++) if (index.postPark[p]! >= 0) parkStart[index.postPark[p]! + 1]! += 1;
  for (let k = 0; k < K; k++) parkStart[k + 1]! += parkStart[k]!;
  const parkPosts = new Int32Array(parkStart[K]!);
  const at = parkStart.slice(0, K);
  for (let p = 0; p < P; p++) if (index.postPark[p]! >= 0) parkPosts[at[index.postPark[p]!]!++] = p;
  a = {
    byArea: Int32Array.from(order),
    areas: order.map((p) => index.postArea[p]!),
    parkStart,
    parkPosts,
    ranges: new Map(),
  };
  areaCache.set(index, a);
  return a;
}

/** The positions in `byArea` of the posts whose site lies in an area (a code prefix). */
function areaRange(a: Areas, area: string): readonly [number, number] {
  let r = a.ranges.get(area);
  if (r === undefined) {
    const lo = lowerBound(a.areas, area);
    let hi = lo;
    while (hi < a.areas.length && a.areas[hi]!.startsWith(area)) hi += 1;
    r = [lo, hi];
    a.ranges.set(area, r);
  }
  return r;
}

/**
 * Per-view state of the walk: scratch tables, marks and the bucket heap, allocated once, and the
 * buckets of the county being walked (built when the county changes, so callers take labourers
 * county by county).
 */
export class Walker {
  readonly index: CompiledIndex;
  readonly offsets: Float64Array | undefined;
  order: PostOrder;
  readonly sigs: Signatures;
  readonly sc: LabourerScratch;
  readonly skillMark: Int32Array;
  readonly sigMark: Int32Array;
  readonly sigSkills: Float64Array;
  readonly touched: Int32Array;
  readonly reach: Int32Array;
  /** Heap of buckets by head bound: id ≥ 0 a type bucket, id < 0 the signature −id − 1. */
  readonly heapBound: Float64Array;
  readonly heapId: Int32Array;
  readonly bandPay = new Float64Array(PAY_BANDS);
  readonly areas: Areas;
  /** The labourer's preferred posts, marked with the walk's stamp and listed in `prefPosts`. */
  readonly postMark: Int32Array;
  readonly prefPosts: Int32Array;
  cache = new Map<number, CandidateBuckets>();
  current: CountyPosts | undefined;
  /**
   * Counties kept beside the current one, most recently used last, within {@link Walker.keepBytes}
   * (0: only the current county is kept).
   */
  private readonly kept = new Map<
    number,
    { readonly base: CountyPosts; readonly buckets: Map<number, CandidateBuckets>; bytes: number }
  >();
  private keptBytes = 0;
  /** Bytes of county buckets kept for reuse when labourers do not come county by county. */
  keepBytes = 0;
  /**
   * How far any offset may have fallen since the buckets were built (0: none fell). A fall lifts
   * values above the buckets' keys; the walk widens every bound by this much, so it stays exact.
   * (A rise only loosens the bounds.)
   */
  allowance = 0;
  /** Marks skills and signatures of the labourer being walked (one new stamp per walk). */
  stamp = 0;

  /**
   * @param index - The compiled index.
   * @param view - Offsets subtracted from scores (see {@link WalkView}).
   * @param scratch - Scratch tables to share with other walkers of the same index (optional).
   */
  constructor(index: CompiledIndex, view: WalkView = {}, scratch?: LabourerScratch) {
    this.index = index;
    this.offsets = view.offsets;
    if (this.offsets !== undefined && this.offsets.length !== index.postCount)
      throw new RangeError('walk: offsets must have one entry per post');
    this.order = postOrder(index, this.offsets);
    this.sigs = signaturesFor(index);
    this.sc = scratch ?? createScratch(index);
    const S = index.skillIds.length;
    const G = this.sigs.count;
    this.skillMark = new Int32Array(S);
    this.sigMark = new Int32Array(G);
    this.sigSkills = new Float64Array(G);
    this.touched = new Int32Array(G);
    this.reach = new Int32Array(S);
    this.heapBound = new Float64Array(SKILL_TYPES * PAY_BANDS + G);
    this.heapId = new Int32Array(SKILL_TYPES * PAY_BANDS + G);
    this.areas = areasOf(index);
    this.postMark = new Int32Array(index.postCount);
    this.prefPosts = new Int32Array(index.postCount);
  }

  /**
   * Forgets the buckets built so far, so the next walk builds them anew from the offsets as they are
   * now (after the offsets changed: stale buckets stay exact, only looser).
   */
  refresh(): void {
    this.allowance = 0;
    this.current = undefined;
    this.cache = new Map();
    this.kept.clear();
    this.keptBytes = 0;
    this.order = postOrder(this.index, this.offsets);
  }

  /** The open posts of a county by key; the buckets of its classes are dropped when it changes. */
  base(county: number): CountyPosts {
    if (this.current?.county === county) return this.current;
    if (this.keepBytes > 0 && this.current !== undefined) this.keep(this.current, this.cache);
    const kept = this.kept.get(county);
    if (kept !== undefined) {
      this.kept.delete(county);
      this.keptBytes -= kept.bytes;
      this.current = kept.base;
      this.cache = kept.buckets;
    } else {
      this.cache = new Map();
      this.current = countyPosts(this.index, county, this.order);
    }
    return this.current;
  }

  /** Keeps a county's buckets for later, dropping the least recently used beyond the budget. */
  private keep(base: CountyPosts, buckets: Map<number, CandidateBuckets>): void {
    // The county's net pay is shared by every walker of the index (see `countyPosts`): not counted.
    let bytes = base.keyOf.byteLength + base.posts.byteLength;
    for (const b of buckets.values())
      bytes +=
        b.typePosts.byteLength * 3 +
        b.sigStart.byteLength +
        b.typeStart.byteLength * 2 +
        b.bySkill.byteLength;
    this.kept.set(base.county, { base, buckets, bytes });
    this.keptBytes += bytes;
    for (const [county, entry] of this.kept) {
      if (this.keptBytes <= this.keepBytes) break;
      this.kept.delete(county);
      this.keptBytes -= entry.bytes;
    }
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

/** The first position from `i` not linked over as closed (see `CandidateBuckets.typeJump`), halving the path. */
function nextOpen(jump: Int32Array, i: number): number {
  let j = jump[i]!;
  while (j !== i) {
    const k = jump[j]!;
    jump[i] = k;
    i = j;
    j = k;
  }
  return i;
}

/**
 * The first position of a bucket (`from` to `end`) whose post the view has not closed, linking
 * over the closed posts found on the way (a view closes a post for good until its walker is
 * refreshed); `end` if none is left.
 */
function openFrom(
  jump: Int32Array,
  from: number,
  end: number,
  posts: Int32Array,
  offsets: Float64Array,
): number {
  let a = nextOpen(jump, from);
  while (a < end && offsets[posts[a]!] === Number.POSITIVE_INFINITY) {
    jump[a] = a + 1;
    a = nextOpen(jump, a + 1);
  }
  // Links may lead past the bucket, into the next one's closed posts.
  return a < end ? a : end;
}

/**
 * Marks and lists the labourer's preferred posts, if there are at most {@link MAX_PREFERRED_POSTS};
 * returns how many, or -1 if there are more (then nothing is marked).
 */
function markPreferred(wk: Walker, w: number, stamp: number): number {
  const index = wk.index;
  const a = wk.areas;
  const { byArea, parkStart, parkPosts } = a;
  const { postMark, prefPosts } = wk;
  const from = index.prefStart[w]!;
  const to = index.prefStart[w + 1]!;
  let count = 0;
  for (let k = from; k < to; k++) {
    const park = index.prefPark[k]!;
    if (park === -1) {
      const range = areaRange(a, index.prefArea[k]!);
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
      const [lo, hi] = areaRange(a, index.prefArea[k]!);
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

/** Marks of skills and signatures (see {@link touchSignatures}): one entry per skill and per signature. */
export interface SignatureMarks {
  readonly skillMark: Int32Array;
  readonly reach: Int32Array;
  readonly sigMark: Int32Array;
  readonly touched: Int32Array;
}

/**
 * Marks with `stamp` the skills a labourer has or has a link to (`skillMark`, listed in `reach`)
 * and the signatures asking for one of them, required or optional (`sigMark`, listed in
 * `touched`). A signature left unmarked asks for none of them: if it requires skills and does not
 * train on the job, `required-skill-missing` excludes its posts.
 *
 * @param index - The compiled index.
 * @param sigs - Its signatures by skill (all of them, or those of one county's buckets).
 * @param w - The labourer's position.
 * @param stamp - A stamp not used before with these marks.
 * @param marks - The marks, written.
 * @returns How many signatures are listed in `marks.touched`.
 */
export function touchSignatures(
  index: CompiledIndex,
  sigs: Pick<Signatures, 'bySkillStart' | 'bySkill'>,
  w: number,
  stamp: number,
  marks: SignatureMarks,
): number {
  const { skillMark, reach, sigMark, touched } = marks;
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
  return nTouched;
}

/**
 * The pruned walk for one labourer: fills `out` (emptied first; it keeps `out.k`) with the eligible
 * posts of largest value (score less the view's offset), value descending then post id ascending,
 * among the pairs the limits keep: value at least `floor`, score at least `minScore`, strictly after
 * the cursor (for a list produced k at a time), through the gate, within the budget.
 *
 * Complexity: O(B log B + m·(r + c)) for B buckets (48 type buckets and the signatures asking for
 * the labourer's skills) and the m posts whose bound reaches the k-th value (m ≤ P), after the
 * county's buckets are built once (O(P·R)).
 *
 * @param wk - The walker (its view and caches).
 * @param w - The labourer's position in the index.
 * @param lim - What to keep (see {@link WalkLimits}).
 * @param out - Receives the pairs.
 */
export function walk(wk: Walker, w: number, lim: WalkLimits, out: TopK): void {
  out.size = 0;
  out.truncated = false;
  const { floor, minScore, afterValue, afterRank, gate, gateTie, tieRank } = lim;
  let budget = lim.budget;
  const index = wk.index;
  if (index.labourerExcluded[w] === 1) return;
  const county = index.labourerCounty[w]!;
  const bk = wk.buckets(county, index.labourerScope[w]!);
  const sc = wk.sc;
  prepareLabourer(index, sc, w);
  const ew = index.effectiveWeights;
  const eS = ew[0]!;
  const eP = ew[1]!;
  const rank = index.postIdRank;
  const off = county * index.postCount;
  const offsets = wk.offsets;
  const sigs = wk.sigs;
  const stamp = ++wk.stamp;
  const cursor = afterValue !== Number.POSITIVE_INFINITY;
  // Preferred destinations raise the origin link. Their posts, unless very many, are skipped by the
  // walk (whose bounds then need no allowance for preferences) and bounded one by one after it.
  let slack = BOUND_MARGIN + wk.allowance;
  let nPreferred = 0;
  if (index.prefStart[w + 1]! > index.prefStart[w]!) {
    nPreferred = markPreferred(wk, w, stamp);
    if (nPreferred < 0) slack += ew[2]! * PREFERRED_SLACK;
  }
  const preferred = nPreferred > 0;

  // Skills the labourer has or has a link to, and the signatures asking for one of them that hold
  // posts of the county and class (a post of another is in no bucket here, so it needs no mark).
  const { sigMark, sigSkills, touched } = wk;
  const nTouched = touchSignatures(index, bk, w, stamp, wk);

  // Bucket heads into the heap.
  const { heapBound, heapId } = wk;
  let size = 0;
  const skilled = index.ownCount[w]! > 0 ? 1 : 0;
  const { typeStart, typeKeys, typePosts, sigStart, sigKeys, sigPosts, bandTop, sigBand, typeJump, sigJump } =
    bk;
  // Pay at its best in each net-pay band (pay is non-decreasing in net pay).
  const bandPay = wk.bandPay;
  // With the labourer's minimum pay a hard rule, a band whose best net pay falls short of it holds
  // no eligible post: its buckets are never walked (-Infinity).
  const least = index.minimumPayHard ? index.labourerMin[w]! : -Infinity;
  for (let b = 0; b < PAY_BANDS; b++)
    bandPay[b] =
      bandTop[b]! < least ? -Infinity : bandTop[b]! > -Infinity ? eP * payAt(index, w, bandTop[b]!) : 0;
  for (let t = 0, T = SKILL_TYPES * PAY_BANDS; t < T; t++) {
    const a =
      offsets === undefined
        ? typeStart[t]!
        : openFrom(typeJump, typeStart[t]!, typeStart[t + 1]!, typePosts, offsets);
    if (a === typeStart[t + 1]!) continue;
    // Required skills and no training on the job: a post of this type asks for none of the
    // labourer's skills nor any linked to them, so `required-skill-missing` excludes it.
    if (((t / PAY_BANDS) | 0) >> 1 === REQUIRED_NO_TRAINING) continue;
    const sk = UNTOUCHED_SKILLS[((t / PAY_BANDS) | 0) * 2 + skilled]!;
    const b = typeKeys[a]! + eS * sk + bandPay[t % PAY_BANDS]! + slack;
    if (b === -Infinity) continue;
    size = heapPush(heapBound, heapId, size, b, t);
  }
  // A signature's skills value is computed only when its bucket reaches the top of the heap with
  // the skills at their best (-1 marks it not yet computed); it then goes back with its real bound.
  for (let i = 0; i < nTouched; i++) {
    const g = touched[i]!;
    const a =
      offsets === undefined
        ? sigStart[g]!
        : openFrom(sigJump, sigStart[g]!, sigStart[g + 1]!, sigPosts, offsets);
    if (a === sigStart[g + 1]!) continue;
    // `required-skill-missing` depends on the signature alone: decided once for its posts.
    if (!skillsAllowed(index, sc, sigs.rep[g]!)) continue;
    sigSkills[g] = -1;
    const b = sigKeys[a]! + eS + bandPay[sigBand[g]!]! + slack;
    if (b === -Infinity) continue;
    size = heapPush(heapBound, heapId, size, b, -g - 1);
  }

  const postSig = sigs.postSig;
  const employerValue = index.employerValue;
  const postEmployer = index.postEmployer;
  while (size > 0) {
    size = heapPop(heapBound, heapId, size);
    const head = heapBound[size]!;
    let bar = Math.max(floor, out.floor());
    if (head < bar) break;
    const id = heapId[size]!;
    const isType = id >= 0;
    const g0 = -id - 1;
    if (!isType && sigSkills[g0]! < 0) {
      const a = offsets === undefined ? sigStart[g0]! : nextOpen(sigJump, sigStart[g0]!);
      const sk = skillsValue(index, sc, sigs.rep[g0]!);
      sigSkills[g0] = sk;
      size = heapPush(heapBound, heapId, size, sigKeys[a]! + eS * sk + bandPay[sigBand[g0]!]! + slack, id);
      continue;
    }
    const keys = isType ? typeKeys : sigKeys;
    const posts = isType ? typePosts : sigPosts;
    const jump = isType ? typeJump : sigJump;
    const first = isType ? typeStart[id]! : sigStart[g0]!;
    const start = offsets === undefined ? first : nextOpen(jump, first);
    const end = isType ? typeStart[id + 1]! : sigStart[g0 + 1]!;
    if (start >= end) continue;
    const sk = isType ? UNTOUCHED_SKILLS[((id / PAY_BANDS) | 0) * 2 + skilled]! : sigSkills[g0]!;
    // The bound of a post in this bucket is its key plus `rest`.
    const rest = head - keys[start]!;
    const fixed = eS * sk + slack;
    for (let i = start; i < end; i++) {
      if (offsets !== undefined && jump[i] !== i) {
        i = nextOpen(jump, i);
        if (i >= end) break;
      }
      const key = keys[i]!;
      if (key + rest < bar) break;
      if (--budget < 0) {
        out.truncated = true;
        return;
      }
      const p = posts[i]!;
      // The offset may have risen since the buckets were built (then `bound + shift` still bounds
      // the score, only loosely); a post closed since then (+∞) is linked over, passed at once.
      const shift = offsets === undefined ? 0 : offsets[p]!;
      if (shift === Number.POSITIVE_INFINITY) {
        jump[i] = i + 1;
        continue;
      }
      if (isType && sigMark[postSig[p]!] === stamp) continue; // scored from its signature bucket
      if (preferred && wk.postMark[p] === stamp) continue; // scored below, as preferred
      // A gate the post's bound (pay at its band's best) cannot pass: no need for the exact pay.
      if (gate !== undefined && key + rest + shift < gate[p]!) continue;
      const cp = index.countyPost[off + p]!;
      const pay = payValue(index, w, p, cp);
      const bound = key + fixed + eP * pay;
      if (bound < bar) continue;
      if (bound + shift < minScore) continue;
      if (gate !== undefined && bound + shift < gate[p]!) continue;
      if (!pairAllowed(index, w, p, cp)) continue;
      const score = combine(ew, sk, pay, originValue(index, w, p, cp), employerValue[postEmployer[p]!]!);
      if (score < minScore) continue;
      const value = score - shift;
      if (value < floor) continue;
      if (cursor && (value > afterValue || (value === afterValue && rank[p]! <= afterRank))) continue;
      if (gate !== undefined && !(score > gate[p]! || (score === gate[p] && tieRank < gateTie![p]!)))
        continue;
      out.offer(value, score, rank[p]!, p);
      bar = Math.max(floor, out.floor());
    }
  }

  // The preferred posts, now that the bar is high: bound each (origin raised at most by the
  // preference, skills at their best, exact pay) before scoring it.
  if (preferred) {
    const base = wk.current!;
    const keyOf = base.keyOf;
    const lift = ew[2]! * PREFERRED_SLACK + eS + BOUND_MARGIN + wk.allowance;
    // Many preferred posts and a list of bounded length: taken in the county's key order, so that
    // the first whose bound with the best pay (1) misses the bar ends the search.
    const byKey = Number.isFinite(out.k) && nPreferred * PREFERRED_SCAN > base.posts.length;
    for (let i = 0, n = byKey ? base.posts.length : nPreferred; i < n; i++) {
      let p: number;
      if (byKey) {
        p = base.posts[i]!;
        if (wk.postMark[p] !== stamp) continue;
        if (keyOf[p]! + lift + eP < Math.max(floor, out.floor())) break;
      } else p = wk.prefPosts[i]!;
      if (index.postOpen[p] === 0) continue;
      const shift = offsets === undefined ? 0 : offsets[p]!;
      if (shift === Number.POSITIVE_INFINITY) continue;
      const bar = Math.max(floor, out.floor());
      // Pay at its best (1) first: a post that misses the bar even so needs no exact pay.
      if (keyOf[p]! + lift + eP < bar) continue;
      const cp = index.countyPost[off + p]!;
      const bound = keyOf[p]! + lift + eP * payValue(index, w, p, cp);
      if (bound < bar || bound + shift < minScore) continue;
      if (gate !== undefined && bound + shift < gate[p]!) continue;
      if (!pairAllowed(index, w, p, cp) || !skillsAllowed(index, sc, p)) continue;
      const score = kernelScore(index, sc, w, p);
      if (score < minScore) continue;
      const value = score - shift;
      if (value < floor) continue;
      if (cursor && (value > afterValue || (value === afterValue && rank[p]! <= afterRank))) continue;
      if (gate !== undefined && !(score > gate[p]! || (score === gate[p] && tieRank < gateTie![p]!)))
        continue;
      out.offer(value, score, rank[p]!, p);
    }
  }
}
