/**
 * The origin component: how the post's site relates to the labourer's home (county, park, paired
 * town, designated base, preference, distance), fellow villagers at the employer, and language.
 *
 * @module
 */
import { areaContains, prefectureOf, provinceOf } from '../divisions.js';
import { basesFor, pairedTowns, parksServing } from '../policy/resolve.js';
import type { Policy } from '../policy/types.js';
import type { PartScore, ScoreReason } from '../reasons.js';
import type { AreaCode, Employer, IsoDate, Labourer, Post, Site } from '../types.js';
import { component, type ComponentResult } from './parts.js';

/**
 * Part weights of the origin component.
 *
 * @example
 * ORIGIN_PART_WEIGHTS.link //=> 0.7
 */
export const ORIGIN_PART_WEIGHTS = { link: 0.7, fellows: 0.2, language: 0.1 } as const;

/**
 * Fellow villagers at the employer at which the `fellows` part is full.
 *
 * @example
 * Math.min(1, 4 / FULL_FELLOWS) //=> 0.4
 */
export const FULL_FELLOWS = 10;

/**
 * The values of the `link` part, by the strongest tie between origin and site: one definition for
 * the scoring here and for the compiled index (which stores the tie as a code and reads the value
 * from this table).
 *
 * @example
 * LINK_VALUE.samePrefecture //=> 0.7
 */
export const LINK_VALUE = {
  /** Home county, a park serving the origin, a paired town or a designated base. */
  tied: 1,
  preferred: 0.9,
  samePrefecture: 0.7,
  sameProvince: 0.5,
  crossProvince: 0.2,
} as const;

/**
 * How much a preferred destination can raise the origin component at most: the link part's weight
 * times the rise from the weakest tie to a preferred one (a bound the compiled walk adds where it
 * leaves preferences out).
 */
export const PREFERRED_RISE = ORIGIN_PART_WEIGHTS.link * (LINK_VALUE.preferred - LINK_VALUE.crossProvince);

/** Whether two sites are the same place (the same town, county or park). */
export function sameSite(a: Site, b: Site): boolean {
  switch (a.kind) {
    case 'town':
      return b.kind === 'town' && b.town === a.town;
    case 'county':
      return b.kind === 'county' && b.county === a.county;
    case 'park':
      return b.kind === 'park' && b.park === a.park;
  }
}

/**
 * Whether a designated base takes a post: it names an employer, a site or both, and every one it
 * names matches the post. The one definition the compiled index uses too.
 *
 * @param base - The base.
 * @param post - The post.
 * @returns True when the post is the base's.
 */
export function baseTakes(
  base: { readonly employer?: string | undefined; readonly site?: Site | undefined },
  post: Pick<Post, 'employer' | 'site'>,
): boolean {
  return (
    (base.employer !== undefined || base.site !== undefined) &&
    (base.employer === undefined || base.employer === post.employer) &&
    (base.site === undefined || sameSite(base.site, post.site))
  );
}

/**
 * The `link` part: the strongest tie between the labourer's origin and the post's site, first in
 * this order on ties.
 */
