/**
 * The pairs that block a placement, found without enumerating every pair: a labourer and a candidate
 * post it prefers to where it is (higher weight, or equal and a smaller post id; any post when it is
 * unplaced) that would take it (room, or it comes before the post's least preferred holder: priority
 * tier first, then weight, then id).
 *
 * Each post gets a gate per tier from its holders, as in deferred acceptance. A labourer is looked
 * for among the posts open to its tier (score order, from its own weight up) and the contested posts
 * whose gate it could pass (the walk in order of score less gate), which stops as soon as no post's
 * bound reaches its gate.
 *
 * @module
 */
import type { CompiledIndex } from '../compile.js';
import { IndexedHeap } from '../graph/internal/heap.js';
import { idOrderOf } from './id-order.js';
import type { PairLists } from './optimal-core.js';
import { TopK, Walker, walk, walkLimits } from './walk.js';

/** Pairs by position, in two columns (pair i is `labourers[i]`, `posts[i]`). */
export interface PairColumns {
  readonly labourers: Int32Array;
  readonly posts: Int32Array;
}

/** The blocking pairs of a placement as {@link blockingPairsOf} keeps them. */
export interface BlockingPairs extends PairColumns {
  /** How many blocking pairs there are (`labourers` and `posts` hold only the first of them). */
  readonly count: number;
  /** Every pair `keep` accepted, by labourer id then post id. */
  readonly kept: PairColumns;
}

/** What {@link blockingPairsOf} looks at and what it keeps of the pairs it finds. */
export interface BlockingOptions {
  /**
   * Openings of each post.
   *
   * @defaultValue `index.postCapacity`
   */
  readonly capacity?: Int32Array | undefined;
  /**
   * When the placement is groups first and then a stable matching of everyone else on the openings
   * left: the group members (1). Another labourer can then block only with a full post whose least
   * preferred holder is a member (at a post with room, or whose least preferred holder came through
   * the matching, it would have been accepted there, or turned away ahead of every holder), so only
   * those posts are looked at for it.
   *
   * @defaultValue every labourer is looked for at every post
   */
  readonly within?: Uint8Array | undefined;
  /**
   * How many pairs to return in `labourers` and `posts`: the first by labourer id, then post id.
   *
   * @defaultValue 0
   */
  readonly first?: number | undefined;
  /**
   * Pairs to keep besides the first (returned in `kept`, in the same order): those for which it
   * returns true, given the labourer's and the post's positions.
   *
   * @defaultValue none
   */
  readonly keep?: ((w: number, p: number) => boolean) | undefined;
  /**
   * A labourer's every candidate pair, when already at hand (its list by post id rank, as a
   * planner's `candidates` gives it): read instead of walked. Undefined for a labourer whose
   * pairs are not at hand.
   *
   * @defaultValue every labourer is walked
   */
  readonly listOf?: ((w: number) => PairLists | undefined) | undefined;
}

/** Columns that grow as pairs are added. */
class GrowingColumns {
  labourers: Int32Array = new Int32Array(1024);
  posts: Int32Array = new Int32Array(1024);
  size = 0;
  push(w: number, p: number): void {
    if (this.size === this.labourers.length) {
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.labourers = grow(this.labourers);
      this.posts = grow(this.posts);
    }
    this.labourers[this.size] = w;
    this.posts[this.size++] = p;
  }
}

/**
 * What is kept of the blocking pairs, given one labourer's run at a time (its posts by id rank), the
 * labourers in any order: the count, the runs of the labourers first by id that hold the first
 * `first` pairs, and the pairs `keep` accepts. The runs of the first labourers are a max-heap on id
 * rank, the last of them dropped whenever the others still hold `first` pairs, so it never holds
 * more than `first` pairs and one run.
 */
class BlockingSink {
  count = 0;
  /** Id ranks of the held runs, the largest on top. */
  private readonly heap: IndexedHeap;
  private readonly runOf = new Map<number, { readonly w: number; readonly posts: Int32Array }>();
  private held = 0;
  /** Kept pairs in the order the runs came, and each kept run's id rank, start and length. */
  private readonly kept = new GrowingColumns();
  private readonly keptRank: number[] = [];
  private readonly keptStart: number[] = [];
  private readonly keptLength: number[] = [];

