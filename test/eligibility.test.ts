import { describe, expect, it } from 'vitest';
import { dongguanPolicy } from '../src/policy/dongguan.js';
import { ELIGIBILITY_RULES, checkEligibility, labourerExclusions } from '../src/eligibility.js';
import type { ExclusionCode } from '../src/reasons.js';
import type {
  AreaCode,
  CertificateId,
  CountyCode,
  Destination,
  EmployerId,
  IsoDate,
  Labourer,
  ParkId,
  Post,
  PostId,
  Site,
  SkillId,
  LabourerId,
} from '../src/types.js';
import { requirementCredit, skillsComponent } from '../src/score/skills.js';
import { AS_OF, TANGXIA, ZHENXIONG, dataset, employer, labourer, post } from './helpers/build.js';

const d = (s: string): IsoDate => s as IsoDate;
const cert = (s: string): CertificateId => s as CertificateId;
const skill = (s: string): SkillId => s as SkillId;
const countySite = (c: string): Site => ({ kind: 'county', county: c as CountyCode });
const parkSite = (p: string): Site => ({ kind: 'park', park: p as ParkId });
const TANGXIA_SITE: Site = { kind: 'town', town: TANGXIA };

function check(w: Labourer, p: Post = post(), parts: Parameters<typeof dataset>[0] = {}) {
  return checkEligibility(dataset({ labourers: [w], posts: [p], ...parts }), w, p);
}
function codes(w: Labourer, p: Post = post(), parts: Parameters<typeof dataset>[0] = {}): ExclusionCode[] {
  return check(w, p, parts).map((e) => e.code);
}
function withoutGender(w: Labourer): Labourer {
  const { gender: _gender, ...rest } = w;
  return rest;
}

describe('the default pair', () => {
  it('is eligible', () => {
    expect(check(labourer())).toEqual([]);
  });
});

describe('under-minimum-age', () => {
  it('admits a labourer on the 16th birthday', () => {
    expect(check(labourer({ birthDate: d('2010-03-01') }))).toEqual([]);
  });
  it('excludes a labourer the day before, with no other reason', () => {
    const w = labourer({ birthDate: d('2010-03-02') });
    const p = post({
      hazardous: true,
      filled: 10,
      window: { opens: d('2020-01-01'), closes: d('2020-02-01') },
    });
    expect(check(w, p)).toEqual([{ code: 'under-minimum-age', params: { age: 15, minimum: 16 } }]);
  });
  it('looks at nothing about the post, not even an unknown employer', () => {
    const w = labourer({ birthDate: d('2012-01-01') });
    const p = post({ employer: 'nobody' as EmployerId });
    expect(codes(w, p)).toEqual(['under-minimum-age']);
  });
  it('is the only labourer exclusion', () => {
    const w = labourer({ birthDate: d('2012-01-01') });
    expect(labourerExclusions(dataset({ labourers: [w] }), w)).toEqual([
      { code: 'under-minimum-age', params: { age: 14, minimum: 16 } },
    ]);
  });
});

describe('minor-hazardous', () => {
  it('excludes a 17-year-old from a hazardous post', () => {
    expect(check(labourer({ birthDate: d('2008-03-02') }), post({ hazardous: true }))).toEqual([
      { code: 'minor-hazardous', params: { age: 17, adultAge: 18 } },
    ]);
  });
  it('admits an 18-year-old on the birthday, and a 17-year-old to a safe post', () => {
    expect(codes(labourer({ birthDate: d('2008-03-01') }), post({ hazardous: true }))).toEqual([]);
    expect(codes(labourer({ birthDate: d('2008-03-02') }), post({ hazardous: false }))).toEqual([]);
  });
});

describe('minor-special-operation', () => {
  const forklift = { certificate: cert('forklift-n1') };
  it('excludes a 17-year-old from a post needing a special-operation certificate, once per certificate', () => {
    const w = labourer({ birthDate: d('2008-03-02'), certificates: [forklift] });
    const p = post({ requiredCertificates: [cert('forklift-n1'), cert('forklift-n1')] });
    expect(check(w, p)).toEqual([
      { code: 'minor-special-operation', params: { age: 17, adultAge: 18, certificate: 'forklift-n1' } },
    ]);
  });
  it('admits an 18-year-old, and a 17-year-old to a post needing an ordinary certificate', () => {
    const p = post({ requiredCertificates: [cert('forklift-n1')] });
    expect(codes(labourer({ birthDate: d('2008-03-01'), certificates: [forklift] }), p)).toEqual([]);
    const health = post({ requiredCertificates: [cert('health-certificate')] });
    const w = labourer({
      birthDate: d('2008-03-02'),
      certificates: [{ certificate: cert('health-certificate') }],
    });
    expect(codes(w, health)).toEqual([]);
  });
});

