/**
 * Ranking: the posts for one labourer, or the labourers for one post, best first in the one total
 * order of `compare.ts`, with every entry left out accounted for.
 *
 * @module
 */
import { compareIds, comparePostEntries, compareLabourerEntries } from './compare.js';
import { checkEligibility, labourerExclusions } from './eligibility.js';
import { BangfuValidationError } from './errors.js';
import { contextOf } from './internal/context.js';
import type { Exclusion } from './reasons.js';
import type {
  ExcludedPost,
  ExcludedLabourer,
  Exclusions,
  PostRanking,
  RankOptions,
  RankedPost,
  RankedLabourer,
  LabourerRanking,
} from './results.js';
import { scorePair } from './score.js';
import type { Dataset } from './types.js';

/**
 * The default number of entries ranked.
 *
 * @example
 * rankPosts(ds, 'w1').ranked.length <= DEFAULT_TOP //=> true
 */
export const DEFAULT_TOP = 10;

interface ResolvedOptions {
  readonly top: number;
  readonly minScore: number;
  readonly includeExcluded: boolean;
}

function resolveOptions(fn: string, options: RankOptions): ResolvedOptions {
  const { top = DEFAULT_TOP, minScore = 0, includeExcluded = true } = options;
  if (!Number.isInteger(top) || top < 1)
    throw new RangeError(`${fn}: top must be a positive integer, got ${String(top)}`);
  if (!(typeof minScore === 'number' && minScore >= 0 && minScore <= 1)) {
    throw new RangeError(`${fn}: minScore must be a number in [0, 1], got ${String(minScore)}`);
  }
  return { top, minScore, includeExcluded };
}

function unknownId(fn: string, path: 'labourerId' | 'postId', id: string): BangfuValidationError {
  const what = path === 'labourerId' ? 'labourer' : 'post';
  return new BangfuValidationError(
    [{ path, code: 'unknown-id', message: `an id of a ${what} in the dataset`, value: id }],
    `${fn} arguments`,
  );
}

/**
 * The list as a non-empty tuple, or undefined if it is empty.
 *
 * @internal
 * @param list - Exclusions.
 * @returns The same list typed as non-empty, or undefined.
 * @example
 * nonEmpty([]) //=> undefined
 */
export function nonEmpty(list: readonly Exclusion[]): Exclusions | undefined {
  return list.length > 0 ? (list as Exclusions) : undefined;
}

/**
 * The exclusions to report for a labourer under the minimum working age: that one alone.
 *
 * @internal
 * @param list - Every exclusion found.
 * @returns `[under-minimum-age]` if it is among them, else undefined.
 * @example
 * underAge([{ code: 'under-minimum-age', params: { age: 15, minimum: 16 } }]) //=> [{ code: 'under-minimum-age', params: { age: 15, minimum: 16 } }]
 */
export function underAge(list: readonly Exclusion[]): Exclusions | undefined {
  const found = list.find((e) => e.code === 'under-minimum-age');
  return found === undefined ? undefined : [found];
}

/**
 * The posts for one labourer, best first.
 *
 * Every post is accounted for exactly once: ranked (eligible, scoring at least `minScore`, within
 * `top`), counted in `eligibleNotShown` (eligible but below `minScore` or beyond `top`), or excluded
 * with every hard rule it breaks and what it would have scored (listed when `includeExcluded`,
 * counted in `excludedCount` either way). A labourer under the minimum working age gets no post at
 * all, not even as excluded, since the law forbids introducing any job to them: `labourerExclusions`
 * says why and every list is empty.
 *
 * Order: score descending, then post id ascending (`comparePostEntries`); excluded posts by id.
 * The result does not depend on the order of the dataset's arrays.
 *
 * Complexity: O(P·(S + R) + E log E) for P posts, S the cost of one score (skills × holdings, see
 * `scorePair`), R the cost of the eligibility rules, E ≤ P eligible posts.
 *
 * @param dataset - The dataset.
 * @param labourerId - The labourer's id.
 * @param options - `top` (default 10), `minScore` (default 0), `includeExcluded` (default true).
 * @returns The ranking.
 * @throws BangfuValidationError with an issue at `labourerId` (code `unknown-id`) if no labourer has the id.
 * @throws RangeError if `top` is not a positive integer or `minScore` is not in [0, 1].
 * @example
 * // ds: labourer w1; posts p1 and p2 alike, p3 paying more, p5 full
 * const r = rankPosts(ds, 'w1', { top: 2 });
 * r.ranked.map((e) => e.post.id) //=> ['p3', 'p1']
 * r.eligibleNotShown //=> 1
 * r.excluded.map((e) => [e.post.id, e.exclusions[0].code]) //=> [['p5', 'no-openings-left']]
 */
