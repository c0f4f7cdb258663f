/**
 * The exact optimal plan of a compiled index without enumerating its eligible pairs: solve on a
 * sparse core of pairs, price out the rest with the walk, add the pairs that beat the duals, solve
 * again, until none does. The duals of the last solve then hold on every eligible pair, so the plan
 * is optimal over all of them, not only over the core.
 *
 * @module
 */
import type { CompiledIndex } from '../compile.js';
import type { CompiledGraph } from '../graph/internal/compile.js';
import { solveOptimalTyped } from '../graph/solve-optimal.js';
import { priceRange, type PlanDuals, type Violations } from './pricing.js';
import { idOrderOf } from './id-order.js';
import { TopK, Walker, walk, walkLimits } from './walk.js';

/** The graph tier of a priority labourer (registered or monitored household). */
export const PRIORITY_GRAPH_TIER = 1;

/** A set of candidate pairs per labourer (index order), each labourer's by post id rank. */
export interface PairLists {
  readonly offsets: Int32Array;
  readonly posts: Int32Array;
  readonly scores: Float64Array;
}

/** Each labourer's best `k` eligible posts by score (then id) scoring at least `minScore`. */
export function topLists(index: CompiledIndex, k: number, minScore: number, skip?: Uint8Array): PairLists {
  const W = index.workerCount;
  const wk = new Walker(index);
  const out = new TopK(k);
  const offsets = new Int32Array(W + 1);
  const posts = new Int32Array(W * k);
  const scores = new Float64Array(W * k);
  // Labourers county by county (a stable counting sort), so each county's buckets are built once.
  const C = index.counties.length;
  const start = new Int32Array(C * 4 + 1);
  for (let w = 0; w < W; w++) start[index.workerCounty[w]! * 4 + index.workerScope[w]! + 1]! += 1;
  for (let c = 0; c < C * 4; c++) start[c + 1]! += start[c]!;
  const order = new Int32Array(W);
  for (let w = 0; w < W; w++) order[start[index.workerCounty[w]! * 4 + index.workerScope[w]!]!++] = w;
  const counts = new Int32Array(W);
  const lim = walkLimits(minScore);
  for (const w of order) {
    if (skip?.[w] === 1) continue;
    out.reset(k);
    walk(wk, w, lim, out);
    counts[w] = out.size;
    for (let i = 0; i < out.size; i++) {
      posts[w * k + i] = out.posts[i]!;
      scores[w * k + i] = out.scores[i]!;
    }
  }
  for (let w = 0; w < W; w++) offsets[w + 1] = offsets[w]! + counts[w]!;
  const p2 = new Int32Array(offsets[W]!);
  const s2 = new Float64Array(offsets[W]!);
  for (let w = 0; w < W; w++) {
    p2.set(posts.subarray(w * k, w * k + counts[w]!), offsets[w]!);
    s2.set(scores.subarray(w * k, w * k + counts[w]!), offsets[w]!);
  }
  return sortByRank(index, { offsets, posts: p2, scores: s2 });
}

/** Each labourer's pairs by post id rank. */
function sortByRank(index: CompiledIndex, lists: PairLists): PairLists {
  const rank = index.postIdRank;
  const { offsets, posts, scores } = lists;
  const idx: number[] = [];
  for (let w = 0; w + 1 < offsets.length; w++) {
    const a = offsets[w]!;
    const b = offsets[w + 1]!;
    if (b - a < 2) continue;
    idx.length = 0;
    for (let i = a; i < b; i++) idx.push(i);
    idx.sort((x, y) => rank[posts[x]!]! - rank[posts[y]!]!);
    const ps = idx.map((i) => posts[i]!);
    const ss = idx.map((i) => scores[i]!);
    for (let i = a; i < b; i++) {
      posts[i] = ps[i - a]!;
      scores[i] = ss[i - a]!;
    }
  }
  return lists;
}