describe('retirement-age-reached', () => {
  // Born 1965-12-01: 11 birth months into the phase-in → 60 years 3 months → 2026-03-01.
  const w = labourer({ birthDate: d('1965-12-01'), gender: 'male' });
  it('excludes on the retirement day itself', () => {
    expect(check(w)).toEqual([
      {
        code: 'retirement-age-reached',
        params: { retirementDate: '2026-03-01', schedule: 'male', retirementAgeMonths: 723 },
      },
    ]);
  });
  it('admits the day before', () => {
    const p = post({ window: { opens: d('2026-01-01'), closes: d('2026-06-30') } });
    expect(codes(w, p, { asOf: d('2026-02-28') })).toEqual([]);
  });
  it('applies the women-labourer schedule by default and the cadre schedule on the flag', () => {
    // Born 1975-10-01: women workers retire 2026-03-01 (50y5m); cadres at 55 and more.
    const woman = labourer({ birthDate: d('1975-10-01'), gender: 'female' });
    expect(codes(woman)).toEqual(['retirement-age-reached']);
    expect(codes({ ...woman, cadre: true })).toEqual([]);
  });
  it('is a labourer-level exclusion', () => {
    expect(labourerExclusions(dataset({ labourers: [w] }), w).map((e) => e.code)).toEqual([
      'retirement-age-reached',
    ]);
  });
});

describe('retirement-undetermined', () => {
  // Without gender the earliest schedule (women workers) retires a 1975-10-01 birth on 2026-03-01.
  const w = withoutGender(labourer({ birthDate: d('1975-10-01') }));
  it('excludes from the earliest possible retirement date on', () => {
    expect(check(w)).toEqual([
      { code: 'retirement-undetermined', params: { age: 50, earliestRetirementDate: '2026-03-01' } },
    ]);
  });
  it('admits the day before, and when gender is recorded as male', () => {
    expect(codes(w, post(), { asOf: d('2026-02-28') })).toEqual([]);
    expect(codes({ ...w, gender: 'male' })).toEqual([]);
  });
  it('does not concern young labourers', () => {
    expect(codes(withoutGender(labourer()))).toEqual([]);
  });
});

describe('outside-post-age-range', () => {
  // The default labourer is 30 on the as-of date.
  it('accepts both bounds inclusively', () => {
    expect(codes(labourer(), post({ ageRange: { min: 30 } }))).toEqual([]);
    expect(codes(labourer(), post({ ageRange: { max: 30 } }))).toEqual([]);
    expect(codes(labourer(), post({ ageRange: { min: 18, max: 45 } }))).toEqual([]);
  });
  it('excludes outside them, with the bounds that were set', () => {
    expect(check(labourer(), post({ ageRange: { min: 31 } }))).toEqual([
      { code: 'outside-post-age-range', params: { age: 30, min: 31 } },
    ]);
    expect(check(labourer(), post({ ageRange: { min: 18, max: 29 } }))).toEqual([
      { code: 'outside-post-age-range', params: { age: 30, min: 18, max: 29 } },
    ]);
  });
});

