/**
 * The compiled index's tables, column by column, against the object path they stand for: each
 * post's rule bits against `checkEligibility`, net pay against `netPay`, county–post bytes against
 * the origin component's link and the eligibility rules' places, each labourer's holdings,
 * certificates, destinations and barred employers against the dataset. (compile.test.ts holds the
 * kernel's scores and verdicts to the object path; a column no score or verdict of its fixtures
 * reads — the reasons' counts, capacities, the tie-break — is pinned here.)
 */
import { describe, expect, it } from 'vitest';
import {
  compileIndex,
  compileLabourers,
  compilePosts,
  CP_AWAY,
  CP_LINK_MASK,
  CP_NEAR_HOME,
  CP_SAME_PREFECTURE,
  CP_SAME_PROVINCE,
  LINK_VALUES,
  POST_RULE_CODES,
  SCOPE_CODES,
  type CompiledIndex,
} from '../src/compile.js';
import { compareIds, priorityTier } from '../src/compare.js';
import { areaContains, prefectureOf, provinceOf } from '../src/divisions.js';
import { checkEligibility, excludedOutright, heldCertificateState, isNearHome } from '../src/eligibility.js';
import { contextOf, siteArea } from '../src/internal/context.js';
import { ageOn } from '../src/internal/dates.js';
import { parseDataset } from '../src/parse.js';
import { dongguanPolicy } from '../src/policy/dongguan.js';
import { minimumWageAt } from '../src/policy/resolve.js';
import type { Policy } from '../src/policy/types.js';
import { generateSample } from '../src/sample.js';
import { COMPONENTS, scorePair } from '../src/score.js';
import { employerComponent } from '../src/score/employer.js';
import { originComponent } from '../src/score/origin.js';
import { netPay } from '../src/score/pay.js';
import { linksOf, skillsHeld } from '../src/score/skills.js';
import type {
  AreaCode,
  BaseId,
  CertificateId,
  CountyCode,
  Dataset,
  EmployerId,
  IsoDate,
  Labourer,
  ParkId,
  PostId,
  SkillId,
  LabourerId,
} from '../src/types.js';
import { dataset, employer, labourer, post, ZHENXIONG } from './helpers/build.js';

const sample = parseDataset(generateSample({ labourers: 120, posts: 90, seed: 11 }));

/** The number YYYYMMDD of an ISO date. */
const ymd = (date: string): number => Number(date.replaceAll('-', ''));

/** The bits set in a row of a bitset, as the ids they stand for. */
function bitsOf(words: Uint32Array, row: number, width: number, ids: readonly string[]): string[] {
  return ids.filter((_, k) => ((words[row * width + (k >>> 5)]! >>> (k & 31)) & 1) === 1);
}