/** The union of a core and violating pairs, each labourer's by post id rank, without repeats. */
export function mergePairs(index: CompiledIndex, core: PairLists, add: Violations): PairLists {
  const W = index.workerCount;
  const extra = new Int32Array(W);
  for (let i = 0; i < add.workers.length; i++) extra[add.workers[i]!] = add.offsets[i + 1]! - add.offsets[i]!;
  const at = new Int32Array(W).fill(-1);
  for (let i = 0; i < add.workers.length; i++) at[add.workers[i]!] = i;
  const offsets = new Int32Array(W + 1);
  for (let w = 0; w < W; w++)
    offsets[w + 1] = offsets[w]! + core.offsets[w + 1]! - core.offsets[w]! + extra[w]!;
  const posts = new Int32Array(offsets[W]!);
  const scores = new Float64Array(offsets[W]!);
  const seen = new Int32Array(index.postCount).fill(-1);
  let n = 0;
  for (let w = 0; w < W; w++) {
    const first = n;
    for (let k = core.offsets[w]!; k < core.offsets[w + 1]!; k++) {
      seen[core.posts[k]!] = w;
      posts[n] = core.posts[k]!;
      scores[n++] = core.scores[k]!;
    }
    const i = at[w]!;
    if (i >= 0) {
      for (let k = add.offsets[i]!; k < add.offsets[i + 1]!; k++) {
        const p = add.posts[k]!;
        if (seen[p] === w) continue;
        seen[p] = w;
        posts[n] = p;
        scores[n++] = add.scores[k]!;
      }
    }
    offsets[w] = first;
  }
  offsets[W] = n;
  return sortByRank(index, { offsets, posts: posts.slice(0, n), scores: scores.slice(0, n) });
}

/**
 * The compiled graph of a core: left nodes the labourers by id (priority households in tier
 * {@link PRIORITY_GRAPH_TIER}, the others `null`), right nodes the posts by id with their openings
 * left, edges the core's pairs weighted by score. Built directly from typed arrays: no edge objects.
 */
export function coreGraph(index: CompiledIndex, core: PairLists, skip?: Uint8Array): CompiledGraph {
  const { workerByRank, postByRank } = idOrderOf(index);
  const W = index.workerCount;
  const P = index.postCount;
  const rank = index.postIdRank;
  let anyPriority = false;
  for (let w = 0; w < W; w++) if (index.workerPriority[w] === 1 && skip?.[w] !== 1) anyPriority = true;
  const tiers = anyPriority ? [PRIORITY_GRAPH_TIER] : [];
  const leftIds: string[] = [];
  const leftTierIndex = new Int32Array(W);
  const leftRank = new Int32Array(W);
  let m = 0;
  for (let i = 0; i < W; i++) {
    const w = workerByRank[i]!;
    if (skip?.[w] !== 1) m += core.offsets[w + 1]! - core.offsets[w]!;
  }
  const edgeLeft = new Int32Array(m);
  const edgeRight = new Int32Array(m);
  const edgeWeight = new Float64Array(m);
  const leftStart = new Int32Array(W + 1);
  let e = 0;
  let l = 0;
  for (let i = 0; i < W; i++) {
    const w = workerByRank[i]!;
    if (skip?.[w] === 1) continue;
    leftIds.push(index.workerIds[w]!);
    const priority = anyPriority && index.workerPriority[w] === 1;
    leftTierIndex[l] = priority ? 0 : -1;
    leftRank[l] = priority ? 0 : tiers.length;
    for (let k = core.offsets[w]!; k < core.offsets[w + 1]!; k++) {
      edgeLeft[e] = l;
      edgeRight[e] = rank[core.posts[k]!]!;
      edgeWeight[e] = core.scores[k]!;
      e++;
    }
    l++;
    leftStart[l] = e;
  }
  const nL = l;
  const capacity = new Int32Array(P);
  for (let r = 0; r < P; r++) capacity[r] = index.postCapacity[postByRank[r]!]!;
  const rightStart = new Int32Array(P + 1);
  for (let k = 0; k < m; k++) rightStart[edgeRight[k]! + 1]! += 1;
  for (let r = 0; r < P; r++) rightStart[r + 1]! += rightStart[r]!;
  const fill = rightStart.slice(0, P);
  const rightEdges = new Int32Array(m);
  for (let k = 0; k < m; k++) rightEdges[fill[edgeRight[k]!]!++] = k;
  return {
    leftIds,
    leftTierIndex: leftTierIndex.slice(0, nL),
    leftRank: leftRank.slice(0, nL),
    tiers,
    rightIds: Array.from(postByRank, (p) => index.postIds[p]!),
    capacity,
    edgeLeft,
    edgeRight,
    edgeWeight,
    leftStart: leftStart.slice(0, nL + 1),
    rightStart,
    rightEdges,
  };
}

