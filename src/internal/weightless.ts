/**
 * Labourers an optimal placement leaves off although a candidate post of theirs has openings left.
 *
 * The optimal objective counts a labourer without priority only through its weight, so a pair of
 * weight 0 (a lawful pair that scores exactly 0, with no keep-together bonus) adds nothing, and the
 * solver may leave such a labourer out while the post has room. Among the equally good plans the
 * one that places them is kept: each is placed there, and the objective, the duals and their proof
 * stay as they were (an unplaced labourer's dual and a post's with room are both 0, so the pair is
 * tight and may be used). Nobody is then unplaced while a candidate post has room.
 *
 * @module
 */
import type { CompiledIndex } from '../compile.js';
import { idOrderOf } from './id-order.js';
import type { CorePlacement, PairLists } from './optimal-core.js';
import { TopK, Walker, walk, walkLimits } from './walk.js';

/**
 * The placement with every labourer it can take (not in `members`, without priority, unplaced) put
 * on a candidate post with openings left where its pair weighs 0: labourers in id order, each at its
 * first such post (by post id), while the openings last.
 *
 * Only a post whose employer part of the score is 0 can give a pair of score 0 (the other parts are
 * never negative), so on most datasets there is nothing to look for and nothing is walked.
 *
 * @param index - The compiled index.
 * @param placement - An optimal placement.
 * @param members - Group members (1), placed with their group or not at all.
 * @param minScore - The plan's minimum score (above 0, no pair of weight 0 is a candidate).
 * @param lists - The explicit candidate lists, when the candidates are not every eligible pair.
 * @returns The placement, the same object when nobody was placed.
 */
export function placeWeightless<P extends CorePlacement>(
  index: CompiledIndex,
  placement: P,
  members: Uint8Array,
  minScore: number,
  lists?: PairLists,
): P {
  if (minScore > 0) return placement;
  const W = index.labourerCount;
  const posts = index.postCount;
  const load = new Int32Array(posts);
  for (let w = 0; w < W; w++) if (placement.postOf[w]! >= 0) load[placement.postOf[w]!]! += 1;
  const eE = index.effectiveWeights[3]!;
  // Posts with room whose pairs can weigh 0: offset 0; the others are left out (+∞).
  const room = new Float64Array(posts).fill(Number.POSITIVE_INFINITY);
  let any = false;
  for (let p = 0; p < posts; p++) {
    if (index.postOpen[p] === 0 || load[p]! >= index.postCapacity[p]!) continue;
    if (lists === undefined && eE * index.employerValue[index.postEmployer[p]!]! > 0) continue;
    room[p] = 0;
    any = true;
  }
  if (!any) return placement;
  const postOf = placement.postOf.slice();
  const scoreOf = placement.scoreOf.slice();
  const bonusOf = placement.bonusOf.slice();
  const { labourerByRank } = idOrderOf(index);
  const rank = index.postIdRank;
  // A pair of weight 0 scores 0 and has no bonus (neither is ever negative).
  const take = (w: number, p: number): void => {
    postOf[w] = p;
    scoreOf[w] = 0;
    bonusOf[w] = 0;
    load[p]! += 1;
    if (load[p]! >= index.postCapacity[p]!) room[p] = Number.POSITIVE_INFINITY;
  };
  const wk = lists === undefined ? new Walker(index, { offsets: room }) : undefined;
  const found = new TopK(Number.POSITIVE_INFINITY);
  const lim = walkLimits(0, 0);
  let placed = 0;
  for (let i = 0; i < W; i++) {
    const w = labourerByRank[i]!;
    if (postOf[w]! >= 0 || members[w] === 1 || index.labourerExcluded[w] === 1) continue;
    if (index.labourerPriority[w] === 1) continue;
    let best = -1;
    if (lists !== undefined) {
      // The list is by post id rank: its first pair of weight 0 at a post with room.
      const wt = lists.weights ?? lists.scores;
      for (let k = lists.offsets[w]!; k < lists.offsets[w + 1]! && best < 0; k++)
        if (room[lists.posts[k]!] === 0 && wt[k]! <= 0) best = lists.posts[k]!;
    } else {
      // The pairs at these posts, in the order the walk finds them (each scores 0 or more): the
      // first by post id of those scoring 0.
      found.reset(Number.POSITIVE_INFINITY);
      walk(wk!, w, lim, found);
      for (let k = 0; k < found.size; k++) {
        if (found.scores[k]! > 0) continue;
        const p = found.posts[k]!;
        if (best < 0 || rank[p]! < rank[best]!) best = p;
      }
    }
    if (best < 0) continue;
    take(w, best);
    placed++;
  }
  return placed === 0 ? placement : { ...placement, postOf, scoreOf, bonusOf };
}
