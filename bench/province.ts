/**
 * A province-scale plan, in one process: a sample of 10⁶ labourers against 10⁵ posts (with its
 * groups) planned by `assign`, with the time of each stage and the peak memory.
 *
 *   node --max-old-space-size=4096 --import tsx bench/province.ts [mode] [labourers] [posts] [seed]
 *
 * Defaults: greedy, 1,000,000, 100,000, seed 6. The dataset is generated and parsed in process (a
 * file of this size, about 860 MB, is longer than the longest string V8 makes). Prints one line per
 * stage as it ends and a summary line of JSON (placed, groups placed, peak resident set and heap).
 */
import { assign } from '../src/assign.js';
import type { AssignmentMode } from '../src/graph/types.js';
import { parseDataset } from '../src/parse.js';
import { generateSample } from '../src/sample.js';

const [modeArg = 'greedy', labourersArg, postsArg, seedArg] = process.argv.slice(2);
const mode = modeArg as AssignmentMode;
const labourers = Number(labourersArg ?? 1_000_000);
const posts = Number(postsArg ?? 100_000);
const seed = Number(seedArg ?? 6);

let peakHeap = 0;
let peakRss = 0;
const sample = (): void => {
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakRss = Math.max(peakRss, m.rss);
};
const timer = setInterval(sample, 200);
const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);
const start = performance.now();
let since = start;
const stages: Record<string, number> = {};
const lap = (name: string): void => {
  const now = performance.now();
  stages[name] = (stages[name] ?? 0) + (now - since);
  since = now;
  sample();
  console.log(
    `${name}: ${((now - start) / 1000).toFixed(1)} s (heap ${mb(process.memoryUsage().heapUsed)} MB)`,
  );
};

const input = generateSample({ labourers, posts, seed });
lap('generate');
const dataset = parseDataset(input);
lap('parse');
let step = '';
const plan = assign(dataset, {
  mode,
  onProgress: (s) => {
    if (s === step) return;
    if (step !== '') lap(step);
    step = s;
  },
});
lap(step);
clearInterval(timer);
sample();
const groupsPlaced = plan.groups.filter((g) => g.kind === 'placed').length;
console.log(
  JSON.stringify({
    mode,
    labourers,
    posts,
    seed,
    totalS: Math.round((performance.now() - start) / 100) / 10,
    stagesS: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(v / 100) / 10])),
    placed: plan.summary.placed,
    groups: plan.groups.length,
    groupsPlaced,
    objective: plan.objective,
    peakRssMB: mb(peakRss),
    peakHeapMB: mb(peakHeap),
  }),
);
