/**
 * The scoring and eligibility kernel over a compiled index: the same arithmetic as `scorePair`, in
 * the same order, on typed arrays; and the hard rules of `checkEligibility` as array checks.
 *
 * One source of truth: the numeric pieces are the score modules' own (`payFit`, `levelFactor`,
 * `clamp01`, the part weights and constants); what the kernel restates (weighted means, sums) it
 * evaluates operation for operation as `src/score/*.ts` does, so the results are bit-identical.
 * `test/rank-all.prop.test.ts` checks `kernelScore === scorePair(…).score` and
 * `kernelEligible === (checkEligibility(…).length === 0)` on random datasets.
 *
 * The kernel assumes every component has a value (required skills, pay fit, the origin link and the
 * vetting criteria are never null), which is what `src/score/*.ts` guarantees today; the property
 * tests would catch a change.
 *
 * @module
 */
import * as compiled from '../compile.js';
import type { CompiledIndex } from '../compile.js';
import * as origin from '../score/origin.js';
import * as parts from '../score/parts.js';
import * as pay from '../score/pay.js';
import * as skills from '../score/skills.js';
import type { SkillLevel } from '../types.js';

// Bound once to module constants: a hot loop then calls the score modules' own functions directly,
// whatever the module system does with live bindings.
const { CP_AWAY, CP_LINK_MASK, CP_NEAR_HOME, CP_SAME_PREFECTURE, CP_SAME_PROVINCE, LINK_VALUES } = compiled;
const { FULL_FELLOWS, LINK_VALUE, ORIGIN_PART_WEIGHTS } = origin;
const { clamp01 } = parts;
const { FULL_UPLIFT_RATIO, PAY_PART_WEIGHTS, payFit } = pay;
const { LEARN_ON_JOB_CREDIT, SKILL_PART_WEIGHTS, levelFactor } = skills;

const W_REQUIRED = SKILL_PART_WEIGHTS.required;
const W_USE = SKILL_PART_WEIGHTS.use;
const W_OPTIONAL = SKILL_PART_WEIGHTS.optional;
const W_CERTIFIED = SKILL_PART_WEIGHTS.certified;
export const W_FIT = PAY_PART_WEIGHTS.fit;
export const W_UPLIFT = PAY_PART_WEIGHTS.uplift;
const W_LINK = ORIGIN_PART_WEIGHTS.link;
const W_FELLOWS = ORIGIN_PART_WEIGHTS.fellows;
const W_LANGUAGE = ORIGIN_PART_WEIGHTS.language;
/** The link value of a preferred destination (see `src/score/origin.ts`). */
export const PREFERRED_LINK = LINK_VALUE.preferred;
const NO_CERT_LEVEL = 99;

/** Per-labourer tables, rebuilt for each labourer scored: skill credits and certified levels. */
export interface LabourerScratch {
  /** The labourer these tables hold, or -1. */
  labourer: number;
  /** `cred[s · 5 + (L − 1)]`: the best credit for a requirement of skill s at level L. */
  readonly cred: Float64Array;
  /** The best (smallest) certified level held directly, per skill. */
  readonly certLevel: Uint8Array;
  readonly touched: Int32Array;
  touchedCount: number;
  /**
   * One row of `S` credits per distinct skill j of the labourer (`ownSkill` order): 1 at the skill
   * itself, the link credit at each linked skill, else 0. The `use` part of a post is
   * `Σ_j max_{a asked} row_j[a] / ownCount`.
   */
  readonly useRows: Float64Array;
  /** Rows filled for the current labourer. */
  ownRows: number;
  /** Skills touched for the current labourer (1), so that clearing them costs what filling did. */
  readonly mark: Uint8Array;
}

/**
 * Fresh scratch tables for an index.
 *
 * @param index - The compiled index.
 * @returns Empty tables sized for its skills.
 * @example
 * createScratch(index).labourer //=> -1
 */
export function createScratch(index: CompiledIndex): LabourerScratch {
  const S = index.skillIds.length;
  let most = 0;
  for (let w = 0; w < index.labourerCount; w++) {
    const n = index.ownStart[w + 1]! - index.ownStart[w]!;
    if (n > most) most = n;
  }
  return {
    labourer: -1,
    cred: new Float64Array(S * 5),
    certLevel: new Uint8Array(S).fill(NO_CERT_LEVEL),
    touched: new Int32Array(S),
    touchedCount: 0,
    useRows: new Float64Array(most * S),
    ownRows: 0,
    mark: new Uint8Array(S),
  };
}

