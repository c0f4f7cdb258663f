/**
 * What it would take: for one labourer, the smallest changes to things they can change (a course
 * from the policy's training catalogue, the pay they accept, how far they will go, a refused place,
 * an earlier start, doing without a dormitory, or simply waiting for a date) that make a post
 * eligible or lift them into a post's openings. Facts that cannot change (age, origin, household
 * status, gender, family care, the post's and the employer's own limits) are never suggested; they
 * are reported as such, with the date where waiting lifts them.
 *
 * Every suggestion is checked by applying it to a copy of the labourer and re-running
 * `checkEligibility` and `scorePair`; none is offered if a proper subset of its changes would do.
 *
 * @module
 */
import { compareIds, compareLabourerEntries, priorityTier, type PriorityTier } from './compare.js';
import { areaContains, prefectureOf, provinceOf } from './divisions.js';
import { checkEligibility, labourerExclusions } from './eligibility.js';
import { BangfuValidationError } from './errors.js';
import { contextOf, siteArea } from './internal/context.js';
import { addDaysIso, addMonthsIso, ageOn } from './internal/dates.js';
import type { Plan } from './plan.js';
import type { TrainingCourse } from './policy/types.js';
import type { Exclusion, ExclusionCode } from './reasons.js';
import type { Exclusions } from './results.js';
import { netPay, scorePair } from './score.js';
import { linksOf } from './score/skills.js';
import type {
  AreaCode,
  CertificateId,
  Dataset,
  Destination,
  EmployerId,
  IsoDate,
  Labourer,
  MobilityScope,
  Post,
  PostId,
  Site,
  SkillId,
  SkillLevel,
  LabourerId,
} from './types.js';

/** Why a suggestion waits for a date. */
export type WaitReason = 'adult-age' | 'post-minimum-age' | 'window-opens';

/** Parameters of each kind of change, by code. */
export interface ChangeParams {
  /** Take a course of the policy's catalogue; it grants its skills and certificates on completion. */
  readonly 'take-training': {
    readonly course: string;
    readonly grants: {
      readonly skills: readonly { readonly skill: SkillId; readonly level: SkillLevel }[];
      readonly certificates: readonly CertificateId[];
    };
    readonly durationDays: number;
    /** Cost per trainee, CNY. */
    readonly cost: number;
    readonly area?: AreaCode;
  };
  /** Renew a certificate whose every copy has expired. */
  readonly 'renew-certificate': { readonly certificate: CertificateId; readonly expiredOn: IsoDate };
  /** Lower the least monthly net pay the labourer accepts (never below what the post leaves them). */
  readonly 'accept-pay': { readonly from: number; readonly to: number };
  /** Widen how far from home the labourer will work (the narrowest scope that suffices). */
  readonly 'widen-mobility': { readonly from: MobilityScope; readonly to: MobilityScope };
  /** No longer refuse a place. */
  readonly 'drop-refusal': { readonly destination: Destination };
  /** Be available from an earlier date (the latest that suffices: the day applications close). */
  readonly 'start-earlier': { readonly from: IsoDate; readonly to: IsoDate };
  /** Take a post away from home without a dormitory. */
  readonly 'accept-no-dormitory': Readonly<Record<never, never>>;
  /** Nothing to change: wait for a date (an 18th birthday, a post's minimum age, a window opening). */
  readonly 'wait-until': { readonly date: IsoDate; readonly reason: WaitReason };
}

/** A code of {@link ChangeParams}. */
export type ChangeCode = keyof ChangeParams;

/** One change, with its parameters. */
export type Change = {
  readonly [K in ChangeCode]: { readonly code: K; readonly params: ChangeParams[K] };
}[ChangeCode];

/**
 * The kinds of change in the order they are listed within a suggestion.
 *
 * @example
 * CHANGE_CODES[0] //=> 'take-training'
 */
export const CHANGE_CODES: readonly ChangeCode[] = [
  'take-training',
  'renew-certificate',
  'accept-pay',
  'widen-mobility',
  'drop-refusal',
  'start-earlier',
  'accept-no-dormitory',
  'wait-until',
];

/**
 * Which changes can lift which exclusion; an exclusion code absent here rests on a fact the
 * labourer cannot change (possibly lifted by waiting, see {@link FixedExclusion}).
 *
 * @example
 * LIFTED_BY['certificate-missing'] //=> ['take-training']
 */
export const LIFTED_BY: Readonly<Partial<Record<ExclusionCode, readonly ChangeCode[]>>> = {
  'certificate-missing': ['take-training'],
  'certificate-expired': ['renew-certificate', 'take-training'],
  'required-skill-missing': ['take-training'],
  'outside-mobility-scope': ['widen-mobility'],
  'refused-destination': ['drop-refusal'],
  'available-after-window': ['start-earlier'],
  'dormitory-needed': ['accept-no-dormitory'],
  'below-minimum-pay': ['accept-pay'],
  'minor-hazardous': ['wait-until'],
  'minor-special-operation': ['wait-until'],
  'outside-post-age-range': ['wait-until'],
  'window-not-open': ['wait-until'],
};

