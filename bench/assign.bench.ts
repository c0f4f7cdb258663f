/**
 * Assignment benchmark: the three solvers on generated sparse graphs (10^3, 10^4, 10^5 left nodes,
 * about 50 edges each, right capacities 1–20 skewed towards small, twice as many left nodes as
 * openings, 40% priority tier 0 and the rest tier `null`, as `assign` builds them), and the optimal
 * solver beside two npm assignment solvers (`munkres`, `linear-sum-assignment`) on dense instances
 * they can handle, capacities expanded into one column per opening for them, checking that the
 * optimum is the same; and the optimal solver beside LEMON's NetworkSimplex (C++, compiled here with
 * `g++ -O2` from bench/peers/lemon-bmatching.cpp when g++ and the LEMON headers are present, skipped
 * with the reason printed otherwise) on a uniform weights-only instance: 10^5 left × 10^4 right of
 * capacity 5, 50 distinct random rights per left, integer weights 1..1000, every left tier `null`.
 * Warm-up runs (three below 10^5 left nodes, where the JIT is still at work after one), then the
 * median of the runs (with the fastest and slowest where reported). Prints a table and merges its
 * rows into bench/results.json under the key `assignment` (other keys are kept).
 *
 * Run: `node --max-old-space-size=6000 --import tsx bench/assign.bench.ts [--quick]` (`--quick` stops
 * at 10^4 left nodes, n = 1000 dense, and 10^4 left for the LEMON comparison).
 */
import { saveResults } from './results.js';
import { linearSumAssignment } from 'linear-sum-assignment';
import { munkres } from 'munkres';
import { compileGraph, type CompiledGraph } from '../src/graph/internal/compile.js';
import { solveGreedyCompiled } from '../src/graph/solve-greedy.js';
import { solveOptimal, solveOptimalCompiled } from '../src/graph/solve-optimal.js';
import { solveStableCompiled } from '../src/graph/solve-stable.js';
import { solve } from '../src/graph/solve.js';
import type { Assignment, AssignmentMode } from '../src/graph/types.js';
import { validateGraph } from '../src/graph/validate.js';
import { verifyAssignment } from '../src/graph/verify.js';
import { denseGraph, sparseGraph, uniformGraph } from './graphs.js';
import { buildLemonPeer, runLemonPeer, writeLemonGraph } from './peers/lemon.js';

const quick = process.argv.includes('--quick');

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Median of `runs` timed calls after `warmUps` untimed ones. Small instances take a few warm-ups: their
 * first calls run before the JIT has compiled the solver's functions and can take several times as
 * long as the rest.
 */
function time<T>(fn: () => T, runs: number, warmUps = 1): { ms: number; value: T; times: number[] } {
  let value = undefined as T;
  for (let i = 0; i < warmUps; i++) value = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = fn();
    times.push(performance.now() - t);
  }
  return { ms: median(times), value, times };
}

interface Row {
  case: string;
  size: string;
  solver: string;
  runs: number;
  medianMs: number;
  /** Fastest and slowest run, where the spread is worth reporting (the machine may be shared). */
  minMs?: number;
  maxMs?: number;
  total: number;
  placed: number;
  ratioToPeer?: number;
  optimumEqual?: boolean;
  verified?: boolean;
}
const rows: Row[] = [];
const print = (r: Row): void => {
  rows.push(r);
  console.log(
    `${r.case.padEnd(24)} ${r.size.padEnd(26)} ${r.solver.padEnd(22)} ${r.medianMs.toFixed(1).padStart(10)} ms` +
      `  total ${r.total.toFixed(4).padStart(14)}  placed ${String(r.placed).padStart(6)}` +
      (r.minMs === undefined || r.maxMs === undefined
        ? ''
        : `  (${r.minMs.toFixed(0)}–${r.maxMs.toFixed(0)})`) +
      (r.ratioToPeer === undefined ? '' : `  ×${r.ratioToPeer.toFixed(2)} of peer`) +
      (r.optimumEqual === undefined ? '' : r.optimumEqual ? '  same optimum' : '  OPTIMUM DIFFERS') +
      (r.verified === undefined ? '' : r.verified ? '  verified' : '  VERIFY FAILED'),
  );
};

