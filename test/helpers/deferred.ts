/**
 * A test oracle: deferred acceptance over a compiled index (the planner takes the same matching
 * greedily, `src/internal/greedy-match.ts`), with each labourer's preferences produced by the walk
 * as they are needed instead of listed in full.
 *
 * Labourers propose; a post keeps the best of those who proposed to it, up to its openings, in its
 * order: priority households first, then score descending, then labourer id. A post that is full
 * takes a newcomer only ahead of its least preferred holder, so each post has a gate: the score (and
 * id) a labourer of each tier must beat. Gates only rise, so a post that turned a labourer away would
 * turn it away again, and a labourer's next proposal goes straight to the best post whose gate it
 * passes now. That post is found by the walk in two ways:
 *
 * - in score order with the gates checked post by post, for at most a budget of posts: a labourer
 *   whose best posts still take it finds one at once;
 * - else in order of score less gate (the gates as the walk's offsets), which reaches the posts the
 *   labourer can pass first and stops when no post's bound passes its gate: a labourer that every
 *   post turns away looks at few of them.
 *
 * With both sides ranking pairs by score (and the posts by tier first), the result is the unique
 * stable matching, which is also what taking pairs greedily in the order tier, score, ids gives.
 *
 * @module
 */
import type { CompiledIndex } from '../../src/compile.js';
import { idOrderOf, inWalkOrder } from '../../src/internal/id-order.js';
import type { MatchOptions, MatchResult } from '../../src/internal/greedy-match.js';
import { TopK, Walker, walk, walkLimits } from '../../src/internal/walk.js';

/** Posts bounded in score order before a proposal turns to the gate-ordered walk. */
const SCORE_ORDER_BUDGET = 64;
/** The views are ordered afresh when at least 1 / REFRESH_SHARE of the posts' gates moved. */
const REFRESH_SHARE = 8;
/** Proposals between two progress reports. */
const PROGRESS_EVERY = 4096;
/** Bytes of county buckets each walk keeps between passes. */
const KEEP_BYTES = 256 * 2 ** 20;

/**
 * The labourer-optimal stable matching of a compiled index (see the module notes).
 *
 * Complexity: one walk per proposal (a labourer proposes once, plus once each time it is displaced),
 * bounded as the module notes say; O(log c) per acceptance at a post of c openings.
 */
