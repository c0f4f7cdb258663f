/**
 * Candidate buckets of the compiled index, for exact pruned ranking.
 *
 * Posts are grouped twice. Globally, by their skill signature (the required and optional skills with
 * their levels, and whether the post trains on the job): every post of a signature gives a labourer
 * the same skills value. Then, for one origin county and one mobility class, the posts that pass
 * every rule about the post alone and about place are put in buckets, each sorted by a key that
 * depends on the county and the post only (origin with the language part at its best and no
 * preference, and employer):
 *
 * - a type bucket per skills type (skills asked or not, on-job training, optional skills asked) and
 *   net-pay band: for a labourer none of whose skills (or skills linked to them) the post asks for,
 *   the skills value depends on the type alone, and the pay value is at most that of the band's
 *   highest net pay (pay is non-decreasing in net pay); the posts of the types that require skills
 *   without training on the job are all excluded for such a labourer (`required-skill-missing`);
 * - a signature bucket per skill signature: for the posts that ask for a skill the labourer has or
 *   has a link to, the skills value is computed once per signature.
 *
 * A labourer's bound on a bucket is then the bucket's key plus its skills value and its pay bound,
 * close to the real score, so the walk scores few posts.
 *
 * @module
 */
import * as compiled from '../compile.js';
import type { CompiledIndex } from '../compile.js';
import { LEARN_ON_JOB_CREDIT, SKILL_PART_WEIGHTS } from '../score/skills.js';
import { originOf } from './kernel.js';

const { CP_AWAY, CP_LINK_MASK, CP_NEAR_HOME, CP_SAME_PREFECTURE, CP_SAME_PROVINCE, LINK_VALUES } = compiled;

/** Net-pay bands of the type buckets. */
export const PAY_BANDS = 8;
/** Skills types: (no skill required, on-job training, none) × (optional skills asked or not). */
export const SKILL_TYPES = 6;

/**
 * The skills value of a post of each type for a labourer none of whose skills (nor skills linked to
 * them) it asks for: every credit is 0 except learning on the job, so the parts are required 1 (none
 * asked), the learn-on-the-job credit or 0, and use, optional and certified 0 where they apply. The
 * weighted mean is evaluated in `skillsValue`'s order, so the value is bit-identical to it (the
 * rank-all property tests compare with `rankPosts` and `kernelScore`).
 */
