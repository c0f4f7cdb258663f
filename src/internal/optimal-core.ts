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
import { createNetworkSimplex } from '../graph/internal/network-simplex.js';
import {
  PricingViews,
  localPricer,
  pricingShards,
  type PlanDuals,
  type ShardPricer,
  type Violations,
} from './pricing.js';
import { idOrderOf } from './id-order.js';
import { TopK, Walker, walk, walkLimits } from './walk.js';

/** The graph tier of a priority labourer (registered or monitored household). */
export const PRIORITY_GRAPH_TIER = 1;
/** The graph tier of a group member forced onto its group's option (placed before anyone). */
export const FORCED_GRAPH_TIER = 0;

/** A set of candidate pairs per labourer (index order), each labourer's by post id rank. */
export interface PairLists {
  readonly offsets: Int32Array;
  readonly posts: Int32Array;
  readonly scores: Float64Array;
  /** The pairs' weights in the objective when they differ from the scores: score + bonus. */
  readonly weights?: Float64Array | undefined;
  /** The keep-together bonus of each pair, beside `weights`. */
  readonly bonuses?: Float64Array | undefined;
}

/** How a sub-problem differs from the whole: labourers left out, members forced onto posts, openings taken. */
export interface Shape {
  /** Labourers left out (1). */
  readonly skip?: Uint8Array | undefined;
  /**
   * Labourers who must be placed (a group member on its group's option), each only on the listed
   * pairs: solver tier 0, ahead of priority households, so a plan places them whenever it can.
   */
  readonly forced?: ReadonlyMap<number, PairLists> | undefined;
  /** Openings already taken per post. */
  readonly used?: Int32Array | undefined;
  /**
   * A placement to start the exact solver from (each labourer's post, −1 for none), typically the
   * plan of a sub-problem close to this one. Only a hint: pairs not in the core, or beyond a post's
   * openings (labourers taken by id), are left out of the start; the optimum is the same.
   */
  readonly warm?: Int32Array | undefined;
}