describe('employer vetting', () => {
  const vetting = employer().vetting;
  it('excludes a pending or revoked employer', () => {
    for (const status of ['pending', 'revoked'] as const) {
      const e = employer({ vetting: { ...vetting, status } });
      expect(check(labourer(), post(), { employers: [e] })).toEqual([
        { code: 'employer-not-approved', params: { employer: 'e1', status } },
      ]);
    }
  });
  it('is valid from the vetting day on', () => {
    const e = employer({ vetting: { ...vetting, vettedOn: AS_OF } });
    expect(codes(labourer(), post(), { employers: [e] })).toEqual([]);
    const later = employer({ vetting: { ...vetting, vettedOn: d('2026-03-02') } });
    expect(check(labourer(), post(), { employers: [later] })).toEqual([
      { code: 'employer-vetting-not-yet-valid', params: { employer: 'e1', vettedOn: '2026-03-02' } },
    ]);
  });
  it('is valid on the valid-until day itself and expired the day after', () => {
    const e = employer({ vetting: { ...vetting, validUntil: AS_OF } });
    expect(codes(labourer(), post(), { employers: [e] })).toEqual([]);
    const expired = employer({ vetting: { ...vetting, validUntil: d('2026-02-28') } });
    expect(check(labourer(), post(), { employers: [expired] })).toEqual([
      { code: 'employer-vetting-expired', params: { employer: 'e1', validUntil: '2026-02-28' } },
    ]);
  });
  it('throws a programming error for an employer missing from the dataset', () => {
    expect(() => codes(labourer(), post({ employer: 'nobody' as EmployerId }))).toThrow(/^checkEligibility:/);
  });
});

describe('no-openings-left', () => {
  it('admits while one opening is left', () => {
    expect(codes(labourer(), post({ openings: 10, filled: 9 }))).toEqual([]);
  });
  it('excludes when all are filled', () => {
    expect(check(labourer(), post({ openings: 10, filled: 10 }))).toEqual([
      { code: 'no-openings-left', params: { openings: 10, filled: 10 } },
    ]);
  });
});

describe('application window', () => {
  it('is open on the opening day and on the closing day', () => {
    expect(codes(labourer(), post({ window: { opens: AS_OF, closes: d('2026-04-01') } }))).toEqual([]);
    expect(
      codes(labourer({ availableFrom: AS_OF }), post({ window: { opens: d('2026-01-01'), closes: AS_OF } })),
    ).toEqual([]);
  });
  it('is not open the day before it opens', () => {
    expect(check(labourer(), post({ window: { opens: d('2026-03-02'), closes: d('2026-04-01') } }))).toEqual([
      { code: 'window-not-open', params: { opens: '2026-03-02' } },
    ]);
  });
  it('is closed the day after it closes, without also reporting availability', () => {
    const w = labourer({ availableFrom: d('2026-05-01') });
    expect(check(w, post({ window: { opens: d('2026-01-01'), closes: d('2026-02-28') } }))).toEqual([
      { code: 'window-closed', params: { closes: '2026-02-28' } },
    ]);
  });
  it('reports availability after the window on its closing day too', () => {
    const p = post({ window: { opens: d('2026-01-01'), closes: AS_OF } });
    expect(check(labourer({ availableFrom: d('2026-03-02') }), p)).toEqual([
      { code: 'available-after-window', params: { availableFrom: '2026-03-02', closes: AS_OF } },
    ]);
  });
  it('excludes a labourer available only after the window closes', () => {
    const p = post({ window: { opens: d('2026-01-01'), closes: d('2026-04-01') } });
    expect(codes(labourer({ availableFrom: d('2026-04-01') }), p)).toEqual([]);
    expect(check(labourer({ availableFrom: d('2026-04-02') }), p)).toEqual([
      { code: 'available-after-window', params: { availableFrom: '2026-04-02', closes: '2026-04-01' } },
    ]);
  });
});

