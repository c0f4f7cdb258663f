/**
 * A plan from a placement held in typed arrays: one entry per labourer in id order, the unplaced
 * reasons (bounded: the best few posts, found by the walk, and exact counts of the rules that close
 * every post), the objective, the certificate as the plan's records, and the summary.
 *
 * @module
 */
import type { CompiledIndex } from '../compile.js';
import { labourerExclusions } from '../eligibility.js';
import type { OptimalCertificate, StableCertificate } from '../graph/types.js';
import {
  NEAR_MISS_HOLDERS,
  type GroupFailure,
  type GroupOutcome,
  type GroupSearch,
  type Holder,
  type NearMiss,
  type Plan,
  type PlanEntry,
  type PlanObjective,
  type PlanOptions,
  type UnplacedReason,
} from '../plan.js';
import { summarizePlan } from '../summary.js';
import type { Dataset, EmployerId, PostId, LabourerId } from '../types.js';
import { dualCertificate } from '../graph/internal/dual-records.js';
import { idOrderOf } from './id-order.js';
import { createScratch } from './kernel.js';
import type { PlanDuals } from './pricing.js';
import { ruleCounts } from './rule-counts.js';
import { TopK, Walker, walk, walkLimits } from './walk.js';

/** A placement of a compiled index's labourers, by position. */
export interface TypedPlacement {
  /** Each labourer's post, −1 when unplaced. */
  readonly postOf: Int32Array;
  /** Each placed labourer's score (`scorePair`). */
  readonly scoreOf: Float64Array;
  /** Each placed labourer's keep-together bonus (absent: none). */
  readonly bonusOf?: Float64Array | undefined;
  /** Duals that prove an optimal placement optimal (optimal mode). */
  readonly duals?: PlanDuals | undefined;
  /** Labourers left out of the certificate's graph (group members, in a residual graph). */
  readonly outOfGraph?: Uint8Array | undefined;
  readonly outcomes: readonly GroupOutcome[];
  readonly search: GroupSearch;
  /** Duals of the relaxation that prove `search.upperBound` (optimal mode with groups). */
  readonly boundDuals?: PlanDuals | undefined;
  /** Stable mode: the pairs that block the plan (only group members can cause them). */
  readonly blockingPairs?: readonly { readonly labourer: LabourerId; readonly post: PostId }[] | undefined;
  /** Stable mode: how many pairs block the plan (`blockingPairs` lists the first few). */
  readonly blockingPairCount?: number | undefined;
}

/** Steps of building a plan, for progress. */
export type PlanProgress = (done: number, total: number) => void;

/** The certificate's records, by id, from duals by position. */
function certificateOf(index: CompiledIndex, duals: PlanDuals, outOfGraph?: Uint8Array): OptimalCertificate {
  const { labourerByRank, postByRank } = idOrderOf(index);
  return dualCertificate(
    duals.tiers,
    duals.T,
    {
      ids: index.labourerIds,
      tier: duals.labourerTierDual,
      weight: duals.labourerDual,
      order: labourerByRank,
      skip: outOfGraph,
    },
    { ids: index.postIds, tier: duals.postTierDual, weight: duals.postDual, order: postByRank },
  );
}

/**
 * The reasons of unplaced labourers under a placement: excluded by a rule about the labourer alone;
 * else its best candidate posts (at most {@link NEAR_MISS_HOLDERS}) and who holds them; else its best
 * eligible post, below the minimum score; else how many posts each rule closes; then, for a group
 * member, that the group was not placed whole (a member's candidate posts are not listed).
 *
 * @param dataset - The dataset.
 * @param index - Its compiled index.
 * @param options - The plan's options (minimum score, candidates per labourer).
 * @param postOf - Each labourer's post, −1 unplaced.
 * @param scoreOf - Each placed labourer's score.
 * @returns The reasons of one unplaced labourer, given its group's failure if any.
 */
