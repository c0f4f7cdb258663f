/**
 * Refusal of malformed bipartite graphs at the boundary, every problem at once.
 *
 * @module
 */
import { BangfuValidationError, type SafeResult, type ValidationIssue } from '../errors.js';
import { INDEX_MAX, indexLimitMessage, WEIGHT_BUDGET } from '../internal/limits.js';
import type { BipartiteGraph } from './types.js';

/** A count the solvers' Int32Array index can hold: an integer in [0, INDEX_MAX]. */
const isIndexCount = (n: unknown): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= INDEX_MAX;

/**
 * Lists every problem that makes a graph unusable: non-string or duplicate node ids, capacities
 * that are not integers in [0, 2^31 − 1], tiers that are neither such integers nor `null`, weights
 * that are NaN or infinite, weights too large together for the solvers' sums, edges to unknown nodes
 * and repeated edges. An empty graph, or one without edges, is fine.
 *
 * The limits: a capacity or tier is at most 2147483647, the largest the solvers' `Int32Array`
 * index holds (a larger capacity wrapped or failed deep inside a solver). The finite weights must
 * satisfy `Σ|weight| · (left + right + 2) ≤ Number.MAX_VALUE / 4`: the solver's dual potentials and
 * the verifier's duality-gap sums are sums and differences of weights along paths and over every
 * node, so this keeps all of them finite with room to spare (edges of ±1.7e308 gave a total of
 * −Infinity and a certificate the verifier rejected). It is reported once, as `weights-overflow` at
 * `edges`.
 *
 * Codes: `invalid-id`, `duplicate-id`, `invalid-tier`, `invalid-capacity`, `not-finite`,
 * `weights-overflow`, `unknown-node`, `duplicate-edge`.
 *
 * @param graph - The graph to check.
 * @returns The issues, in input order (left, right, edges), each with its path; empty when valid.
 * @example
 * graphIssues({ left: [{ id: 'a' }], right: [{ id: 'x', capacity: -1 }], edges: [] })
 * //=> [{ path: 'right[0].capacity', code: 'invalid-capacity', message: "expected a non-negative integer at most 2147483647 (the largest the solver's index holds)", value: -1 }]
 * graphIssues({ left: [{ id: 'a' }], right: [{ id: 'x', capacity: 1 }], edges: [{ left: 'a', right: 'x', weight: 1.7e308 }] })[0].code
 * //=> 'weights-overflow'
 *
 * Complexity: O(L + R + E) expected time.
 */
export function graphIssues(graph: BipartiteGraph): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const leftIds = new Set<string>();
  const rightIds = new Set<string>();

  graph.left.forEach((node, i) => {
    if (typeof node.id !== 'string') {
      issues.push({
        path: `left[${i}].id`,
        code: 'invalid-id',
        message: 'expected a string',
        value: node.id,
      });
    } else if (leftIds.has(node.id)) {
      issues.push({
        path: `left[${i}].id`,
        code: 'duplicate-id',
        message: `left id '${node.id}' appears more than once`,
        value: node.id,
      });
    } else leftIds.add(node.id);
    if (node.tier !== undefined && node.tier !== null && !isIndexCount(node.tier)) {
      issues.push({
        path: `left[${i}].tier`,
        code: 'invalid-tier',
        message: `${indexLimitMessage('solver', 'a non-negative integer')}, or null`,
        value: node.tier,
      });
    }
  });

  graph.right.forEach((node, i) => {
    if (typeof node.id !== 'string') {
      issues.push({
        path: `right[${i}].id`,
        code: 'invalid-id',
        message: 'expected a string',
        value: node.id,
      });
    } else if (rightIds.has(node.id)) {
      issues.push({
        path: `right[${i}].id`,
        code: 'duplicate-id',
        message: `right id '${node.id}' appears more than once`,
        value: node.id,
      });
    } else rightIds.add(node.id);
    if (!isIndexCount(node.capacity)) {
      issues.push({
        path: `right[${i}].capacity`,
        code: 'invalid-capacity',
        message: indexLimitMessage('solver', 'a non-negative integer'),
        value: node.capacity,
      });
    }
  });

  // Resolve ids to indices once; a repeated (left, right) pair is found by a stable counting sort
  // on the indices, which keeps this linear at millions of edges.
  const leftIndex = new Map<string, number>();
  const rightIndex = new Map<string, number>();
  for (const node of graph.left)
    if (typeof node.id === 'string' && !leftIndex.has(node.id)) leftIndex.set(node.id, leftIndex.size);
  for (const node of graph.right)
    if (typeof node.id === 'string' && !rightIndex.has(node.id)) rightIndex.set(node.id, rightIndex.size);
  const m = graph.edges.length;
  const el = new Int32Array(m);
  const er = new Int32Array(m);
  // Consecutive edges of one left (the usual layout) share one lookup.
  let lastLeft: unknown;
  let l = -1;
  for (let i = 0; i < m; i++) {
    const edge = graph.edges[i]!;
    if (edge.left !== lastLeft) {
      lastLeft = edge.left;
      l = typeof edge.left === 'string' ? (leftIndex.get(edge.left) ?? -1) : -1;
    }
    el[i] = l;
    er[i] = typeof edge.right === 'string' ? (rightIndex.get(edge.right) ?? -1) : -1;
  }
  const duplicate = repeatedPairs(el, er, leftIndex.size, rightIndex.size);
  // Σ|w| over the finite weights (the others are reported one by one); it may itself overflow to
  // Infinity, which the bound below refuses like any other excess.
  let sumAbs = 0;
  for (let i = 0; i < m; i++) {
    const edge = graph.edges[i]!;
    if (typeof edge.weight !== 'number' || !Number.isFinite(edge.weight)) {
      issues.push({
        path: `edges[${i}].weight`,
        code: 'not-finite',
        message: 'expected a finite number',
        value: edge.weight,
      });
    } else sumAbs += Math.abs(edge.weight);
    if (el[i]! < 0) {
      issues.push({
        path: `edges[${i}].left`,
        code: 'unknown-node',
        message: 'expected the id of a left node',
        value: edge.left,
      });
    }
    if (er[i]! < 0) {
      issues.push({
        path: `edges[${i}].right`,
        code: 'unknown-node',
        message: 'expected the id of a right node',
        value: edge.right,
      });
    }
    if (duplicate[i] === 1) {
      issues.push({
        path: `edges[${i}]`,
        code: 'duplicate-edge',
        message: `edge '${edge.left}' → '${edge.right}' appears more than once`,
        value: { left: edge.left, right: edge.right },
      });
    }
  }
  const nodes = graph.left.length + graph.right.length + 2;
  if (!(sumAbs * nodes <= WEIGHT_BUDGET)) {
    issues.push({
      path: 'edges',
      code: 'weights-overflow',
      message:
        `expected Σ|weight| · (left + right + 2) ≤ ${WEIGHT_BUDGET.toPrecision(4)} (Number.MAX_VALUE / 4), ` +
        `so that the solver's potentials and the verifier's sums stay finite; got Σ|weight| = ${sumAbs.toPrecision(4)} over ${nodes - 2} nodes`,
      value: sumAbs,
    });
  }
  return issues;
}