describe('mobility', () => {
  const stayer = labourer({ cannotLeaveHome: true });
  it('keeps a labourer who cannot leave home to the home county and parks serving it', () => {
    expect(codes(stayer, post({ site: countySite('530627') }))).toEqual([]);
    expect(codes(stayer, post({ site: parkSite('yuedian') }))).toEqual([]);
    expect(check(stayer, post({ site: TANGXIA_SITE }))).toEqual([
      { code: 'cannot-leave-home', params: { originCounty: ZHENXIONG, site: TANGXIA_SITE } },
    ]);
    expect(codes(stayer, post({ site: countySite('530621') }))).toEqual(['cannot-leave-home']);
    expect(codes(stayer, post({ site: parkSite('guanshao') }))).toEqual(['cannot-leave-home']);
  });
  it('reports cannot-leave-home rather than outside-mobility-scope', () => {
    const w = labourer({
      cannotLeaveHome: true,
      mobility: { scope: 'home-county', preferred: [], refused: [] },
    });
    expect(codes(w, post({ site: TANGXIA_SITE }))).toEqual(['cannot-leave-home']);
  });
  it('applies each scope', () => {
    const scoped = (scope: Labourer['mobility']['scope']) =>
      labourer({ mobility: { scope, preferred: [], refused: [] } });
    expect(codes(scoped('home-county'), post({ site: countySite('530627') }))).toEqual([]);
    expect(codes(scoped('home-county'), post({ site: parkSite('yuedian') }))).toEqual([]);
    expect(check(scoped('home-county'), post({ site: countySite('530621') }))).toEqual([
      {
        code: 'outside-mobility-scope',
        params: { scope: 'home-county', originCounty: ZHENXIONG, site: countySite('530621') },
      },
    ]);
    expect(codes(scoped('home-prefecture'), post({ site: countySite('530621') }))).toEqual([]);
    expect(codes(scoped('home-prefecture'), post({ site: countySite('532301') }))).toEqual([
      'outside-mobility-scope',
    ]);
    expect(codes(scoped('home-province'), post({ site: countySite('532301') }))).toEqual([]);
    expect(codes(scoped('home-province'), post({ site: TANGXIA_SITE }))).toEqual(['outside-mobility-scope']);
    expect(codes(scoped('anywhere'), post({ site: TANGXIA_SITE }))).toEqual([]);
  });
  it('counts a park serving several areas as home to each of them', () => {
    const parks = dongguanPolicy.parks.map((pk) =>
      pk.id === 'yuedian' ? { ...pk, serves: [pk.serves[0]!, '5329' as AreaCode] } : pk,
    );
    const policy = { ...dongguanPolicy, parks };
    const dali = labourer({ originCounty: '532901' as CountyCode, cannotLeaveHome: true });
    expect(codes(dali, post({ site: parkSite('yuedian') }), { policy })).toEqual([]);
    expect(codes(stayer, post({ site: parkSite('yuedian') }), { policy })).toEqual([]);
    expect(codes(dali, post({ site: parkSite('yuedian') }))).toEqual(['cannot-leave-home']);
  });
  it('counts a town of Dongguan as home to a labourer registered in Dongguan', () => {
    const local = labourer({ originCounty: '441900' as CountyCode, cannotLeaveHome: true });
    expect(codes(local, post({ site: TANGXIA_SITE }))).toEqual([]);
    expect(codes(local, post({ site: countySite('530627') }))).toEqual(['cannot-leave-home']);
  });
  it('counts a park by the areas it serves, not only where it lies', () => {
    const shaoguan = labourer({
      originCounty: '440281' as CountyCode,
      mobility: { scope: 'home-county', preferred: [], refused: [] },
    });
    expect(codes(shaoguan, post({ site: parkSite('guanshao') }))).toEqual([]);
    expect(codes(shaoguan, post({ site: parkSite('caohu') }))).toEqual(['outside-mobility-scope']);
    const tumxuk = labourer({ originCounty: '659003' as CountyCode, cannotLeaveHome: true });
    expect(codes(tumxuk, post({ site: parkSite('caohu') }))).toEqual([]);
  });
});

