/**
 * The hard rules of the programme: the law's age limits, employer vetting, the post's own limits and
 * the labourer's stated limits. A pair breaking any rule is excluded, with one {@link Exclusion} per
 * broken rule, in the fixed order of {@link ELIGIBILITY_RULES}.
 *
 * @module
 */
import { provinceOf, prefectureOf } from './divisions.js';
import { ageOn } from './internal/dates.js';
import { contextOf, forCauseKey, siteArea, type Context } from './internal/context.js';
import type { Park, Policy } from './policy/types.js';
import { netPay } from './score/pay.js';
import type { Exclusion, ExclusionCode } from './reasons.js';
import { earliestRetirementDate, retirementOf, type Retirement } from './retirement.js';
import { requirementCredit } from './score/skills.js';
import type {
  AreaCode,
  CertificateId,
  Dataset,
  Employer,
  IsoDate,
  Labourer,
  Post,
  SkillRequirement,
} from './types.js';

/**
 * What a rule looks at: the labourer alone (`labourer`), the post alone whoever the labourer
 * (`post`: the compiled index decides these once per post), or the pair.
 */
export type RuleScope = 'labourer' | 'post' | 'pair';

/** One hard rule: its reason code, its scope and what it checks. */
export interface EligibilityRule {
  readonly code: ExclusionCode;
  readonly scope: RuleScope;
  /** One line saying what the rule checks and on what authority. */
  readonly description: string;
}

/** What the labourer-level rules need, computed once per labourer and dataset. */
interface LabourerFacts {
  readonly age: number;
  readonly retirement: Retirement | undefined;
  readonly earliestRetirement: IsoDate | undefined;
  /** Memo of {@link hasRoute}: `level:skill` → whether some route earns credit (made on first use). */
  routes: Map<string, boolean> | undefined;
}

/** Everything a pair rule reads. */
interface PairFacts {
  readonly ctx: Context;
  readonly asOf: IsoDate;
  readonly labourer: Labourer;
  readonly facts: LabourerFacts;
  readonly post: Post;
  readonly employer: Employer;
  readonly area: AreaCode;
  /** The site is in the home county or is a park serving it. */
  readonly nearHome: boolean;
}

interface LabourerRuleDef extends EligibilityRule {
  readonly scope: 'labourer';
  readonly check: (ctx: Context, labourer: Labourer, facts: LabourerFacts) => readonly Exclusion[];
}

interface PairRuleDef extends EligibilityRule {
  readonly scope: 'pair' | 'post';
  readonly check: (f: PairFacts) => readonly Exclusion[];
}

const none: readonly Exclusion[] = [];

/** A park site whose `serves` list contains the county. */
function parkServes(park: Park | undefined, county: string): boolean {
  return park !== undefined && park.serves.some((a) => county.startsWith(a));
}

/**
 * Whether a site is near a labourer's home: in the home county, or a park serving it (where one who
 * cannot leave home may work, and no dormitory is needed). The one definition the compiled index
 * uses too.
 *
 * @param county - The labourer's home county.
 * @param area - The division code of the site.
 * @param park - The park the site is, if it is one.
 * @returns True when near home.
 */
export function isNearHome(county: string, area: string, park: Park | undefined): boolean {
  return area.startsWith(county) || parkServes(park, county);
}

/**
 * What one held certificate counts for on a date: not yet held (issued later), valid, or expired.
 * The one definition the compiled index uses too.
 *
 * @param held - The certificate as the labourer holds it.
 * @param asOf - The date.
 * @returns Its state.
 */
export function heldCertificateState(
  held: { readonly issuedOn?: IsoDate | undefined; readonly validUntil?: IsoDate | undefined },
  asOf: IsoDate,
): 'not-yet-issued' | 'valid' | 'expired' {
  if (held.issuedOn !== undefined && held.issuedOn > asOf) return 'not-yet-issued';
  return held.validUntil === undefined || asOf <= held.validUntil ? 'valid' : 'expired';
}

/**
 * Whether the labourer earns any credit towards a skill requirement by a route of the skills
 * component (held, trained, related), memoised per labourer by skill and level.
 */