function link(
  policy: Policy,
  asOf: IsoDate,
  labourer: Labourer,
  post: Post,
  area: AreaCode,
): [number, ScoreReason] {
  const county = labourer.originCounty;
  const { site } = post;
  if (areaContains(county, area))
    return [LINK_VALUE.tied, { code: 'origin-home-county', params: { county } }];
  if (site.kind === 'park' && parksServing(policy, county).some((p) => p.id === site.park)) {
    return [LINK_VALUE.tied, { code: 'origin-park-serves', params: { park: site.park } }];
  }
  if (site.kind === 'town' && pairedTowns(policy, county, asOf).includes(site.town)) {
    return [LINK_VALUE.tied, { code: 'origin-paired-town', params: { county, town: site.town } }];
  }
  // A base names an employer, a site or both; every one it names must match the post.
  const base = basesFor(policy, county, asOf).find((b) => baseTakes(b, post));
  if (base !== undefined)
    return [LINK_VALUE.tied, { code: 'origin-designated-base', params: { base: base.id } }];
  const preferred = labourer.mobility.preferred.find((d) =>
    d.kind === 'area' ? areaContains(d.area, area) : site.kind === 'park' && site.park === d.park,
  );
  if (preferred !== undefined) {
    return [
      LINK_VALUE.preferred,
      { code: 'origin-preferred-destination', params: { destination: preferred } },
    ];
  }
  const prefecture = prefectureOf(county);
  if (areaContains(prefecture, area))
    return [LINK_VALUE.samePrefecture, { code: 'origin-same-prefecture', params: { area: prefecture } }];
  const province = provinceOf(county);
  if (areaContains(province, area))
    return [LINK_VALUE.sameProvince, { code: 'origin-same-province', params: { area: province } }];
  return [
    LINK_VALUE.crossProvince,
    { code: 'origin-cross-province', params: { from: county as string as AreaCode, to: area } },
  ];
}

/**
 * Scores how close a post is to the labourer's home and community.
 *
 * Parts: `link`, weight 0.7: 1 if the site is in the home county (`origin-home-county`), in a park
 * serving the origin (`origin-park-serves`), in a town paired with the origin county on the as-of date
 * (`origin-paired-town`), or at a designated base for the origin (a base in force whose employer and
 * site, where stated, match the post: `origin-designated-base`); else 0.9 in a preferred destination,
 * 0.7 in the same prefecture, 0.5 in the same province, 0.2 across provinces. `fellows`, weight 0.2:
 * `min(1, count / 10)` of the programme labourers from the same county already at the employer.
 * `language`, weight 0.1: 1 if the post names no language or shares one with the labourer, else 0.
 *
 * @param policy - The programme policy (pairings, parks, bases).
 * @param asOf - The date pairings and bases are looked up on.
 * @param labourer - The labourer.
 * @param post - The post.
 * @param employer - The post's employer.
 * @param area - The division code of the post's site.
 * @returns The component value in [0, 1], its parts and reasons.
 * @example
 * originComponent(dongguanPolicy, '2026-03-01', labourer(), post(), employer(), '441900116').parts[2] //=> { part: 'language', value: 1, weight: 0.1 }
 *
 * Complexity: O(B + T + F + L) for the bases, paired towns, workforce rows and languages involved.
 */
export function originComponent(
  policy: Policy,
  asOf: IsoDate,
  labourer: Labourer,
  post: Post,
  employer: Employer,
  area: AreaCode,
): ComponentResult {
  const county = labourer.originCounty;
  const [linkValue, linkReason] = link(policy, asOf, labourer, post, area);
  const reasons: ScoreReason[] = [linkReason];

  let count = 0;
  for (const row of employer.workforceByOrigin) if (row.county === county) count += row.count;
  reasons.push(
    count > 0
      ? { code: 'origin-fellows-at-employer', params: { county, count } }
      : { code: 'origin-no-fellows-at-employer', params: { county } },
  );

  let language = 1;
  if (post.languages.length > 0) {
    const shared = post.languages.filter((l) => labourer.languages.includes(l));
    if (shared.length > 0) reasons.push({ code: 'language-shared', params: { languages: shared } });
    else {
      language = 0;
      reasons.push({
        code: 'language-not-shared',
        params: { post: post.languages, labourer: labourer.languages },
      });
    }
  }

  const parts: PartScore[] = [
    { part: 'link', value: linkValue, weight: ORIGIN_PART_WEIGHTS.link },
    {
      part: 'fellows',
      value: Math.min(1, Math.max(0, count) / FULL_FELLOWS),
      weight: ORIGIN_PART_WEIGHTS.fellows,
    },
    { part: 'language', value: language, weight: ORIGIN_PART_WEIGHTS.language },
  ];
  return component(parts, reasons);
}
