/**
 * The plain weighted bipartite graph the assignment solvers work on, and the assignment they return.
 *
 * The graph knows nothing of labourers or posts: a left node is someone to place (at most once), a
 * right node is somewhere with a number of openings, and an edge is an allowed placement with a value.
 *
 * @module
 */

/** Someone to place at most once. */
export interface LeftNode {
  /** Unique among the left nodes. */
  readonly id: string;
  /**
   * Priority class: an integer in [0, 2^31 − 1], a smaller tier placed first, or `null` for no priority.
   * The optimal solver maximises the number placed of each numbered tier in turn (smallest first),
   * then the total weight; a `null`-tier node counts only through its edge weights (so an edge of
   * negative weight from a `null`-tier node is never worth using). The stable and greedy solvers
   * put `null` after every numbered tier.
   *
   * @defaultValue 0
   */
  readonly tier?: number | null;
}

/** Somewhere with `capacity` openings. */
export interface RightNode {
  /** Unique among the right nodes (left and right ids live in separate namespaces). */
  readonly id: string;
  /**
   * How many left nodes it can take: an integer in [0, 2^31 − 1] (2147483647, the largest the
   * solvers' `Int32Array` index holds).
   */
  readonly capacity: number;
}

/**
 * An allowed placement of `left` on `right`, worth `weight` (any finite number; larger is better).
 * Over the whole graph, `Σ|weight| · (left nodes + right nodes + 2)` must stay at most
 * `Number.MAX_VALUE / 4`, so that the solver's potentials and the verifier's sums stay finite.
 */
export interface Edge {
  readonly left: string;
  readonly right: string;
  readonly weight: number;
}

/** A sparse weighted bipartite graph with capacities on the right. */
export interface BipartiteGraph {
  readonly left: readonly LeftNode[];
  readonly right: readonly RightNode[];
  readonly edges: readonly Edge[];
}

/** Which solver to run. */
export type AssignmentMode = 'optimal' | 'stable' | 'greedy';

/** One placement in an assignment. */
export interface AssignedPair {
  readonly left: string;
  readonly right: string;
  readonly weight: number;
}

/**
 * Dual potentials that prove an `optimal` assignment optimal.
 *
 * The objective is lexicographic: the number placed in each numbered tier (smallest tier first), then
 * the total weight. It is the LP `max Σ w'_e x_e` subject to `Σ_{e∋l} x_e ≤ 1`, `Σ_{e∋r} x_e ≤
 * capacity_r`, `x ≥ 0`, whose edge values `w'_e = (e_{tier(l)}, weight_e)` are vectors ordered
 * lexicographically: one unit in the component of the left node's tier, then the weight. An edge of a
 * left node whose tier is `null` has a zero placement part: `w'_e = (0, weight_e)`. Every dual value is such a vector
 * too, split here into its placement part (`…TierPotential`, integers, one per entry of `tiers`) and its
 * weight part (`…Potential`). Equivalently, for any `M` large enough, `u_l = leftPotential[l] +
 * Σ_i M^(T−i)·leftTierPotential[l][i]` is an optimal dual of the scalar LP whose edge value is
 * `weight + M^(T−i)` for a left node of tier `tiers[i]`; keeping the parts apart keeps them exact.
 *
 * Conditions a checker verifies (`≥` and `>` lexicographic): `u_l ≥ 0`, `v_r ≥ 0`, `u_l + v_r ≥ w'_e`
 * on every edge, `u_l > 0 ⇒ l placed`, `v_r > 0 ⇒ r full`, `l` placed on `r` ⇒ `u_l + v_r = w'_e`.
 * Together they give `Σ u + Σ capacity·v` = the assignment's value, which no fractional
 * assignment can beat (weak duality), so the assignment is optimal.
 */
export interface OptimalCertificate {
  readonly kind: 'duals';
  /**
   * The distinct numbered tiers of the left nodes (`null` left out), ascending; position `i` of a tier
   * vector belongs to `tiers[i]`.
   */
  readonly tiers: readonly number[];
  /** Weight part of `u_l`, by left id. */
  readonly leftPotential: Readonly<Record<string, number>>;
  /** Weight part of `v_r`, by right id. */
  readonly rightPotential: Readonly<Record<string, number>>;
  /** Placement part of `u_l`, by left id: one integer per entry of `tiers`. */
  readonly leftTierPotential: Readonly<Record<string, readonly number[]>>;
  /** Placement part of `v_r`, by right id: one integer per entry of `tiers`. */
  readonly rightTierPotential: Readonly<Record<string, readonly number[]>>;
}

/** A left-proposing stable assignment has no blocking pair; the list is there to be re-checked. */
export interface StableCertificate {
  readonly kind: 'stable';
  readonly blockingPairs: readonly [];
}

/** The result of a solver: who goes where, who is left over, and a certificate where one exists. */
export interface Assignment {
  readonly mode: AssignmentMode;
  /** Placements, sorted by left id (code-unit order). */
  readonly pairs: readonly AssignedPair[];
  /** Left ids not placed, sorted (code-unit order). */
  readonly unmatched: readonly string[];
  /** Sum of the weights of `pairs`, added in the order of `pairs`. */
  readonly total: number;
  /**
   * Number placed per numbered tier, with every numbered tier present among the left nodes (0 when
   * none placed); `null`-tier nodes are not counted here (they are in `pairs`).
   */
  readonly placedByTier: Readonly<Record<number, number>>;
  /** Dual potentials for `optimal`, the empty blocking-pair list for `stable`, `undefined` for `greedy`. */
  readonly certificate: OptimalCertificate | StableCertificate | undefined;
}

/** A left/right pair that would both rather be together than where the assignment puts them. */
export interface BlockingPair {
  readonly left: string;
  readonly right: string;
}

/** Codes of {@link AssignmentViolation}. */
export type AssignmentViolationCode =
  | 'not-an-edge'
  | 'weight-mismatch'
  | 'left-placed-twice'
  | 'capacity-exceeded'
  | 'unknown-left'
  | 'left-missing'
  | 'left-listed-twice'
  | 'not-sorted'
  | 'total-mismatch'
  | 'tier-count-mismatch'
  | 'certificate-missing'
  | 'dual-missing'
  | 'dual-negative'
  | 'dual-infeasible'
  | 'slackness-violated'
  | 'duality-gap'
  | 'blocking-pair';

/** One thing wrong with an assignment, found by `verifyAssignment`. */
export interface AssignmentViolation {
  readonly code: AssignmentViolationCode;
  /** What is wrong, in plain English. */
  readonly message: string;
  readonly left?: string;
  readonly right?: string;
}

/** The verdict of `verifyAssignment`. */
export interface AssignmentVerdict {
  /** `true` exactly when `violations` is empty. */
  readonly ok: boolean;
  readonly violations: readonly AssignmentViolation[];
}