function hasRoute(ctx: Context, labourer: Labourer, facts: LabourerFacts, req: SkillRequirement): boolean {
  const key = `${req.minLevel}:${req.skill}`;
  facts.routes ??= new Map();
  let found = facts.routes.get(key);
  if (found === undefined) {
    found = requirementCredit(ctx.policy, labourer, req) > 0;
    facts.routes.set(key, found);
  }
  return found;
}

/** The certificate's state for a labourer on a date: the latest valid-until among expired copies. */
function certificateState(
  labourer: Labourer,
  certificate: CertificateId,
  asOf: IsoDate,
):
  | { readonly kind: 'valid' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'expired'; readonly validUntil: IsoDate } {
  let expired: IsoDate | undefined;
  for (const held of labourer.certificates) {
    if (held.certificate !== certificate) continue;
    // A certificate issued after the as-of date is not yet held.
    const state = heldCertificateState(held, asOf);
    if (state === 'not-yet-issued') continue;
    if (state === 'valid') return { kind: 'valid' };
    if (expired === undefined || held.validUntil! > expired) expired = held.validUntil!;
  }
  return expired === undefined ? { kind: 'missing' } : { kind: 'expired', validUntil: expired };
}

const RULES: readonly (LabourerRuleDef | PairRuleDef)[] = [
  {
    code: 'under-minimum-age',
    scope: 'labourer',
    description:
      'Under the minimum working age (16) on the as-of date: no post may be introduced at all, and no other rule is evaluated (劳动法 art. 15; 禁止使用童工规定 art. 2).',
    check: (ctx, _labourer, { age }) => {
      const minimum = ctx.policy.ageLaw.minimumWorkingAge;
      return age < minimum ? [{ code: 'under-minimum-age', params: { age, minimum } }] : none;
    },
  },
  {
    code: 'minor-hazardous',
    scope: 'pair',
    description: 'Aged 16–17 and the post is hazardous (劳动法 arts. 58, 64).',
    check: ({ ctx, facts: { age }, post }) => {
      const { adultAge } = ctx.policy.ageLaw;
      return post.hazardous && age < adultAge
        ? [{ code: 'minor-hazardous', params: { age, adultAge } }]
        : none;
    },
  },
  {
    code: 'minor-special-operation',
    scope: 'pair',
    description: 'Aged 16–17 and the post requires a special-operation certificate, which needs age 18.',
    check: ({ ctx, facts: { age }, post }) => {
      const { adultAge } = ctx.policy.ageLaw;
      if (age >= adultAge || post.requiredCertificates.length === 0) return none;
      return unique(post.requiredCertificates)
        .filter((c) => ctx.certificates.get(c)?.specialOperation === true)
        .map((certificate) => ({ code: 'minor-special-operation', params: { age, adultAge, certificate } }));
    },
  },
  {
    code: 'retirement-age-reached',
    scope: 'labourer',
    description:
      'At or past the statutory retirement age on the first day the labourer could start: the as-of date, or the day they are available from when later (a course still to finish) (NPC Standing Committee decision of 2024-09-13).',
    check: (ctx, labourer, { retirement }) =>
      retirement !== undefined && retirement.date <= startsOn(ctx.dataset.asOf, labourer)
        ? [
            {
              code: 'retirement-age-reached',
              params: {
                retirementDate: retirement.date,
                schedule: retirement.schedule,
                retirementAgeMonths: retirement.ageMonths,
                ...later(ctx.dataset.asOf, labourer),
              },
            },
          ]
        : none,
  },
  {
    code: 'retirement-undetermined',
    scope: 'labourer',
    description:
      'Gender unrecorded and old enough that some retirement schedule would already have retired the labourer.',
    check: (ctx, labourer, { age, earliestRetirement }) =>
      labourer.gender === undefined &&
      earliestRetirement !== undefined &&
      earliestRetirement <= startsOn(ctx.dataset.asOf, labourer)
        ? [
            {
              code: 'retirement-undetermined',
              params: {
                age,
                earliestRetirementDate: earliestRetirement,
                ...later(ctx.dataset.asOf, labourer),
              },
            },
          ]
        : none,
  },
  {
    code: 'outside-post-age-range',
    scope: 'pair',
    description: 'Outside the age range the post asks for (both bounds inclusive).',
    check: ({ facts: { age }, post }) => {
      const range = post.ageRange;
      if (range === undefined) return none;
      const below = range.min !== undefined && age < range.min;
      const above = range.max !== undefined && age > range.max;
      if (!below && !above) return none;
      return [
        {
          code: 'outside-post-age-range',
          params: {
            age,
            ...(range.min === undefined ? {} : { min: range.min }),
            ...(range.max === undefined ? {} : { max: range.max }),
          },
        },
      ];
    },
  },
  {
    code: 'employer-not-approved',
    scope: 'post',
    description:
      "The employer's vetting status is pending or revoked: only vetted employers' posts are offered.",
    check: ({ employer }) => {
      const { status } = employer.vetting;
      return status === 'approved'
        ? none
        : [{ code: 'employer-not-approved', params: { employer: employer.id, status } }];
    },
  },
  {
    code: 'employer-vetting-not-yet-valid',
    scope: 'post',
    description: "The as-of date is before the employer's vetting date.",
    check: ({ employer, asOf }) =>
      asOf < employer.vetting.vettedOn
        ? [
            {
              code: 'employer-vetting-not-yet-valid',
              params: { employer: employer.id, vettedOn: employer.vetting.vettedOn },
            },
          ]
        : none,
  },
  {
    code: 'employer-vetting-expired',
    scope: 'post',
    description:
      "The as-of date is after the employer's vetting valid-until date (that day itself is valid).",
    check: ({ employer, asOf }) =>
      asOf > employer.vetting.validUntil
        ? [
            {
              code: 'employer-vetting-expired',
              params: { employer: employer.id, validUntil: employer.vetting.validUntil },
            },
          ]
        : none,
  },
  {
    code: 'no-openings-left',
    scope: 'post',
    description: 'Every opening of the post is filled.',
    check: ({ post }) =>
      post.openings - post.filled > 0
        ? none
        : [{ code: 'no-openings-left', params: { openings: post.openings, filled: post.filled } }],
  },
  {
    code: 'window-not-open',
    scope: 'post',
    description: "The as-of date is before the post's application window opens.",
    check: ({ post, asOf }) =>
      asOf < post.window.opens ? [{ code: 'window-not-open', params: { opens: post.window.opens } }] : none,
  },
  {
    code: 'window-closed',
    scope: 'post',
    description:
      "The as-of date is after the post's application window closes (the closing day itself is open).",
    check: ({ post, asOf }) =>
      asOf > post.window.closes ? [{ code: 'window-closed', params: { closes: post.window.closes } }] : none,
  },
  {
    code: 'available-after-window',
    scope: 'pair',
    description:
      'The labourer becomes available only after the window closes (not reported once the window has closed).',
    check: ({ post, labourer, asOf }) =>
      asOf <= post.window.closes && labourer.availableFrom > post.window.closes
        ? [
            {
              code: 'available-after-window',
              params: { availableFrom: labourer.availableFrom, closes: post.window.closes },
            },
          ]
        : none,
  },
  {
    code: 'cannot-leave-home',
    scope: 'pair',
    description:
      'The labourer cannot leave home and the post is neither in the home county nor in a park serving it.',
    check: ({ labourer, post, nearHome }) =>
      labourer.cannotLeaveHome && !nearHome
        ? [{ code: 'cannot-leave-home', params: { originCounty: labourer.originCounty, site: post.site } }]
        : none,
  },
  {
    code: 'outside-mobility-scope',
    scope: 'pair',
    description:
      "The site lies beyond the labourer's mobility scope (home county, prefecture or province; a park serving the home county always counts as home). Not reported when cannot-leave-home is.",
    check: ({ labourer, post, area, nearHome }) => {
      if (labourer.cannotLeaveHome || nearHome) return none;
      const { scope } = labourer.mobility;
      const home = labourer.originCounty;
      const within =
        scope === 'anywhere' ||
        (scope === 'home-prefecture' && prefectureOf(area) === prefectureOf(home)) ||
        (scope === 'home-province' && provinceOf(area) === provinceOf(home));
      return within
        ? none
        : [{ code: 'outside-mobility-scope', params: { scope, originCounty: home, site: post.site } }];
    },
  },
  {
    code: 'certificate-missing',
    scope: 'pair',
    description:
      'The post requires a certificate the labourer does not hold (or holds only from a later date).',
    check: ({ labourer, post, asOf }) =>
      post.requiredCertificates.length === 0
        ? none
        : unique(post.requiredCertificates)
            .filter((c) => certificateState(labourer, c, asOf).kind === 'missing')
            .map((certificate) => ({ code: 'certificate-missing', params: { certificate } })),
  },
  {
    code: 'certificate-expired',
    scope: 'pair',
    description:
      'The post requires a certificate whose every copy the labourer holds expired before the as-of date.',
    check: ({ labourer, post, asOf }) =>
      post.requiredCertificates.length === 0
        ? none
        : unique(post.requiredCertificates).flatMap((certificate): Exclusion[] => {
            const state = certificateState(labourer, certificate, asOf);
            return state.kind === 'expired'
              ? [{ code: 'certificate-expired', params: { certificate, validUntil: state.validUntil } }]
              : [];
          }),
  },
  {
    code: 'required-skill-missing',
    scope: 'pair',
    description:
      'The post requires a skill and does not train beginners on the job, and the labourer has no route to it: not held at any level, not granted by a completed training, no related skill of the taxonomy (a held skill below the level asked only lowers the score).',
    check: ({ ctx, labourer, facts, post }) => {
      if (post.trainsOnJob || post.requiredSkills.length === 0) return none;
      let out: Exclusion[] | undefined;
      for (const req of post.requiredSkills) {
        if (hasRoute(ctx, labourer, facts, req)) continue;
        out ??= [];
        if (!out.some((e) => e.code === 'required-skill-missing' && e.params.skill === req.skill))
          out.push({ code: 'required-skill-missing', params: { skill: req.skill } });
      }
      return out ?? none;
    },
  },
  {
    code: 'refused-destination',
    scope: 'pair',
    description: 'The site lies in an area the labourer refused, or is a park the labourer refused.',
    check: ({ labourer, post, area }) =>
      labourer.mobility.refused.length === 0
        ? none
        : uniqueBy(labourer.mobility.refused, (d) => (d.kind === 'area' ? `a:${d.area}` : `p:${d.park}`))
            .filter((d) =>
              d.kind === 'area'
                ? area.startsWith(d.area)
                : post.site.kind === 'park' && post.site.park === d.park,
            )
            .map((destination) => ({ code: 'refused-destination', params: { destination } })),
  },
  {
    code: 'dormitory-needed',
    scope: 'pair',
    description:
      'The labourer needs a dormitory, the post provides none, and the site is away from home (outside the home county and not a park serving it).',
    check: ({ labourer, post, nearHome }) =>
      labourer.needsDormitory && !post.dormitory.provided && !nearHome
        ? [{ code: 'dormitory-needed', params: {} }]
        : none,
  },
  {
    code: 'below-minimum-pay',
    scope: 'pair',
    description:
      "The post leaves the labourer less net monthly pay than the least they accept (unless the policy's labourerMinimumPay is 'soft', which only scores it lower).",
    check: ({ ctx, labourer, post, area }) => {
      if (!minimumPayIsHard(ctx.policy)) return none;
      const { net } = netPay(labourer, post, area);
      const minimum = labourer.pay.minMonthly;
      return net < minimum
        ? [{ code: 'below-minimum-pay', params: { net, minimum, short: minimum - net } }]
        : none;
    },
  },
  {
    code: 'ended-for-cause',
    scope: 'pair',
    description:
      "An earlier placement of the labourer with the post's employer ended for cause (dismissed, or wages unpaid): the pair is not planned again (from outcome records).",
    check: ({ ctx, labourer, employer }) => {
      if (ctx.endedForCause.size === 0) return none;
      const end = ctx.endedForCause.get(forCauseKey(labourer.id, employer.id));
      return end === undefined
        ? none
        : [
            {
              code: 'ended-for-cause',
              params: { employer: end.employer, post: end.post, reason: end.reason, on: end.on },
            },
          ];
    },
  },
];

