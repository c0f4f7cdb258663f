/**
 * fast-check arbitraries of valid domain objects and whole datasets, built on the builders of
 * `build.ts`, for property tests of scoring and ranking.
 */
import fc from 'fast-check';
import { dongguanPolicy } from '../../src/policy/dongguan.js';
import type { Policy } from '../../src/policy/types.js';
import type {
  AreaCode,
  BaseId,
  CertificateId,
  CountyCode,
  Dataset,
  Destination,
  Employer,
  EmployerId,
  HeldSkill,
  HouseholdStatus,
  IsoDate,
  Labourer,
  MobilityScope,
  ParkId,
  Post,
  PostId,
  Site,
  SkillId,
  SkillLevel,
  SkillRequirement,
  TownCode,
  VettingCriterion,
  LabourerId,
} from '../../src/types.js';
import { AS_OF, TANGXIA, ZHENXIONG, employer, labourer, post } from './build.js';

const iso = (d: Date): IsoDate => d.toISOString().slice(0, 10) as IsoDate;

/** A real calendar date between two dates, both inclusive. */
export const dateArb = (min: string, max: string): fc.Arbitrary<IsoDate> =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map(iso);

/** Origin counties: Zhaotong (2), Shaoguan (with a minimum wage in the default policy), Linxia, Huayuan. */
export const COUNTIES = ['530627', '530621', '440204', '622926', '433124'].map((c) => c as CountyCode);

/** Sites in Dongguan towns, origin counties and the co-built parks. */
export const SITES: readonly Site[] = [
  { kind: 'town', town: TANGXIA },
  { kind: 'town', town: '441900110' as TownCode },
  ...COUNTIES.map((county): Site => ({ kind: 'county', county })),
  ...['guanshao', 'caohu', 'yuedian'].map((p): Site => ({ kind: 'park', park: p as ParkId })),
];

/** Skills of the default taxonomy with links between them, and one outside it. */
export const SKILLS = [
  'electronics-assembly',
  'smt-operation',
  'hand-soldering',
  'welding',
  'machine-maintenance',
  'packaging',
  'parcel-sorting',
  'cooking',
  'not-in-taxonomy',
].map((s) => s as SkillId);

const LANGUAGES = ['zh', 'yue', 'ii', 'hmn'];
const CRITERIA: VettingCriterion[] = ['well-managed', 'suitable-posts', 'good-pay', 'socially-responsible'];
const DESTINATIONS: readonly Destination[] = [
  { kind: 'area', area: '4419' as AreaCode },
  { kind: 'area', area: '5306' as AreaCode },
  { kind: 'area', area: '44' as AreaCode },
  { kind: 'park', park: 'yuedian' as ParkId },
];

export const levelArb: fc.Arbitrary<SkillLevel> = fc.constantFrom(1, 2, 3, 4, 5);

export const heldSkillArb: fc.Arbitrary<HeldSkill> = fc.record({
  skill: fc.constantFrom(...SKILLS),
  level: levelArb,
  certified: fc.boolean(),
});

export const requirementArb: fc.Arbitrary<SkillRequirement> = fc.record({
  skill: fc.constantFrom(...SKILLS),
  minLevel: levelArb,
});