function untouchedSkills(type: number, skilled: boolean): number {
  const kind = type >> 1;
  const required = kind === 0 ? 1 : kind === 1 ? LEARN_ON_JOB_CREDIT : 0;
  let sum = 0;
  let weights = 0;
  sum += required * SKILL_PART_WEIGHTS.required;
  weights += SKILL_PART_WEIGHTS.required;
  if (skilled) {
    sum += 0 * SKILL_PART_WEIGHTS.use;
    weights += SKILL_PART_WEIGHTS.use;
  }
  if ((type & 1) === 1) {
    sum += 0 * SKILL_PART_WEIGHTS.optional;
    weights += SKILL_PART_WEIGHTS.optional;
  }
  if (kind !== 0) {
    sum += 0 * SKILL_PART_WEIGHTS.certified;
    weights += SKILL_PART_WEIGHTS.certified;
  }
  const v = sum / weights;
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/**
 * {@link untouchedSkills} of every skills type, at `type · 2 + skilled` (skilled: the labourer holds
 * at least one skill, so the part `use` counts).
 */
export const UNTOUCHED_SKILLS: Float64Array = Float64Array.from({ length: SKILL_TYPES * 2 }, (_, i) =>
  untouchedSkills(i >> 1, (i & 1) === 1),
);

/** Skill signatures of an index's posts, and which signatures ask for each skill. */
export interface Signatures {
  readonly count: number;
  /** Signature of each post. */
  readonly postSig: Int32Array;
  /** A post of each signature (to compute its skills value). */
  readonly rep: Int32Array;
  /** Skills type of each signature (see {@link SKILL_TYPES}). */
  readonly type: Uint8Array;
  /** Signatures asking for skill s (required or optional): `bySkill[bySkillStart[s] … bySkillStart[s+1])`. */
  readonly bySkillStart: Int32Array;
  readonly bySkill: Int32Array;
  /** Net pay cut points of the bands, ascending (`PAY_BANDS − 1` of them). */
  readonly cuts: Float64Array;
}

/**
 * The skill signatures of an index's posts.
 *
 * Complexity: O(P·r + S·g) for P posts with r asked skills, S skills and g signatures per skill.
 *
 * @param index - The compiled index.
 * @returns The signatures.
 * @example
 * signaturesOf(index).postSig.length //=> index.postCount
 */
export function signaturesOf(index: CompiledIndex): Signatures {
  const P = index.postCount;
  const S = index.skillIds.length;
  const { reqStart, reqSkill, reqLevel, optStart, optSkill, optLevel, postTrainsOnJob } = index;
  const ids = new Map<string, number>();
  const postSig = new Int32Array(P);
  const rep: number[] = [];
  const type: number[] = [];
  for (let p = 0; p < P; p++) {
    let key = postTrainsOnJob[p] === 1 ? 't' : 'n';
    for (let k = reqStart[p]!; k < reqStart[p + 1]!; k++) key += `,${reqSkill[k]!}.${reqLevel[k]!}`;
    key += '|';
    for (let k = optStart[p]!; k < optStart[p + 1]!; k++) key += `,${optSkill[k]!}.${optLevel[k]!}`;
    let sig = ids.get(key);
    if (sig === undefined) {
      sig = rep.length;
      ids.set(key, sig);
      rep.push(p);
      const nReq = reqStart[p + 1]! - reqStart[p]!;
      const nOpt = optStart[p + 1]! - optStart[p]!;
      type.push((nReq === 0 ? 0 : postTrainsOnJob[p] === 1 ? 1 : 2) * 2 + (nOpt > 0 ? 1 : 0));
    }
    postSig[p] = sig;
  }
  const G = rep.length;
  // Skills asked per signature, each once.
  const lists: number[][] = Array.from({ length: S }, () => []);
  for (let g = 0; g < G; g++) {
    const p = rep[g]!;
    const seen = new Set<number>();
    for (let k = reqStart[p]!; k < reqStart[p + 1]!; k++) seen.add(reqSkill[k]!);
    for (let k = optStart[p]!; k < optStart[p + 1]!; k++) seen.add(optSkill[k]!);
    for (const s of seen) lists[s]!.push(g);
  }
  const bySkillStart = new Int32Array(S + 1);
  for (let s = 0; s < S; s++) bySkillStart[s + 1] = bySkillStart[s]! + lists[s]!.length;
  const bySkill = new Int32Array(bySkillStart[S]!);
  for (let s = 0; s < S; s++) bySkill.set(lists[s]!, bySkillStart[s]!);
  // Bands: quantiles of the open posts' net pay without dormitory.
  const nets: number[] = [];
  for (let p = 0; p < P; p++) if (index.postOpen[p] === 1) nets.push(index.postNetNoDorm[p]!);
  nets.sort((a, b) => a - b);
  const cuts = new Float64Array(PAY_BANDS - 1);
  for (let b = 1; b < PAY_BANDS; b++) {
    cuts[b - 1] = nets.length === 0 ? 0 : nets[Math.floor((b * nets.length) / PAY_BANDS)]!;
  }
  return {
    count: G,
    postSig,
    rep: Int32Array.from(rep),
    type: Uint8Array.from(type),
    bySkillStart,
    bySkill,
    cuts,
  };
}

/** The buckets of one origin county and mobility class. */
export interface CandidateBuckets {
  /** Type buckets `t · PAY_BANDS + b`: `posts[typeStart[i] … typeStart[i+1])`, keys descending. */
  readonly typeStart: Int32Array;
  readonly typePosts: Int32Array;
  /** Keys, rounded up to a multiple of 2⁻²⁸ (bounds stay bounds), non-increasing in each bucket. */
  readonly typeKeys: Float64Array;
  /** Signature buckets: `posts[sigStart[g] … sigStart[g+1])`, keys descending. */
  readonly sigStart: Int32Array;
  readonly sigPosts: Int32Array;
  readonly sigKeys: Float64Array;
  /** The highest net pay a labourer of the county can get at a post of each band (-Infinity if none). */
  readonly bandTop: Float64Array;
  /** The band of the highest net pay in each signature bucket. */
  readonly sigBand: Uint8Array;
  /**
   * Links over the posts a walk found closed by its view for good (offset `+Infinity`), one per
   * position of `typePosts` and `sigPosts` and one past the end: `jump[i] = i` until the post at
   * `i` is found closed, then a later position whose posts between are all closed (a union–find
   * towards the end, compressed as it is read). Closed posts are thus passed over once.
   */
  readonly typeJump: Int32Array;
  readonly sigJump: Int32Array;
  /**
   * The signatures asking for skill s that hold posts here (about half of them, for a county and
   * mobility class): `bySkill[bySkillStart[s] … bySkillStart[s+1])`, in the order of
   * `Signatures.bySkill`. A walk looks only at these.
   */
  readonly bySkillStart: Int32Array;
  readonly bySkill: Int32Array;
}

/** Keys are rounded up to multiples of 1 / KEY_STEPS, so that equal keys compare exactly. */
const KEY_STEPS = 2 ** 28;

function bandOf(cuts: Float64Array, net: number): number {
  let b = 0;
  while (b < cuts.length && net >= cuts[b]!) b += 1;
  return b;
}

/** The open posts of one origin county, keys descending, with what bucketing needs. */
export interface CountyPosts {
  readonly county: number;
  /** Open posts, rounded keys descending. */
  readonly posts: Int32Array;
  /** Key of each post of the index (rounded up; 0 for posts not open). */
  readonly keyOf: Float64Array;
  /**
   * The highest net pay a labourer of the county can get at each post: one array per index and
   * county, shared by every view and walker (read only).
   */
  readonly netOf: Float64Array;
}

/**
 * The open posts of an index (those a walk may visit) by their county-free part of the key
 * descending: `eE·employer − offset`, then position. Posts whose offset is `+Infinity` are left out.
 */
export interface PostOrder {
  readonly posts: Int32Array;
  /** `eE·employer − offset` of each post (unused for posts left out). */
  readonly part: Float64Array;
}

const plainOrders = new WeakMap<CompiledIndex, PostOrder>();

/**
 * The open posts of an index by `eE·employer − offset[p]` descending (then position), once per
 * index when there are no offsets.
 *
 * Complexity: O(P log P).
 *
 * @param index - The compiled index.
 * @param offsets - Per-post offsets subtracted from scores (`+Infinity` leaves a post out).
 * @returns The order and each post's part of the key.
 * @example
 * postOrder(index).posts.length //=> the open posts
 */
export function postOrder(index: CompiledIndex, offsets?: Float64Array): PostOrder {
  if (offsets === undefined) {
    const cached = plainOrders.get(index);
    if (cached !== undefined) return cached;
  }
  const P = index.postCount;
  const eE = index.effectiveWeights[3]!;
  const part = new Float64Array(P);
  const open: number[] = [];
  for (let p = 0; p < P; p++) {
    if (index.postOpen[p] === 0) continue;
    const shift = offsets === undefined ? 0 : offsets[p]!;
    if (shift === Number.POSITIVE_INFINITY) continue;
    part[p] = eE * index.employerValue[index.postEmployer[p]!]! - shift;
    open.push(p);
  }
  open.sort((a, b) => part[b]! - part[a]! || a - b);
  const order = { posts: Int32Array.from(open), part };
  if (offsets === undefined) plainOrders.set(index, order);
  return order;
}

/**
 * The open posts of a county sorted by key: origin (link without preferences, fellows, language at
 * its best) weighted, plus the order's part (employer weighted, less the offset). Shared by the
 * county's mobility classes.
 *
 * Complexity: O(P·R) for P posts and R distinct origin values in the county (a handful), given the
 * order.
 *
 * @param index - The compiled index.
 * @param county - The county's position in `index.counties`.
 * @param order - The posts to bucket, from {@link postOrder}. @defaultValue postOrder(index)
 * @returns The sorted open posts, their keys and net pay.
 * @example
 * countyPosts(index, 0).posts.length //=> the open posts
 */
export function countyPosts(
  index: CompiledIndex,
  county: number,
  order: PostOrder = postOrder(index),
): CountyPosts {
  const P = index.postCount;
  const byPart = order.posts;
  const part = order.part;
  const n = byPart.length;
  const { netOf, runOf: layoutRun, runKey } = countyLayout(index, county);
  const keyOf = new Float64Array(P);
  // The key is eO·origin + part: for one origin value it follows the part, so the posts, taken in
  // the order's sequence and split by origin value (a handful per county), form a few sorted runs,
  // merged below without a sort. Runs are numbered as they first appear in the order.
  const runOfPost = new Int32Array(n);
  const local = new Int32Array(runKey.length).fill(-1);
  const runSize: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = byPart[i]!;
    const l = layoutRun[p]!;
    // Rounded up: every bound stays a bound, and equal keys compare exactly.
    keyOf[p] = Math.ceil((runKey[l]! + part[p]!) * KEY_STEPS);
    let run = local[l]!;
    if (run < 0) {
      run = local[l] = runSize.length;
      runSize.push(0);
    }
    runOfPost[i] = run;
    runSize[run]! += 1;
  }
  const R = runSize.length;
  const runStart = new Int32Array(R + 1);
  for (let r = 0; r < R; r++) runStart[r + 1] = runStart[r]! + runSize[r]!;
  const runs = new Int32Array(n);
  const at = runStart.slice(0, R);
  for (let i = 0; i < n; i++) runs[at[runOfPost[i]!]!++] = byPart[i]!;
  // Merge the runs, keys descending (ties in run order: any order of equal keys will do).
  const head = runStart.slice(0, R);
  const posts = new Int32Array(n);
  for (let o = 0; o < n; o++) {
    let best = -1;
    let bestKey = -Infinity;
    for (let r = 0; r < R; r++) {
      if (head[r]! === runStart[r + 1]!) continue;
      const k = keyOf[runs[head[r]!]!]!;
      if (k > bestKey) {
        bestKey = k;
        best = r;
      }
    }
    posts[o] = runs[head[best]!++]!;
  }
  for (let i = 0; i < n; i++) keyOf[byPart[i]!] = keyOf[byPart[i]!]! / KEY_STEPS;
  return { county, posts, keyOf, netOf };
}

