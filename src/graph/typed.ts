/**
 * Bipartite graphs held in typed arrays, for services that build large graphs without an object per
 * edge: validated at the boundary like the object form, then compiled to the solvers' canonical
 * order (nodes by id, edges by left then right) without ever making edge objects.
 *
 * @module
 */
import { BangfuValidationError, type ValidationIssue } from '../errors.js';
import { INDEX_MAX, WEIGHT_BUDGET } from '../internal/limits.js';
import { compareIds } from '../compare.js';
import type { CompiledGraph } from './internal/compile.js';
import type { BipartiteGraph } from './types.js';

/**
 * A bipartite graph in typed arrays: left node `i` is `leftIds[i]` with tier `leftTier[i]` (a
 * non-negative integer, or −1 for a `null` tier: counts only through its weights); right node `r`
 * is `rightIds[r]` with `capacity[r]` openings; left `i`'s edges are positions `edgeStart[i] …
 * edgeStart[i+1] − 1` of `edgeRight` (right positions) and `edgeWeight`. Nodes and edges may come in
 * any order; the result is the same.
 */
export interface TypedBipartiteGraph {
  readonly leftIds: readonly string[];
  readonly leftTier: Int32Array;
  readonly rightIds: readonly string[];
  readonly capacity: Int32Array;
  readonly edgeStart: Int32Array;
  readonly edgeRight: Int32Array;
  readonly edgeWeight: Float64Array;
}

/** Either form of a graph the solvers take. */
export type AnyBipartiteGraph = BipartiteGraph | TypedBipartiteGraph;

/**
 * Whether a graph is in the typed form.
 *
 * @param graph - A graph of either form.
 * @returns True for a {@link TypedBipartiteGraph}.
 * @example
 * isTypedGraph({ left: [], right: [], edges: [] }) //=> false
 */
export function isTypedGraph(graph: AnyBipartiteGraph): graph is TypedBipartiteGraph {
  return 'edgeStart' in graph;
}

/**
 * Every problem that makes a typed graph unusable, with its path: arrays of the wrong kind or
 * length, ids that are not strings or repeat, tiers other than −1 or a non-negative integer,
 * capacities outside [0, 2^31 − 1], `edgeStart` not running from 0 to the edge count without going
 * back, right positions out of range, a (left, right) pair repeated, weights that are not finite,
 * and weights too large together (the same bound as {@link graphIssues}).
 *
 * @param graph - The graph to check.
 * @returns The issues, each with its path (`edgeRight[17]`); empty when valid.
 * @example
 * typedGraphIssues({ leftIds: ['a'], leftTier: Int32Array.of(-2), rightIds: [], capacity: new Int32Array(0), edgeStart: Int32Array.of(0, 0), edgeRight: new Int32Array(0), edgeWeight: new Float64Array(0) })[0].path
 * //=> 'leftTier[0]'
 *
 * Complexity: O(L + R + E).
 */
