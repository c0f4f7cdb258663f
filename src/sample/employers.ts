/**
 * The sample's employers and their posts.
 *
 * @module
 */
import { divisionName } from '../divisions.js';
import { zipfWeights, type Random } from '../internal/random.js';
import { dongguanPolicy } from '../policy/dongguan.js';
import { minimumWageAt } from '../policy/resolve.js';
import type { Park } from '../policy/types.js';
import type {
  CertificateId,
  CountyCode,
  Employer,
  EmployerId,
  IsoDate,
  ParkId,
  Post,
  PostPay,
  Provision,
  Site,
  SkillId,
  SkillLevel,
  SkillRequirement,
  TownCode,
  VettingCriterion,
} from '../types.js';
import { addDays } from './calendar.js';
import { EMPLOYER_WORDS, SKILL_DEMANDS, type Sector } from './tables.js';
import { type Catalogue, occupationFor, padId, round100, skillInSector, titleFor } from './draws.js';

// ---------------------------------------------------------------------------------------------
// Employers and posts

interface EmployerDraft {
  readonly employer: Employer;
  readonly sector: Sector;
  readonly home: Site;
  /** A fixed case the demo relies on: a park's employer, or one asking for the trained skill. */
  readonly showcase?: 'park' | 'trained';
}

function siteArea(site: Site, parks: readonly Park[]): string {
  switch (site.kind) {
    case 'town':
      return site.town;
    case 'county':
      return site.county;
    case 'park':
      return parks.find((p) => p.id === site.park)?.area ?? '';
  }
}

function siteLabel(site: Site, parks: readonly Park[]): string {
  switch (site.kind) {
    case 'town':
      return (divisionName(site.town) ?? '').replace(/(街道|镇)$/, '');
    case 'county':
      return (divisionName(site.county) ?? '').replace(/(县|市|区|自治县)$/, '');
    case 'park':
      return parks.find((p) => p.id === site.park)?.name.zh ?? '';
  }
}

export function makeEmployers(
  rng: Random,
  count: number,
  asOf: IsoDate,
  cat: Catalogue,
  drawTown: () => TownCode,
  drawOrigin: () => CountyCode,
): EmployerDraft[] {
  const drawSector = rng.sampler(
    cat.sectors,
    cat.sectors.map((s) => s.weight),
  );
  const width = Math.max(4, String(count).length);
  const all: VettingCriterion[] = ['well-managed', 'suitable-posts', 'good-pay', 'socially-responsible'];
  const out: EmployerDraft[] = [];
  const manufacturing = cat.sectors.find((s) => s.manufacturing) ?? cat.sectors[0]!;
  for (let i = 0; i < count; i++) {
    // Fixed cases, whatever the seed: e0001 is the designated base (an approved employer in a
    // Dongguan town), then one approved factory in each park, then an approved employer of the
    // sector that asks for the skill the first training course grants.
    const slot = i >= 1 ? cat.showcaseSlots[i - 1] : undefined;
    const park = slot?.kind === 'park' ? slot.park : undefined;
    const trained = slot?.kind === 'trained' ? cat.trained : undefined;
    const showcase = park !== undefined ? 'park' : trained !== undefined ? 'trained' : undefined;
    const drawn = drawSector();
    const sector = trained?.sector ?? (park !== undefined && !drawn.manufacturing ? manufacturing : drawn);
    const where = rng.float();
    let home: Site;
    if (park !== undefined) home = { kind: 'park', park: park.id };
    else if (i === 0 || trained !== undefined || where < 0.65 || !sector.manufacturing) {
      home = { kind: 'town', town: drawTown() };
    } else if (where < 0.9 && cat.parks.length > 0) home = { kind: 'park', park: rng.pick(cat.parks).id };
    else home = { kind: 'county', county: drawOrigin() };

    const drawnStatus = rng.float();
    const status = i === 0 || showcase !== undefined ? 0 : drawnStatus;
    let vetting: Employer['vetting'];
    if (status < 0.88) {
      const vettedOn = addDays(asOf, -rng.int(20, 700));
      vetting = {
        status: 'approved',
        criteria: rng.chance(0.7) ? all : rng.sample(all, 3).sort((a, b) => all.indexOf(a) - all.indexOf(b)),
        vettedOn,
        validUntil: addDays(vettedOn, 730),
      };
    } else if (status < 0.93) {
      const vettedOn = addDays(asOf, -rng.int(5, 60));
      vetting = {
        status: 'pending',
        criteria: rng.sample(all, rng.int(1, 2)).sort((a, b) => all.indexOf(a) - all.indexOf(b)),
        vettedOn,
        validUntil: addDays(vettedOn, 730),
      };
    } else if (status < 0.96) {
      const vettedOn = addDays(asOf, -rng.int(200, 700));
      vetting = {
        status: 'revoked',
        criteria: rng.sample(all, 2).sort((a, b) => all.indexOf(a) - all.indexOf(b)),
        vettedOn,
        validUntil: addDays(vettedOn, 730),
      };
    } else {
      // Approved once, but the approval ran out before the as-of date.
      const vettedOn = addDays(asOf, -rng.int(760, 1000));
      vetting = { status: 'approved', criteria: all, vettedOn, validUntil: addDays(vettedOn, 730) };
    }

    const trackRecord = rng.chance(0.6)
      ? (() => {
          const placements = Math.max(3, Math.round(3 + 200 * Math.pow(rng.float(), 2.5)));
          const rate = 0.45 + 0.5 * rng.float();
          return { placements, retainedSixMonths: Math.round(placements * rate) };
        })()
      : undefined;

    const workforce = new Map<string, number>();
    if (i === 0) workforce.set('530627', 25);
    if (rng.chance(0.4)) {
      const entries = rng.int(1, 3);
      for (let k = 0; k < entries; k++) {
        const county = drawOrigin();
        workforce.set(
          county,
          (workforce.get(county) ?? 0) + Math.max(1, Math.round(40 * Math.pow(rng.float(), 2))),
        );
      }
    }

    const label =
      home.kind === 'county'
        ? `${siteLabel(home, cat.parks)}帮扶车间`
        : `${siteLabel(home, cat.parks)}${rng.pick(EMPLOYER_WORDS)}${sector.name}`;
    const employer: Employer = {
      id: padId('e', i, width) as EmployerId,
      name: `${label}（样例）`,
      vetting,
      ...(trackRecord === undefined ? {} : { trackRecord }),
      workforceByOrigin: [...workforce].map(([county, n]) => ({ county: county as CountyCode, count: n })),
    };
    out.push({ employer, sector, home, ...(showcase === undefined ? {} : { showcase }) });
  }
  return out;
}

