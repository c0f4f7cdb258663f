/**
 * Independent checks of a placement plan against its dataset, trusting nothing the planner says
 * (`plan-file.ts` reads a plan back from JSON).
 *
 * @module
 */
import { resolveAssignOptions } from './assign.js';
import { compareIds, priorityTier } from './compare.js';
import { compileIndex, type CompiledIndex } from './compile.js';
import { checkEligibility } from './eligibility.js';
import { isBangfuValidationError, issueMessage } from './errors.js';
import type { OptimalCertificate } from './graph/types.js';
import { blockingPairsOf, leastPreferredHolders } from './internal/blocking.js';
import { siteKey } from './internal/context.js';
import { idOrderOf } from './internal/id-order.js';
import { topLists, type PairLists } from './internal/optimal-core.js';
import { createReasoner } from './internal/plan-build.js';
import { keepTogetherLists } from './internal/keep-together.js';
import { priceRange, type PlanDuals } from './internal/pricing.js';
import { TopK, Walker, walk, walkLimits } from './internal/walk.js';
import { LISTED_BLOCKING_PAIRS, type GroupFailure, type Plan, type PlanOptions } from './plan.js';
import { scorePair } from './score.js';
import { summarizePlan } from './summary.js';
import type { Dataset } from './types.js';
import {
  atLeast,
  blockingPairsByCandidates,
  candidatesOf,
  everyEligiblePair,
  reasonsByRules,
} from './verify-exhaustive.js';

/** Codes of {@link PlanViolation}. */
export type PlanViolationCode =
  | 'options-invalid'
  | 'mode-mismatch'
  | 'as-of-mismatch'
  | 'not-sorted'
  | 'unknown-labourer'
  | 'labourer-listed-twice'
  | 'labourer-missing'
  | 'unknown-post'
  | 'ineligible'
  | 'not-a-candidate'
  | 'employer-mismatch'
  | 'score-mismatch'
  | 'tier-mismatch'
  | 'capacity-exceeded'
  | 'unplaced-with-room'
  | 'reason-mismatch'
  | 'group-broken'
  | 'group-outcome-mismatch'
  | 'objective-mismatch'
  | 'certificate'
  | 'blocking-pair'
  | 'blocking-pairs-mismatch'
  | 'bound-mismatch'
  | 'summary-mismatch'
  | 'kept-mismatch';

/** One thing wrong with a plan. */
export interface PlanViolation {
  readonly code: PlanViolationCode;
  /** What is wrong, in plain English. */
  readonly message: string;
  /** The same in Chinese. */
  readonly messageZh: string;
  readonly labourer?: string;
  readonly post?: string;
  readonly group?: string;
}

/** Options of {@link verifyPlan}. */
export interface VerifyOptions {
  /**
   * Find the candidate pairs by asking `checkEligibility` and `scorePair` about every labourer ×
   * post pair, instead of by the compiled index's bounded walk, which the planner uses too: the
   * certificate's feasibility, the room left for the unplaced, the blocking pairs, the unplaced
   * reasons and the openings are then checked without any of the planner's or the index's code, so
   * a fault they share cannot hide.
   * O(W · P) calls of the rules and the score: seconds for thousands of pairs per labourer, minutes
   * at a city's size.
   *
   * @defaultValue false
   */
  readonly exhaustive?: boolean;
}

/** The verdict of {@link verifyPlan}. */
export interface PlanVerdict {
  /** `true` exactly when `violations` is empty. */
  readonly ok: boolean;
  readonly violations: readonly PlanViolation[];
}

const TOLERANCE = 1e-9;

/** Deep equality of JSON-like values, numbers within a relative tolerance, key order ignored. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return a === b || Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return (
      ka.length === kb.length &&
      ka.every(
        (k) =>
          Object.hasOwn(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
      )
    );
  }
  return a === b;
}

/** The graph a certificate belongs to: who is in it, who is forced onto which posts, the openings. */
interface CertificateGraph {
  /** 1 for labourers not in the graph. */
  readonly out: Uint8Array;
  /** Forced members (solver tier 0) and the key of the option they are forced onto. */
  readonly forced: Map<
    number,
    { readonly rule: 'same-employer' | 'same-site' | 'same-post'; readonly key: string }
  >;
  /** Openings of each post in the graph. */
  readonly capacity: Int32Array;
}

/** The Chinese of what a dual check is about: the plan's certificate, or the group search's bound. */
function zhOf(what: string): string {
  return what === 'bound' ? '上界' : what === 'certificate' ? '对偶证书' : what;
}

