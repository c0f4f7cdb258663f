/**
 * The placement plan of a cohort: every labourer placed on one post or unplaced with reasons, the
 * certificate of the solver, what became of each group, and a summary. Plain JSON data: the CLI
 * writes it and `parsePlan` reads it back.
 *
 * @module
 */
import type { AssignmentMode, OptimalCertificate, StableCertificate } from './graph/types.js';
import type { Exclusion, ExclusionCode } from './reasons.js';
import type {
  CountyCode,
  EmployerId,
  GroupRule,
  IsoDate,
  PlacementGroup,
  PostId,
  LabourerId,
} from './types.js';

import type { PriorityTier } from './compare.js';

export type { PriorityTier } from './compare.js';
// Groups are part of the dataset's model; they are re-exported here, where plans always found them.
export type { GroupKind, GroupRule, PlacementGroup } from './types.js';

/** How many blocking pairs a stable plan lists at most (see {@link Plan.blockingPairs}). */
export const LISTED_BLOCKING_PAIRS = 1000;
/**
 * Soft option: a bonus on an edge where fellow villagers could work together. See `assign`.
 */
export interface KeepTogether {
  /** The most an edge can gain (added to its score), ≥ 0. */
  readonly weight: number;
}

/** The options a plan was made with, kept in the plan so that `verifyPlan` can rebuild everything. */
export interface PlanOptions {
  readonly mode: AssignmentMode;
  /** Edges scoring below this are left out of the candidate graph. */
  readonly minScore: number;
  /** Only the best N eligible posts of each labourer are candidates; absent for all. */
  readonly candidatesPerLabourer?: number;
  readonly groups: readonly PlacementGroup[];
  readonly keepTogether?: KeepTogether;
  /** Largest number of exact sub-solves for groups before the heuristic takes over. */
  readonly exactGroupLimit: number;
}

/** A placed labourer who held a post someone else missed. */
export interface Holder {
  readonly labourer: LabourerId;
  readonly tier: PriorityTier;
  readonly score: number;
}

/** How many of a post's holders a near miss names: the least preferred, whom the labourer had to beat. */
export const NEAR_MISS_HOLDERS = 3;

/** A post the labourer was eligible for but found full. */
export interface NearMiss {
  readonly post: PostId;
  /** The labourer's score there. */
  readonly score: number;
  /** How many hold its openings in the plan. */
  readonly held: number;
  /**
   * The least preferred of them, at most {@link NEAR_MISS_HOLDERS}, in the post's order (tier, then
   * score descending, then id): the last is the one the labourer would have had to displace.
   */
  readonly takenBy: readonly Holder[];
}

/** Why a group was not placed whole (and so not placed at all). */
export type GroupFailure =
  /** No employer / site / post where every member is eligible and there are enough openings. */
  | { readonly code: 'no-common-option' }
  /** Options existed, but the openings they needed had gone to labourers placed before. */
  | { readonly code: 'no-capacity-left'; readonly options: number }
  /** Options existed, but every one gave a worse plan (fewer priority labourers placed, or as many and a lower total). */
  | { readonly code: 'worse-for-plan'; readonly options: number };

/** Parameters of each reason a labourer is unplaced, by code. */
export interface UnplacedReasonParams {
  /** Rules about the labourer alone (under 16, retirement) exclude every post. */
  readonly 'labourer-excluded': { readonly exclusions: readonly Exclusion[] };
  /** No post is eligible: how many posts each hard rule excluded (a post may break several). */
  readonly 'no-eligible-post': {
    readonly posts: number;
    readonly byRule: Readonly<Partial<Record<ExclusionCode, number>>>;
  };
  /** Eligible posts exist but all score below the plan's minimum score. */
  readonly 'below-min-score': {
    readonly minScore: number;
    readonly best: { readonly post: PostId; readonly score: number };
  };
  /**
   * Every candidate post went to others: the labourer's best three candidate posts, with who holds
   * them (the least preferred holders).
   */
  readonly 'posts-filled': { readonly nearMisses: readonly NearMiss[] };
  /** The labourer's group could not be placed whole. */
  readonly 'group-not-placed-whole': { readonly group: string; readonly why: GroupFailure };
}