/** What bucketing needs of a county that no offset changes, once per index and county. */
interface CountyLayout {
  /** The highest net pay a labourer of the county can get at each post. */
  readonly netOf: Float64Array;
  /** Each post's origin value for the county (language at its best, no preference), as a number into `runKey`. */
  readonly runOf: Int32Array;
  /** `eO · origin` of each origin value. */
  readonly runKey: Float64Array;
}

const layouts = new WeakMap<CompiledIndex, (CountyLayout | undefined)[]>();

/**
 * A county's net pay and origin values per post, computed once per index and county: every view
 * and walker of the index builds the county's buckets from them.
 *
 * Complexity: O(P), once.
 */
function countyLayout(index: CompiledIndex, county: number): CountyLayout {
  let all = layouts.get(index);
  if (all === undefined) layouts.set(index, (all = []));
  const cached = all[county];
  if (cached !== undefined) return cached;
  const P = index.postCount;
  const E = index.employerCount;
  const eO = index.effectiveWeights[2]!;
  const off = county * P;
  const netOf = new Float64Array(P);
  const runOf = new Int32Array(P);
  const ids = new Map<number, number>();
  const keys: number[] = [];
  for (let p = 0; p < P; p++) {
    const cp = index.countyPost[off + p]!;
    const code = cp & CP_LINK_MASK;
    const origin = originOf(
      code === 0 ? 1 : LINK_VALUES[code]!,
      index.countyFellows[county * E + index.postEmployer[p]!]!,
      1,
    );
    let run = ids.get(origin);
    if (run === undefined) {
      run = keys.length;
      ids.set(origin, run);
      keys.push(eO * origin);
    }
    runOf[p] = run;
    // The net pay of any labourer of the county: the dormitory-deducted one if away from home or if
    // the labourer needs a dormitory; the larger of the two bounds both.
    netOf[p] =
      (cp & CP_AWAY) !== 0 ? index.postNetDorm[p]! : Math.max(index.postNetDorm[p]!, index.postNetNoDorm[p]!);
  }
  const layout = { netOf, runOf, runKey: Float64Array.from(keys) };
  all[county] = layout;
  return layout;
}

