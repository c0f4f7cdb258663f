import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { assign } from '../src/assign.js';
import {
  BangfuValidationError,
  isBangfuValidationError,
  issueMessage,
  type ValidationIssue,
} from '../src/errors.js';
import {
  datasetJsonSchema,
  parseDataset,
  parsePolicy,
  safeParseDataset,
  safeParsePolicy,
  type DatasetInput,
  type ParseOptions,
} from '../src/parse.js';
import { groupIssues } from '../src/groups.js';
import { rankPosts } from '../src/rank.js';
import { dongguanPolicy } from '../src/policy/dongguan.js';
import { VALID_AS_OF, validInput } from './helpers/valid-input.js';

/** A mutable view of the valid input, for tests that break one field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

function input(edit: (d: Loose) => void = () => undefined): DatasetInput {
  const d = validInput();
  edit(d);
  return d;
}

function issuesOf(value: unknown, options?: ParseOptions): readonly ValidationIssue[] {
  const result = safeParseDataset(value, options);
  if (result.success) throw new Error('expected the input to be refused');
  return result.issues;
}

function only(issues: readonly ValidationIssue[]): ValidationIssue {
  expect(issues).toHaveLength(1);
  return issues[0]!;
}

const src = { citation: 'test fixture', confidence: 'illustrative' } as const;

describe('parseDataset on valid input', () => {
  it('accepts the valid fixture and fills defaults', () => {
    const d = parseDataset(validInput());
    expect(d.asOf).toBe(VALID_AS_OF);
    expect(d.policy).toBe(dongguanPolicy);
    const [w1, w2, w3] = d.labourers;
    expect(w1?.availableFrom).toBe(VALID_AS_OF);
    expect(w2?.availableFrom).toBe('2026-04-01');
    expect(w2?.skills).toEqual([]);
    expect(w3?.mobility).toEqual({ scope: 'home-prefecture', preferred: [], refused: [] });
    expect(w3?.languages).toEqual([]);
    expect(w3?.needsDormitory).toBe(false);
    expect(w3).not.toHaveProperty('gender');
    expect(w3).not.toHaveProperty('name');
    expect(d.employers[1]?.workforceByOrigin).toEqual([]);
    expect(d.employers[1]).not.toHaveProperty('trackRecord');
    const p2 = d.posts[1]!;
    expect(p2.filled).toBe(0);
    expect(p2.optionalSkills).toEqual([{ skill: 'packaging', minLevel: 5 }]);
    expect(p2.requiredSkills).toEqual([]);
    expect(p2.requiredCertificates).toEqual([]);
    expect(p2.dormitory).toEqual({ provided: false, monthlyCost: 0 });
    expect(p2.meals).toEqual({ provided: false, monthlyCost: 0 });
    expect(p2.hazardous).toBe(false);
    expect(p2.trainsOnJob).toBe(false);
    expect(p2.languages).toEqual([]);
    expect(p2).not.toHaveProperty('ageRange');
    expect(d.posts[0]?.dormitory).toEqual({ provided: true, monthlyCost: 0 });
  });

  it('never mutates its input and returns fresh objects', () => {
    const given = validInput();
    const copy = structuredClone(given);
    const d = parseDataset(given);
    expect(given).toEqual(copy);
    expect(d.labourers[0]).not.toBe(given.labourers[0]);
    expect(d.labourers[0]?.skills).not.toBe(given.labourers[0]?.skills);
    expect(d.posts[0]?.pay).not.toBe(given.posts[0]?.pay);
    // Two parses share no mutable default.
    const again = parseDataset(validInput());
    expect(again.posts[1]?.requiredSkills).not.toBe(d.posts[1]?.requiredSkills);
  });

  it('round-trips: parse, JSON.stringify, parse gives an equal dataset', () => {
    const d = parseDataset(validInput());
    const again = parseDataset(JSON.parse(JSON.stringify(d)));
    expect(again).toEqual(d);
  });

  it('takes asOf from the input, else options.asOf, else today', () => {
    expect(parseDataset(validInput(), { asOf: '2025-12-31' }).asOf).toBe(VALID_AS_OF);
    const noDate = input((d) => delete d.asOf);
    expect(parseDataset(noDate, { asOf: '2026-02-01' }).asOf).toBe('2026-02-01');
    const before = format(new Date(), 'yyyy-MM-dd');
    const asOf = parseDataset(noDate).asOf;
    const after = format(new Date(), 'yyyy-MM-dd');
    expect([before, after]).toContain(asOf);
    const bad = only(issuesOf(noDate, { asOf: '2026-02-30' }));
    expect(bad).toMatchObject({ path: 'asOf', code: 'invalid-date' });
  });

  it('accepts an empty dataset and a $schema reference', () => {
    const d = parseDataset({
      $schema: 'dataset.schema.json',
      asOf: '2026-03-01',
      labourers: [],
      employers: [],
      posts: [],
    });
    expect(d.labourers).toEqual([]);
  });
});

/** A caseworker reads every problem of a dataset in Chinese: a message of its own, not the English one. */
function expectChinese(issue: ValidationIssue): void {
  expect(issue.messageZh).toMatch(/[\u4e00-\u9fff]/);
  expect(issue.messageZh).not.toBe(issue.message);
  expect(issueMessage(issue, 'zh-CN')).toBe(issue.messageZh);
  expect(issueMessage(issue, 'en')).toBe(issue.message);
}

