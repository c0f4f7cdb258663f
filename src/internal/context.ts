/**
 * Lookups derived once per dataset and cached by identity, so that rules and score components can
 * find an employer, a skill or a park in O(1) without each building its own map.
 */
import type { CertificateDefinition, Park, Policy, SkillDefinition } from '../policy/types.js';
import type { AreaCode, Dataset, Employer, EndedForCause, Labourer, ParkId, Post, Site } from '../types.js';

/** Maps over one dataset. */
export interface Context {
  readonly dataset: Dataset;
  readonly policy: Policy;
  readonly labourers: ReadonlyMap<string, Labourer>;
  readonly posts: ReadonlyMap<string, Post>;
  readonly employers: ReadonlyMap<string, Employer>;
  readonly skills: ReadonlyMap<string, SkillDefinition>;
  readonly certificates: ReadonlyMap<string, CertificateDefinition>;
  readonly parks: ReadonlyMap<string, Park>;
  /**
   * Pairs ended for cause by {@link forCauseKey}, the latest end of each pair; empty when the dataset
   * has none.
   */
  readonly endedForCause: ReadonlyMap<string, EndedForCause>;
}

/** The key of a labourer–employer pair in {@link Context.endedForCause}. */
export function forCauseKey(labourer: string, employer: string): string {
  return `${labourer}\u0000${employer}`;
}

function endedForCauseOf(dataset: Dataset): ReadonlyMap<string, EndedForCause> {
  const out = new Map<string, EndedForCause>();
  for (const end of dataset.endedForCause ?? []) {
    const key = forCauseKey(end.labourer, end.employer);
    const seen = out.get(key);
    if (seen === undefined || end.on > seen.on) out.set(key, end);
  }
  return out;
}

const cache = new WeakMap<Dataset, Context>();

function byId<T extends { readonly id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/** The cached context of a dataset (built on first use). */
export function contextOf(dataset: Dataset): Context {
  let ctx = cache.get(dataset);
  if (ctx === undefined) {
    const { policy } = dataset;
    ctx = {
      dataset,
      policy,
      labourers: byId(dataset.labourers),
      posts: byId(dataset.posts),
      employers: byId(dataset.employers),
      skills: byId(policy.skills),
      certificates: byId(policy.certificates),
      parks: byId(policy.parks),
      endedForCause: endedForCauseOf(dataset),
    };
    cache.set(dataset, ctx);
  }
  return ctx;
}

/** The division code where a site lies: a town's code, a county's code, or a park's area. */
export function siteArea(site: Site, parks: ReadonlyMap<string, Park>): AreaCode {
  switch (site.kind) {
    case 'town':
      return site.town as string as AreaCode;
    case 'county':
      return site.county as string as AreaCode;
    case 'park': {
      const park = parks.get(site.park as ParkId);
      if (park === undefined) throw new Error(`siteArea: unknown park ${site.park}`);
      return park.area;
    }
  }
}

/** A site as one key: `town:441900116`, `county:530627`, `park:guanshao`. */
export function siteKey(site: Site): string {
  switch (site.kind) {
    case 'town':
      return `town:${site.town}`;
    case 'county':
      return `county:${site.county}`;
    case 'park':
      return `park:${site.park}`;
  }
}