const compiledSolvers: Record<AssignmentMode, (g: CompiledGraph) => Assignment> = {
  greedy: solveGreedyCompiled,
  stable: solveStableCompiled,
  optimal: solveOptimalCompiled,
};

// Sparse instances.
for (const n of quick ? [1_000, 10_000] : [1_000, 10_000, 100_000]) {
  const big = n >= 100_000;
  const graph = sparseGraph(n, 20260301 + n);
  const size = `${n}x${graph.right.length} (${graph.edges.length} edges)`;
  const prep = time(
    () => {
      validateGraph(graph);
      return compileGraph(graph);
    },
    big ? 1 : 3,
  );
  print({
    case: 'validate + compile',
    size,
    solver: 'bangfu',
    runs: big ? 1 : 3,
    medianMs: prep.ms,
    total: 0,
    placed: 0,
  });
  const g = prep.value;
  for (const mode of ['greedy', 'stable', 'optimal'] as const) {
    const runs = big ? 3 : 5;
    const r = time(() => compiledSolvers[mode](g), runs, big ? 1 : 3);
    // The verifier trusts nothing the solver says: the optimal duals close the gap, stable has no blocking pair.
    const verified = mode === 'greedy' ? undefined : verifyAssignment(graph, r.value).ok;
    print({
      case: `sparse ${mode}`,
      size,
      solver: 'bangfu (compiled)',
      runs,
      medianMs: r.ms,
      total: r.value.total,
      placed: r.value.pairs.length,
      ...(verified === undefined ? {} : { verified }),
    });
  }
  if (!big) {
    const e2e = time(() => solve(graph, { mode: 'optimal' }), 3);
    print({
      case: 'sparse optimal e2e',
      size,
      solver: 'bangfu (solve)',
      runs: 3,
      medianMs: e2e.ms,
      total: e2e.value.total,
      placed: e2e.value.pairs.length,
    });
  }
}

// Dense instances beside the peers.
const close = (a: number, b: number): boolean =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
for (const n of quick ? [500, 1_000] : [500, 1_000, 2_000]) {
  const { graph, profit } = denseGraph(n, 777 + n);
  const size = `${n}x${profit[0]!.length} dense (${graph.right.length} posts)`;
  const runs = n >= 2_000 ? 1 : 3;
  const warmUps = n >= 2_000 ? 1 : 3;
  const ours = time(() => solve(graph, { mode: 'optimal' }), runs, warmUps);
  const lsa = time(() => linearSumAssignment(profit, { maximaze: true }), runs, warmUps);
  const lsaTotal = lsa.value.gain;
  const cost = profit.map((row) => row.map((w) => -w));
  const mk = n <= 1_000 ? time(() => munkres(cost), runs, warmUps) : undefined;
  const mkTotal = mk === undefined ? Number.NaN : mk.value.reduce((s, [y, x]) => s + profit[y]![x]!, 0);
  print({
    case: 'dense optimal',
    size,
    solver: 'bangfu (solve)',
    runs,
    medianMs: ours.ms,
    total: ours.value.total,
    placed: ours.value.pairs.length,
    ratioToPeer: ours.ms / lsa.ms,
    optimumEqual: close(ours.value.total, lsaTotal) && (mk === undefined || close(ours.value.total, mkTotal)),
  });
  print({
    case: 'dense optimal',
    size,
    solver: 'linear-sum-assignment',
    runs,
    medianMs: lsa.ms,
    total: lsaTotal,
    placed: Math.min(n, profit[0]!.length),
  });
  if (mk !== undefined)
    print({
      case: 'dense optimal',
      size,
      solver: 'munkres',
      runs,
      medianMs: mk.ms,
      total: mkTotal,
      placed: mk.value.length,
    });
  const gr = time(() => solve(graph, { mode: 'greedy' }), runs, warmUps);
  print({
    case: 'dense greedy',
    size,
    solver: 'bangfu (solve)',
    runs,
    medianMs: gr.ms,
    total: gr.value.total,
    placed: gr.value.pairs.length,
  });
}

