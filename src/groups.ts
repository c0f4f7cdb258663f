/**
 * Groups of labourers placed together (same employer, site or post) or not at all: validation, the
 * options each group has, and the check that a plan keeps the group rule.
 *
 * @module
 */
import { BangfuValidationError, type ValidationIssue } from './errors.js';
import { checkGroups } from './internal/checks.js';
import { Issues } from './internal/issues.js';
import { siteKey } from './internal/context.js';
import type { Dataset, GroupRule, PlacementGroup, Post } from './types.js';

/**
 * Lists every problem with a list of groups: a missing or repeated id, an unknown rule or kind, no
 * members, a member who is not a labourer of the dataset, a labourer listed twice in one group or in
 * two groups. The same check `parseDataset` makes of a dataset's `groups`.
 *
 * Codes: `invalid-id`, `duplicate-id`, `invalid-value`, `empty-group`, `unknown-labourer`,
 * `duplicate-member`, `labourer-in-two-groups`.
 *
 * @param dataset - The dataset whose labourers the groups name.
 * @param groups - The groups, as given.
 * @param prefix - The path of the list in the caller's options. @defaultValue 'groups'
 * @returns The issues with their paths (`groups[1].members[0]`); empty when valid.
 * @example
 * groupIssues(ds, [{ id: 'g', members: ['nobody'], rule: 'same-post' }])[0].code //=> 'unknown-labourer'
 *
 * Complexity: O(W + M) for W labourers and M members.
 */
export function groupIssues(
  dataset: Dataset,
  groups: readonly PlacementGroup[],
  prefix = 'groups',
): ValidationIssue[] {
  const issues = new Issues();
  checkGroups(issues, new Set<string>(dataset.labourers.map((w) => w.id)), groups, [prefix]);
  return issues.list;
}

/**
 * Refuses invalid groups, all problems at once (see {@link groupIssues}).
 *
 * @param dataset - The dataset whose labourers the groups name.
 * @param groups - The groups.
 * @param prefix - The path of the list in the caller's options. @defaultValue 'groups'
 * @returns Nothing.
 * @throws BangfuValidationError with every issue and its path.
 * @example
 * validateGroups(ds, []) //=> undefined
 *
 * Complexity: O(W + M).
 */
export function validateGroups(dataset: Dataset, groups: readonly PlacementGroup[], prefix = 'groups'): void {
  const issues = groupIssues(dataset, groups, prefix);
  if (issues.length > 0) throw new BangfuValidationError(issues, 'groups');
}

/**
 * The key of the place a post offers under a group rule: its employer, its site, or itself.
 *
 * @param rule - The group rule.
 * @param post - The post.
 * @returns The employer id, the site key (`town:441900116`) or the post id.
 * @example
 * optionKey('same-site', post) //=> 'town:441900116'
 */
export function optionKey(rule: GroupRule, post: Post): string {
  return rule === 'same-employer' ? post.employer : rule === 'same-site' ? siteKey(post.site) : post.id;
}

/**
 * Whether a placement keeps a group's rule: no member placed, or every member placed and all at the
 * same employer / site / post.
 *
 * @param group - The group.
 * @param postOf - Where each placed labourer is (member id → post), undefined for the unplaced.
 * @param posts - The posts by id.
 * @returns `'none'` (nobody placed), `'whole'` (kept, with the place's key), or `'broken'`.
 * @example
 * groupState({ id: 'g', members: ['w1', 'w2'], rule: 'same-post' }, (id) => 'p1', posts) //=> { kind: 'whole', key: 'p1' }
 *
 * Complexity: O(m) for m members.
 */
export function groupState(
  group: PlacementGroup,
  postOf: (labourer: string) => string | undefined,
  posts: ReadonlyMap<string, Post>,
):
  { readonly kind: 'none' } | { readonly kind: 'whole'; readonly key: string } | { readonly kind: 'broken' } {
  const keys = group.members.map((m) => {
    const p = postOf(m);
    const post = p === undefined ? undefined : posts.get(p);
    return post === undefined ? undefined : optionKey(group.rule, post);
  });
  if (keys.every((k) => k === undefined)) return { kind: 'none' };
  const first = keys[0];
  if (first !== undefined && keys.every((k) => k === first)) return { kind: 'whole', key: first };
  return { kind: 'broken' };
}
