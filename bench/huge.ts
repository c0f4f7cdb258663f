/**
 * The province-scale run: exact top-10 for 10⁶ labourers against 10⁵ posts, within a 2 GB heap.
 *
 *   node --max-old-space-size=2048 --import tsx bench/huge.ts [labourers] [posts] [chunk]
 *
 * The posts are generated, parsed and compiled once. Labourers are generated in chunks (chunk c from
 * seed 2025 + c, ids prefixed `c<c>-` so they stay unique), each chunk parsed, compiled against the
 * same compiled posts (reusing the county tables of the chunks before it), ranked, and dropped; only
 * the compact top-10 lists are kept. Deterministic: the same arguments give the same rankings (the
 * printed checksum). Reports the time of each stage and the high-water mark of the heap, sampled
 * between chunks.
 */
import { compileLabourers, compilePosts, type CompiledCounties } from '../src/compile.js';
import { parseDataset } from '../src/parse.js';
import { rankRange } from '../src/rank-all.js';
import { generateSample } from '../src/sample.js';
import type { Dataset } from '../src/types.js';

const [labourers = 1_000_000, posts = 100_000, chunk = 100_000] = process.argv.slice(2).map(Number);
const TOP = 10;
const SEED = 2025;

let peak = 0;
const sample = (): void => {
  const used = process.memoryUsage().heapUsed;
  if (used > peak) peak = used;
};
const mb = (bytes: number): string => `${Math.round(bytes / 1e6)} MB`;
const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const out = fn();
  return [out, performance.now() - t];
};

// The posts, once.
const [postsDataset, postsMs] = time(() => parseDataset(generateSample({ labourers: 0, posts, seed: SEED })));
const [compiled, compilePostsMs] = time(() => compilePosts(postsDataset));
sample();
console.log(
  `posts: ${posts} generated and parsed in ${postsMs.toFixed(0)} ms, compiled in ${compilePostsMs.toFixed(0)} ms; heap ${mb(process.memoryUsage().heapUsed)}`,
);

const offsets = new Int32Array(labourers + 1);
const topPosts = new Int32Array(labourers * TOP);
const topScores = new Float64Array(labourers * TOP);
let filled = 0;
let previous: CompiledCounties | undefined;
let generateMs = 0;
let compileMs = 0;
let rankMs = 0;
const started = performance.now();
for (let c = 0, from = 0; from < labourers; c++, from += chunk) {
  const n = Math.min(chunk, labourers - from);
  let t = performance.now();
  const input = generateSample({ labourers: n, posts: 0, seed: SEED + c });
  const renamed = input.labourers.map((w) => ({ ...w, id: `c${c}-${w.id}` }));
  // Ranking reads no groups (their members would need the chunk's prefix too).
  const parsed = parseDataset(
    { ...input, labourers: renamed, employers: [], posts: [], groups: [] },
    { asOf: postsDataset.asOf },
  );
  const dataset: Dataset = { ...postsDataset, labourers: parsed.labourers };
  generateMs += performance.now() - t;
  t = performance.now();
  const index = compileLabourers(compiled, dataset, previous);
  compileMs += performance.now() - t;
  previous = index;
  t = performance.now();
  const slice = rankRange(index, 0, n, { top: TOP });
  rankMs += performance.now() - t;
  for (let i = 0; i < n; i++) offsets[from + i + 1] = filled + slice.offsets[i + 1]!;
  topPosts.set(slice.posts, filled);
  topScores.set(slice.scores, filled);
  filled += slice.posts.length;
  sample();
  console.log(
    `chunk ${c}: ${n} labourers; heap ${mb(process.memoryUsage().heapUsed)}; ${((performance.now() - started) / 1000).toFixed(1)} s so far`,
  );
}

let h = 2166136261;
for (let i = 0; i < filled; i++) h = Math.imul(h ^ topPosts[i]!, 16777619);
console.log(
  JSON.stringify(
    {
      labourers: labourers,
      posts,
      chunk,
      top: TOP,
      entries: filled,
      generateAndParseLabourersMs: Math.round(generateMs),
      compileLabourersMs: Math.round(compileMs),
      rankMs: Math.round(rankMs),
      postsMs: Math.round(postsMs + compilePostsMs),
      totalMs: Math.round(performance.now() - started + postsMs + compilePostsMs),
      peakHeapMB: Math.round(peak / 1e6),
      checksum: (h >>> 0).toString(16),
    },
    null,
    2,
  ),
);
