/**
 * The named benchmark cases: each times one operation on instances from the deterministic sample
 * generator, with the object-based path run beside it on the same instance where one exists.
 */
import { compileIndex, type CompiledIndex } from '../src/compile.js';
import { scoreRow } from './index-row.js';
import { createScratch, kernelEligible, kernelScore } from '../src/internal/kernel.js';
import { parseDataset } from '../src/parse.js';
import { rankAll } from '../src/rank-all.js';
import { rankPosts } from '../src/rank.js';
import { generateSample } from '../src/sample.js';
import { scorePair } from '../src/score.js';
import type { Dataset } from '../src/types.js';

/** An instance: a dataset, its index, and how long building them took. */
export interface Instance {
  readonly name: string;
  readonly labourers: number;
  readonly posts: number;
  readonly dataset: Dataset;
  readonly index: CompiledIndex;
  readonly generateMs: number;
  readonly parseMs: number;
  readonly compileMs: number;
}

/** Builds an instance once per run. */
export function instance(labourers: number, posts: number, seed = 2025): Instance {
  let t = performance.now();
  const input = generateSample({ labourers, posts, seed });
  const generateMs = performance.now() - t;
  t = performance.now();
  const dataset = parseDataset(input);
  const parseMs = performance.now() - t;
  t = performance.now();
  const index = compileIndex(dataset);
  const compileMs = performance.now() - t;
  return { name: `${labourers}x${posts}`, labourers, posts, dataset, index, generateMs, parseMs, compileMs };
}

/** One timed operation: `units` pairs or labourers per run, and a checksum to compare with the peer. */
export interface Measure {
  readonly units: number;
  readonly unit: string;
  readonly checksum: string;
}

/** A case: the fast path and, where there is one, the object-based peer on the same instance. */
export interface Case {
  readonly name: string;
  readonly run: (inst: Instance) => Measure;
  readonly peer?: (inst: Instance) => Measure;
}

/** Deterministic sample of pairs: `n` (labourer, post) positions spread over the instance. */
function pairs(inst: Instance, n: number): Int32Array {
  const out = new Int32Array(2 * n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[2 * i] = x % inst.labourers;
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[2 * i + 1] = x % inst.posts;
  }
  return out;
}

function pairScoreCase(n: number): Case {
  return {
    name: 'score pairs',
    run: (inst) => {
      const ps = pairs(inst, n);
      const sc = createScratch(inst.index);
      let sum = 0;
      for (let i = 0; i < n; i++) sum += kernelScore(inst.index, sc, ps[2 * i]!, ps[2 * i + 1]!);
      return { units: n, unit: 'pairs', checksum: sum.toFixed(9) };
    },
    peer: (inst) => {
      const ps = pairs(inst, n);
      const { labourers, posts } = inst.dataset;
      let sum = 0;
      for (let i = 0; i < n; i++)
        sum += scorePair(inst.dataset, labourers[ps[2 * i]!]!, posts[ps[2 * i + 1]!]!).score;
      return { units: n, unit: 'pairs', checksum: sum.toFixed(9) };
    },
  };
}

/** Scores a labourer against every post (`scoreRow`: the kernel's row loop, skills once per signature). */
function rowScoreCase(rows: number): Case {
  return {
    name: 'score rows',
    run: (inst) => {
      const sc = createScratch(inst.index);
      const out = new Float64Array(inst.posts);
      let sum = 0;
      const r = Math.min(rows, inst.labourers);
      for (let w = 0; w < r; w++) {
        scoreRow(inst.index, sc, w, out);
        for (let p = 0; p < inst.posts; p++) sum += out[p]!;
      }
      return { units: r * inst.posts, unit: 'pairs', checksum: sum.toFixed(9) };
    },
    peer: (inst) => {
      let sum = 0;
      const r = Math.min(rows, inst.labourers);
      for (let w = 0; w < r; w++) {
        const labourer = inst.dataset.labourers[w]!;
        for (const post of inst.dataset.posts) sum += scorePair(inst.dataset, labourer, post).score;
      }
      return { units: r * inst.posts, unit: 'pairs', checksum: sum.toFixed(9) };
    },
  };
}

function eligibilityCase(n: number): Case {
  return {
    name: 'eligibility',
    run: (inst) => {
      const ps = pairs(inst, n);
      let count = 0;
      for (let i = 0; i < n; i++) if (kernelEligible(inst.index, ps[2 * i]!, ps[2 * i + 1]!)) count += 1;
      return { units: n, unit: 'pairs', checksum: String(count) };
    },
  };
}

function topKCase(sampleLabourers: number): Case {
  // The peer ranks a sample of labourers (rankPosts over every post); the fast path ranks the same.
  const pick = (inst: Instance): number[] => {
    const step = Math.max(1, Math.floor(inst.labourers / sampleLabourers));
    const out: number[] = [];
    for (let w = 0; w < inst.labourers && out.length < sampleLabourers; w += step) out.push(w);
    return out;
  };
  return {
    name: 'top-10 (sample)',
    run: (inst) => {
      const all = rankAll(inst.index, { top: 10 });
      const ws = pick(inst);
      const parts = ws.map((w) =>
        [...all.posts.subarray(all.offsets[w]!, all.offsets[w + 1]!)]
          .map((p) => inst.index.postIds[p])
          .join(','),
      );
      return { units: inst.labourers, unit: 'labourers', checksum: hash(parts.join(';')) };
    },
    peer: (inst) => {
      const ws = pick(inst);
      const parts = ws.map((w) =>
        rankPosts(inst.dataset, inst.dataset.labourers[w]!.id, { top: 10, includeExcluded: false })
          .ranked.map((r) => r.post.id)
          .join(','),
      );
      return { units: ws.length, unit: 'labourers', checksum: hash(parts.join(';')) };
    },
  };
}

function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16);
}

/** The table of cases. The top-k case's checksum covers a sample of labourers only. */
export const CASES: readonly Case[] = [
  pairScoreCase(200_000),
  rowScoreCase(20),
  eligibilityCase(200_000),
  topKCase(50),
];

/** The sizes run by `npm run bench`: labourers × posts. */
export const SIZES: readonly (readonly [number, number])[] = [
  [1_000, 100],
  [10_000, 1_000],
  [100_000, 10_000],
];
