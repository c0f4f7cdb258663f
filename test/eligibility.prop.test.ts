import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEligibility, ELIGIBILITY_RULES, labourerExclusions } from '../src/eligibility.js';
import type { Exclusion, ExclusionCode } from '../src/reasons.js';
import type {
  AreaCode,
  CertificateId,
  CountyCode,
  Dataset,
  Destination,
  Employer,
  EmployerId,
  IsoDate,
  Labourer,
  ParkId,
  Post,
  PostId,
  Site,
  TownCode,
  LabourerId,
} from '../src/types.js';
import { skillsComponent } from '../src/score/skills.js';
import { datasetArb as anyDatasetArb } from './helpers/arbitraries.js';
import { richDatasetArb } from './helpers/rich.js';
import { runs } from './helpers/runs.js';
import { dataset, employer, labourer, post } from './helpers/build.js';

const iso = (d: Date): IsoDate => d.toISOString().slice(0, 10) as IsoDate;
const dateBetween = (min: string, max: string): fc.Arbitrary<IsoDate> =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map(iso);

const COUNTIES = ['530627', '530621', '532301', '440281', '659003', '622926', '433124'] as CountyCode[];
const SITES: readonly Site[] = [
  { kind: 'town', town: '441900116' as TownCode },
  { kind: 'town', town: '441900110' as TownCode },
  ...COUNTIES.map((county): Site => ({ kind: 'county', county })),
  ...['guanshao', 'caohu', 'yuedian'].map((p): Site => ({ kind: 'park', park: p as ParkId })),
];
const CERTIFICATES = [
  'forklift-n1',
  'health-certificate',
  'electrician-low-voltage',
  'driving-licence-c1',
].map((c) => c as CertificateId);
const DESTINATIONS: readonly Destination[] = [
  { kind: 'area', area: '4419' as AreaCode },
  { kind: 'area', area: '441900116' as AreaCode },
  { kind: 'area', area: '5306' as AreaCode },
  { kind: 'area', area: '44' as AreaCode },
  { kind: 'park', park: 'yuedian' as ParkId },
  { kind: 'park', park: 'guanshao' as ParkId },
];
/** Codes that may repeat with different parameters (one per certificate or destination). */
const PER_ITEM: ReadonlySet<ExclusionCode> = new Set([
  'minor-special-operation',
  'certificate-missing',
  'certificate-expired',
  'required-skill-missing',
  'refused-destination',
]);

const labourerArb = (birth: fc.Arbitrary<IsoDate> = dateBetween('1955-01-01', '2014-12-31')) =>
  fc
    .record({
      birthDate: birth,
      gender: fc.option(fc.constantFrom('male' as const, 'female' as const), { nil: undefined }),
      cadre: fc.boolean(),
      originCounty: fc.constantFrom(...COUNTIES),
      scope: fc.constantFrom(
        'home-county' as const,
        'home-prefecture' as const,
        'home-province' as const,
        'anywhere' as const,
      ),
      refused: fc.subarray([...DESTINATIONS]),
      certificates: fc.array(
        fc.record({
          certificate: fc.constantFrom(...CERTIFICATES),
          validUntil: fc.option(dateBetween('2024-01-01', '2030-12-31'), { nil: undefined }),
        }),
        { maxLength: 4 },
      ),
      needsDormitory: fc.boolean(),
      cannotLeaveHome: fc.boolean(),
      availableFrom: dateBetween('2025-01-01', '2027-12-31'),
    })
    .map((r): Labourer => {
      const base = labourer({
        birthDate: r.birthDate,
        cadre: r.cadre,
        originCounty: r.originCounty,
        mobility: { scope: r.scope, preferred: [], refused: r.refused },
        certificates: r.certificates.map((c) =>
          c.validUntil === undefined
            ? { certificate: c.certificate }
            : { certificate: c.certificate, validUntil: c.validUntil },
        ),
        needsDormitory: r.needsDormitory,
        cannotLeaveHome: r.cannotLeaveHome,
        availableFrom: r.availableFrom,
      });
      const { gender: _gender, ...rest } = base;
      return r.gender === undefined ? rest : { ...rest, gender: r.gender };
    });

