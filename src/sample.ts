/**
 * Synthetic sample data on real places: labourers from the programme's partner counties, vetted
 * employers and their posts in Dongguan's towns, the co-built parks and a few origin counties.
 *
 * Everything is drawn from seeded generators ({@link createRandom}), so the same options give the
 * same dataset on every machine. People and employers are invented: names are composed from common
 * surnames and given-name characters, employer names carry the mark （样例）. Places, minimum wages,
 * the skill taxonomy and the law come from the default policy and the official division tables.
 * The county↔town pairings and the placement base in the `policy` override are illustrative (the
 * official pairing table is not published in a citable form).
 *
 * @module
 */
import { createRandom } from './internal/random.js';
import { parseDataset, type DatasetInput } from './parse.js';
import { dongguanPolicy } from './policy/dongguan.js';
import type { PlacementBase } from './policy/types.js';
import { isIsoDate } from './internal/dates.js';
import type { AreaCode, BaseId, Dataset, IsoDate, Labourer, Site, TownCode } from './types.js';
import { ILLUSTRATIVE } from './sample/tables.js';
import { catalogue, originSampler, townSampler } from './sample/draws.js';
import { makeEmployers, makePosts } from './sample/employers.js';
import { illustrativePairings, makeGroups } from './sample/groups.js';
import { type LabourerContext, type Writable, applyShowcase, makeLabourer } from './sample/labourers.js';

/** Options of {@link generateSample}. */
export interface SampleOptions {
  /**
   * How many labourers.
   * @defaultValue 300
   */
  readonly labourers?: number;
  /**
   * How many posts; about one employer is generated per five posts.
   * @defaultValue 200
   */
  readonly posts?: number;
  /**
   * The seed of the generator: the same seed gives the same dataset.
   * @defaultValue 2025
   */
  readonly seed?: number;
  /**
   * The dataset's as-of date (`YYYY-MM-DD`): ages, vetting and windows are drawn around it.
   * @defaultValue '2026-03-01'
   */
  readonly asOf?: string;
  /**
   * About what share of the labourers travel in groups (families and fellow villagers), in [0, 1];
   * 0 for none. The groups come from their own random stream: the labourers, employers and posts
   * are the same whatever the share.
   * @defaultValue 0.05
   */
  readonly groupShare?: number;
}

// ---------------------------------------------------------------------------------------------

/**
 * Generates a synthetic dataset on real places, deterministic from the seed. See the module
 * comment for what is real and what is invented.
 *
 * The first five labourers (as many as there are) are fixed showcase cases: one who cannot leave
 * home in a county a park serves, one aged 17, one with a skill from a completed training, one with
 * a high pay expectation, and one under 16. Employer `e0001` (when there are posts) is the
 * illustrative designated placement base for 镇雄县; the next employers (e0002…e0005, as many as
 * there are) are approved and each opens a safe post: one in the park serving the homebound
 * labourer's county, one asking for the trained skill, one in each other park. With 25 posts or
 * more every case is present whatever the seed.
 *
 * About `groupShare` of the labourers (5% by default) travel in groups of 2–6: families (rule
 * `same-site`, kind `family`) and fellow villagers (`same-employer`, `fellow-villagers`), the
 * members of each from one origin county and alike in mobility, so that most groups have a post
 * site or employer they could all take. The groups are drawn from a stream of their own: the
 * labourers, employers and posts of a seed are the same as without groups.
 *
 * Complexity: O(w + p) for w labourers and p posts (every draw is O(log k) over a fixed table;
 * the groups take one shuffle and one pass over the labourers).
 *
 * @param options - Sizes, seed and as-of date; see {@link SampleOptions}.
 * @returns The dataset as JSON input, ready for `parseDataset` or `JSON.stringify`.
 * @throws RangeError if a size is not a non-negative integer, `asOf` is not a real `YYYY-MM-DD`
 *   date or `groupShare` is not in [0, 1].
 * @example
 * const input = generateSample({ labourers: 10, posts: 5, seed: 1 });
 * input.labourers.length //=> 10
 * generateSample({ labourers: 10_000, posts: 2_000, seed: 5 }).groups?.length //=> 153 (501 labourers)
 * JSON.stringify(generateSample({ seed: 1 })) === JSON.stringify(generateSample({ seed: 1 })) //=> true
 */
