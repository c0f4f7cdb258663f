/**
 * Batch recommendations with a congestion cap: a top-k list of posts for every labourer, where no
 * post is recommended to more labourers than its cap, so the lists do not all point at the same few
 * posts.
 *
 * @module
 */
import { buildCandidates } from './internal/candidates.js';
import type { PriorityTier } from './plan.js';
import type { Dataset, IsoDate, PostId, LabourerId } from './types.js';

/** Options of {@link recommend}. */
export interface RecommendOptions {
  /**
   * How many posts each labourer is recommended at most.
   * @defaultValue 10
   */
  readonly top?: number;
  /**
   * How many labourers a post is recommended to at most.
   * @defaultValue no cap
   */
  readonly maxPerPost?: number;
  /**
   * Cap per opening left: a post is recommended to at most `ceil(perOpening × (openings − filled))`
   * labourers (with `maxPerPost`, the smaller cap applies).
   * @defaultValue no cap
   */
  readonly perOpening?: number;
  /**
   * Pairs scoring below this are not recommended.
   * @defaultValue 0
   */
  readonly minScore?: number;
}

/** One recommended post. */
export interface Recommendation {
  /** 1-based, in the labourer's order (score descending, then post id). */
  readonly rank: number;
  readonly post: PostId;
  readonly score: number;
}

/** One labourer's list. */
export interface LabourerRecommendations {
  readonly labourer: LabourerId;
  readonly tier: PriorityTier;
  readonly recommendations: readonly Recommendation[];
  /** Posts the labourer would have had, but that went to labourers the post ranks higher (congestion). */
  readonly withheld: number;
}

/** The lists of a whole dataset. */
export interface RecommendationBatch {
  readonly asOf: IsoDate;
  readonly top: number;
  /** One per labourer, sorted by labourer id; labourers excluded outright get an empty list. */
  readonly lists: readonly LabourerRecommendations[];
  /** For every post (by id): its cap and how many labourers it is recommended to. */
  readonly load: Readonly<Record<string, { readonly cap: number; readonly recommended: number }>>;
}

function positiveInteger(fn: string, name: string, x: number | undefined): void {
  if (x !== undefined && !(Number.isInteger(x) && x >= 1))
    throw new RangeError(`${fn}: ${name} must be a positive integer, got ${String(x)}`);
}

/**
 * Recommends up to `top` posts to every labourer so that no post is recommended to more labourers
 * than its cap.
 *
 * Method: a many-to-many deferred acceptance. Each labourer proposes down their ranking of eligible
 * posts (score descending, then post id) while they hold fewer than `top`; each post keeps its best
 * `cap` proposers by priority tier (registered or monitored households first), then score descending,
 * then labourer id, and turns the others away, who propose further. The result is stable: there is no
 * labourer and post not paired that would both rather be (the labourer has room on the list or ranks
 * the post above one on it, and the post has room or ranks the labourer above one it holds); and it is
 * the best stable result for every labourer, so it does not depend on the order of the input. Without
 * a cap it is each labourer's plain top-k.
 *
 * @param dataset - The dataset.
 * @param options - `top`, `maxPerPost`, `perOpening`, `minScore`.
 * @returns The lists and each post's load.
 * @throws RangeError if `top` or `maxPerPost` is not a positive integer, `perOpening` not a positive
 *   number, or `minScore` not in [0, 1].
 * @example
 * recommend(ds, { top: 3, maxPerPost: 5 }).lists[0].recommendations.map((r) => r.post) //=> ['p0007', 'p0112', 'p0031']
 *
 * Complexity: O(W·P·(R + S)) for the candidate graph, then O(E·c) for the proposals (c the largest cap).
 */
export function recommend(dataset: Dataset, options: RecommendOptions = {}): RecommendationBatch {
  const top = options.top ?? 10;
  positiveInteger('recommend', 'top', top);
  positiveInteger('recommend', 'maxPerPost', options.maxPerPost);
  const per = options.perOpening;
  if (per !== undefined && !(typeof per === 'number' && Number.isFinite(per) && per > 0))
    throw new RangeError(`recommend: perOpening must be a positive number, got ${String(per)}`);
  const minScore = options.minScore ?? 0;
  if (!(typeof minScore === 'number' && minScore >= 0 && minScore <= 1))
    throw new RangeError(`recommend: minScore must be a number in [0, 1], got ${String(minScore)}`);

  const c = buildCandidates(dataset, { minScore });
  const cap = new Map<string, number>();
  for (const p of c.posts) {
    let k = Number.MAX_SAFE_INTEGER;
    if (options.maxPerPost !== undefined) k = Math.min(k, options.maxPerPost);
    if (per !== undefined) k = Math.min(k, Math.ceil(per * c.capacity.get(p.id)!));
    cap.set(p.id, k);
  }

  const nW = c.labourers.length;
  const next = new Int32Array(nW);
  const holding = new Int32Array(nW);
  const withheld = new Int32Array(nW);
  // held[post] = indices of (labourer, edge) proposals the post keeps.
  const held = new Map<string, { w: number; score: number }[]>();
  const worse = (a: { w: number; score: number }, b: { w: number; score: number }): boolean => {
    const ta = c.labourers[a.w]!.tier;
    const tb = c.labourers[b.w]!.tier;
    return ta !== tb ? ta > tb : a.score !== b.score ? a.score < b.score : a.w > b.w;
  };
  const free: number[] = [];
  for (let w = nW - 1; w >= 0; w--) free.push(w);
  while (free.length > 0) {
    const w = free.pop()!;
    const edges = c.labourers[w]!.edges;
    while (holding[w]! < top && next[w]! < edges.length) {
      const e = edges[next[w]!++]!;
      const list = held.get(e.post) ?? [];
      held.set(e.post, list);
      const me = { w, score: e.score };
      if (list.length < cap.get(e.post)!) {
        list.push(me);
        holding[w]!++;
        continue;
      }
      let worst = 0;
      for (let i = 1; i < list.length; i++) if (worse(list[i]!, list[worst]!)) worst = i;
      if (list.length > 0 && worse(list[worst]!, me)) {
        const out = list[worst]!;
        list[worst] = me;
        holding[w]!++;
        holding[out.w]!--;
        withheld[out.w]!++;
        free.push(out.w);
      } else withheld[w]!++;
    }
  }

  const given = c.labourers.map(() => new Set<string>());
  for (const [post, list] of held) for (const x of list) given[x.w]!.add(post);
  const lists = c.labourers.map((wc, w): LabourerRecommendations => {
    const recs = wc.edges
      .filter((e) => given[w]!.has(e.post))
      .map((e, i) => ({ rank: i + 1, post: e.post, score: e.score }));
    return { labourer: wc.labourer.id, tier: wc.tier, recommendations: recs, withheld: withheld[w]! };
  });
  const load: Record<string, { cap: number; recommended: number }> = {};
  for (const p of c.posts) load[p.id] = { cap: cap.get(p.id)!, recommended: held.get(p.id)?.length ?? 0 };
  return { asOf: dataset.asOf, top, lists, load };
}
