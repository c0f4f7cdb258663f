/**
 * The compiled index: a dataset turned once into columnar typed arrays (interned skills, counties,
 * employers, certificates and languages; pay, dates and flags as numbers), so that ranking every
 * labourer scores pairs in a tight loop instead of walking objects and string sets.
 *
 * Everything a pair's score or eligibility needs is either computed here by the very functions the
 * object path uses (`labourerExclusions`, `employerComponent`, `minimumWageAt`, `parksServing`,
 * `pairedTowns`, `basesFor`, the division lookups) or recomputed in `src/internal/kernel.ts` with the
 * same arithmetic in the same order as `scorePair`. Property tests hold the kernel to `scorePair`
 * and `checkEligibility` exactly.
 *
 * The index is plain data (typed arrays, strings, numbers): it can be cloned to a worker thread.
 *
 * @module
 */
import { areaContains, prefectureOf, provinceOf } from './divisions.js';
import { compareIds, priorityTier } from './compare.js';
import {
  checkEligibility,
  ELIGIBILITY_RULES,
  excludedOutright,
  heldCertificateState,
  isNearHome,
  minimumPayIsHard,
} from './eligibility.js';
import { ageOn } from './internal/dates.js';
import { contextOf, siteArea } from './internal/context.js';
import { basesFor, minimumWageAt, pairedTowns, parksServing } from './policy/resolve.js';
import type { Park, Policy } from './policy/types.js';
import { COMPONENTS } from './score.js';
import { employerComponent } from './score/employer.js';
import { baseTakes, LINK_VALUE } from './score/origin.js';
import { linksOf, skillsHeld } from './score/skills.js';
import type { ExclusionCode } from './reasons.js';
import type { CountyCode, Dataset, IsoDate, Labourer, MobilityScope, Post } from './types.js';

/** The link values of the origin component, by the code compiled for a county and post (0–3). */
export const LINK_VALUES: readonly number[] = [
  LINK_VALUE.tied,
  LINK_VALUE.samePrefecture,
  LINK_VALUE.sameProvince,
  LINK_VALUE.crossProvince,
];

/** Bits of a county–post code (one byte per county and post). */
export const CP_LINK_MASK = 0b111;
/** The site is in the home county or a park serving it (eligibility's `nearHome`). */
export const CP_NEAR_HOME = 1 << 3;
/** The site's area is outside the home county (pay's `awayFromHome`). */
export const CP_AWAY = 1 << 4;
/** The site is in the home prefecture. */
export const CP_SAME_PREFECTURE = 1 << 5;
/** The site is in the home province. */
export const CP_SAME_PROVINCE = 1 << 6;

/** Mobility classes: which sites a labourer may be offered, as far as place goes. */
export const SCOPE_CODES: Readonly<Record<MobilityScope, number>> = {
  anywhere: 0,
  'home-province': 1,
  'home-prefecture': 2,
  'home-county': 3,
};

/** The rules that look at a post alone, in the order of their bits in `postRules`. */
export const POST_RULE_CODES: readonly ExclusionCode[] = ELIGIBILITY_RULES.filter(
  (r) => r.scope === 'post',
).map((r) => r.code);