  /**
   * @param labourers - How many labourers (id ranks are below it).
   * @param first - How many pairs to hold, the first by id.
   * @param keep - Which pairs to keep besides.
   */
  constructor(
    labourers: number,
    private readonly first: number,
    private readonly keep: ((w: number, p: number) => boolean) | undefined,
  ) {
    this.heap = new IndexedHeap(labourers, (a, b) => a > b);
  }

  add(w: number, rank: number, posts: readonly number[]): void {
    if (posts.length === 0) return;
    this.count += posts.length;
    if (this.keep !== undefined) {
      const start = this.kept.size;
      for (const p of posts) if (this.keep(w, p)) this.kept.push(w, p);
      if (this.kept.size > start) {
        this.keptRank.push(rank);
        this.keptStart.push(start);
        this.keptLength.push(this.kept.size - start);
      }
    }
    const heap = this.heap;
    // Runs of smaller ranks already hold the first pairs: this one comes after all of them.
    if (this.first === 0 || (this.held >= this.first && rank > heap.peek())) return;
    this.runOf.set(rank, { w, posts: Int32Array.from(posts) });
    this.held += posts.length;
    heap.pushOrDecrease(rank);
    for (;;) {
      const top = this.runOf.get(heap.peek())!;
      if (this.held - top.posts.length < this.first) break;
      this.held -= top.posts.length;
      this.runOf.delete(heap.pop());
    }
  }

  done(): BlockingPairs {
    const n = Math.min(this.first, this.held);
    const labourers = new Int32Array(n);
    const posts = new Int32Array(n);
    let k = 0;
    const ranks = Int32Array.from(this.runOf.keys()).sort();
    for (const rank of ranks) {
      const run = this.runOf.get(rank)!;
      for (let j = 0; j < run.posts.length && k < n; j++, k++) {
        labourers[k] = run.w;
        posts[k] = run.posts[j]!;
      }
    }
    // Kept runs by id rank (each labourer's run comes once).
    const order = this.keptRank.map((_, r) => r).sort((a, b) => this.keptRank[a]! - this.keptRank[b]!);
    const keptLabourers = new Int32Array(this.kept.size);
    const keptPosts = new Int32Array(this.kept.size);
    k = 0;
    for (const r of order) {
      const start = this.keptStart[r]!;
      const end = start + this.keptLength[r]!;
      keptLabourers.set(this.kept.labourers.subarray(start, end), k);
      keptPosts.set(this.kept.posts.subarray(start, end), k);
      k += end - start;
    }
    return { count: this.count, labourers, posts, kept: { labourers: keptLabourers, posts: keptPosts } };
  }
}

/**
 * Each post's least preferred holder in the posts' order (priority tier first, then weight
 * descending, then labourer id), or −1 for a post nobody holds.
 *
 * @param index - The compiled index.
 * @param postOf - Each labourer's post, −1 unplaced.
 * @param weightOf - Each placed labourer's weight.
 * @returns The holder's position, per post.
 */
export function leastPreferredHolders(
  index: CompiledIndex,
  postOf: Int32Array,
  weightOf: Float64Array,
): Int32Array {
  const { labourerRank } = idOrderOf(index);
  const tierOf = (w: number): number => (index.labourerPriority[w] === 1 ? 0 : 1);
  const least = new Int32Array(index.postCount).fill(-1);
  for (let w = 0; w < index.labourerCount; w++) {
    const p = postOf[w]!;
    if (p < 0) continue;
    const h = least[p]!;
    if (
      h < 0 ||
      tierOf(w) > tierOf(h) ||
      (tierOf(w) === tierOf(h) &&
        (weightOf[w]! < weightOf[h]! || (weightOf[w] === weightOf[h] && labourerRank[w]! > labourerRank[h]!)))
    )
      least[p] = w;
  }
  return least;
}

/** Each post's holders, least preferred holder and gate per tier (see {@link postGates}). */
export interface PostGates {
  /** Holders per post. */
  readonly load: Int32Array;
  /** The least preferred holder per post, −1 for none. */
  readonly least: Int32Array;
  /**
   * Per tier (0 priority, 1 other) and post: the weight a newcomer of that tier must beat to be
   * taken, −∞ with room (or when the least preferred holder is of a later tier), +∞ when closed to
   * the tier.
   */
  readonly gates: readonly [Float64Array, Float64Array];
  /** The id rank of the least preferred holder: a newcomer of equal weight wins with a smaller one. */
  readonly gateTie: Int32Array;
}