/** Whose fact an unchangeable exclusion rests on. */
export type FixedWhy = 'law' | 'post' | 'employer' | 'family-care' | 'record' | 'history';

const FIXED_WHY: Readonly<Record<ExclusionCode, FixedWhy>> = {
  'under-minimum-age': 'law',
  'minor-hazardous': 'law',
  'minor-special-operation': 'law',
  'retirement-age-reached': 'law',
  'retirement-undetermined': 'record',
  'outside-post-age-range': 'post',
  'employer-not-approved': 'employer',
  'employer-vetting-expired': 'employer',
  'employer-vetting-not-yet-valid': 'employer',
  'no-openings-left': 'post',
  'window-not-open': 'post',
  'window-closed': 'post',
  'available-after-window': 'post',
  'cannot-leave-home': 'family-care',
  'outside-mobility-scope': 'post',
  'certificate-missing': 'post',
  'certificate-expired': 'post',
  'required-skill-missing': 'post',
  'refused-destination': 'post',
  'dormitory-needed': 'post',
  'below-minimum-pay': 'post',
  'ended-for-cause': 'history',
};

/** An exclusion the labourer cannot change, and the date from which waiting lifts it, if any. */
export interface FixedExclusion {
  readonly exclusion: Exclusion;
  readonly why: FixedWhy;
  readonly wait?: { readonly date: IsoDate; readonly reason: WaitReason };
}

/** The labourer who ranks last inside a post's openings: the one to overtake. */
export interface Rival {
  readonly labourer: LabourerId;
  readonly tier: PriorityTier;
  readonly score: number;
}

/** A post a suggestion opens to the labourer. */
export interface Unlock {
  readonly post: PostId;
  readonly title: string;
  readonly site: Site;
  readonly employer: EmployerId;
  /** `eligible`: the post was excluded and becomes eligible; `into-openings`: the labourer now ranks inside its openings. */
  readonly kind: 'eligible' | 'into-openings';
  /** Monthly net pay (`netPay`) for the changed labourer. */
  readonly net: number;
  /** `scorePair` of the changed labourer, on the suggestion's date. */
  readonly score: number;
}

/** One suggestion: a set of changes, none superfluous, and the posts it opens. */
export interface Suggestion {
  /** In {@link CHANGE_CODES} order. */
  readonly changes: readonly [Change, ...Change[]];
  /** Sum of the course costs, CNY. */
  readonly cost: number;
  /** The date the posts open on: the as-of date, or the date waited for. */
  readonly on: IsoDate;
  /** The labourer's first working day under the suggestion (after any course). */
  readonly availableFrom: IsoDate;
  /** Score descending, then post id. */
  readonly unlocks: readonly [Unlock, ...Unlock[]];
}

/** What the advice says about one post. */
export type PostOutlook =
  | {
      readonly kind: 'excluded';
      readonly post: PostId;
      readonly exclusions: Exclusions;
      /** The exclusions resting on facts the labourer cannot change. */
      readonly fixed: readonly FixedExclusion[];
      /** How many suggestions open it (0: nothing changeable within `maxChanges` suffices). */
      readonly suggestions: number;
    }
  | {
      readonly kind: 'outside-openings';
      readonly post: PostId;
      readonly score: number;
      /** Who to overtake: the lowest holder in the plan, or the last labourer inside the openings in the post's ranking. */
      readonly rival: Rival;
      /**
       * `priority-tier`: the rival is of a priority household and the labourer is not, which no
       * change alters. `already-ahead`: the labourer already ranks before the rival; the plan left
       * them out to place more labourers overall, not for their score.
       */
      readonly blocked?: 'priority-tier' | 'already-ahead';
      readonly suggestions: number;
    }
  | { readonly kind: 'within-reach'; readonly post: PostId; readonly score: number };

/** What it would take for one labourer. */
export interface Advice {
  readonly labourer: Labourer;
  readonly asOf: IsoDate;
  /** `plan`: openings judged against the plan given; `ranking`: against the post's ranking of eligible labourers. */
  readonly basis: 'plan' | 'ranking';
  readonly maxChanges: number;
  /** Rules broken by the labourer alone (age, retirement): no change lifts them. */
  readonly labourerExclusions: readonly Exclusion[];
  /** Under the minimum working age: no post may be introduced before this date (the 16th birthday). */
  readonly notBefore?: IsoDate;
  /** Best first: most posts opened, then best net pay, fewer changes, lower cost, then a fixed key. */
  readonly suggestions: readonly Suggestion[];
  /** Suggestions beyond `top`. */
  readonly suggestionsNotShown: number;
  /** By post id. */
  readonly posts: readonly PostOutlook[];
}