/** The posts, employers and taxonomy of a dataset, compiled. */
export interface CompiledPosts {
  readonly asOf: IsoDate;
  /** Effective weights of skills, pay, origin, employer (`max(0, w) / Σ max(0, w)`, 0 if the sum is 0). */
  readonly effectiveWeights: Float64Array;
  readonly adultAge: number;
  /** Whether a post paying less (net) than a labourer's minimum excludes the pair (`below-minimum-pay`). */
  readonly minimumPayHard: boolean;
  readonly postCount: number;
  readonly postIds: readonly string[];
  /** Position of each post id in ascending id order (the tie-break of rankings). */
  readonly postIdRank: Int32Array;
  /** 1 if the post passes every rule that looks at the post alone (vetting, openings, window). */
  readonly postOpen: Uint8Array;
  /** Which rules about the post alone exclude it: bit i for `POST_RULE_CODES[i]` (0 when open). */
  readonly postRules: Uint8Array;
  /** Bit 1: the post is hazardous; bit 2: it requires a special-operation certificate (the minors' rules). */
  readonly postAdultRules: Uint8Array;
  /** Closing date as the number YYYYMMDD. */
  readonly postCloses: Int32Array;
  /** 1 if the post is hazardous or requires a special-operation certificate (age 18 needed). */
  readonly postNeedsAdult: Uint8Array;
  readonly postAgeMin: Float64Array;
  readonly postAgeMax: Float64Array;
  readonly postDormProvided: Uint8Array;
  /** Net pay when the dormitory cost counts. */
  readonly postNetDorm: Float64Array;
  /** Net pay when it does not. */
  readonly postNetNoDorm: Float64Array;
  readonly postEmployer: Int32Array;
  /** The employer component's value of each employer (computed by `employerComponent`). */
  readonly employerValue: Float64Array;
  readonly employerCount: number;
  /** The division code of each post's site. */
  readonly postArea: readonly string[];
  /** Interned park id of a park site, else -1. */
  readonly postPark: Int32Array;
  readonly parkIds: readonly string[];
  readonly postTrainsOnJob: Uint8Array;
  /** Openings left: `max(0, openings − filled)` (a plan's capacity of the post). */
  readonly postCapacity: Int32Array;
  /** Required skills: `reqSkill[reqStart[p] … reqStart[p+1])`, in the post's order. */
  readonly reqStart: Int32Array;
  readonly reqSkill: Int32Array;
  readonly reqLevel: Uint8Array;
  readonly optStart: Int32Array;
  readonly optSkill: Int32Array;
  readonly optLevel: Uint8Array;
  readonly skillIds: readonly string[];
  /** Symmetric taxonomy links: `linkTo[linkStart[s] … linkStart[s+1])` with their credit. */
  readonly linkStart: Int32Array;
  readonly linkTo: Int32Array;
  readonly linkCredit: Float64Array;
  readonly certIds: readonly string[];
  readonly certWords: number;
  /** Required certificates as bitsets of `certWords` words per post. */
  readonly postCerts: Uint32Array;
  readonly langIds: readonly string[];
  readonly langWords: number;
  readonly postLangs: Uint32Array;
  readonly postHasLang: Uint8Array;
}

/** Per-county tables: everything about a county and a post that scoring and eligibility read. */
export interface CompiledCounties {
  readonly counties: readonly string[];
  /** Minimum wage at home on the as-of date, NaN where unknown or not positive. */
  readonly countyHomeMin: Float64Array;
  /** `countyPost[c · postCount + p]`: link code and the CP_* flags. */
  readonly countyPost: Uint8Array;
  /** `countyFellows[c · employerCount + e]`: programme labourers from county c at employer e. */
  readonly countyFellows: Float64Array;
}