describe('parseDataset refusals', () => {
  it('throws BangfuValidationError with the same issues safeParseDataset returns', () => {
    const bad = input((d) => {
      d.labourers[0].household = 'poor';
    });
    const issues = issuesOf(bad);
    let thrown: unknown;
    try {
      parseDataset(bad);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(BangfuValidationError);
    expect((thrown as BangfuValidationError).issues).toEqual(issues);
    expect((thrown as BangfuValidationError).message).toContain('labourers[0].household');
  });

  it('refuses a non-object at the root', () => {
    for (const value of [null, 3, 'x', [], undefined]) {
      expect(only(issuesOf(value))).toMatchObject({ path: '', code: 'invalid-type' });
    }
  });

  it('reports missing and mistyped top-level tables', () => {
    const issues = issuesOf({ labourers: {}, employers: [], extra: 1 });
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['extra', 'unknown-key'],
      ['labourers', 'invalid-type'],
      ['posts', 'missing'],
    ]);
  });

  it.each<[string, (d: Loose) => void, string, string]>([
    ['missing', (d) => delete d.labourers[0].birthDate, 'missing', 'labourers[0].birthDate'],
    ['missing enum', (d) => delete d.labourers[1].household, 'missing', 'labourers[1].household'],
    ['missing union tag', (d) => delete d.posts[0].site.kind, 'missing', 'posts[0].site.kind'],
    [
      'wrong type',
      (d) => (d.labourers[0].pay.minMonthly = '3500'),
      'invalid-type',
      'labourers[0].pay.minMonthly',
    ],
    ['non-integer count', (d) => (d.posts[0].openings = 2.5), 'not-integer', 'posts[0].openings'],
    ['negative count', (d) => (d.posts[0].filled = -1), 'out-of-range', 'posts[0].filled'],
    [
      'skill level 6',
      (d) => (d.labourers[0].skills[0].level = 6),
      'out-of-range',
      'labourers[0].skills[0].level',
    ],
    [
      'skill level 0',
      (d) => (d.posts[0].requiredSkills[0].minLevel = 0),
      'out-of-range',
      'posts[0].requiredSkills[0].minLevel',
    ],
    ['zero pay', (d) => (d.labourers[2].pay.minMonthly = 0), 'out-of-range', 'labourers[2].pay.minMonthly'],
    [
      'absurd pay',
      (d) => (d.posts[0].pay.expectedMonthly = 250_000),
      'absurd-value',
      'posts[0].pay.expectedMonthly',
    ],
    [
      'absurd target',
      (d) => (d.labourers[0].pay.targetMonthly = 5_000_000),
      'absurd-value',
      'labourers[0].pay.targetMonthly',
    ],
    ['enum', (d) => (d.labourers[0].household = 'poor'), 'invalid-value', 'labourers[0].household'],
    ['union tag', (d) => (d.posts[1].pay.kind = 'hourly'), 'invalid-value', 'posts[1].pay.kind'],
    [
      'unreal date',
      (d) => (d.labourers[0].birthDate = '1995-02-30'),
      'invalid-date',
      'labourers[0].birthDate',
    ],
    ['date form', (d) => (d.posts[0].window.opens = '2026/01/01'), 'invalid-date', 'posts[0].window.opens'],
    [
      'language tag',
      (d) => (d.labourers[0].languages = ['zh', '汉语']),
      'invalid-format',
      'labourers[0].languages[1]',
    ],
    ['unknown key', (d) => (d.labourers[0].pay.minMonthy = 1), 'unknown-key', 'labourers[0].pay.minMonthy'],
    ['unknown key in a post', (d) => (d.posts[2].salary = 1), 'unknown-key', 'posts[2].salary'],
    [
      'occupation',
      (d) => (d.posts[0].occupation = '9-01-01-01'),
      'bad-occupation-code',
      'posts[0].occupation',
    ],
    [
      'occupation form',
      (d) => (d.posts[1].occupation = '6-4-1-1'),
      'bad-occupation-code',
      'posts[1].occupation',
    ],
    [
      'origin county',
      (d) => (d.labourers[0].originCounty = '530699'),
      'unknown-county',
      'labourers[0].originCounty',
    ],
    [
      'prefecture as county',
      (d) => (d.labourers[0].originCounty = '5306'),
      'unknown-county',
      'labourers[0].originCounty',
    ],
    [
      'site county',
      (d) => (d.posts[0].site = { kind: 'county', county: '530600' }),
      'unknown-county',
      'posts[0].site.county',
    ],
    [
      'workforce county',
      (d) => (d.employers[0].workforceByOrigin[0].county = '000000'),
      'unknown-county',
      'employers[0].workforceByOrigin[0].county',
    ],
    ['site town', (d) => (d.posts[0].site.town = '441900999'), 'unknown-town', 'posts[0].site.town'],
    [
      'destination area',
      (d) => (d.labourers[0].mobility.preferred[0].area = '9999'),
      'unknown-area',
      'labourers[0].mobility.preferred[0].area',
    ],
    ['site park', (d) => (d.posts[2].site.park = 'atlantis'), 'unknown-park', 'posts[2].site.park'],
    [
      'destination park',
      (d) => (d.labourers[1].mobility.refused[0].park = 'atlantis'),
      'unknown-park',
      'labourers[1].mobility.refused[0].park',
    ],
    [
      'held skill',
      (d) => (d.labourers[0].skills[0].skill = 'juggling'),
      'unknown-skill',
      'labourers[0].skills[0].skill',
    ],
    [
      'required skill',
      (d) => (d.posts[0].requiredSkills[0].skill = 'juggling'),
      'unknown-skill',
      'posts[0].requiredSkills[0].skill',
    ],
    [
      'optional skill',
      (d) => (d.posts[1].optionalSkills[0].skill = 'juggling'),
      'unknown-skill',
      'posts[1].optionalSkills[0].skill',
    ],
    [
      'skill granted by training',
      (d) => (d.labourers[1].trainings[0].grantsSkill = 'juggling'),
      'unknown-skill',
      'labourers[1].trainings[0].grantsSkill',
    ],
    [
      'held certificate',
      (d) => (d.labourers[0].certificates[0].certificate = 'pilot'),
      'unknown-certificate',
      'labourers[0].certificates[0].certificate',
    ],
    [
      'required certificate',
      (d) => (d.posts[0].requiredCertificates = ['pilot']),
      'unknown-certificate',
      'posts[0].requiredCertificates[0]',
    ],
    ['employer', (d) => (d.posts[1].employer = 'e9'), 'unknown-employer', 'posts[1].employer'],
    [
      'birth after asOf',
      (d) => (d.labourers[0].birthDate = '2026-03-02'),
      'date-in-future',
      'labourers[0].birthDate',
    ],
    [
      'dormitory cost without dormitory',
      (d) => (d.posts[1].dormitory = { provided: false, monthlyCost: 200 }),
      'cost-without-provision',
      'posts[1].dormitory.monthlyCost',
    ],
    [
      'meals cost without meals',
      (d) => (d.posts[1].meals = { provided: false, monthlyCost: 1 }),
      'cost-without-provision',
      'posts[1].meals.monthlyCost',
    ],
  ])('%s → %s at its path', (_name, edit, code, path) => {
    const issue = only(issuesOf(input(edit)));
    expect(issue.code).toBe(code);
    expect(issue.path).toBe(path);
    expect(issue.message.length).toBeGreaterThan(10);
    expectChinese(issue);
  });

  it.each<[string, (d: Loose) => void, string]>([
    ['labourer pay', (d) => (d.labourers[0].pay.minMonthly = 6000), 'labourers[0].pay.minMonthly'],
    ['post base pay', (d) => (d.posts[0].pay.baseMonthly = 6000), 'posts[0].pay.baseMonthly'],
    ['piece-rate floor', (d) => (d.posts[1].pay.guaranteedMonthly = 5000), 'posts[1].pay.guaranteedMonthly'],
    ['age range', (d) => (d.posts[0].ageRange = { min: 40, max: 30 }), 'posts[0].ageRange.min'],
    ['window', (d) => (d.posts[0].window.opens = '2026-07-01'), 'posts[0].window.opens'],
    ['vetting', (d) => (d.employers[0].vetting.vettedOn = '2027-06-01'), 'employers[0].vetting.vettedOn'],
    ['filled', (d) => (d.posts[0].filled = 21), 'posts[0].filled'],
    [
      'retention',
      (d) => (d.employers[0].trackRecord.retainedSixMonths = 41),
      'employers[0].trackRecord.retainedSixMonths',
    ],
    [
      'certificate validity',
      (d) => (d.labourers[0].certificates[0].issuedOn = '2026-09-01'),
      'labourers[0].certificates[0].issuedOn',
    ],
  ])('min-exceeds-max: %s', (_name, edit, path) => {
    const issue = only(issuesOf(input(edit)));
    expect(issue).toMatchObject({ code: 'min-exceeds-max', path });
    expectChinese(issue);
  });

  describe('counts beyond the planner’s index (Int32, 2147483647)', () => {
    const LIMIT = "expected a whole number at most 2147483647 (the largest the planner's index holds)";

    it.each<[string, (d: Loose, n: number) => void, string]>([
      ['openings', (d, n) => (d.posts[0].openings = n), 'posts[0].openings'],
      [
        'filled',
        (d, n) => {
          d.posts[0].openings = 2 ** 31 - 1;
          d.posts[0].filled = n;
        },
        'posts[0].filled',
      ],
      ['contract months', (d, n) => (d.posts[1].contractMonths = n), 'posts[1].contractMonths'],
      [
        'workforce count',
        (d, n) => (d.employers[0].workforceByOrigin[0].count = n),
        'employers[0].workforceByOrigin[0].count',
      ],
      [
        'track record',
        (d, n) => (d.employers[0].trackRecord = { placements: n, retainedSixMonths: 0 }),
        'employers[0].trackRecord.placements',
      ],
      [
        'training duration',
        (d, n) =>
          (d.policy = {
            trainings: [{ id: 'c', name: { zh: '课', en: 'course' }, durationDays: n, costPerTrainee: 0 }],
          }),
        'policy.trainings[0].durationDays',
      ],
    ])('%s: one above the limit is refused with a message naming it', (_name, edit, path) => {
      for (const n of [2 ** 31, 2 ** 32, 1e12, 1e20, 2 ** 53]) {
        expect(only(issuesOf(input((d) => edit(d, n))))).toEqual({
          path,
          code: 'out-of-range',
          message: LIMIT,
          messageZh: '应为不超过 2147483647 的整数（规划器索引所能容纳的最大值）',
          value: n,
        });
      }
      expect(safeParseDataset(input((d) => edit(d, 2 ** 31 - 1))).success).toBe(true);
    });

    it('a post with the largest openings accepted is planned like any other', () => {
      // The minimum pay soft: the fixture's labourers ask for more than these posts pay.
      const d = parseDataset(
        input((x) => {
          x.posts[0].openings = 2 ** 31 - 1;
          x.policy = { labourerMinimumPay: 'soft' };
        }),
      );
      const plan = assign(d);
      expect(plan.entries.filter((e) => e.kind === 'placed')).not.toHaveLength(0);
      expect(plan.summary.byEmployer.find((e) => e.employer === 'e1')?.openings).toBe(2 ** 31 - 1 - 5 + 8);
    });

    it('the message reads the same through parseDataset’s error', () => {
      expect(() => parseDataset(input((d) => (d.posts[2].openings = 2 ** 32)))).toThrow(
        `posts[2].openings: ${LIMIT}`,
      );
    });
  });

  it('duplicate ids are reported at the second occurrence, naming the first', () => {
    const issues = issuesOf(
      input((d) => {
        d.labourers[2].id = 'w1';
        d.employers[1].id = 'e1';
        d.posts.push({ ...d.posts[0] });
      }),
    );
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['duplicate-id', 'employers[1].id'],
      ['duplicate-id', 'labourers[2].id'],
      ['duplicate-id', 'posts[3].id'],
      ['unknown-employer', 'posts[2].employer'], // e2 is gone
      ['unknown-labourer', 'groups[0].members[1]'], // w3 is gone
    ]);
    expect(issues[1]?.message).toContain('labourers[0]');
    expect(issues[1]?.value).toBe('w1');
  });

  it('a duplicate id is found even when the first record is otherwise broken', () => {
    const issues = issuesOf(
      input((d) => {
        d.labourers[0].birthDate = 'yesterday';
        d.labourers[1].id = 'w1';
      }),
    );
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['duplicate-id', 'labourers[1].id'],
      ['invalid-date', 'labourers[0].birthDate'],
      ['unknown-labourer', 'groups[1].members[0]'], // w2 is gone; the broken w1 still counts
    ]);
  });

  it('a post referring to a structurally broken employer is not also reported as unknown-employer', () => {
    const issues = issuesOf(input((d) => delete d.employers[0].name));
    expect(issues.map((i) => [i.code, i.path])).toEqual([['missing', 'employers[0].name']]);
  });

  describe('gender and ethnicity restrictions', () => {
    it.each([
      'gender',
      'genders',
      'genderRestriction',
      'sex',
      'ethnicity',
      'ethnicities',
      'nationality',
      'Gender',
      'SEX',
      'gender_restriction',
      'allowedGenders',
      '性别',
      '民族',
    ])('refuses a post with "%s"', (key) => {
      const issue = only(issuesOf(input((d) => (d.posts[1][key] = 'male'))));
      expect(issue).toMatchObject({
        code: 'discriminatory-restriction',
        path: `posts[1].${key}`,
        value: 'male',
      });
      expect(issue.message).toContain('就业促进法');
      expect(issue.message).toMatch(/27–28/);
    });

    it('finds a restriction nested inside a post', () => {
      const issue = only(issuesOf(input((d) => (d.posts[0].ageRange.sex = 'female'))));
      expect(issue).toMatchObject({ code: 'discriminatory-restriction', path: 'posts[0].ageRange.sex' });
    });

    it('keeps a labourer’s recorded gender (used for reporting and retirement only)', () => {
      expect(parseDataset(validInput()).labourers[0]?.gender).toBe('male');
    });

    it('does not mistake unrelated keys for restrictions', () => {
      const issue = only(issuesOf(input((d) => (d.posts[0].message = 'x'))));
      expect(issue.code).toBe('unknown-key');
    });
  });

  describe('minimum wage of the site', () => {
    it('refuses a Dongguan post below 2080 CNY/month from 2025-03-01', () => {
      const issue = only(issuesOf(input((d) => (d.posts[0].pay.baseMonthly = 2000))));
      expect(issue).toMatchObject({
        code: 'below-minimum-wage',
        path: 'posts[0].pay.baseMonthly',
        value: 2000,
      });
      expect(issue.message).toContain('2080');
      expect(issue.message).toContain('4419');
      expect(issue.message).toContain('for 东莞市 4419 (from 2025-03-01)');
      expect(issue.messageZh).toContain('东莞市（4419）');
      expect(issue.message).toContain(VALID_AS_OF);
    });

    it('uses the guaranteed floor of a piece-rate post', () => {
      const issue = only(issuesOf(input((d) => (d.posts[1].pay.guaranteedMonthly = 1999))));
      expect(issue).toMatchObject({ code: 'below-minimum-wage', path: 'posts[1].pay.guaranteedMonthly' });
    });

    it('reads the minimum in force on the as-of date', () => {
      const before = input((d) => {
        d.asOf = '2025-02-28';
        d.posts[0].pay.baseMonthly = 2000;
        d.labourers[1].availableFrom = '2025-04-01';
      });
      expect(safeParseDataset(before).success).toBe(true);
      before.asOf = '2025-03-01';
      expect(only(issuesOf(before)).code).toBe('below-minimum-wage');
    });

    it('uses a park’s area: 莞韶产业园 lies in Shaoguan (1750 from 2025-03-01)', () => {
      const edit = (pay: number) => (d: Loose) => {
        d.posts[2].site = { kind: 'park', park: 'guanshao' };
        d.posts[2].pay.baseMonthly = pay;
      };
      expect(safeParseDataset(input(edit(1750))).success).toBe(true);
      expect(only(issuesOf(input(edit(1700))))).toMatchObject({
        code: 'below-minimum-wage',
        path: 'posts[2].pay.baseMonthly',
      });
    });

    it('does not guess where the policy holds no minimum (粤滇产业园, Zhaotong)', () => {
      expect(safeParseDataset(input((d) => (d.posts[2].pay.baseMonthly = 1000))).success).toBe(true);
    });
  });

  it('reports every problem at once, across records and passes', () => {
    const issues = issuesOf(
      input((d) => {
        d.asOf = '2026-13-01';
        d.labourers[0].originCounty = '999999';
        d.labourers[0].pay.minMonthly = -5;
        d.labourers[1].pay.minMonthly = 9000; // semantic, in an otherwise valid record
        d.employers[1].vetting.status = 'maybe';
        d.posts[0].gender = 'male';
        d.posts[0].occupation = 'welder';
        d.posts[1].employer = 'nobody';
        d.posts[2].pay.baseMonthly = 'lots';
      }),
    );
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid-date', 'asOf'],
      ['unknown-county', 'labourers[0].originCounty'],
      ['out-of-range', 'labourers[0].pay.minMonthly'],
      ['min-exceeds-max', 'labourers[1].pay.minMonthly'],
      ['invalid-value', 'employers[1].vetting.status'],
      ['discriminatory-restriction', 'posts[0].gender'],
      ['bad-occupation-code', 'posts[0].occupation'],
      ['unknown-employer', 'posts[1].employer'],
      ['invalid-type', 'posts[2].pay.baseMonthly'],
    ]);
  });
});