/**
 * Builds the buckets of a county and a mobility class (0 anywhere, 1 home province, 2 home
 * prefecture, 3 home county or cannot leave home).
 *
 * Complexity: O(P) for P posts, given the county's sorted posts.
 *
 * @param index - The compiled index.
 * @param sigs - Its signatures ({@link signaturesOf}).
 * @param base - The county's open posts ({@link countyPosts}).
 * @param scope - The mobility class.
 * @returns The buckets.
 * @example
 * candidateBuckets(index, signaturesOf(index), countyPosts(index, 0), 0).typePosts.length //=> open posts anyone from county 0 may be offered by place
 */
export function candidateBuckets(
  index: CompiledIndex,
  sigs: Signatures,
  base: CountyPosts,
  scope: number,
): CandidateBuckets {
  const off = base.county * index.postCount;
  const { keyOf, netOf } = base;
  const all = base.posts;
  const T = SKILL_TYPES * PAY_BANDS;
  const G = sigs.count;
  const S = sigs.bySkillStart.length - 1;
  // The temporaries carved from one buffer, the results from another: a plan builds buckets
  // thousands of times, most of them over a few posts (a view of the posts whose price fell), where
  // a dozen allocations cost more than the work. Each buffer's size is the sum of the arrays carved
  // from it (one too small throws a RangeError at the carving).
  const tmp = new Carve(8 * G + 4 * (2 * all.length + T + G + sigs.bySkill.length));
  const sigNet = tmp.f64(G).fill(-Infinity);
  const kept = tmp.i32(all.length);
  const typeOfPost = tmp.i32(all.length);
  const typeAt = tmp.i32(T);
  const sigAt = tmp.i32(G);
  const bySkill = tmp.i32(sigs.bySkill.length);
  let chosen = all;
  if (scope !== 0) {
    // The class's posts: near home, or in the home prefecture or province as the scope allows.
    const need = scope === 1 ? CP_SAME_PROVINCE : scope === 2 ? CP_SAME_PREFECTURE : 0;
    let m = 0;
    for (let i = 0; i < all.length; i++) {
      const p = all[i]!;
      const cp = index.countyPost[off + p]!;
      if ((cp & CP_NEAR_HOME) !== 0 || (need !== 0 && (cp & need) !== 0)) kept[m++] = p;
    }
    chosen = kept.subarray(0, m);
  }
  const n = chosen.length;
  const out = new Carve(8 * (PAY_BANDS + 2 * n) + 4 * (T + G + 4 * n + S + 5));
  const bandTop = out.f64(PAY_BANDS).fill(-Infinity);
  const typeKeys = out.f64(n);
  const sigKeys = out.f64(n);
  const typeStart = out.i32(T + 1);
  const sigStart = out.i32(G + 1);
  const typePosts = out.i32(n);
  const sigPosts = out.i32(n);
  const typeJump = out.i32(n + 1);
  const sigJump = out.i32(n + 1);
  const bySkillStart = out.i32(S + 1);
  const sigBand = new Uint8Array(G);

  for (let i = 0; i < n; i++) {
    const p = chosen[i]!;
    const g = sigs.postSig[p]!;
    const band = bandOf(sigs.cuts, netOf[p]!);
    const t = sigs.type[g]! * PAY_BANDS + band;
    typeOfPost[i] = t;
    typeStart[t + 1]! += 1;
    if (netOf[p]! > bandTop[band]!) bandTop[band] = netOf[p]!;
    sigStart[g + 1]! += 1;
    if (netOf[p]! > sigNet[g]!) sigNet[g] = netOf[p]!;
  }
  for (let g = 0; g < G; g++) if (sigNet[g]! > -Infinity) sigBand[g] = bandOf(sigs.cuts, sigNet[g]!);
  for (let t = 0; t < T; t++) typeStart[t + 1]! += typeStart[t]!;
  for (let g = 0; g < G; g++) sigStart[g + 1]! += sigStart[g]!;
  typeAt.set(typeStart.subarray(0, T));
  sigAt.set(sigStart.subarray(0, G));
  // Stable distribution: each bucket keeps the key order.
  for (let i = 0; i < n; i++) {
    const p = chosen[i]!;
    const t = typeOfPost[i]!;
    const a = typeAt[t]!++;
    typePosts[a] = p;
    typeKeys[a] = keyOf[p]!;
    const g = sigs.postSig[p]!;
    const b = sigAt[g]!++;
    sigPosts[b] = p;
    sigKeys[b] = keyOf[p]!;
  }
  for (let i = 0; i <= n; i++) {
    typeJump[i] = i;
    sigJump[i] = i;
  }
  // The signatures of each skill that hold posts here.
  let m = 0;
  for (let s = 0; s < S; s++) {
    for (let k = sigs.bySkillStart[s]!, ke = sigs.bySkillStart[s + 1]!; k < ke; k++) {
      const g = sigs.bySkill[k]!;
      if (sigStart[g]! < sigStart[g + 1]!) bySkill[m++] = g;
    }
    bySkillStart[s + 1] = m;
  }
  return {
    typeStart,
    typePosts,
    typeKeys,
    sigStart,
    sigPosts,
    sigKeys,
    bandTop,
    sigBand,
    typeJump,
    sigJump,
    bySkillStart,
    bySkill: bySkill.slice(0, m),
  };
}

/** Typed arrays carved one after another from a new buffer of `bytes` (8-byte elements first). */
class Carve {
  private readonly buffer: ArrayBuffer;
  private at = 0;
  constructor(bytes: number) {
    this.buffer = new ArrayBuffer(bytes);
  }
  f64(n: number): Float64Array {
    return new Float64Array(this.buffer, (this.at += 8 * n) - 8 * n, n);
  }
  i32(n: number): Int32Array {
    return new Int32Array(this.buffer, (this.at += 4 * n) - 4 * n, n);
  }
}