/** The labourers of a dataset, compiled. */
export interface CompiledLabourers {
  readonly labourerCount: number;
  readonly labourerIds: readonly string[];
  readonly labourerCounty: Int32Array;
  /** 1 if a labourer-level rule (age under 16, retirement) excludes the labourer from every post. */
  readonly labourerExcluded: Uint8Array;
  readonly labourerAge: Float64Array;
  readonly labourerAvailable: Int32Array;
  readonly labourerMin: Float64Array;
  readonly labourerTarget: Float64Array;
  readonly labourerNeedsDorm: Uint8Array;
  readonly labourerCannotLeave: Uint8Array;
  /** 1 for a priority household (registered or monitored: `priorityTier` 0), else 0. */
  readonly labourerPriority: Uint8Array;
  /** Mobility class (SCOPE_CODES; 3 for a labourer who cannot leave home). */
  readonly labourerScope: Uint8Array;
  /** Skills held (`isCourse` 0) and granted by trainings (1), in holding order. */
  readonly holdStart: Int32Array;
  readonly holdSkill: Int32Array;
  readonly holdLevel: Uint8Array;
  readonly holdCourse: Uint8Array;
  readonly holdCertified: Uint8Array;
  /**
   * The labourer's distinct skills (held and trained, `skillsHeld` order) that the index knows:
   * `ownSkill[ownStart[i] … ownStart[i+1])`. A skill no post asks for and no link reaches is left
   * out (it is used by no post) but counted in `ownCount`.
   */
  readonly ownStart: Int32Array;
  readonly ownSkill: Int32Array;
  /** How many distinct skills the labourer has, known to the index or not (the `use` part's denominator). */
  readonly ownCount: Int32Array;
  /** Preferred destinations: an area code (`prefPark` -1) or a park (`prefArea` ''). */
  readonly prefStart: Int32Array;
  readonly prefArea: readonly string[];
  readonly prefPark: Int32Array;
  readonly refStart: Int32Array;
  readonly refArea: readonly string[];
  readonly refPark: Int32Array;
  /**
   * Employers (rows of `dataset.employers`) where the labourer's placement ended for cause (the
   * rule `ended-for-cause`): `barEmployer[barStart[i] … barStart[i+1])`.
   */
  readonly barStart: Int32Array;
  readonly barEmployer: Int32Array;
  /** Certificates valid on the as-of date, as bitsets over `certIds`. */
  readonly labourerCerts: Uint32Array;
  /** Certificates held but every copy expired on the as-of date (the rule's `expired` state). */
  readonly labourerExpiredCerts: Uint32Array;
  readonly labourerLangs: Uint32Array;
}

/**
 * A dataset compiled for fast scoring: the posts, the labourers and the county tables that join
 * them. Plain data: typed arrays, strings and numbers only.
 */
export interface CompiledIndex extends CompiledPosts, CompiledCounties, CompiledLabourers {
  readonly kind: 'bangfu-compiled-index';
}

/** The number YYYYMMDD of an ISO date: it orders as the string does. */
function dateNumber(date: string): number {
  return Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}

class Interner {
  readonly ids: string[] = [];
  private readonly map = new Map<string, number>();
  id(key: string): number {
    let i = this.map.get(key);
    if (i === undefined) {
      i = this.ids.length;
      this.ids.push(key);
      this.map.set(key, i);
    }
    return i;
  }
  get(key: string): number | undefined {
    return this.map.get(key);
  }
}

function effectiveWeights(policy: Policy): Float64Array {
  // Every component has a value whatever the pair (required skills, pay fit, link and vetting
  // criteria are never null), so the weights are the same for all pairs; `scorePair` sums them in
  // component order.
  let present = 0;
  for (const name of COMPONENTS) present += Math.max(0, policy.weights[name]);
  const out = new Float64Array(COMPONENTS.length);
  COMPONENTS.forEach((name, i) => {
    out[i] = present <= 0 ? 0 : Math.max(0, policy.weights[name]) / present;
  });
  return out;
}

/** The rules about the post alone that exclude it, as bits of `POST_RULE_CODES`, by asking `checkEligibility`. */
function postRuleBits(dataset: Dataset, probe: Labourer, post: Post): number {
  let bits = 0;
  for (const e of checkEligibility(dataset, probe, post)) {
    const i = (POST_RULE_CODES as readonly string[]).indexOf(e.code);
    if (i >= 0) bits |= 1 << i;
  }
  return bits;
}

/**
 * Compiles the posts, employers and skill taxonomy of a dataset.
 *
 * @internal
 * @param dataset - The dataset.
 * @returns The compiled posts.
 * @example
 * compilePosts(ds).postCount //=> ds.posts.length
 */
