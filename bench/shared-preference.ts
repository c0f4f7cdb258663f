/**
 * `solveOptimal` beside the network simplex of the plans' cores, on the same compiled graph, where
 * every left ranks the rights alike (`sharedPreferenceGraph`) and, for contrast, on the uniform
 * random instance (`uniformGraph`): the median of three runs after a warm-up, the optimum checked
 * equal, and how many lefts the price rounds settle and whether they ran to their end (on the
 * shared-preference graphs they stop short, and the network simplex finishes). Prints a table;
 * saves nothing.
 *
 * Run: `node --import tsx bench/shared-preference.ts [n…]` (left nodes; 1000, 3000 and 10000 by
 * default; 100000 takes about a minute in all).
 */
import { compileGraph } from '../src/graph/internal/compile.js';
import { solveOptimalCompiled, solveOptimalProbed } from '../src/graph/solve-optimal.js';
import type { BipartiteGraph } from '../src/graph/types.js';
import { sharedPreferenceGraph, simplexTotal, uniformGraph } from './graphs.js';

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timed(run: () => number): { ms: number; total: number } {
  run();
  const times: number[] = [];
  let total = 0;
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    total = run();
    times.push(performance.now() - t);
  }
  return { ms: median(times), total };
}

const sizes = process.argv.slice(2).map(Number);
for (const n of sizes.length > 0 ? sizes : [1_000, 3_000, 10_000]) {
  for (const [name, graph] of [
    ['shared preference', sharedPreferenceGraph(n, 11)],
    ['uniform', uniformGraph(n, 7)],
  ] as const satisfies readonly (readonly [string, BipartiteGraph])[]) {
    const g = compileGraph(graph);
    let decided = 0;
    let finished = false;
    solveOptimalProbed(graph, {
      rounds: (s) => {
        decided = s.decided.reduce((a, b) => a + b, 0);
        finished = s.finished;
      },
    });
    const ours = timed(() => solveOptimalCompiled(g).total);
    const simplex = timed(() => simplexTotal(g));
    const same = Math.abs(ours.total - simplex.total) <= 1e-9 * Math.max(1, Math.abs(ours.total));
    console.log(
      `${name.padEnd(18)} ${String(n).padStart(7)} × ${String(g.rightIds.length).padEnd(6)}` +
        ` solveOptimal ${ours.ms.toFixed(0).padStart(6)} ms   network simplex ${simplex.ms.toFixed(0).padStart(6)} ms` +
        `   rounds settled ${decided} of ${n}${finished ? '' : ' (stopped short)'}   ${same ? 'same optimum' : 'OPTIMA DIFFER'}`,
    );
    if (!same) process.exitCode = 1;
  }
}
