/**
 * The keep-together bonus: every candidate pair with a weight of score plus a bonus where fellow
 * villagers could work at the same employer.
 *
 * @module
 */
import type { CompiledIndex } from '../compile.js';
import type { KeepTogether } from '../plan.js';
import { FULL_FELLOWS } from '../score/origin.js';
import type { PairLists } from './optimal-core.js';
import { TopK, Walker, walk, walkLimits } from './walk.js';

/**
 * Every candidate pair of every labourer with its keep-together bonus as weight: the bonus counts,
 * for each origin county and employer, the labourers of the county with a candidate post there.
 * Needs every eligible pair: O(E) time and memory.
 */
export function keepTogetherLists(index: CompiledIndex, minScore: number, kt: KeepTogether): PairLists {
  const W = index.labourerCount;
  const E = index.employerCount;
  const wk = new Walker(index);
  const all = new TopK(Number.POSITIVE_INFINITY);
  const lim = walkLimits(minScore);
  const C = index.counties.length;
  const fellows = new Int32Array(C * E);
  const offsets = new Int32Array(W + 1);
  const posts: number[] = [];
  const scores: number[] = [];
  const stamp = new Int32Array(E).fill(-1);
  for (let w = 0; w < W; w++) {
    all.reset(Number.POSITIVE_INFINITY);
    walk(wk, w, lim, all);
    const c = index.labourerCounty[w]!;
    const order = Array.from({ length: all.size }, (_, i) => i).sort(
      (a, b) => index.postIdRank[all.posts[a]!]! - index.postIdRank[all.posts[b]!]!,
    );
    for (const i of order) {
      const p = all.posts[i]!;
      posts.push(p);
      scores.push(all.scores[i]!);
      const e = index.postEmployer[p]!;
      if (stamp[e] !== w) {
        stamp[e] = w;
        fellows[c * E + e]! += 1;
      }
    }
    offsets[w + 1] = posts.length;
  }
  const weights = new Float64Array(posts.length);
  const bonuses = new Float64Array(posts.length);
  for (let w = 0; w < W; w++) {
    const c = index.labourerCounty[w]!;
    for (let k = offsets[w]!; k < offsets[w + 1]!; k++) {
      const e = index.postEmployer[posts[k]!]!;
      const f = fellows[c * E + e]! - 1;
      const already = index.countyFellows[c * E + e]!;
      bonuses[k] = kt.weight === 0 ? 0 : kt.weight * Math.min(1, (f + already) / FULL_FELLOWS);
      weights[k] = scores[k]! + bonuses[k]!;
    }
  }
  return { offsets, posts: Int32Array.from(posts), scores: Float64Array.from(scores), weights, bonuses };
}