export function compilePosts(dataset: Dataset): CompiledPosts {
  const ctx = contextOf(dataset);
  const { policy, asOf, posts } = dataset;
  const P = posts.length;
  const skills = new Interner();
  const certs = new Interner();
  const langs = new Interner();
  const parks = new Interner();
  const employers = new Interner();
  for (const e of dataset.employers) employers.id(e.id);
  for (const def of policy.skills) skills.id(def.id);
  for (const p of posts) {
    for (const r of p.requiredSkills) skills.id(r.skill);
    for (const r of p.optionalSkills) skills.id(r.skill);
    for (const c of p.requiredCertificates) certs.id(c);
    for (const l of p.languages) langs.id(l);
  }
  const certWords = Math.max(1, Math.ceil(certs.ids.length / 32));
  const langWords = Math.max(1, Math.ceil(langs.ids.length / 32));

  const employerValue = new Float64Array(employers.ids.length);
  dataset.employers.forEach((e, i) => {
    employerValue[i] = employerComponent(e).value ?? Number.NaN;
  });

  // A probe labourer who breaks no rule of their own, to ask the eligibility rules which posts fail
  // on their own account (vetting, openings, window).
  const probe: Labourer = {
    id: '\u0000probe' as Labourer['id'],
    household: 'registered',
    originCounty: '110101' as CountyCode,
    birthDate: `${Number(asOf.slice(0, 4)) - 30}-01-01` as IsoDate,
    gender: 'male',
    skills: [],
    certificates: [],
    trainings: [],
    pay: { minMonthly: 0, targetMonthly: 0 },
    mobility: { scope: 'anywhere', preferred: [], refused: [] },
    needsDormitory: false,
    cannotLeaveHome: false,
    languages: [],
    availableFrom: asOf,
  };

  const order = posts.map((_, i) => i).sort((a, b) => compareIds(posts[a]!.id, posts[b]!.id));
  const postIdRank = new Int32Array(P);
  order.forEach((p, r) => {
    postIdRank[p] = r;
  });

  const postOpenArr = new Uint8Array(P);
  const postRules = new Uint8Array(P);
  const postAdultRules = new Uint8Array(P);
  const postCloses = new Int32Array(P);
  const postNeedsAdult = new Uint8Array(P);
  const postAgeMin = new Float64Array(P);
  const postAgeMax = new Float64Array(P);
  const postDormProvided = new Uint8Array(P);
  const postNetDorm = new Float64Array(P);
  const postNetNoDorm = new Float64Array(P);
  const postEmployer = new Int32Array(P);
  const postPark = new Int32Array(P);
  const postTrainsOnJob = new Uint8Array(P);
  const postCapacity = new Int32Array(P);
  const reqStart = new Int32Array(P + 1);
  const optStart = new Int32Array(P + 1);
  const reqSkill: number[] = [];
  const reqLevel: number[] = [];
  const optSkill: number[] = [];
  const optLevel: number[] = [];
  const postCerts = new Uint32Array(P * certWords);
  const postLangs = new Uint32Array(P * langWords);
  const postHasLang = new Uint8Array(P);
  const postArea: string[] = [];

  posts.forEach((post, p) => {
    const e = employers.get(post.employer);
    if (e === undefined)
      throw new Error(`compileIndex: unknown employer ${post.employer} of post ${post.id}`);
    postEmployer[p] = e;
    postRules[p] = postRuleBits(dataset, probe, post);
    postOpenArr[p] = postRules[p] === 0 ? 1 : 0;
    postCloses[p] = dateNumber(post.window.closes);
    postAdultRules[p] =
      (post.hazardous ? 1 : 0) |
      (post.requiredCertificates.some((c) => ctx.certificates.get(c)?.specialOperation === true) ? 2 : 0);
    postNeedsAdult[p] = postAdultRules[p] === 0 ? 0 : 1;
    postAgeMin[p] = post.ageRange?.min ?? -Infinity;
    postAgeMax[p] = post.ageRange?.max ?? Infinity;
    postDormProvided[p] = post.dormitory.provided ? 1 : 0;
    // The same expressions as `netPay`: basis − dormitory − meals, left to right.
    const guaranteed = post.pay.kind === 'monthly' ? post.pay.baseMonthly : post.pay.guaranteedMonthly;
    const basis = (guaranteed + post.pay.expectedMonthly) / 2;
    const mealsCost = post.meals.provided ? post.meals.monthlyCost : 0;
    const dormCost = post.dormitory.provided ? post.dormitory.monthlyCost : 0;
    postNetDorm[p] = basis - dormCost - mealsCost;
    postNetNoDorm[p] = basis - 0 - mealsCost;
    postArea.push(siteArea(post.site, ctx.parks));
    postPark[p] = post.site.kind === 'park' ? parks.id(post.site.park) : -1;
    postTrainsOnJob[p] = post.trainsOnJob ? 1 : 0;
    postCapacity[p] = Math.max(0, post.openings - post.filled);
    for (const r of post.requiredSkills) {
      reqSkill.push(skills.id(r.skill));
      reqLevel.push(r.minLevel);
    }
    reqStart[p + 1] = reqSkill.length;
    for (const r of post.optionalSkills) {
      optSkill.push(skills.id(r.skill));
      optLevel.push(r.minLevel);
    }
    optStart[p + 1] = optSkill.length;
    for (const c of post.requiredCertificates) {
      const i = certs.id(c);
      postCerts[p * certWords + (i >>> 5)]! |= 1 << (i & 31);
    }
    for (const l of post.languages) {
      const i = langs.id(l);
      postLangs[p * langWords + (i >>> 5)]! |= 1 << (i & 31);
    }
    postHasLang[p] = post.languages.length > 0 ? 1 : 0;
  });
  for (const park of policy.parks) parks.id(park.id);

  // Taxonomy links over interned skills (the same symmetric map `skillsComponent` reads).
  const links = linksOf(policy);
  for (const [a, row] of links) {
    skills.id(a);
    for (const b of row.keys()) skills.id(b);
  }
  const S = skills.ids.length;
  const linkStart = new Int32Array(S + 1);
  const linkTo: number[] = [];
  const linkCredit: number[] = [];
  for (let s = 0; s < S; s++) {
    const row = links.get(skills.ids[s]!);
    if (row !== undefined) {
      for (const [b, credit] of row) {
        linkTo.push(skills.id(b));
        linkCredit.push(credit);
      }
    }
    linkStart[s + 1] = linkTo.length;
  }

  return {
    asOf,
    effectiveWeights: effectiveWeights(policy),
    adultAge: policy.ageLaw.adultAge,
    minimumPayHard: minimumPayIsHard(policy),
    postCount: P,
    postIds: posts.map((p) => p.id),
    postIdRank,
    postOpen: postOpenArr,
    postRules,
    postAdultRules,
    postCloses,
    postNeedsAdult,
    postAgeMin,
    postAgeMax,
    postDormProvided,
    postNetDorm,
    postNetNoDorm,
    postEmployer,
    employerValue,
    employerCount: employers.ids.length,
    postArea,
    postPark,
    parkIds: parks.ids,
    postTrainsOnJob,
    postCapacity,
    reqStart,
    reqSkill: Int32Array.from(reqSkill),
    reqLevel: Uint8Array.from(reqLevel),
    optStart,
    optSkill: Int32Array.from(optSkill),
    optLevel: Uint8Array.from(optLevel),
    skillIds: skills.ids,
    linkStart,
    linkTo: Int32Array.from(linkTo),
    linkCredit: Float64Array.from(linkCredit),
    certIds: certs.ids,
    certWords,
    postCerts,
    langIds: langs.ids,
    langWords,
    postLangs,
    postHasLang,
  };
}