describe('groups in a dataset', () => {
  it('are read with their kind, fresh, and default to none', () => {
    const given = validInput();
    const d = parseDataset(given);
    expect(d.groups).toEqual([
      { id: 'g1', members: ['w1', 'w3'], rule: 'same-employer' },
      { id: 'g2', members: ['w2'], rule: 'same-site', kind: 'family' },
    ]);
    expect(d.groups[0]).not.toHaveProperty('kind');
    expect(d.groups[0]).not.toBe(given.groups?.[0]);
    expect(d.groups[0]?.members).not.toBe(given.groups?.[0]?.members);
    expect(parseDataset(input((x) => delete x.groups)).groups).toEqual([]);
    expect(parseDataset(input((x) => (x.groups = []))).groups).toEqual([]);
  });

  it.each<[string, (d: Loose) => void, string, string]>([
    [
      'an unknown labourer',
      (d) => (d.groups[0].members[1] = 'w9'),
      'unknown-labourer',
      'groups[0].members[1]',
    ],
    [
      'a labourer listed twice in a group',
      (d) => d.groups[0].members.push('w1'),
      'duplicate-member',
      'groups[0].members[2]',
    ],
    [
      'a labourer in two groups',
      (d) => d.groups[1].members.push('w3'),
      'labourer-in-two-groups',
      'groups[1].members[1]',
    ],
    ['an empty group', (d) => (d.groups[1].members = []), 'empty-group', 'groups[1].members'],
    ['a repeated group id', (d) => (d.groups[1].id = 'g1'), 'duplicate-id', 'groups[1].id'],
    ['an empty group id', (d) => (d.groups[1].id = ''), 'out-of-range', 'groups[1].id'],
    ['an unknown rule', (d) => (d.groups[0].rule = 'same-town'), 'invalid-value', 'groups[0].rule'],
    ['an unknown kind', (d) => (d.groups[0].kind = 'clan'), 'invalid-value', 'groups[0].kind'],
    ['a missing rule', (d) => delete d.groups[0].rule, 'missing', 'groups[0].rule'],
    [
      'a member that is not a string',
      (d) => (d.groups[0].members[0] = 7),
      'invalid-type',
      'groups[0].members[0]',
    ],
    ['an unknown field', (d) => (d.groups[0].leader = 'w1'), 'unknown-key', 'groups[0].leader'],
    ['groups that are not a list', (d) => (d.groups = { g1: ['w1'] }), 'invalid-type', 'groups'],
  ])('refuses %s', (_name, edit, code, path) => {
    const issue = only(issuesOf(input(edit)));
    expect(issue).toMatchObject({ code, path });
    expect(issue.message).toMatch(/^(expected|required|unknown field)/);
  });

  it('names the first occurrence of a repeat', () => {
    expect(only(issuesOf(input((d) => d.groups[1].members.push('w3')))).message).toBe(
      'expected each labourer in one group at most: "w3" is already a member of groups[0]',
    );
    expect(only(issuesOf(input((d) => (d.groups[1].id = 'g1')))).message).toBe(
      'expected a unique id: "g1" is also the id of groups[0]',
    );
  });

  it('reports every problem at once, a broken group still keeping its place in the paths', () => {
    const issues = issuesOf(
      input((d) => {
        d.groups = [
          { id: 'a', members: ['w1', 'w1', 'nobody'], rule: 'same-post' },
          { id: 'b', members: ['w2'], rule: 'same-town' },
          { id: 'a', members: [], rule: 'same-site' },
          { id: 'c', members: ['w1', 'w2', 'w3'], rule: 'same-employer', kind: 'fellow-villagers' },
        ];
      }),
    );
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid-value', 'groups[1].rule'],
      ['duplicate-member', 'groups[0].members[1]'],
      ['unknown-labourer', 'groups[0].members[2]'],
      ['duplicate-id', 'groups[2].id'],
      ['empty-group', 'groups[2].members'],
      ['labourer-in-two-groups', 'groups[3].members[0]'],
    ]);
    issues.forEach(expectChinese);
  });

  it('a member whose labourer record is broken is not also an unknown labourer', () => {
    const issues = issuesOf(input((d) => (d.labourers[2].birthDate = 'soon')));
    expect(issues.map((i) => [i.code, i.path])).toEqual([['invalid-date', 'labourers[2].birthDate']]);
  });

  it('are checked by the same definition as assign’s groups option', () => {
    const groups = [
      { id: 'a', members: ['w1', 'w1', 'nobody'], rule: 'same-post' as const },
      { id: 'a', members: [], rule: 'same-site' as const },
      { id: 'c', members: ['w1', 'w2'], rule: 'same-employer' as const },
    ];
    const fromDataset = issuesOf(input((d) => (d.groups = groups)));
    const fromOption = groupIssues(parseDataset(input((d) => delete d.groups)), groups);
    expect(fromDataset).toEqual(fromOption);
  });
});

