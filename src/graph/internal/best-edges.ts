/**
 * Each left node's best edges, kept in order of an upper bound on what they offer: shared by the
 * price rounds and the shortest-path searches of the optimal solver when values have two components
 * (the placement count of the one numbered tier, or an unused count part, then the weight).
 *
 * The key of an edge to right r is `(π_c(r), w + π_w(r))` for the right's potential π (its price
 * negated). Both stages only ever lower π(r), so a key stored when the list was picked bounds from
 * above what the edge offers now: a reader recomputes the few best entries, and needs the other
 * edges only when the largest of their stored keys could still beat what the entries give. A left
 * with at most TOP edges keeps no list: reading its few edges directly costs less than the list's
 * extra memory traffic.
 *
 * @module
 */
import type { CompiledGraph } from './compile.js';

/** How many of its best edges each left keeps in order. */
export const TOP = 8;

/** The lists of every left, in typed arrays. */
export interface BestEdges {
  /**
   * Per entry (TOP per left, best first): key count part, key weight part, weight, right. Empty until
   * the first list is picked: when there are openings to spare few lefts ever need one.
   */
  top: Float64Array;
  /** The edge of each entry (empty until the first list is picked). */
  edge: Int32Array;
  /** Entries of each left: min(TOP, its degree). */
  readonly count: Uint8Array;
  /** Largest stored key among a left's other edges (−∞ when it has none). */
  readonly restC: Float64Array;
  readonly restW: Float64Array;
  /** 0: never picked; 1: picked; 2: picked, but found stale (to be picked again when next read). */
  readonly state: Uint8Array;
}

/** Empty lists for `nL` left nodes. O(L) time and space, O(L·TOP) more at the first pick. */
export function createBestEdges(nL: number): BestEdges {
  return {
    top: new Float64Array(0),
    edge: new Int32Array(0),
    count: new Uint8Array(nL),
    restC: new Float64Array(nL),
    restW: new Float64Array(nL),
    state: new Uint8Array(nL),
  };
}

/**
 * Picks the best edges of left u at the current potentials: right r's two components are
 * `pot[2·(rightBase + r)]` and the one after. Ties keep edge order, so the lists do not depend on
 * anything but the compiled graph and the potentials.
 *
 * Complexity: O(d·TOP) worst case for degree d, O(d) when few edges displace an entry.
 */
export function pickBestEdges(
  b: BestEdges,
  g: CompiledGraph,
  pot: Float64Array,
  rightBase: number,
  u: number,
): void {
  if (b.top.length === 0) {
    b.top = new Float64Array(b.state.length * TOP * 4);
    b.edge = new Int32Array(b.state.length * TOP);
  }
  const { top, edge } = b;
  const { edgeRight, edgeWeight, leftStart } = g;
  b.state[u] = 1;
  const base = u * TOP;
  let n = 0;
  let rc0 = Number.NEGATIVE_INFINITY;
  let rw0 = Number.NEGATIVE_INFINITY;
  for (let e = leftStart[u]!, end = leftStart[u + 1]!; e < end; e++) {
    const r = edgeRight[e]!;
    const w = edgeWeight[e]!;
    const c = pot[2 * (rightBase + r)]!;
    const kw = w + pot[2 * (rightBase + r) + 1]!;
    // Below the TOP best so far: it only moves the largest key of the rest.
    if (n === TOP) {
      const j = 4 * (base + TOP - 1);
      if (c < top[j]! || (c === top[j] && kw <= top[j + 1]!)) {
        if (c > rc0 || (c === rc0 && kw > rw0)) {
          rc0 = c;
          rw0 = kw;
        }
        continue;
      }
      // The last of the top moves to the rest.
      if (top[j]! > rc0 || (top[j] === rc0 && top[j + 1]! > rw0)) {
        rc0 = top[j]!;
        rw0 = top[j + 1]!;
      }
      n--;
    }
    let i = n++;
    while (i > 0) {
      const j = 4 * (base + i - 1);
      if (!(top[j]! < c || (top[j] === c && top[j + 1]! < kw))) break;
      top[j + 4] = top[j]!;
      top[j + 5] = top[j + 1]!;
      top[j + 6] = top[j + 2]!;
      top[j + 7] = top[j + 3]!;
      edge[base + i] = edge[base + i - 1]!;
      i--;
    }
    const j = 4 * (base + i);
    top[j] = c;
    top[j + 1] = kw;
    top[j + 2] = w;
    top[j + 3] = r;
    edge[base + i] = e;
  }
  b.count[u] = n;
  b.restC[u] = rc0;
  b.restW[u] = rw0;
}
