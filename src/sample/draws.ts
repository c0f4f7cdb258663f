/**
 * The sample's draws built once per call from the policy and the tables: origins, towns, skills, titles, names.
 *
 * @module
 */
import { countiesIn, divisionName, dongguanTowns } from '../divisions.js';
import { zipfWeights, type Random } from '../internal/random.js';
import { dongguanPolicy } from '../policy/dongguan.js';
import { parksServing } from '../policy/resolve.js';
import type { CertificateDefinition, Park, SkillDefinition, TrainingCourse } from '../policy/types.js';
import type { CountyCode, Gender, OccupationCode, SkillId, TownCode } from '../types.js';
import {
  GIVEN_ANY,
  GIVEN_FEMALE,
  GIVEN_MALE,
  ORIGIN_REGIONS,
  OTHER_ORIGIN_PREFIXES,
  OTHER_ORIGIN_WEIGHT,
  REGIONAL_SURNAMES,
  SECTORS,
  SURNAMES,
  type Sector,
  TITLES,
  TOWN_WEIGHTS,
} from './tables.js';

// ---------------------------------------------------------------------------------------------
// Draws built once per call from the policy and the tables

export interface Catalogue {
  readonly skills: ReadonlyMap<string, SkillDefinition>;
  readonly certificates: ReadonlyMap<string, CertificateDefinition>;
  readonly sectors: readonly Sector[];
  readonly occupations: readonly OccupationCode[];
  readonly parks: readonly Park[];
  readonly towns: readonly TownCode[];
  /** The home county of the showcase labourer who cannot leave home: one a park serves. */
  readonly homeboundCounty: CountyCode;
  /**
   * The fixed employers after the base (e0002, e0003…): the park serving the homebound county,
   * the trained skill's employer, then the other parks, so that even a small sample shows them.
   */
  readonly showcaseSlots: readonly (
    { readonly kind: 'park'; readonly park: Park } | { readonly kind: 'trained' }
  )[];
  /** The first training course whose granted skill some sector asks for (auto repair by default). */
  readonly trained?: { readonly course: TrainingCourse; readonly skill: SkillId; readonly sector: Sector };
}

export function catalogue(): Catalogue {
  const policy = dongguanPolicy;
  const skills = new Map(policy.skills.map((s) => [s.id as string, s]));
  const certificates = new Map(policy.certificates.map((c) => [c.id as string, c]));
  let sectors = SECTORS.map((s) => ({ ...s, skills: s.skills.filter((id) => skills.has(id)) })).filter(
    (s) => s.skills.length > 0,
  );
  if (sectors.length === 0) {
    // A taxonomy the sector table does not know: one sector asking for any of its skills.
    sectors = [{ name: '制造厂', weight: 1, skills: [...skills.keys()], manufacturing: true }];
  }
  const occupations = [
    ...new Set(policy.skills.flatMap((s) => (s.occupation === undefined ? [] : [s.occupation]))),
  ];
  let trained: Catalogue['trained'];
  for (const course of policy.trainings) {
    const skill = course.grantsSkills[0]?.skill;
    const sector = sectors.find((s) => skill !== undefined && s.skills.includes(skill));
    if (skill !== undefined && sector !== undefined) {
      trained = { course, skill, sector };
      break;
    }
  }
  const homeboundCounty = (['530627', '440232', '659003'].find(
    (c) => parksServing(policy, c as CountyCode).length > 0,
  ) ?? '530627') as CountyCode;
  const homePark = parksServing(policy, homeboundCounty)[0];
  const showcaseSlots: Catalogue['showcaseSlots'] = [
    ...(homePark === undefined ? [] : [{ kind: 'park' as const, park: homePark }]),
    ...(trained === undefined ? [] : [{ kind: 'trained' as const }]),
    ...policy.parks.filter((p) => p !== homePark).map((park) => ({ kind: 'park' as const, park })),
  ];
  return {
    skills,
    certificates,
    sectors,
    occupations,
    parks: policy.parks,
    towns: dongguanTowns(),
    homeboundCounty,
    showcaseSlots,
    ...(trained === undefined ? {} : { trained }),
  };
}

export function originSampler(rng: Random): () => CountyCode {
  const counties: CountyCode[] = [];
  const weights: number[] = [];
  const add = (prefix: string, regionWeight: number, heavy: Readonly<Record<string, number>> = {}): void => {
    const inRegion = countiesIn(prefix).filter((c) => divisionName(c) !== '市辖区');
    const raw = inRegion.map((c) => heavy[c] ?? 1);
    const total = raw.reduce((a, b) => a + b, 0);
    inRegion.forEach((c, i) => {
      counties.push(c);
      weights.push((regionWeight * raw[i]!) / total);
    });
  };
  for (const region of ORIGIN_REGIONS) add(region.prefix, region.weight, region.heavy);
  for (const prefix of OTHER_ORIGIN_PREFIXES) add(prefix, OTHER_ORIGIN_WEIGHT / OTHER_ORIGIN_PREFIXES.length);
  return rng.sampler(counties, weights);
}

export function townSampler(rng: Random, towns: readonly TownCode[]): () => TownCode {
  return rng.sampler(
    towns,
    towns.map((t) => TOWN_WEIGHTS[t] ?? 1),
  );
}

/** Within a sector the first skills are asked for most (Zipf-like). */
export function skillInSector(rng: Random, sector: Sector): SkillId {
  return rng.weightedPick(sector.skills, zipfWeights(sector.skills.length, 1.1)) as SkillId;
}

/**
 * The occupation a post of a skill names: the skill's own 职业分类大典 code; else that of the first
 * skill of the same sector that has one (a trade of the same workshop); else any code the taxonomy
 * carries, stable per skill.
 */
export function occupationFor(skill: SkillId, cat: Catalogue, sector: Sector): OccupationCode {
  const own = cat.skills.get(skill)?.occupation;
  if (own !== undefined) return own;
  for (const other of sector.skills) {
    const code = cat.skills.get(other)?.occupation;
    if (code !== undefined) return code;
  }
  if (cat.occupations.length === 0) {
    throw new Error('generateSample: the policy names no occupation code for any skill');
  }
  let h = 0;
  for (const ch of skill) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return cat.occupations[(h >>> 0) % cat.occupations.length]!;
}

export function titleFor(skill: SkillId | undefined, cat: Catalogue): string {
  if (skill === undefined) return '普工';
  return TITLES[skill] ?? `${cat.skills.get(skill)?.name.zh ?? skill}工`;
}

export function round100(x: number): number {
  return Math.round(x / 100) * 100;
}

export function padId(prefix: string, i: number, width: number): string {
  return `${prefix}${String(i + 1).padStart(width, '0')}`;
}

export function personName(rng: Random, county: string, gender: Gender | undefined): string {
  const regional = REGIONAL_SURNAMES.find((r) => county.startsWith(r.prefix));
  const surname =
    regional !== undefined && rng.chance(regional.share)
      ? rng.pick([...regional.surnames])
      : rng.pick(SURNAMES);
  const pool = gender === 'female' ? GIVEN_FEMALE : gender === 'male' ? GIVEN_MALE : GIVEN_ANY;
  const given = rng.chance(0.7) ? rng.pick(GIVEN_ANY) + rng.pick(pool) : rng.pick(pool);
  return surname + given;
}
