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
import { idOrderOf } from './id-order.js';
import type { PairLists } from './optimal-core.js';
import { TopK, Walker, walk, walkLimits } from './walk.js';

/** Blocking pairs by position, in two columns (pair i is `workers[i]`, `posts[i]`). */
export interface BlockingPairs {
  readonly workers: Int32Array;
  readonly posts: Int32Array;
}

/** Columns that grow as pairs are added. */
class PairColumns {
  workers: Int32Array = new Int32Array(1024);
  posts: Int32Array = new Int32Array(1024);
  size = 0;
  push(w: number, p: number): void {
    if (this.size === this.workers.length) {
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.workers = grow(this.workers);
      this.posts = grow(this.posts);
    }
    this.workers[this.size] = w;
    this.posts[this.size++] = p;
  }
  done(): BlockingPairs {
    return { workers: this.workers.slice(0, this.size), posts: this.posts.slice(0, this.size) };
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
  const { workerRank } = idOrderOf(index);
  const tierOf = (w: number): number => (index.workerPriority[w] === 1 ? 0 : 1);
  const least = new Int32Array(index.postCount).fill(-1);
  for (let w = 0; w < index.workerCount; w++) {
    const p = postOf[w]!;
    if (p < 0) continue;
    const h = least[p]!;
    if (
      h < 0 ||
      tierOf(w) > tierOf(h) ||
      (tierOf(w) === tierOf(h) &&
        (weightOf[w]! < weightOf[h]! || (weightOf[w] === weightOf[h] && workerRank[w]! > workerRank[h]!)))
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
  const { workerRank } = idOrderOf(index);
  const tierOf = (w: number): number => (index.workerPriority[w] === 1 ? 0 : 1);
  const load = new Int32Array(P);
  for (let w = 0; w < index.workerCount; w++) if (postOf[w]! >= 0) load[postOf[w]!]! += 1;
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
    if (h >= 0) gateTie[p] = workerRank[h]!;
  }
  return { load, least, gates, gateTie };
}

/**
 * The blocking pairs of a placement (sorted by labourer id, then post id).
 *
 * @param index - The compiled index.
 * @param postOf - Each labourer's post, −1 unplaced.
 * @param weightOf - Each placed labourer's weight (score + bonus).
 * @param minScore - Candidates score at least this.
 * @param lists - Explicit candidate lists (best N posts, or with bonus weights); absent: every eligible pair by the walk.
 * @param capacity - Openings of each post.
 * @param within - When the placement is groups first and then a stable matching of everyone else on
 *   the openings left: the group members (1). Another labourer can then block only with a full post
 *   whose least preferred holder is a member (at a post with room, or whose least preferred holder
 *   came through the matching, it would have been accepted there, or turned away ahead of every
 *   holder), so only those posts are looked at for it.
 * @returns The blocking pairs, in columns (there can be millions when groups go first at city scale).
 */
export function blockingPairsOf(
  index: CompiledIndex,
  postOf: Int32Array,
  weightOf: Float64Array,
  minScore: number,
  lists: PairLists | undefined,
  capacity: Int32Array = index.postCapacity,
  within?: Uint8Array,
): BlockingPairs {
  const W = index.workerCount;
  const P = index.postCount;
  const { workerRank, workerByRank } = idOrderOf(index);
  const rank = index.postIdRank;
  const tierOf = (w: number): number => (index.workerPriority[w] === 1 ? 0 : 1);
  const { load, least, gates, gateTie } = postGates(index, postOf, weightOf, capacity);
  const passes = (w: number, p: number, weight: number): boolean => {
    const g = gates[tierOf(w)]![p]!;
    return weight > g || (weight === g && workerRank[w]! < gateTie[p]!);
  };
  /** Does w prefer p (weight `weight`) to where it is? */
  const prefers = (w: number, p: number, weight: number): boolean => {
    const cur = postOf[w]!;
    if (cur < 0) return true;
    if (cur === p) return false;
    const cw = weightOf[w]!;
    return weight > cw || (weight === cw && rank[p]! < rank[cur]!);
  };

  const out = new PairColumns();
  if (lists !== undefined) {
    for (let i = 0; i < W; i++) {
      const w = workerByRank[i]!;
      if (index.workerExcluded[w] === 1) continue;
      const wt = lists.weights ?? lists.scores;
      const found: number[] = [];
      for (let k = lists.offsets[w]!; k < lists.offsets[w + 1]!; k++) {
        const p = lists.posts[k]!;
        if (prefers(w, p, wt[k]!) && passes(w, p, wt[k]!)) found.push(p);
      }
      found.sort((a, b) => rank[a]! - rank[b]!);
      for (const p of found) out.push(w, p);
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
  // Labourers in walk order (each walker builds a county's buckets once), reported in id order: each
  // labourer's posts are kept in one column, with where its run starts and how long it is.
  const runs = new PairColumns();
  const runStart = new Int32Array(W);
  const runLength = new Int32Array(W);
  const order = idOrderOf(index).workerByWalk;
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
    if (index.workerExcluded[w] === 1) continue;
    const t = tierOf(w);
    lim.gate = gates[t];
    lim.tieRank = workerRank[w]!;
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
    if (found.length > 0) {
      found.sort((a, b) => rank[a]! - rank[b]!);
      runStart[w] = runs.size;
      runLength[w] = found.length;
      for (const p of found) runs.push(w, p);
    }
  }
  for (let i = 0; i < W; i++) {
    const w = workerByRank[i]!;
    for (let k = runStart[w]!; k < runStart[w]! + runLength[w]!; k++) out.push(w, runs.posts[k]!);
  }
  return out.done();
}
