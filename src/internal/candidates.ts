/**
 * The candidate graph of a cohort: every eligible labourer–post pair with its score, built once per
 * plan and shared by the solvers, the unplaced reasons and the verifier.
 *
 * @module
 */
import { compareIds, priorityTier } from '../compare.js';

export { priorityTier } from '../compare.js';
import { checkEligibility, labourerExclusions } from '../eligibility.js';
import type { BipartiteGraph, Edge, LeftNode } from '../graph/types.js';
import type { KeepTogether, PriorityTier } from '../plan.js';
import type { Exclusion, ExclusionCode } from '../reasons.js';
import { compileIndex } from '../compile.js';
import { eligiblePairs } from '../rank-all.js';
import { FULL_FELLOWS } from '../score/origin.js';
import type { Dataset, EmployerId, Labourer, Post, PostId, LabourerId } from '../types.js';

/** An eligible pair that made the candidate list. */
export interface CandidateEdge {
  readonly labourer: LabourerId;
  readonly post: PostId;
  readonly employer: EmployerId;
  /** `scorePair(...).score`. */
  readonly score: number;
  /** Keep-together bonus (0 without the option). */
  readonly bonus: number;
  /** `score + bonus`: the edge's weight in the solvers. */
  readonly weight: number;
}

/** One labourer's side of the candidate graph. */
export interface LabourerCandidates {
  readonly labourer: Labourer;
  readonly tier: PriorityTier;
  /** Rules about the labourer alone; non-empty means no post at all. */
  readonly exclusions: readonly Exclusion[];
  /** Eligible posts (before `minScore` and `candidatesPerLabourer`). */
  readonly eligible: number;
  /** How many posts each rule excluded (counted only for labourers with no eligible post who are not excluded outright). */
  readonly byRule: Readonly<Partial<Record<ExclusionCode, number>>>;
  /** The best eligible post scoring below `minScore`, if any. */
  readonly bestBelowMin?: { readonly post: PostId; readonly score: number };
  /** Candidate edges, best first (score descending, then post id). */
  readonly edges: readonly CandidateEdge[];
}

/** The candidate graph of a dataset. */
export interface Candidates {
  readonly dataset: Dataset;
  /** Sorted by labourer id. */
  readonly labourers: readonly LabourerCandidates[];
  readonly byLabourer: ReadonlyMap<string, LabourerCandidates>;
  /** Sorted by post id. */
  readonly posts: readonly Post[];
  readonly postById: ReadonlyMap<string, Post>;
  /** Openings left per post: `max(0, openings − filled)`. */
  readonly capacity: ReadonlyMap<string, number>;
}

/** Options of {@link buildCandidates}. */
export interface CandidateOptions {
  readonly minScore: number;
  readonly candidatesPerLabourer?: number | undefined;
  readonly keepTogether?: KeepTogether | undefined;
}

/**
 * Builds the candidate graph: each labourer's eligible posts scoring at least `minScore`, the best
 * `candidatesPerLabourer` of them (by score descending, then post id), with the keep-together bonus.
 *
 * The keep-together bonus of labourer w (county c) at a post of employer E is
 * `weight × min(1, (f + k) / FULL_FELLOWS)`, with f the other labourers of county c who have an
 * eligible post at E scoring at least `minScore`, and k the labourers from c already working at E
 * (`workforceByOrigin`). It rewards pairs where fellow villagers could work together; it is a
 * linear proxy, not a reward for the fellows the plan actually places together.
 *
 * Eligible pairs and their scores come from the compiled index (`eligiblePairs`), which matches
 * `checkEligibility` and `scorePair` exactly; the rules are asked one by one only for a labourer with
 * no eligible post, to say which rules closed every post.
 *
 * Complexity: O(W·P·(r + s) + E log E) for W labourers, P posts, r and s the kernel's cost of the
 * rules and of a score, plus O(P·R) per labourer with no eligible post (R the object rules' cost).
 */
