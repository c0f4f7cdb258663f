import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { divisionName, dongguanTowns } from '../src/divisions.js';
import { compileIndex } from '../src/compile.js';
import { groupOptions, typedGroups } from '../src/internal/plan-groups.js';
import { walkPlanner } from '../src/internal/planner.js';
import { ageOn } from '../src/internal/dates.js';
import { parseDataset } from '../src/parse.js';
import { dongguanPolicy } from '../src/policy/dongguan.js';
import { minimumWageAt, parksServing } from '../src/policy/resolve.js';
import { demoDataset, generateSample } from '../src/sample.js';
import type { Dataset, Labourer, Post } from '../src/types.js';

const PARTNER_PREFIXES = [
  '5306',
  '6229',
  '433124',
  '433130',
  '420322',
  '4512',
  '659003',
  '4402',
  '4453',
  '4452',
];
const inPartnerRegion = (county: string): boolean => PARTNER_PREFIXES.some((p) => county.startsWith(p));
const share = <T>(items: readonly T[], test: (x: T) => boolean): number =>
  items.filter(test).length / Math.max(1, items.length);

describe('generateSample', () => {
  it('gives the same dataset for the same options', () => {
    const a = generateSample({ labourers: 120, posts: 60, seed: 7 });
    const b = generateSample({ labourers: 120, posts: 60, seed: 7 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a).toEqual(b);
  });

  it('gives a different dataset for a different seed', () => {
    const a = generateSample({ labourers: 50, posts: 30, seed: 1 });
    const b = generateSample({ labourers: 50, posts: 30, seed: 2 });
    expect(JSON.stringify(a.labourers)).not.toBe(JSON.stringify(b.labourers));
    expect(JSON.stringify(a.posts)).not.toBe(JSON.stringify(b.posts));
  });

  it('has the defaults of the demo: 300 labourers, 200 posts, as of 2026-03-01', () => {
    const input = generateSample();
    expect(input.labourers).toHaveLength(300);
    expect(input.posts).toHaveLength(200);
    expect(input.asOf).toBe('2026-03-01');
    expect(input.employers.length).toBe(40);
  });

  it.each([
    [0, 0],
    [0, 5],
    [1, 0],
    [1, 1],
    [3, 2],
    [1000, 400],
  ])('makes a valid dataset of %i labourers and %i posts', (labourers, posts) => {
    const dataset = parseDataset(generateSample({ labourers, posts, seed: 99 }));
    expect(dataset.labourers).toHaveLength(labourers);
    expect(dataset.posts).toHaveLength(posts);
    expect(dataset.employers.length).toBe(posts === 0 ? 0 : Math.max(1, Math.round(posts / 5)));
  });

  it('keeps every id unique', () => {
    const input = generateSample({ labourers: 2000, posts: 500, seed: 3 });
    for (const list of [input.labourers, input.employers, input.posts]) {
      expect(new Set(list.map((x) => x.id)).size).toBe(list.length);
    }
  });

  it('places the as-of date where it is asked', () => {
    const dataset = parseDataset(generateSample({ labourers: 20, posts: 10, asOf: '2025-06-15' }));
    expect(dataset.asOf).toBe('2025-06-15');
  });

  it('refuses sizes, seeds and dates it cannot use', () => {
    expect(() => generateSample({ labourers: -1 })).toThrow(/labourers/);
    expect(() => generateSample({ posts: 1.5 })).toThrow(/posts/);
    expect(() => generateSample({ seed: Number.NaN })).toThrow(/seed/);
    expect(() => generateSample({ asOf: '2026-02-30' })).toThrow(/asOf/);
  });

  it('does not depend on the number of posts for its labourers, nor on the number of labourers for its posts', () => {
    const a = generateSample({ labourers: 40, posts: 10, seed: 5 });
    const b = generateSample({ labourers: 40, posts: 10, seed: 5 });
    const c = generateSample({ labourers: 80, posts: 10, seed: 5 });
    expect(c.posts).toEqual(a.posts);
    expect(c.labourers.slice(5, 40)).toEqual(b.labourers.slice(5, 40));
  });
});

describe('the showcase labourers', () => {
  const check = (dataset: Dataset): void => {
    const age = (w: Labourer): number => ageOn(w.birthDate, dataset.asOf);
    const homebound = dataset.labourers.find(
      (w) => w.cannotLeaveHome && parksServing(dataset.policy, w.originCounty).length > 0,
    );
    expect(homebound).toBeDefined();
    expect(dataset.labourers.some((w) => age(w) === 17)).toBe(true);
    expect(dataset.labourers.some((w) => age(w) < 16)).toBe(true);
    expect(dataset.labourers.some((w) => w.pay.minMonthly >= 5000 && w.pay.targetMonthly >= 7000)).toBe(true);
    const trained = dataset.labourers.find((w) =>
      w.trainings.some(
        (t) =>
          t.grantsSkill !== undefined &&
          !w.skills.some((s) => s.skill === t.grantsSkill) &&
          dataset.posts.some((p) => p.requiredSkills.some((r) => r.skill === t.grantsSkill)),
      ),
    );
    expect(trained).toBeDefined();
  };

  it('are in the demo dataset', () => {
    check(demoDataset());
  });

  it.each([1, 2, 3, 1234567])('are there whatever the seed (%i)', (seed) => {
    check(parseDataset(generateSample({ labourers: 30, posts: 20, seed })));
  });

  it('train in auto repair by default, as the programme does', () => {
    const dataset = demoDataset();
    const w = dataset.labourers.find((x) => x.trainings.some((t) => t.course === 'auto-repair-zhaotong'));
    expect(w?.trainings[0]?.grantsSkill).toBe('auto-repair');
  });
});

describe('demoDataset', () => {
  it('is the parsed default sample, built once', () => {
    expect(demoDataset()).toBe(demoDataset());
    expect(demoDataset().labourers).toHaveLength(300);
    expect(demoDataset().policy.pairings.length).toBeGreaterThan(0);
  });

  it('has groups: families and fellow villagers, 5% of its labourers', () => {
    const { groups } = demoDataset();
    expect(groups).toEqual([
      { id: 'g0001', members: ['w0037', 'w0017'], rule: 'same-site', kind: 'family' },
      { id: 'g0002', members: ['w0056', 'w0028', 'w0046'], rule: 'same-employer', kind: 'fellow-villagers' },
      { id: 'g0003', members: ['w0163', 'w0049'], rule: 'same-site', kind: 'family' },
      { id: 'g0004', members: ['w0229', 'w0006', 'w0062'], rule: 'same-employer', kind: 'fellow-villagers' },
      { id: 'g0005', members: ['w0243', 'w0199', 'w0292'], rule: 'same-site', kind: 'family' },
      { id: 'g0006', members: ['w0300', 'w0064'], rule: 'same-employer', kind: 'fellow-villagers' },
    ]);
    expect(groups.flatMap((g) => g.members)).toHaveLength(15);
  });
});

describe('the groups of a sample', () => {
  /** SHA-256 of the sample's JSON without its groups. */
  const withoutGroups = (options: Parameters<typeof generateSample>[0]): string => {
    const { groups: _groups, ...rest } = generateSample(options);
    return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
  };

  it.each<[Parameters<typeof generateSample>[0], string]>([
    [{}, '0c68f8b6d727cee3464d82eb971ed717062d8daeda77b5a2f88cf680c45bcfab'],
    [
      { labourers: 60, posts: 30, seed: 7 },
      '998121c5c469eb39d277349fd6723cca4ce72d28d58dbf534b4a656bc441774e',
    ],
    [
      { labourers: 10_000, posts: 2_000, seed: 5 },
      '5c132748e95ba783aa47c693e69838277fd0bd39ea8cdd451a6b874834a0c82f',
    ],
    [
      { labourers: 1, posts: 0, seed: -3 },
      '426bc21221769bc2d50e0442d6bd05119563e443598331cc850598ad1f60f5cb',
    ],
    [
      { labourers: 500, posts: 100, seed: 2 ** 40, asOf: '2024-02-29' },
      '827299e447f43963c1659e48bc089a90b4835f83bd71972d19c31675b4b82bf7',
    ],
  ])('leave every other byte of the sample as it was before groups existed (%j)', (options, digest) => {
    // The digests are of whole samples as generated before groups were added.
    expect(withoutGroups(options)).toBe(digest);
  });

  it('come out the same for the same seed, and none with groupShare 0', () => {
    const a = generateSample({ labourers: 2000, posts: 300, seed: 9 });
    const b = generateSample({ labourers: 2000, posts: 300, seed: 9 });
    expect(a.groups).toEqual(b.groups);
    const none = generateSample({ labourers: 2000, posts: 300, seed: 9, groupShare: 0 });
    expect(none.groups).toEqual([]);
    const { groups: _a, ...restA } = a;
    const { groups: _n, ...restN } = none;
    expect(JSON.stringify(restN)).toBe(JSON.stringify(restA));
  });

  it('number 153 of 2–6 labourers, 501 in all, at 10,000 labourers with seed 5, and each has a common option', () => {
    const input = generateSample({ labourers: 10_000, posts: 2_000, seed: 5 });
    const groups = input.groups ?? [];
    const count = (test: (g: (typeof groups)[number]) => boolean): number => groups.filter(test).length;
    expect(groups).toHaveLength(153);
    expect(groups.reduce((n, g) => n + g.members.length, 0)).toBe(501);
    expect([2, 3, 4, 5, 6].map((k) => count((g) => g.members.length === k))).toEqual([53, 44, 25, 23, 8]);
    expect(count((g) => g.kind === 'family' && g.rule === 'same-site')).toBe(90);
    expect(count((g) => g.kind === 'fellow-villagers' && g.rule === 'same-employer')).toBe(63);
    // Whether every member could be placed there alone: the planner's own group options.
    const dataset = parseDataset(input);
    const index = compileIndex(dataset);
    const planner = walkPlanner(index, 0);
    expect(
      typedGroups(index, dataset.groups)
        .filter((g) => groupOptions(dataset, planner, g).length === 0)
        .map((g) => g.group.id),
    ).toEqual([]);
  });

  it('take about the share asked for', () => {
    for (const groupShare of [0.01, 0.05, 0.2]) {
      const groups = generateSample({ labourers: 20_000, posts: 100, seed: 3, groupShare }).groups ?? [];
      const members = groups.reduce((n, g) => n + g.members.length, 0);
      expect(members).toBeGreaterThanOrEqual(groupShare * 20_000);
      expect(members).toBeLessThan(groupShare * 20_000 + 6);
    }
  });

  it('refuse a share outside [0, 1]', () => {
    for (const groupShare of [-0.1, 1.5, Number.NaN])
      expect(() => generateSample({ groupShare })).toThrow(/groupShare/);
  });
});

describe('the distributions', () => {
  const dataset = parseDataset(generateSample({ labourers: 3000, posts: 1000, seed: 11 }));
  const labourers = dataset.labourers.slice(5); // leave out the fixed showcase cases
  const age = (w: Labourer): number => ageOn(w.birthDate, dataset.asOf);

  it('draws most labourers from the partner regions, Zhaotong most of all', () => {
    expect(share(labourers, (w) => inPartnerRegion(w.originCounty))).toBeGreaterThan(0.9);
    const byPrefecture = new Map<string, number>();
    for (const w of labourers) {
      const key = w.originCounty.slice(0, 4);
      byPrefecture.set(key, (byPrefecture.get(key) ?? 0) + 1);
    }
    const top = [...byPrefecture].sort((a, b) => b[1] - a[1])[0]!;
    expect(top[0]).toBe('5306');
    // Skewed to a few counties: 镇雄 alone is more than any whole small region.
    expect(share(labourers, (w) => w.originCounty === '530627')).toBeGreaterThan(0.08);
  });

  it('uses real county codes only', () => {
    expect(labourers.every((w) => divisionName(w.originCounty) !== undefined)).toBe(true);
  });

  it('registers most households, monitors some', () => {
    expect(share(labourers, (w) => w.household === 'registered')).toBeGreaterThan(0.6);
    expect(share(labourers, (w) => w.household === 'monitored')).toBeGreaterThan(0.08);
    expect(share(labourers, (w) => w.household === 'other')).toBeLessThan(0.15);
  });

  it('keeps ages between 15 and 62, with few minors and fewer under 16', () => {
    const ages = labourers.map(age);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(15);
    expect(Math.max(...ages)).toBeLessThanOrEqual(62);
    expect(share(ages, (a) => a < 18)).toBeLessThan(0.08);
    expect(share(ages, (a) => a < 16)).toBeLessThan(0.02);
    expect(share(ages, (a) => a >= 25 && a < 45)).toBeGreaterThan(0.4);
  });

  it('has about 8% who cannot leave home, and they keep to the home county', () => {
    const homebound = labourers.filter((w) => w.cannotLeaveHome);
    expect(homebound.length / labourers.length).toBeGreaterThan(0.05);
    expect(homebound.length / labourers.length).toBeLessThan(0.12);
    expect(homebound.every((w) => w.mobility.scope === 'home-county' && !w.needsDormitory)).toBe(true);
    expect(
      share(labourers, (w) => w.mobility.scope === 'anywhere' || w.mobility.scope === 'home-province'),
    ).toBeGreaterThan(0.6);
  });

  it('draws skill levels mostly 5 and 4, and holds special-operation certificates only for adults', () => {
    const levels = labourers.flatMap((w) => w.skills.map((s) => s.level));
    expect(share(levels, (l) => l >= 4)).toBeGreaterThan(0.8);
    const special = new Set(dongguanPolicy.certificates.filter((c) => c.specialOperation).map((c) => c.id));
    const holders = labourers.filter((w) => w.certificates.some((c) => special.has(c.certificate)));
    expect(holders.length).toBeGreaterThan(0);
    expect(holders.every((w) => age(w) >= 18)).toBe(true);
  });

  it('skews skill popularity: the commonest skill is held far more than the median one', () => {
    const counts = new Map<string, number>();
    for (const w of labourers) for (const s of w.skills) counts.set(s.skill, (counts.get(s.skill) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    expect(sorted[0]!).toBeGreaterThan(3 * sorted[Math.floor(sorted.length / 2)]!);
  });

  it('keeps pay expectations between 2,500 and 5,000 with the target above', () => {
    expect(labourers.every((w) => w.pay.minMonthly >= 2500 && w.pay.minMonthly <= 5000)).toBe(true);
    expect(labourers.every((w) => w.pay.targetMonthly > w.pay.minMonthly)).toBe(true);
  });

  it('records minority languages only where they are spoken', () => {
    const ug = labourers.filter((w) => w.languages.includes('ug'));
    expect(ug.length).toBeGreaterThan(0);
    expect(ug.every((w) => w.originCounty === '659003')).toBe(true);
    expect(labourers.every((w) => w.languages[0] === 'zh')).toBe(true);
  });

  it('approves most employers, leaving a few pending, revoked or expired', () => {
    const { employers } = dataset;
    const valid = (e: (typeof employers)[number]): boolean =>
      e.vetting.status === 'approved' && e.vetting.validUntil >= dataset.asOf;
    expect(share(employers, valid)).toBeGreaterThan(0.75);
    expect(employers.some((e) => e.vetting.status === 'pending')).toBe(true);
    expect(employers.some((e) => e.vetting.status === 'revoked')).toBe(true);
    expect(
      employers.some((e) => e.vetting.status === 'approved' && e.vetting.validUntil < dataset.asOf),
    ).toBe(true);
    expect(employers.some((e) => e.trackRecord !== undefined)).toBe(true);
    expect(employers.some((e) => e.workforceByOrigin.length > 0)).toBe(true);
  });

  const posts: readonly Post[] = dataset.posts;
  it('sites posts in real Dongguan towns, the three parks and a few origin counties', () => {
    const towns = new Set<string>(dongguanTowns());
    const parks = new Set<string>(dongguanPolicy.parks.map((p) => p.id));
    for (const p of posts) {
      if (p.site.kind === 'town') expect(towns.has(p.site.town)).toBe(true);
      else if (p.site.kind === 'park') expect(parks.has(p.site.park)).toBe(true);
      else expect(divisionName(p.site.county)).toBeDefined();
    }
    expect(share(posts, (p) => p.site.kind === 'town')).toBeGreaterThan(0.6);
    expect(new Set(posts.flatMap((p) => (p.site.kind === 'park' ? [p.site.park] : []))).size).toBe(3);
    expect(posts.some((p) => p.site.kind === 'county')).toBe(true);
  });

  it('pays above the site minimum wage, and at least 2,080 where none is known', () => {
    const parks = new Map(dongguanPolicy.parks.map((p) => [p.id as string, p.area as string]));
    for (const p of posts) {
      const area =
        p.site.kind === 'town'
          ? p.site.town
          : p.site.kind === 'county'
            ? p.site.county
            : parks.get(p.site.park)!;
      const floor = minimumWageAt(dataset.policy, area, dataset.asOf)?.monthly ?? 2080;
      const base = p.pay.kind === 'monthly' ? p.pay.baseMonthly : p.pay.guaranteedMonthly;
      expect(base).toBeGreaterThan(floor);
      expect(p.pay.expectedMonthly).toBeGreaterThanOrEqual(base);
    }
    expect(posts.some((p) => p.pay.kind === 'piece-rate')).toBe(true);
  });

  it('names occupations the taxonomy carries and titles that fit the skill', () => {
    const codes = new Set(
      dongguanPolicy.skills.flatMap((s) => (s.occupation === undefined ? [] : [s.occupation])),
    );
    expect(posts.every((p) => codes.has(p.occupation))).toBe(true);
    const welders = posts.filter((p) => p.requiredSkills[0]?.skill === 'welding');
    expect(welders.length).toBeGreaterThan(0);
    expect(welders.every((p) => p.title === '电焊工')).toBe(true);
  });

  it('offers dormitories for most, capacities 1–20 skewed small, some hazardous, most windows open', () => {
    expect(share(posts, (p) => p.dormitory.provided)).toBeGreaterThan(0.7);
    expect(posts.every((p) => p.openings >= 1 && p.openings <= 20 && p.filled <= p.openings)).toBe(true);
    expect(share(posts, (p) => p.openings <= 5)).toBeGreaterThan(0.5);
    expect(share(posts, (p) => p.hazardous)).toBeGreaterThan(0.02);
    expect(posts.some((p) => p.requiredCertificates.length > 0)).toBe(true);
    expect(
      share(posts, (p) => p.window.opens <= dataset.asOf && dataset.asOf <= p.window.closes),
    ).toBeGreaterThan(0.75);
  });

  it('pairs each main origin county with 4–6 towns (illustrative) and names one placement base', () => {
    const { pairings, bases } = dataset.policy;
    expect(pairings.length).toBeGreaterThanOrEqual(10);
    for (const p of pairings) {
      expect(p.towns.length).toBeGreaterThanOrEqual(4);
      expect(p.towns.length).toBeLessThanOrEqual(6);
      expect(p.source.confidence).toBe('illustrative');
    }
    expect(bases).toHaveLength(1);
    expect(bases[0]!.employer).toBe('e0001');
  });
});