describe('policy overrides in a dataset', () => {
  it('carries travel-subsidy rows, and keeps those of the base policy', () => {
    const row = {
      originArea: '5306',
      crossProvinceOnly: true,
      households: ['registered', 'monitored'],
      amount: 500,
      from: '2025-01-01',
      source: src,
    };
    const d = parseDataset(
      input((d) => {
        d.policy = { travelSubsidies: [row] };
      }),
    );
    expect(d.policy.travelSubsidies).toEqual([row]);
    expect(parseDataset(validInput(), { policy: d.policy }).policy.travelSubsidies).toEqual([row]);
    expect(parseDataset(validInput()).policy.travelSubsidies).toBeUndefined();
  });

  it('extends: adds a park and a minimum wage, replaces a skill by id, merges weights', () => {
    const d = parseDataset(
      input((d) => {
        d.policy = {
          parks: [
            {
              id: 'test-park',
              name: { zh: '测试园', en: 'Test park' },
              area: '5306',
              serves: ['5306'],
              source: src,
            },
          ],
          minimumWages: [{ area: '5306', monthly: 1500, from: '2025-01-01', source: src }],
          skills: [{ id: 'packaging', name: { zh: '打包', en: 'Packing' } }],
          weights: { skills: 1 },
        };
        d.posts[2].site.park = 'test-park';
        d.posts[2].pay.baseMonthly = 1600;
      }),
    );
    expect(d.policy.parks.map((p) => p.id)).toEqual([...dongguanPolicy.parks.map((p) => p.id), 'test-park']);
    expect(d.policy.skills).toHaveLength(dongguanPolicy.skills.length);
    expect(d.policy.skills.find((s) => s.id === 'packaging')?.name.en).toBe('Packing');
    expect(d.policy.weights).toEqual({ ...dongguanPolicy.weights, skills: 1 });
    expect(d.policy.minimumWages).toHaveLength(dongguanPolicy.minimumWages.length + 1);
    expect(d.policy.ageLaw).toEqual(dongguanPolicy.ageLaw);
    // The added minimum wage now applies to posts in the park.
    const low = input((d) => {
      d.policy = { minimumWages: [{ area: '5306', monthly: 1500, from: '2025-01-01', source: src }] };
      d.posts[2].pay.baseMonthly = 1400;
    });
    expect(only(issuesOf(low))).toMatchObject({
      code: 'below-minimum-wage',
      path: 'posts[2].pay.baseMonthly',
    });
  });

  it('extends: a minimum-wage row with the same area and start replaces the base row', () => {
    const d = parseDataset(
      input(
        (d) =>
          (d.policy = { minimumWages: [{ area: '4419', monthly: 2100, from: '2025-03-01', source: src }] }),
      ),
    );
    expect(d.policy.minimumWages).toHaveLength(dongguanPolicy.minimumWages.length);
    expect(d.policy.minimumWages.filter((w) => w.area === '4419' && w.from === '2025-03-01')).toEqual([
      { area: '4419', monthly: 2100, from: '2025-03-01', source: src },
    ]);
  });

  it('replace: a given table replaces the base table wholesale', () => {
    const d = parseDataset(
      input((d) => {
        d.policy = {
          mode: 'replace',
          parks: [
            {
              id: 'yuedian',
              name: { zh: '粤滇', en: 'Yuedian' },
              area: '5306',
              serves: ['5306'],
              source: src,
            },
          ],
        };
        d.labourers[1].mobility.refused = [];
      }),
    );
    expect(d.policy.parks.map((p) => p.id)).toEqual(['yuedian']);
    expect(d.policy.skills).toEqual(dongguanPolicy.skills);
  });

  it('replace: references into a replaced table are checked again', () => {
    const issues = issuesOf(
      input(
        (d) =>
          (d.policy = {
            mode: 'replace',
            skills: [{ id: 'electronics-assembly', name: { zh: '电子装配', en: 'Electronics assembly' } }],
          }),
      ),
    );
    const codes = new Set(issues.map((i) => `${i.code} ${i.path}`));
    expect(codes).toContain('unknown-skill policy.trainings'); // base trainings grant skills now gone
    expect(codes).toContain('unknown-skill posts[2].requiredSkills[0].skill');
    expect(codes).toContain('unknown-skill labourers[1].trainings[0].grantsSkill');
  });

  it.each<[string, unknown, string, string]>([
    [
      'loosened minimum working age',
      { ageLaw: { minimumWorkingAge: 15 } },
      'loosens-law',
      'policy.ageLaw.minimumWorkingAge',
    ],
    ['loosened adult age', { ageLaw: { adultAge: 17 } }, 'loosens-law', 'policy.ageLaw.adultAge'],
    [
      'all-zero weights',
      { weights: { skills: 0, pay: 0, origin: 0, employer: 0 } },
      'invalid-weights',
      'policy.weights',
    ],
    ['negative weight', { weights: { pay: -1 } }, 'out-of-range', 'policy.weights.pay'],
    [
      'empty period',
      { minimumWages: [{ area: '4419', monthly: 2100, from: '2025-03-01', to: '2025-03-01', source: src }] },
      'empty-period',
      'policy.minimumWages[0].to',
    ],
    [
      'travel subsidy with an empty period',
      {
        travelSubsidies: [
          { originArea: '5306', crossProvinceOnly: true, from: '2025-03-01', to: '2025-01-01', source: src },
        ],
      },
      'empty-period',
      'policy.travelSubsidies[0].to',
    ],
    [
      'travel subsidy for an unknown area',
      { travelSubsidies: [{ originArea: '5399', crossProvinceOnly: true, from: '2025-01-01', source: src }] },
      'unknown-area',
      'policy.travelSubsidies[0].originArea',
    ],
    [
      'unknown related skill',
      { skills: [{ id: 'x', name: { zh: 'x', en: 'x' }, related: [{ skill: 'nope', credit: 0.5 }] }] },
      'unknown-skill',
      'policy.skills[0].related[0].skill',
    ],
    [
      'credit above 1',
      { skills: [{ id: 'x', name: { zh: 'x', en: 'x' }, related: [{ skill: 'welding', credit: 1.5 }] }] },
      'out-of-range',
      'policy.skills[0].related[0].credit',
    ],
    [
      'credit 0',
      { skills: [{ id: 'x', name: { zh: 'x', en: 'x' }, related: [{ skill: 'welding', credit: 0 }] }] },
      'out-of-range',
      'policy.skills[0].related[0].credit',
    ],
    [
      'park serving an unknown area',
      { parks: [{ id: 'x', name: { zh: 'x', en: 'x' }, area: '5306', serves: ['99'], source: src }] },
      'unknown-area',
      'policy.parks[0].serves[0]',
    ],
    [
      'pairing with an unknown town',
      {
        pairings: [
          { originCounty: '530627', towns: ['441900116', '441900999'], from: '2024-01-01', source: src },
        ],
      },
      'unknown-town',
      'policy.pairings[0].towns[1]',
    ],
    [
      'pairing with an unknown county',
      { pairings: [{ originCounty: '530600', towns: ['441900116'], from: '2024-01-01', source: src }] },
      'unknown-county',
      'policy.pairings[0].originCounty',
    ],
    [
      'duplicate park ids',
      {
        parks: [
          { id: 'x', name: { zh: 'x', en: 'x' }, area: '5306', serves: [], source: src },
          { id: 'x', name: { zh: 'y', en: 'y' }, area: '5306', serves: [], source: src },
        ],
      },
      'duplicate-id',
      'policy.parks[1].id',
    ],
    ['unknown mode', { mode: 'merge' }, 'invalid-value', 'policy.mode'],
    ['unknown key', { wieghts: {} }, 'unknown-key', 'policy.wieghts'],
  ])('%s', (_name, policy, code, path) => {
    const issue = only(issuesOf(input((d) => (d.policy = policy))));
    expect(issue).toMatchObject({ code, path });
    expectChinese(issue);
  });

  it('may tighten the law', () => {
    const d = parseDataset(input((d) => (d.policy = { ageLaw: { minimumWorkingAge: 18, adultAge: 21 } })));
    expect(d.policy.ageLaw).toEqual({ minimumWorkingAge: 18, adultAge: 21 });
  });

  it('a broken policy skips the checks that depend on it but still checks the records', () => {
    const issues = issuesOf(
      input((d) => {
        d.policy = { parks: 'none' };
        d.posts[0].requiredSkills[0].skill = 'juggling';
        d.posts[1].employer = 'e9';
      }),
    );
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid-type', 'policy.parks'],
      ['unknown-employer', 'posts[1].employer'],
    ]);
  });

  it('applies the dataset overrides on top of options.policy', () => {
    const base = parsePolicy({ id: 'custom', weights: { employer: 0.5 } });
    const d = parseDataset(
      input((d) => (d.policy = { weights: { pay: 0.6 } })),
      { policy: base },
    );
    expect(d.policy.id).toBe('custom');
    expect(d.policy.weights).toEqual({ ...dongguanPolicy.weights, employer: 0.5, pay: 0.6 });
    expect(parseDataset(validInput(), { policy: base }).policy).toBe(base);
  });
});

