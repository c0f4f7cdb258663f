/**
 * The stable matching of a compiled index taken greedily, best pair first, with each labourer's
 * pairs produced by the walk a few at a time.
 *
 * Labourers rank posts by score (then post id); posts rank labourers by priority tier, then score,
 * then labourer id. Both orders are induced by one order on pairs: tier ascending, score descending,
 * labourer id, post id. Under such a master order the stable matching is unique, and it is what
 * taking pairs in that order gives, each pair kept when its labourer is still free and its post has
 * room (a pair taken is never undone, so nobody is displaced, unlike deferred acceptance).
 *
 * Each labourer keeps its next few posts with room, best first, from one walk; a heap holds every
 * labourer under the best of them. The top labourer is placed if that post still has room; if the
 * post filled meanwhile, the labourer moves on to its next post with room (posts only fill, so the
 * first of its list still open is its best), walking again from where its list ended when the list
 * runs out. A post that fills leaves the walk (its offset becomes +∞; the buckets built before stay
 * exact, only looser: the walk links over a closed post once it finds it, and the buckets are built
 * afresh once a quarter of the posts have filled).
 *
 * Tier comes first in the order, so no labourer of the second tier is placed before every labourer
 * of the first is decided: its first walk waits until then, and meets only the posts left with room
 * (unless every labourer's first reach is asked for, to seed the optimal plan).
 *
 * @module
 */
import type { CompiledIndex } from '../compile.js';
import { IndexedHeap } from '../graph/internal/heap.js';
import { idOrderOf, inWalkOrder } from './id-order.js';
import { TopK, Walker, walk, walkLimits } from './walk.js';

/** Posts a labourer's first walk lists ahead (most labourers need one or two). */
const FIRST_AHEAD = 2;
/** Posts each later walk lists ahead, for a labourer whose first posts filled before its turn. */
const RESUME_AHEAD = 8;
/** The walker's buckets are built afresh once 1 / REFRESH_SHARE of the posts have filled since. */
const REFRESH_SHARE = 4;
/** Labourers decided between two progress reports. */
const PROGRESS_EVERY = 4096;
/** Bytes of county buckets the walker keeps between labourers of different counties. */
const KEEP_BYTES = 256 * 2 ** 20;

/** Options of {@link greedyMatch}. */
export interface MatchOptions {
  /** Pairs scoring below this are not candidates. */
  readonly minScore: number;
  /** Labourers left out (1). */
  readonly skip?: Uint8Array | undefined;
  /** Openings already taken per post (e.g. by groups placed first). */
  readonly used?: Int32Array | undefined;
  /** Told as labourers are decided (placed, or left with no post that would take them): done of total. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  /**
   * Whether `accepted` should hold each labourer's first reach, the best post it had when all its
   * posts were open. Without it, a later tier's first walks wait until the earlier tier is decided
   * (cheaper: they meet only the posts left with room).
   */
  readonly firstReach?: boolean | undefined;
}

/** The stable matching, and every pair accepted on the way. */
export interface MatchResult {
  /** Each labourer's post (index order), −1 when unplaced. */
  readonly postOf: Int32Array;
  readonly scoreOf: Float64Array;
  /**
   * The pairs where labourers competed (labourer, post, score): those placed, and those reached for
   * when full (see {@link MatchOptions.firstReach}).
   */
  readonly accepted: {
    readonly labourers: Int32Array;
    readonly posts: Int32Array;
    readonly scores: Float64Array;
  };
}

/**
 * The stable matching (the same as deferred acceptance's), taken greedily best pair first
 * (see the module notes). `accepted` holds the pairs placed and the pairs a labourer reached for
 * first but found full: the pairs where labourers competed.
 *
 * Complexity: one walk per labourer, and one more each time the posts it listed fill up before its
 * turn; O(log W) per heap step.
 */
