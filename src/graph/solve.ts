/**
 * One entry point for the three assignment solvers.
 *
 * @module
 */
import { solveGreedy } from './solve-greedy.js';
import { solveOptimal } from './solve-optimal.js';
import { solveStable } from './solve-stable.js';
import type { AnyBipartiteGraph } from './typed.js';
import type { Assignment, AssignmentMode } from './types.js';

/** Options of {@link solve}. */
export interface SolveOptions {
  /**
   * `optimal` (most placed by tier, then most weight, with dual certificate), `stable` (left-optimal
   * stable assignment) or `greedy` (baseline).
   *
   * @defaultValue 'optimal'
   */
  readonly mode?: AssignmentMode;
}

/**
 * Assigns left nodes to right nodes with the chosen solver.
 *
 * @param graph - A valid bipartite graph, as objects or as typed arrays (a {@link TypedBipartiteGraph}: no object per edge); refused otherwise.
 * @param options - Which solver to run.
 * @returns The assignment, with its certificate where the mode has one.
 * @throws BangfuValidationError when the graph is malformed.
 * @example
 * solve({ left: [{ id: 'a' }], right: [{ id: 'x', capacity: 1 }], edges: [{ left: 'a', right: 'x', weight: 2 }] }, { mode: 'greedy' }).pairs
 * //=> [{ left: 'a', right: 'x', weight: 2 }]
 *
 * Complexity: that of the chosen solver ({@link solveOptimal}, {@link solveStable}, {@link solveGreedy}).
 */
export function solve(graph: AnyBipartiteGraph, options: SolveOptions = {}): Assignment {
  const mode = options.mode ?? 'optimal';
  switch (mode) {
    case 'optimal':
      return solveOptimal(graph);
    case 'stable':
      return solveStable(graph);
    case 'greedy':
      return solveGreedy(graph);
    default:
      throw new Error(`solve: unknown mode '${String(mode satisfies never)}'`);
  }
}