/** Options of {@link advise}. */
export interface AdviseOptions {
  /**
   * The posts to advise on.
   * @defaultValue every post currently excluded or outside its openings
   */
  readonly posts?: readonly string[];
  /**
   * The most changes in one suggestion, 1–4.
   * @defaultValue 2
   */
  readonly maxChanges?: number;
  /**
   * How many suggestions to return.
   * @defaultValue 10
   */
  readonly top?: number;
  /** A plan of the dataset: "outside the openings" then means lost to the plan's holders. @defaultValue none (the post's ranking) */
  readonly plan?: Plan;
}

// --- applying changes ----------------------------------------------------------------------------

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A labourer as changed, and the date the change is judged on. */
export interface Scenario {
  readonly labourer: Labourer;
  readonly date: IsoDate;
}

const SCOPES: readonly MobilityScope[] = ['home-county', 'home-prefecture', 'home-province', 'anywhere'];

function isoAddDays(date: IsoDate, days: number): IsoDate {
  return addDaysIso(date, days);
}

/**
 * The day a person born on `birthDate` reaches `years` (on or after `addMonths`'s clamped date, so a
 * 29 February birthday falls on 1 March where `ageOn` says so).
 *
 * @param birthDate - The date of birth.
 * @param years - The age.
 * @returns The first date on which `ageOn` gives at least `years`.
 * @example
 * birthdayAt('2008-07-01' as IsoDate, 18) //=> '2026-07-01'
 */
export function birthdayAt(birthDate: IsoDate, years: number): IsoDate {
  let d = addMonthsIso(birthDate, 12 * years);
  while (ageOn(birthDate, d) < years) d = isoAddDays(d, 1);
  return d;
}

function destinationKey(d: Destination): string {
  return d.kind === 'area' ? `area:${d.area}` : `park:${d.park}`;
}

/**
 * A stable key of a change, for ordering and de-duplication.
 *
 * @internal
 */
export function changeKey(c: Change): string {
  switch (c.code) {
    case 'take-training':
      return `take-training:${c.params.course}`;
    case 'renew-certificate':
      return `renew-certificate:${c.params.certificate}`;
    case 'accept-pay':
      return `accept-pay:${String(c.params.to).padStart(9, '0')}`;
    case 'widen-mobility':
      return `widen-mobility:${SCOPES.indexOf(c.params.to)}`;
    case 'drop-refusal':
      return `drop-refusal:${destinationKey(c.params.destination)}`;
    case 'start-earlier':
      return `start-earlier:${c.params.to}`;
    case 'accept-no-dormitory':
      return 'accept-no-dormitory';
    case 'wait-until':
      return `wait-until:${c.params.date}:${c.params.reason}`;
  }
}

function compareChanges(a: Change, b: Change): number {
  return (
    CHANGE_CODES.indexOf(a.code) - CHANGE_CODES.indexOf(b.code) || compareIds(changeKey(a), changeKey(b))
  );
}

/**
 * The change that takes a course.
 *
 * @param course - A course of the policy's catalogue.
 * @returns The `take-training` change.
 * @example
 * trainingChange(dongguanPolicy.trainings[0]).params.cost //=> 3000
 */
export function trainingChange(course: TrainingCourse): Change {
  return {
    code: 'take-training',
    params: {
      course: course.id,
      grants: {
        skills: course.grantsSkills.map((g) => ({ skill: g.skill, level: g.level })),
        certificates: [...course.grantsCertificates],
      },
      durationDays: course.durationDays,
      cost: course.costPerTrainee,
      ...(course.area === undefined ? {} : { area: course.area }),
    },
  };
}

/**
 * Applies changes to a copy of a labourer (the labourer is never mutated). A course starts on the
 * scenario's date (the as-of date, or the date waited for) and ends `durationDays` later: its skills
 * count as a completed training, its certificates as held, and the labourer is available no earlier
 * than the day it ends. A course granting a special-operation certificate needs the labourer to be of
 * adult age when it ends; otherwise the scenario is impossible.
 *
 * Complexity: O(k + h) for k changes and h held skills, certificates and refusals.
 *
 * @param dataset - The dataset (its as-of date and policy).
 * @param labourer - The labourer.
 * @param changes - The changes.
 * @returns The changed labourer and the date to judge on, or undefined if the changes cannot all hold.
 * @example
 * applyChanges(ds, w, [{ code: 'accept-no-dormitory', params: {} }])?.labourer.needsDormitory //=> false
 */