describe('certificates', () => {
  const p = post({ requiredCertificates: [cert('health-certificate')] });
  const holding = (...certificates: Labourer['certificates']) => labourer({ certificates });
  it('excludes a labourer without the certificate', () => {
    expect(check(holding(), p)).toEqual([
      { code: 'certificate-missing', params: { certificate: 'health-certificate' } },
    ]);
  });
  it('accepts a certificate without expiry, or valid through the as-of date', () => {
    expect(codes(holding({ certificate: cert('health-certificate') }), p)).toEqual([]);
    expect(codes(holding({ certificate: cert('health-certificate'), validUntil: AS_OF }), p)).toEqual([]);
  });
  it('reports an expired certificate with its latest expiry, in whatever order the copies come', () => {
    const older = { certificate: cert('health-certificate'), validUntil: d('2025-02-28') };
    const newer = { certificate: cert('health-certificate'), validUntil: d('2026-02-28') };
    for (const w of [holding(older, newer), holding(newer, older)])
      expect(check(w, p)).toEqual([
        {
          code: 'certificate-expired',
          params: { certificate: 'health-certificate', validUntil: '2026-02-28' },
        },
      ]);
  });
  it('accepts any valid copy among expired ones', () => {
    const w = holding(
      { certificate: cert('health-certificate'), validUntil: d('2025-02-28') },
      { certificate: cert('health-certificate'), validUntil: d('2027-02-28') },
    );
    expect(codes(w, p)).toEqual([]);
  });
  it('does not count a certificate issued after the as-of date', () => {
    expect(codes(holding({ certificate: cert('health-certificate'), issuedOn: d('2026-03-02') }), p)).toEqual(
      ['certificate-missing'],
    );
    // Not yet held: missing, not expired, whatever its validity.
    expect(
      codes(
        holding({
          certificate: cert('health-certificate'),
          issuedOn: d('2026-03-02'),
          validUntil: d('2027-03-01'),
        }),
        p,
      ),
    ).toEqual(['certificate-missing']);
    expect(codes(holding({ certificate: cert('health-certificate'), issuedOn: AS_OF }), p)).toEqual([]);
  });
  it('reports each missing certificate once, in the post order', () => {
    const q = post({
      requiredCertificates: [
        cert('health-certificate'),
        cert('driving-licence-c1'),
        cert('health-certificate'),
      ],
    });
    expect(check(holding(), q)).toEqual([
      { code: 'certificate-missing', params: { certificate: 'health-certificate' } },
      { code: 'certificate-missing', params: { certificate: 'driving-licence-c1' } },
    ]);
  });
});

describe('refused-destination', () => {
  const refusing = (...refused: Destination[]) =>
    labourer({ mobility: { scope: 'anywhere', preferred: [], refused } });
  const dongguan: Destination = { kind: 'area', area: '4419' as AreaCode };
  it('excludes a site inside a refused area, once per refusal', () => {
    expect(check(refusing(dongguan, dongguan))).toEqual([
      { code: 'refused-destination', params: { destination: dongguan } },
    ]);
  });
  it('does not exclude a site outside a refused area', () => {
    expect(codes(refusing({ kind: 'area', area: '441900117' as AreaCode }))).toEqual([]);
  });
  it('excludes a refused park, and a park lying in a refused area', () => {
    const p = post({ site: parkSite('yuedian') });
    expect(codes(refusing({ kind: 'park', park: 'yuedian' as ParkId }), p)).toEqual(['refused-destination']);
    expect(codes(refusing({ kind: 'area', area: '5306' as AreaCode }), p)).toEqual(['refused-destination']);
    expect(codes(refusing({ kind: 'park', park: 'guanshao' as ParkId }), p)).toEqual([]);
  });
});

describe('dormitory-needed', () => {
  const w = labourer({ needsDormitory: true });
  const noDorm = { provided: false, monthlyCost: 0 };
  it('excludes a post away from home without a dormitory', () => {
    expect(check(w, post({ dormitory: noDorm }))).toEqual([{ code: 'dormitory-needed', params: {} }]);
  });
  it('admits a post with a dormitory, one in the home county and one in a park serving it', () => {
    expect(codes(w, post())).toEqual([]);
    expect(codes(w, post({ dormitory: noDorm, site: countySite('530627') }))).toEqual([]);
    expect(codes(w, post({ dormitory: noDorm, site: parkSite('yuedian') }))).toEqual([]);
  });
});