/** A code of {@link UnplacedReasonParams}. */
export type UnplacedReasonCode = keyof UnplacedReasonParams;

/** One reason a labourer is unplaced. */
export type UnplacedReason = {
  readonly [K in UnplacedReasonCode]: { readonly code: K; readonly params: UnplacedReasonParams[K] };
}[UnplacedReasonCode];

/** One labourer's outcome. */
export type PlanEntry =
  | {
      readonly kind: 'placed';
      readonly labourer: LabourerId;
      readonly post: PostId;
      readonly employer: EmployerId;
      /** `scorePair` of the pair, in [0, 1]. */
      readonly score: number;
      /** The keep-together bonus added to the score in the objective (0 without the option). */
      readonly bonus: number;
      readonly tier: PriorityTier;
      /** The group placed with this labourer, if any. */
      readonly group?: string;
    }
  | {
      readonly kind: 'unplaced';
      readonly labourer: LabourerId;
      readonly tier: PriorityTier;
      readonly reasons: readonly [UnplacedReason, ...UnplacedReason[]];
    };

/** Where a group went. */
export type GroupOutcome =
  | {
      readonly kind: 'placed';
      readonly group: string;
      readonly rule: GroupRule;
      /** The employer, site key (`town:441900116`, `county:530627`, `park:guanshao`) or post. */
      readonly at: string;
      /** How many options the group had. */
      readonly options: number;
    }
  | {
      readonly kind: 'not-placed';
      readonly group: string;
      readonly rule: GroupRule;
      readonly why: GroupFailure;
    };

/**
 * The value of a plan. The optimal mode maximises `priorityPlaced`, then `total`, lexicographically;
 * `placed` is reported, not maximised (a non-priority labourer is placed where that raises the total,
 * and where a candidate post of its still has openings and its pair scores 0, which leaves the
 * total as it is).
 */
export interface PlanObjective {
  /** Priority (tier 0: registered or monitored household) labourers placed. */
  readonly priorityPlaced: number;
  /** All labourers placed, priority or not. */
  readonly placed: number;
  /** Sum of score + bonus over the placed. */
  readonly total: number;
}

/** How the groups were handled and what that guarantees. */
export interface GroupSearch {
  /**
   * `none`: no groups (the solver's guarantee holds as is). `exact`: every combination of group options
   * was solved exactly (optimal mode) and the best kept. `heuristic`: groups decided one by one (see
   * `assign`); `upperBound` bounds what any plan could reach. `first`: stable and greedy modes place
   * groups first by their best option.
   */
  readonly method: 'none' | 'exact' | 'heuristic' | 'first';
  /**
   * The graph the certificate belongs to: `candidates` (the whole candidate graph), `groups-fixed`
   * (members of placed groups forced onto their group's posts as solver tier 0, members of the other
   * groups left out), or `residual` (every group member left out, the openings they took removed).
   */
  readonly graph: 'candidates' | 'groups-fixed' | 'residual';
  /** Sub-problems solved. */
  readonly solves: number;
  /** The relaxation without the group rules: no plan can beat it (optimal mode with groups). */
  readonly upperBound?: PlanObjective;
  /**
   * Duals of the relaxation over every candidate pair, proving `upperBound` (weak duality: no plan
   * beats their dual objective, which equals it). Absent when the plan's own certificate is the
   * relaxation's (the relaxation kept every group).
   */
  readonly bound?: OptimalCertificate;
}

/** A placement still in work by the outcome records: the labourer keeps the post (see `replan`). */
export interface KeptPlacement {
  readonly labourer: LabourerId;
  readonly post: PostId;
  readonly employer: EmployerId;
  /** The day the placement started. */
  readonly since: IsoDate;
}