/** Reads a certificate's records into duals by position; undefined, with violations, if malformed. */
function readDuals(
  index: CompiledIndex,
  cert: OptimalCertificate,
  tiers: readonly number[],
  out: Uint8Array,
  tierOfLabourer: (w: number) => number,
  add: (v: PlanViolation) => void,
  what: string,
): PlanDuals | undefined {
  const T = tiers.length;
  if (cert.tiers.length !== T || !cert.tiers.every((t, i) => t === tiers[i])) {
    add({
      code: 'certificate',
      message: `${what}: tiers ${JSON.stringify(cert.tiers)} ≠ ${JSON.stringify(tiers)}`,
      messageZh: `${zhOf(what)}：层级 ${JSON.stringify(cert.tiers)} ≠ ${JSON.stringify(tiers)}`,
    });
    return undefined;
  }
  const W = index.labourerCount;
  const P = index.postCount;
  const labourerTier = new Int32Array(W).fill(-1);
  const labourerTierDual = new Float64Array(W * T);
  const labourerDual = new Float64Array(W);
  const postTierDual = new Float64Array(P * T);
  const postDual = new Float64Array(P);
  let ok = true;
  const read = (
    part: Readonly<Record<string, number>>,
    tierPart: Readonly<Record<string, readonly number[]>>,
    id: string,
    tier: Float64Array,
    at: number,
    weight: Float64Array,
    i: number,
    side: 'labourer' | 'post',
  ): void => {
    const w = Object.hasOwn(part, id) ? part[id] : undefined;
    const t = Object.hasOwn(tierPart, id) ? tierPart[id] : undefined;
    if (
      typeof w !== 'number' ||
      !Number.isFinite(w) ||
      !Array.isArray(t) ||
      t.length !== T ||
      !t.every((x) => Number.isInteger(x))
    ) {
      ok = false;
      add({
        code: 'certificate',
        message: `${what}: no well-formed dual for '${id}'`,
        messageZh: `${zhOf(what)}：'${id}' 没有格式正确的对偶值`,
        [side]: id,
      });
      return;
    }
    weight[i] = w;
    for (let k = 0; k < T; k++) tier[at + k] = t[k]!;
  };
  for (let w = 0; w < W; w++) {
    if (out[w] === 1) continue;
    labourerTier[w] = tierOfLabourer(w);
    read(
      cert.leftPotential,
      cert.leftTierPotential,
      index.labourerIds[w]!,
      labourerTierDual,
      w * T,
      labourerDual,
      w,
      'labourer',
    );
  }
  for (let p = 0; p < P; p++)
    read(
      cert.rightPotential,
      cert.rightTierPotential,
      index.postIds[p]!,
      postTierDual,
      p * T,
      postDual,
      p,
      'post',
    );
  return ok ? { T, tiers, labourerTier, labourerTierDual, labourerDual, postTierDual, postDual } : undefined;
}

/** Lexicographic sign of a tier part and weight, the weight within `tol`. */
function lexSign(tier: Float64Array, at: number, T: number, weight: number, tol: number): number {
  for (let k = 0; k < T; k++) if (tier[at + k] !== 0) return tier[at + k]! > 0 ? 1 : -1;
  return weight > tol ? 1 : weight < -tol ? -1 : 0;
}

/**
 * Checks a plan against its dataset without trusting the planner. From the dataset and the options
 * recorded in the plan it checks that: the options are valid and the mode and date match; every
 * labourer appears exactly once and the entries are sorted; every placement breaks no hard rule
 * (`checkEligibility` empty), is a candidate, and carries the right employer, score (`scorePair`),
 * bonus, tier and group; no post holds more than `openings − filled`; no unplaced labourer outside a group
 * has a candidate post with room left (in optimal mode, save a non-priority labourer's candidate of
 * weight 0, which adds nothing to the objective); every unplaced reason is what the placements imply
 * (near misses and who took them, rule counts); every group is placed whole or not at all, as its
 * outcome says; the objective and the summary add up.
 *
 * Optimal plans: the dual certificate on the graph it belongs to (every candidate pair; with
 * groups, members forced onto their option or left out, as the group search says) must be
 * non-negative, tight on every placement, zero on labourers unplaced and posts with room, and
 * feasible on every candidate pair — checked by the bounded walk over the posts in order of score less
 * price, which reaches any pair that could break it, never by listing all pairs — with no duality gap.
 * A stated upper bound must come with the relaxation's duals, feasible on every candidate pair, whose
 * dual objective is the bound. Stable and greedy plans: the blocking pairs are recomputed (the walk
 * again): none, save with groups those that a group explains (a member, or a post whose least
 * preferred holder is a member), and a stable plan must list exactly them. Scores are compared
 * within a relative tolerance of 1e-9, duals within 1e-9 of the largest weight.
 *
 * With `{ exhaustive: true }` the candidate pairs are found by asking `checkEligibility` and
 * `scorePair` about every labourer × post pair (`verify-exhaustive.ts`, which imports nothing of the
 * index, the planner or the solvers): the certificate's feasibility, the room left for the
 * unplaced, the blocking pairs and the unplaced reasons then rest on the rules and the score alone,
 * and the openings on the dataset's own figures, so a fault the planner shares with the index (a
 * pair never offered, an opening miscounted) is found instead of agreed with.
 *
 * @param plan - The plan, from `assign` or read back with `parsePlan`.
 * @param dataset - The dataset it was made from.
 * @param verifyOptions - `exhaustive` (see above). @defaultValue `{}`
 * @returns `{ ok, violations }`.
 * @example
 * verifyPlan(assign(ds), ds) //=> { ok: true, violations: [] }
 * verifyPlan(assign(ds), ds, { exhaustive: true }) //=> { ok: true, violations: [] }
 *
 * Complexity: compiling the dataset; `scorePair` and `checkEligibility` per placement; a bounded walk
 * per labourer for its reasons, its room and (optimal) the certificate's feasibility; O(W + P)
 * besides. Exhaustive: `checkEligibility` on all W · P pairs and `scorePair` on the eligible ones
 * (10^4 labourers × 10^3 posts: about 40 s against 5 s).
 */