describe('parsePolicy and safeParsePolicy', () => {
  it('returns the base policy unchanged for empty overrides', () => {
    expect(parsePolicy({})).toEqual(dongguanPolicy);
  });

  it("reads the labourer's minimum pay as hard (the default) or soft, and refuses anything else", () => {
    expect(parsePolicy({}).labourerMinimumPay).toBeUndefined();
    expect(parsePolicy({ labourerMinimumPay: 'soft' }).labourerMinimumPay).toBe('soft');
    expect(parsePolicy({ labourerMinimumPay: 'hard' }).labourerMinimumPay).toBe('hard');
    // An override keeps what the base says when it says nothing.
    expect(parsePolicy({}, { ...dongguanPolicy, labourerMinimumPay: 'soft' }).labourerMinimumPay).toBe(
      'soft',
    );
    const r = safeParsePolicy({ labourerMinimumPay: 'sometimes' });
    expect(r.success ? [] : r.issues.map((i) => i.path)).toEqual(['labourerMinimumPay']);
  });

  it('reports paths from the root of the overrides', () => {
    const r = safeParsePolicy({ ageLaw: { minimumWorkingAge: 14 }, weights: { skills: 'high' } });
    expect(r.success).toBe(false);
    if (!r.success)
      expect(r.issues.map((i) => [i.code, i.path])).toEqual([['invalid-type', 'weights.skills']]);
    const semantic = safeParsePolicy({ ageLaw: { minimumWorkingAge: 14 } });
    expect(semantic.success ? [] : semantic.issues.map((i) => i.path)).toEqual(['ageLaw.minimumWorkingAge']);
  });

  it('throws BangfuValidationError on bad overrides, and nothing else', () => {
    expect(() => parsePolicy(42)).toThrow(BangfuValidationError);
    expect(() => parsePolicy({ weights: { skills: 0, pay: 0, origin: 0, employer: 0 } })).toThrow(
      /invalid policy/,
    );
  });

  it('accepts the full default policy as overrides of itself', () => {
    expect(parsePolicy(JSON.parse(JSON.stringify(dongguanPolicy)))).toEqual(dongguanPolicy);
  });
});