/** Every post column against the dataset and the object path. */
function expectPostTables(ds: Dataset, index: CompiledIndex): void {
  const ctx = contextOf(ds);
  const someone = labourer({ id: '\u0000someone' as LabourerId });
  const sorted = ds.posts.map((p) => p.id as string).sort(compareIds);
  expect(index.postCount).toBe(ds.posts.length);
  expect(index.employerCount).toBe(ds.employers.length);
  ds.employers.forEach((e, k) => {
    expect(index.employerValue[k], e.id).toBe(employerComponent(e).value ?? Number.NaN);
  });
  ds.posts.forEach((p, j) => {
    const area = siteArea(p.site, ctx.parks);
    const rules = new Set(checkEligibility(ds, someone, p).map((e) => e.code as string));
    const bits = POST_RULE_CODES.filter((_, k) => ((index.postRules[j]! >>> k) & 1) === 1);
    expect(bits, p.id).toEqual(POST_RULE_CODES.filter((c) => rules.has(c)));
    expect(index.postOpen[j], p.id).toBe(bits.length === 0 ? 1 : 0);
    const special = p.requiredCertificates.some((c) => ctx.certificates.get(c)?.specialOperation === true);
    expect(index.postAdultRules[j], p.id).toBe((p.hazardous ? 1 : 0) + (special ? 2 : 0));
    expect(index.postNeedsAdult[j], p.id).toBe(p.hazardous || special ? 1 : 0);
    expect(index.postIdRank[j], p.id).toBe(sorted.indexOf(p.id));
    expect(index.postCloses[j], p.id).toBe(ymd(p.window.closes));
    expect(index.postAgeMin[j], p.id).toBe(p.ageRange?.min ?? Number.NEGATIVE_INFINITY);
    expect(index.postAgeMax[j], p.id).toBe(p.ageRange?.max ?? Number.POSITIVE_INFINITY);
    expect(index.postDormProvided[j], p.id).toBe(p.dormitory.provided ? 1 : 0);
    // With the dormitory's cost: a labourer who needs one; without: the same post providing none.
    expect(index.postNetDorm[j], p.id).toBe(netPay(labourer({ needsDormitory: true }), p, area).net);
    const noDorm = { ...p, dormitory: { provided: false, monthlyCost: 0 } };
    expect(index.postNetNoDorm[j], p.id).toBe(netPay(labourer(), noDorm, area).net);
    expect(ds.employers[index.postEmployer[j]!]!.id, p.id).toBe(p.employer);
    expect(index.postArea[j], p.id).toBe(area);
    if (p.site.kind === 'park') expect(index.parkIds[index.postPark[j]!], p.id).toBe(p.site.park);
    else expect(index.postPark[j], p.id).toBe(-1);
    expect(index.postTrainsOnJob[j], p.id).toBe(p.trainsOnJob ? 1 : 0);
    expect(index.postCapacity[j], p.id).toBe(Math.max(0, p.openings - p.filled));
    const listed = (start: Int32Array, skill: Int32Array, level: Uint8Array): [string, number][] => {
      const out: [string, number][] = [];
      for (let k = start[j]!; k < start[j + 1]!; k++) out.push([index.skillIds[skill[k]!]!, level[k]!]);
      return out;
    };
    expect(listed(index.reqStart, index.reqSkill, index.reqLevel), p.id).toEqual(
      p.requiredSkills.map((r) => [r.skill, r.minLevel]),
    );
    expect(listed(index.optStart, index.optSkill, index.optLevel), p.id).toEqual(
      p.optionalSkills.map((r) => [r.skill, r.minLevel]),
    );
    expect(bitsOf(index.postCerts, j, index.certWords, index.certIds), p.id).toEqual(
      index.certIds.filter((c) => p.requiredCertificates.includes(c as CertificateId)),
    );
    expect(bitsOf(index.postLangs, j, index.langWords, index.langIds), p.id).toEqual(
      index.langIds.filter((l) => p.languages.includes(l)),
    );
    expect(index.postHasLang[j], p.id).toBe(p.languages.length > 0 ? 1 : 0);
  });
  // Every park of the policy has an id (a preferred or refused park no post is in among them).
  for (const park of ds.policy.parks) expect(index.parkIds).toContain(park.id);
  // The taxonomy's links, each skill's row whole.
  const links = linksOf(ds.policy);
  index.skillIds.forEach((s, k) => {
    const row = new Map<string, number>();
    for (let l = index.linkStart[k]!; l < index.linkStart[k + 1]!; l++) {
      row.set(index.skillIds[index.linkTo[l]!]!, index.linkCredit[l]!);
    }
    expect(row, s).toEqual(new Map(links.get(s) ?? []));
  });
  expect(index.linkStart[index.skillIds.length]).toBe(index.linkTo.length);
  for (const [a] of links) expect(index.skillIds).toContain(a);
}

/**
 * The county tables against the origin component's link and the eligibility rules' places; returns
 * the links' reason codes met.
 */
