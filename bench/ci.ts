/**
 * `npm run bench:ci`: a small run of every benchmark case that fails only if a result is wrong
 * (a fast path disagreeing with the object-based path), never on time.
 */
import { rankAll, rankedOf } from '../src/rank-all.js';
import { rankPosts } from '../src/rank.js';
import { CASES, instance } from './cases.js';

let failures = 0;
for (const [workers, posts] of [
  [300, 200],
  [1_000, 100],
] as const) {
  const inst = instance(workers, posts, 7);
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
}
if (failures > 0) {
  console.error(`bench:ci: ${failures} wrong result(s)`);
  process.exit(1);
}
console.log('bench:ci: every result agrees with the object-based path');
