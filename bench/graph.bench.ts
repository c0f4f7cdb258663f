/**
 * Times the three assignment solvers on generated graphs: 10^3 and 10^4 left nodes, about 50 edges
 * each, right capacities 1–20, twice as many left nodes as openings; tiers 0/1 half and half.
 * Warm-up first, then the median of 5 runs. Run with `npx tsx bench/graph.bench.ts`.
 */
import { solve } from '../src/graph/solve.js';
import type { AssignmentMode, BipartiteGraph, Edge } from '../src/graph/types.js';
import { verifyAssignment } from '../src/graph/verify.js';
import { createRandom } from '../src/internal/random.js';

function generate(leftCount: number, seed: number): BipartiteGraph {
  const rnd = createRandom(seed);
  const left = Array.from({ length: leftCount }, (_, i) => ({ id: `w${i}`, tier: rnd.chance(0.5) ? 0 : 1 }));
  const right: { id: string; capacity: number }[] = [];
  // Add rights until the openings are half the left nodes (2:1 oversubscribed).
  for (let openings = 0; openings < leftCount / 2;) {
    const capacity = rnd.int(1, 20);
    right.push({ id: `p${right.length}`, capacity });
    openings += capacity;
  }
  const degree = Math.min(50, right.length);
  const edges: Edge[] = [];
  for (const l of left) {
    const chosen = new Set<number>();
    while (chosen.size < degree) chosen.add(rnd.int(0, right.length - 1));
    for (const r of chosen)
      edges.push({ left: l.id, right: `p${r}`, weight: Math.round(rnd.float() * 10000) / 100 });
  }
  return { left, right, edges };
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const cases = [
  { name: '1k left', left: 1_000 },
  { name: '10k left', left: 10_000 },
] as const;
const modes: readonly AssignmentMode[] = ['greedy', 'stable', 'optimal'];

for (const c of cases) {
  const graph = generate(c.left, 20260301 + c.left);
  console.log(
    `${c.name}: ${graph.left.length} left, ${graph.right.length} right, ${graph.edges.length} edges`,
  );
  let greedyMs = 0;
  for (const mode of modes) {
    solve(graph, { mode }); // warm-up
    const times: number[] = [];
    let last = solve(graph, { mode });
    for (let run = 0; run < 5; run++) {
      const t = performance.now();
      last = solve(graph, { mode });
      times.push(performance.now() - t);
    }
    const ms = median(times);
    if (mode === 'greedy') greedyMs = ms;
    const t = performance.now();
    const verdict = verifyAssignment(graph, last);
    const verifyMs = performance.now() - t;
    console.log(
      `  ${mode.padEnd(8)} ${ms.toFixed(1).padStart(9)} ms  ×${(ms / greedyMs).toFixed(1).padStart(6)} greedy` +
        `  placed ${last.pairs.length} (tier 0: ${last.placedByTier[0]}, tier 1: ${last.placedByTier[1]})` +
        `  total ${last.total.toFixed(2)}  verify ${verifyMs.toFixed(1)} ms ${verdict.ok ? 'ok' : 'FAILED'}`,
    );
  }
}