/**
 * Marks (with 1) every edge whose (left, right) pair appeared earlier in the list; edges with an
 * unknown end (index −1) are skipped. A stable counting sort by left brings each left's edges
 * together in input order, and a mark per right (the left that last met it) finds the repeats.
 *
 * Complexity: O(L + R + E) time and space.
 */
function repeatedPairs(el: Int32Array, er: Int32Array, nL: number, nR: number): Uint8Array {
  const m = el.length;
  const out = new Uint8Array(m);
  const start = new Int32Array(nL + 1);
  for (let i = 0; i < m; i++) if (el[i]! >= 0 && er[i]! >= 0) start[el[i]! + 1]!++;
  for (let l = 0; l < nL; l++) start[l + 1]! += start[l]!;
  const byLeft = new Int32Array(start[nL]!);
  const fill = start.slice(0, nL);
  for (let i = 0; i < m; i++) if (el[i]! >= 0 && er[i]! >= 0) byLeft[fill[el[i]!]!++] = i;
  const metBy = new Int32Array(nR).fill(-1);
  for (let l = 0; l < nL; l++) {
    for (let k = start[l]!; k < start[l + 1]!; k++) {
      const i = byLeft[k]!;
      if (metBy[er[i]!] === l) out[i] = 1;
      else metBy[er[i]!] = l;
    }
  }
  return out;
}

/**
 * Refuses a malformed graph, reporting every problem at once (see {@link graphIssues}).
 *
 * @param graph - The graph to check.
 * @returns Nothing; returns normally when the graph is valid.
 * @throws BangfuValidationError with every issue and its path (`edges[12].weight`).
 * @example
 * validateGraph({ left: [], right: [], edges: [] })
 * //=> undefined
 *
 * Complexity: O(L + R + E) expected time.
 */
export function validateGraph(graph: BipartiteGraph): void {
  const issues = graphIssues(graph);
  if (issues.length > 0) throw new BangfuValidationError(issues, 'graph');
}

/**
 * Checks a graph without throwing.
 *
 * @param graph - The graph to check.
 * @returns `{ success: true, value: graph }`, or `{ success: false, issues }` with every issue.
 * @example
 * safeValidateGraph({ left: [{ id: 'a' }, { id: 'a' }], right: [], edges: [] }).success
 * //=> false
 *
 * Complexity: O(L + R + E) expected time.
 */
export function safeValidateGraph(graph: BipartiteGraph): SafeResult<BipartiteGraph> {
  const issues = graphIssues(graph);
  return issues.length > 0 ? { success: false, issues } : { success: true, value: graph };
}