function expectCountyTables(ds: Dataset, index: CompiledIndex): Set<string> {
  const ctx = contextOf(ds);
  const met = new Set<string>();
  index.counties.forEach((county, c) => {
    const home = minimumWageAt(ds.policy, county, ds.asOf);
    expect(index.countyHomeMin[c], county).toBe(
      home !== undefined && home.monthly > 0 ? home.monthly : Number.NaN,
    );
    // A labourer of the county with no preferred destination: the link part is the compiled code's.
    const w = labourer({ originCounty: county as CountyCode });
    ds.posts.forEach((p, j) => {
      const code = index.countyPost[c * index.postCount + j]!;
      const area = siteArea(p.site, ctx.parks);
      const e = ctx.employers.get(p.employer)!;
      const at = `${county} ${p.id}`;
      const origin = originComponent(ds.policy, ds.asOf, w, p, e, area);
      expect(LINK_VALUES[code & CP_LINK_MASK], at).toBe(origin.parts[0]!.value);
      met.add(origin.reasons[0]!.code);
      const park = p.site.kind === 'park' ? ctx.parks.get(p.site.park) : undefined;
      expect((code & CP_NEAR_HOME) !== 0, at).toBe(isNearHome(county, area, park));
      expect((code & CP_AWAY) !== 0, at).toBe(!areaContains(county, area));
      expect((code & CP_SAME_PREFECTURE) !== 0, at).toBe(prefectureOf(area) === prefectureOf(county));
      expect((code & CP_SAME_PROVINCE) !== 0, at).toBe(provinceOf(area) === provinceOf(county));
    });
    ds.employers.forEach((e, k) => {
      let fellows = 0;
      for (const row of e.workforceByOrigin) if (row.county === county) fellows += row.count;
      expect(index.countyFellows[c * index.employerCount + k], `${county} ${e.id}`).toBe(fellows);
    });
  });
  return met;
}

/** Every labourer column against the dataset. */
function expectLabourerTables(ds: Dataset, index: CompiledIndex): void {
  const skillOf = new Map(index.skillIds.map((s, k) => [s, k]));
  const parkOf = new Map(index.parkIds.map((s, k) => [s, k]));
  const employerRow = new Map(ds.employers.map((e, k) => [e.id as string, k]));
  expect(index.labourerCount).toBe(ds.labourers.length);
  ds.labourers.forEach((w, i) => {
    const at = w.id;
    expect(index.counties[index.labourerCounty[i]!], at).toBe(w.originCounty);
    expect(index.labourerExcluded[i], at).toBe(excludedOutright(ds, w) ? 1 : 0);
    expect(index.labourerAge[i], at).toBe(ageOn(w.birthDate, ds.asOf));
    expect(index.labourerAvailable[i], at).toBe(ymd(w.availableFrom));
    expect(index.labourerMin[i], at).toBe(w.pay.minMonthly);
    expect(index.labourerTarget[i], at).toBe(w.pay.targetMonthly);
    expect(index.labourerNeedsDorm[i], at).toBe(w.needsDormitory ? 1 : 0);
    expect(index.labourerCannotLeave[i], at).toBe(w.cannotLeaveHome ? 1 : 0);
    expect(index.labourerPriority[i], at).toBe(priorityTier(w) === 0 ? 1 : 0);
    expect(index.labourerScope[i], at).toBe(
      w.cannotLeaveHome ? SCOPE_CODES['home-county'] : SCOPE_CODES[w.mobility.scope],
    );
    // Holdings: held skills, then trained ones (level 5 unless the training says), known skills only.
    const holdings: [string, number, number, number][] = [];
    for (let k = index.holdStart[i]!; k < index.holdStart[i + 1]!; k++) {
      holdings.push([
        index.skillIds[index.holdSkill[k]!]!,
        index.holdLevel[k]!,
        index.holdCourse[k]!,
        index.holdCertified[k]!,
      ]);
    }
    expect(holdings, at).toEqual(
      [
        ...w.skills.map((s): [string, number, number, number] => [s.skill, s.level, 0, s.certified ? 1 : 0]),
        ...w.trainings.flatMap((t): [string, number, number, number][] =>
          t.grantsSkill === undefined ? [] : [[t.grantsSkill, t.grantsLevel ?? 5, 1, 0]],
        ),
      ].filter(([s]) => skillOf.has(s)),
    );
    const own = skillsHeld(w);
    expect(index.ownCount[i], at).toBe(own.length);
    expect([...index.ownSkill.subarray(index.ownStart[i]!, index.ownStart[i + 1]!)], at).toEqual(
      own.filter((s) => skillOf.has(s)).map((s) => skillOf.get(s)),
    );
    const places = (start: Int32Array, areas: readonly string[], parks: Int32Array): [string, number][] => {
      const out: [string, number][] = [];
      for (let k = start[i]!; k < start[i + 1]!; k++) out.push([areas[k]!, parks[k]!]);
      return out;
    };
    const expected = (ds: Labourer['mobility']['preferred']): [string, number][] =>
      ds.map((d) => (d.kind === 'area' ? [d.area, -1] : ['', parkOf.get(d.park) ?? -2]));
    expect(places(index.prefStart, index.prefArea, index.prefPark), at).toEqual(
      expected(w.mobility.preferred),
    );
    expect(places(index.refStart, index.refArea, index.refPark), at).toEqual(expected(w.mobility.refused));
    const barred = (ds.endedForCause ?? [])
      .filter((end) => end.labourer === w.id && employerRow.has(end.employer))
      .map((end) => employerRow.get(end.employer)!);
    expect([...index.barEmployer.subarray(index.barStart[i]!, index.barStart[i + 1]!)].sort(), at).toEqual(
      [...new Set(barred)].sort(),
    );
    // Certificates: valid if any copy is; expired if some copy is and none valid; never a copy not yet issued.
    const states = (c: string): string[] =>
      w.certificates.filter((h) => h.certificate === c).map((h) => heldCertificateState(h, ds.asOf));
    expect(bitsOf(index.labourerCerts, i, index.certWords, index.certIds), at).toEqual(
      index.certIds.filter((c) => states(c).includes('valid')),
    );
    expect(bitsOf(index.labourerExpiredCerts, i, index.certWords, index.certIds), at).toEqual(
      index.certIds.filter((c) => states(c).includes('expired') && !states(c).includes('valid')),
    );
    expect(bitsOf(index.labourerLangs, i, index.langWords, index.langIds), at).toEqual(
      index.langIds.filter((l) => w.languages.includes(l)),
    );
  });
}

