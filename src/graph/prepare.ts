/**
 * Either form of a graph, validated at the boundary and compiled for the solvers.
 *
 * @module
 */
import { compileGraph, type CompiledGraph } from './internal/compile.js';
import { compileTypedGraph, isTypedGraph, validateTypedGraph, type AnyBipartiteGraph } from './typed.js';
import { validateGraph } from './validate.js';

/**
 * Validates a graph of either form (refusing it with every problem) and compiles it.
 *
 * @internal
 * @param graph - An object or typed graph.
 * @returns The compiled graph.
 * @throws BangfuValidationError when the graph is malformed.
 */
export function prepareGraph(graph: AnyBipartiteGraph): CompiledGraph {
  if (isTypedGraph(graph)) {
    validateTypedGraph(graph);
    return compileTypedGraph(graph);
  }
  validateGraph(graph);
  return compileGraph(graph);
}
