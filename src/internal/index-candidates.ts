/**
 * Candidate lists of the compiled index: for one origin county and one mobility class, the posts
 * that pass every rule about the post alone and about place, sorted by an upper bound of the part
 * of the score that does not depend on the labourer beyond their county (origin with the language
 * part at its best, and employer). Ranking walks a list best bound first and stops as soon as no
 * remaining post can enter the top k.
 *
 * @module
 */
import * as compiled from '../compile.js';
import type { CompiledIndex } from '../compile.js';
import { originOf } from './kernel.js';

const { CP_LINK_MASK, CP_NEAR_HOME, CP_SAME_PREFECTURE, CP_SAME_PROVINCE, LINK_VALUES } = compiled;

/** One candidate list: posts and their bound keys, keys descending. */
export interface CandidateList {
  readonly posts: Int32Array;
  /** `eO · origin(link without preferences, fellows, language 1) + eE · employer`. */
  readonly keys: Float64Array;
}

/**
 * Builds the candidate list of a county and a mobility class (0 anywhere, 1 home province, 2 home
 * prefecture, 3 home county or cannot leave home).
 *
 * Complexity: O(P log P) for P posts.
 *
 * @param index - The compiled index.
 * @param county - The county's position in `index.counties`.
 * @param scope - The mobility class.
 * @returns The list.
 * @example
 * candidateList(index, 0, 0).posts.length //=> open posts anyone from county 0 may be offered by place
 */
export function candidateList(index: CompiledIndex, county: number, scope: number): CandidateList {
  const P = index.postCount;
  const E = index.employerCount;
  const ew = index.effectiveWeights;
  const off = county * P;
  const chosen: number[] = [];
  const keyOf = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    if (index.postOpen[p] === 0) continue;
    const cp = index.countyPost[off + p]!;
    if ((cp & CP_NEAR_HOME) === 0) {
      if (scope === 3) continue;
      if (scope === 2 && (cp & CP_SAME_PREFECTURE) === 0) continue;
      if (scope === 1 && (cp & CP_SAME_PROVINCE) === 0) continue;
    }
    const code = cp & CP_LINK_MASK;
    const e = index.postEmployer[p]!;
    const origin = originOf(code === 0 ? 1 : LINK_VALUES[code]!, index.countyFellows[county * E + e]!, 1);
    keyOf[p] = ew[2]! * origin + ew[3]! * index.employerValue[e]!;
    chosen.push(p);
  }
  const rank = index.postIdRank;
  chosen.sort((a, b) => keyOf[b]! - keyOf[a]! || rank[a]! - rank[b]!);
  const posts = Int32Array.from(chosen);
  const keys = new Float64Array(posts.length);
  for (let i = 0; i < posts.length; i++) keys[i] = keyOf[posts[i]!]!;
  return { posts, keys };
}
