/**
 * The compiled, canonical form of a bipartite graph that every solver runs on: nodes sorted by id,
 * edges in compressed rows by left and by right, everything in typed arrays. Because the order comes
 * from the ids and not from the input, every solver gives the same result whatever the input order.
 *
 * @module
 */
import type {
  AssignedPair,
  Assignment,
  AssignmentMode,
  BipartiteGraph,
  LeftNode,
  OptimalCertificate,
  StableCertificate,
} from '../types.js';
import { compareIds } from '../../compare.js';

/** A validated graph in canonical order. */
export interface CompiledGraph {
  readonly leftIds: readonly string[];
  /** Position of each left node's tier in `tiers`, or −1 for a `null` tier (no placement count). */
  readonly leftTierIndex: Int32Array;
  /** Priority rank of each left node: its tier's position in `tiers`, `tiers.length` for a `null` tier. */
  readonly leftRank: Int32Array;
  /** Distinct numbered tiers, ascending (`null` left out). */
  readonly tiers: readonly number[];
  readonly rightIds: readonly string[];
  readonly capacity: Int32Array;
  /** Edges sorted by (left, right) index. */
  readonly edgeLeft: Int32Array;
  readonly edgeRight: Int32Array;
  readonly edgeWeight: Float64Array;
  /** Edges of left `l` are `leftStart[l] … leftStart[l + 1] − 1`. */
  readonly leftStart: Int32Array;
  /** Edge indices of right `r` are `rightEdges[rightStart[r] … rightStart[r + 1] − 1]`, by left index. */
  readonly rightStart: Int32Array;
  readonly rightEdges: Int32Array;
}

/**
 * Compiles a graph that has passed `validateGraph`.
 *
 * Complexity: O((L + R) log(L + R) + E log d) time for rows of at most d edges (O(E) when they are
 * short or already in right order), O(L + R + E) space.
 */
export function compileGraph(graph: BipartiteGraph): CompiledGraph {
  const left = [...graph.left].sort((a, b) => compareIds(a.id, b.id));
  const right = [...graph.right].sort((a, b) => compareIds(a.id, b.id));
  const nL = left.length;
  const nR = right.length;
  const leftIndex = new Map<string, number>();
  left.forEach((node, i) => leftIndex.set(node.id, i));
  const rightIndex = new Map<string, number>();
  right.forEach((node, i) => rightIndex.set(node.id, i));

  const tierOf = (node: LeftNode): number | null => (node.tier === undefined ? 0 : node.tier);
  const tiers = [...new Set(left.map(tierOf))].filter((t): t is number => t !== null).sort((a, b) => a - b);
  const tierPos = new Map(tiers.map((t, i) => [t, i]));
  const leftTierIndex = new Int32Array(nL);
  const leftRank = new Int32Array(nL);
  left.forEach((node, i) => {
    const t = tierOf(node);
    leftTierIndex[i] = t === null ? -1 : tierPos.get(t)!;
    leftRank[i] = t === null ? tiers.length : tierPos.get(t)!;
  });

  const capacity = new Int32Array(nR);
  for (let i = 0; i < nR; i++) capacity[i] = right[i]!.capacity;

  // Ids resolved once, in input order; consecutive edges of one left (the usual layout) share one
  // lookup.
  const m = graph.edges.length;
  const el = new Int32Array(m);
  const er = new Int32Array(m);
  const leftStart = new Int32Array(nL + 1);
  const rightStart = new Int32Array(nR + 1);
  let lastLeft: string | undefined;
  let l = -1;
  for (let i = 0; i < m; i++) {
    const e = graph.edges[i]!;
    if (e.left !== lastLeft) {
      lastLeft = e.left;
      l = leftIndex.get(e.left)!;
    }
    const r = rightIndex.get(e.right)!;
    el[i] = l;
    er[i] = r;
    leftStart[l + 1]!++;
    rightStart[r + 1]!++;
  }
  for (let i = 0; i < nL; i++) leftStart[i + 1]! += leftStart[i]!;
  for (let i = 0; i < nR; i++) rightStart[i + 1]! += rightStart[i]!;
  // Sorted by (left, right) in O(E) for rows of a few dozen edges: a counting sort by left keeps
  // the input order within a row, which is then put in right order (most rows are short, and a row
  // already in order costs one pass).
  const edgeLeft = new Int32Array(m);
  const edgeRight = new Int32Array(m);
  const edgeWeight = new Float64Array(m);
  const leftFill = leftStart.slice(0, nL);
  for (let i = 0; i < m; i++) {
    const at = leftFill[el[i]!]!++;
    edgeLeft[at] = el[i]!;
    edgeRight[at] = er[i]!;
    edgeWeight[at] = graph.edges[i]!.weight;
  }
  for (let row = 0; row < nL; row++) sortRow(edgeRight, edgeWeight, leftStart[row]!, leftStart[row + 1]!);
  // Edges are already sorted by left, so filling by right keeps each right's list in left order.
  const rightEdges = new Int32Array(m);
  const fill = rightStart.slice(0, nR);
  for (let e = 0; e < m; e++) rightEdges[fill[edgeRight[e]!]!++] = e;

  return {
    leftIds: left.map((n) => n.id),
    leftTierIndex,
    leftRank,
    tiers,
    rightIds: right.map((n) => n.id),
    capacity,
    edgeLeft,
    edgeRight,
    edgeWeight,
    leftStart,
    rightStart,
    rightEdges,
  };
}