function expectTables(ds: Dataset): { index: CompiledIndex; links: Set<string> } {
  const index = compileIndex(ds);
  expectPostTables(ds, index);
  const links = expectCountyTables(ds, index);
  expectLabourerTables(ds, index);
  return { index, links };
}

describe('compileIndex tables', () => {
  it('hold every post, county and labourer of a sample as the object path sees them', () => {
    const { index, links } = expectTables(sample);
    // The sample reaches the cases the comparisons tell apart: every kind of link among them but a
    // designated base (the fixture below has one).
    expect([...links].sort()).toEqual([
      'origin-cross-province',
      'origin-home-county',
      'origin-paired-town',
      'origin-park-serves',
      'origin-same-prefecture',
      'origin-same-province',
    ]);
    expect(index.postOpen.includes(0) && index.postOpen.includes(1)).toBe(true);
    expect(index.postRules.some((b) => b !== 0)).toBe(true);
    expect(index.holdCourse.includes(1)).toBe(true);
    expect(index.countyFellows.some((n) => n > 0)).toBe(true);
  });

  /** Posts that each break other rules of their own, and labourers at the edges of what is compiled. */
  function edges(): Dataset {
    const special = dongguanPolicy.certificates.find((c) => c.specialOperation)!.id;
    const plain = dongguanPolicy.certificates.find((c) => !c.specialOperation)!.id;
    const skill = dongguanPolicy.skills[0]!.id;
    const unknownSkill = 'skill-no-post-asks-for' as SkillId;
    const source = dongguanPolicy.minimumWages[0]!.source;
    const policy: Policy = {
      ...dongguanPolicy,
      // Two bases for labourers from Zhenxiong: one takes the first employer's posts, the other
      // the third's, so a post is a base's when some base takes it, not every one.
      bases: (['e1', 'e3'] as const).map((e) => ({
        id: `base-${e}` as BaseId,
        name: { zh: '基地', en: 'base' },
        origin: ZHENXIONG as string as AreaCode,
        employer: e as EmployerId,
        from: '2025-01-01' as IsoDate,
        source,
      })),
      // A home county whose minimum wage is stated as 0 reads as unknown, like one with none.
      minimumWages: [
        ...dongguanPolicy.minimumWages,
        {
          area: '5306' as AreaCode,
          from: '2020-01-01' as IsoDate,
          monthly: 1670,
          source,
        },
        {
          area: '520102' as AreaCode,
          from: '2020-01-01' as IsoDate,
          monthly: 0,
          source,
        },
      ],
    };
    const expired = { ...employer().vetting, validUntil: '2026-02-01' as IsoDate };
    const notYet = { ...employer().vetting, vettedOn: '2026-04-01' as IsoDate };
    const revoked = { ...employer().vetting, status: 'revoked' as const };
    return dataset({
      policy,
      employers: [
        employer({
          workforceByOrigin: [
            { county: ZHENXIONG, count: 3 },
            { county: '520102' as CountyCode, count: 4 },
            { county: ZHENXIONG, count: 2 },
          ],
        }),
        employer({ id: 'e2' as EmployerId, vetting: revoked }),
        employer({ id: 'e3' as EmployerId, vetting: expired }),
        employer({
          id: 'e4' as EmployerId,
          vetting: notYet,
          workforceByOrigin: [{ county: '520102' as CountyCode, count: 1 }],
        }),
      ],
      posts: [
        // Ids out of order, and one that sorts before another as a string but not as a number.
        post({ id: 'p9' as PostId, employer: 'e2' as EmployerId, hazardous: true }),
        post({ id: 'p10' as PostId, openings: 2, filled: 5, requiredCertificates: [special] }),
        post({
          id: 'p1' as PostId,
          employer: 'e3' as EmployerId,
          hazardous: true,
          requiredCertificates: [plain, special],
          window: { opens: '2026-04-01' as IsoDate, closes: '2026-12-31' as IsoDate },
          ageRange: { min: 20, max: 45 },
          requiredSkills: [{ skill, minLevel: 4 }],
          languages: ['yue'],
        }),
        post({
          id: 'p0' as PostId,
          employer: 'e4' as EmployerId,
          openings: 5,
          filled: 2,
          requiredCertificates: [plain],
          window: { opens: '2025-01-01' as IsoDate, closes: '2026-02-28' as IsoDate },
          ageRange: { min: 18 },
          dormitory: { provided: true, monthlyCost: 250 },
          meals: { provided: false, monthlyCost: 0 },
          pay: { kind: 'piece-rate', guaranteedMonthly: 2100, expectedMonthly: 6100 },
        }),
        post({
          id: 'p5' as PostId,
          site: { kind: 'park', park: 'yuedian' as ParkId },
          openings: 3,
          filled: 3,
        }),
      ],
      labourers: [
        labourer({
          id: 'w1' as LabourerId,
          household: 'other',
          skills: [
            { skill, level: 3, certified: true },
            { skill: unknownSkill, level: 2, certified: false },
          ],
          trainings: [
            { course: 'c1', completedOn: '2025-05-01' as IsoDate, grantsSkill: skill },
            { course: 'c2', completedOn: '2025-05-01' as IsoDate },
            { course: 'c3', completedOn: '2025-05-01' as IsoDate, grantsSkill: unknownSkill, grantsLevel: 4 },
          ],
          certificates: [
            // Valid in one copy, expired in another: valid only.
            { certificate: special, validUntil: '2026-01-01' as IsoDate },
            { certificate: special, validUntil: '2027-01-01' as IsoDate },
            // Expired only.
            { certificate: plain, validUntil: '2026-02-28' as IsoDate },
          ],
          mobility: {
            scope: 'home-province',
            preferred: [
              { kind: 'park', park: 'guanshao' as ParkId },
              { kind: 'area', area: '4419' as AreaCode },
            ],
            refused: [{ kind: 'park', park: 'caohu' as ParkId }],
          },
          languages: ['zh', 'yue'],
          availableFrom: '2026-03-15' as IsoDate,
        }),
        labourer({
          id: 'w2' as LabourerId,
          household: 'monitored',
          originCounty: '520102' as CountyCode,
          cannotLeaveHome: true,
          needsDormitory: true,
          // Issued after the as-of date: neither valid nor expired.
          certificates: [{ certificate: plain, issuedOn: '2026-05-01' as IsoDate }],
          trainings: [
            { course: 'c4', completedOn: '2025-05-01' as IsoDate, grantsSkill: skill, grantsLevel: 2 },
          ],
          mobility: {
            scope: 'home-prefecture',
            preferred: [],
            refused: [{ kind: 'area', area: '44' as AreaCode }],
          },
          pay: { minMonthly: 2500, targetMonthly: 3800 },
        }),
        // Under the minimum working age: excluded outright.
        labourer({ id: 'w3' as LabourerId, birthDate: '2012-06-01' as IsoDate, languages: [] }),
      ],
    });
  }

  it('hold posts breaking each rule about the post alone, and labourers at the edges of what is compiled', () => {
    const ds: Dataset = {
      ...edges(),
      endedForCause: [
        {
          labourer: 'w1' as LabourerId,
          employer: 'e3' as EmployerId,
          post: 'p1' as PostId,
          reason: 'dismissed',
          on: '2025-10-01' as IsoDate,
        },
        {
          labourer: 'w1' as LabourerId,
          employer: 'e1' as EmployerId,
          post: 'p10' as PostId,
          reason: 'wages-unpaid',
          on: '2025-11-01' as IsoDate,
        },
        // An employer not in the dataset bars no post.
        {
          labourer: 'w2' as LabourerId,
          employer: 'gone' as EmployerId,
          post: 'p1' as PostId,
          reason: 'dismissed',
          on: '2025-11-01' as IsoDate,
        },
      ],
    };
    const { index, links } = expectTables(ds);
    expect(links).toContain('origin-designated-base');
    // Each rule about the post alone excludes some post here, the first of them too.
    for (let k = 0; k < POST_RULE_CODES.length; k++) {
      expect(
        index.postRules.some((b) => ((b >>> k) & 1) === 1),
        POST_RULE_CODES[k],
      ).toBe(true);
    }
    // p0 < p1 < p10 < p5 < p9 as strings.
    expect([...index.postIdRank]).toEqual([4, 2, 1, 0, 3]);
    expect([...index.postCloses]).toEqual([20260630, 20260630, 20261231, 20260228, 20260630]);
    expect([...index.postCapacity]).toEqual([10, 0, 10, 3, 0]);
    expect([...index.postAdultRules]).toEqual([1, 2, 3, 0, 0]);
    expect([...index.labourerPriority]).toEqual([0, 1, 1]);
    expect([...index.labourerScope]).toEqual([SCOPE_CODES['home-province'], SCOPE_CODES['home-county'], 0]);
    expect([...index.labourerExcluded]).toEqual([0, 0, 1]);
    expect([...index.labourerAvailable]).toEqual([20260315, 20260101, 20260101]);
    // The skill no post asks for counts among w1's skills but has no row.
    expect([...index.ownCount]).toEqual([2, 1, 0]);
    expect(index.ownStart[1]).toBe(1);
    // w1's training without a level holds the skill at 5.
    expect(index.holdLevel[1]).toBe(5);
    expect([...index.barStart]).toEqual([0, 2, 2, 2]);
    expect(index.labourerCerts[0]).not.toBe(0);
    expect(index.labourerExpiredCerts[0]).not.toBe(0);
    expect(index.labourerCerts[1]! | index.labourerExpiredCerts[1]!).toBe(0);
    expect(Number.isNaN(index.countyHomeMin[index.labourerCounty[1]!])).toBe(true);
    expect(index.countyHomeMin[index.labourerCounty[0]!]).toBe(1670);
  });

  it('hold certificates past the first word of a bitset, valid and expired, for each labourer', () => {
    const certificates = Array.from({ length: 40 }, (_, k) => ({
      id: `cert-${String(k).padStart(2, '0')}` as CertificateId,
      name: { zh: `证书${k}`, en: `certificate ${k}` },
      specialOperation: false,
    }));
    const id = (k: number): CertificateId => certificates[k]!.id;
    const expired = '2026-01-31' as IsoDate;
    const valid = '2027-01-31' as IsoDate;
    const ds = dataset({
      policy: { ...dongguanPolicy, certificates },
      // One post asks for all 40, so certificates 32–39 fall in the second word.
      posts: [post({ requiredCertificates: certificates.map((c) => c.id) })],
      labourers: [
        labourer({ id: 'w1' as LabourerId, certificates: [{ certificate: id(33), validUntil: expired }] }),
        // Valid and expired copies, in the first word and in the second: valid only.
        labourer({
          id: 'w2' as LabourerId,
          certificates: [3, 35].flatMap((k) => [
            { certificate: id(k), validUntil: expired },
            { certificate: id(k), validUntil: valid },
          ]),
        }),
        labourer({
          id: 'w3' as LabourerId,
          certificates: [
            { certificate: id(36), validUntil: expired },
            { certificate: id(37), validUntil: valid },
          ],
        }),
      ],
    });
    const { index } = expectTables(ds);
    expect(index.kind).toBe('bangfu-compiled-index');
    expect(index.certWords).toBe(2);
    expect([...index.labourerCerts]).toEqual([0, 0, 1 << 3, 1 << 3, 0, 1 << 5]);
    expect([...index.labourerExpiredCerts]).toEqual([0, 1 << 1, 0, 0, 0, 1 << 4]);
  });

  it('give each component the effective weight scorePair gives it', () => {
    const index = compileIndex(sample);
    const { components } = scorePair(sample, sample.labourers[0]!, sample.posts[0]!);
    expect([...index.effectiveWeights]).toEqual(components.map((c) => c.effectiveWeight));
    expect(components.map((c) => c.component)).toEqual([...COMPONENTS]);
  });
});