function touch(sc: LabourerScratch, mark: Uint8Array, s: number): void {
  if (mark[s] === 0) {
    mark[s] = 1;
    sc.touched[sc.touchedCount++] = s;
  }
}

/**
 * Fills the scratch tables for one labourer: for every skill and required level, the best credit
 * over the routes of `skillsComponent` (held, trained, related), and the best certified level.
 * Every route's credit is a maximum, so the order holdings are visited in does not matter.
 *
 * Complexity: O(h·(1 + l)·5) for h holdings with l taxonomy links each.
 *
 * @param index - The compiled index.
 * @param sc - Scratch tables from {@link createScratch}.
 * @param w - The labourer's position in the index.
 * @example
 * prepareLabourer(index, sc, 0); sc.labourer //=> 0
 */
export function prepareLabourer(index: CompiledIndex, sc: LabourerScratch, w: number): void {
  if (sc.labourer === w) return;
  const { cred, certLevel, mark } = sc;
  for (let t = 0; t < sc.touchedCount; t++) {
    const s = sc.touched[t]!;
    mark[s] = 0;
    certLevel[s] = NO_CERT_LEVEL;
    cred.fill(0, s * 5, s * 5 + 5);
  }
  sc.touchedCount = 0;
  const S = certLevel.length;
  const rows = sc.useRows;
  if (sc.ownRows > 0) rows.fill(0, 0, sc.ownRows * S);
  sc.ownRows = 0;
  const { holdStart, holdSkill, holdLevel, holdCourse, holdCertified, linkStart, linkTo, linkCredit } = index;
  for (let h = holdStart[w]!, end = holdStart[w + 1]!; h < end; h++) {
    const s = holdSkill[h]!;
    const level = holdLevel[h]! as SkillLevel;
    touch(sc, mark, s);
    if (holdCourse[h] === 0 && holdCertified[h] === 1 && level < certLevel[s]!) certLevel[s] = level;
    for (let L = 1; L <= 5; L++) {
      const c = levelFactor(level, L as SkillLevel);
      if (c > cred[s * 5 + L - 1]!) cred[s * 5 + L - 1] = c;
    }
    for (let k = linkStart[s]!, ke = linkStart[s + 1]!; k < ke; k++) {
      const t = linkTo[k]!;
      const link = linkCredit[k]!;
      touch(sc, mark, t);
      for (let L = 1; L <= 5; L++) {
        const c = link * levelFactor(level, L as SkillLevel);
        if (c > cred[t * 5 + L - 1]!) cred[t * 5 + L - 1] = c;
      }
    }
  }
  const { ownStart, ownSkill } = index;
  let j = 0;
  for (let o = ownStart[w]!, end = ownStart[w + 1]!; o < end; o++, j++) {
    const s = ownSkill[o]!;
    const base = j * S;
    for (let k = linkStart[s]!, ke = linkStart[s + 1]!; k < ke; k++) rows[base + linkTo[k]!] = linkCredit[k]!;
    rows[base + s] = 1;
  }
  sc.ownRows = j;
  sc.labourer = w;
}

/**
 * The skills component of a pair, as `skillsComponent` computes it.
 *
 * @param index - The compiled index.
 * @param sc - Scratch tables prepared for the labourer.
 * @param p - The post's position.
 * @returns The component value.
 * @example
 * skillsValue(index, sc, 0) //=> 1 for a post asking no skill
 */
export function skillsValue(index: CompiledIndex, sc: LabourerScratch, p: number): number {
  const { cred, certLevel } = sc;
  const rs = index.reqStart[p]!;
  const nRequired = index.reqStart[p + 1]! - rs;
  const trains = index.postTrainsOnJob[p] === 1;
  let requiredSum = 0;
  let certifiedCount = 0;
  for (let k = 0; k < nRequired; k++) {
    const s = index.reqSkill[rs + k]!;
    const L = index.reqLevel[rs + k]!;
    let credit = cred[s * 5 + L - 1]!;
    if (trains && credit < LEARN_ON_JOB_CREDIT) credit = LEARN_ON_JOB_CREDIT;
    requiredSum += credit;
    if (certLevel[s]! <= L) certifiedCount += 1;
  }
  const os = index.optStart[p]!;
  const nOptional = index.optStart[p + 1]! - os;
  let optionalSum = 0;
  for (let k = 0; k < nOptional; k++) {
    optionalSum += cred[index.optSkill[os + k]! * 5 + index.optLevel[os + k]! - 1]!;
  }
  // weightedMean over [required, use, optional, certified], skipping null parts.
  let sum = 0;
  let weights = 0;
  sum += (nRequired === 0 ? 1 : requiredSum / nRequired) * W_REQUIRED;
  weights += W_REQUIRED;
  const nOwn = index.ownCount[sc.labourer]!;
  if (nOwn !== 0) {
    sum += (useSum(index, sc, p) / nOwn) * W_USE;
    weights += W_USE;
  }
  if (nOptional !== 0) {
    sum += (optionalSum / nOptional) * W_OPTIONAL;
    weights += W_OPTIONAL;
  }
  if (nRequired !== 0) {
    sum += (certifiedCount / nRequired) * W_CERTIFIED;
    weights += W_CERTIFIED;
  }
  return clamp01(sum / weights);
}