/** Rows this long or shorter are put in order by insertion, longer ones by a sort of their positions. */
const SHORT_ROW = 64;

/**
 * Puts the edges `from … to − 1` of one left in order of their right (distinct within a row), their
 * weights with them.
 */
function sortRow(right: Int32Array, weight: Float64Array, from: number, to: number): void {
  if (to - from <= SHORT_ROW) {
    for (let a = from + 1; a < to; a++) {
      const r = right[a]!;
      if (right[a - 1]! <= r) continue;
      const w = weight[a]!;
      let b = a - 1;
      for (; b >= from && right[b]! > r; b--) {
        right[b + 1] = right[b]!;
        weight[b + 1] = weight[b]!;
      }
      right[b + 1] = r;
      weight[b + 1] = w;
    }
    return;
  }
  let sorted = true;
  for (let a = from + 1; a < to && sorted; a++) sorted = right[a - 1]! < right[a]!;
  if (sorted) return;
  const at = new Int32Array(to - from);
  for (let k = 0; k < at.length; k++) at[k] = from + k;
  at.sort((a, b) => right[a]! - right[b]!);
  const r = Int32Array.from(at, (k) => right[k]!);
  const w = Float64Array.from(at, (k) => weight[k]!);
  right.set(r, from);
  weight.set(w, from);
}

/**
 * Builds the public result from the edge chosen for each left node (−1 for none).
 *
 * Complexity: O(L + T) time.
 */
export function buildAssignment(
  g: CompiledGraph,
  mode: AssignmentMode,
  chosenEdge: Int32Array,
  certificate: OptimalCertificate | StableCertificate | undefined,
): Assignment {
  const pairs: AssignedPair[] = [];
  const unmatched: string[] = [];
  const placed = new Array<number>(g.tiers.length).fill(0);
  let total = 0;
  for (let l = 0; l < g.leftIds.length; l++) {
    const e = chosenEdge[l]!;
    if (e < 0) {
      unmatched.push(g.leftIds[l]!);
      continue;
    }
    const weight = g.edgeWeight[e]!;
    pairs.push({ left: g.leftIds[l]!, right: g.rightIds[g.edgeRight[e]!]!, weight });
    total += weight;
    const t = g.leftTierIndex[l]!;
    if (t >= 0) placed[t]!++;
  }
  const placedByTier: Record<number, number> = {};
  g.tiers.forEach((t, i) => (placedByTier[t] = placed[i]!));
  return { mode, pairs, unmatched, total, placedByTier, certificate };
}