/** What the county–post bytes read of each post, worked out once for all counties. */
interface PostPlaces {
  readonly area: readonly string[];
  readonly prefecture: readonly string[];
  readonly province: readonly string[];
  /** The park of a park site (else undefined). */
  readonly park: readonly (Park | undefined)[];
}

const placeCache = new WeakMap<Dataset, PostPlaces>();

function postPlaces(dataset: Dataset): PostPlaces {
  let places = placeCache.get(dataset);
  if (places === undefined) {
    const ctx = contextOf(dataset);
    const area = dataset.posts.map((post) => siteArea(post.site, ctx.parks) as string);
    places = {
      area,
      prefecture: area.map((a) => prefectureOf(a)),
      province: area.map((a) => provinceOf(a)),
      park: dataset.posts.map((post) =>
        post.site.kind === 'park' ? ctx.parks.get(post.site.park) : undefined,
      ),
    };
    placeCache.set(dataset, places);
  }
  return places;
}

/** The county–post byte: link code (without the labourer's preferences) and flags. */
function countyPostCodes(dataset: Dataset, county: CountyCode, out: Uint8Array, offset: number): void {
  const { policy, asOf } = dataset;
  const places = postPlaces(dataset);
  const parkIds = new Set(parksServing(policy, county).map((p) => p.id as string));
  const towns = new Set<string>(pairedTowns(policy, county, asOf));
  const bases = basesFor(policy, county, asOf);
  const prefecture = prefectureOf(county);
  const province = provinceOf(county);
  dataset.posts.forEach((post, p) => {
    const area = places.area[p]!;
    const { site } = post;
    const inCounty = areaContains(county, area);
    // The order of `link` in src/score/origin.ts; the labourer's preferences are applied per pair.
    let link: number;
    if (inCounty) link = 0;
    else if (site.kind === 'park' && parkIds.has(site.park)) link = 0;
    else if (site.kind === 'town' && towns.has(site.town)) link = 0;
    else if (bases.length > 0 && bases.some((b) => baseTakes(b, post))) link = 0;
    else if (areaContains(prefecture, area)) link = 1;
    else if (areaContains(province, area)) link = 2;
    else link = 3;
    // The eligibility rules' `nearHome` and mobility scopes.
    const park = places.park[p];
    const nearHome = isNearHome(county, area, park);
    let code = link;
    if (nearHome) code |= CP_NEAR_HOME;
    if (!inCounty) code |= CP_AWAY;
    if (places.prefecture[p] === prefecture) code |= CP_SAME_PREFECTURE;
    if (places.province[p] === province) code |= CP_SAME_PROVINCE;
    out[offset + p] = code;
  });
}