/**
 * The sum over the labourer's distinct skills of how far a post uses each (the numerator of the
 * skills part `use`), in `skillsHeld` order as `skillsComponent` sums it.
 *
 * @param index - The compiled index.
 * @param sc - Scratch tables prepared for the labourer.
 * @param p - The post's position.
 * @returns The sum, in [0, number of skills].
 * @example
 * useSum(index, sc, 0) //=> 0 for a post asking no skill
 */
export function useSum(index: CompiledIndex, sc: LabourerScratch, p: number): number {
  const S = sc.certLevel.length;
  const rows = sc.useRows;
  const rs = index.reqStart[p]!;
  const re = index.reqStart[p + 1]!;
  const os = index.optStart[p]!;
  const oe = index.optStart[p + 1]!;
  const { reqSkill, optSkill } = index;
  let total = 0;
  for (let j = 0, n = sc.ownRows; j < n; j++) {
    const base = j * S;
    let u = 0;
    for (let k = rs; k < re; k++) {
      const c = rows[base + reqSkill[k]!]!;
      if (c > u) u = c;
    }
    for (let k = os; k < oe; k++) {
      const c = rows[base + optSkill[k]!]!;
      if (c > u) u = c;
    }
    total += u;
  }
  return total;
}

/**
 * The pay component of a pair, as `payComponent` computes it.
 *
 * @param index - The compiled index.
 * @param w - The labourer's position.
 * @param p - The post's position.
 * @param cp - The county–post byte of the labourer's county and the post.
 * @returns The component value.
 * @example
 * payValue(index, 0, 0, cp) //=> 0.8…
 */
export function payValue(index: CompiledIndex, w: number, p: number, cp: number): number {
  return payAt(index, w, netAt(index, w, p, cp));
}

/**
 * The net monthly pay a post leaves a labourer, as `netPay` computes it: the dormitory's cost counts
 * when the labourer needs one or the site is away from home.
 *
 * @param index - The compiled index.
 * @param w - The labourer's position.
 * @param p - The post's position.
 * @param cp - The county-post bits of the labourer's county and the post.
 * @returns Net monthly pay, CNY.
 * @example
 * netAt(index, 0, 0, countyPostOf(index, index.labourerCounty[0], 0)) //=> 3350
 */
export function netAt(index: CompiledIndex, w: number, p: number, cp: number): number {
  return index.labourerNeedsDorm[w] === 1 || (cp & CP_AWAY) !== 0
    ? index.postNetDorm[p]!
    : index.postNetNoDorm[p]!;
}

/**
 * The pay component of a labourer at a given net pay, as `payComponent` computes it; non-decreasing
 * in `net`, so the value at the highest net pay of a group of posts bounds the group.
 *
 * @param index - The compiled index.
 * @param w - The labourer's position.
 * @param net - Net monthly pay.
 * @returns The component value.
 * @example
 * payAt(index, 0, 1e9) //=> 1
 */
export function payAt(index: CompiledIndex, w: number, net: number): number {
  const fit = payFit(net, index.labourerMin[w]!, index.labourerTarget[w]!);
  const home = index.countyHomeMin[index.labourerCounty[w]!]!;
  let sum = 0;
  let weights = 0;
  sum += fit * W_FIT;
  weights += W_FIT;
  if (home === home) {
    sum += clamp01((net / home - 1) / (FULL_UPLIFT_RATIO - 1)) * W_UPLIFT;
    weights += W_UPLIFT;
  }
  return clamp01(sum / weights);
}

/**
 * Whether one of the labourer's preferred destinations contains the post's site.
 *
 * @param index - The compiled index.
 * @param w - The labourer's position.
 * @param p - The post's position.
 * @returns True if an area preferred contains the site or the park preferred is the site.
 * @example
 * prefers(index, 0, 0) //=> false
 */
