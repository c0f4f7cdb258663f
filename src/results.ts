/**
 * The results of ranking and explaining: data with reason codes, rendered to text by `render.ts`.
 *
 * @module
 */
import type { Exclusion, ScoreBreakdown } from './reasons.js';
import type { IsoDate, Labourer, Post } from './types.js';

/** A non-empty list of exclusions: why a pair may not be matched. */
export type Exclusions = readonly [Exclusion, ...Exclusion[]];

/** What bangfu says about one labourer and one post. */
export type PairAssessment =
  | {
      readonly kind: 'eligible';
      readonly labourer: Labourer;
      readonly post: Post;
      readonly score: number;
      readonly breakdown: ScoreBreakdown;
    }
  | {
      readonly kind: 'excluded';
      readonly labourer: Labourer;
      readonly post: Post;
      readonly exclusions: Exclusions;
      /** What the pair would score; absent for a labourer under the minimum working age. */
      readonly breakdown?: ScoreBreakdown;
    };

/** Options of `rankPosts` and `rankLabourers`. */
export interface RankOptions {
  /**
   * How many eligible entries to rank at most.
   * @defaultValue 10
   */
  readonly top?: number;
  /**
   * The least score an eligible entry needs to be ranked, in [0, 1].
   * @defaultValue 0
   */
  readonly minScore?: number;
  /**
   * Whether to list the excluded entries with their reasons (their count is given either way).
   * @defaultValue true
   */
  readonly includeExcluded?: boolean;
}

/** A ranked post. */
export interface RankedPost {
  /** 1-based position in the total order. */
  readonly rank: number;
  readonly post: Post;
  readonly score: number;
  readonly breakdown: ScoreBreakdown;
}

/** A post the labourer may not be matched with, and why. */
export interface ExcludedPost {
  readonly post: Post;
  readonly exclusions: Exclusions;
  /** What the pair would score. */
  readonly breakdown?: ScoreBreakdown;
}

/** The posts for one labourer, best first. */
export interface PostRanking {
  readonly labourer: Labourer;
  readonly asOf: IsoDate;
  /** Rules broken by the labourer alone (age, retirement), whatever the post. */
  readonly labourerExclusions: readonly Exclusion[];
  readonly ranked: readonly RankedPost[];
  /** In dataset order; empty when `includeExcluded` is false or the labourer is under 16. */
  readonly excluded: readonly ExcludedPost[];
  /** How many posts were excluded (listed or not); 0 for a labourer under 16, to whom none may be introduced. */
  readonly excludedCount: number;
  /** Eligible posts left out because they scored below `minScore` or fell beyond `top`. */
  readonly eligibleNotShown: number;
}

/** A ranked labourer. */
export interface RankedLabourer {
  /** 1-based position in the total order. */
  readonly rank: number;
  readonly labourer: Labourer;
  readonly score: number;
  readonly breakdown: ScoreBreakdown;
}

/** A labourer who may not be matched with the post, and why. */
export interface ExcludedLabourer {
  readonly labourer: Labourer;
  readonly exclusions: Exclusions;
  /** What the pair would score; absent for a labourer under 16. */
  readonly breakdown?: ScoreBreakdown;
}

/** The labourers for one post, best first. */
export interface LabourerRanking {
  readonly post: Post;
  readonly asOf: IsoDate;
  readonly ranked: readonly RankedLabourer[];
  /** In dataset order; empty when `includeExcluded` is false. */
  readonly excluded: readonly ExcludedLabourer[];
  readonly excludedCount: number;
  /** Eligible labourers left out because they scored below `minScore` or fell beyond `top`. */
  readonly eligibleNotShown: number;
}