/**
 * Whether the policy makes a labourer's minimum acceptable pay a hard rule (the default).
 *
 * @param policy - The policy.
 * @returns False only when `labourerMinimumPay` is `'soft'`.
 * @example
 * minimumPayIsHard(dongguanPolicy) //=> true
 */
export function minimumPayIsHard(policy: Pick<Policy, 'labourerMinimumPay'>): boolean {
  return policy.labourerMinimumPay !== 'soft';
}

function unique<T>(items: readonly T[]): readonly T[] {
  return items.length < 2 ? items : [...new Set(items)];
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): readonly T[] {
  if (items.length < 2) return items;
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The hard rules in the order they are evaluated and reported, each with its reason code, its scope
 * and a one-line description.
 *
 * @example
 * ELIGIBILITY_RULES[0] //=> { code: 'under-minimum-age', scope: 'labourer', description: 'Under the minimum working age…' }
 * ELIGIBILITY_RULES.length //=> 22
 */
export const ELIGIBILITY_RULES: readonly EligibilityRule[] = RULES.map(({ code, scope, description }) => ({
  code,
  scope,
  description,
}));

/**
 * Counts by rule with their codes in {@link ELIGIBILITY_RULES} order (the order reasons are
 * reported in), whatever order they were counted in, so that every path writes them alike.
 *
 * @param counts - Counts by code.
 * @returns The same counts, codes in rule order.
 */
export function inRuleOrder<T>(
  counts: Readonly<Partial<Record<ExclusionCode, T>>>,
): Partial<Record<ExclusionCode, T>> {
  const out: Partial<Record<ExclusionCode, T>> = {};
  for (const { code } of RULES) if (counts[code] !== undefined) out[code] = counts[code];
  return out;
}

/** A labourer's facts and the results of the labourer-level rules, indexed like {@link RULES}. */
interface LabourerState {
  readonly facts: LabourerFacts;
  readonly byRule: readonly (readonly Exclusion[])[];
  /** Under the minimum working age: the only exclusion, for every post. */
  readonly underAge: boolean;
  readonly exclusions: readonly Exclusion[];
}

const stateCache = new WeakMap<Dataset, WeakMap<Labourer, LabourerState>>();

/** Positions in {@link RULES} of the rules about the labourer alone (the first is under-age). */
const LABOURER_RULES: readonly number[] = RULES.flatMap((rule, i) => (rule.scope === 'labourer' ? [i] : []));

/** The rules about the labourer alone, evaluated afresh (not cached). */
function computeState(dataset: Dataset, labourer: Labourer): LabourerState {
  const ctx = contextOf(dataset);
  const { asOf, policy } = dataset;
  const facts: LabourerFacts = {
    age: ageOn(labourer.birthDate, asOf),
    retirement: retirementOf(labourer, policy, asOf),
    earliestRetirement:
      labourer.gender === undefined ? earliestRetirementDate(labourer.birthDate, policy, asOf) : undefined,
    routes: undefined,
  };
  const byRule = new Array<readonly Exclusion[]>(RULES.length);
  let exclusions: Exclusion[] | undefined;
  for (const i of LABOURER_RULES) {
    const found = (RULES[i] as LabourerRuleDef).check(ctx, labourer, facts);
    byRule[i] = found;
    if (found.length > 0) (exclusions ??= []).push(...found);
  }
  const underAge = (byRule[0] ?? none).length > 0;
  return { facts, byRule, underAge, exclusions: underAge ? byRule[0]! : (exclusions ?? none) };
}

function labourerState(dataset: Dataset, labourer: Labourer): LabourerState {
  let byLabourer = stateCache.get(dataset);
  if (byLabourer === undefined) {
    byLabourer = new WeakMap();
    stateCache.set(dataset, byLabourer);
  }
  let state = byLabourer.get(labourer);
  if (state === undefined) {
    state = computeState(dataset, labourer);
    byLabourer.set(labourer, state);
  }
  return state;
}

/**
 * The first day a labourer could start work: the as-of date, or the day they are available from
 * when that is later (a course to finish first). Retirement is judged on this day, so that nobody
 * is placed, or trained, into a post they could not lawfully start.
 *
 * @param asOf - The dataset's as-of date.
 * @param labourer - The labourer.
 * @returns The later of the two dates.
 * @example
 * startsOn('2026-03-01', labourer({ availableFrom: '2026-05-01' })) //=> '2026-05-01'
 */
export function startsOn(asOf: IsoDate, labourer: Pick<Labourer, 'availableFrom'>): IsoDate {
  return labourer.availableFrom > asOf ? labourer.availableFrom : asOf;
}

/** `{ startsOn }` when the labourer could start only after the as-of date, else nothing. */
function later(asOf: IsoDate, labourer: Labourer): { readonly startsOn?: IsoDate } {
  const day = startsOn(asOf, labourer);
  return day === asOf ? {} : { startsOn: day };
}

/**
 * Whether a rule about the labourer alone excludes it from every post: {@link labourerExclusions}
 * non-empty, computed without keeping the labourer's facts (for compiling many labourers once).
 *
 * @internal
 */
export function excludedOutright(dataset: Dataset, labourer: Labourer): boolean {
  const cached = stateCache.get(dataset)?.get(labourer);
  return (cached ?? computeState(dataset, labourer)).exclusions.length > 0;
}

/**
 * The rules that depend on the labourer alone: under the minimum working age on the as-of date
 * (then the only exclusion); statutory retirement reached, or retirement undetermined, on the first
 * day the labourer could start ({@link startsOn}). A non-empty result excludes the labourer from
 * every post.
 *
 * Complexity: O(r) for r retirement rules; cached per dataset and labourer.
 *
 * @param dataset - The dataset (its as-of date and policy apply).
 * @param labourer - The labourer.
 * @returns The exclusions in rule order; empty if the labourer may be placed at all.
 * @example
 * labourerExclusions(ds, labourer({ birthDate: '2010-03-02' as IsoDate })) // as of 2026-03-01
 * //=> [{ code: 'under-minimum-age', params: { age: 15, minimum: 16 } }]
 */
export function labourerExclusions(dataset: Dataset, labourer: Labourer): Exclusion[] {
  return [...labourerState(dataset, labourer).exclusions];
}

/**
 * Every hard rule for a labourer and a post on the dataset's as-of date (see
 * {@link ELIGIBILITY_RULES} for the list and order). An under-16 labourer gets exactly one
 * exclusion, `under-minimum-age`, and nothing else is evaluated.
 *
 * Complexity: O(c·h + r·s + d) for c required certificates, h held certificates, r required
 * skills, s held skills and trainings, and d refused destinations; the labourer-level rules are
 * evaluated once per labourer and dataset, and a skill route once per labourer, skill and level.
 *
 * @param dataset - The dataset (its as-of date, employers and policy apply).
 * @param labourer - The labourer.
 * @param post - The post.
 * @returns The exclusions in rule order; empty if the pair is eligible.
 * @throws Error if the post's employer or site park is not in the dataset or policy.
 * @example
 * checkEligibility(ds, labourer(), post()) //=> []
 * checkEligibility(ds, labourer(), post({ filled: 10, openings: 10 }))
 * //=> [{ code: 'no-openings-left', params: { openings: 10, filled: 10 } }]
 */
export function checkEligibility(dataset: Dataset, labourer: Labourer, post: Post): Exclusion[] {
  const state = labourerState(dataset, labourer);
  // Nothing about the post is looked at for a labourer under the minimum working age.
  if (state.underAge) return [...state.exclusions];
  const pair = pairFacts(contextOf(dataset), labourer, state.facts, post);
  const out: Exclusion[] = [];
  for (let i = 0; i < RULES.length; i++) {
    const rule = RULES[i]!;
    const found = rule.scope === 'labourer' ? (state.byRule[i] ?? none) : rule.check(pair);
    for (const e of found) out.push(e);
  }
  return out;
}

function pairFacts(ctx: Context, labourer: Labourer, facts: LabourerFacts, post: Post): PairFacts {
  const employer = ctx.employers.get(post.employer);
  if (employer === undefined) throw new Error(`checkEligibility: unknown employer ${post.employer}`);
  const area = siteArea(post.site, ctx.parks);
  const home = labourer.originCounty;
  const nearHome = isNearHome(
    home,
    area,
    post.site.kind === 'park' ? ctx.parks.get(post.site.park) : undefined,
  );
  return { ctx, asOf: ctx.dataset.asOf, labourer, facts, post, employer, area, nearHome };
}