export function prefers(index: CompiledIndex, w: number, p: number): boolean {
  for (let k = index.prefStart[w]!, end = index.prefStart[w + 1]!; k < end; k++) {
    const park = index.prefPark[k]!;
    if (park === -1 ? index.postArea[p]!.startsWith(index.prefArea[k]!) : index.postPark[p] === park)
      return true;
  }
  return false;
}

/**
 * The origin component of a pair, as `originComponent` computes it.
 *
 * @param index - The compiled index.
 * @param w - The labourer's position.
 * @param p - The post's position.
 * @param cp - The county–post byte.
 * @returns The component value.
 * @example
 * originValue(index, 0, 0, cp) //=> 0.34
 */
export function originValue(index: CompiledIndex, w: number, p: number, cp: number): number {
  const code = cp & CP_LINK_MASK;
  const link = code === 0 ? 1 : prefers(index, w, p) ? PREFERRED_LINK : LINK_VALUES[code]!;
  const count = index.countyFellows[index.labourerCounty[w]! * index.employerCount + index.postEmployer[p]!]!;
  let language = 1;
  if (index.postHasLang[p] === 1) {
    language = 0;
    const lw = index.langWords;
    for (let k = 0; k < lw; k++) {
      if ((index.postLangs[p * lw + k]! & index.labourerLangs[w * lw + k]!) !== 0) {
        language = 1;
        break;
      }
    }
  }
  return originOf(link, count, language);
}

/**
 * The weighted mean of the origin parts, in `originComponent`'s order.
 *
 * @param link - The link part.
 * @param count - Fellow villagers at the employer.
 * @param language - The language part (0 or 1).
 * @returns The component value.
 * @example
 * originOf(1, 10, 1) //=> 1
 */
export function originOf(link: number, count: number, language: number): number {
  let sum = 0;
  let weights = 0;
  sum += link * W_LINK;
  weights += W_LINK;
  sum += Math.min(1, Math.max(0, count) / FULL_FELLOWS) * W_FELLOWS;
  weights += W_FELLOWS;
  sum += language * W_LANGUAGE;
  weights += W_LANGUAGE;
  return clamp01(sum / weights);
}

/**
 * Combines component values as `scorePair` does: Σ value × effective weight in component order,
 * clamped to [0, 1].
 *
 * @param ew - Effective weights (skills, pay, origin, employer).
 * @param s - Skills value.
 * @param pay - Pay value.
 * @param o - Origin value.
 * @param e - Employer value.
 * @returns The score.
 * @example
 * combine(Float64Array.of(0.4, 0.3, 0.2, 0.1), 1, 1, 1, 1) //=> 1
 */
export function combine(ew: Float64Array, s: number, pay: number, o: number, e: number): number {
  let score = 0;
  score += s * ew[0]!;
  score += pay * ew[1]!;
  score += o * ew[2]!;
  score += e * ew[3]!;
  return Math.min(1, Math.max(0, score));
}

/**
 * The county–post byte of a labourer and a post.
 *
 * @param index - The compiled index.
 * @param w - The labourer's position.
 * @param p - The post's position.
 * @returns The byte (link code and CP_* flags).
 * @example
 * countyPostOf(index, 0, 0) & CP_NEAR_HOME //=> 0
 */
export function countyPostOf(index: CompiledIndex, w: number, p: number): number {
  return index.countyPost[index.labourerCounty[w]! * index.postCount + p]!;
}

/**
 * The score of a pair from the index: equal to `scorePair(dataset, labourer, post).score`.
 *
 * Complexity: O(r + o + h·l) (requirements, plus preparing the labourer once).
 *
 * @param index - The compiled index.
 * @param sc - Scratch tables (prepared here for `w` if they are not).
 * @param w - The labourer's position.
 * @param p - The post's position.
 * @returns The score in [0, 1].
 * @example
 * kernelScore(index, createScratch(index), 0, 0) === scorePair(ds, ds.labourers[0], ds.posts[0]).score //=> true
 */
export function kernelScore(index: CompiledIndex, sc: LabourerScratch, w: number, p: number): number {
  prepareLabourer(index, sc, w);
  const cp = countyPostOf(index, w, p);
  return combine(
    index.effectiveWeights,
    skillsValue(index, sc, p),
    payValue(index, w, p, cp),
    originValue(index, w, p, cp),
    index.employerValue[index.postEmployer[p]!]!,
  );
}