/**
 * The gates a placement leaves: for each post and tier, whom the post would still take.
 *
 * @param index - The compiled index.
 * @param postOf - Each labourer's post, −1 unplaced.
 * @param weightOf - Each placed labourer's weight.
 * @param capacity - Openings of each post.
 * @returns Holders, least preferred holders and gates per post.
 */
export function postGates(
  index: CompiledIndex,
  postOf: Int32Array,
  weightOf: Float64Array,
  capacity: Int32Array,
): PostGates {
  const P = index.postCount;
  const { labourerRank } = idOrderOf(index);
  const tierOf = (w: number): number => (index.labourerPriority[w] === 1 ? 0 : 1);
  const load = new Int32Array(P);
  for (let w = 0; w < index.labourerCount; w++) if (postOf[w]! >= 0) load[postOf[w]!]! += 1;
  const least = leastPreferredHolders(index, postOf, weightOf);
  const gates: [Float64Array, Float64Array] = [new Float64Array(P), new Float64Array(P)];
  const gateTie = new Int32Array(P);
  for (let p = 0; p < P; p++) {
    const h = least[p]!;
    for (let t = 0; t < 2; t++) {
      gates[t]![p] =
        load[p]! < capacity[p]!
          ? Number.NEGATIVE_INFINITY
          : h < 0
            ? Number.POSITIVE_INFINITY
            : tierOf(h) < t
              ? Number.POSITIVE_INFINITY
              : tierOf(h) > t
                ? Number.NEGATIVE_INFINITY
                : weightOf[h]!;
    }
    if (h >= 0) gateTie[p] = labourerRank[h]!;
  }
  return { load, least, gates, gateTie };
}

/**
 * The blocking pairs of a placement: how many there are, the first `first` of them by labourer id
 * then post id, and those `keep` accepts, in the same order.
 *
 * Labourers are looked at county by county, not in id order, so only the runs of the labourers first
 * by id that hold the first pairs are kept as it goes: memory grows with `first`, one labourer's
 * pairs and the kept pairs, never with every pair (there can be a billion when groups go first at
 * province scale).
 *
 * @param index - The compiled index.
 * @param postOf - Each labourer's post, −1 unplaced.
 * @param weightOf - Each placed labourer's weight (score + bonus).
 * @param minScore - Candidates score at least this.
 * @param lists - Explicit candidate lists (best N posts, or with bonus weights); absent: every eligible pair by the walk.
 * @param options - Openings, group members, and what to keep (see {@link BlockingOptions}).
 * @returns The count, the first pairs and the kept pairs, in columns.
 * @throws RangeError when `first` is not a non-negative integer.
 *
 * Complexity: the walk per labourer, then O(r log r) to sort its r pairs and O(log first) to hold
 * them; memory O(W + P) for the gates and views, plus O(first + the longest run + the kept pairs).
 */