export function deferredAcceptance(
  index: CompiledIndex,
  options: MatchOptions,
): MatchResult & {
  /** Each post's final gate for priority households and for the others (−∞ open, +∞ closed). */
  readonly gates: readonly [Float64Array, Float64Array];
  readonly proposals: number;
  readonly gateWalks: number;
} {
  const W = index.labourerCount;
  const P = index.postCount;
  const { minScore, skip, used } = options;
  const { labourerRank } = idOrderOf(index);
  const tierOf = (w: number): number => (index.labourerPriority[w] === 1 ? 0 : 1);
  const capacity = new Int32Array(P);
  for (let p = 0; p < P; p++) capacity[p] = Math.max(0, index.postCapacity[p]! - (used?.[p] ?? 0));

  // Holders of each post as a heap with the least preferred on top.
  const heaps: number[][] = Array.from({ length: P }, () => []);
  const postOf = new Int32Array(W).fill(-1);
  const scoreOf = new Float64Array(W);
  /** Is a less preferred than b by the posts' order (tier, score descending, id)? */
  const worse = (a: number, b: number): boolean => {
    const ta = tierOf(a);
    const tb = tierOf(b);
    if (ta !== tb) return ta > tb;
    const sa = scoreOf[a]!;
    const sb = scoreOf[b]!;
    if (sa !== sb) return sa < sb;
    return labourerRank[a]! > labourerRank[b]!;
  };
  const siftUp = (h: number[], i: number): void => {
    const x = h[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(x, h[parent]!)) break;
      h[i] = h[parent]!;
      i = parent;
    }
    h[i] = x;
  };
  const siftDown = (h: number[], i: number): void => {
    const n = h.length;
    const x = h[i]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && worse(h[c + 1]!, h[c]!)) c++;
      if (!worse(h[c]!, x)) break;
      h[i] = h[c]!;
      i = c;
    }
    h[i] = x;
  };

  // Gates per tier (0 priority, 1 other): the score to beat, −∞ open, +∞ closed; the id rank that
  // wins a tie.
  const gates: [Float64Array, Float64Array] = [
    new Float64Array(P).fill(Number.NEGATIVE_INFINITY),
    new Float64Array(P).fill(Number.NEGATIVE_INFINITY),
  ];
  const gateTie = new Int32Array(P);
  for (let p = 0; p < P; p++) {
    if (capacity[p]! > 0) continue;
    for (let t = 0; t < 2; t++) gates[t]![p] = Number.POSITIVE_INFINITY;
  }
  // Two views per tier, ordered afresh from the gates at times (`refreshViews`): the posts open to
  // anyone of the tier then (room, or a least preferred holder of a later tier), in score order,
  // each checked against its gate now; and the posts contested then (a least preferred holder of the
  // same tier), by score less gate. A post only moves from open to contested to closed, so every
  // post that takes the labourer now is in one of the two, and a gate that rose since only loosens
  // the second view's bounds (its offsets follow the gates in place).
  const openOffsets: [Float64Array, Float64Array] = [new Float64Array(P), new Float64Array(P)];
  const gateOffsets: [Float64Array, Float64Array] = [
    new Float64Array(P).fill(Number.POSITIVE_INFINITY),
    new Float64Array(P).fill(Number.POSITIVE_INFINITY),
  ];
  let gateChanges = 0;
  const setGate = (p: number): void => {
    const h = heaps[p]!;
    if (h.length < capacity[p]!) return;
    gateChanges++;
    const least = h[0]!;
    const lt = tierOf(least);
    gateTie[p] = labourerRank[least]!;
    for (let t = 0; t < 2; t++) {
      const g = lt < t ? Number.POSITIVE_INFINITY : lt > t ? Number.NEGATIVE_INFINITY : scoreOf[least]!;
      gates[t]![p] = g;
      if (gateOffsets[t]![p] !== Number.POSITIVE_INFINITY) gateOffsets[t]![p] = g;
    }
  };

  const plain = new Walker(index);
  plain.keepBytes = KEEP_BYTES;
  const opens: [Walker, Walker] = [
    new Walker(index, { offsets: openOffsets[0] }, plain.sc),
    new Walker(index, { offsets: openOffsets[1] }, plain.sc),
  ];
  const views: [Walker, Walker] = [
    new Walker(index, { offsets: gateOffsets[0] }, plain.sc),
    new Walker(index, { offsets: gateOffsets[1] }, plain.sc),
  ];
  let refreshed = false;
  const refreshViews = (): void => {
    // Stale views stay exact, only looser: order them afresh once enough gates have moved.
    if (refreshed && gateChanges * REFRESH_SHARE < P) return;
    refreshed = true;
    gateChanges = 0;
    for (let t = 0; t < 2; t++) {
      const gate = gates[t]!;
      const open = openOffsets[t]!;
      const contested = gateOffsets[t]!;
      for (let p = 0; p < P; p++) {
        const g = gate[p]!;
        open[p] = g === Number.NEGATIVE_INFINITY ? 0 : Number.POSITIVE_INFINITY;
        contested[p] = g === Number.NEGATIVE_INFINITY ? Number.POSITIVE_INFINITY : g;
      }
      opens[t]!.refresh();
      views[t]!.refresh();
      opens[t]!.keepBytes = KEEP_BYTES;
      views[t]!.keepBytes = KEEP_BYTES;
    }
  };
  const first = new TopK(1);
  const all = new TopK(Number.POSITIVE_INFINITY);
  const lim = walkLimits(minScore);
  lim.gateTie = gateTie;
  const gateLim = walkLimits(0, minScore);
  gateLim.gateTie = gateTie;

  const accW: number[] = [];
  const accP: number[] = [];
  const accS: number[] = [];
  let proposals = 0;
  let gateWalks = 0;

  /** The score of the post the last search found. */
  let foundScore = 0;
  const rank = index.postIdRank;
  /**
   * The best post whose gate labourer w passes now, in score order for at most `budget` posts:
   * the post, −1 if there is none, or −2 if the budget ran out first.
   */
  const inScoreOrder = (w: number, budget: number): number => {
    proposals++;
    lim.gate = gates[tierOf(w)];
    lim.tieRank = labourerRank[w]!;
    lim.budget = budget;
    first.reset(1);
    walk(plain, w, lim, first);
    if (first.truncated) return -2;
    if (first.size === 0) return -1;
    foundScore = first.scores[0]!;
    return first.posts[0]!;
  };
  const openLim = walkLimits(minScore);
  openLim.gateTie = gateTie;
  /**
   * The best post whose gate labourer w passes now, or −1: the best post open to anyone of its tier
   * (score order among those posts), then, through the gate-ordered view, the contested posts it
   * passes that score above that one.
   */
  const throughGates = (w: number): number => {
    const t = tierOf(w);
    gateWalks++;
    openLim.gate = gates[t];
    openLim.tieRank = labourerRank[w]!;
    first.reset(1);
    walk(opens[t as 0 | 1], w, openLim, first);
    let bestPost = first.size === 0 ? -1 : first.posts[0]!;
    let bestScore = first.size === 0 ? minScore : first.scores[0]!;
    let bestRank = first.size === 0 ? 0 : rank[bestPost]!;
    gateLim.gate = gates[t];
    gateLim.tieRank = labourerRank[w]!;
    gateLim.minScore = bestScore;
    all.reset(Number.POSITIVE_INFINITY);
    walk(views[t as 0 | 1], w, gateLim, all);
    for (let i = 0; i < all.size; i++) {
      const sc = all.scores[i]!;
      const p = all.posts[i]!;
      if (bestPost < 0 || sc > bestScore || (sc === bestScore && rank[p]! < bestRank)) {
        bestPost = p;
        bestScore = sc;
        bestRank = rank[p]!;
      }
    }
    foundScore = bestScore;
    return bestPost;
  };

  // Labourers in walk order (county, mobility class, id), pass after pass (those displaced propose
  // again): a county's buckets are built once a pass, and the pairs accepted on the way do not
  // depend on the order of the input arrays.
  const byCounty = (list: number[]): number[] => inWalkOrder(index, list);
  /** Seats w at p; returns the labourer it displaced, or −1. */
  const seat = (w: number, p: number): number => {
    postOf[w] = p;
    scoreOf[w] = foundScore;
    accW.push(w);
    accP.push(p);
    accS.push(foundScore);
    const h = heaps[p]!;
    h.push(w);
    siftUp(h, h.length - 1);

    let out = -1;
    if (h.length > capacity[p]!) {
      out = h[0]!;
      const last = h.pop()!;
      if (h.length > 0) {
        h[0] = last;
        siftDown(h, 0);
      }
      postOf[out] = -1;
    }
    setGate(p);
    return out;
  };

  // First every proposal in score order within a budget; a labourer whose best posts all turn it
  // away is put off. Deferred acceptance gives the same matching whatever the order of proposals,
  // and by the time the put-off labourers propose the gates are high, so the gate-ordered view
  // reaches the few posts they can pass at once.
  let queue: number[] = [];
  for (let w = 0; w < W; w++) if (skip?.[w] !== 1 && index.labourerExcluded[w] === 0) queue.push(w);
  let hard: number[] = [];
  let made = 0;
  const told = (pending: number): void => {
    if (++made % PROGRESS_EVERY === 0) options.onProgress?.(made, made + pending);
  };
  options.onProgress?.(0, queue.length);
  while (queue.length > 0 || hard.length > 0) {
    const next: number[] = [];
    if (queue.length === 0) {
      // Only put-off labourers are left: they propose through freshly ordered views.
      refreshViews();
      const list = byCounty(hard);
      for (let i = 0; i < list.length; i++) {
        const w = list[i]!;
        told(list.length - i + next.length);
        const p = throughGates(w);
        if (p < 0) continue;
        const out = seat(w, p);
        if (out >= 0) next.push(out);
      }
      hard = [];
    } else {
      const list = byCounty(queue);
      for (let i = 0; i < list.length; i++) {
        const w = list[i]!;
        told(list.length - i + next.length + hard.length);
        const p = inScoreOrder(w, SCORE_ORDER_BUDGET);
        if (p === -2) hard.push(w);
        if (p < 0) continue;
        const out = seat(w, p);
        if (out >= 0) next.push(out);
      }
    }
    queue = next;
  }
  options.onProgress?.(made, made);
  for (let w = 0; w < W; w++) if (postOf[w]! < 0) scoreOf[w] = 0;
  return {
    postOf,
    scoreOf,
    accepted: {
      labourers: Int32Array.from(accW),
      posts: Int32Array.from(accP),
      scores: Float64Array.from(accS),
    },
    gates,
    proposals,
    gateWalks,
  };
}