export function typedGraphIssues(graph: TypedBipartiteGraph): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (path: string, code: string, message: string, value?: unknown): void =>
    void issues.push({ path, code, message, ...(value === undefined ? {} : { value }) });
  const { leftIds, leftTier, rightIds, capacity, edgeStart, edgeRight, edgeWeight } = graph;
  const kinds: [string, unknown, Int32ArrayConstructor | Float64ArrayConstructor][] = [
    ['leftTier', leftTier, Int32Array],
    ['capacity', capacity, Int32Array],
    ['edgeStart', edgeStart, Int32Array],
    ['edgeRight', edgeRight, Int32Array],
    ['edgeWeight', edgeWeight, Float64Array],
  ];
  for (const [path, value, kind] of kinds)
    if (!(value instanceof kind)) add(path, 'invalid-type', `expected an ${kind.name}`);
  if (!Array.isArray(leftIds)) add('leftIds', 'invalid-type', 'expected an array of strings');
  if (!Array.isArray(rightIds)) add('rightIds', 'invalid-type', 'expected an array of strings');
  if (issues.length > 0) return issues;
  const L = leftIds.length;
  const R = rightIds.length;
  if (leftTier.length !== L)
    add('leftTier', 'invalid-length', `expected ${L} tiers, one per left node`, leftTier.length);
  if (capacity.length !== R)
    add('capacity', 'invalid-length', `expected ${R} capacities, one per right node`, capacity.length);
  if (edgeStart.length !== L + 1)
    add('edgeStart', 'invalid-length', `expected ${L + 1} offsets (left nodes + 1)`, edgeStart.length);
  if (edgeRight.length !== edgeWeight.length)
    add(
      'edgeWeight',
      'invalid-length',
      `expected ${edgeRight.length} weights, one per edge`,
      edgeWeight.length,
    );
  if (issues.length > 0) return issues;
  const ids = (list: readonly string[], side: string): void => {
    const seen = new Set<string>();
    list.forEach((id, i) => {
      if (typeof id !== 'string') add(`${side}[${i}]`, 'invalid-id', 'expected a string', id);
      else if (seen.has(id)) add(`${side}[${i}]`, 'duplicate-id', `id '${id}' appears more than once`, id);
      else seen.add(id);
    });
  };
  ids(leftIds, 'leftIds');
  ids(rightIds, 'rightIds');
  for (let i = 0; i < L; i++)
    if (leftTier[i]! < -1)
      add(`leftTier[${i}]`, 'invalid-tier', 'expected −1 (no tier) or a non-negative integer', leftTier[i]);
  for (let r = 0; r < R; r++)
    if (capacity[r]! < 0 || capacity[r]! > INDEX_MAX)
      add(`capacity[${r}]`, 'invalid-capacity', 'expected a non-negative integer', capacity[r]);
  const E = edgeRight.length;
  if (edgeStart[0] !== 0 || edgeStart[L] !== E) {
    add('edgeStart', 'invalid-offsets', `expected offsets from 0 to the edge count ${E}`);
    return issues;
  }
  for (let i = 0; i < L; i++)
    if (edgeStart[i + 1]! < edgeStart[i]!)
      add(`edgeStart[${i + 1}]`, 'invalid-offsets', 'expected offsets that never go back', edgeStart[i + 1]);
  if (issues.length > 0) return issues;
  const stamp = new Int32Array(R).fill(-1);
  let sumAbs = 0;
  for (let i = 0; i < L; i++) {
    for (let k = edgeStart[i]!; k < edgeStart[i + 1]!; k++) {
      const r = edgeRight[k]!;
      if (r < 0 || r >= R) {
        add(`edgeRight[${k}]`, 'unknown-node', `expected a right position below ${R}`, r);
        continue;
      }
      if (stamp[r] === i)
        add(
          `edgeRight[${k}]`,
          'duplicate-edge',
          `edge '${leftIds[i]}' → '${rightIds[r]}' appears more than once`,
        );
      stamp[r] = i;
      const w = edgeWeight[k]!;
      if (!Number.isFinite(w)) add(`edgeWeight[${k}]`, 'not-finite', 'expected a finite number', w);
      else sumAbs += Math.abs(w);
    }
  }
  const nodes = L + R + 2;
  if (!(sumAbs * nodes <= WEIGHT_BUDGET))
    add(
      'edgeWeight',
      'weights-overflow',
      `expected Σ|weight| · (left + right + 2) ≤ ${WEIGHT_BUDGET.toPrecision(4)} (Number.MAX_VALUE / 4), so that the solver's potentials and the verifier's sums stay finite`,
      sumAbs,
    );
  return issues;
}

/**
 * Refuses a malformed typed graph, all problems at once (see {@link typedGraphIssues}).
 *
 * @param graph - The graph.
 * @throws BangfuValidationError with every issue and its path.
 */
export function validateTypedGraph(graph: TypedBipartiteGraph): void {
  const issues = typedGraphIssues(graph);
  if (issues.length > 0) throw new BangfuValidationError(issues, 'graph');
}

/**
 * Compiles a valid typed graph to the solvers' canonical form: nodes sorted by id (code units), each
 * left's edges by right. No edge object is made.
 *
 * Complexity: O((L + R) log(L + R) + E log d) for d the largest degree.
 *
 * @internal
 */
