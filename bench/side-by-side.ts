/**
 * Two versions of the planner side by side in one process, run in turn on one dataset, so that the
 * machine's drift through the day falls on both alike:
 * `node --import tsx bench/side-by-side.ts <other-tree> <dataset.json> <mode> [runs]`.
 *
 * `<other-tree>` is a checkout of another commit with its sources (`git worktree add /tmp/before
 * <commit>`; it needs no `node_modules` of its own when it sits beside this one's, or link it). Each
 * round runs the other tree's `assign`, then this tree's, on the dataset each parsed itself; two
 * rounds of warm-up are left out. Prints the medians, their ratio (this tree over the other), in how
 * many rounds this tree was faster, and whether the two plans' objectives agree.
 *
 * At 10⁵ labourers the two parsed datasets need a larger heap than Node's default
 * (`node --max-old-space-size=6000 …`).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { assign as Assign } from '../src/assign.js';
import type { AssignmentMode } from '../src/graph/types.js';
import type { parseDataset as Parse } from '../src/parse.js';

const [tree, file, modeArg, runsArg] = process.argv.slice(2);
if (tree === undefined || file === undefined)
  throw new Error('usage: side-by-side <other-tree> <dataset.json> <mode> [runs]');
const mode = (modeArg ?? 'optimal') as AssignmentMode;
const runs = Number(runsArg ?? 15);

interface Version {
  readonly assign: typeof Assign;
  readonly parseDataset: typeof Parse;
}
const load = async (root: string): Promise<Version> => {
  const at = (path: string): string => pathToFileURL(resolve(root, path)).href;
  const { assign } = (await import(at('src/assign.ts'))) as { assign: typeof Assign };
  const { parseDataset } = (await import(at('src/parse.ts'))) as { parseDataset: typeof Parse };
  return { assign, parseDataset };
};
const other = await load(tree);
const here = await load(resolve(import.meta.dirname, '..'));

const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
const otherDataset = other.parseDataset(raw);
const hereDataset = here.parseDataset(raw);
const otherTimes: number[] = [];
const hereTimes: number[] = [];
let same = true;
for (let r = 0; r < runs + 2; r++) {
  let t = performance.now();
  const a = other.assign(otherDataset, { mode }).objective;
  const x = performance.now() - t;
  t = performance.now();
  const b = here.assign(hereDataset, { mode }).objective;
  const y = performance.now() - t;
  same &&= JSON.stringify(a) === JSON.stringify(b);
  if (r < 2) continue;
  otherTimes.push(x);
  hereTimes.push(y);
}
const median = (xs: readonly number[]): number => [...xs].sort((p, q) => p - q)[xs.length >> 1]!;
const faster = hereTimes.filter((y, i) => y < otherTimes[i]!).length;
console.log(
  `${mode}: other ${median(otherTimes).toFixed(0)} ms, this tree ${median(hereTimes).toFixed(0)} ms, ` +
    `ratio ${(median(hereTimes) / median(otherTimes)).toFixed(3)}, this tree faster in ${faster} of ${runs}, ` +
    (same ? 'the same objective' : 'DIFFERENT objectives'),
);