// A uniform weights-only instance beside LEMON's NetworkSimplex. Like for like: our solver on the
// compiled graph against LEMON's run() on its built graph; then each with its preparation: our
// validation + compilation + solve (solveOptimal) against LEMON's graph build + run(). The two alternate
// run by run, so that load from elsewhere on the machine falls on both alike. It runs last, so that
// collecting its garbage does not fall on the small dense cases. The solver alone runs with only the
// compiled graph in memory, as when `assign` builds it, and as LEMON's process holds only its own:
// kept alive, the generator's 5·10^6 edge objects would be marked by the collector during every
// solve. They are generated again (same seed) for the checks and the end-to-end runs.
{
  const n = quick ? 10_000 : 100_000;
  const seed = 20260400 + n;
  const runs = 5;
  const spread = (times: readonly number[]): { medianMs: number; minMs: number; maxMs: number } => ({
    medianMs: median(times),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
  });
  let g: CompiledGraph;
  let size: string;
  {
    const graph = uniformGraph(n, seed);
    size = `${n}x${graph.right.length} (${graph.edges.length} edges)`;
    const prep = time(
      () => {
        validateGraph(graph);
        return compileGraph(graph);
      },
      quick ? 3 : 1,
    );
    print({
      case: 'uniform validate+compile',
      size,
      solver: 'bangfu',
      runs: prep.times.length,
      ...spread(prep.times),
      total: 0,
      placed: 0,
    });
    g = prep.value;
  }
  const peer = buildLemonPeer();
  const file = peer.ok ? writeLemonGraph(g, `uniform-${n}`) : '';
  if (!peer.ok) console.log(`LEMON comparison skipped: ${peer.reason}.`);
  let ours = solveOptimalCompiled(g);
  if (quick) for (let i = 0; i < 2; i++) ours = solveOptimalCompiled(g); // more warm-up when small
  const oursMs: number[] = [];
  const lemonSolve: number[] = [];
  const lemonWithBuild: number[] = [];
  let lemon: { optimum: number; matched: number } | undefined;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    ours = solveOptimalCompiled(g);
    oursMs.push(performance.now() - t);
    if (peer.ok) {
      const out = runLemonPeer(peer.binary, file, 1);
      lemonSolve.push(out.solveMs[0]!);
      lemonWithBuild.push(out.buildMs[0]! + out.solveMs[0]!);
      lemon = out;
    }
  }
  const graph = uniformGraph(n, seed);
  const verified = verifyAssignment(graph, ours).ok;
  print({
    case: 'uniform optimal solve',
    size,
    solver: 'bangfu (compiled)',
    runs,
    ...spread(oursMs),
    total: ours.total,
    placed: ours.pairs.length,
    // Integer weights: both optima are exact integers, so they must be equal exactly.
    ...(lemon === undefined
      ? {}
      : { ratioToPeer: median(oursMs) / median(lemonSolve), optimumEqual: ours.total === lemon.optimum }),
    verified,
  });
  if (lemon !== undefined)
    print({
      case: 'uniform optimal solve',
      size,
      solver: 'LEMON run()',
      runs,
      ...spread(lemonSolve),
      total: lemon.optimum,
      placed: lemon.matched,
    });
  const e2eRuns = quick ? 5 : 3;
  const e2e = time(() => solveOptimal(graph), e2eRuns, 0);
  print({
    case: 'uniform optimal +build',
    size,
    solver: 'bangfu (solveOptimal)',
    runs: e2eRuns,
    ...spread(e2e.times),
    total: e2e.value.total,
    placed: e2e.value.pairs.length,
    ...(lemon === undefined
      ? {}
      : { ratioToPeer: e2e.ms / median(lemonWithBuild), optimumEqual: e2e.value.total === lemon.optimum }),
  });
  if (lemon !== undefined)
    print({
      case: 'uniform optimal +build',
      size,
      solver: 'LEMON build + run()',
      runs,
      ...spread(lemonWithBuild),
      total: lemon.optimum,
      placed: lemon.matched,
    });
}

saveResults('assignment', { quick, rows });
if (rows.some((r) => r.optimumEqual === false || r.verified === false)) process.exitCode = 1;
