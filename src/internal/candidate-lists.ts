/**
 * A labourer's every candidate pair (every lawful post it scores at least the minimum at), by post
 * id: one walk over its lawful posts. Group members' options are drawn from these lists. Finding
 * them is a pure function of (the compiled index, the labourers, the minimum score), so another
 * thread can find them while the plan goes on (`ShardPricer.lists`).
 *
 * @module
 */
import type { CompiledIndex } from '../compile.js';
import { idOrderOf } from './id-order.js';
import type { PairLists } from './optimal-core.js';
import { TopK, Walker, walk, walkLimits } from './walk.js';

/** Bytes of county buckets a finder's walker keeps between labourers of different counties. */
const KEPT_COUNTY_BYTES = 256 * 2 ** 20;

/** The bytes a list of pairs holds. */
export function listBytes(l: PairLists): number {
  return l.offsets.byteLength + l.posts.byteLength + l.scores.byteLength;
}

/**
 * What finds labourers' full candidate lists: labourer w's every candidate pair, by post id, one
 * walk each (its walker's buckets kept between labourers).
 */
export function listFinder(index: CompiledIndex, minScore: number): (w: number) => PairLists {
  const wk = new Walker(index);
  // Labourers met group by group, not county by county: the counties' buckets are kept for them.
  wk.keepBytes = KEPT_COUNTY_BYTES;
  const all = new TopK(Number.POSITIVE_INFINITY);
  const lim = walkLimits(minScore);
  const { postByRank } = idOrderOf(index);
  const P = index.postCount;
  // The score found at each post by id rank, and which ranks the current list holds (by stamp).
  const scoreByRank = new Float64Array(P);
  const foundAt = new Int32Array(P);
  let stamp = 0;
  return (w) => {
    all.reset(Number.POSITIVE_INFINITY);
    walk(wk, w, lim, all);
    // By post id, as every list of pairs is: a long list (a group member's can hold most posts) by
    // one pass over the ranks, a short one by sorting its ranks.
    const n = all.size;
    const posts = new Int32Array(n);
    const scores = new Float64Array(n);
    stamp += 1;
    for (let i = 0; i < n; i++) {
      const r = all.ranks[i]!;
      scoreByRank[r] = all.scores[i]!;
      foundAt[r] = stamp;
    }
    if (n * Math.log2(n + 1) > P) {
      for (let r = 0, i = 0; i < n; r++) {
        if (foundAt[r] !== stamp) continue;
        posts[i] = postByRank[r]!;
        scores[i++] = scoreByRank[r]!;
      }
    } else {
      const ranks = all.ranks.slice(0, n).sort();
      for (let i = 0; i < n; i++) {
        posts[i] = postByRank[ranks[i]!]!;
        scores[i] = scoreByRank[ranks[i]!]!;
      }
    }
    return { offsets: Int32Array.of(0, n), posts, scores };
  };
}

/**
 * Candidate lists packed in four arrays (to cross to another thread in one piece): labourer
 * `labourers[i]`'s pairs are `offsets[i] … offsets[i + 1] − 1` of `posts` and `scores`.
 */
export interface PackedLists {
  readonly labourers: Int32Array;
  readonly offsets: Int32Array;
  readonly posts: Int32Array;
  readonly scores: Float64Array;
}

/**
 * The candidate lists of `labourers`, in the order given, while their bytes ({@link listBytes})
 * add up to at most `bytes`: the first list that would pass it is left out, and so is every one
 * after it.
 *
 * @param index - The compiled index.
 * @param labourers - Positions of labourers in the index.
 * @param minScore - Candidates score at least this.
 * @param bytes - The budget of the lists kept.
 * @returns The lists found within the budget, packed.
 *
 * Complexity: one walk per labourer over its lawful posts.
 */
export function findLists(
  index: CompiledIndex,
  labourers: Int32Array,
  minScore: number,
  bytes: number,
): PackedLists {
  const find = listFinder(index, minScore);
  const found: PairLists[] = [];
  let used = 0;
  let pairs = 0;
  for (const w of labourers) {
    const l = find(w);
    if ((used += listBytes(l)) > bytes) break;
    found.push(l);
    pairs += l.posts.length;
  }
  const n = found.length;
  const packed = {
    labourers: labourers.slice(0, n),
    offsets: new Int32Array(n + 1),
    posts: new Int32Array(pairs),
    scores: new Float64Array(pairs),
  };
  found.forEach((l, i) => {
    const at = packed.offsets[i]!;
    packed.posts.set(l.posts, at);
    packed.scores.set(l.scores, at);
    packed.offsets[i + 1] = at + l.posts.length;
  });
  return packed;
}
