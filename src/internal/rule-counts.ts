/**
 * For a labourer with no eligible post: how many posts each hard rule excludes, exactly as asking
 * `checkEligibility` post by post and counting each code once per post would report them, without
 * doing so. A post may break several rules and counts under each.
 *
 * Every rule's count is a sum over posts of something that depends on the labourer through a few
 * facts only, so it is read off tables built once per index: the rules about the post alone from
 * the post's bits; age ranges and windows by binary search in sorted bounds; place (mobility, the
 * dormitory) per origin county; required skills per skill signature; certificates and refusals
 * over the few posts that have them.
 *
 * @module
 */
import * as compiled from '../compile.js';
import type { CompiledIndex } from '../compile.js';
import { inRuleOrder } from '../eligibility.js';
import type { ExclusionCode } from '../reasons.js';
import * as kernel from './kernel.js';
import type { LabourerScratch } from './kernel.js';
import { signaturesFor, touchSignatures, type SignatureMarks } from './walk.js';

const { CP_AWAY, CP_NEAR_HOME, CP_SAME_PREFECTURE, CP_SAME_PROVINCE, POST_RULE_CODES } = compiled;
const { prepareLabourer, skillsAllowed } = kernel;

/** How many posts each rule excludes, by code; codes that exclude none are left out. */
export type RuleCounts = Partial<Record<ExclusionCode, number>>;

/** Tables of an index the counts are read from. */
interface Tables {
  /** Posts excluded by each rule about the post alone (`POST_RULE_CODES` order). */
  readonly postOnly: Int32Array;
  readonly hazardous: number;
  readonly specialOperation: number;
  /** Finite lower and upper age bounds, sorted. */
  readonly mins: Float64Array;
  readonly maxes: Float64Array;
  /** Closing dates (YYYYMMDD), sorted. */
  readonly closes: Int32Array;
  /** Posts asking for some certificate. */
  readonly certPosts: Int32Array;
  /** Posts of each skill signature that require skills and do not train on the job (0 for the others). */
  readonly sigStrict: Int32Array;
  /** Their sum: the posts a labourer with no skill (nor link to one) they ask for is refused. */
  readonly strictPosts: number;
  /** Skills and signatures a labourer touches ({@link touchSignatures}), with the last stamp used. */
  readonly marks: SignatureMarks & { stamp: number };
  /** Per county (lazily): posts not near home; and of those, outside the prefecture, the province, with no dormitory. */
  readonly counties: Map<number, Int32Array>;
  /** Net pay of every post with the dormitory's cost, sorted. */
  readonly netDorm: Float64Array;
  /** Per county (lazily): the posts not away from home (where a labourer without need of a dormitory pays none). */
  readonly home: Map<number, Int32Array>;
  /** Posts of each employer (index rows). */
  readonly employerPosts: Int32Array;
}

const tableCache = new WeakMap<CompiledIndex, Tables>();

