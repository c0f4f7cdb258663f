/**
 * A small valid dataset in its JSON input form, for tests of the parser and of anything that
 * starts from JSON. A fresh object on every call, so a test may mutate its copy.
 */
import type { DatasetInput } from '../../src/parse.js';

/** The as-of date of {@link validInput}. */
export const VALID_AS_OF = '2026-03-01';

/**
 * Three labourers from real partner counties (镇雄县, 东乡族自治县, 昭阳区), two vetted
 * employers, three posts: two in Dongguan towns (塘厦镇, 长安镇) and one in the 粤滇产业园, and two
 * groups: w1 and w3 to one employer, w2 alone as a family (the rest of the family is not registered).
 */
export function validInput(): DatasetInput {
  return {
    asOf: VALID_AS_OF,
    labourers: [
      {
        id: 'w1',
        name: '张三',
        household: 'registered',
        originCounty: '530627',
        birthDate: '1995-06-15',
        gender: 'male',
        skills: [{ skill: 'electronics-assembly', level: 4, certified: true }],
        certificates: [
          { certificate: 'health-certificate', issuedOn: '2025-09-01', validUntil: '2026-08-31' },
        ],
        pay: { minMonthly: 3500, targetMonthly: 5000 },
        mobility: { scope: 'anywhere', preferred: [{ kind: 'area', area: '4419' }] },
        needsDormitory: true,
        languages: ['zh', 'ii'],
      },
      {
        id: 'w2',
        household: 'monitored',
        originCounty: '622926',
        birthDate: '1988-11-02',
        gender: 'female',
        trainings: [
          {
            course: 'sewing-machine',
            completedOn: '2025-12-20',
            grantsSkill: 'sewing-machine-operation',
            grantsLevel: 5,
          },
        ],
        pay: { minMonthly: 3000, targetMonthly: 4200 },
        mobility: { scope: 'home-province', refused: [{ kind: 'park', park: 'caohu' }] },
        availableFrom: '2026-04-01',
      },
      {
        id: 'w3',
        household: 'registered',
        originCounty: '530602',
        birthDate: '1979-03-30',
        pay: { minMonthly: 2500, targetMonthly: 3200 },
        mobility: { scope: 'home-prefecture' },
        cannotLeaveHome: true,
      },
    ],
    employers: [
      {
        id: 'e1',
        name: '塘厦示例电子有限公司',
        vetting: {
          status: 'approved',
          criteria: ['well-managed', 'suitable-posts', 'good-pay', 'socially-responsible'],
          vettedOn: '2025-06-01',
          validUntil: '2027-05-31',
        },
        trackRecord: { placements: 40, retainedSixMonths: 31 },
        workforceByOrigin: [{ county: '530627', count: 12 }],
      },
      {
        id: 'e2',
        name: '粤滇园区示例服装厂',
        vetting: {
          status: 'approved',
          criteria: ['suitable-posts'],
          vettedOn: '2025-09-15',
          validUntil: '2026-09-14',
        },
      },
    ],
    posts: [
      {
        id: 'p1',
        employer: 'e1',
        title: '电子装配工',
        occupation: '6-25-04-07',
        site: { kind: 'town', town: '441900116' },
        openings: 20,
        filled: 5,
        requiredSkills: [{ skill: 'electronics-assembly', minLevel: 5 }],
        requiredCertificates: ['health-certificate'],
        trainsOnJob: true,
        pay: { kind: 'monthly', baseMonthly: 2300, expectedMonthly: 5200 },
        dormitory: { provided: true },
        meals: { provided: true, monthlyCost: 300 },
        contractMonths: 12,
        ageRange: { min: 18, max: 45 },
        window: { opens: '2026-01-01', closes: '2026-06-30' },
        languages: ['zh'],
      },
      {
        id: 'p2',
        employer: 'e1',
        title: '计件包装工',
        occupation: '6-31-01-03',
        site: { kind: 'town', town: '441900119' },
        openings: 8,
        optionalSkills: [{ skill: 'packaging' }],
        pay: { kind: 'piece-rate', guaranteedMonthly: 2100, expectedMonthly: 4800 },
        contractMonths: 6,
        window: { opens: '2026-02-01', closes: '2026-04-30' },
      },
      {
        id: 'p3',
        employer: 'e2',
        title: '缝纫工',
        occupation: '6-05-01-01',
        site: { kind: 'park', park: 'yuedian' },
        openings: 30,
        requiredSkills: [{ skill: 'sewing-machine-operation', minLevel: 4 }],
        trainsOnJob: true,
        pay: { kind: 'monthly', baseMonthly: 1900, expectedMonthly: 3600 },
        meals: { provided: true, monthlyCost: 0 },
        contractMonths: 12,
        window: { opens: '2026-01-15', closes: '2026-12-31' },
      },
    ],
    groups: [
      { id: 'g1', members: ['w1', 'w3'], rule: 'same-employer' },
      { id: 'g2', members: ['w2'], rule: 'same-site', kind: 'family' },
    ],
  };
}