describe('required-skill-missing', () => {
  const welding = skill('welding');
  const weldingPost = (overrides: Parameters<typeof post>[0] = {}): Post =>
    post({ requiredSkills: [{ skill: welding, minLevel: 3 }], trainsOnJob: false, ...overrides });
  const missing = (s: SkillId) => ({ code: 'required-skill-missing', params: { skill: s } }) as const;

  it('reports a skill the post lists twice (at two levels) once', () => {
    const twice = weldingPost({
      requiredSkills: [
        { skill: welding, minLevel: 5 },
        { skill: welding, minLevel: 3 },
      ],
    });
    expect(check(labourer(), twice)).toEqual([missing(welding)]);
  });
  it('excludes a labourer with no route to a required skill when the post does not train', () => {
    expect(check(labourer(), weldingPost())).toEqual([missing(welding)]);
    const cook = labourer({ skills: [{ skill: skill('cooking'), level: 3, certified: true }] });
    expect(check(cook, weldingPost())).toEqual([missing(welding)]);
  });
  it('counts a held skill below the level asked as a route: the level only lowers the score', () => {
    const w = labourer({ skills: [{ skill: welding, level: 5, certified: false }] });
    expect(check(w, weldingPost())).toEqual([]);
    const p = weldingPost();
    const ds = dataset({ labourers: [w], posts: [p] });
    expect(requirementCredit(ds.policy, w, p.requiredSkills[0]!)).toBeCloseTo(0.6, 12);
  });
  it('counts a related skill of the taxonomy as a route', () => {
    // welding ↔ machine-maintenance, credit 0.3.
    const w = labourer({ skills: [{ skill: skill('machine-maintenance'), level: 5, certified: false }] });
    expect(check(w, weldingPost())).toEqual([]);
  });
  it('counts a skill granted by a completed training as a route', () => {
    const w = labourer({
      trainings: [{ course: '焊工培训', completedOn: d('2025-12-01'), grantsSkill: welding }],
    });
    expect(check(w, weldingPost())).toEqual([]);
  });
  it('does not apply when the post trains beginners on the job', () => {
    expect(check(labourer(), weldingPost({ trainsOnJob: true }))).toEqual([]);
  });
  it('reports each missing skill once, in the post order', () => {
    const p = weldingPost({
      requiredSkills: [
        { skill: skill('cooking'), minLevel: 5 },
        { skill: welding, minLevel: 5 },
        { skill: skill('cooking'), minLevel: 3 },
      ],
    });
    expect(check(labourer(), p)).toEqual([missing(skill('cooking')), missing(welding)]);
    const cook = labourer({ skills: [{ skill: skill('cooking'), level: 5, certified: false }] });
    expect(check(cook, p)).toEqual([missing(welding)]);
  });
  it('is a pair rule after the certificate rules', () => {
    const order = ELIGIBILITY_RULES.map((r) => r.code);
    const at = order.indexOf('required-skill-missing');
    expect(at).toBe(order.indexOf('certificate-expired') + 1);
    expect(ELIGIBILITY_RULES[at]!.scope).toBe('pair');
    const p = weldingPost({ requiredCertificates: [cert('welding-thermal-cutting')] });
    expect(codes(labourer(), p)).toEqual(['certificate-missing', 'required-skill-missing']);
  });
  it('agrees with the skills component: excluded exactly where a required skill earns no credit', () => {
    const ds = dataset();
    const p = weldingPost();
    for (const w of [
      labourer(),
      labourer({ skills: [{ skill: welding, level: 5, certified: false }] }),
      labourer({ skills: [{ skill: skill('cooking'), level: 1, certified: true }] }),
      labourer({ skills: [{ skill: skill('machine-maintenance'), level: 5, certified: false }] }),
    ]) {
      const reasons = skillsComponent(ds.policy, w, p).reasons.map((r) => r.code);
      expect(checkEligibility(ds, w, p).length > 0).toBe(reasons.includes('skill-required-missing'));
    }
  });
});