function tablesOf(index: CompiledIndex): Tables {
  let t = tableCache.get(index);
  if (t !== undefined) return t;
  const P = index.postCount;
  const postOnly = new Int32Array(POST_RULE_CODES.length);
  let hazardous = 0;
  let specialOperation = 0;
  const mins: number[] = [];
  const maxes: number[] = [];
  const certPosts: number[] = [];
  const employerPosts = new Int32Array(index.employerCount);
  const cw = index.certWords;
  for (let p = 0; p < P; p++) {
    employerPosts[index.postEmployer[p]!]! += 1;
    const bits = index.postRules[p]!;
    for (let i = 0; i < POST_RULE_CODES.length; i++) if ((bits & (1 << i)) !== 0) postOnly[i]! += 1;
    if ((index.postAdultRules[p]! & 1) !== 0) hazardous++;
    if ((index.postAdultRules[p]! & 2) !== 0) specialOperation++;
    if (index.postAgeMin[p]! > Number.NEGATIVE_INFINITY) mins.push(index.postAgeMin[p]!);
    if (index.postAgeMax[p]! < Number.POSITIVE_INFINITY) maxes.push(index.postAgeMax[p]!);
    for (let k = 0; k < cw; k++) {
      if (index.postCerts[p * cw + k] !== 0) {
        certPosts.push(p);
        break;
      }
    }
  }
  const sigs = signaturesFor(index);
  const sigStrict = new Int32Array(sigs.count);
  let strictPosts = 0;
  for (let p = 0; p < P; p++) {
    if (index.postTrainsOnJob[p] === 1 || index.reqStart[p + 1] === index.reqStart[p]) continue;
    sigStrict[sigs.postSig[p]!]! += 1;
    strictPosts++;
  }
  const S = index.skillIds.length;
  t = {
    postOnly,
    hazardous,
    specialOperation,
    mins: Float64Array.from(mins).sort(),
    maxes: Float64Array.from(maxes).sort(),
    closes: Int32Array.from(index.postCloses).sort(),
    certPosts: Int32Array.from(certPosts),
    sigStrict,
    strictPosts,
    marks: {
      skillMark: new Int32Array(S),
      reach: new Int32Array(S),
      sigMark: new Int32Array(sigs.count),
      touched: new Int32Array(sigs.count),
      stamp: 0,
    },
    counties: new Map(),
    netDorm: Float64Array.from(index.postNetDorm).sort(),
    home: new Map(),
    employerPosts,
  };
  tableCache.set(index, t);
  return t;
}

/** Posts of a county not near home: in all, outside the home prefecture, outside the province, without a dormitory. */
function countyCounts(index: CompiledIndex, t: Tables, county: number): Int32Array {
  let c = t.counties.get(county);
  if (c !== undefined) return c;
  c = new Int32Array(4);
  const P = index.postCount;
  const off = county * P;
  for (let p = 0; p < P; p++) {
    const cp = index.countyPost[off + p]!;
    if ((cp & CP_NEAR_HOME) !== 0) continue;
    c[0]! += 1;
    if ((cp & CP_SAME_PREFECTURE) === 0) c[1]! += 1;
    if ((cp & CP_SAME_PROVINCE) === 0) c[2]! += 1;
    if (index.postDormProvided[p] === 0) c[3]! += 1;
  }
  t.counties.set(county, c);
  return c;
}

/** The posts not away from a county's home (its own posts and the parks serving it). */
function homePosts(index: CompiledIndex, t: Tables, county: number): Int32Array {
  let h = t.home.get(county);
  if (h !== undefined) return h;
  const P = index.postCount;
  const off = county * P;
  const out: number[] = [];
  for (let p = 0; p < P; p++) if ((index.countyPost[off + p]! & CP_AWAY) === 0) out.push(p);
  h = Int32Array.from(out);
  t.home.set(county, h);
  return h;
}