/** A labourer with the given id; ages from 13 to 70 on the default as-of date. */
export const labourerArb = (id: string): fc.Arbitrary<Labourer> =>
  fc
    .record({
      household: fc.constantFrom('registered' as const, 'monitored' as const, 'other' as const),
      originCounty: fc.constantFrom(...COUNTIES),
      birthDate: fc.oneof(
        { weight: 8, arbitrary: dateArb('1968-01-01', '2007-12-31') },
        { weight: 1, arbitrary: dateArb('1956-01-01', '2012-12-31') },
      ),
      gender: fc.constantFrom('male' as const, 'female' as const),
      skills: fc.array(heldSkillArb, { maxLength: 4 }),
      trainings: fc.array(
        fc.record({
          course: fc.constantFrom('培训A', '培训B'),
          completedOn: dateArb('2020-01-01', '2026-02-01'),
          grantsSkill: fc.constantFrom(...SKILLS),
          grantsLevel: levelArb,
        }),
        { maxLength: 2 },
      ),
      min: fc.integer({ min: 1500, max: 6000 }),
      extra: fc.integer({ min: 0, max: 3000 }),
      scope: fc.constantFrom<MobilityScope>(
        'home-county',
        'home-province',
        'anywhere',
        'anywhere',
        'anywhere',
        'anywhere',
      ),
      preferred: fc.subarray([...DESTINATIONS], { maxLength: 2 }),
      needsDormitory: fc.boolean(),
      cannotLeaveHome: fc.constantFrom(false, false, false, false, false, true),
      languages: fc.subarray(LANGUAGES, { minLength: 1 }),
      availableFrom: fc.oneof(
        { weight: 5, arbitrary: dateArb('2025-06-01', '2026-03-01') },
        { weight: 1, arbitrary: dateArb('2026-03-02', '2026-09-01') },
      ),
    })
    .map((r) =>
      labourer({
        id: id as LabourerId,
        household: r.household,
        originCounty: r.originCounty,
        birthDate: r.birthDate,
        gender: r.gender,
        skills: r.skills,
        trainings: r.trainings,
        pay: { minMonthly: r.min, targetMonthly: r.min + r.extra },
        mobility: { scope: r.scope, preferred: r.preferred, refused: [] },
        needsDormitory: r.needsDormitory,
        cannotLeaveHome: r.cannotLeaveHome,
        languages: r.languages,
        availableFrom: r.availableFrom,
      }),
    );

/** An employer with the given id, mostly approved. */
export const employerArb = (id: string): fc.Arbitrary<Employer> =>
  fc
    .record({
      status: fc.constantFrom<Employer['vetting']['status']>(
        'approved',
        'approved',
        'approved',
        'approved',
        'approved',
        'pending',
        'revoked',
      ),
      criteria: fc.subarray(CRITERIA),
      track: fc.option(
        fc.integer({ min: 0, max: 60 }).chain((placements) =>
          fc.record({
            placements: fc.constant(placements),
            retainedSixMonths: fc.integer({ min: 0, max: placements }),
          }),
        ),
        { nil: undefined },
      ),
      fellows: fc.array(
        fc.record({ county: fc.constantFrom(...COUNTIES), count: fc.integer({ min: 1, max: 15 }) }),
        {
          maxLength: 2,
        },
      ),
    })
    .map((r) =>
      employer({
        id: id as EmployerId,
        vetting: { ...employer().vetting, status: r.status, criteria: r.criteria },
        workforceByOrigin: r.fellows,
        ...(r.track === undefined ? {} : { trackRecord: r.track }),
      }),
    );

/** A post with the given id at one of the given employers. */
export const postArb = (id: string, employers: readonly string[]): fc.Arbitrary<Post> =>
  fc
    .record({
      employer: fc.constantFrom(...employers),
      site: fc.constantFrom(...SITES),
      openings: fc.integer({ min: 1, max: 20 }),
      filledShare: fc.double({ min: 0, max: 1, noNaN: true }),
      requiredSkills: fc.array(requirementArb, { maxLength: 3 }),
      optionalSkills: fc.array(requirementArb, { maxLength: 2 }),
      requiredCertificates: fc.constantFrom<CertificateId[]>(
        [],
        [],
        [],
        [],
        ['health-certificate' as CertificateId],
      ),
      trainsOnJob: fc.boolean(),
      pieceRate: fc.boolean(),
      base: fc.integer({ min: 2080, max: 6000 }),
      over: fc.integer({ min: 0, max: 4000 }),
      dormitory: fc.record({ provided: fc.boolean(), monthlyCost: fc.integer({ min: 0, max: 600 }) }),
      meals: fc.record({ provided: fc.boolean(), monthlyCost: fc.integer({ min: 0, max: 600 }) }),
      hazardous: fc.constantFrom(false, false, false, true),
      opens: fc.oneof(
        { weight: 5, arbitrary: dateArb('2025-10-01', '2026-03-01') },
        { weight: 1, arbitrary: dateArb('2026-03-02', '2026-04-01') },
      ),
      days: fc.integer({ min: 0, max: 400 }),
      languages: fc.subarray(LANGUAGES, { maxLength: 2 }),
    })
    .map((r) =>
      post({
        id: id as PostId,
        employer: r.employer as EmployerId,
        site: r.site,
        openings: r.openings,
        filled: Math.floor(r.filledShare * r.openings),
        requiredSkills: r.requiredSkills,
        optionalSkills: r.optionalSkills,
        requiredCertificates: r.requiredCertificates,
        trainsOnJob: r.trainsOnJob,
        pay: r.pieceRate
          ? { kind: 'piece-rate', guaranteedMonthly: r.base, expectedMonthly: r.base + r.over }
          : { kind: 'monthly', baseMonthly: r.base, expectedMonthly: r.base + r.over },
        dormitory: r.dormitory,
        meals: r.meals,
        hazardous: r.hazardous,
        window: {
          opens: r.opens,
          closes: iso(new Date(Date.parse(`${r.opens}T00:00:00Z`) + r.days * 86_400_000)),
        },
        languages: r.languages,
      }),
    );