export function applyChanges(
  dataset: Dataset,
  labourer: Labourer,
  changes: readonly Change[],
): Scenario | undefined {
  let date = dataset.asOf;
  for (const c of changes) if (c.code === 'wait-until' && c.params.date > date) date = c.params.date;
  const w: Mutable<Labourer> = { ...labourer };
  const ordered = [...changes].sort(compareChanges);
  // Earlier starts first, so that a course's end still pushes the start back.
  for (const c of ordered) {
    switch (c.code) {
      case 'start-earlier':
        if (c.params.to < w.availableFrom) w.availableFrom = c.params.to;
        break;
      case 'renew-certificate':
        w.certificates = [...w.certificates, { certificate: c.params.certificate }];
        break;
      case 'accept-pay':
        w.pay = { minMonthly: c.params.to, targetMonthly: w.pay.targetMonthly };
        break;
      case 'widen-mobility':
        w.mobility = { ...w.mobility, scope: c.params.to };
        break;
      case 'drop-refusal': {
        const key = destinationKey(c.params.destination);
        w.mobility = { ...w.mobility, refused: w.mobility.refused.filter((d) => destinationKey(d) !== key) };
        break;
      }
      case 'accept-no-dormitory':
        w.needsDormitory = false;
        break;
      case 'take-training':
      case 'wait-until':
        break;
    }
  }
  const special = contextOf(dataset).certificates;
  for (const c of ordered) {
    if (c.code !== 'take-training') continue;
    // A course given in a place (one prefecture's course) is taken there: within the labourer's
    // reach (their mobility as changed here), or not at all.
    if (c.params.area !== undefined && !canTravelTo(w, c.params.area)) return undefined;
    const ends = isoAddDays(date, c.params.durationDays);
    const { grants } = c.params;
    if (
      grants.certificates.some((id) => special.get(id)?.specialOperation === true) &&
      ageOn(labourer.birthDate, ends) < dataset.policy.ageLaw.adultAge
    )
      return undefined;
    w.trainings = [
      ...w.trainings,
      ...grants.skills.map((g) => ({
        course: c.params.course,
        completedOn: ends,
        grantsSkill: g.skill,
        grantsLevel: g.level,
      })),
    ];
    w.certificates = [...w.certificates, ...grants.certificates.map((certificate) => ({ certificate }))];
    if (ends > w.availableFrom) w.availableFrom = ends;
  }
  return { labourer: w, date };
}

// --- targets -------------------------------------------------------------------------------------

type Target =
  | { readonly kind: 'excluded'; readonly post: Post; readonly exclusions: Exclusions }
  | {
      readonly kind: 'openings';
      readonly post: Post;
      readonly score: number;
      readonly rival: Rival;
      readonly rivalHousehold: Labourer['household'];
      readonly basis: 'plan' | 'ranking';
    };

interface Run {
  readonly dataset: Dataset;
  readonly labourer: Labourer;
  readonly atDate: (date: IsoDate) => Dataset;
}

function datasetsByDate(dataset: Dataset): (date: IsoDate) => Dataset {
  const cache = new Map<string, Dataset>();
  return (date) => {
    if (date === dataset.asOf) return dataset;
    let ds = cache.get(date);
    if (ds === undefined) cache.set(date, (ds = { ...dataset, asOf: date }));
    return ds;
  };
}

/** The rival a labourer must overtake for a post they are eligible for, or undefined if they are inside. */
function rivalFor(
  dataset: Dataset,
  labourer: Labourer,
  post: Post,
  score: number,
  plan: Plan | undefined,
): { rival: Rival; household: Labourer['household'] } | undefined {
  const spare = post.openings - post.filled;
  if (spare <= 0) return undefined;
  const labourers = contextOf(dataset).labourers;
  if (plan !== undefined) {
    const mine = plan.entries.find((e) => e.labourer === labourer.id);
    if (mine === undefined || mine.kind === 'placed') return undefined;
    const holders = plan.entries
      .flatMap((e) => (e.kind === 'placed' && e.post === post.id ? [e] : []))
      .sort((a, b) => a.tier - b.tier || b.score - a.score || compareIds(a.labourer, b.labourer));
    if (holders.length < spare) return undefined;
    const last = holders[holders.length - 1]!;
    return {
      rival: { labourer: last.labourer, tier: last.tier, score: last.score },
      household: labourers.get(last.labourer)?.household ?? 'other',
    };
  }
  const me = { id: labourer.id as string, score, household: labourer.household };
  const ahead: { id: string; score: number; household: Labourer['household'] }[] = [];
  for (const other of dataset.labourers) {
    if (other.id === labourer.id) continue;
    if (checkEligibility(dataset, other, post).length > 0) continue;
    const entry = {
      id: other.id as string,
      score: scorePair(dataset, other, post).score,
      household: other.household,
    };
    if (compareLabourerEntries(entry, me) < 0) ahead.push(entry);
  }
  if (ahead.length < spare) return undefined;
  ahead.sort(compareLabourerEntries);
  const last = ahead[spare - 1]!;
  return {
    rival: { labourer: last.id as LabourerId, tier: priorityTier(last), score: last.score },
    household: last.household,
  };
}