export function greedyMatch(
  index: CompiledIndex,
  options: MatchOptions & {
    /** Posts each walk lists ahead (tests use 1 or 2, so that lists run out). */
    readonly listAhead?: number;
  },
): MatchResult {
  const FIRST = options.listAhead ?? FIRST_AHEAD;
  const RESUME = options.listAhead ?? RESUME_AHEAD;
  const LIST_AHEAD = Math.max(FIRST, RESUME);
  const W = index.labourerCount;
  const P = index.postCount;
  const { minScore, skip, used } = options;
  const { labourerRank } = idOrderOf(index);
  const rank = index.postIdRank;

  const room = new Int32Array(P);
  const offsets = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    room[p] = Math.max(0, index.postCapacity[p]! - (used?.[p] ?? 0));
    if (room[p] === 0) offsets[p] = Number.POSITIVE_INFINITY;
  }
  const wk = new Walker(index, { offsets });
  wk.keepBytes = KEEP_BYTES;
  let filledSince = 0;

  // Each labourer's list: LIST_AHEAD slots in flat arrays, how many it holds, where it is, and
  // whether the walk behind it had more to give (a full list).
  const listPost = new Int32Array(W * LIST_AHEAD);
  const listScore = new Float64Array(W * LIST_AHEAD);
  const listSize = new Uint8Array(W);
  const listAt = new Uint8Array(W);
  const listFull = new Uint8Array(W);
  const out = new TopK(LIST_AHEAD);
  const lim = walkLimits(minScore);
  /** Fills w's list from the walk, after its last pair when `resume`. */
  const fill = (w: number, resume: boolean): void => {
    const base = w * LIST_AHEAD;
    if (resume) {
      const last = base + listSize[w]! - 1;
      lim.afterValue = listScore[last]!;
      lim.afterRank = rank[listPost[last]!]!;
    } else {
      lim.afterValue = Number.POSITIVE_INFINITY;
      lim.afterRank = -1;
    }
    const k = resume ? RESUME : FIRST;
    out.reset(k);
    walk(wk, w, lim, out);
    for (let i = 0; i < out.size; i++) {
      listPost[base + i] = out.posts[i]!;
      listScore[base + i] = out.scores[i]!;
    }
    listSize[w] = out.size;
    listAt[w] = 0;
    listFull[w] = out.size === k ? 1 : 0;
  };
  /** Builds the walker's buckets afresh once enough posts have filled since they were built. */
  const refreshIfStale = (): void => {
    if (filledSince * REFRESH_SHARE < P) return;
    wk.refresh();
    wk.keepBytes = KEEP_BYTES;
    filledSince = 0;
  };
  /** Moves w to the first post of its list that still has room, walking on as needed; false if none is left. */
  const advance = (w: number): boolean => {
    for (;;) {
      const base = w * LIST_AHEAD;
      while (listAt[w]! < listSize[w]! && room[listPost[base + listAt[w]!]!] === 0) listAt[w]! += 1;
      if (listAt[w]! < listSize[w]!) return true;
      if (listFull[w] === 0) return false;
      refreshIfStale();
      fill(w, true);
    }
  };

  // The heap of labourers under their current best pair, best on top.
  const tierOf = (w: number): number => (index.labourerPriority[w] === 1 ? 0 : 1);
  const headPost = (w: number): number => listPost[w * LIST_AHEAD + listAt[w]!]!;
  const headScore = (w: number): number => listScore[w * LIST_AHEAD + listAt[w]!]!;
  const better = (a: number, b: number): boolean => {
    const ta = tierOf(a);
    const tb = tierOf(b);
    if (ta !== tb) return ta < tb;
    const sa = headScore(a);
    const sb = headScore(b);
    if (sa !== sb) return sa > sb;
    // Then the labourer's id: each labourer is in the heap once, so the post's id, last in the
    // master order, never decides here.
    return labourerRank[a]! < labourerRank[b]!;
  };
  const heap = new IndexedHeap(W, better);

  // Every labourer's first list, county by county (each county's buckets built once), a tier at a
  // time: no labourer of a later tier leaves the heap before every one of an earlier tier is
  // decided, so its first walk waits until then and meets only the posts left with room.
  // Asked for every labourer's first reach, every first walk is made before any is decided.
  const firstReach = options.firstReach === true;
  const tiers: number[][] = firstReach ? [[]] : [[], []];
  for (let w = 0; w < W; w++)
    if (skip?.[w] !== 1 && index.labourerExcluded[w] === 0) tiers[firstReach ? 0 : tierOf(w)]!.push(w);
  let total = 0;
  for (const t of tiers) total += t.length;
  options.onProgress?.(0, total);

  const postOf = new Int32Array(W).fill(-1);
  const scoreOf = new Float64Array(W);
  const accW: number[] = [];
  const accP: number[] = [];
  const accS: number[] = [];
  let decided = 0;
  for (const todo of tiers) {
    refreshIfStale();
    for (const w of inWalkOrder(index, todo)) {
      fill(w, false);
      if (listSize[w]! > 0) heap.pushOrDecrease(w);
    }
    decided += todo.length - heap.size;
    while (heap.size > 0) {
      const w = heap.pop();
      const p = headPost(w);
      if (room[p]! > 0) {
        // The best pair left: taken.
        postOf[w] = p;
        scoreOf[w] = headScore(w);
        accW.push(w);
        accP.push(p);
        accS.push(scoreOf[w]!);
        room[p]! -= 1;
        if (room[p] === 0) {
          offsets[p] = Number.POSITIVE_INFINITY;
          filledSince++;
        }
      } else {
        // Its post filled before its turn: a pair it competed for; on to its next post with room.
        accW.push(w);
        accP.push(p);
        accS.push(headScore(w));
        if (advance(w)) {
          heap.pushOrDecrease(w);
          continue;
        }
      }
      if (++decided % PROGRESS_EVERY === 0) options.onProgress?.(decided, total);
    }
  }
  options.onProgress?.(total, total);
  return {
    postOf,
    scoreOf,
    accepted: {
      labourers: Int32Array.from(accW),
      posts: Int32Array.from(accP),
      scores: Float64Array.from(accS),
    },
  };
}