export function verifyPlan(plan: Plan, dataset: Dataset, verifyOptions: VerifyOptions = {}): PlanVerdict {
  const out: PlanViolation[] = [];
  const add = (v: PlanViolation): void => void out.push(v);
  let options: PlanOptions;
  try {
    options = resolveAssignOptions(dataset, { ...plan.options, groups: plan.options.groups }, 'verifyPlan');
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const whyZh = isBangfuValidationError(e)
      ? e.issues.map((i) => `${i.path || '（根）'}：${issueMessage(i, 'zh-CN')}`).join('；')
      : why;
    add({ code: 'options-invalid', message: why, messageZh: `方案的选项无效：${whyZh}` });
    return { ok: false, violations: out };
  }
  if (plan.mode !== options.mode)
    add({
      code: 'mode-mismatch',
      message: `plan mode '${plan.mode}' but options say '${options.mode}'`,
      messageZh: `方案模式为 '${plan.mode}'，选项却为 '${options.mode}'`,
    });
  // A plan made again from outcome records holds only against the dataset those records leave:
  // every other check here would only repeat that it was given the wrong one.
  if (plan.kept !== undefined) {
    add({
      code: 'kept-mismatch',
      message: `the plan keeps ${plan.kept.placements.length} placement(s) in work from outcome records: verify it with them (verifyReplan, bangfu verify --outcomes)`,
      messageZh: `方案依据跟踪记录保留了 ${plan.kept.placements.length} 个在岗安置：请连同跟踪记录核验（verifyReplan，bangfu verify --outcomes）`,
    });
    return { ok: false, violations: out };
  }
  if (plan.asOf !== dataset.asOf)
    add({
      code: 'as-of-mismatch',
      message: `plan as of ${plan.asOf}, dataset as of ${dataset.asOf}`,
      messageZh: `方案基准日 ${plan.asOf}，数据集基准日 ${dataset.asOf}`,
    });
  const index = compileIndex(dataset);
  const W = index.labourerCount;
  const P = index.postCount;
  const labourerAt = new Map<string, number>();
  index.labourerIds.forEach((id, w) => labourerAt.set(id, w));
  const postAt = new Map<string, number>();
  index.postIds.forEach((id, p) => postAt.set(id, p));
  const labourers = dataset.labourers;

  // Completeness, uniqueness, order.
  const seen = new Uint8Array(W);
  const postOf = new Int32Array(W).fill(-1);
  plan.entries.forEach((e, i) => {
    const w = labourerAt.get(e.labourer);
    if (
      i > 0 &&
      compareIds(plan.entries[i - 1]!.labourer, e.labourer) >= 0 &&
      !(w !== undefined && seen[w] === 1)
    )
      add({
        code: 'not-sorted',
        message: `entry ${i} ('${e.labourer}') is out of order`,
        messageZh: `第 ${i} 条（'${e.labourer}'）顺序不对`,
        labourer: e.labourer,
      });
    if (w === undefined)
      add({
        code: 'unknown-labourer',
        message: `'${e.labourer}' is not a labourer`,
        messageZh: `'${e.labourer}' 不是数据集中的劳动力`,
        labourer: e.labourer,
      });
    else if (seen[w] === 1)
      add({
        code: 'labourer-listed-twice',
        message: `'${e.labourer}' appears twice`,
        messageZh: `'${e.labourer}' 出现了两次`,
        labourer: e.labourer,
      });
    if (w !== undefined) seen[w] = 1;
  });
  for (let w = 0; w < W; w++)
    if (seen[w] === 0)
      add({
        code: 'labourer-missing',
        message: `'${index.labourerIds[w]}' is not in the plan`,
        messageZh: `'${index.labourerIds[w]}' 不在方案中`,
        labourer: index.labourerIds[w]!,
      });

  // Candidate lists, when the candidates are not every eligible pair scoring at least minScore; in
  // exhaustive mode always, from the rules and the score of every pair.
  const exhaustive = verifyOptions.exhaustive === true;
  const eligible = exhaustive ? everyEligiblePair(dataset, 0) : undefined;
  const every = eligible === undefined ? undefined : atLeast(eligible, options.minScore);
  // Openings left per post: exhaustive, from the dataset itself rather than the index.
  const capacity = exhaustive
    ? Int32Array.from(dataset.posts, (post) => Math.max(0, post.openings - post.filled))
    : index.postCapacity;
  const lists: PairLists | undefined =
    every !== undefined
      ? candidatesOf(dataset, every, options)
      : options.keepTogether !== undefined
        ? keepTogetherLists(index, options.minScore, options.keepTogether)
        : options.candidatesPerLabourer !== undefined
          ? topLists(index, options.candidatesPerLabourer, options.minScore)
          : undefined;
  const inList = (w: number, p: number): number => {
    if (lists === undefined) return -1;
    for (let k = lists.offsets[w]!; k < lists.offsets[w + 1]!; k++) if (lists.posts[k] === p) return k;
    return -1;
  };

  // Placements: lawful, candidates, with the right figures.
  const load = new Int32Array(P);
  const scoreOf = new Float64Array(W);
  const weightOf = new Float64Array(W);
  const listed = new Uint8Array(W);
  for (const e of plan.entries) {
    const w = labourerAt.get(e.labourer);
    if (w === undefined || listed[w] === 1) continue;
    listed[w] = 1;
    const labourer = labourers[w]!;
    if (e.tier !== priorityTier(labourer))
      add({
        code: 'tier-mismatch',
        message: `'${e.labourer}' has tier ${priorityTier(labourer)}, not ${e.tier}`,
        messageZh: `'${e.labourer}' 的优先层级是 ${priorityTier(labourer)}，不是 ${e.tier}`,
        labourer: e.labourer,
      });
    if (e.kind !== 'placed') continue;
    const p = postAt.get(e.post);
    if (p === undefined) {
      add({
        code: 'unknown-post',
        message: `'${e.post}' is not a post`,
        messageZh: `'${e.post}' 不是数据集中的岗位`,
        labourer: e.labourer,
        post: e.post,
      });
      continue;
    }
    postOf[w] = p;
    load[p]! += 1;
    const post = dataset.posts[p]!;
    const broken = checkEligibility(dataset, labourer, post);
    if (broken.length > 0)
      add({
        code: 'ineligible',
        message: `'${e.labourer}' → '${e.post}' breaks ${broken.map((b) => b.code).join(', ')}`,
        messageZh: `'${e.labourer}' → '${e.post}' 违反规则 ${broken.map((b) => b.code).join('、')}`,
        labourer: e.labourer,
        post: e.post,
      });
    const score = scorePair(dataset, labourer, post).score;
    scoreOf[w] = score;
    const k = inList(w, p);
    const bonus = lists?.bonuses !== undefined && k >= 0 ? lists.bonuses[k]! : 0;
    weightOf[w] = score + bonus;
    if (broken.length === 0 && (score < options.minScore || (lists !== undefined && k < 0)))
      add({
        code: 'not-a-candidate',
        message: `'${e.labourer}' → '${e.post}' is below the minimum score or beyond the candidates per labourer`,
        messageZh: `'${e.labourer}' → '${e.post}' 低于最低分，或不在每人的候选岗位之内`,
        labourer: e.labourer,
        post: e.post,
      });
    if (e.employer !== post.employer)
      add({
        code: 'employer-mismatch',
        message: `'${e.post}' belongs to '${post.employer}'`,
        messageZh: `'${e.post}' 属于 '${post.employer}'`,
        labourer: e.labourer,
        post: e.post,
      });
    if (!same(score, e.score) || !same(bonus, e.bonus))
      add({
        code: 'score-mismatch',
        message: `'${e.labourer}' → '${e.post}' scores ${score} (bonus ${bonus}), not ${e.score} (bonus ${e.bonus})`,
        messageZh: `'${e.labourer}' → '${e.post}' 得分 ${score}（加分 ${bonus}），不是 ${e.score}（加分 ${e.bonus}）`,
        labourer: e.labourer,
        post: e.post,
      });
  }
  for (let p = 0; p < P; p++)
    if (load[p]! > capacity[p]!)
      add({
        code: 'capacity-exceeded',
        message: `'${index.postIds[p]}' holds ${load[p]}, ${capacity[p]} openings left`,
        messageZh: `'${index.postIds[p]}' 安置了 ${load[p]} 人，空缺只有 ${capacity[p]} 个`,
        post: index.postIds[p]!,
      });

  // Groups.
  const groupOf = new Map<string, string>();
  for (const g of options.groups) for (const m of g.members) groupOf.set(m, g.id);
  // A placement names the labourer's group, and only a member's does (reports show it).
  for (const e of plan.entries) {
    if (e.kind !== 'placed' || !labourerAt.has(e.labourer)) continue;
    const gid = groupOf.get(e.labourer);
    if (e.group === gid) continue;
    const said = e.group === undefined ? 'no group' : `group '${e.group}'`;
    const is = gid === undefined ? 'is in none' : `is in '${gid}'`;
    add({
      code: 'group-outcome-mismatch',
      message: `'${e.labourer}' is placed with ${said} but ${is}`,
      messageZh: `'${e.labourer}' 的安置记为${e.group === undefined ? '不属任何小组' : `小组 '${e.group}'`}，实际${gid === undefined ? '不属任何小组' : `属小组 '${gid}'`}`,
      labourer: e.labourer,
    });
  }
  const outcomes = new Map<string, Plan['groups'][number]>();
  for (const o of plan.groups) {
    if (outcomes.has(o.group) || !options.groups.some((g) => g.id === o.group))
      add({
        code: 'group-outcome-mismatch',
        message: `outcome for '${o.group}' is unknown or repeated`,
        messageZh: `组 '${o.group}' 的结果不明或重复`,
        group: o.group,
      });
    outcomes.set(o.group, o);
  }
  const keyOf = (rule: 'same-employer' | 'same-site' | 'same-post', p: number): string => {
    const post = dataset.posts[p]!;
    return rule === 'same-employer' ? post.employer : rule === 'same-site' ? siteKey(post.site) : post.id;
  };
  for (const g of options.groups) {
    const keys = g.members.map((m) => {
      const p = postOf[labourerAt.get(m)!]!;
      return p < 0 ? undefined : keyOf(g.rule, p);
    });
    const none = keys.every((k) => k === undefined);
    const whole = keys[0] !== undefined && keys.every((k) => k === keys[0]);
    const o = outcomes.get(g.id);
    if (!none && !whole)
      add({
        code: 'group-broken',
        message: `group '${g.id}' is split or partly placed`,
        messageZh: `组 '${g.id}' 被拆开或只安置了一部分`,
        group: g.id,
      });
    const agrees =
      o !== undefined &&
      o.rule === g.rule &&
      ((o.kind === 'placed' && whole && keys[0] === o.at) || (o.kind === 'not-placed' && none));
    if (!agrees)
      add({
        code: 'group-outcome-mismatch',
        message: `group '${g.id}': the outcome does not match the entries`,
        messageZh: `组 '${g.id}'：结果与各条安置不符`,
        group: g.id,
      });
  }

  // Unplaced labourers: reasons as implied, and no room left where they could go.
  const reasonsOf =
    eligible === undefined
      ? createReasoner(dataset, index, options, postOf, scoreOf)
      : reasonsByRules(dataset, eligible, options, postOf, scoreOf);
  const room = new Float64Array(P);
  for (let p = 0; p < P; p++) room[p] = load[p]! < capacity[p]! ? 0 : Number.POSITIVE_INFINITY;
  const roomView = new Walker(index, { offsets: room });
  const one = new TopK(1);
  const roomLimits = walkLimits(options.minScore);
  // Unplaced labourers county by county: each walker builds a county's buckets once.
  const unplaced = plan.entries
    .filter((e) => e.kind === 'unplaced' && labourerAt.has(e.labourer))
    .map((e) => ({ e, w: labourerAt.get(e.labourer)! }))
    .sort(
      (a, b) =>
        index.labourerCounty[a.w]! - index.labourerCounty[b.w]! ||
        index.labourerScope[a.w]! - index.labourerScope[b.w]!,
    );
  for (const { e, w } of unplaced) {
    if (e.kind !== 'unplaced') continue;
    const gid = groupOf.get(e.labourer);
    const o = gid === undefined ? undefined : outcomes.get(gid);
    const failure: { group: string; why: GroupFailure } | undefined =
      gid === undefined
        ? undefined
        : { group: gid, why: o?.kind === 'not-placed' ? o.why : { code: 'no-common-option' } };
    if (!same(reasonsOf(w, failure), e.reasons))
      add({
        code: 'reason-mismatch',
        message: `'${e.labourer}': the unplaced reasons are not what the plan implies`,
        messageZh: `'${e.labourer}'：未安置原因与方案不符`,
        labourer: e.labourer,
      });
    if (gid !== undefined) continue;
    // In optimal mode a non-priority labourer counts only by weight: a pair of weight 0 adds nothing.
    const counts = (weight: number): boolean => options.mode !== 'optimal' || e.tier === 0 || weight > 0;
    let found = -1;
    if (lists !== undefined) {
      for (let k = lists.offsets[w]!; k < lists.offsets[w + 1]! && found < 0; k++) {
        const p = lists.posts[k]!;
        if (room[p] === 0 && counts((lists.weights ?? lists.scores)[k]!)) found = p;
      }
    } else {
      roomLimits.minScore =
        options.mode === 'optimal' && e.tier !== 0
          ? Math.max(options.minScore, Number.MIN_VALUE)
          : options.minScore;
      roomLimits.floor = roomLimits.minScore;
      one.reset(1);
      walk(roomView, w, roomLimits, one);
      if (one.size > 0) found = one.posts[0]!;
    }
    if (found >= 0)
      add({
        code: 'unplaced-with-room',
        message: `'${e.labourer}' is unplaced but '${index.postIds[found]}' has room`,
        messageZh: `'${e.labourer}' 未安置，但 '${index.postIds[found]}' 还有空缺`,
        labourer: e.labourer,
        post: index.postIds[found]!,
      });
  }

  // The objective, added in id order.
  const { labourerByRank } = idOrderOf(index);
  let priorityPlaced = 0;
  let placed = 0;
  let total = 0;
  for (let i = 0; i < W; i++) {
    const w = labourerByRank[i]!;
    if (postOf[w]! < 0) continue;
    placed++;
    if (index.labourerPriority[w] === 1) priorityPlaced++;
    total += weightOf[w]!;
  }
  const objective = { priorityPlaced, placed, total };
  if (
    objective.priorityPlaced !== plan.objective.priorityPlaced ||
    objective.placed !== plan.objective.placed ||
    !same(objective.total, plan.objective.total)
  )
    add({
      code: 'objective-mismatch',
      message: `objective is ${JSON.stringify(objective)}, not ${JSON.stringify(plan.objective)}`,
      messageZh: `目标值是 ${JSON.stringify(objective)}，不是 ${JSON.stringify(plan.objective)}`,
    });

  // Certificates.
  const maxWeight = 1 + (options.keepTogether?.weight ?? 0);
  const tol = TOLERANCE * maxWeight;
  if (options.mode === 'optimal') {
    const cg = certificateGraph(index, options, plan, postOf, labourerAt, capacity);
    const cert = plan.certificate;
    if (cert?.kind !== 'duals')
      add({
        code: 'certificate',
        message: 'an optimal plan needs its dual certificate',
        messageZh: '最优方案须附对偶证书',
      });
    else
      checkDuals(
        index,
        dataset,
        options,
        lists,
        cg,
        cert,
        postOf,
        weightOf,
        keyOf,
        tol,
        add,
        'certificate',
        objective,
      );
    const bound = plan.groupSearch.upperBound;
    if (bound !== undefined) {
      const b = plan.groupSearch.bound ?? (plan.groupSearch.graph === 'candidates' ? cert : undefined);
      if (b?.kind !== 'duals')
        add({
          code: 'bound-mismatch',
          message: 'the upper bound comes with no duals to prove it',
          messageZh: '上界没有附上可证明它的对偶值',
        });
      else {
        const whole: CertificateGraph = {
          out: new Uint8Array(W),
          forced: new Map(),
          capacity,
        };
        checkDuals(
          index,
          dataset,
          options,
          lists,
          whole,
          b,
          undefined,
          weightOf,
          keyOf,
          tol,
          add,
          'bound',
          bound,
        );
      }
    }
  } else {
    // A blocking pair is explained by the groups when its labourer is a member or its post's least
    // preferred holder is one (each post's least preferred holder found once). Only the others are
    // kept, and the first listed pairs in stable mode: there can be a billion explained ones.
    const grouped = options.groups.length > 0;
    const member = new Uint8Array(W);
    const explainedAt = new Uint8Array(P);
    if (grouped) {
      for (let w = 0; w < W; w++) if (groupOf.has(index.labourerIds[w]!)) member[w] = 1;
      const least = leastPreferredHolders(index, postOf, weightOf);
      for (let p = 0; p < P; p++) if (least[p]! >= 0 && member[least[p]!] === 1) explainedAt[p] = 1;
    }
    const first = options.mode === 'stable' ? LISTED_BLOCKING_PAIRS : 0;
    const keep = (w: number, p: number): boolean => member[w] === 0 && explainedAt[p] === 0;
    const found =
      every !== undefined
        ? columnsOf(blockingPairsByCandidates(dataset, lists!, postOf, weightOf, capacity, first, keep))
        : blockingPairsOf(index, postOf, weightOf, options.minScore, lists, { first, keep });
    const n = found.count;
    for (let i = 0; i < found.kept.labourers.length; i++) {
      const w = found.kept.labourers[i]!;
      const p = found.kept.posts[i]!;
      add({
        code: 'blocking-pair',
        message: `'${index.labourerIds[w]}' and '${index.postIds[p]}' would both rather be together`,
        messageZh: `'${index.labourerIds[w]}' 与 '${index.postIds[p]}' 都更愿意彼此匹配（阻塞对）`,
        labourer: index.labourerIds[w]!,
        post: index.postIds[p]!,
      });
    }
    if (options.mode === 'stable') {
      // The count, and the first pairs listed, as the plan gives them.
      const listed = plan.blockingPairs ?? [];
      const count = plan.blockingPairCount ?? listed.length;
      let sameList = count === n && listed.length === Math.min(n, LISTED_BLOCKING_PAIRS);
      for (let i = 0; sameList && i < listed.length; i++)
        sameList =
          listed[i]!.labourer === index.labourerIds[found.labourers[i]!] &&
          listed[i]!.post === index.postIds[found.posts[i]!];
      if (!sameList)
        add({
          code: 'blocking-pairs-mismatch',
          message: `the plan counts ${count} blocking pairs and lists ${listed.length}; there are ${n} (the first ${Math.min(n, LISTED_BLOCKING_PAIRS)} listed)`,
          messageZh: `方案记阻塞对 ${count} 个、列出 ${listed.length} 个；实有 ${n} 个（应列出前 ${Math.min(n, LISTED_BLOCKING_PAIRS)} 个）`,
        });
    }
  }

  // The summary counts the unplaced by their first reason: an entry without one (refused by
  // parsePlan, but a plan can be built by hand) is reported above and leaves nothing to sum.
  const summable = plan.entries.every(
    (e) => e.kind !== 'unplaced' || (Array.isArray(e.reasons) && e.reasons.length > 0),
  );
  if (summable && !same(summarizePlan(plan, dataset), plan.summary))
    add({
      code: 'summary-mismatch',
      message: 'the summary does not match the entries',
      messageZh: '汇总与各条安置不符',
    });
  return { ok: out.length === 0, violations: out };
}