describe('datasetJsonSchema', () => {
  it('is a draft 2020-12 object schema describing labourers, employers, posts and groups', () => {
    const schema = datasetJsonSchema();
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      title: 'bangfu dataset',
      description: expect.stringContaining('labourers'),
      required: ['labourers', 'employers', 'posts'],
      additionalProperties: false,
    });
    const properties = schema['properties'] as Record<
      string,
      { type?: string; items?: Record<string, unknown> }
    >;
    for (const table of ['labourers', 'employers', 'posts']) {
      expect(properties[table]?.type).toBe('array');
      const item = properties[table]?.items as { properties: Record<string, unknown>; required: string[] };
      expect(item.required).toContain('id');
    }
    const post = properties['posts']?.items as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(post.properties)).toEqual(
      expect.arrayContaining(['pay', 'site', 'window', 'occupation']),
    );
    // Defaulted fields are optional in the input.
    expect(post.required).not.toContain('filled');
    // Groups are published with their shape.
    expect(schema['required']).not.toContain('groups');
    const groups = properties['groups'] as { type: string; items: Record<string, unknown> };
    expect(groups.type).toBe('array');
    expect(groups.items).toMatchObject({
      type: 'object',
      required: ['id', 'members', 'rule'],
      additionalProperties: false,
      properties: {
        members: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
        rule: { enum: ['same-employer', 'same-site', 'same-post'] },
        kind: { enum: ['family', 'fellow-villagers', 'base'] },
      },
    });
    // Counts carry the planner's index limit.
    expect(post.properties['openings']).toEqual({ type: 'integer', minimum: 0, maximum: 2147483647 });
    expect(post.properties['filled']).toMatchObject({ type: 'integer', maximum: 2147483647 });
    expect(post.properties).not.toHaveProperty('gender');
  });

  it('is JSON and fresh on every call', () => {
    const a = datasetJsonSchema();
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(datasetJsonSchema()).not.toBe(a);
  });
});