export function createReasoner(
  dataset: Dataset,
  index: CompiledIndex,
  options: Pick<PlanOptions, 'minScore' | 'candidatesPerLabourer'>,
  postOf: Int32Array,
  scoreOf: Float64Array,
): (w: number, failure?: { group: string; why: GroupFailure }) => [UnplacedReason, ...UnplacedReason[]] {
  const W = index.labourerCount;
  const P = index.postCount;
  const { labourerRank } = idOrderOf(index);
  const tierOf = (w: number): 0 | 1 => (index.labourerPriority[w] === 1 ? 0 : 1);
  // Holders of each post, in the post's order when first asked.
  const holderStart = new Int32Array(P + 1);
  for (let w = 0; w < W; w++) if (postOf[w]! >= 0) holderStart[postOf[w]! + 1]! += 1;
  for (let p = 0; p < P; p++) holderStart[p + 1]! += holderStart[p]!;
  const holderList = new Int32Array(holderStart[P]!);
  const fill = holderStart.slice(0, P);
  for (let w = 0; w < W; w++) if (postOf[w]! >= 0) holderList[fill[postOf[w]!]!++] = w;
  const sorted = new Uint8Array(P);
  const weakest = (p: number): { held: number; takenBy: Holder[] } => {
    const a = holderStart[p]!;
    const b = holderStart[p + 1]!;
    if (sorted[p] === 0) {
      const list = Array.from(holderList.subarray(a, b)).sort(
        (x, y) => tierOf(x) - tierOf(y) || scoreOf[y]! - scoreOf[x]! || labourerRank[x]! - labourerRank[y]!,
      );
      holderList.set(list, a);
      sorted[p] = 1;
    }
    const takenBy: Holder[] = [];
    for (let i = Math.max(a, b - NEAR_MISS_HOLDERS); i < b; i++) {
      const h = holderList[i]!;
      takenBy.push({ labourer: index.labourerIds[h]! as LabourerId, tier: tierOf(h), score: scoreOf[h]! });
    }
    return { held: b - a, takenBy };
  };

  const byId = new Map<string, (typeof dataset.labourers)[number]>();
  for (const l of dataset.labourers) byId.set(l.id, l);

  const wk = new Walker(index);
  const sc = createScratch(index);
  const near = new TopK(Math.min(NEAR_MISS_HOLDERS, options.candidatesPerLabourer ?? NEAR_MISS_HOLDERS));
  const any = new TopK(1);
  const candidates = walkLimits(options.minScore);
  const eligible = walkLimits(0);
  const own = (w: number, member: boolean): UnplacedReason[] => {
    const id = index.labourerIds[w]!;
    if (index.labourerExcluded[w] === 1)
      return [
        { code: 'labourer-excluded', params: { exclusions: labourerExclusions(dataset, byId.get(id)!) } },
      ];
    near.reset(near.k);
    walk(wk, w, candidates, near);
    if (near.size > 0) {
      if (member) return [];
      const nearMisses: NearMiss[] = [];
      for (let k = 0; k < near.size; k++) {
        const p = near.posts[k]!;
        nearMisses.push({ post: index.postIds[p]! as PostId, score: near.scores[k]!, ...weakest(p) });
      }
      return [{ code: 'posts-filled', params: { nearMisses } }];
    }
    // Below the minimum score (with none, every eligible pair was a candidate: no second walk).
    any.reset(1);
    if (options.minScore > 0) walk(wk, w, eligible, any);
    if (any.size > 0)
      return [
        {
          code: 'below-min-score',
          params: {
            minScore: options.minScore,
            best: { post: index.postIds[any.posts[0]!]! as PostId, score: any.scores[0]! },
          },
        },
      ];
    return [{ code: 'no-eligible-post', params: { posts: P, byRule: ruleCounts(index, sc, w) } }];
  };

  return (w, failure) => {
    const reasons = own(w, failure !== undefined);
    if (failure !== undefined) reasons.push({ code: 'group-not-placed-whole', params: failure });
    return reasons as [UnplacedReason, ...UnplacedReason[]];
  };
}