/** How many values of a sorted array are above `x`, and how many below. */
function countAbove(sorted: Float64Array | Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}
function countBelow(sorted: Float64Array | Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How many posts of the index each pair rule excludes for a labourer (one not excluded from every
 * post by a rule about the labourer alone): the counts of `checkEligibility` post by post, each code
 * once per post.
 *
 * Complexity: O(log P + g + C·c + D·P) for the g skill signatures asking for a skill the labourer
 * has or has a link to, C posts asking for certificates (c words each) and D refused destinations
 * (a labourer who refuses none pays nothing for them), after O(P log P) tables per index and O(P)
 * per origin county met.
 *
 * @param index - The compiled index.
 * @param sc - Scratch tables (prepared here for the labourer).
 * @param w - The labourer's position.
 * @returns The counts by code, in rule order; codes that exclude no post are left out.
 */
export function ruleCounts(index: CompiledIndex, sc: LabourerScratch, w: number): RuleCounts {
  const t = tablesOf(index);
  const out: RuleCounts = {};
  const put = (code: ExclusionCode, n: number): void => {
    if (n > 0) out[code] = n;
  };
  const age = index.labourerAge[w]!;
  if (age < index.adultAge) {
    put('minor-hazardous', t.hazardous);
    put('minor-special-operation', t.specialOperation);
  }
  put('outside-post-age-range', countAbove(t.mins, age) + countBelow(t.maxes, age));
  POST_RULE_CODES.forEach((code, i) => put(code, t.postOnly[i]!));
  // Available only after the window closes, reported while the window is open: asOf ≤ closes < available.
  const asOf = compiledDate(index.asOf);
  const available = index.labourerAvailable[w]!;
  if (available > asOf)
    put('available-after-window', countBelow(t.closes, available) - countBelow(t.closes, asOf));
  const county = countyCounts(index, t, index.labourerCounty[w]!);
  if (index.labourerCannotLeave[w] === 1) put('cannot-leave-home', county[0]!);
  else {
    const scope = index.labourerScope[w]!;
    put(
      'outside-mobility-scope',
      scope === 0 ? 0 : scope === 1 ? county[2]! : scope === 2 ? county[1]! : county[0]!,
    );
  }
  if (index.labourerNeedsDorm[w] === 1) put('dormitory-needed', county[3]!);
  if (index.minimumPayHard) {
    // Every post at its net with the dormitory, corrected where the labourer pays none (home posts).
    const min = index.labourerMin[w]!;
    let below = countBelow(t.netDorm, min);
    if (index.labourerNeedsDorm[w] === 0) {
      for (const p of homePosts(index, t, index.labourerCounty[w]!)) {
        if (index.postNetDorm[p]! < min) below--;
        if (index.postNetNoDorm[p]! < min) below++;
      }
    }
    put('below-minimum-pay', below);
  }
  // Certificates: over the posts that ask for any.
  const cw = index.certWords;
  let missing = 0;
  let expired = 0;
  for (let i = 0; i < t.certPosts.length; i++) {
    const p = t.certPosts[i]!;
    let m = false;
    let x = false;
    for (let k = 0; k < cw; k++) {
      const req = index.postCerts[p * cw + k]!;
      const valid = index.labourerCerts[w * cw + k]!;
      const gone = index.labourerExpiredCerts[w * cw + k]!;
      if ((req & ~valid & ~gone) !== 0) m = true;
      if ((req & gone) !== 0) x = true;
    }
    if (m) missing++;
    if (x) expired++;
  }
  put('certificate-missing', missing);
  put('certificate-expired', expired);
  // Required skills: decided per signature. A strict signature asking for none of the labourer's
  // skills (nor one linked to them) refuses it, so only those that ask for one are looked at.
  prepareLabourer(index, sc, w);
  const sigs = signaturesFor(index);
  const { marks } = t;
  const nTouched = touchSignatures(index, sigs, w, ++marks.stamp, marks);
  let skills = t.strictPosts;
  for (let i = 0; i < nTouched; i++) {
    const g = marks.touched[i]!;
    const n = t.sigStrict[g]!;
    if (n > 0 && skillsAllowed(index, sc, sigs.rep[g]!)) skills -= n;
  }
  put('required-skill-missing', skills);
  // Refused destinations: over every post, for the few labourers who refuse some.
  const from = index.refStart[w]!;
  const to = index.refStart[w + 1]!;
  if (to > from) {
    let refused = 0;
    for (let p = 0; p < index.postCount; p++) {
      for (let k = from; k < to; k++) {
        const park = index.refPark[k]!;
        if (park === -1 ? index.postArea[p]!.startsWith(index.refArea[k]!) : index.postPark[p] === park) {
          refused++;
          break;
        }
      }
    }
    put('refused-destination', refused);
  }
  // Pairs ended for cause: every post of each employer barred (an employer is barred once per labourer).
  let barredPosts = 0;
  for (let k = index.barStart[w]!, end = index.barStart[w + 1]!; k < end; k++)
    barredPosts += t.employerPosts[index.barEmployer[k]!]!;
  put('ended-for-cause', barredPosts);
  return inRuleOrder(out);
}

/** The number YYYYMMDD of an ISO date. */
function compiledDate(date: string): number {
  return Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}
