/**
 * Refusal of malformed bipartite graphs at the boundary, every problem at once.
 *
 * @module
 */
import { BangfuValidationError, type SafeResult, type ValidationIssue } from '../errors.js';
import type { BipartiteGraph } from './types.js';

const isNonNegativeInteger = (n: unknown): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= 0;

/**
 * Lists every problem that makes a graph unusable: non-string or duplicate node ids, negative or
 * fractional capacities, tiers that are neither non-negative integers nor `null`, weights that are NaN or infinite,
 * edges to unknown nodes and repeated edges. An empty graph, or one without edges, is fine.
 *
 * @param graph - The graph to check.
 * @returns The issues, in input order (left, right, edges), each with its path; empty when valid.
 * @example
 * graphIssues({ left: [{ id: 'a' }], right: [{ id: 'x', capacity: -1 }], edges: [] })
 * //=> [{ path: 'right[0].capacity', code: 'invalid-capacity', message: 'expected a non-negative integer', value: -1 }]
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
    if (node.tier !== undefined && node.tier !== null && !isNonNegativeInteger(node.tier)) {
      issues.push({
        path: `left[${i}].tier`,
        code: 'invalid-tier',
        message: 'expected a non-negative integer or null',
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
    if (!isNonNegativeInteger(node.capacity)) {
      issues.push({
        path: `right[${i}].capacity`,
        code: 'invalid-capacity',
        message: 'expected a non-negative integer',
        value: node.capacity,
      });
    }
  });

  const seen = new Map<string, Set<string>>();
  graph.edges.forEach((edge, i) => {
    if (typeof edge.weight !== 'number' || !Number.isFinite(edge.weight)) {
      issues.push({
        path: `edges[${i}].weight`,
        code: 'not-finite',
        message: 'expected a finite number',
        value: edge.weight,
      });
    }
    const knownLeft = typeof edge.left === 'string' && leftIds.has(edge.left);
    const knownRight = typeof edge.right === 'string' && rightIds.has(edge.right);
    if (!knownLeft) {
      issues.push({
        path: `edges[${i}].left`,
        code: 'unknown-node',
        message: 'expected the id of a left node',
        value: edge.left,
      });
    }
    if (!knownRight) {
      issues.push({
        path: `edges[${i}].right`,
        code: 'unknown-node',
        message: 'expected the id of a right node',
        value: edge.right,
      });
    }
    if (knownLeft && knownRight) {
      let rights = seen.get(edge.left);
      if (rights === undefined) seen.set(edge.left, (rights = new Set()));
      if (rights.has(edge.right)) {
        issues.push({
          path: `edges[${i}]`,
          code: 'duplicate-edge',
          message: `edge '${edge.left}' → '${edge.right}' appears more than once`,
          value: { left: edge.left, right: edge.right },
        });
      } else rights.add(edge.right);
    }
  });
  return issues;
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
