/**
 * Builders of valid domain objects for tests: a sensible default for every field, overridable.
 * They build the validated types directly (no parsing), so a rule can be tested in isolation.
 */
import { dongguanPolicy } from '../../src/policy/dongguan.js';
import type { Policy } from '../../src/policy/types.js';
import type {
  CountyCode,
  Dataset,
  Employer,
  EmployerId,
  IsoDate,
  Labourer,
  OccupationCode,
  PlacementGroup,
  Post,
  PostId,
  TownCode,
  LabourerId,
} from '../../src/types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export const AS_OF = '2026-03-01' as IsoDate;
/** 镇雄县, Zhaotong, Yunnan. */
export const ZHENXIONG = '530627' as CountyCode;
/** 塘厦镇, Dongguan. */
export const TANGXIA = '441900116' as TownCode;

export function labourer(overrides: Partial<Mutable<Labourer>> = {}): Labourer {
  return {
    id: 'w1' as LabourerId,
    household: 'registered',
    originCounty: ZHENXIONG,
    birthDate: '1995-06-15' as IsoDate,
    gender: 'male',
    skills: [],
    certificates: [],
    trainings: [],
    pay: { minMonthly: 3000, targetMonthly: 4500 },
    mobility: { scope: 'anywhere', preferred: [], refused: [] },
    needsDormitory: false,
    cannotLeaveHome: false,
    languages: ['zh'],
    availableFrom: '2026-01-01' as IsoDate,
    ...overrides,
  };
}

export function employer(overrides: Partial<Mutable<Employer>> = {}): Employer {
  return {
    id: 'e1' as EmployerId,
    name: '示例电子厂',
    vetting: {
      status: 'approved',
      criteria: ['well-managed', 'suitable-posts', 'good-pay', 'socially-responsible'],
      vettedOn: '2025-06-01' as IsoDate,
      validUntil: '2027-05-31' as IsoDate,
    },
    workforceByOrigin: [],
    ...overrides,
  };
}

export function post(overrides: Partial<Mutable<Post>> = {}): Post {
  return {
    id: 'p1' as PostId,
    employer: 'e1' as EmployerId,
    title: '普工',
    occupation: '6-25-04-07' as OccupationCode,
    site: { kind: 'town', town: TANGXIA },
    openings: 10,
    filled: 0,
    requiredSkills: [],
    optionalSkills: [],
    requiredCertificates: [],
    trainsOnJob: true,
    pay: { kind: 'monthly', baseMonthly: 2300, expectedMonthly: 5000 },
    dormitory: { provided: true, monthlyCost: 0 },
    meals: { provided: true, monthlyCost: 300 },
    contractMonths: 12,
    hazardous: false,
    window: { opens: '2026-01-01' as IsoDate, closes: '2026-06-30' as IsoDate },
    languages: [],
    ...overrides,
  };
}

export function dataset(
  parts: {
    labourers?: readonly Labourer[];
    employers?: readonly Employer[];
    posts?: readonly Post[];
    groups?: readonly PlacementGroup[];
    policy?: Policy;
    asOf?: IsoDate;
  } = {},
): Dataset {
  return {
    asOf: parts.asOf ?? AS_OF,
    labourers: parts.labourers ?? [labourer()],
    employers: parts.employers ?? [employer()],
    posts: parts.posts ?? [post()],
    groups: parts.groups ?? [],
    policy: parts.policy ?? dongguanPolicy,
  };
}

/**
 * One labourer and one post whose pair is lawful and scores exactly 0: pay alone weighs, and the post
 * pays far below what the labourer asks, with the minimum soft.
 */
export function zeroScoreDataset(household: Labourer['household'] = 'other'): Dataset {
  return dataset({
    labourers: [labourer({ household, skills: [], pay: { minMonthly: 6000, targetMonthly: 8000 } })],
    posts: [post()],
    policy: {
      ...dongguanPolicy,
      labourerMinimumPay: 'soft',
      weights: { skills: 0, pay: 1, origin: 0, employer: 0 },
    } as Policy,
  });
}
