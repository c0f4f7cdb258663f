/**
 * `npm run bench:ci`: a small run of every benchmark case that fails only if a result is wrong
 * (a fast path disagreeing with the object-based path, an assignment the verifier rejects, an
 * optimum different from the npm assignment solvers'), never on time.
 */
import { checkEligibility } from '../src/eligibility.js';
import { eligiblePairs, rankAll, rankedOf } from '../src/rank-all.js';
import { rankPosts } from '../src/rank.js';
import { scorePair } from '../src/score.js';
import { linearSumAssignment } from 'linear-sum-assignment';
import { munkres } from 'munkres';
import { solve } from '../src/graph/solve.js';
import { verifyAssignment } from '../src/graph/verify.js';
import { assign } from '../src/assign.js';
import { generateSample } from '../src/sample.js';
import { parseDataset } from '../src/parse.js';
import { verifyPlan } from '../src/verify-plan.js';
import { CASES, instance } from './cases.js';
import { denseGraph, sharedPreferenceGraph, sparseGraph } from './graphs.js';

let failures = 0;
for (const [labourers, posts] of [
  [300, 200],
  [1_000, 100],
] as const) {
  const inst = instance(labourers, posts, 7);
  for (const c of CASES) {
    const t = performance.now();
    const fast = c.run(inst);
    const ms = performance.now() - t;
    const peer = c.peer?.(inst);
    const same = peer === undefined || peer.checksum === fast.checksum;
    if (!same) failures += 1;
    console.log(
      `${c.name.padEnd(17)} ${inst.name.padEnd(9)} ${ms.toFixed(1).padStart(8)} ms  ${same ? 'ok' : 'WRONG'}`,
    );
  }
  // Every labourer, not a sample: the pruned top-10 against rankPosts.
  const all = rankAll(inst.index, { top: 10 });
  let wrong = 0;
  inst.dataset.labourers.forEach((w, i) => {
    const a = JSON.stringify(rankedOf(all, i));
    const b = JSON.stringify(
      rankPosts(inst.dataset, w.id, { top: 10, includeExcluded: false }).ranked.map((r) => ({
        post: r.post.id,
        score: r.score,
      })),
    );
    if (a !== b) wrong += 1;
  });
  if (wrong > 0) failures += 1;
  console.log(
    `${'top-10 (all)'.padEnd(17)} ${inst.name.padEnd(9)} ${wrong === 0 ? 'ok' : `WRONG for ${wrong} labourers`}`,
  );
  // Every eligible pair and its score, against checkEligibility and scorePair.
  const pairs = eligiblePairs(inst.index);
  let wrongPairs = 0;
  inst.dataset.labourers.forEach((w, i) => {
    const want = inst.dataset.posts
      .filter((p) => checkEligibility(inst.dataset, w, p).length === 0)
      .map((p) => ({ post: p.id as string, score: scorePair(inst.dataset, w, p).score }))
      .sort((a, b) => b.score - a.score || (a.post < b.post ? -1 : a.post > b.post ? 1 : 0));
    const got: { post: string; score: number }[] = [];
    for (let k = pairs.offsets[i]!; k < pairs.offsets[i + 1]!; k++)
      got.push({ post: inst.index.postIds[pairs.posts[k]!]!, score: pairs.scores[k]! });
    if (JSON.stringify(got) !== JSON.stringify(want)) wrongPairs += 1;
  });
  if (wrongPairs > 0) failures += 1;
  console.log(
    `${'eligible pairs'.padEnd(17)} ${inst.name.padEnd(9)} ${wrongPairs === 0 ? 'ok' : `WRONG for ${wrongPairs} labourers`}`,
  );
}
// The assignment solvers on the benchmark's sparse graphs: every stable and optimal result passes
// the verifier (no blocking pair; a dual certificate closing the gap).
for (const n of [1_000, 10_000]) {
  const graph = sparseGraph(n, 20260301 + n);
  for (const mode of ['greedy', 'stable', 'optimal'] as const) {
    const t = performance.now();
    const a = solve(graph, { mode });
    const ms = performance.now() - t;
    const ok = mode === 'greedy' || verifyAssignment(graph, a).ok;
    if (!ok) failures += 1;
    console.log(
      `${`sparse ${mode}`.padEnd(17)} ${String(n).padEnd(9)} ${ms.toFixed(1).padStart(8)} ms  ${ok ? 'ok' : 'WRONG'}`,
    );
  }
}
// Where every left ranks the rights alike, the optimal solver hands its placement to the network
// simplex: the result must still verify.
{
  const graph = sharedPreferenceGraph(10_000, 11);
  const t = performance.now();
  const a = solve(graph, { mode: 'optimal' });
  const ms = performance.now() - t;
  const ok = verifyAssignment(graph, a).ok;
  if (!ok) failures += 1;
  console.log(
    `${'shared optimal'.padEnd(17)} ${'10000'.padEnd(9)} ${ms.toFixed(1).padStart(8)} ms  ${ok ? 'ok' : 'WRONG'}`,
  );
}
// Whole cohorts planned from a dataset (groups included): every plan passes verifyPlan, which
// checks placements, reasons, blocking pairs and the certificate over every eligible pair.
{
  const dataset = parseDataset(generateSample({ labourers: 10_000, posts: 1_000, seed: 5 }));
  for (const mode of ['greedy', 'stable', 'optimal'] as const) {
    const t = performance.now();
    const plan = assign(dataset, { mode });
    const ms = performance.now() - t;
    const v = verifyPlan(plan, dataset);
    const accounted = plan.entries.length === dataset.labourers.length;
    const ok = v.ok && accounted;
    if (!ok) failures += 1;
    console.log(
      `${`plan ${mode}`.padEnd(17)} ${'10^4x10^3'.padEnd(9)} ${ms.toFixed(1).padStart(8)} ms  ${ok ? 'ok' : `WRONG: ${JSON.stringify(v.violations.slice(0, 3))}`}`,
    );
  }
}
// The optimum beside linear-sum-assignment and munkres on a dense instance.
{
  const { graph, profit } = denseGraph(300, 777);
  const ours = solve(graph, { mode: 'optimal' }).total;
  const lsa = linearSumAssignment(profit, { maximaze: true }).gain;
  const mk = munkres(profit.map((row) => row.map((w) => -w))).reduce((s, [y, x]) => s + profit[y]![x]!, 0);
  const close = (a: number, b: number): boolean =>
    Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  const same = close(ours, lsa) && close(ours, mk);
  if (!same) failures += 1;
  console.log(
    `${'dense optimal'.padEnd(17)} ${'300'.padEnd(9)} ${same ? 'ok (same optimum as both peers)' : 'WRONG'}`,
  );
}
if (failures > 0) {
  console.error(`bench:ci: ${failures} wrong result(s)`);
  process.exit(1);
}
console.log('bench:ci: every result agrees with the object-based path, the verifier and the peers');