function provision(rng: Random, share: number, costs: readonly number[]): Provision {
  if (!rng.chance(share)) return { provided: false, monthlyCost: 0 };
  return { provided: true, monthlyCost: rng.pick(costs) };
}

export function makePosts(
  rng: Random,
  count: number,
  asOf: IsoDate,
  cat: Catalogue,
  employers: readonly EmployerDraft[],
  drawTown: () => TownCode,
): Post[] {
  if (employers.length === 0) return [];
  // A few large employers post much; most post one or two.
  const drawEmployer = rng.sampler(employers, zipfWeights(employers.length, 0.6));
  const drawOpenings = rng.sampler(
    Array.from({ length: 20 }, (_, k) => k + 1),
    zipfWeights(20, 1.1),
  );
  const minimumCache = new Map<string, number>();
  const floorAt = (area: string): number => {
    let m = minimumCache.get(area);
    if (m === undefined) {
      // Where no minimum wage is known the sample still pays at least Dongguan's (2,080).
      m = minimumWageAt(dongguanPolicy, area, asOf)?.monthly ?? 2080;
      minimumCache.set(area, m);
    }
    return m;
  };
  const width = Math.max(4, String(count).length);
  const out: Post[] = [];
  for (let i = 0; i < count; i++) {
    // Every employer gets at least one post while there are posts to give.
    const draft = i < employers.length ? employers[i]! : drawEmployer();
    const { sector } = draft;
    const showcase = i < employers.length ? draft.showcase : undefined;
    const moved = rng.chance(0.1);
    const site: Site =
      draft.home.kind === 'town' && moved && showcase === undefined
        ? { kind: 'town', town: drawTown() }
        : draft.home;
    const atOrigin = site.kind !== 'town';

    // Skills asked for.
    const shape = rng.float();
    const required: SkillRequirement[] = [];
    if (shape >= 0.25) {
      const minLevel = rng.weightedPick<SkillLevel>([5, 4, 3], [70, 22, 8]);
      required.push({ skill: skillInSector(rng, sector), minLevel });
      if (shape >= 0.88) {
        const second = skillInSector(rng, sector);
        if (second !== required[0]!.skill) required.push({ skill: second, minLevel: 5 });
      }
    }
    const optional: SkillRequirement[] = [];
    if (rng.chance(0.3)) {
      const skill = skillInSector(rng, sector);
      if (!required.some((r) => r.skill === skill)) optional.push({ skill, minLevel: 5 });
    }
    const main = required[0]?.skill;
    const trainsOnJob =
      main === undefined
        ? rng.chance(0.95)
        : required[0]!.minLevel === 5
          ? rng.chance(0.5)
          : rng.chance(0.15);

    // Certificates and hazard follow the main skill.
    const demands = main === undefined ? undefined : SKILL_DEMANDS[main];
    const certificates: CertificateId[] = [];
    if (
      demands?.certificate !== undefined &&
      cat.certificates.has(demands.certificate) &&
      rng.chance(demands.certShare ?? 0)
    ) {
      certificates.push(demands.certificate as CertificateId);
    }
    const hazardous = rng.chance(demands?.hazardShare ?? 0.02);

    // Pay: above the site's minimum; more for higher levels; less near home.
    const floor = floorAt(siteArea(site, cat.parks));
    const levelBonus = required.length === 0 ? 0 : (5 - required[0]!.minLevel) * 600;
    const base = Math.max(floor + 20, round100(floor + (atOrigin ? rng.int(100, 900) : rng.int(100, 1400))));
    const uplift = round100(levelBonus + (atOrigin ? rng.int(500, 1800) : rng.int(1000, 3500)));
    const pay: PostPay = rng.chance(0.2)
      ? {
          kind: 'piece-rate',
          guaranteedMonthly: base,
          expectedMonthly: base + uplift + round100(rng.int(0, 800)),
        }
      : { kind: 'monthly', baseMonthly: base, expectedMonthly: base + uplift };

    const dormitory = provision(
      rng,
      atOrigin && site.kind === 'county' ? 0.3 : 0.92,
      [0, 0, 0, 100, 150, 200, 300],
    );
    const meals = provision(rng, 0.75, [0, 0, 200, 300, 400, 500]);

    // Openings, some already filled, a few full.
    const openings = drawOpenings();
    const fill = rng.float();
    const filled = fill < 0.03 ? openings : fill < 0.23 ? rng.int(0, openings - 1) : 0;

    // Application window: mostly open on the as-of date.
    const w = rng.float();
    let window: Post['window'];
    if (w < 0.85) window = { opens: addDays(asOf, -rng.int(0, 60)), closes: addDays(asOf, rng.int(30, 180)) };
    else if (w < 0.93) {
      const opens = addDays(asOf, rng.int(5, 60));
      window = { opens, closes: addDays(opens, rng.int(30, 120)) };
    } else {
      const closes = addDays(asOf, -rng.int(1, 60));
      window = { opens: addDays(closes, -rng.int(30, 120)), closes };
    }

    const languages =
      site.kind === 'park' && site.park === ('caohu' as ParkId) && rng.chance(0.4)
        ? ['zh', 'ug']
        : site.kind === 'town' && rng.chance(0.05)
          ? ['zh', 'yue']
          : rng.chance(0.1)
            ? ['zh']
            : [];

    const a = rng.float();
    const ageRange = a < 0.06 ? { min: 18, max: 45 } : a < 0.1 ? { max: 50 } : undefined;

    const contractMonths = rng.pick([6, 12, 12, 12, 24, 36]);

    if (showcase !== undefined) {
      // The fixed cases: an open, safe post anyone of working age may take; at a park it asks for
      // no skill, at the trained employer it asks for the trained skill.
      const skill = showcase === 'trained' ? cat.trained!.skill : undefined;
      const requiredSkills: SkillRequirement[] = skill === undefined ? [] : [{ skill, minLevel: 5 }];
      out.push({
        id: padId('p', i, width) as Post['id'],
        employer: draft.employer.id,
        title: titleFor(skill, cat),
        occupation: occupationFor(skill ?? (sector.skills[0] as SkillId), cat, sector),
        site,
        openings: Math.max(openings, 5),
        filled: 0,
        requiredSkills,
        optionalSkills: [],
        requiredCertificates: [],
        trainsOnJob: true,
        pay,
        dormitory: { provided: true, monthlyCost: 0 },
        meals,
        contractMonths,
        hazardous: false,
        window: { opens: addDays(asOf, -20), closes: addDays(asOf, 100) },
        languages: [],
      });
      continue;
    }

    out.push({
      id: padId('p', i, width) as Post['id'],
      employer: draft.employer.id,
      title: titleFor(main, cat),
      occupation: occupationFor(main ?? (sector.skills[0] as SkillId), cat, sector),
      site,
      openings,
      filled,
      requiredSkills: required,
      optionalSkills: optional,
      requiredCertificates: certificates,
      trainsOnJob,
      pay,
      dormitory,
      meals,
      contractMonths,
      ...(ageRange === undefined ? {} : { ageRange }),
      hazardous,
      window,
      languages,
    });
  }
  return out;
}