/**
 * The rule `required-skill-missing` of a pair: true if the post trains on the job or the labourer
 * earns credit above 0 towards each of its required skills (the scratch's credits are the maxima of
 * the very routes `requirementCredit` takes, so `> 0` agrees with it exactly). It depends on the
 * labourer and the post's skill signature only, so callers may decide it once per signature.
 *
 * Complexity: O(r) for r required skills.
 *
 * @param index - The compiled index.
 * @param sc - Scratch tables prepared for the labourer ({@link prepareLabourer}).
 * @param p - The post's position.
 * @returns True if the rule does not exclude the pair.
 * @example
 * prepareLabourer(index, sc, 0); skillsAllowed(index, sc, 0) //=> true for a post asking no skill
 */
export function skillsAllowed(index: CompiledIndex, sc: LabourerScratch, p: number): boolean {
  if (index.postTrainsOnJob[p] === 1) return true;
  const { cred } = sc;
  const { reqSkill, reqLevel } = index;
  for (let k = index.reqStart[p]!, end = index.reqStart[p + 1]!; k < end; k++) {
    if (!(cred[reqSkill[k]! * 5 + reqLevel[k]! - 1]! > 0)) return false;
  }
  return true;
}

/**
 * Whether a labourer may be offered a post, every rule but the post-level ones (vetting, openings,
 * window) and the labourer-level ones (age under 16, retirement), which callers check once, and
 * `required-skill-missing`, which callers check with {@link skillsAllowed} (once per signature).
 *
 * @param index - The compiled index.
 * @param w - The labourer's position.
 * @param p - The post's position.
 * @param cp - The county–post byte.
 * @returns True if no pair rule excludes the pair.
 * @example
 * pairAllowed(index, 0, 0, countyPostOf(index, 0, 0)) //=> true
 */
export function pairAllowed(index: CompiledIndex, w: number, p: number, cp: number): boolean {
  const age = index.labourerAge[w]!;
  if (age < index.adultAge && index.postNeedsAdult[p] === 1) return false;
  if (age < index.postAgeMin[p]! || age > index.postAgeMax[p]!) return false;
  if (index.labourerAvailable[w]! > index.postCloses[p]!) return false;
  const near = (cp & CP_NEAR_HOME) !== 0;
  if (!near) {
    if (index.labourerNeedsDorm[w] === 1 && index.postDormProvided[p] === 0) return false;
    switch (index.labourerScope[w]) {
      case 0:
        break;
      case 1:
        if ((cp & CP_SAME_PROVINCE) === 0) return false;
        break;
      case 2:
        if ((cp & CP_SAME_PREFECTURE) === 0) return false;
        break;
      default:
        return false;
    }
  }
  const cw = index.certWords;
  for (let k = 0; k < cw; k++) {
    if ((index.postCerts[p * cw + k]! & ~index.labourerCerts[w * cw + k]!) !== 0) return false;
  }
  for (let k = index.refStart[w]!, end = index.refStart[w + 1]!; k < end; k++) {
    const park = index.refPark[k]!;
    if (park === -1 ? index.postArea[p]!.startsWith(index.refArea[k]!) : index.postPark[p] === park)
      return false;
  }
  // The labourer's minimum acceptable pay, against the net the post leaves them (as `payValue`).
  if (index.minimumPayHard && netAt(index, w, p, cp) < index.labourerMin[w]!) return false;
  for (let k = index.barStart[w]!, end = index.barStart[w + 1]!; k < end; k++)
    if (index.barEmployer[k] === index.postEmployer[p]) return false;
  return true;
}

/**
 * Whether a pair is eligible: equal to `checkEligibility(dataset, labourer, post).length === 0`.
 *
 * Complexity: O(c + d + r), plus O(h·l) to prepare the labourer when it differs from the last one.
 *
 * @param index - The compiled index.
 * @param w - The labourer's position.
 * @param p - The post's position.
 * @returns True if no hard rule excludes the pair.
 * @example
 * kernelEligible(index, 0, 0) === (checkEligibility(ds, ds.labourers[0], ds.posts[0]).length === 0) //=> true
 */
export function kernelEligible(index: CompiledIndex, w: number, p: number): boolean {
  if (index.labourerExcluded[w] === 1 || index.postOpen[p] === 0) return false;
  if (!pairAllowed(index, w, p, countyPostOf(index, w, p))) return false;
  let sc = eligibleScratch.get(index);
  if (sc === undefined) eligibleScratch.set(index, (sc = createScratch(index)));
  prepareLabourer(index, sc, w);
  return skillsAllowed(index, sc, p);
}

/** Scratch tables of {@link kernelEligible}, one per index. */
const eligibleScratch = new WeakMap<CompiledIndex, LabourerScratch>();