export function rankPosts(dataset: Dataset, labourerId: string, options: RankOptions = {}): PostRanking {
  const { top, minScore, includeExcluded } = resolveOptions('rankPosts', options);
  const labourer = contextOf(dataset).labourers.get(labourerId);
  if (labourer === undefined) throw unknownId('rankPosts', 'labourerId', labourerId);
  const base = { labourer, asOf: dataset.asOf };
  const labourerLevel = labourerExclusions(dataset, labourer);
  if (underAge(labourerLevel) !== undefined) {
    return {
      ...base,
      labourerExclusions: labourerLevel,
      ranked: [],
      excluded: [],
      excludedCount: 0,
      eligibleNotShown: 0,
    };
  }

  const eligible: Omit<RankedPost, 'rank'>[] = [];
  const excluded: ExcludedPost[] = [];
  let excludedCount = 0;
  let eligibleNotShown = 0;
  for (const post of dataset.posts) {
    const exclusions = nonEmpty(checkEligibility(dataset, labourer, post));
    if (exclusions !== undefined) {
      excludedCount += 1;
      if (includeExcluded) excluded.push({ post, exclusions, breakdown: scorePair(dataset, labourer, post) });
      continue;
    }
    const breakdown = scorePair(dataset, labourer, post);
    if (breakdown.score >= minScore) eligible.push({ post, score: breakdown.score, breakdown });
    else eligibleNotShown += 1;
  }
  eligible.sort((a, b) =>
    comparePostEntries({ id: a.post.id, score: a.score }, { id: b.post.id, score: b.score }),
  );
  eligibleNotShown += Math.max(0, eligible.length - top);
  const ranked = eligible.slice(0, top).map((e, i) => ({ rank: i + 1, ...e }));
  excluded.sort((a, b) => compareIds(a.post.id, b.post.id));
  return { ...base, labourerExclusions: labourerLevel, ranked, excluded, excludedCount, eligibleNotShown };
}

/**
 * The labourers for one post, best first.
 *
 * Every labourer is accounted for exactly once: ranked, counted in `eligibleNotShown`, or excluded
 * with its reasons (listed when `includeExcluded`, counted in `excludedCount` either way). A labourer
 * under the minimum working age is excluded with `under-minimum-age` alone and no score.
 *
 * Order: priority households first (registered and monitored, then others), then score
 * descending, then labourer id ascending (`compareLabourerEntries`): the order in which a post takes
 * labourers in a placement plan; excluded labourers by id. The result does not depend on the order of the
 * dataset's arrays.
 *
 * Complexity: O(W·(S + R) + E log E) for W labourers, S the cost of one score, R the cost of the
 * eligibility rules, E ≤ W eligible labourers.
 *
 * @param dataset - The dataset.
 * @param postId - The post's id.
 * @param options - `top` (default 10), `minScore` (default 0), `includeExcluded` (default true).
 * @returns The ranking.
 * @throws BangfuValidationError with an issue at `postId` (code `unknown-id`) if no post has the id.
 * @throws RangeError if `top` is not a positive integer or `minScore` is not in [0, 1].
 * @example
 * // ds: w1 (other) and w2 (registered) score alike for p1; w0 is 15
 * const r = rankLabourers(ds, 'p1');
 * r.ranked.map((e) => e.labourer.id) //=> ['w2', 'w1']
 * r.excluded //=> [{ labourer: w0, exclusions: [{ code: 'under-minimum-age', params: { age: 15, minimum: 16 } }] }]
 */
export function rankLabourers(dataset: Dataset, postId: string, options: RankOptions = {}): LabourerRanking {
  const { top, minScore, includeExcluded } = resolveOptions('rankLabourers', options);
  const post = contextOf(dataset).posts.get(postId);
  if (post === undefined) throw unknownId('rankLabourers', 'postId', postId);

  const eligible: Omit<RankedLabourer, 'rank'>[] = [];
  const excluded: ExcludedLabourer[] = [];
  let excludedCount = 0;
  let eligibleNotShown = 0;
  for (const labourer of dataset.labourers) {
    const all = checkEligibility(dataset, labourer, post);
    const child = underAge(all);
    if (child !== undefined) {
      excludedCount += 1;
      if (includeExcluded) excluded.push({ labourer, exclusions: child });
      continue;
    }
    const exclusions = nonEmpty(all);
    if (exclusions !== undefined) {
      excludedCount += 1;
      if (includeExcluded)
        excluded.push({ labourer, exclusions, breakdown: scorePair(dataset, labourer, post) });
      continue;
    }
    const breakdown = scorePair(dataset, labourer, post);
    if (breakdown.score >= minScore) eligible.push({ labourer, score: breakdown.score, breakdown });
    else eligibleNotShown += 1;
  }
  eligible.sort((a, b) =>
    compareLabourerEntries(
      { id: a.labourer.id, score: a.score, household: a.labourer.household },
      { id: b.labourer.id, score: b.score, household: b.labourer.household },
    ),
  );
  eligibleNotShown += Math.max(0, eligible.length - top);
  const ranked = eligible.slice(0, top).map((e, i) => ({ rank: i + 1, ...e }));
  excluded.sort((a, b) => compareIds(a.labourer.id, b.labourer.id));
  return { post, asOf: dataset.asOf, ranked, excluded, excludedCount, eligibleNotShown };
}
