/**
 * One case of bench/plan.bench.ts, run in a process of its own so that its peak memory is its own:
 * `node --import tsx bench/plan-case.ts <case> <dataset.json> <runs>`. Prints one line of JSON:
 * the times of the runs after a warm-up, the plan's objective, and the process's peak resident set
 * and heap.
 *
 * A fourth argument, threads, prices the optimal plan over that many threads (`createPricingPool`).
 *
 * Cases: `assign-optimal`, `assign-stable`, `assign-greedy` (from a parsed dataset: the time of
 * `assign` alone), `verify-optimal` (the time of `verifyPlan` alone on the optimal plan).
 */
import { readFileSync } from 'node:fs';
import { assign } from '../src/assign.js';
import { createPricingPool } from '../src/node/pricing-pool.js';
import type { AssignmentMode } from '../src/graph/types.js';
import { parseDataset } from '../src/parse.js';
import { verifyPlan } from '../src/verify-plan.js';

const [name, file, runsArg, threadsArg] = process.argv.slice(2);
if (name === undefined || file === undefined)
  throw new Error('usage: plan-case <case> <dataset.json> [runs]');
const runs = Number(runsArg ?? 3);
const pool = threadsArg === undefined ? undefined : createPricingPool({ threads: Number(threadsArg) });
const dataset = parseDataset(JSON.parse(readFileSync(file, 'utf8')) as unknown);
let peakHeap = 0;
const sample = (): void => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};
const timer = setInterval(sample, 50);

const times: number[] = [];
const stepTimes: Record<string, number>[] = [];
let objective: unknown;
let extra: Record<string, unknown> = {};
const mode = name.replace(/^(assign|verify)-/, '') as AssignmentMode;
let steps: Record<string, number> = {};
const onProgress = (step: string): void => {
  const now = performance.now();
  if (current !== '') steps[current] = (steps[current] ?? 0) + now - since;
  current = step;
  since = now;
};
let current = '';
let since = 0;
if (name.startsWith('assign-')) {
  for (let r = 0; r <= runs; r++) {
    steps = {};
    current = '';
    const t = performance.now();
    since = t;
    const plan = assign(dataset, { mode, onProgress, ...(pool === undefined ? {} : { pricer: pool }) });
    const end = performance.now();
    onProgress('');
    sample();
    if (r === 0) continue; // warm-up
    times.push(end - t);
    stepTimes.push({ ...steps });
    objective = plan.objective;
    extra = { groups: plan.groups.length, groupSearch: plan.groupSearch.method, placed: plan.summary.placed };
  }
} else if (name === 'verify-optimal') {
  const plan = assign(dataset, { mode: 'optimal' });
  objective = plan.objective;
  for (let r = 0; r <= runs; r++) {
    const t = performance.now();
    const verdict = verifyPlan(plan, dataset);
    const end = performance.now();
    sample();
    if (!verdict.ok)
      throw new Error(`the plan does not verify: ${JSON.stringify(verdict.violations.slice(0, 3))}`);
    if (r === 0) continue;
    times.push(end - t);
  }
} else throw new Error(`unknown case ${name}`);
clearInterval(timer);
await pool?.close();
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
console.log(
  JSON.stringify({
    case: name,
    runs: times.length,
    medianMs: median,
    timesMs: times.map((t) => Math.round(t)),
    steps:
      stepTimes.length === 0
        ? undefined
        : Object.fromEntries(
            Object.entries(stepTimes[Math.floor(stepTimes.length / 2)]!).map(([k, v]) => [k, Math.round(v)]),
          ),
    objective,
    ...extra,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    peakHeapMB: Math.round(peakHeap / 1e6),
  }),
);