export function buildCandidates(dataset: Dataset, options: CandidateOptions): Candidates {
  const labourers = [...dataset.labourers].sort((a, b) => compareIds(a.id, b.id));
  const posts = [...dataset.posts].sort((a, b) => compareIds(a.id, b.id));
  const postById = new Map(posts.map((p) => [p.id as string, p]));
  const capacity = new Map(posts.map((p) => [p.id as string, Math.max(0, p.openings - p.filled)]));

  interface Raw {
    readonly labourer: Labourer;
    readonly exclusions: readonly Exclusion[];
    readonly byRule: Partial<Record<ExclusionCode, number>>;
    readonly eligible: { readonly post: Post; readonly score: number }[];
  }
  // Eligible pairs and scores from the compiled index: the kernel evaluates the same rules and the
  // same score arithmetic as checkEligibility and scorePair (held equal by the kernel's tests), with
  // no object per pair. Each labourer's pairs come sorted by score descending, then post id.
  const pairs = eligiblePairs(compileIndex(dataset));
  const positionOf = new Map(dataset.labourers.map((w, i) => [w.id as string, i]));
  const raws: Raw[] = labourers.map((labourer) => {
    const exclusions = labourerExclusions(dataset, labourer);
    const byRule: Partial<Record<ExclusionCode, number>> = {};
    const i = positionOf.get(labourer.id)!;
    const eligible: { post: Post; score: number }[] = [];
    if (exclusions.length === 0) {
      for (let k = pairs.offsets[i]!; k < pairs.offsets[i + 1]!; k++)
        eligible.push({ post: dataset.posts[pairs.posts[k]!]!, score: pairs.scores[k]! });
      // Which rules closed every post: counted by the rules themselves, only where no post is eligible.
      if (eligible.length === 0) {
        for (const post of posts) {
          const found = checkEligibility(dataset, labourer, post);
          // Each rule once per post, without allocating (a post rarely breaks more than a few rules).
          for (let a = 0; a < found.length; a++) {
            const code = found[a]!.code;
            let first = true;
            for (let b = 0; b < a && first; b++) first = found[b]!.code !== code;
            if (first) byRule[code] = (byRule[code] ?? 0) + 1;
          }
        }
      }
    }
    return { labourer, exclusions, byRule, eligible };
  });

  // Fellow villagers who could work at each employer: county → employer → labourers.
  const fellows = new Map<string, Map<string, number>>();
  if (options.keepTogether !== undefined) {
    for (const r of raws) {
      const employers = new Set(
        r.eligible.filter((e) => e.score >= options.minScore).map((e) => e.post.employer),
      );
      const byEmployer = fellows.get(r.labourer.originCounty) ?? new Map<string, number>();
      for (const e of employers) byEmployer.set(e, (byEmployer.get(e) ?? 0) + 1);
      fellows.set(r.labourer.originCounty, byEmployer);
    }
  }
  const existing = new Map<string, number>();
  for (const e of dataset.employers)
    for (const w of e.workforceByOrigin) existing.set(`${e.id}\u0000${w.county}`, w.count);
  const bonusOf = (labourer: Labourer, employer: EmployerId): number => {
    const kt = options.keepTogether;
    if (kt === undefined || kt.weight === 0) return 0;
    const f = (fellows.get(labourer.originCounty)?.get(employer) ?? 1) - 1;
    const k = existing.get(`${employer}\u0000${labourer.originCounty}`) ?? 0;
    return kt.weight * Math.min(1, (f + k) / FULL_FELLOWS);
  };

  const out: LabourerCandidates[] = raws.map((r) => {
    const kept = r.eligible.filter((e) => e.score >= options.minScore);
    const below = r.eligible.find((e) => e.score < options.minScore);
    const top =
      options.candidatesPerLabourer === undefined ? kept : kept.slice(0, options.candidatesPerLabourer);
    const edges = top.map(({ post, score }): CandidateEdge => {
      const bonus = bonusOf(r.labourer, post.employer);
      return {
        labourer: r.labourer.id,
        post: post.id,
        employer: post.employer,
        score,
        bonus,
        weight: score + bonus,
      };
    });
    return {
      labourer: r.labourer,
      tier: priorityTier(r.labourer),
      exclusions: r.exclusions,
      eligible: r.eligible.length,
      byRule: r.byRule,
      ...(below === undefined ? {} : { bestBelowMin: { post: below.post.id, score: below.score } }),
      edges,
    };
  });
  return {
    dataset,
    labourers: out,
    byLabourer: new Map(out.map((w) => [w.labourer.id as string, w])),
    posts,
    postById,
    capacity,
  };
}

/** How a sub-problem differs from the plain candidate graph. */
export interface GraphShape {
  /** Labourers left out altogether. */
  readonly exclude?: ReadonlySet<string>;
  /** Labourers who must be placed (solver tier 0), each only on the posts listed. */
  readonly forced?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Openings already used per post (subtracted from the capacity). */
  readonly used?: ReadonlyMap<string, number>;
}

/**
 * The bipartite graph of a sub-problem: left = labourers (solver tier 0 for forced group members,
 * 1 for priority households, `null` for the others: their placements count only through their
 * score), right = posts with the openings left, edges = candidate pairs weighted by score + bonus.
 * The optimal solver's objective on it is therefore (forced members placed, priority placed, total).
 *
 * Complexity: O(W + P + E).
 */
export function candidateGraph(c: Candidates, shape: GraphShape = {}): BipartiteGraph {
  const left: LeftNode[] = [];
  const edges: Edge[] = [];
  for (const w of c.labourers) {
    const id = w.labourer.id as string;
    if (shape.exclude?.has(id) === true) continue;
    const allowed = shape.forced?.get(id);
    left.push({ id, tier: allowed !== undefined ? 0 : w.tier === 0 ? 1 : null });
    for (const e of w.edges) {
      if (allowed !== undefined && !allowed.has(e.post)) continue;
      edges.push({ left: id, right: e.post, weight: e.weight });
    }
  }
  const right = c.posts.map((p) => ({
    id: p.id as string,
    capacity: Math.max(0, c.capacity.get(p.id)! - (shape.used?.get(p.id) ?? 0)),
  }));
  return { left, right, edges };
}