const postArb = fc
  .record({
    employer: fc.constantFrom('e1', 'e2', 'e3'),
    site: fc.constantFrom(...SITES),
    hazardous: fc.boolean(),
    requiredCertificates: fc.subarray(CERTIFICATES),
    ageRange: fc.option(
      fc.record({
        min: fc.option(fc.integer({ min: 16, max: 40 }), { nil: undefined }),
        max: fc.option(fc.integer({ min: 30, max: 65 }), { nil: undefined }),
      }),
      { nil: undefined },
    ),
    openings: fc.integer({ min: 1, max: 5 }),
    filled: fc.integer({ min: 0, max: 5 }),
    opens: dateBetween('2025-01-01', '2027-06-30'),
    days: fc.integer({ min: 0, max: 365 }),
    dormitory: fc.boolean(),
  })
  .map((r): Post => {
    const closes = iso(new Date(Date.parse(`${r.opens}T00:00:00Z`) + r.days * 86_400_000));
    const range =
      r.ageRange === undefined
        ? undefined
        : {
            ...(r.ageRange.min === undefined ? {} : { min: r.ageRange.min }),
            ...(r.ageRange.max === undefined ? {} : { max: r.ageRange.max }),
          };
    return post({
      employer: r.employer as EmployerId,
      site: r.site,
      hazardous: r.hazardous,
      requiredCertificates: r.requiredCertificates,
      ...(range === undefined ? {} : { ageRange: range }),
      openings: r.openings,
      filled: Math.min(r.filled, r.openings),
      window: { opens: r.opens, closes },
      dormitory: { provided: r.dormitory, monthlyCost: 0 },
    });
  });

const employerArb = (id: string) =>
  fc
    .record({
      status: fc.constantFrom(
        'approved' as const,
        'approved' as const,
        'pending' as const,
        'revoked' as const,
      ),
      vettedOn: dateBetween('2024-01-01', '2026-12-31'),
      validUntil: dateBetween('2025-06-01', '2028-12-31'),
    })
    .map((r): Employer =>
      employer({
        id: id as EmployerId,
        vetting: { ...employer().vetting, status: r.status, vettedOn: r.vettedOn, validUntil: r.validUntil },
      }),
    );

const datasetArb = (labourer: fc.Arbitrary<Labourer> = labourerArb()) =>
  fc
    .record({
      asOf: dateBetween('2025-01-01', '2027-12-31'),
      labourers: fc.array(labourer, { minLength: 1, maxLength: 6 }),
      posts: fc.array(postArb, { minLength: 1, maxLength: 6 }),
      employers: fc.tuple(employerArb('e1'), employerArb('e2'), employerArb('e3')),
    })
    .map((r): Dataset =>
      dataset({
        asOf: r.asOf,
        labourers: r.labourers.map((w, i) => ({ ...w, id: `w${i}` as LabourerId })),
        posts: r.posts.map((p, i) => ({ ...p, id: `p${i}` as PostId })),
        employers: r.employers,
      }),
    );

/**
 * The dataset with every rule but mobility and dormitory made to pass, so that the mobility rules
 * decide: adult labourers with no refusals, approved employers, open posts without requirements.
 */
function lenient(ds: Dataset): Dataset {
  const always = { vettedOn: '2000-01-01' as IsoDate, validUntil: '2099-12-31' as IsoDate };
  return {
    ...ds,
    labourers: ds.labourers.map((w) => ({
      ...w,
      birthDate: '1990-01-01' as IsoDate,
      gender: 'male' as const,
      availableFrom: ds.asOf,
      mobility: { ...w.mobility, refused: [] },
    })),
    employers: ds.employers.map((e) => ({
      ...e,
      vetting: { ...e.vetting, status: 'approved' as const, ...always },
    })),
    posts: ds.posts.map((p) => {
      const { ageRange: _ageRange, ...rest } = p;
      return {
        ...rest,
        filled: 0,
        requiredCertificates: [],
        window: { opens: '2000-01-01' as IsoDate, closes: '2099-12-31' as IsoDate },
      };
    }),
  };
}

let eligibleStayerPairs = 0;

function allPairs(ds: Dataset, f: (w: Labourer, p: Post, exclusions: Exclusion[]) => void): void {
  for (const w of ds.labourers) for (const p of ds.posts) f(w, p, checkEligibility(ds, w, p));
}