/** The default policy with an illustrative pairing (镇雄县 ↔ 塘厦镇) and a designated base at `e0`. */
export const pairedPolicy: Policy = {
  ...dongguanPolicy,
  pairings: [
    {
      originCounty: ZHENXIONG,
      towns: [TANGXIA],
      from: '2024-01-01' as IsoDate,
      source: { citation: 'test', confidence: 'illustrative' },
    },
  ],
  bases: [
    {
      id: 'base-1' as BaseId,
      name: { zh: '测试基地', en: 'Test base' },
      origin: '5306' as AreaCode,
      employer: 'e0' as EmployerId,
      from: '2024-01-01' as IsoDate,
      source: { citation: 'test', confidence: 'illustrative' },
    },
  ],
};

/**
 * A dataset of 1–3 employers, 1–6 posts and 1–6 labourers with unique ids. Some posts and labourers
 * are copies of the first under another id (a labourer's copy may differ in household status), so
 * ties in score are common and the tie-breaks are exercised.
 */
export const datasetArb: fc.Arbitrary<Dataset> = fc
  .record({
    nEmployers: fc.integer({ min: 1, max: 3 }),
    nPosts: fc.integer({ min: 1, max: 6 }),
    nLabourers: fc.integer({ min: 1, max: 6 }),
    paired: fc.boolean(),
  })
  .chain(({ nEmployers, nPosts, nLabourers, paired }) => {
    const employerIds = Array.from({ length: nEmployers }, (_, i) => `e${i}`);
    const household = fc.constantFrom<HouseholdStatus>('registered', 'monitored', 'other');
    return fc.record({
      employers: fc.tuple(...employerIds.map(employerArb)),
      posts: fc.tuple(...Array.from({ length: nPosts }, (_, i) => postArb(`p${i}`, employerIds))),
      postClones: fc.array(fc.boolean(), { minLength: nPosts, maxLength: nPosts }),
      labourers: fc.tuple(...Array.from({ length: nLabourers }, (_, i) => labourerArb(`w${i}`))),
      labourerClones: fc.array(fc.option(household, { nil: undefined, freq: 2 }), {
        minLength: nLabourers,
        maxLength: nLabourers,
      }),
      policy: fc.constant(paired ? pairedPolicy : dongguanPolicy),
    });
  })
  .map(({ employers, posts, postClones, labourers, labourerClones, policy }) => ({
    asOf: AS_OF,
    employers,
    groups: [],
    policy,
    posts: posts.map((p, i) => (i > 0 && postClones[i] === true ? { ...posts[0]!, id: p.id } : p)),
    labourers: labourers.map((w, i) => {
      const clone = labourerClones[i];
      return i > 0 && clone !== undefined ? { ...labourers[0]!, id: w.id, household: clone } : w;
    }),
  }));
