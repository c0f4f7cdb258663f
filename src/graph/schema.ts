/**
 * The JSON file format of a bipartite graph (what `bangfu solve` reads), as a zod schema, its JSON
 * Schema, and the boundary that reads a graph from parsed JSON.
 *
 * @module
 */
import * as z from 'zod/mini';
import { strictObject } from '../internal/zod-object.js';
import type { SafeResult } from '../errors.js';
import { BangfuValidationError } from '../errors.js';
import { fromZod, Issues } from '../internal/issues.js';
import { INDEX_MAX, indexLimitMessage } from '../internal/limits.js';
import type { BipartiteGraph } from './types.js';
import { graphIssues } from './validate.js';

/**
 * A copy of `schema` with a description in zod's global registry (what the JSON Schema shows): what
 * the classic API's `.describe(text)` does, without its method-laden prototypes.
 */
function describe<T extends z.ZodMiniType>(schema: T, description: string): T {
  const copy = schema.clone();
  z.globalRegistry.add(copy, { description });
  return copy;
}

/** A capacity or tier: what the solvers' Int32Array index holds (see `graphIssues`). */
const indexCount = z
  .number()
  .check(z.minimum(0))
  .check(z.maximum(INDEX_MAX, { error: indexLimitMessage('solver', 'a non-negative integer'), abort: true }))
  .check(z.int());

const graphSchema = describe(
  strictObject({
    left: describe(
      z.array(
        strictObject({
          id: describe(z.string(), 'Unique among the left nodes.'),
          tier: describe(
            z.optional(z.nullable(indexCount)),
            'Priority class: a smaller tier is placed first; null for no priority (only the weight counts). At most 2147483647. Default 0.',
          ),
        }),
      ),
      'Nodes to place at most once (labourers).',
    ),
    right: describe(
      z.array(
        strictObject({
          id: describe(z.string(), 'Unique among the right nodes.'),
          capacity: describe(
            indexCount,
            "How many left nodes it can take: at most 2147483647, the largest the solver's index holds.",
          ),
        }),
      ),
      'Nodes with openings (posts).',
    ),
    edges: describe(
      z.array(
        strictObject({
          left: describe(z.string(), 'A left node id.'),
          right: describe(z.string(), 'A right node id.'),
          weight: describe(z.number(), 'The value of the placement (finite; larger is better).'),
        }),
      ),
      "Allowed placements, at most one per pair. The weights must satisfy Σ|weight| · (left + right + 2) ≤ Number.MAX_VALUE / 4, so that the solver's and the verifier's sums stay finite.",
    ),
  }),
  'A weighted bipartite graph with capacities on the right (bangfu solve).',
);

/**
 * The JSON Schema (draft 2020-12) of a graph file.
 *
 * @returns The schema as a plain object.
 * @example
 * graphJsonSchema().required //=> ['left', 'right', 'edges']
 *
 * Complexity: O(1).
 */
export function graphJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(graphSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}

/**
 * Reads a graph from parsed JSON: the shape (capacities and tiers integers in [0, 2147483647]), then
 * every semantic problem (`graphIssues`: duplicate ids, unknown nodes, repeated edges, weights too
 * large together), all at once.
 *
 * @param input - Parsed JSON.
 * @returns The graph, or every issue with its path.
 * @example
 * safeParseGraph({ left: [], right: [], edges: [] }).success //=> true
 *
 * Complexity: O(L + R + E).
 */
export function safeParseGraph(input: unknown): SafeResult<BipartiteGraph> {
  const r = graphSchema.safeParse(input);
  if (!r.success) {
    const issues = new Issues();
    fromZod(issues, r.error, [], input);
    return { success: false, issues: issues.list };
  }
  const issues = graphIssues(r.data as BipartiteGraph);
  return issues.length > 0 ? { success: false, issues } : { success: true, value: r.data as BipartiteGraph };
}

/**
 * Reads a graph from parsed JSON (see {@link safeParseGraph}).
 *
 * @param input - Parsed JSON.
 * @returns The graph.
 * @throws BangfuValidationError with every issue and its path (`edges[3].weight`).
 * @example
 * parseGraph({ left: [{ id: 'a' }], right: [{ id: 'x', capacity: 1 }], edges: [] }).left.length //=> 1
 *
 * Complexity: O(L + R + E).
 */
export function parseGraph(input: unknown): BipartiteGraph {
  const r = safeParseGraph(input);
  if (!r.success) throw new BangfuValidationError(r.issues, 'graph');
  return r.value;
}