export function generateSample(options: SampleOptions = {}): DatasetInput {
  const labourerCount = options.labourers ?? 300;
  const postCount = options.posts ?? 200;
  const seed = options.seed ?? 2025;
  const asOfText = options.asOf ?? '2026-03-01';
  if (!Number.isInteger(labourerCount) || labourerCount < 0) {
    throw new RangeError(`generateSample: labourers must be a non-negative integer, got ${labourerCount}`);
  }
  if (!Number.isInteger(postCount) || postCount < 0) {
    throw new RangeError(`generateSample: posts must be a non-negative integer, got ${postCount}`);
  }
  if (!Number.isFinite(seed))
    throw new RangeError(`generateSample: seed must be a finite number, got ${seed}`);
  if (!isIsoDate(asOfText))
    throw new RangeError(`generateSample: asOf must be a YYYY-MM-DD date, got ${asOfText}`);
  const groupShare = options.groupShare ?? 0.05;
  if (!(typeof groupShare === 'number' && groupShare >= 0 && groupShare <= 1))
    throw new RangeError(`generateSample: groupShare must be a number in [0, 1], got ${groupShare}`);
  const asOf = asOfText;

  const cat = catalogue();
  // Separate streams for employers, posts and labourers, so that changing one size leaves the
  // others' draws as they were.
  const rngEmployers = createRandom(seed);
  const rngPosts = createRandom(seed + 0x5f3759df);
  const rngLabourers = createRandom(seed + 0x2545f491);
  // Groups draw from a stream of their own, so that having them left every other draw, and so
  // every sample's labourers, employers and posts, exactly as it was without them.
  const rngGroups = createRandom(seed + 0x3c6ef372);

  const employerCount = postCount === 0 ? 0 : Math.max(1, Math.round(postCount / 5));
  const drawTownE = townSampler(rngEmployers, cat.towns);
  const drawOriginE = originSampler(rngEmployers);
  const employers = makeEmployers(rngEmployers, employerCount, asOf, cat, drawTownE, drawOriginE);
  const posts = makePosts(rngPosts, postCount, asOf, cat, employers, townSampler(rngPosts, cat.towns));

  const ctx: LabourerContext = {
    asOf,
    cat,
    drawOrigin: originSampler(rngLabourers),
    drawTown: townSampler(rngLabourers, cat.towns),
    drawSector: rngLabourers.sampler(
      cat.sectors,
      cat.sectors.map((s) => s.weight),
    ),
    special: dongguanPolicy.certificates.filter((c) => c.specialOperation),
    ordinary: dongguanPolicy.certificates.filter((c) => !c.specialOperation),
  };
  const width = Math.max(4, String(labourerCount).length);
  const labourers: Labourer[] = [];
  for (let i = 0; i < labourerCount; i++) labourers.push(makeLabourer(rngLabourers, i, width, ctx));
  const showcase = applyShowcase(rngLabourers, labourers, asOf, cat);
  const groups = makeGroups(rngGroups, labourers, asOf, groupShare, showcase);

  const baseEmployer = employers[0];
  const bases: PlacementBase[] = [
    {
      id: 'base-zhenxiong' as BaseId,
      name: {
        zh: '镇雄籍务工人员定点安置基地（示例）',
        en: 'Placement base for workers from Zhenxiong (illustrative)',
      },
      origin: '530627' as AreaCode,
      ...(baseEmployer === undefined
        ? { site: { kind: 'town', town: '441900116' as TownCode } as Site }
        : { employer: baseEmployer.employer.id, site: baseEmployer.home }),
      from: '2023-01-01' as IsoDate,
      source: ILLUSTRATIVE,
    },
  ];

  const value = {
    asOf,
    labourers,
    employers: employers.map((e) => e.employer),
    posts,
    groups,
    policy: { pairings: illustrativePairings(cat.towns), bases },
  };
  // The domain types are readonly and branded; the JSON input shape is their plain, mutable twin.
  const input: DatasetInput = value as Writable<typeof value>;
  return input;
}

export let demo: Dataset | undefined;

/**
 * The demo dataset: {@link generateSample} with its defaults (300 labourers, 200 posts, seed 2025,
 * as of 2026-03-01, 5% of the labourers in groups), parsed. Built once and cached.
 *
 * @returns The validated demo dataset (the same object on every call).
 * @example
 * demoDataset().labourers.length //=> 300
 * demoDataset().groups.length //=> 6 (15 labourers: 3 families, 3 parties of fellow villagers)
 * demoDataset() === demoDataset() //=> true
 */
export function demoDataset(): Dataset {
  demo ??= parseDataset(generateSample());
  return demo;
}
