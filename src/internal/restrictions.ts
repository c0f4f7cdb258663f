/**
 * The guard against discriminatory restrictions in posts: a gender or ethnicity filter is bad input
 * (就业促进法 arts. 27–28), refused wherever it is written.
 *
 * @module
 */
import { formatPath } from '../errors.js';
import { isRecord, Issues, type Path } from './issues.js';

// --- discriminatory restrictions -----------------------------------------------------------------

const RESTRICTED =
  /^(allowed|accepted|required|preferred|restricted|restrict|only)?(genders?|sex(es)?|ethnicit(y|ies)|ethnic(groups?)?|nationalit(y|ies)|races?|minzu|xingbie)(restrictions?|requirements?|filters?|only|limits?|allowed)?$/;
const RESTRICTED_ZH = /性别|民族|男性|女性|限男|限女/;

/**
 * Whether an object key would restrict applicants by gender or ethnicity, ignoring case and
 * separators (`gender`, `Sex`, `gender_restriction`, `allowedEthnicities`, `性别`, `民族`…).
 *
 * @param key - An object key.
 * @returns True if the key names a gender or ethnicity filter.
 * @example
 * isRestrictionKey('genderRestriction') //=> true
 * isRestrictionKey('languages') //=> false
 */
function isRestrictionKey(key: string): boolean {
  return RESTRICTED.test(key.toLowerCase().replace(/[^a-z]/g, '')) || RESTRICTED_ZH.test(key);
}

/**
 * Finds gender or ethnicity restriction keys anywhere inside a raw post (case-insensitively) and
 * reports each as `discriminatory-restriction`. Returns the formatted paths reported, so the
 * caller can drop the plain `unknown-key` issue zod gives for the same key.
 *
 * Iterative, so a deeply nested value cannot overflow the stack.
 *
 * Complexity: O(n) in the size of the post.
 *
 * @param issues - Where problems are added.
 * @param raw - The post as given.
 * @param prefix - Its path from the root.
 * @returns The formatted paths reported.
 * @example
 * checkRestrictions(issues, { id: 'p1', gender: 'male' }, ['posts', 0]) //=> Set { 'posts[0].gender' }
 */
export function checkRestrictions(issues: Issues, raw: unknown, prefix: Path): Set<string> {
  // Paths are kept as links to the parent, so a deep value costs O(depth), not O(depth²).
  interface Step {
    readonly value: unknown;
    readonly parent: Step | undefined;
    readonly key: PropertyKey | undefined;
  }
  const pathOf = (step: Step): PropertyKey[] => {
    const keys: PropertyKey[] = [];
    for (let s: Step | undefined = step; s?.key !== undefined; s = s.parent) keys.push(s.key);
    return [...prefix, ...keys.reverse()];
  };
  const reported = new Set<string>();
  const stack: Step[] = [{ value: raw, parent: undefined, key: undefined }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    const { value } = step;
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, parent: step, key: i }));
    } else if (isRecord(value)) {
      for (const key of Object.keys(value)) {
        if (isRestrictionKey(key)) {
          const path = pathOf({ value: value[key], parent: step, key });
          issues.add(
            path,
            'discriminatory-restriction',
            {
              en: `a post may not restrict applicants by gender or ethnicity (就业促进法 arts. 27–28); remove "${key}"`,
              zh: `岗位不得限定求职者的性别或民族（就业促进法第二十七、二十八条）；请删除 "${key}"`,
            },
            value[key],
          );
          reported.add(formatPath(path));
        } else {
          stack.push({ value: value[key], parent: step, key });
        }
      }
    }
  }
  return reported;
}