/** Options of {@link planOptimal}. */
export interface OptimalCoreOptions {
  readonly minScore: number;
  /** Each labourer's best N posts only (the candidate graph is then their top-N lists). */
  readonly candidatesPerWorker?: number | undefined;
  /** How many best posts per labourer seed the core. */
  readonly seed: number;
  /** Most violating pairs added per labourer and round. */
  readonly perWorker: number;
  /** Labourers left out of the plan (1). */
  readonly skip?: Uint8Array | undefined;
  /** Told as each round begins: the round (from 0) and the edges in the core. */
  readonly onRound?: ((round: number, edges: number) => void) | undefined;
}

/** An optimal plan of a compiled index, with its duals. */
export interface OptimalCore {
  /** Each labourer's post position (index order), −1 when unplaced. */
  readonly postOf: Int32Array;
  /** Each placed labourer's score (0 for the unplaced). */
  readonly scoreOf: Float64Array;
  /** Duals that hold on every eligible pair (see `src/internal/pricing.ts`). */
  readonly duals: PlanDuals;
  /** Solver runs, and the pairs in the last core. */
  readonly rounds: number;
  readonly coreEdges: number;
}

/** Absolute tolerance of pricing: far above the solver's rounding, far below any score gap that matters. */
export const PRICING_TOLERANCE = 1e-9;

/**
 * The exact optimal plan of a compiled index (priority households placed first, then the total
 * score), by solving on a core and pricing out the rest until the duals hold on every eligible pair.
 *
 * Complexity: per round, one exact solve on the core and one pricing walk per labourer; the rounds
 * stop when no pair outside the core beats the duals.
 */
export function planOptimal(index: CompiledIndex, options: OptimalCoreOptions): OptimalCore {
  const W = index.workerCount;
  const { minScore, skip, candidatesPerWorker } = options;
  const limited = candidatesPerWorker !== undefined;
  let core = topLists(index, limited ? candidatesPerWorker : options.seed, minScore, skip);
  const { workerByRank, postByRank } = idOrderOf(index);
  for (let round = 0; ; round++) {
    options.onRound?.(round, core.posts.length);
    const g = coreGraph(index, core, skip);
    const { matchEdge, duals } = solveOptimalTyped(g);
    // Duals by index position.
    const T = duals.T;
    const workerTier = new Int32Array(W).fill(-1);
    const workerTierDual = new Float64Array(W * T);
    const workerDual = new Float64Array(W);
    const postOf = new Int32Array(W).fill(-1);
    const scoreOf = new Float64Array(W);
    // Left node of each labourer in the graph (skipped labourers have none).
    let l = 0;
    const leftOf = new Int32Array(W).fill(-1);
    for (let i = 0; i < W; i++) {
      const w = workerByRank[i]!;
      if (skip?.[w] === 1) continue;
      leftOf[w] = l++;
    }
    for (let w = 0; w < W; w++) {
      const left = leftOf[w]!;
      if (left < 0) continue;
      if (T > 0 && g.leftTierIndex[left]! >= 0) workerTier[w] = g.leftTierIndex[left]!;
      for (let k = 0; k < T; k++) workerTierDual[w * T + k] = duals.leftTier[left * T + k]!;
      workerDual[w] = duals.leftWeight[left]!;
      const e = matchEdge[left]!;
      if (e >= 0) {
        postOf[w] = postByRank[g.edgeRight[e]!]!;
        scoreOf[w] = g.edgeWeight[e]!;
      }
    }
    const P = index.postCount;
    const postTierDual = new Float64Array(P * T);
    const postDual = new Float64Array(P);
    for (let r = 0; r < P; r++) {
      const p = postByRank[r]!;
      for (let k = 0; k < T; k++) postTierDual[p * T + k] = duals.rightTier[r * T + k]!;
      postDual[p] = duals.rightWeight[r]!;
    }
    const planDuals: PlanDuals = { T, workerTier, workerTierDual, workerDual, postTierDual, postDual };
    if (limited)
      return { postOf, scoreOf, duals: planDuals, rounds: round + 1, coreEdges: core.posts.length };
    const violations = priceRange(index, 0, W, planDuals, {
      minScore,
      perWorker: options.perWorker,
      tolerance: PRICING_TOLERANCE,
      skip,
    });
    if (violations.workers.length === 0)
      return { postOf, scoreOf, duals: planDuals, rounds: round + 1, coreEdges: core.posts.length };
    core = mergePairs(index, core, violations);
  }
}