export function compileTypedGraph(graph: TypedBipartiteGraph): CompiledGraph {
  const { leftIds, leftTier, rightIds, capacity, edgeStart, edgeRight, edgeWeight } = graph;
  const L = leftIds.length;
  const R = rightIds.length;
  const leftOrder = Array.from({ length: L }, (_, i) => i).sort((a, b) =>
    compareIds(leftIds[a]!, leftIds[b]!),
  );
  const rightOrder = Array.from({ length: R }, (_, r) => r).sort((a, b) =>
    compareIds(rightIds[a]!, rightIds[b]!),
  );
  const rightPos = new Int32Array(R);
  rightOrder.forEach((r, k) => (rightPos[r] = k));
  const tiers = [...new Set(Array.from(leftTier).filter((t) => t >= 0))].sort((a, b) => a - b);
  const tierPos = new Map(tiers.map((t, k) => [t, k]));
  const E = edgeRight.length;
  const leftStart = new Int32Array(L + 1);
  const edgeLeft = new Int32Array(E);
  const outRight = new Int32Array(E);
  const outWeight = new Float64Array(E);
  const leftTierIndex = new Int32Array(L);
  const leftRank = new Int32Array(L);
  const order: number[] = [];
  let e = 0;
  leftOrder.forEach((i, l) => {
    const t = leftTier[i]!;
    leftTierIndex[l] = t < 0 ? -1 : tierPos.get(t)!;
    leftRank[l] = t < 0 ? tiers.length : tierPos.get(t)!;
    order.length = 0;
    for (let k = edgeStart[i]!; k < edgeStart[i + 1]!; k++) order.push(k);
    order.sort((a, b) => rightPos[edgeRight[a]!]! - rightPos[edgeRight[b]!]!);
    for (const k of order) {
      edgeLeft[e] = l;
      outRight[e] = rightPos[edgeRight[k]!]!;
      outWeight[e] = edgeWeight[k]!;
      e++;
    }
    leftStart[l + 1] = e;
  });
  const rightStart = new Int32Array(R + 1);
  for (let k = 0; k < E; k++) rightStart[outRight[k]! + 1]! += 1;
  for (let r = 0; r < R; r++) rightStart[r + 1]! += rightStart[r]!;
  const fill = rightStart.slice(0, R);
  const rightEdges = new Int32Array(E);
  for (let k = 0; k < E; k++) rightEdges[fill[outRight[k]!]!++] = k;
  return {
    leftIds: leftOrder.map((i) => leftIds[i]!),
    leftTierIndex,
    leftRank,
    tiers,
    rightIds: rightOrder.map((r) => rightIds[r]!),
    capacity: Int32Array.from(rightOrder, (r) => capacity[r]!),
    edgeLeft,
    edgeRight: outRight,
    edgeWeight: outWeight,
    leftStart,
    rightStart,
    rightEdges,
  };
}

/**
 * The object form of a typed graph (an object per edge: for checking with `verifyAssignment`).
 *
 * @param graph - A typed graph.
 * @returns The same graph as a {@link BipartiteGraph}.
 * @example
 * toObjectGraph(typed).edges.length === typed.edgeRight.length //=> true
 *
 * Complexity: O(L + R + E).
 */
export function toObjectGraph(graph: TypedBipartiteGraph): BipartiteGraph {
  const { leftIds, leftTier, rightIds, capacity, edgeStart, edgeRight, edgeWeight } = graph;
  const edges = [];
  for (let i = 0; i < leftIds.length; i++)
    for (let k = edgeStart[i]!; k < edgeStart[i + 1]!; k++)
      edges.push({ left: leftIds[i]!, right: rightIds[edgeRight[k]!]!, weight: edgeWeight[k]! });
  return {
    left: leftIds.map((id, i) => ({ id, tier: leftTier[i]! < 0 ? null : leftTier[i]! })),
    right: rightIds.map((id, r) => ({ id, capacity: capacity[r]! })),
    edges,
  };
}
