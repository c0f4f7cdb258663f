/**
 * `bangfu solve <graph.json>`: solves a plain bipartite graph and prints the assignment, its total and
 * its certificate as JSON. The file format is `graphJsonSchema()` (`bangfu solve --schema`).
 *
 * @module
 */
import type { Command } from 'commander';
import { BangfuValidationError } from '../errors.js';
import { parseGraph, graphJsonSchema } from '../graph/schema.js';
import { solve } from '../graph/solve.js';
import type { AssignmentMode } from '../graph/types.js';
import { modeOption } from './assign.js';
import { CliError, issueLine, json, printJson, readJsonFile, type CliIO } from './io.js';

/** Adds the `solve` command. */
export function registerSolve(program: Command, io: CliIO): void {
  program
    .command('solve')
    .description('solve a bipartite graph file and print the assignment with its certificate as JSON')
    .argument('[graph]', 'the graph JSON file')
    .option('--mode <mode>', 'optimal, stable or greedy', modeOption, 'optimal' as AssignmentMode)
    .option('--schema', 'print the JSON Schema of a graph file instead')
    .action(
      (path: string | undefined, options: { readonly mode: AssignmentMode; readonly schema?: boolean }) => {
        if (options.schema === true) {
          io.stdout(json(graphJsonSchema()));
          return;
        }
        if (path === undefined) throw new CliError(['solve: give a graph file (or --schema)']);
        let graph;
        try {
          graph = parseGraph(readJsonFile(path));
        } catch (e) {
          if (e instanceof BangfuValidationError)
            throw new CliError(e.issues.map((i) => `${path}: ${issueLine(i)}`));
          throw e;
        }
        printJson(io, solve(graph, { mode: options.mode }));
      },
    );
}