/** How outcome records were applied to a dataset before planning again (see `applyOutcomes`). */
export interface OutcomeOptions {
  /**
   * Measure each employer's retention from the outcomes and score with it instead of the typed
   * track record. @defaultValue true
   */
  readonly measureRetention?: boolean;
  /** The month at which retention is measured. @defaultValue 6 */
  readonly months?: number;
  /** Strength of the beta prior towards the programme's retention (see `employerRetention`). @defaultValue 10 */
  readonly priorStrength?: number;
  /**
   * Whether the dataset's `filled` counts already include the placements still in work
   * (`'includes-kept'`), or those are added to it (`'add-kept'`). @defaultValue 'add-kept'
   */
  readonly filled?: 'add-kept' | 'includes-kept';
}

/** A cohort placement plan. */
export interface Plan {
  readonly mode: AssignmentMode;
  readonly asOf: IsoDate;
  readonly options: PlanOptions;
  /** One per labourer of the dataset, sorted by labourer id (code-unit order). */
  readonly entries: readonly PlanEntry[];
  readonly objective: PlanObjective;
  /**
   * From the solver on the plan's final graph (see `assign`): dual potentials for `optimal`, the
   * empty blocking-pair list for `stable`, absent for `greedy`.
   */
  readonly certificate?: OptimalCertificate | StableCertificate;
  /**
   * Stable mode: the pairs that block the plan on the full candidate graph, by labourer id then post
   * id, the first {@link LISTED_BLOCKING_PAIRS} of them (`blockingPairCount` says how many there are).
   * Empty without groups; with groups every one involves a group (its labourer is a group member, or
   * the post would give up a group member for it).
   */
  readonly blockingPairs?: readonly { readonly labourer: LabourerId; readonly post: PostId }[];
  /**
   * Stable mode: how many pairs block the plan. Groups placed first can cause millions in a city's
   * cohort (each labourer who would rather have a member's post, and whom the post would rather
   * have), so only the first {@link LISTED_BLOCKING_PAIRS} are listed.
   */
  readonly blockingPairCount?: number;
  readonly groups: readonly GroupOutcome[];
  readonly groupSearch: GroupSearch;
  readonly summary: PlanSummary;
  /**
   * A plan made again after placement (`replan`): the placements still in work, kept, by labourer
   * id (those labourers have no entry; their posts' openings were reduced), and the options the
   * outcomes were applied with. `verifyReplan` checks it against the same outcome records.
   */
  readonly kept?: {
    readonly placements: readonly KeptPlacement[];
    readonly options: Required<OutcomeOptions>;
  };
}

/** Counts for one slice of the labourers. */
export interface SliceCount {
  readonly labourers: number;
  readonly placed: number;
}

/** A plan in figures. See `summarizePlan`. */
export interface PlanSummary {
  readonly labourers: number;
  readonly placed: number;
  readonly unplaced: number;
  /** Unplaced labourers by their first reason. */
  readonly unplacedByReason: Readonly<Record<UnplacedReasonCode, number>>;
  readonly byTier: readonly (SliceCount & { readonly tier: PriorityTier })[];
  /** By origin county, sorted by code; `name` from the official division table. */
  readonly byOrigin: readonly (SliceCount & { readonly county: CountyCode; readonly name: string })[];
  /** By employer (sorted by id): openings left before the plan, placed, and placed / openings (0 if none). */
  readonly byEmployer: readonly {
    readonly employer: EmployerId;
    readonly name: string;
    readonly openings: number;
    readonly placed: number;
    readonly fillRate: number;
  }[];
  /** Means over the placed labourers (0 when none): net pay, their minimum and target; how many meet each. */
  readonly pay: {
    readonly meanNet: number;
    readonly meanMin: number;
    readonly meanTarget: number;
    readonly meetingMin: number;
    readonly meetingTarget: number;
  };
  /** Mean score of the placed (0 when none). */
  readonly meanScore: number;
}