/** Each labourer's best `k` eligible posts by score (then id) scoring at least `minScore`. */
export function topLists(index: CompiledIndex, k: number, minScore: number, skip?: Uint8Array): PairLists {
  const W = index.labourerCount;
  const wk = new Walker(index);
  const out = new TopK(k);
  const offsets = new Int32Array(W + 1);
  const posts = new Int32Array(W * k);
  const scores = new Float64Array(W * k);
  // Labourers county by county (a stable counting sort), so each county's buckets are built once.
  const C = index.counties.length;
  const start = new Int32Array(C * 4 + 1);
  for (let w = 0; w < W; w++) start[index.labourerCounty[w]! * 4 + index.labourerScope[w]! + 1]! += 1;
  for (let c = 0; c < C * 4; c++) start[c + 1]! += start[c]!;
  const order = new Int32Array(W);
  for (let w = 0; w < W; w++) order[start[index.labourerCounty[w]! * 4 + index.labourerScope[w]!]!++] = w;
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
function sortByRank(index: CompiledIndex, lists: PairLists, only?: Int32Array): PairLists {
  const rank = index.postIdRank;
  const { offsets, posts, scores } = lists;
  const idx: number[] = [];
  for (let w = 0; w + 1 < offsets.length; w++) {
    if (only !== undefined && only[w]! < 0) continue;
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
  const W = index.labourerCount;
  const extra = new Int32Array(W);
  for (let i = 0; i < add.labourers.length; i++)
    extra[add.labourers[i]!] = add.offsets[i + 1]! - add.offsets[i]!;
  const at = new Int32Array(W).fill(-1);
  for (let i = 0; i < add.labourers.length; i++) at[add.labourers[i]!] = i;
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
  // The core's lists are in post id order already: only those that gained pairs are sorted again.
  return sortByRank(index, { offsets, posts: posts.slice(0, n), scores: scores.slice(0, n) }, at);
}

/**
 * The compiled graph of a core: left nodes the labourers by id (forced members in tier
 * {@link FORCED_GRAPH_TIER}, priority households in tier {@link PRIORITY_GRAPH_TIER}, the others
 * `null`), right nodes the posts by id with their openings left, edges the core's pairs weighted by
 * weight (else score). Built directly from typed arrays: no edge objects. With each edge's score
 * and bonus (weight = score + bonus).
 */
export function coreGraph(
  index: CompiledIndex,
  core: PairLists,
  shape: Shape,
): { g: CompiledGraph; edgeScore: Float64Array; edgeBonus: Float64Array } {
  const { labourerByRank, postByRank } = idOrderOf(index);
  const W = index.labourerCount;
  const P = index.postCount;
  const rank = index.postIdRank;
  const { skip, forced, used } = shape;
  let anyPriority = false;
  for (let w = 0; w < W; w++)
    if (index.labourerPriority[w] === 1 && skip?.[w] !== 1 && forced?.has(w) !== true) anyPriority = true;
  const anyForced = forced !== undefined && forced.size > 0;
  const tiers = [...(anyForced ? [FORCED_GRAPH_TIER] : []), ...(anyPriority ? [PRIORITY_GRAPH_TIER] : [])];
  const leftIds: string[] = [];
  const leftTierIndex = new Int32Array(W);
  const leftRank = new Int32Array(W);
  const listOf = (w: number): PairLists => forced?.get(w) ?? core;
  const rangeOf = (w: number, lists: PairLists): [number, number] =>
    lists === core ? [core.offsets[w]!, core.offsets[w + 1]!] : [lists.offsets[0]!, lists.offsets[1]!];
  let m = 0;
  for (let w = 0; w < W; w++) {
    if (skip?.[w] === 1) continue;
    const lists = listOf(w);
    const [a, b] = rangeOf(w, lists);
    m += b - a;
  }
  const edgeLeft = new Int32Array(m);
  const edgeRight = new Int32Array(m);
  const edgeWeight = new Float64Array(m);
  const edgeScore = new Float64Array(m);
  const edgeBonus = new Float64Array(m);
  const leftStart = new Int32Array(W + 1);
  let e = 0;
  let l = 0;
  for (let i = 0; i < W; i++) {
    const w = labourerByRank[i]!;
    if (skip?.[w] === 1) continue;
    leftIds.push(index.labourerIds[w]!);
    const lists = listOf(w);
    const isForced = lists !== core;
    const priority = !isForced && anyPriority && index.labourerPriority[w] === 1;
    leftTierIndex[l] = isForced ? 0 : priority ? tiers.length - 1 : -1;
    leftRank[l] = isForced ? 0 : priority ? tiers.length - 1 : tiers.length;
    const [a, b] = rangeOf(w, lists);
    const weights = lists.weights ?? lists.scores;
    for (let k = a; k < b; k++) {
      edgeLeft[e] = l;
      edgeRight[e] = rank[lists.posts[k]!]!;
      edgeWeight[e] = weights[k]!;
      edgeScore[e] = lists.scores[k]!;
      edgeBonus[e] = lists.bonuses?.[k] ?? 0;
      e++;
    }
    l++;
    leftStart[l] = e;
  }
  const nL = l;
  const capacity = new Int32Array(P);
  for (let r = 0; r < P; r++) {
    const p = postByRank[r]!;
    capacity[r] = Math.max(0, index.postCapacity[p]! - (used?.[p] ?? 0));
  }
  const rightStart = new Int32Array(P + 1);
  for (let k = 0; k < m; k++) rightStart[edgeRight[k]! + 1]! += 1;
  for (let r = 0; r < P; r++) rightStart[r + 1]! += rightStart[r]!;
  const fill = rightStart.slice(0, P);
  const rightEdges = new Int32Array(m);
  for (let k = 0; k < m; k++) rightEdges[fill[edgeRight[k]!]!++] = k;
  const g: CompiledGraph = {
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
  return { g, edgeScore, edgeBonus };
}

/** A placement of the labourers of a compiled index, by position. */
export interface CorePlacement {
  /** Each labourer's post, −1 when unplaced. */
  readonly postOf: Int32Array;
  /** Each placed labourer's score (0 for the unplaced). */
  readonly scoreOf: Float64Array;
  /** Each placed labourer's weight less its score (a keep-together bonus; 0 without). */
  readonly bonusOf: Float64Array;
}

/** The placement of a solve whose edges are given by right node, score and bonus. */
export function placementOf(
  index: CompiledIndex,
  shape: Shape,
  matchEdge: Int32Array,
  edgeRight: Int32Array,
  edgeScore: Float64Array,
  edgeBonus: Float64Array,
): CorePlacement {
  const W = index.labourerCount;
  const { labourerByRank, postByRank } = idOrderOf(index);
  const postOf = new Int32Array(W).fill(-1);
  const scoreOf = new Float64Array(W);
  const bonusOf = new Float64Array(W);
  let l = 0;
  for (let i = 0; i < W; i++) {
    const w = labourerByRank[i]!;
    if (shape.skip?.[w] === 1) continue;
    const e = matchEdge[l++]!;
    if (e < 0) continue;
    postOf[w] = postByRank[edgeRight[e]!]!;
    scoreOf[w] = edgeScore[e]!;
    bonusOf[w] = edgeBonus[e]!;
  }
  return { postOf, scoreOf, bonusOf };
}

/** The duals of a solve on a core's graph, by labourer and post position. */
export function dualsOf(
  index: CompiledIndex,
  shape: Shape,
  g: CompiledGraph,
  duals: {
    T: number;
    leftTier: Float64Array;
    leftWeight: Float64Array;
    rightTier: Float64Array;
    rightWeight: Float64Array;
  },
): PlanDuals {
  const W = index.labourerCount;
  const P = index.postCount;
  const T = duals.T;
  const { labourerByRank, postByRank } = idOrderOf(index);
  const labourerTier = new Int32Array(W).fill(-1);
  const labourerTierDual = new Float64Array(W * T);
  const labourerDual = new Float64Array(W);
  let l = 0;
  for (let i = 0; i < W; i++) {
    const w = labourerByRank[i]!;
    if (shape.skip?.[w] === 1) continue;
    const left = l++;
    labourerTier[w] = g.leftTierIndex[left]!;
    for (let k = 0; k < T; k++) labourerTierDual[w * T + k] = duals.leftTier[left * T + k]!;
    labourerDual[w] = duals.leftWeight[left]!;
  }
  const postTierDual = new Float64Array(P * T);
  const postDual = new Float64Array(P);
  for (let r = 0; r < P; r++) {
    const p = postByRank[r]!;
    for (let k = 0; k < T; k++) postTierDual[p * T + k] = duals.rightTier[r * T + k]!;
    postDual[p] = duals.rightWeight[r]!;
  }
  return { T, tiers: g.tiers, labourerTier, labourerTierDual, labourerDual, postTierDual, postDual };
}

/** One exact optimal solve on a core: the placement and its duals (optimal over the core only). */
export function solveCore(
  index: CompiledIndex,
  core: PairLists,
  shape: Shape = {},
): CorePlacement & { readonly duals: PlanDuals } {
  const { g, edgeScore, edgeBonus } = coreGraph(index, core, shape);
  const { matchEdge, duals } = createNetworkSimplex(g).solve();
  return {
    ...placementOf(index, shape, matchEdge, g.edgeRight, edgeScore, edgeBonus),
    duals: dualsOf(index, shape, g, duals),
  };
}

/** Options of {@link planOptimal}. */
export interface OptimalCoreOptions extends Shape {
  readonly minScore: number;
  /** The core to start from (pairs known to matter); each labourer's best `seed` posts are added. */
  readonly start?: PairLists | undefined;
  /** How many best posts per labourer seed the core. */
  readonly seed: number;
  /** Most violating pairs added per labourer and round. */
  readonly perLabourer: number;
  /**
   * How far a post's dual must fall in a round for its pairs to be looked at anew over every
   * labourer (the smaller falls add up against the labourers' kept slack); {@link BIG_FALL} by
   * default. Exact whatever its value: tests set 0 and +∞ to reach each way of pricing alone.
   */
  readonly bigFall?: number | undefined;
  /**
   * How far below its dual a labourer's pairs are looked at when it is walked (its slack, up to
   * this, is kept); {@link PRICING_WINDOW} by default, and exact whatever its value.
   */
  readonly window?: number | undefined;
  /** Rounds of post duals kept in the pricing state ({@link HISTORY} by default); exact whatever its value. */
  readonly history?: number | undefined;
  /** Told as each round begins: the round (from 0) and the pairs in the core. */
  readonly onRound?: ((round: number, pairs: number) => void) | undefined;
  /** Told as pricing goes: labourers priced of all. */
  readonly onPricing?: ((done: number, total: number) => void) | undefined;
  /** What pricing kept from an earlier plan of the same index, taken up and updated. */
  readonly pricing?: PricingState | undefined;
  /** Runs pricing's shards ({@link localPricer}, one after another here, by default); the plan is the same. */
  readonly pricer?: ShardPricer | undefined;
}

/**
 * What partial pricing keeps between rounds (see {@link planOptimal}): per labourer its nearest
 * pairs, the slack of the others, its dual and the round when it was last walked; the post duals
 * of every round and the last round each post's dual fell far; the views. Kept across plans of one
 * index, it lets a related plan skip most walks.
 */
export class PricingState {
  readonly slackAt: Float64Array;
  readonly uAt: Float64Array;
  /** The round (an index of `history`) of each labourer's last walk. */
  readonly roundAt: Int32Array;
  readonly nearCount: Uint8Array;
  readonly nearPost: Int32Array;
  readonly nearScore: Float64Array;
  readonly only: Uint8Array;
  /** Labourers walked since the last reset (the others' kept values mean nothing). */
  readonly known: Uint8Array;
  readonly views = new PricingViews();
  /**
   * The posts' duals of every round since the last reset, in order; those of rounds more than
   * {@link HISTORY} back are let go (empty), and a labourer last walked then is walked again.
   */
  readonly history: { tier: Float64Array; weight: Float64Array }[] = [];
  /** The last round's duals. */
  previous: PlanDuals | undefined;
  /**
   * Per post, the last round (an index of `history`) whose pricing looked at the post anew over
   * every labourer because its dual fell far; −1 for none. Sized at first use.
   */
  lastFall: Int32Array = new Int32Array(0);
  constructor(
    W: number,
    readonly K: number,
  ) {
    this.slackAt = new Float64Array(W);
    this.uAt = new Float64Array(W);
    this.roundAt = new Int32Array(W);
    this.nearCount = new Uint8Array(W);
    this.nearPost = new Int32Array(W * K);
    this.nearScore = new Float64Array(W * K);
    this.only = new Uint8Array(W);
    this.known = new Uint8Array(W);
  }
  /** Forgets everything: the next round walks every labourer. */
  reset(): void {
    this.known.fill(0);
    this.views.byKey.clear();
    this.views.tiers = new Float64Array(0);
    this.history.length = 0;
    this.lastFall.fill(-1);
    this.previous = undefined;
  }
}

/**
 * How far a post's dual can have fallen since each earlier round, as far as the labourers walked
 * then are concerned: entry r bounds, over every post, the fall of its weight part since round r —
 * or, for a post looked at anew over every labourer in a later round k (its dual fell far then),
 * since round k. A post whose tier part is not what it was rose lexicographically (a fall would
 * have had it looked at anew) and counts 0: no pair of it can violate that did not then.
 */
function fallsSince(st: PricingState, duals: PlanDuals, P: number, keep: number): Float64Array {
  const { history, lastFall } = st;
  const R = history.length;
  const first = Math.max(0, R - keep);
  const T = duals.T;
  const out = new Float64Array(R);
  // The largest fall since round k of the posts last looked at anew in round k.
  const sinceLast = new Float64Array(R);
  const now = duals.postDual;
  const nowTier = duals.postTierDual;
  for (let p = 0; p < P; p++) {
    const k = lastFall[p]!;
    if (k >= R) continue;
    for (let r = Math.max(k, first); r < R; r++) {
      const then = history[r]!;
      let same = true;
      for (let c = 0; c < T && same; c++) same = then.tier[p * T + c] === nowTier[p * T + c];
      const f = same ? then.weight[p]! - now[p]! : 0;
      if (r === k) sinceLast[k] = Math.max(sinceLast[k]!, f);
      else out[r] = Math.max(out[r]!, f);
    }
  }
  // A labourer walked before round k meets round k's posts as they were then (looked at anew).
  for (let r = R - 1, carry = 0; r >= first; r--) {
    carry = Math.max(carry, sinceLast[r]!);
    out[r] = Math.max(out[r]!, carry);
  }
  return out;
}

/**
 * Rounds of post duals kept (a plan with groups may solve many related sub-problems, each a few
 * rounds): beyond, a labourer last walked earlier is walked again rather than bounded.
 */
export const HISTORY = 24;

/** Do two lists of numbered tiers agree? */
function sameTiers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/** An optimal plan of a compiled index, with its duals. */
export interface OptimalCore extends CorePlacement {
  /** Duals that hold on every eligible pair (see `src/internal/pricing.ts`). */
  readonly duals: PlanDuals;
  /** Solver runs, and the pairs in the last core. */
  readonly rounds: number;
  readonly coreEdges: number;
  /** The last core's pairs (a good start for a related plan). */
  readonly core: PairLists;
}

/** Absolute tolerance of pricing: far above the solver's rounding, far below any score gap that matters. */
export const PRICING_TOLERANCE = 1e-9;

/**
 * How far below its dual a labourer's pairs are looked at when priced (scores lie in [0, 1]): its
 * slack, up to this, tells whether the next duals could let one of its pairs through.
 */
export const PRICING_WINDOW = 0.05;
/** A post whose dual fell by more than this in a round is priced anew over every labourer (a view of such posts alone). */
export const BIG_FALL = 0.01;

/**
 * The exact optimal plan of a compiled index (forced members placed first, then priority
 * households, then the total score), by solving on a core and pricing out the rest until the duals
 * hold on every eligible pair (a forced member's pairs are all in the core from the start).
 *
 * Complexity: per round, one exact solve on the core and one pricing walk per labourer; the rounds
 * stop when no pair outside the core beats the duals.
 */
export function planOptimal(index: CompiledIndex, options: OptimalCoreOptions): OptimalCore {
  const W = index.labourerCount;
  const { minScore, skip, forced } = options;
  const bigFall = options.bigFall ?? BIG_FALL;
  const window = options.window ?? PRICING_WINDOW;
  const keep = Math.max(1, options.history ?? HISTORY);
  const pricer = options.pricer ?? localPricer;
  const shape: Shape = options;
  const seedSkip = skip === undefined && forced === undefined ? undefined : new Uint8Array(W);
  if (seedSkip !== undefined) {
    if (skip !== undefined) seedSkip.set(skip);
    if (forced !== undefined) for (const w of forced.keys()) seedSkip[w] = 1;
  }
  let core = options.seed > 0 ? topLists(index, options.seed, minScore, seedSkip) : undefined;
  if (options.start !== undefined)
    core = core === undefined ? options.start : mergeLists(index, core, options.start);
  core ??= { offsets: new Int32Array(W + 1), posts: new Int32Array(0), scores: new Float64Array(0) };
  const built = coreGraph(index, core, shape);
  const g = built.g;
  // The solver keeps its basis from round to round: the pairs pricing adds join it as new edges.
  const ns = createNetworkSimplex(g);
  let edgeScore = built.edgeScore;
  let edgeBonus = built.edgeBonus;
  const leftOf = new Int32Array(W).fill(-1);
  const { labourerByRank } = idOrderOf(index);
  for (let i = 0, l = 0; i < W; i++) if (skip?.[labourerByRank[i]!] !== 1) leftOf[labourerByRank[i]!] = l++;
  const rank = index.postIdRank;
  if (options.warm !== undefined) ns.startFrom(warmEdges(g, leftOf, labourerByRank, rank, options.warm));
  // Partial pricing. When a labourer is priced by the walk, its pairs nearest to violating (the
  // best few within a window below its dual) are kept, with the slack every other pair of it has at
  // least, its dual u, and the running sum D of the rounds' largest falls of a post's dual. In a
  // later round, while no tier part moved, another pair of it can violate only if
  // D − D_then + (u_then − u) ≥ that slack; otherwise checking the kept pairs against the new duals
  // is enough, and it is not walked. The rounds end when nothing violates, so the duals then hold on
  // every eligible pair.
  const T = g.tiers.length;
  const K = options.perLabourer;
  // What pricing kept, from the rounds before and from an earlier plan of the same index (a
  // sub-problem after groups were placed), when its tiers are the same.
  const st = options.pricing ?? new PricingState(W, K);
  if (st.K !== K || st.slackAt.length !== W)
    throw new RangeError('planOptimal: pricing state of another size');
  if (st.previous !== undefined && (st.previous.T !== T || !sameTiers(st.previous.tiers, g.tiers)))
    st.reset();
  const { slackAt, uAt, roundAt, nearCount, nearPost, nearScore, only, views, known } = st;
  if (st.lastFall.length !== index.postCount) st.lastFall = new Int32Array(index.postCount).fill(-1);
  // A labourer left out of this plan is neither walked nor looked at over the posts priced anew in
  // its rounds, so what was kept of it stops bounding its pairs: it is walked afresh when a later
  // plan takes it in.
  if (seedSkip !== undefined) for (let w = 0; w < W; w++) if (seedSkip[w] === 1) known[w] = 0;
  for (let round = 0; ; round++) {
    options.onRound?.(round, ns.edgeCount);
    const { matchEdge, duals: typed } = ns.solve();
    const duals = dualsOf(index, shape, g, typed);
    const previous = st.previous;
    const all = previous === undefined;
    // This round's index in the history (its duals join it once priced).
    const now = st.history.length;
    // Posts whose tier part fell (lexicographically), or whose weight part fell by more than
    // BIG_FALL: their pairs are looked at anew (below). A post whose tier part rose has no pair
    // that violates now and did not before.
    let decreased: Uint8Array | undefined;
    if (previous !== undefined) {
      for (let p = 0; p < index.postCount; p++) {
        let d = 0;
        for (let k = 0; k < T && d === 0; k++)
          d = previous.postTierDual[p * T + k]! - duals.postTierDual[p * T + k]!;
        const f = previous.postDual[p]! - duals.postDual[p]!;
        if (d > 0 || (d === 0 && f > bigFall)) {
          (decreased ??= new Uint8Array(index.postCount))[p] = 1;
          st.lastFall[p] = now;
        }
      }
    }
    // The other posts' falls since each round a labourer may have been walked in.
    const fallen = fallsSince(st, duals, index.postCount, keep);
    // Labourers to walk; the others' kept pairs are checked here.
    const checked: { w: number; p: number; s: number }[] = [];
    for (let w = 0; w < W; w++) {
      if (seedSkip?.[w] === 1 || index.labourerExcluded[w] === 1) continue;
      let walkIt = all || known[w] === 0;
      if (!walkIt) {
        for (let k = 0; k < T; k++)
          if (previous!.labourerTierDual[w * T + k] !== duals.labourerTierDual[w * T + k]) walkIt = true;
        walkIt ||=
          roundAt[w]! < now - keep ||
          fallen[roundAt[w]!]! + Math.max(0, uAt[w]! - duals.labourerDual[w]!) >= slackAt[w]! - 1e-12;
      }
      only[w] = walkIt ? 1 : 0;
    }
    if (decreased !== undefined) {
      // The others are walked over those posts alone first; one that comes within twice the
      // window of violating there is walked in full below. (Then those pairs have slack at least
      // the kept one plus any rise of u since it was kept, which is all the test above needs; a
      // labourer whose u rose more than the window is walked in full anyway.)
      const rest = new Uint8Array(W);
      for (let w = 0; w < W; w++) {
        if (only[w] === 0 && duals.labourerDual[w]! - uAt[w]! > window) only[w] = 1;
        rest[w] = only[w] === 1 ? 0 : 1;
      }
      // One set of views for the round's shards (each county's buckets built once, not per shard).
      const fallenViews = new PricingViews();
      const parts = pricer.price(index, duals, {
        minScore,
        perLabourer: 1,
        tolerance: PRICING_TOLERANCE,
        skip: seedSkip,
        only: rest,
        window: 2 * window,
        posts: decreased,
        views: fallenViews,
      });
      const bounds = pricingShards(W);
      parts.forEach((part, k) => {
        const from = bounds[k]!;
        for (let i = 0; i < bounds[k + 1]! - from; i++)
          if (
            part.near!.offsets[i + 1]! > part.near!.offsets[i]! ||
            part.slack![i] === Number.NEGATIVE_INFINITY
          )
            only[from + i] = 1;
      });
    }
    for (let w = 0; w < W; w++) {
      if (only[w] === 1 || seedSkip?.[w] === 1 || index.labourerExcluded[w] === 1) continue;
      const u = duals.labourerDual[w]!;
      for (let j = 0; j < nearCount[w]!; j++) {
        const p = nearPost[w * K + j]!;
        const sc = nearScore[w * K + j]!;
        if (sc - duals.postDual[p]! - u > PRICING_TOLERANCE) checked.push({ w, p, s: sc });
      }
    }
    st.history.push({ tier: duals.postTierDual, weight: duals.postDual });
    // A round too far back is no longer looked at (its labourers are walked again).
    const old = st.history[now - keep];
    if (old !== undefined) {
      old.tier = new Float64Array(0);
      old.weight = new Float64Array(0);
    }
    st.previous = duals;
    const walked = priceShards(
      index,
      pricer,
      duals,
      minScore,
      K,
      seedSkip,
      only,
      views,
      window,
      options.onPricing,
    );
    for (let w = 0; w < W; w++) {
      if (Number.isNaN(walked.slack[w]!)) continue;
      slackAt[w] = walked.slack[w]!;
      known[w] = 1;
      uAt[w] = duals.labourerDual[w]!;
      roundAt[w] = now;
      const a = walked.near.offsets[w]!;
      nearCount[w] = walked.near.offsets[w + 1]! - a;
      for (let j = 0; j < nearCount[w]!; j++) {
        nearPost[w * K + j] = walked.near.posts[a + j]!;
        nearScore[w * K + j] = walked.near.scores[a + j]!;
      }
    }
    const violations = withChecked(walked, checked);
    // The new edges: the merged lists' pairs not in the core (a pair already there is not added
    // again; a duplicate could only come of rounding), read off both lists, each labourer's by post
    // id rank, labourers by id. So they join the network simplex in node order, not in the order
    // pricing found them (its shards are ranges of the input's labourers): its arcs, and so which of
    // equal optima its pivots end at, must not depend on the order of the input arrays.
    const merged = mergePairs(index, core, violations);
    const left: number[] = [];
    const right: number[] = [];
    const weight: number[] = [];
    for (let i = 0; i < W; i++) {
      const w = labourerByRank[i]!;
      let k = core.offsets[w]!;
      for (let j = merged.offsets[w]!; j < merged.offsets[w + 1]!; j++) {
        const p = merged.posts[j]!;
        if (k < core.offsets[w + 1]! && core.posts[k] === p) {
          k++;
          continue;
        }
        left.push(leftOf[w]!);
        right.push(rank[p]!);
        weight.push(merged.scores[j]!);
      }
    }
    if (left.length === 0) {
      return {
        ...placementOf(index, shape, matchEdge, ns.edgeRight(), edgeScore, edgeBonus),
        duals,
        rounds: round + 1,
        coreEdges: ns.edgeCount,
        core,
      };
    }
    core = merged;
    ns.addEdges(Int32Array.from(left), Int32Array.from(right), Float64Array.from(weight));
    const grown = new Float64Array(ns.edgeCount);
    grown.set(edgeScore);
    grown.set(weight, edgeScore.length);
    edgeScore = grown;
    const bonus = new Float64Array(ns.edgeCount);
    bonus.set(edgeBonus);
    edgeBonus = bonus;
  }
}

/**
 * The edges of a core graph that carry a placement (each labourer's post, −1 for none), as
 * the network simplex's `startFrom` takes them: a pair that is not an edge, or a post already full
 * (labourers taken by id, so that the start does not depend on the order of the input arrays), is
 * left out, so the start is always feasible.
 */
function warmEdges(
  g: CompiledGraph,
  leftOf: Int32Array,
  byId: Int32Array,
  rank: Int32Array,
  warm: Int32Array,
): Int32Array {
  const start = new Int32Array(g.leftIds.length).fill(-1);
  const load = new Int32Array(g.rightIds.length);
  for (let i = 0; i < byId.length; i++) {
    const w = byId[i]!;
    const l = leftOf[w]!;
    const p = warm[w]!;
    if (l < 0 || p < 0) continue;
    const r = rank[p]!;
    if (load[r]! >= g.capacity[r]!) continue;
    for (let e = g.leftStart[l]!; e < g.leftStart[l + 1]!; e++) {
      if (g.edgeRight[e] !== r) continue;
      start[l] = e;
      load[r]! += 1;
      break;
    }
  }
  return start;
}

/** Pricing over the labourers (those of `only`, when given), shard by shard, with their slack. */
function priceShards(
  index: CompiledIndex,
  pricer: ShardPricer,
  duals: PlanDuals,
  minScore: number,
  perLabourer: number,
  skip: Uint8Array | undefined,
  only: Uint8Array | undefined,
  views: PricingViews,
  window: number,
  onPricing: ((done: number, total: number) => void) | undefined,
): Violations & {
  readonly slack: Float64Array;
  readonly near: { readonly offsets: Int32Array; readonly posts: Int32Array; readonly scores: Float64Array };
} {
  const W = index.labourerCount;
  const slack = new Float64Array(W).fill(Number.NaN);
  const nearOffsets = new Int32Array(W + 1);
  const bounds = pricingShards(W);
  const parts = pricer.price(
    index,
    duals,
    { minScore, perLabourer, tolerance: PRICING_TOLERANCE, skip, only, window, views },
    onPricing,
  );
  parts.forEach((part, k) => {
    const from = bounds[k]!;
    slack.set(part.slack!, from);
    for (let i = 0; i < bounds[k + 1]! - from; i++)
      nearOffsets[from + i + 1] =
        nearOffsets[from + i]! + part.near!.offsets[i + 1]! - part.near!.offsets[i]!;
  });
  let n = 0;
  let m = 0;
  for (const v of parts) {
    n += v.labourers.length;
    m += v.posts.length;
  }
  const labourers = new Int32Array(n);
  const offsets = new Int32Array(n + 1);
  const posts = new Int32Array(m);
  const scores = new Float64Array(m);
  let i = 0;
  let k = 0;
  for (const v of parts) {
    for (let j = 0; j < v.labourers.length; j++) {
      labourers[i] = v.labourers[j]!;
      offsets[i + 1] = offsets[i]! + v.offsets[j + 1]! - v.offsets[j]!;
      i++;
    }
    posts.set(v.posts, k);
    scores.set(v.scores, k);
    k += v.posts.length;
  }
  const nearPosts = new Int32Array(nearOffsets[W]!);
  const nearScores = new Float64Array(nearPosts.length);
  parts.forEach((part, k) => {
    nearPosts.set(part.near!.posts, nearOffsets[bounds[k]!]!);
    nearScores.set(part.near!.scores, nearOffsets[bounds[k]!]!);
  });
  return {
    labourers,
    offsets,
    posts,
    scores,
    slack,
    near: { offsets: nearOffsets, posts: nearPosts, scores: nearScores },
  };
}

/** Violations found by the walk and by checking kept pairs (labourers of the two sets are apart). */
function withChecked(
  walked: Violations,
  checked: readonly { w: number; p: number; s: number }[],
): Violations {
  if (checked.length === 0) return walked;
  const labourers = Array.from(walked.labourers);
  const offsets = Array.from(walked.offsets);
  const posts = Array.from(walked.posts);
  const scores = Array.from(walked.scores);
  for (let i = 0; i < checked.length; i++) {
    const { w, p, s } = checked[i]!;
    if (i === 0 || checked[i - 1]!.w !== w) {
      labourers.push(w);
      offsets.push(offsets[offsets.length - 1]!);
    }
    posts.push(p);
    scores.push(s);
    offsets[offsets.length - 1]! += 1;
  }
  return {
    labourers: Int32Array.from(labourers),
    offsets: Int32Array.from(offsets),
    posts: Int32Array.from(posts),
    scores: Float64Array.from(scores),
  };
}

/** The union of two sets of pairs (scores as weights). */
export function mergeLists(index: CompiledIndex, a: PairLists, b: PairLists): PairLists {
  const labourers: number[] = [];
  const offsets: number[] = [0];
  for (let w = 0; w < index.labourerCount; w++) {
    if (b.offsets[w + 1] === b.offsets[w]) continue;
    labourers.push(w);
    offsets.push(offsets[offsets.length - 1]! + b.offsets[w + 1]! - b.offsets[w]!);
  }
  const posts = new Int32Array(offsets[offsets.length - 1]!);
  const scores = new Float64Array(posts.length);
  let k = 0;
  for (const w of labourers) {
    for (let j = b.offsets[w]!; j < b.offsets[w + 1]!; j++) {
      posts[k] = b.posts[j]!;
      scores[k++] = b.scores[j]!;
    }
  }
  return mergePairs(index, a, {
    labourers: Int32Array.from(labourers),
    offsets: Int32Array.from(offsets),
    posts,
    scores,
  });
}