/**
 * Builds the plan of a placement.
 *
 * Complexity: O(W log W + P) for the entries and holders, plus one bounded walk per unplaced
 * labourer (its best posts) and, for one with no eligible post, the rule counts.
 */
export function buildPlan(
  dataset: Dataset,
  index: CompiledIndex,
  options: PlanOptions,
  placement: TypedPlacement,
  onProgress?: PlanProgress,
): Plan {
  const W = index.labourerCount;
  const { postOf, scoreOf, bonusOf } = placement;
  const { labourerByRank, labourerRank } = idOrderOf(index);
  const tierOf = (w: number): 0 | 1 => (index.labourerPriority[w] === 1 ? 0 : 1);

  const reasonsOf = createReasoner(dataset, index, options, postOf, scoreOf);
  const groupOf = new Map<string, string>();
  for (const g of options.groups) for (const m of g.members) groupOf.set(m, g.id);
  const outcomeOf = new Map(placement.outcomes.map((o) => [o.group, o]));

  let priorityPlaced = 0;
  let placed = 0;
  let total = 0;
  const entries: PlanEntry[] = new Array<PlanEntry>(W);
  // Unplaced labourers are walked county by county (the walk builds each county's buckets once).
  const unplaced: number[] = [];
  for (let i = 0; i < W; i++) {
    const w = labourerByRank[i]!;
    const id = index.labourerIds[w]! as LabourerId;
    const p = postOf[w]!;
    if (p < 0) {
      unplaced.push(w);
      continue;
    }
    const bonus = bonusOf?.[w] ?? 0;
    const group = groupOf.get(id);
    entries[i] = {
      kind: 'placed',
      labourer: id,
      post: index.postIds[p]! as PostId,
      employer: dataset.employers[index.postEmployer[p]!]!.id as EmployerId,
      score: scoreOf[w]!,
      bonus,
      tier: tierOf(w),
      ...(group === undefined ? {} : { group }),
    };
    placed++;
    if (tierOf(w) === 0) priorityPlaced++;
    total += scoreOf[w]! + bonus;
  }
  unplaced.sort(
    (a, b) =>
      index.labourerCounty[a]! - index.labourerCounty[b]! ||
      index.labourerScope[a]! - index.labourerScope[b]!,
  );
  let done = 0;
  onProgress?.(0, unplaced.length);
  for (const w of unplaced) {
    const id = index.labourerIds[w]! as LabourerId;
    const gid = groupOf.get(id);
    const o = gid === undefined ? undefined : outcomeOf.get(gid);
    const failure: { group: string; why: GroupFailure } | undefined =
      gid === undefined
        ? undefined
        : { group: gid, why: o?.kind === 'not-placed' ? o.why : { code: 'no-common-option' } };
    entries[labourerRank[w]!] = {
      kind: 'unplaced',
      labourer: id,
      tier: tierOf(w),
      reasons: reasonsOf(w, failure),
    };
    if (++done % 4096 === 0) onProgress?.(done, unplaced.length);
  }
  onProgress?.(unplaced.length, unplaced.length);

  const objective: PlanObjective = { priorityPlaced, placed, total };
  let certificate: OptimalCertificate | StableCertificate | undefined;
  if (options.mode === 'optimal' && placement.duals !== undefined)
    certificate = certificateOf(index, placement.duals, placement.outOfGraph);
  else if (options.mode === 'stable') certificate = { kind: 'stable', blockingPairs: [] };
  const base = {
    mode: options.mode,
    asOf: dataset.asOf,
    options,
    entries,
    objective,
    ...(certificate === undefined ? {} : { certificate }),
    ...(options.mode === 'stable'
      ? { blockingPairs: placement.blockingPairs ?? [], blockingPairCount: placement.blockingPairCount ?? 0 }
      : {}),
    groups: placement.outcomes,
    groupSearch:
      placement.boundDuals === undefined
        ? placement.search
        : { ...placement.search, bound: certificateOf(index, placement.boundDuals) },
  };
  return { ...base, summary: summarizePlan(base, dataset) };
}