describe('rule order', () => {
  it('reports several broken rules in the order of ELIGIBILITY_RULES', () => {
    const w = labourer({
      birthDate: d('2008-06-01'),
      needsDormitory: true,
      cannotLeaveHome: true,
      availableFrom: d('2026-08-01'),
      mobility: { scope: 'anywhere', preferred: [], refused: [{ kind: 'area', area: '44' as AreaCode }] },
    });
    const p = post({
      hazardous: true,
      requiredCertificates: [cert('welding-thermal-cutting')],
      ageRange: { min: 20 },
      openings: 3,
      filled: 3,
      window: { opens: d('2026-03-02'), closes: d('2026-07-01') },
      dormitory: { provided: false, monthlyCost: 0 },
    });
    const e = employer({ vetting: { ...employer().vetting, status: 'pending', vettedOn: d('2026-04-01') } });
    const got = codes(w, p, { employers: [e] });
    expect(got).toEqual([
      'minor-hazardous',
      'minor-special-operation',
      'outside-post-age-range',
      'employer-not-approved',
      'employer-vetting-not-yet-valid',
      'no-openings-left',
      'window-not-open',
      'available-after-window',
      'cannot-leave-home',
      'certificate-missing',
      'refused-destination',
      'dormitory-needed',
    ]);
    const order = ELIGIBILITY_RULES.map((r) => r.code);
    expect([...got].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(got);
  });
});

describe('ended for cause', () => {
  const e2 = employer({ id: 'e2' as EmployerId, name: '另一厂' });
  const p2 = post({ id: 'p2' as PostId, employer: e2.id });
  const w = labourer();
  const end = {
    labourer: w.id,
    employer: 'e1' as EmployerId,
    post: 'p1' as PostId,
    reason: 'dismissed' as const,
    on: '2026-01-10' as IsoDate,
  };
  const ds = {
    ...dataset({ labourers: [w], employers: [employer(), e2], posts: [post(), p2] }),
    endedForCause: [end],
  };
  it("bars every post of the employer, and only that employer's, for that labourer only", () => {
    expect(checkEligibility(ds, w, ds.posts[0]!)).toEqual([
      {
        code: 'ended-for-cause',
        params: { employer: 'e1', post: 'p1', reason: 'dismissed', on: '2026-01-10' },
      },
    ]);
    expect(checkEligibility(ds, w, p2)).toEqual([]);
    const other = labourer({ id: 'w2' as LabourerId });
    expect(checkEligibility({ ...ds, labourers: [w, other] }, other, ds.posts[0]!)).toEqual([]);
  });
  it('names the latest end when a pair ended for cause twice', () => {
    const twice = {
      ...ds,
      endedForCause: [end, { ...end, reason: 'wages-unpaid' as const, on: '2026-02-01' as IsoDate }, end],
    };
    expect(checkEligibility(twice, w, ds.posts[0]!)[0]!.params).toMatchObject({
      reason: 'wages-unpaid',
      on: '2026-02-01',
    });
  });
});

describe('ELIGIBILITY_RULES', () => {
  const every: Record<ExclusionCode, true> = {
    'under-minimum-age': true,
    'minor-hazardous': true,
    'minor-special-operation': true,
    'retirement-age-reached': true,
    'retirement-undetermined': true,
    'outside-post-age-range': true,
    'employer-not-approved': true,
    'employer-vetting-expired': true,
    'employer-vetting-not-yet-valid': true,
    'no-openings-left': true,
    'window-not-open': true,
    'window-closed': true,
    'available-after-window': true,
    'cannot-leave-home': true,
    'outside-mobility-scope': true,
    'certificate-missing': true,
    'certificate-expired': true,
    'required-skill-missing': true,
    'refused-destination': true,
    'dormitory-needed': true,
    'below-minimum-pay': true,
    'ended-for-cause': true,
  };
  it('lists every exclusion code exactly once, under-age first', () => {
    const listed = ELIGIBILITY_RULES.map((r) => r.code);
    expect([...listed].sort()).toEqual(Object.keys(every).sort());
    expect(listed[0]).toBe('under-minimum-age');
  });
  it('gives each rule a one-line description and marks the labourer-level ones', () => {
    for (const r of ELIGIBILITY_RULES) {
      expect(r.description.length).toBeGreaterThan(10);
      expect(r.description).not.toMatch(/\n/);
    }
    expect(ELIGIBILITY_RULES.filter((r) => r.scope === 'labourer').map((r) => r.code)).toEqual([
      'under-minimum-age',
      'retirement-age-reached',
      'retirement-undetermined',
    ]);
  });
});

describe('labourerExclusions', () => {
  it('is empty for a labourer of working age, whatever the posts', () => {
    const w = labourer();
    expect(labourerExclusions(dataset({ labourers: [w], posts: [post({ filled: 10 })] }), w)).toEqual([]);
  });
  it('agrees with the labourer-level part of checkEligibility', () => {
    const w = withoutGender(labourer({ birthDate: d('1960-01-01') }));
    const ds = dataset({ labourers: [w] });
    const ownRules = new Set(ELIGIBILITY_RULES.filter((r) => r.scope === 'labourer').map((r) => r.code));
    const p = ds.posts[0]!;
    expect(checkEligibility(ds, w, p).filter((e) => ownRules.has(e.code))).toEqual(labourerExclusions(ds, w));
  });
});