describe('compileLabourers', () => {
  it('in chunks reuses the counties compiled before and adds the others, with the same tables', () => {
    const posts = compilePosts(sample);
    const whole = compileIndex(sample);
    const half = Math.floor(sample.labourers.length / 2);
    const first = compileLabourers(posts, { ...sample, labourers: sample.labourers.slice(0, half) });
    const rest = { ...sample, labourers: sample.labourers.slice(half) };
    const second = compileLabourers(posts, rest, first);
    // The first chunk's counties keep their rows; the second adds its new ones after them.
    expect(second.counties.slice(0, first.counties.length)).toEqual(first.counties);
    expect(new Set(second.counties)).toEqual(
      new Set([...first.counties, ...rest.labourers.map((w) => w.originCounty)]),
    );
    expect(second.counties.length).toBeGreaterThan(first.counties.length);
    const P = posts.postCount;
    const E = posts.employerCount;
    for (const [c, county] of second.counties.entries()) {
      const k = whole.counties.indexOf(county);
      expect(k, county).toBeGreaterThanOrEqual(0);
      expect(second.countyHomeMin[c], county).toBe(whole.countyHomeMin[k]);
      expect([...second.countyPost.subarray(c * P, (c + 1) * P)], county).toEqual([
        ...whole.countyPost.subarray(k * P, (k + 1) * P),
      ]);
      expect([...second.countyFellows.subarray(c * E, (c + 1) * E)], county).toEqual([
        ...whole.countyFellows.subarray(k * E, (k + 1) * E),
      ]);
    }
    // Fellows both among the counties reused and at the first county added, so a count taken twice
    // or skipped shows.
    const fellows = (index: CompiledIndex, c: number): number =>
      index.countyFellows.subarray(c * E, (c + 1) * E).reduce((a, b) => a + b, 0);
    expect(first.counties.some((_, c) => fellows(second, c) > 0)).toBe(true);
    expect(fellows(second, first.counties.length)).toBeGreaterThan(0);
    expectLabourerTables(rest, second);
  });

  it('refuses posts compiled on another as-of date', () => {
    const posts = compilePosts(sample);
    expect(() => compileLabourers(posts, { ...sample, asOf: '2026-03-02' as IsoDate })).toThrow(
      'compileIndex: labourers and posts differ in as-of date',
    );
  });
});