describe('eligibility properties', () => {
  it('an under-16 labourer is excluded from every post with exactly one reason', () => {
    // As of any date in 2025–2027, a birth in the last 16 years (to the day) is under 16.
    fc.assert(
      fc.property(datasetArb(), dateBetween('2012-01-01', '2024-12-31'), (ds0, birth) => {
        const young = dataset({
          ...ds0,
          labourers: ds0.labourers.map((w) => ({ ...w, birthDate: birth })),
        });
        allPairs(young, (_w, _p, ex) => {
          expect(ex).toHaveLength(1);
          expect(ex[0]?.code).toBe('under-minimum-age');
        });
      }),
    );
  });

  it('no exclusion list contains a code twice for the same parameter', () => {
    fc.assert(
      fc.property(datasetArb(), (ds) => {
        allPairs(ds, (_w, _p, ex) => {
          const keys = ex.map((e) => JSON.stringify(e));
          expect(new Set(keys).size).toBe(keys.length);
          for (const code of new Set(ex.map((e) => e.code))) {
            if (!PER_ITEM.has(code)) expect(ex.filter((e) => e.code === code)).toHaveLength(1);
          }
        });
      }),
    );
  });

  it('eligibility does not depend on the order of posts/labourers in the dataset', () => {
    fc.assert(
      fc.property(
        datasetArb().chain((ds) =>
          fc.tuple(
            fc.constant(ds),
            fc.shuffledSubarray([...ds.labourers], { minLength: ds.labourers.length }),
            fc.shuffledSubarray([...ds.posts], { minLength: ds.posts.length }),
            fc.shuffledSubarray([...ds.employers], { minLength: ds.employers.length }),
          ),
        ),
        ([ds, labourers, posts, employers]) => {
          const shuffled: Dataset = { ...ds, labourers, posts, employers };
          for (const w of ds.labourers) {
            expect(labourerExclusions(shuffled, w)).toEqual(labourerExclusions(ds, w));
            for (const p of ds.posts)
              expect(checkEligibility(shuffled, w, p)).toEqual(checkEligibility(ds, w, p));
          }
        },
      ),
    );
  });

  it('a labourer who cannot leave home is never eligible for a post outside the home county unless a park serves it', () => {
    const stayers = datasetArb(labourerArb().map((w) => ({ ...w, cannotLeaveHome: true })));
    fc.assert(
      fc.property(fc.oneof(stayers, stayers.map(lenient)), (ds) => {
        const parks = new Map(ds.policy.parks.map((p) => [p.id as string, p]));
        allPairs(ds, (w, p, ex) => {
          if (ex.length > 0) return;
          eligibleStayerPairs += 1;
          const site = p.site;
          const home = w.originCounty;
          const ok =
            site.kind === 'park'
              ? (parks.get(site.park)?.serves.some((a) => home.startsWith(a)) ?? false)
              : (site.kind === 'town' ? site.town : site.county).startsWith(home);
          expect(ok).toBe(true);
        });
      }),
    );
    // The property must have met eligible pairs, or it proved nothing.
    expect(eligibleStayerPairs).toBeGreaterThan(0);
  });

  it('required-skill-missing names exactly the required skills the skills component finds missing, and only where the post does not train', () => {
    let excluded = 0;
    fc.assert(
      fc.property(anyDatasetArb, (ds) => {
        for (const w of ds.labourers) {
          if (labourerExclusions(ds, w).some((e) => e.code === 'under-minimum-age')) continue;
          for (const p of ds.posts) {
            const got = checkEligibility(ds, w, p).flatMap((e) =>
              e.code === 'required-skill-missing' ? [e.params.skill] : [],
            );
            const missing = skillsComponent(ds.policy, w, p).reasons.flatMap((r) =>
              r.code === 'skill-required-missing' ? [r.params.skill] : [],
            );
            expect(got).toEqual(p.trainsOnJob ? [] : [...new Set(missing)]);
            if (got.length > 0) excluded += 1;
          }
        }
      }),
    );
    // The property must have met excluded pairs, or it proved nothing.
    expect(excluded).toBeGreaterThan(0);
  });

  it('every pair carries the labourer-level exclusions of its labourer', () => {
    fc.assert(
      fc.property(datasetArb(), (ds) => {
        for (const w of ds.labourers) {
          const own = labourerExclusions(ds, w).map((e) => JSON.stringify(e));
          for (const p of ds.posts) {
            const pair = new Set(checkEligibility(ds, w, p).map((e) => JSON.stringify(e)));
            for (const e of own) expect(pair.has(e)).toBe(true);
          }
        }
      }),
    );
  });
});

describe('rule scopes', () => {
  it("a 'post' rule excludes a post for every labourer or for none (the compiled index decides it once per post)", () => {
    const postCodes = new Set(ELIGIBILITY_RULES.filter((r) => r.scope === 'post').map((r) => r.code));
    expect(postCodes.size).toBeGreaterThan(0);
    expect(postCodes.size).toBeLessThanOrEqual(8); // one bit each in the index's byte per post
    fc.assert(
      fc.property(richDatasetArb, (ds) => {
        for (const p of ds.posts) {
          const seen = new Set<string>();
          ds.labourers.forEach((w) => {
            const codes = checkEligibility(ds, w, p)
              .map((e) => e.code)
              .filter((c) => postCodes.has(c));
            // Labourers excluded outright (under 16, retired) are told only that.
            if (checkEligibility(ds, w, p).some((e) => e.code === 'under-minimum-age')) return;
            seen.add(JSON.stringify(codes));
          });
          expect(seen.size).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: runs(100) },
    );
  });
});