function isAhead(target: Extract<Target, { kind: 'openings' }>, labourer: Labourer, score: number): boolean {
  const { rival } = target;
  if (target.basis === 'plan') {
    const tier = priorityTier(labourer);
    return (
      tier < rival.tier ||
      (tier === rival.tier &&
        (score > rival.score || (score === rival.score && compareIds(labourer.id, rival.labourer) < 0)))
    );
  }
  return (
    compareLabourerEntries(
      { id: labourer.id, score, household: labourer.household },
      { id: rival.labourer, score: rival.score, household: target.rivalHousehold },
    ) < 0
  );
}

/** Whether a scenario opens a target; its score and net pay there. */
function evaluate(
  run: Run,
  target: Target,
  sc: Scenario | undefined,
): { readonly ok: boolean; readonly score: number; readonly net: number } {
  const no = { ok: false, score: 0, net: 0 };
  if (sc === undefined) return no;
  const ds = run.atDate(sc.date);
  if (target.kind === 'openings' && sc.date !== run.dataset.asOf) return no;
  if (checkEligibility(ds, sc.labourer, target.post).length > 0) return no;
  const score = scorePair(ds, sc.labourer, target.post).score;
  const net = netPay(sc.labourer, target.post, siteArea(target.post.site, contextOf(ds).parks)).net;
  if (target.kind === 'openings' && !isAhead(target, sc.labourer, score)) return { ok: false, score, net };
  return { ok: true, score, net };
}

// --- candidate changes ---------------------------------------------------------------------------

/** A candidate change, or the marker for an accept-pay level found by search. */
type Candidate =
  { readonly change: Change } | { readonly acceptPay: { readonly from: number; readonly floor: number } };

/**
 * Whether a labourer can go to an area for a course: it holds their home county, or their mobility
 * reaches it (a labourer who cannot leave home only within the home county).
 *
 * @internal
 */
export function canTravelTo(labourer: Labourer, area: AreaCode): boolean {
  const home = labourer.originCounty;
  if (areaContains(area, home) || areaContains(home, area)) return true;
  if (labourer.cannotLeaveHome) return false;
  switch (labourer.mobility.scope) {
    case 'anywhere':
      return true;
    case 'home-province':
      return provinceOf(area) === provinceOf(home);
    case 'home-prefecture':
      return area.length >= 4 && prefectureOf(area) === prefectureOf(home);
    case 'home-county':
      return false;
  }
}

function narrowestScope(labourer: Labourer, area: AreaCode): MobilityScope {
  const home = labourer.originCounty;
  if (prefectureOf(area) === prefectureOf(home)) return 'home-prefecture';
  if (provinceOf(area) === provinceOf(home)) return 'home-province';
  return 'anywhere';
}

function waitFor(run: Run, e: Exclusion, post: Post): FixedExclusion['wait'] {
  const { labourer, dataset } = run;
  switch (e.code) {
    case 'minor-hazardous':
    case 'minor-special-operation':
      return { date: birthdayAt(labourer.birthDate, dataset.policy.ageLaw.adultAge), reason: 'adult-age' };
    case 'outside-post-age-range':
      return post.ageRange?.min !== undefined && e.params.age < post.ageRange.min
        ? { date: birthdayAt(labourer.birthDate, post.ageRange.min), reason: 'post-minimum-age' }
        : undefined;
    case 'window-not-open':
      return { date: e.params.opens, reason: 'window-opens' };
    default:
      return undefined;
  }
}

function candidatesForExcluded(run: Run, target: Extract<Target, { kind: 'excluded' }>): Candidate[] {
  const { labourer, dataset } = run;
  const out: Change[] = [];
  const courses = (certificate: CertificateId): Change[] =>
    dataset.policy.trainings.filter((t) => t.grantsCertificates.includes(certificate)).map(trainingChange);
  // A course granting the skill itself, or a skill the taxonomy relates to it (a route the skills
  // component credits); the evaluation below keeps only what really lifts the exclusion.
  const links = linksOf(dataset.policy);
  const skillCourses = (skill: SkillId): Change[] => {
    const related = links.get(skill);
    return dataset.policy.trainings
      .filter((t) => t.grantsSkills.some((g) => g.skill === skill || (related?.get(g.skill) ?? 0) > 0))
      .map(trainingChange);
  };
  for (const e of target.exclusions) {
    switch (e.code) {
      case 'certificate-missing':
        out.push(...courses(e.params.certificate));
        break;
      case 'certificate-expired':
        out.push({
          code: 'renew-certificate',
          params: { certificate: e.params.certificate, expiredOn: e.params.validUntil },
        });
        out.push(...courses(e.params.certificate));
        break;
      case 'required-skill-missing':
        out.push(...skillCourses(e.params.skill));
        break;
      case 'outside-mobility-scope': {
        const to = narrowestScope(labourer, siteArea(target.post.site, contextOf(dataset).parks));
        if (SCOPES.indexOf(to) > SCOPES.indexOf(labourer.mobility.scope))
          out.push({ code: 'widen-mobility', params: { from: labourer.mobility.scope, to } });
        break;
      }
      case 'refused-destination':
        out.push({ code: 'drop-refusal', params: { destination: e.params.destination } });
        break;
      case 'available-after-window':
        out.push({ code: 'start-earlier', params: { from: e.params.availableFrom, to: e.params.closes } });
        break;
      case 'dormitory-needed':
        out.push({ code: 'accept-no-dormitory', params: {} });
        break;
      case 'below-minimum-pay':
        // The highest whole-yuan minimum the post's net pay meets.
        out.push({ code: 'accept-pay', params: { from: e.params.minimum, to: Math.floor(e.params.net) } });
        break;
      default: {
        const wait = waitFor(run, e, target.post);
        if (wait !== undefined) out.push({ code: 'wait-until', params: wait });
      }
    }
  }
  return dedupe(out).map((change) => ({ change }));
}