/**
 * Compiles the labourers of a dataset against already compiled posts, with the county tables their
 * origins need (reusing those of `previous` where it has them).
 *
 * @internal
 * @param posts - The compiled posts of the dataset.
 * @param dataset - The dataset whose labourers to compile (its posts, asOf and policy must be those the posts were compiled from).
 * @param previous - An index whose county tables may be reused (same posts).
 * @returns The complete index.
 * @example
 * compileLabourers(compilePosts(ds), ds).labourerCount //=> ds.labourers.length
 */
export function compileLabourers(
  posts: CompiledPosts,
  dataset: Dataset,
  previous?: CompiledCounties,
): CompiledIndex {
  const { policy, asOf } = dataset;
  if (asOf !== posts.asOf) throw new Error('compileIndex: labourers and posts differ in as-of date');
  const W = dataset.labourers.length;
  const P = posts.postCount;
  const E = posts.employerCount;
  const skillIndex = new Map(posts.skillIds.map((s, i) => [s, i]));
  const certIndex = new Map(posts.certIds.map((s, i) => [s, i]));
  const langIndex = new Map(posts.langIds.map((s, i) => [s, i]));
  const parkIndex = new Map(posts.parkIds.map((s, i) => [s, i]));

  // Counties: those of `previous` first (their tables are copied), then new ones.
  const counties = new Interner();
  for (const c of previous?.counties ?? []) counties.id(c);
  const known = counties.ids.length;
  for (const w of dataset.labourers) counties.id(w.originCounty);
  const C = counties.ids.length;
  const countyPost = new Uint8Array(C * P);
  const countyFellows = new Float64Array(C * E);
  const countyHomeMin = new Float64Array(C);
  if (previous !== undefined) {
    countyPost.set(previous.countyPost.subarray(0, known * P));
    countyFellows.set(previous.countyFellows.subarray(0, known * E));
    countyHomeMin.set(previous.countyHomeMin.subarray(0, known));
  }
  const employerRow = new Map(dataset.employers.map((e, i) => [e.id as string, i]));
  for (let c = known; c < C; c++) {
    const county = counties.ids[c]! as CountyCode;
    countyPostCodes(dataset, county, countyPost, c * P);
    const home = minimumWageAt(policy, county, asOf);
    countyHomeMin[c] = home === undefined || !(home.monthly > 0) ? Number.NaN : home.monthly;
  }
  // Fellow villagers: summed in row order as `originComponent` does.
  for (const e of dataset.employers) {
    const ei = employerRow.get(e.id)!;
    for (const row of e.workforceByOrigin) {
      const c = counties.get(row.county);
      if (c === undefined || c < known) continue;
      countyFellows[c * E + ei]! += row.count;
    }
  }

  const certWords = posts.certWords;
  const langWords = posts.langWords;
  const labourerCounty = new Int32Array(W);
  const labourerExcluded = new Uint8Array(W);
  const labourerAge = new Float64Array(W);
  const labourerAvailable = new Int32Array(W);
  const labourerMin = new Float64Array(W);
  const labourerTarget = new Float64Array(W);
  const labourerNeedsDorm = new Uint8Array(W);
  const labourerCannotLeave = new Uint8Array(W);
  const labourerPriority = new Uint8Array(W);
  const labourerScope = new Uint8Array(W);
  const holdStart = new Int32Array(W + 1);
  const holdSkill: number[] = [];
  const holdLevel: number[] = [];
  const holdCourse: number[] = [];
  const holdCertified: number[] = [];
  const ownStart = new Int32Array(W + 1);
  const ownSkill: number[] = [];
  const ownCount = new Int32Array(W);
  const prefStart = new Int32Array(W + 1);
  const prefArea: string[] = [];
  const prefPark: number[] = [];
  const refStart = new Int32Array(W + 1);
  const refArea: string[] = [];
  const refPark: number[] = [];
  const labourerCerts = new Uint32Array(W * certWords);
  const labourerExpiredCerts = new Uint32Array(W * certWords);
  const labourerLangs = new Uint32Array(W * langWords);
  // Pairs ended for cause, by labourer: the rule's one definition is the context's lookup.
  const barred = new Map<string, number[]>();
  for (const end of contextOf(dataset).endedForCause.values()) {
    const ei = employerRow.get(end.employer);
    if (ei === undefined) continue; // an employer not in the dataset has no posts to bar
    let list = barred.get(end.labourer);
    if (list === undefined) barred.set(end.labourer, (list = []));
    list.push(ei);
  }
  const barStart = new Int32Array(W + 1);
  const barEmployer: number[] = [];

  dataset.labourers.forEach((w, i) => {
    labourerCounty[i] = counties.get(w.originCounty)!;
    labourerExcluded[i] = excludedOutright(dataset, w) ? 1 : 0;
    labourerAge[i] = ageOn(w.birthDate, asOf);
    labourerAvailable[i] = dateNumber(w.availableFrom);
    labourerMin[i] = w.pay.minMonthly;
    labourerTarget[i] = w.pay.targetMonthly;
    labourerNeedsDorm[i] = w.needsDormitory ? 1 : 0;
    labourerCannotLeave[i] = w.cannotLeaveHome ? 1 : 0;
    labourerPriority[i] = priorityTier(w) === 0 ? 1 : 0;
    labourerScope[i] = w.cannotLeaveHome ? SCOPE_CODES['home-county'] : SCOPE_CODES[w.mobility.scope];
    // Holdings in the order `skillsComponent` builds them: held skills, then trained ones.
    const hold = (skill: string, level: number, course: boolean, certified: boolean): void => {
      const s = skillIndex.get(skill);
      if (s === undefined) return; // neither asked for by a post nor linked to a skill that is
      holdSkill.push(s);
      holdLevel.push(level);
      holdCourse.push(course ? 1 : 0);
      holdCertified.push(certified ? 1 : 0);
    };
    for (const s of w.skills) hold(s.skill, s.level, false, s.certified);
    for (const t of w.trainings) {
      if (t.grantsSkill !== undefined) hold(t.grantsSkill, t.grantsLevel ?? 5, true, false);
    }
    holdStart[i + 1] = holdSkill.length;
    const own = skillsHeld(w);
    ownCount[i] = own.length;
    for (const skill of own) {
      const si = skillIndex.get(skill);
      if (si !== undefined) ownSkill.push(si);
    }
    ownStart[i + 1] = ownSkill.length;
    for (const d of w.mobility.preferred) {
      prefArea.push(d.kind === 'area' ? d.area : '');
      prefPark.push(d.kind === 'park' ? (parkIndex.get(d.park) ?? -2) : -1);
    }
    prefStart[i + 1] = prefArea.length;
    for (const d of w.mobility.refused) {
      refArea.push(d.kind === 'area' ? d.area : '');
      refPark.push(d.kind === 'park' ? (parkIndex.get(d.park) ?? -2) : -1);
    }
    refStart[i + 1] = refArea.length;
    for (const ei of barred.get(w.id) ?? []) barEmployer.push(ei);
    barStart[i + 1] = barEmployer.length;
    // Certificates held and valid on the as-of date (the eligibility rules' `valid` state), and
    // those held only in expired copies (`expired`).
    for (const held of w.certificates) {
      const ci = certIndex.get(held.certificate);
      if (ci === undefined) continue;
      const state = heldCertificateState(held, asOf);
      if (state === 'not-yet-issued') continue;
      const bit = 1 << (ci & 31);
      const at = i * certWords + (ci >>> 5);
      if (state === 'valid') labourerCerts[at]! |= bit;
      else labourerExpiredCerts[at]! |= bit;
    }
    for (let k = 0; k < certWords; k++)
      labourerExpiredCerts[i * certWords + k]! &= ~labourerCerts[i * certWords + k]!;
    for (const l of w.languages) {
      const li = langIndex.get(l);
      if (li !== undefined) labourerLangs[i * langWords + (li >>> 5)]! |= 1 << (li & 31);
    }
  });

  return {
    kind: 'bangfu-compiled-index',
    ...posts,
    counties: counties.ids,
    countyHomeMin,
    countyPost,
    countyFellows,
    labourerCount: W,
    labourerIds: dataset.labourers.map((w) => w.id),
    labourerCounty,
    labourerExcluded,
    labourerAge,
    labourerAvailable,
    labourerMin,
    labourerTarget,
    labourerNeedsDorm,
    labourerCannotLeave,
    labourerPriority,
    labourerScope,
    holdStart,
    holdSkill: Int32Array.from(holdSkill),
    holdLevel: Uint8Array.from(holdLevel),
    holdCourse: Uint8Array.from(holdCourse),
    holdCertified: Uint8Array.from(holdCertified),
    ownStart,
    ownSkill: Int32Array.from(ownSkill),
    ownCount,
    prefStart,
    prefArea,
    prefPark: Int32Array.from(prefPark),
    refStart,
    refArea,
    refPark: Int32Array.from(refPark),
    barStart,
    barEmployer: Int32Array.from(barEmployer),
    labourerCerts,
    labourerExpiredCerts,
    labourerLangs,
  };
}

/**
 * Compiles a dataset once into columnar typed arrays for fast, exact scoring and ranking.
 *
 * The index holds the posts (pay as net figures, dates as numbers, skills, certificates and
 * languages interned), the labourers (holdings, valid certificates, pay asks, mobility), and one
 * byte per origin county and post (origin link, near home, same prefecture or province). Scores
 * computed from it equal `scorePair` exactly and eligibility equals `checkEligibility(…).length
 * === 0`; both are held to that by property tests.
 *
 * Complexity: O(W·(h + c) + P·(r + s) + C·P) for W labourers, P posts, C distinct origin counties,
 * h holdings, c certificates, r requirements and s the cost of the post-level rules. Memory:
 * about 60 bytes per post, 80 per labourer, 1 per county and post.
 *
 * @param dataset - A validated dataset.
 * @returns The compiled index (plain data; clonable to a worker thread).
 * @throws Error if a post names an employer not in the dataset (a dataset that did not pass `parseDataset`).
 * @example
 * const index = compileIndex(ds);
 * index.postCount //=> ds.posts.length
 * index.labourerCount //=> ds.labourers.length
 */
export function compileIndex(dataset: Dataset): CompiledIndex {
  return compileLabourers(compilePosts(dataset), dataset);
}
