/**
 * The full assessment of one labourer and one post: eligible with its score, or excluded with every
 * hard rule it breaks and what it would have scored.
 *
 * @module
 */
import { checkEligibility } from './eligibility.js';
import { BangfuValidationError, type ValidationIssue } from './errors.js';
import { contextOf } from './internal/context.js';
import { nonEmpty, underAge } from './rank.js';
import type { PairAssessment } from './results.js';
import { scorePair } from './score.js';
import type { Dataset } from './types.js';

/**
 * Explains one pair. The score is the one `rankPosts` and `rankLabourers` rank the pair by (both call
 * `scorePair`). A labourer under the minimum working age is excluded with `under-minimum-age` alone
 * and no score.
 *
 * Complexity: that of one eligibility check and one score.
 *
 * @param dataset - The dataset.
 * @param labourerId - The labourer's id.
 * @param postId - The post's id.
 * @returns The assessment.
 * @throws BangfuValidationError with an issue at `labourerId` and/or `postId` (code `unknown-id`) for
 *   each id not in the dataset.
 * @example
 * explainPair(ds, 'w1', 'p1').kind //=> 'eligible'
 * explainPair(ds, 'w1', 'p9') //=> { kind: 'excluded', labourer, post, exclusions: [{ code: 'window-closed', params: { closes: '2026-02-28' } }], breakdown: { score: 0.733, … } }
 */
export function explainPair(dataset: Dataset, labourerId: string, postId: string): PairAssessment {
  const ctx = contextOf(dataset);
  const labourer = ctx.labourers.get(labourerId);
  const post = ctx.posts.get(postId);
  const issues: ValidationIssue[] = [];
  if (labourer === undefined) {
    issues.push({
      path: 'labourerId',
      code: 'unknown-id',
      message: 'an id of a labourer in the dataset',
      value: labourerId,
    });
  }
  if (post === undefined) {
    issues.push({
      path: 'postId',
      code: 'unknown-id',
      message: 'an id of a post in the dataset',
      value: postId,
    });
  }
  if (labourer === undefined || post === undefined)
    throw new BangfuValidationError(issues, 'explainPair arguments');

  const all = checkEligibility(dataset, labourer, post);
  const child = underAge(all);
  if (child !== undefined) return { kind: 'excluded', labourer, post, exclusions: child };
  const breakdown = scorePair(dataset, labourer, post);
  const exclusions = nonEmpty(all);
  if (exclusions !== undefined) return { kind: 'excluded', labourer, post, exclusions, breakdown };
  return { kind: 'eligible', labourer, post, score: breakdown.score, breakdown };
}