function candidatesForOpenings(run: Run, target: Extract<Target, { kind: 'openings' }>): Candidate[] {
  const { labourer, dataset } = run;
  const out: Candidate[] = [];
  for (const course of dataset.policy.trainings) {
    const change = trainingChange(course);
    const sc = applyChanges(dataset, labourer, [change]);
    const r = evaluate(
      run,
      { kind: 'excluded', post: target.post, exclusions: [] as unknown as Exclusions },
      sc,
    );
    // A course helps only through the skills component, independent of the other changes.
    if (r.ok && r.score > target.score) out.push({ change });
  }
  const net = netPay(labourer, target.post, siteArea(target.post.site, contextOf(dataset).parks)).net;
  const from = labourer.pay.minMonthly;
  const floor = Math.ceil(net);
  if (floor < from) out.push({ acceptPay: { from, floor } });
  return out;
}

function dedupe(changes: readonly Change[]): Change[] {
  const seen = new Map<string, Change>();
  for (const c of changes) if (!seen.has(changeKey(c))) seen.set(changeKey(c), c);
  return [...seen.values()].sort(compareChanges);
}

/** The minimal sets of changes (at most `max`) that open a target, each with its result there. */
function minimalSets(run: Run, target: Target, candidates: readonly Candidate[], max: number): Change[][] {
  const found: number[][] = [];
  const results: Change[][] = [];
  const n = candidates.length;
  const tryCombo = (combo: readonly number[]): void => {
    if (found.some((f) => f.every((i) => combo.includes(i)))) return;
    const fixedChanges: Change[] = [];
    let pay: { from: number; floor: number } | undefined;
    for (const i of combo) {
      const c = candidates[i]!;
      if ('change' in c) fixedChanges.push(c.change);
      else pay = c.acceptPay;
    }
    let changes: Change[] | undefined;
    if (pay === undefined) {
      if (evaluate(run, target, applyChanges(run.dataset, run.labourer, fixedChanges)).ok)
        changes = fixedChanges;
    } else {
      const { from, floor } = pay;
      const at = (to: number): Change[] => [...fixedChanges, { code: 'accept-pay', params: { from, to } }];
      const works = (to: number): boolean =>
        evaluate(run, target, applyChanges(run.dataset, run.labourer, at(to))).ok;
      // The score does not rise as the accepted minimum rises: find the highest level that works.
      if (works(floor)) {
        let lo = floor;
        let hi = from - 1;
        while (lo < hi) {
          const mid = Math.ceil((lo + hi) / 2);
          if (works(mid)) lo = mid;
          else hi = mid - 1;
        }
        changes = at(lo);
      }
    }
    if (changes !== undefined) {
      found.push([...combo]);
      results.push(changes.sort(compareChanges));
    }
  };
  const combo: number[] = [];
  const walk = (start: number, size: number): void => {
    if (combo.length === size) {
      tryCombo(combo);
      return;
    }
    for (let i = start; i < n; i++) {
      combo.push(i);
      walk(i + 1, size);
      combo.pop();
    }
  };
  for (let size = 1; size <= Math.min(max, n); size++) walk(0, size);
  return results;
}

// --- advise --------------------------------------------------------------------------------------

function badArgument(path: string, code: string, message: string, value: unknown): BangfuValidationError {
  return new BangfuValidationError([{ path, code, message, value }], 'advise arguments');
}

function setKey(changes: readonly Change[]): string {
  return changes.map(changeKey).join('|');
}