export function blockingPairsOf(
  index: CompiledIndex,
  postOf: Int32Array,
  weightOf: Float64Array,
  minScore: number,
  lists: PairLists | undefined,
  options: BlockingOptions = {},
): BlockingPairs {
  const { capacity = index.postCapacity, within, first = 0, keep, listOf } = options;
  if (!Number.isSafeInteger(first) || first < 0)
    throw new RangeError(`blockingPairsOf: first must be a non-negative integer, got ${String(first)}`);
  const W = index.labourerCount;
  const P = index.postCount;
  const { labourerRank, labourerByRank } = idOrderOf(index);
  const rank = index.postIdRank;
  const tierOf = (w: number): number => (index.labourerPriority[w] === 1 ? 0 : 1);
  const { load, least, gates, gateTie } = postGates(index, postOf, weightOf, capacity);
  const passes = (w: number, p: number, weight: number): boolean => {
    const g = gates[tierOf(w)]![p]!;
    return weight > g || (weight === g && labourerRank[w]! < gateTie[p]!);
  };
  /** Does w prefer p (weight `weight`) to where it is? */
  const prefers = (w: number, p: number, weight: number): boolean => {
    const cur = postOf[w]!;
    if (cur < 0) return true;
    if (cur === p) return false;
    const cw = weightOf[w]!;
    return weight > cw || (weight === cw && rank[p]! < rank[cur]!);
  };

  /** The posts of a labourer's pairs `from … to − 1` of a list that block with it, in list order. */
  const blockingIn = (w: number, l: PairLists, from: number, to: number, into: number[]): number[] => {
    const wt = l.weights ?? l.scores;
    into.length = 0;
    for (let k = from; k < to; k++) {
      const p = l.posts[k]!;
      if (prefers(w, p, wt[k]!) && passes(w, p, wt[k]!)) into.push(p);
    }
    return into;
  };

  const out = new BlockingSink(W, first, keep);
  if (lists !== undefined) {
    const found: number[] = [];
    for (let i = 0; i < W; i++) {
      const w = labourerByRank[i]!;
      if (index.labourerExcluded[w] === 1) continue;
      blockingIn(w, lists, lists.offsets[w]!, lists.offsets[w + 1]!, found);
      found.sort((a, b) => rank[a]! - rank[b]!);
      out.add(w, i, found);
    }
    return out.done();
  }

  // Views of the posts open to each tier (score order) and the contested ones (score less gate).
  const views = [0, 1].map((t) => {
    const open = new Float64Array(P);
    const contested = new Float64Array(P);
    for (let p = 0; p < P; p++) {
      const g = gates[t]![p]!;
      open[p] = g === Number.NEGATIVE_INFINITY ? 0 : Number.POSITIVE_INFINITY;
      contested[p] = g === Number.NEGATIVE_INFINITY ? Number.POSITIVE_INFINITY : g;
    }
    return {
      open: new Walker(index, { offsets: open }),
      contested: new Walker(index, { offsets: contested }),
    };
  });
  // With `within`: the full posts whose least preferred holder is a member, per tier.
  const memberGated =
    within === undefined
      ? undefined
      : [0, 1].map((t) => {
          const offsets = new Float64Array(P);
          for (let p = 0; p < P; p++) {
            const g = gates[t]![p]!;
            const h = least[p]!;
            // Full with a member least preferred: by score less gate, or by score where the member
            // is of a later tier (the gate is then open to this one).
            offsets[p] =
              load[p]! < capacity[p]! || h < 0 || within[h] !== 1
                ? Number.POSITIVE_INFINITY
                : g === Number.NEGATIVE_INFINITY
                  ? 0
                  : g;
          }
          return new Walker(index, { offsets });
        });
  const all = new TopK(Number.POSITIVE_INFINITY);
  const lim = walkLimits(minScore);
  lim.gateTie = gateTie;
  // Labourers in walk order (each walker builds a county's buckets once); the sink puts them in id order.
  const order = idOrderOf(index).labourerByWalk;
  // The posts found for the labourer being looked at, each once (marked with its position + 1).
  const found: number[] = [];
  const mark = new Int32Array(P);
  const collect = (w: number): void => {
    for (let k = 0; k < all.size; k++) {
      const p = all.posts[k]!;
      const s = all.scores[k]!;
      if (mark[p] !== w + 1 && prefers(w, p, s) && passes(w, p, s)) {
        mark[p] = w + 1;
        found.push(p);
      }
    }
  };
  for (const w of order) {
    if (index.labourerExcluded[w] === 1) continue;
    const at = listOf?.(w);
    if (at !== undefined) {
      // Every pair of the labourer at hand, by post id rank: no walk.
      out.add(
        w,
        labourerRank[w]!,
        blockingIn(w, at, at.offsets[0]!, at.offsets[at.offsets.length - 1]!, found),
      );
      continue;
    }
    const t = tierOf(w);
    lim.gate = gates[t];
    lim.tieRank = labourerRank[w]!;
    found.length = 0;
    // Posts open to its tier in score order, then contested posts by score less gate, both from its
    // own weight up (a post it would not prefer is no blocking pair).
    const floor = postOf[w]! >= 0 ? Math.max(minScore, weightOf[w]!) : minScore;
    lim.minScore = floor;
    const everywhere = memberGated === undefined || within![w] === 1;
    if (everywhere) {
      lim.floor = floor;
      all.reset(Number.POSITIVE_INFINITY);
      walk(views[t]!.open, w, lim, all);
      collect(w);
    }
    lim.floor = 0;
    all.reset(Number.POSITIVE_INFINITY);
    walk(everywhere ? views[t]!.contested : memberGated[t]!, w, lim, all);
    collect(w);
    found.sort((a, b) => rank[a]! - rank[b]!);
    out.add(w, labourerRank[w]!, found);
  }
  return out.done();
}