/** Blocking pairs found over every candidate, in the columns the bounded search returns. */
function columnsOf(b: ReturnType<typeof blockingPairsByCandidates>): {
  readonly count: number;
  readonly labourers: Int32Array;
  readonly posts: Int32Array;
  readonly kept: { readonly labourers: Int32Array; readonly posts: Int32Array };
} {
  const col = (pairs: readonly (readonly [number, number])[], i: 0 | 1): Int32Array =>
    Int32Array.from(pairs, (pair) => pair[i]);
  return {
    count: b.count,
    labourers: col(b.first, 0),
    posts: col(b.first, 1),
    kept: { labourers: col(b.kept, 0), posts: col(b.kept, 1) },
  };
}

/** The graph an optimal plan's certificate belongs to, from the group search and where the groups went. */
function certificateGraph(
  index: CompiledIndex,
  options: PlanOptions,
  plan: Plan,
  postOf: Int32Array,
  labourerAt: ReadonlyMap<string, number>,
  openings: Int32Array,
): CertificateGraph {
  const W = index.labourerCount;
  const outSet = new Uint8Array(W);
  const forced = new Map<number, { rule: 'same-employer' | 'same-site' | 'same-post'; key: string }>();
  const capacity = openings.slice();
  const graph = plan.groupSearch.graph;
  if (graph === 'candidates') return { out: outSet, forced, capacity };
  const at = new Map(plan.groups.map((o) => [o.group, o]));
  for (const g of options.groups) {
    const o = at.get(g.id);
    for (const m of g.members) {
      const w = labourerAt.get(m)!;
      if (graph === 'residual') {
        outSet[w] = 1;
        if (postOf[w]! >= 0) capacity[postOf[w]!] = Math.max(0, capacity[postOf[w]!]! - 1);
      } else if (o?.kind === 'placed') forced.set(w, { rule: g.rule, key: o.at });
      else outSet[w] = 1;
    }
  }
  return { out: outSet, forced, capacity };
}