/**
 * What it would take for a labourer to reach posts now out of reach.
 *
 * Targets: every post the labourer is excluded from, and every eligible post they are outside of —
 * with a `plan`, a post whose openings the plan filled with others while the labourer is unplaced;
 * without one, a post where more eligible labourers rank ahead of them (`rankLabourers` order) than
 * it has openings left. `options.posts` restricts (or names) the targets.
 *
 * For each target, the changes that can lift its exclusions ({@link LIFTED_BY}) — or, for openings,
 * a course that raises the score and accepting the pay the post leaves — are tried in every
 * combination of up to `maxChanges`, smallest first; a combination is kept only if applying it to
 * a copy of the labourer makes `checkEligibility` empty (and, for openings, puts the labourer ahead
 * of the rival by score) and no proper subset does. `accept-pay` takes the highest whole-yuan level
 * that works, never below the post's net pay; `widen-mobility` the narrowest scope; `start-earlier`
 * the closing day of the window. A suggestion lists every target it opens minimally. Exclusions on
 * unchangeable facts are reported in each post's `fixed` list, with the date where waiting lifts them.
 *
 * A labourer under the minimum working age gets no suggestion and no post (the law forbids
 * introducing any job); `notBefore` gives their 16th birthday.
 *
 * Complexity: O(P·R + T·C^k·(R + S)) for P posts, R the cost of the rules, S of a score, T targets,
 * C candidate changes per target and k = `maxChanges`; without a plan, plus O(T·W·(R + S)) to rank
 * W labourers for each eligible post.
 *
 * @param dataset - The dataset.
 * @param labourerId - The labourer's id.
 * @param options - Posts, maxChanges (default 2), top (default 10), plan.
 * @returns The advice: suggestions best first and an outlook for every target post.
 * @throws BangfuValidationError for an unknown labourer or post id, or a plan of another dataset.
 * @throws RangeError if maxChanges is not an integer in 1–4 or top not a positive integer.
 * @example
 * // w1 (镇雄县, home-province) and a forklift post in 塘厦镇 requiring the N1 certificate
 * advise(ds, 'w1').suggestions[0].changes.map((c) => c.code) //=> ['take-training', 'widen-mobility']
 * advise(ds, 'w1').suggestions[0].unlocks[0].post //=> 'p1'
 */