describe('a parsed dataset does not change', () => {
  it('is deeply frozen, so no cached fact about it can go stale; a changed copy is a new dataset', () => {
    const d = parseDataset(validInput());
    expect(Object.isFrozen(d)).toBe(true);
    expect(Object.isFrozen(d.labourers[0]!.pay)).toBe(true);
    expect(Object.isFrozen(d.posts[0]!.window)).toBe(true);
    expect(Object.isFrozen(d.policy.weights)).toBe(true);
    const before = rankPosts(d, d.labourers[0]!.id, { top: 10 });
    expect(() => {
      (d.posts[0] as { openings: number }).openings = 0;
    }).toThrow(TypeError);
    expect(rankPosts(d, d.labourers[0]!.id, { top: 10 })).toEqual(before);
    // A copy with the post closed answers for the copy.
    const closed = { ...d, posts: d.posts.map((p, i) => (i === 0 ? { ...p, filled: p.openings } : p)) };
    const after = rankPosts(closed, d.labourers[0]!.id, { top: 10 });
    expect(after.excluded.find((x) => x.post.id === d.posts[0]!.id)?.exclusions.map((e) => e.code)).toContain(
      'no-openings-left',
    );
  });
});

describe('isBangfuValidationError', () => {
  it('knows the error of this copy and of any other copy of the library, and nothing else, as instanceof does', () => {
    let caught: unknown;
    try {
      parseDataset({ labourers: 1 });
    } catch (e) {
      caught = e;
    }
    expect(isBangfuValidationError(caught)).toBe(true);
    // What another copy's class builds: a different class, the same brand.
    class OtherCopy extends Error {
      readonly issues = [{ path: 'x', code: 'c', message: 'm' }];
    }
    const other = Object.assign(new OtherCopy('invalid input'), {
      [Symbol.for('bangfu.validation-error')]: true,
    });
    // instanceof answers by the same brand: a CommonJS `bangfu/node` error is one of `bangfu`'s.
    expect(other instanceof BangfuValidationError).toBe(true);
    expect(caught instanceof BangfuValidationError).toBe(true);
    expect(isBangfuValidationError(other)).toBe(true);
    for (const x of [new Error('x'), { issues: [] }, null, 'BangfuValidationError', undefined]) {
      expect(isBangfuValidationError(x)).toBe(false);
      expect(x instanceof BangfuValidationError).toBe(false);
    }
  });
});

describe("dates out of the programme's range", () => {
  it('are refused at their path, as-of dates and birth dates alike, also given as an option', () => {
    const old = issuesOf(input((d) => (d.asOf = '1020-01-01')));
    expect(old.map((i) => [i.path, i.code])).toContainEqual(['asOf', 'invalid-date']);
    const born = issuesOf(input((d) => (d.labourers[0].birthDate = '0990-01-01')));
    expect(born.map((i) => [i.path, i.code])).toContainEqual(['labourers[0].birthDate', 'invalid-date']);
    const { asOf: _asOf, ...rest } = validInput();
    void _asOf;
    expect(issuesOf(rest, { asOf: '1000-01-01' }).map((i) => [i.path, i.code])).toEqual([
      ['asOf', 'invalid-date'],
    ]);
    expect(safeParseDataset(rest, { asOf: '2026-03-01' }).success).toBe(true);
  });
});