/**
 * Checks duals on a certificate graph: well formed, non-negative, zero on labourers unplaced and
 * posts with room (when `postOf` is given: the plan's own certificate), tight on placements,
 * feasible on every candidate pair, and with a dual objective equal to `objective`.
 */
function checkDuals(
  index: CompiledIndex,
  dataset: Dataset,
  options: PlanOptions,
  lists: PairLists | undefined,
  cg: CertificateGraph,
  cert: OptimalCertificate,
  postOf: Int32Array | undefined,
  weightOf: Float64Array,
  keyOf: (rule: 'same-employer' | 'same-site' | 'same-post', p: number) => string,
  tol: number,
  add: (v: PlanViolation) => void,
  what: 'certificate' | 'bound',
  objective: { readonly priorityPlaced: number; readonly total: number },
): void {
  const W = index.labourerCount;
  const P = index.postCount;
  let anyPriority = false;
  for (let w = 0; w < W; w++)
    if (cg.out[w] === 0 && !cg.forced.has(w) && index.labourerPriority[w] === 1) anyPriority = true;
  const tiers = [...(cg.forced.size > 0 ? [0] : []), ...(anyPriority ? [1] : [])];
  const T = tiers.length;
  const tierOf = (w: number): number =>
    cg.forced.has(w) ? 0 : anyPriority && index.labourerPriority[w] === 1 ? T - 1 : -1;
  const code = what === 'certificate' ? 'certificate' : 'bound-mismatch';
  const d = readDuals(index, cert, tiers, cg.out, tierOf, (v) => add({ ...v, code }), what);
  if (d === undefined) return;
  const vec = new Float64Array(T);
  // Non-negativity and slackness at the nodes.
  const load = new Int32Array(P);
  if (postOf !== undefined)
    for (let w = 0; w < W; w++) if (cg.out[w] === 0 && postOf[w]! >= 0) load[postOf[w]!]! += 1;
  for (let w = 0; w < W; w++) {
    if (cg.out[w] === 1) continue;
    const s = lexSign(d.labourerTierDual, w * T, T, d.labourerDual[w]!, tol);
    const id = index.labourerIds[w]!;
    if (s < 0)
      add({
        code,
        message: `${what}: u('${id}') < 0`,
        messageZh: `${zhOf(what)}：u('${id}') < 0`,
        labourer: id,
      });
    if (postOf !== undefined && s > 0 && postOf[w]! < 0)
      add({
        code,
        message: `${what}: u('${id}') > 0 but it is unplaced`,
        messageZh: `${zhOf(what)}：u('${id}') > 0，但此人未安置`,
        labourer: id,
      });
  }
  for (let p = 0; p < P; p++) {
    const s = lexSign(d.postTierDual, p * T, T, d.postDual[p]!, tol);
    const id = index.postIds[p]!;
    if (s < 0)
      add({ code, message: `${what}: v('${id}') < 0`, messageZh: `${zhOf(what)}：v('${id}') < 0`, post: id });
    if (postOf !== undefined && s > 0 && load[p]! < cg.capacity[p]!)
      add({
        code,
        message: `${what}: v('${id}') > 0 but it has room`,
        messageZh: `${zhOf(what)}：v('${id}') > 0，但该岗位还有空缺`,
        post: id,
      });
  }
  // Tight on placements.
  if (postOf !== undefined) {
    for (let w = 0; w < W; w++) {
      const p = postOf[w]!;
      if (cg.out[w] === 1 || p < 0) continue;
      const t = tierOf(w);
      for (let k = 0; k < T; k++)
        vec[k] = d.labourerTierDual[w * T + k]! + d.postTierDual[p * T + k]! - (k === t ? 1 : 0);
      if (lexSign(vec, 0, T, d.labourerDual[w]! + d.postDual[p]! - weightOf[w]!, tol) !== 0)
        add({
          code,
          message: `${what}: '${index.labourerIds[w]}' → '${index.postIds[p]}' is used but u + v is not its value`,
          messageZh: `${zhOf(what)}：'${index.labourerIds[w]}' → '${index.postIds[p]}' 已被采用，但 u + v 不等于其价值`,
          labourer: index.labourerIds[w]!,
          post: index.postIds[p]!,
        });
    }
  }
  // Feasible on every candidate pair.
  const report = (w: number, p: number): void =>
    add({
      code,
      message: `${what}: u('${index.labourerIds[w]}') + v('${index.postIds[p]}') < value of the pair`,
      messageZh: `${zhOf(what)}：u('${index.labourerIds[w]}') + v('${index.postIds[p]}') 小于该配对的价值`,
      labourer: index.labourerIds[w]!,
      post: index.postIds[p]!,
    });
  const check = (w: number, p: number, weight: number): void => {
    const t = tierOf(w);
    for (let k = 0; k < T; k++)
      vec[k] = d.labourerTierDual[w * T + k]! + d.postTierDual[p * T + k]! - (k === t ? 1 : 0);
    if (lexSign(vec, 0, T, d.labourerDual[w]! + d.postDual[p]! - weight, tol) < 0) report(w, p);
  };
  const skip = new Uint8Array(W);
  for (let w = 0; w < W; w++) if (cg.out[w] === 1 || cg.forced.has(w)) skip[w] = 1;
  if (lists !== undefined) {
    const wt = lists.weights ?? lists.scores;
    for (let w = 0; w < W; w++) {
      if (skip[w] === 1) continue;
      for (let k = lists.offsets[w]!; k < lists.offsets[w + 1]!; k++) check(w, lists.posts[k]!, wt[k]!);
    }
  } else {
    const v = priceRange(index, 0, W, d, {
      minScore: options.minScore,
      perLabourer: 1,
      tolerance: tol,
      skip,
    });
    for (let i = 0; i < v.labourers.length; i++) report(v.labourers[i]!, v.posts[v.offsets[i]!]!);
  }
  // Forced members: every candidate pair at their option (their list's, when the candidates are
  // lists: a member is placed on its candidates only, so the certificate's graph holds no other).
  if (cg.forced.size > 0) {
    const wk = new Walker(index);
    const all = new TopK(Number.POSITIVE_INFINITY);
    const lim = walkLimits(options.minScore);
    for (const [w, f] of cg.forced) {
      if (lists !== undefined) {
        const wt = lists.weights ?? lists.scores;
        for (let k = lists.offsets[w]!; k < lists.offsets[w + 1]!; k++)
          if (keyOf(f.rule, lists.posts[k]!) === f.key) check(w, lists.posts[k]!, wt[k]!);
        continue;
      }
      all.reset(Number.POSITIVE_INFINITY);
      walk(wk, w, lim, all);
      for (let k = 0; k < all.size; k++)
        if (keyOf(f.rule, all.posts[k]!) === f.key) check(w, all.posts[k]!, all.scores[k]!);
    }
  }
  // No duality gap: Σu + Σ capacity·v equals the objective (tier parts: placements per tier).
  const sums = new Float64Array(T);
  let weight = 0;
  for (let w = 0; w < W; w++) {
    if (cg.out[w] === 1) continue;
    for (let k = 0; k < T; k++) sums[k]! += d.labourerTierDual[w * T + k]!;
    weight += d.labourerDual[w]!;
  }
  for (let p = 0; p < P; p++) {
    const c = cg.capacity[p]!;
    if (c === 0) continue;
    for (let k = 0; k < T; k++) sums[k]! += c * d.postTierDual[p * T + k]!;
    weight += c * d.postDual[p]!;
  }
  const expected = new Float64Array(T);
  let expectedWeight = objective.total;
  if (postOf !== undefined) {
    expectedWeight = 0;
    for (let w = 0; w < W; w++) {
      if (cg.out[w] === 1 || postOf[w]! < 0) continue;
      const t = tierOf(w);
      if (t >= 0) expected[t]! += 1;
      expectedWeight += weightOf[w]!;
    }
  } else if (T > 0) expected[T - 1] = objective.priorityPlaced;
  for (let k = 0; k < T; k++) vec[k] = sums[k]! - expected[k]!;
  const gapTol = tol * (1 + W + Math.abs(expectedWeight));
  if (lexSign(vec, 0, T, weight - expectedWeight, gapTol) !== 0)
    add({
      code,
      message: `${what}: dual objective ${JSON.stringify([...sums, weight])} ≠ ${JSON.stringify([...expected, expectedWeight])}`,
      messageZh: `${zhOf(what)}：对偶目标值 ${JSON.stringify([...sums, weight])} ≠ ${JSON.stringify([...expected, expectedWeight])}`,
    });
  void dataset;
}