export function advise(dataset: Dataset, labourerId: string, options: AdviseOptions = {}): Advice {
  const maxChanges = options.maxChanges ?? 2;
  const top = options.top ?? 10;
  if (!Number.isInteger(maxChanges) || maxChanges < 1 || maxChanges > 4)
    throw new RangeError(`advise: maxChanges must be an integer from 1 to 4, got ${String(maxChanges)}`);
  if (!Number.isInteger(top) || top < 1)
    throw new RangeError(`advise: top must be a positive integer, got ${String(top)}`);
  const ctx = contextOf(dataset);
  const labourer = ctx.labourers.get(labourerId);
  if (labourer === undefined)
    throw badArgument('labourerId', 'unknown-id', 'an id of a labourer in the dataset', labourerId);
  const { plan } = options;
  if (plan !== undefined && !plan.entries.some((e) => e.labourer === labourer.id))
    throw badArgument(
      'plan',
      'plan-mismatch',
      'a plan of this dataset (the labourer is not in it)',
      labourerId,
    );
  const given = options.posts?.map((id, i) => {
    const post = ctx.posts.get(id);
    if (post === undefined)
      throw badArgument(`posts[${i}]`, 'unknown-id', 'an id of a post in the dataset', id);
    return post;
  });
  const basis = plan === undefined ? 'ranking' : 'plan';
  const base = { labourer, asOf: dataset.asOf, basis, maxChanges } as const;
  const levelExclusions = labourerExclusions(dataset, labourer);
  if (levelExclusions.some((e) => e.code === 'under-minimum-age')) {
    return {
      ...base,
      labourerExclusions: levelExclusions,
      notBefore: birthdayAt(labourer.birthDate, dataset.policy.ageLaw.minimumWorkingAge),
      suggestions: [],
      suggestionsNotShown: 0,
      posts: [],
    };
  }
  const run: Run = { dataset, labourer, atDate: datasetsByDate(dataset) };

  // Targets, by post id.
  const posts = [...(given ?? dataset.posts)].sort((a, b) => compareIds(a.id, b.id));
  const targets: Target[] = [];
  const outlooks = new Map<string, PostOutlook>();
  for (const post of posts) {
    if (outlooks.has(post.id)) continue;
    const exclusions = checkEligibility(dataset, labourer, post);
    if (exclusions.length > 0) {
      const t: Target = { kind: 'excluded', post, exclusions: exclusions as unknown as Exclusions };
      targets.push(t);
      outlooks.set(post.id, {
        kind: 'excluded',
        post: post.id,
        exclusions: t.exclusions,
        fixed: exclusions.flatMap((e): FixedExclusion[] => {
          const lifts = LIFTED_BY[e.code];
          if (lifts !== undefined && !lifts.every((c) => c === 'wait-until')) return [];
          const wait = waitFor(run, e, post);
          return [{ exclusion: e, why: FIXED_WHY[e.code], ...(wait === undefined ? {} : { wait }) }];
        }),
        suggestions: 0,
      });
      continue;
    }
    const score = scorePair(dataset, labourer, post).score;
    const r = rivalFor(dataset, labourer, post, score, plan);
    if (r === undefined) {
      if (given !== undefined) outlooks.set(post.id, { kind: 'within-reach', post: post.id, score });
      continue;
    }
    const t: Target = { kind: 'openings', post, score, rival: r.rival, rivalHousehold: r.household, basis };
    const blocked =
      priorityTier(labourer) > r.rival.tier
        ? ('priority-tier' as const)
        : isAhead(t, labourer, score)
          ? ('already-ahead' as const)
          : undefined;
    if (blocked === undefined) targets.push(t);
    outlooks.set(post.id, {
      kind: 'outside-openings',
      post: post.id,
      score,
      rival: r.rival,
      ...(blocked === undefined ? {} : { blocked }),
      suggestions: 0,
    });
  }

  // Minimal sets per target, then every target each set opens minimally.
  const candidatesOf = new Map<Target, Candidate[]>();
  const sets = new Map<string, Change[]>();
  for (const t of targets) {
    const outlook = outlooks.get(t.post.id);
    if (outlook?.kind === 'excluded' && outlook.fixed.some((f) => f.wait === undefined)) continue;
    const cands = t.kind === 'excluded' ? candidatesForExcluded(run, t) : candidatesForOpenings(run, t);
    candidatesOf.set(t, cands);
    for (const s of minimalSets(run, t, cands, maxChanges)) sets.set(setKey(s), s);
  }
  const relevant = (t: Target, c: Change): boolean => {
    const cands = candidatesOf.get(t);
    if (cands === undefined) return false;
    if (c.code === 'accept-pay')
      return cands.some((x) =>
        'acceptPay' in x
          ? c.params.to >= x.acceptPay.floor
          : // Below the minimum (a hard rule): any minimum up to the post's net pay lifts it.
            x.change.code === 'accept-pay' && c.params.to <= x.change.params.to,
      );
    const key = changeKey(c);
    return cands.some((x) => 'change' in x && changeKey(x.change) === key);
  };
  const suggestions: Suggestion[] = [];
  const counts = new Map<string, number>();
  for (const changes of [...sets.values()]) {
    const sc = applyChanges(dataset, labourer, changes);
    if (sc === undefined) continue;
    const unlocks: Unlock[] = [];
    for (const t of targets) {
      if (!changes.every((c) => relevant(t, c))) continue;
      const r = evaluate(run, t, sc);
      if (!r.ok) continue;
      if (properSubsets(changes).some((sub) => evaluate(run, t, applyChanges(dataset, labourer, sub)).ok))
        continue;
      unlocks.push({
        post: t.post.id,
        title: t.post.title,
        site: t.post.site,
        employer: t.post.employer,
        kind: t.kind === 'excluded' ? 'eligible' : 'into-openings',
        net: r.net,
        score: r.score,
      });
      counts.set(t.post.id, (counts.get(t.post.id) ?? 0) + 1);
    }
    if (unlocks.length === 0) continue;
    unlocks.sort((a, b) => b.score - a.score || compareIds(a.post, b.post));
    suggestions.push({
      changes: changes as unknown as Suggestion['changes'],
      cost: changes.reduce((sum, c) => sum + (c.code === 'take-training' ? c.params.cost : 0), 0),
      on: sc.date,
      availableFrom: sc.labourer.availableFrom,
      unlocks: unlocks as unknown as Suggestion['unlocks'],
    });
  }
  suggestions.sort(compareSuggestions);

  const postsOut = [...outlooks.values()].map((o): PostOutlook =>
    o.kind === 'within-reach' ? o : { ...o, suggestions: counts.get(o.post) ?? 0 },
  );
  return {
    ...base,
    labourerExclusions: levelExclusions,
    suggestions: suggestions.slice(0, top),
    suggestionsNotShown: Math.max(0, suggestions.length - top),
    posts: postsOut,
  };
}

function properSubsets<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  const n = items.length;
  for (let mask = 0; mask < (1 << n) - 1; mask++) out.push(items.filter((_, i) => (mask & (1 << i)) !== 0));
  return out;
}

function bestNet(s: Suggestion): number {
  return Math.max(...s.unlocks.map((u) => u.net));
}

/**
 * The order of suggestions: more posts opened first, then higher best net pay, fewer changes,
 * lower cost, then the changes' keys.
 *
 * @param a - A suggestion.
 * @param b - Another.
 * @returns Negative if `a` comes first.
 * @example
 * [oneTraining, twoPosts].sort(compareSuggestions)[0] === twoPosts //=> true when twoPosts opens more posts
 */
export function compareSuggestions(a: Suggestion, b: Suggestion): number {
  return (
    b.unlocks.length - a.unlocks.length ||
    bestNet(b) - bestNet(a) ||
    a.changes.length - b.changes.length ||
    a.cost - b.cost ||
    compareIds(setKey(a.changes), setKey(b.changes))
  );
}
