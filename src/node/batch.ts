/**
 * Ranking every labourer over worker threads (Node only): the labourers are cut into contiguous
 * slices, each thread ranks its slice from a copy of the compiled index, and the slices are joined.
 * The result is identical to `rankAll` on one thread.
 *
 * @module
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { CompiledIndex } from '../compile.js';
import { rankRange, type RankAllOptions, type RankAllResult } from '../rank-all.js';
import { modulePath, startThread } from './threads.js';

/** Options of {@link rankAllParallel}. */
export interface ParallelOptions extends RankAllOptions {
  /**
   * How many worker threads.
   * @defaultValue the machine's available parallelism
   */
  readonly threads?: number;
}

interface Job {
  readonly kind: 'bangfu-rank-range';
  readonly index: CompiledIndex;
  readonly from: number;
  readonly to: number;
  readonly options: RankAllOptions;
}

interface Slice {
  readonly offsets: Int32Array;
  readonly posts: Int32Array;
  readonly scores: Float64Array;
}

function runSlice(path: string, job: Job): Promise<Slice> {
  return new Promise((resolve, reject) => {
    const worker = startThread(path, job);
    worker.once('message', (slice: Slice) => {
      resolve(slice);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`rankAllParallel: worker stopped with exit code ${code}`));
    });
  });
}

/**
 * Ranks every labourer's top posts on several worker threads; the same result as `rankAll`.
 *
 * Complexity: that of `rankAll` divided among the threads, plus copying the index to each thread
 * (O(size of the index) per thread).
 *
 * @param index - A compiled index (`compileIndex(dataset)`).
 * @param options - `top`, `minScore` and `threads`.
 * @returns A promise of the compact per-labourer lists.
 * @throws RangeError if `threads` is not a positive integer (and as `rankAll` for the rest).
 * @example
 * const all = await rankAllParallel(compileIndex(ds), { top: 10, threads: 2 });
 * all.offsets.length //=> ds.labourers.length + 1
 */
export async function rankAllParallel(
  index: CompiledIndex,
  options: ParallelOptions = {},
): Promise<RankAllResult> {
  const { threads = availableParallelism(), top = 10, minScore = 0 } = options;
  if (!Number.isInteger(threads) || threads < 1)
    throw new RangeError(`rankAllParallel: threads must be a positive integer, got ${String(threads)}`);
  rankRange(index, 0, 0, { top, minScore }); // validates the options before any thread starts
  const W = index.labourerCount;
  const n = Math.max(1, Math.min(threads, W));
  const bounds = Array.from({ length: n + 1 }, (_, i) => Math.round((i * W) / n));
  const path = modulePath(import.meta.url, typeof __filename === 'string' ? __filename : undefined);
  const slices = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      runSlice(path, {
        kind: 'bangfu-rank-range',
        index,
        from: bounds[i]!,
        to: bounds[i + 1]!,
        options: { top, minScore },
      }),
    ),
  );
  const total = slices.reduce((s, x) => s + x.posts.length, 0);
  const offsets = new Int32Array(W + 1);
  const posts = new Int32Array(total);
  const scores = new Float64Array(total);
  let at = 0;
  slices.forEach((slice, i) => {
    const from = bounds[i]!;
    for (let k = 1; k < slice.offsets.length; k++) offsets[from + k] = at + slice.offsets[k]!;
    posts.set(slice.posts, at);
    scores.set(slice.scores, at);
    at += slice.posts.length;
  });
  return { top, minScore, labourerIds: index.labourerIds, postIds: index.postIds, offsets, posts, scores };
}

// Inside a worker thread started by rankAllParallel: rank the slice and send it back.
if (!isMainThread && parentPort !== null && (workerData as Job | undefined)?.kind === 'bangfu-rank-range') {
  const job = workerData as Job;
  const slice = rankRange(job.index, job.from, job.to, job.options);
  parentPort.postMessage(slice, [
    slice.offsets.buffer,
    slice.posts.buffer,
    slice.scores.buffer,
  ] as ArrayBuffer[]);
}
