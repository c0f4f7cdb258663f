/**
 * The checks behind `parse.ts`: turning zod issues into bangfu's {@link ValidationIssue}s, the
 * gender/ethnicity guard on posts, merging and checking policy overrides, and the semantic checks
 * that span fields or records (duplicate ids, references, min ≤ max, minimum wage).
 *
 * Every check appends to a list and goes on: the caller sees all problems at once.
 */
import type * as z from 'zod';
import { divisionNameEn } from '../division-names-en.js';
import { divisionName, isAreaCode, isCountyCode, isTownCode } from '../divisions.js';
import { formatPath, type Bilingual, type ValidationIssue } from '../errors.js';
import { minimumWageAt } from '../policy/resolve.js';
import { limitMessageZh } from './limits.js';
import type {
  AgeLaw,
  CertificateDefinition,
  Effective,
  MinimumWage,
  Pairing,
  Park,
  PlacementBase,
  Policy,
  RetirementRule,
  ScoreWeights,
  SkillDefinition,
  TrainingCourse,
  TravelSubsidy,
} from '../policy/types.js';
import type {
  AreaCode,
  BaseId,
  CertificateId,
  CountyCode,
  Destination,
  Employer,
  EmployerId,
  GroupKind,
  IsoDate,
  Labourer,
  OccupationCode,
  ParkId,
  PlacementGroup,
  Post,
  PostId,
  Site,
  SkillId,
  SkillLevel,
  TownCode,
  WorkerId,
} from '../types.js';
import {
  GROUP_KINDS,
  GROUP_RULES,
  type EmployerData,
  type GroupData,
  type LabourerData,
  type PolicyOverrideData,
  type PostData,
} from './schema.js';

/** A path from the root of the input: keys and array indices. */
export type Path = readonly PropertyKey[];

/**
 * Collects issues; never throws.
 *
 * @example
 * const issues = new Issues();
 * issues.add(['posts', 3, 'pay'], 'missing', 'required: expected an object');
 * issues.list[0]?.path //=> 'posts[3].pay'
 */
export class Issues {
  readonly list: ValidationIssue[] = [];

  /** Adds an issue; the message in both languages where a caseworker reads it (datasets, spreadsheets). */
  add(path: Path, code: string, message: string | Bilingual, value?: unknown): void {
    const text = typeof message === 'string' ? { message } : { message: message.en, messageZh: message.zh };
    this.list.push(
      value === undefined
        ? { path: formatPath(path), code, ...text }
        : { path: formatPath(path), code, ...text, value },
    );
  }
}

// --- reading raw input safely --------------------------------------------------------------------

/**
 * Whether a value is a non-array object whose own keys can be read.
 *
 * @param value - Any value.
 * @returns True for objects other than arrays and null.
 * @example
 * isRecord({}) //=> true
 * isRecord([]) //=> false
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The own property `key` of a raw value, or undefined; inherited properties are never read.
 *
 * @param value - Any value.
 * @param key - A key or array index.
 * @returns The property's value, or undefined.
 * @example
 * own({ a: 1 }, 'a') //=> 1
 * own({}, 'toString') //=> undefined
 */
export function own(value: unknown, key: PropertyKey): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  if (!Object.prototype.hasOwnProperty.call(value, key)) return undefined;
  return (value as Record<PropertyKey, unknown>)[key];
}

/**
 * The raw value at a path below `root`, or undefined.
 *
 * @param root - Any value.
 * @param path - Keys and indices from the root.
 * @returns The value there, or undefined if the path leads nowhere.
 * @example
 * valueAt({ posts: [{ id: 'p1' }] }, ['posts', 0, 'id']) //=> 'p1'
 */
export function valueAt(root: unknown, path: Path): unknown {
  let here = root;
  for (const key of path) {
    here = own(here, key);
    if (here === undefined) return undefined;
  }
  return here;
}

/**
 * A short description of a raw value's type for messages; never calls a user `toString`.
 *
 * @param value - Any value.
 * @returns `null`, `array`, `NaN`, `Infinity`, or the `typeof` name.
 * @example
 * describe([]) //=> 'array'
 * describe('x') //=> 'string'
 */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  }
  return typeof value;
}

// --- zod issues ----------------------------------------------------------------------------------

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a finite number',
  int: 'an integer',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
};

const EXPECTED_ZH: Readonly<Record<string, string>> = {
  string: '字符串',
  number: '有限数值',
  int: '整数',
  boolean: 'true 或 false',
  array: '数组',
  object: '对象',
};

function quoteList(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v) ?? String(typeof v)).join(', ');
}

/** What a missing field should have been. */
function expectation(issue: z.core.$ZodIssue): Bilingual {
  switch (issue.code) {
    case 'invalid_type':
      return {
        en: `expected ${EXPECTED[issue.expected] ?? issue.expected}`,
        zh: `应为${EXPECTED_ZH[issue.expected] ?? issue.expected}`,
      };
    case 'invalid_value':
      return {
        en: `expected one of ${quoteList(issue.values)}`,
        zh: `应为以下之一：${quoteList(issue.values)}`,
      };
    case 'invalid_union':
      return issue.discriminator !== undefined && 'options' in issue && issue.options !== undefined
        ? {
            en: `expected ${issue.discriminator} to be one of ${quoteList(issue.options)}`,
            zh: `${issue.discriminator} 应为以下之一：${quoteList(issue.options)}`,
          }
        : { en: 'expected a value', zh: '应有值' };
    default:
      return { en: 'expected a value', zh: '应有值' };
  }
}

/** The message of a custom check: its Chinese text travels in the zod issue's `params.zh`. */
function customText(issue: z.core.$ZodIssue): Bilingual | string {
  const zh = own(own(issue, 'params'), 'zh');
  return typeof zh === 'string' ? { en: issue.message, zh } : issue.message;
}

/**
 * Converts the issues of a failed zod parse of `raw` (found at `prefix`) into validation issues.
 * The value of each issue is read from `raw`, so it is what the user gave. An unknown-keys issue
 * becomes one issue per key, its path naming the key.
 *
 * @param issues - Where the converted issues are added.
 * @param error - The zod error.
 * @param prefix - The path of `raw` from the root.
 * @param raw - The value that was parsed.
 * @returns Nothing; issues go to `issues`.
 * @example
 * fromZod(issues, postSchema.safeParse({}).error!, ['posts', 0], {})
 * issues.list[0] //=> { path: 'posts[0].id', code: 'missing', message: 'required: expected a string' }
 */
export function fromZod(issues: Issues, error: z.ZodError, prefix: Path, raw: unknown): void {
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path];
    const value = valueAt(raw, issue.path);
    if (value === undefined && issue.code !== 'unrecognized_keys') {
      const e = expectation(issue);
      issues.add(path, 'missing', { en: `required: ${e.en}`, zh: `必填：${e.zh}` });
      continue;
    }
    switch (issue.code) {
      case 'invalid_type': {
        const expected = EXPECTED[issue.expected] ?? issue.expected;
        const expectedZh = EXPECTED_ZH[issue.expected] ?? issue.expected;
        if (issue.expected === 'int' && typeof value === 'number' && Number.isFinite(value))
          issues.add(path, 'not-integer', { en: 'expected an integer', zh: '应为整数' }, value);
        else
          issues.add(
            path,
            'invalid-type',
            {
              en: `expected ${expected}, received ${describe(value)}`,
              zh: `应为${expectedZh}，收到的是 ${describe(value)}`,
            },
            value,
          );
        break;
      }
      case 'too_small':
      case 'too_big': {
        const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
        const op = issue.code === 'too_small' ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<';
        const b = String(bound);
        // A bound that explains itself (the index limit of counts) carries its own message, which
        // like every message here starts with "expected"; zod's defaults do not.
        const text: Bilingual =
          issue.origin === 'string'
            ? issue.code === 'too_small' && Number(bound) === 1
              ? { en: 'expected a non-empty string', zh: '应为非空字符串' }
              : { en: `expected a string of length ${op} ${b}`, zh: `应为长度 ${op} ${b} 的字符串` }
            : issue.origin === 'array'
              ? { en: `expected an array of length ${op} ${b}`, zh: `应为长度 ${op} ${b} 的数组` }
              : { en: `expected a number ${op} ${b}`, zh: `应为 ${op} ${b} 的数` };
        issues.add(
          path,
          'out-of-range',
          issue.message.startsWith('expected ')
            ? { en: issue.message, zh: limitMessageZh(issue.message) ?? text.zh }
            : text,
          value,
        );
        break;
      }
      case 'invalid_format':
        issues.add(
          path,
          'invalid-format',
          issue.pattern === undefined
            ? { en: `expected ${issue.format}`, zh: `格式应为 ${issue.format}` }
            : { en: `expected a string matching ${issue.pattern}`, zh: `应为符合 ${issue.pattern} 的字符串` },
          value,
        );
        break;
      case 'invalid_value':
        issues.add(path, 'invalid-value', expectation(issue), value);
        break;
      case 'invalid_union':
        if (issue.discriminator !== undefined && 'options' in issue && issue.options !== undefined)
          issues.add(path, 'invalid-value', expectation(issue), value);
        else issues.add(path, 'invalid-value', customText(issue), value);
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys)
          issues.add(
            [...path, key],
            'unknown-key',
            {
              en: `unknown field "${key}": fields are strict, check the spelling`,
              zh: `未知字段 "${key}"：字段名须完全一致，请检查拼写`,
            },
            own(value, key),
          );
        break;
      case 'custom': {
        const code = own(issue.params, 'code');
        issues.add(path, typeof code === 'string' ? code : 'invalid', customText(issue), value);
        break;
      }
      default:
        issues.add(path, 'invalid', customText(issue), value);
    }
  }
}

// --- discriminatory restrictions -----------------------------------------------------------------

const RESTRICTED =
  /^(allowed|accepted|required|preferred|restricted|restrict|only)?(genders?|sex(es)?|ethnicit(y|ies)|ethnic(groups?)?|nationalit(y|ies)|races?|minzu|xingbie)(restrictions?|requirements?|filters?|only|limits?|allowed)?$/;
const RESTRICTED_ZH = /性别|民族|男性|女性|限男|限女/;

/**
 * Whether an object key would restrict applicants by gender or ethnicity, ignoring case and
 * separators (`gender`, `Sex`, `gender_restriction`, `allowedEthnicities`, `性别`, `民族`…).
 *
 * @param key - An object key.
 * @returns True if the key names a gender or ethnicity filter.
 * @example
 * isRestrictionKey('genderRestriction') //=> true
 * isRestrictionKey('languages') //=> false
 */
export function isRestrictionKey(key: string): boolean {
  return RESTRICTED.test(key.toLowerCase().replace(/[^a-z]/g, '')) || RESTRICTED_ZH.test(key);
}

/**
 * Finds gender or ethnicity restriction keys anywhere inside a raw post (case-insensitively) and
 * reports each as `discriminatory-restriction`. Returns the formatted paths reported, so the
 * caller can drop the plain `unknown-key` issue zod gives for the same key.
 *
 * Iterative, so a deeply nested value cannot overflow the stack.
 *
 * Complexity: O(n) in the size of the post.
 *
 * @param issues - Where problems are added.
 * @param raw - The post as given.
 * @param prefix - Its path from the root.
 * @returns The formatted paths reported.
 * @example
 * checkRestrictions(issues, { id: 'p1', gender: 'male' }, ['posts', 0]) //=> Set { 'posts[0].gender' }
 */
export function checkRestrictions(issues: Issues, raw: unknown, prefix: Path): Set<string> {
  // Paths are kept as links to the parent, so a deep value costs O(depth), not O(depth²).
  interface Step {
    readonly value: unknown;
    readonly parent: Step | undefined;
    readonly key: PropertyKey | undefined;
  }
  const pathOf = (step: Step): PropertyKey[] => {
    const keys: PropertyKey[] = [];
    for (let s: Step | undefined = step; s?.key !== undefined; s = s.parent) keys.push(s.key);
    return [...prefix, ...keys.reverse()];
  };
  const reported = new Set<string>();
  const stack: Step[] = [{ value: raw, parent: undefined, key: undefined }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    const { value } = step;
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, parent: step, key: i }));
    } else if (isRecord(value)) {
      for (const key of Object.keys(value)) {
        if (isRestrictionKey(key)) {
          const path = pathOf({ value: value[key], parent: step, key });
          issues.add(
            path,
            'discriminatory-restriction',
            {
              en: `a post may not restrict applicants by gender or ethnicity (就业促进法 arts. 27–28); remove "${key}"`,
              zh: `岗位不得限定求职者的性别或民族（就业促进法第二十七、二十八条）；请删除 "${key}"`,
            },
            value[key],
          );
          reported.add(formatPath(path));
        } else {
          stack.push({ value: value[key], parent: step, key });
        }
      }
    }
  }
  return reported;
}

// --- policy overrides ----------------------------------------------------------------------------

/** Where a row of the effective policy came from: its index in the overrides, or the base policy. */
type Origin = number | 'base';

interface Table<T> {
  readonly rows: T[];
  readonly origins: Origin[];
}

/**
 * Merges a given table into a base table. 'extend': a given row replaces the base row with its key
 * in place, others are appended; 'replace': the given rows are the table. A key repeated within
 * the given rows is a `duplicate-id`.
 */
function mergeTable<T>(
  issues: Issues,
  base: readonly T[],
  given: readonly T[] | undefined,
  mode: 'extend' | 'replace',
  keyOf: (row: T) => string,
  path: Path,
  keyField: string | undefined,
): Table<T> {
  if (given === undefined) return { rows: [...base], origins: base.map(() => 'base') };
  const rows: T[] = mode === 'extend' ? [...base] : [];
  const origins: Origin[] = rows.map(() => 'base');
  const at = new Map<string, number>();
  rows.forEach((row, i) => at.set(keyOf(row), i));
  const firstGiven = new Map<string, number>();
  given.forEach((row, i) => {
    const key = keyOf(row);
    const first = firstGiven.get(key);
    if (first !== undefined) {
      issues.add(
        keyField === undefined ? [...path, i] : [...path, i, keyField],
        'duplicate-id',
        {
          en: `duplicate key ${key}: already given by ${formatPath([...path, first])}`,
          zh: `键 ${key} 重复：${formatPath([...path, first])} 已给出`,
        },
        keyField === undefined ? undefined : key,
      );
      return;
    }
    firstGiven.set(key, i);
    const slot = at.get(key);
    if (slot === undefined) {
      at.set(key, rows.length);
      rows.push(row);
      origins.push(i);
    } else {
      rows[slot] = row;
      origins[slot] = i;
    }
  });
  return { rows, origins };
}

function localized(name: { zh: string; en: string }): { readonly zh: string; readonly en: string } {
  return { zh: name.zh, en: name.en };
}

function source(s: { citation: string; confidence: 'high' | 'medium' | 'low' | 'illustrative' }): {
  readonly citation: string;
  readonly confidence: 'high' | 'medium' | 'low' | 'illustrative';
} {
  return { citation: s.citation, confidence: s.confidence };
}

function effective(row: { from: string; to?: string | undefined }): Effective {
  return row.to === undefined
    ? { from: row.from as IsoDate }
    : { from: row.from as IsoDate, to: row.to as IsoDate };
}

function site(s: PostData['site']): Site {
  switch (s.kind) {
    case 'town':
      return { kind: 'town', town: s.town as TownCode };
    case 'county':
      return { kind: 'county', county: s.county as CountyCode };
    case 'park':
      return { kind: 'park', park: s.park as ParkId };
  }
}

type Given = PolicyOverrideData;

function toRetirement(r: NonNullable<Given['retirement']>[number]): RetirementRule {
  const schedule = (s: typeof r.male) => ({
    baseAge: s.baseAge,
    targetAge: s.targetAge,
    firstDelayedBirthMonth: s.firstDelayedBirthMonth,
    birthMonthsPerMonthOfDelay: s.birthMonthsPerMonthOfDelay,
  });
  return {
    ...effective(r),
    male: schedule(r.male),
    femaleCadre: schedule(r.femaleCadre),
    femaleWorker: schedule(r.femaleWorker),
    source: source(r.source),
  };
}

function toMinimumWage(r: NonNullable<Given['minimumWages']>[number]): MinimumWage {
  return {
    area: r.area as AreaCode,
    monthly: r.monthly,
    ...(r.hourly === undefined ? {} : { hourly: r.hourly }),
    ...effective(r),
    source: source(r.source),
  };
}

function toPairing(r: NonNullable<Given['pairings']>[number]): Pairing {
  return {
    originCounty: r.originCounty as CountyCode,
    towns: r.towns.map((t) => t as TownCode),
    ...effective(r),
    source: source(r.source),
  };
}

function toTravelSubsidy(r: NonNullable<Given['travelSubsidies']>[number]): TravelSubsidy {
  return {
    originArea: r.originArea as AreaCode,
    crossProvinceOnly: r.crossProvinceOnly,
    ...(r.households === undefined ? {} : { households: [...r.households] }),
    ...(r.amount === undefined ? {} : { amount: r.amount }),
    ...effective(r),
    source: source(r.source),
  };
}

function toPark(r: NonNullable<Given['parks']>[number]): Park {
  return {
    id: r.id as ParkId,
    name: localized(r.name),
    area: r.area as AreaCode,
    serves: r.serves.map((a) => a as AreaCode),
    source: source(r.source),
  };
}

function toBase(r: NonNullable<Given['bases']>[number]): PlacementBase {
  return {
    id: r.id as BaseId,
    name: localized(r.name),
    origin: r.origin as AreaCode,
    ...(r.employer === undefined ? {} : { employer: r.employer as EmployerId }),
    ...(r.site === undefined ? {} : { site: site(r.site) }),
    ...effective(r),
    source: source(r.source),
  };
}

function toSkill(r: NonNullable<Given['skills']>[number]): SkillDefinition {
  return {
    id: r.id as SkillId,
    name: localized(r.name),
    ...(r.occupation === undefined ? {} : { occupation: r.occupation as OccupationCode }),
    related: r.related.map((l) => ({ skill: l.skill as SkillId, credit: l.credit })),
  };
}

function toCertificate(r: NonNullable<Given['certificates']>[number]): CertificateDefinition {
  return { id: r.id as CertificateId, name: localized(r.name), specialOperation: r.specialOperation };
}

function toTraining(r: NonNullable<Given['trainings']>[number]): TrainingCourse {
  return {
    id: r.id,
    name: localized(r.name),
    grantsSkills: r.grantsSkills.map((g) => ({ skill: g.skill as SkillId, level: g.level as SkillLevel })),
    grantsCertificates: r.grantsCertificates.map((c) => c as CertificateId),
    durationDays: r.durationDays,
    costPerTrainee: r.costPerTrainee,
    ...(r.area === undefined ? {} : { area: r.area as AreaCode }),
    ...(r.source === undefined ? {} : { source: source(r.source) }),
  };
}

/**
 * Applies parsed overrides to a base policy and checks the result: the law's age limits are only
 * tightened, weights are usable, every reference between tables resolves and every period is
 * non-empty. Issues on rows taken from the base policy name the table and the row's key.
 *
 * Complexity: O(b + g) for b base rows and g given rows, plus O(r) reference checks.
 *
 * @param issues - Where problems are added.
 * @param base - The policy the overrides apply to.
 * @param given - The overrides, after the structural pass.
 * @param prefix - The path of the overrides from the root (`['policy']` in a dataset).
 * @returns The effective policy (also when issues were found, so later checks can use it).
 * @example
 * applyOverrides(issues, dongguanPolicy, policyOverrideSchema.parse({ weights: { pay: 1 } }), []).weights.pay //=> 1
 */
export function applyOverrides(issues: Issues, base: Policy, given: Given, prefix: Path): Policy {
  const mode = given.mode;
  const table = <T, G>(
    name: string,
    baseRows: readonly T[],
    rows: readonly G[] | undefined,
    convert: (row: G) => T,
    keyOf: (row: T) => string,
    keyField?: string,
  ): Table<T> => mergeTable(issues, baseRows, rows?.map(convert), mode, keyOf, [...prefix, name], keyField);

  const retirement = table('retirement', base.retirement, given.retirement, toRetirement, (r) => r.from);
  const minimumWages = table(
    'minimumWages',
    base.minimumWages,
    given.minimumWages,
    toMinimumWage,
    (r) => `${r.area}@${r.from}`,
  );
  const pairings = table(
    'pairings',
    base.pairings,
    given.pairings,
    toPairing,
    (r) => `${r.originCounty}@${r.from}`,
  );
  const parks = table('parks', base.parks, given.parks, toPark, (r) => r.id, 'id');
  const bases = table('bases', base.bases, given.bases, toBase, (r) => r.id, 'id');
  const skills = table('skills', base.skills, given.skills, toSkill, (r) => r.id, 'id');
  const certificates = table(
    'certificates',
    base.certificates,
    given.certificates,
    toCertificate,
    (r) => r.id,
    'id',
  );
  const trainings = table('trainings', base.trainings, given.trainings, toTraining, (r) => r.id, 'id');
  const travelSubsidies = table(
    'travelSubsidies',
    base.travelSubsidies ?? [],
    given.travelSubsidies,
    toTravelSubsidy,
    (r) => `${r.originArea}@${r.from}`,
  );

  const ageLaw: AgeLaw = {
    minimumWorkingAge: given.ageLaw?.minimumWorkingAge ?? base.ageLaw.minimumWorkingAge,
    adultAge: given.ageLaw?.adultAge ?? base.ageLaw.adultAge,
  };
  const weights: ScoreWeights = {
    skills: given.weights?.skills ?? base.weights.skills,
    pay: given.weights?.pay ?? base.weights.pay,
    origin: given.weights?.origin ?? base.weights.origin,
    employer: given.weights?.employer ?? base.weights.employer,
  };
  const policy: Policy = {
    id: given.id ?? base.id,
    name: given.name === undefined ? base.name : localized(given.name),
    ageLaw,
    retirement: retirement.rows,
    minimumWages: minimumWages.rows,
    pairings: pairings.rows,
    parks: parks.rows,
    bases: bases.rows,
    weights,
    ...((given.labourerMinimumPay ?? base.labourerMinimumPay) === undefined
      ? {}
      : { labourerMinimumPay: (given.labourerMinimumPay ?? base.labourerMinimumPay)! }),
    skills: skills.rows,
    certificates: certificates.rows,
    trainings: trainings.rows,
    ...(travelSubsidies.rows.length === 0 ? {} : { travelSubsidies: travelSubsidies.rows }),
    ...((given.revetBelowRetention ?? base.revetBelowRetention) === undefined
      ? {}
      : { revetBelowRetention: (given.revetBelowRetention ?? base.revetBelowRetention)! }),
    ...((given.followUpSchedule ?? base.followUpSchedule) === undefined
      ? {}
      : {
          followUpSchedule: (given.followUpSchedule ?? base.followUpSchedule)!.map((c) => ({
            id: c.id,
            ...(c.days === undefined ? {} : { days: c.days }),
            ...(c.months === undefined ? {} : { months: c.months }),
          })),
        }),
  };
  (given.followUpSchedule ?? []).forEach((c, i) => {
    if ((c.days === undefined) === (c.months === undefined))
      issues.add(
        [...prefix, 'followUpSchedule', i],
        'days-or-months',
        {
          en: 'expected a check after so many days or so many months: one of the two',
          zh: '回访时点应填写天数或月数，二者选其一',
        },
        c.id,
      );
  });

  // The law: a policy may tighten the age limits, never loosen them.
  if (ageLaw.minimumWorkingAge < 16)
    issues.add(
      [...prefix, 'ageLaw', 'minimumWorkingAge'],
      'loosens-law',
      {
        en: 'expected a minimum working age of at least 16 (劳动法 art. 15; 禁止使用童工规定 art. 2)',
        zh: '最低就业年龄应不低于 16 周岁（劳动法第十五条；禁止使用童工规定第二条）',
      },
      ageLaw.minimumWorkingAge,
    );
  if (ageLaw.adultAge < 18)
    issues.add(
      [...prefix, 'ageLaw', 'adultAge'],
      'loosens-law',
      {
        en: 'expected an adult age of at least 18 (劳动法 arts. 58, 64)',
        zh: '成年年龄应不低于 18 周岁（劳动法第五十八、六十四条）',
      },
      ageLaw.adultAge,
    );

  const weightValues = [weights.skills, weights.pay, weights.origin, weights.employer];
  if (weightValues.some((w) => !Number.isFinite(w) || w < 0))
    issues.add(
      [...prefix, 'weights'],
      'invalid-weights',
      { en: 'expected every weight to be a finite number ≥ 0', zh: '每项权重应为 ≥ 0 的有限数值' },
      weights,
    );
  else if (weightValues.every((w) => w === 0))
    issues.add(
      [...prefix, 'weights'],
      'invalid-weights',
      { en: 'expected at least one weight above 0', zh: '应至少有一项权重大于 0' },
      weights,
    );

  // Where to report a problem of row i of a table.
  const rowPath = (name: string, t: Table<unknown>, i: number, ...rest: PropertyKey[]): Path => {
    const origin = t.origins[i];
    return origin === 'base' || origin === undefined ? [...prefix, name] : [...prefix, name, origin, ...rest];
  };
  const baseNote = (t: Table<unknown>, i: number, key: string): string =>
    t.origins[i] === 'base' ? ` (row ${key} of the base policy)` : '';
  const baseNoteZh = (t: Table<unknown>, i: number, key: string): string =>
    t.origins[i] === 'base' ? `（基础政策的 ${key} 行）` : '';

  const periods: [string, Table<Effective>, (row: Effective) => string][] = [
    ['retirement', retirement, (r) => r.from],
    ['minimumWages', minimumWages, (r) => (r as MinimumWage).area],
    ['pairings', pairings, (r) => (r as Pairing).originCounty],
    ['bases', bases, (r) => (r as PlacementBase).id],
    ['travelSubsidies', travelSubsidies, (r) => (r as TravelSubsidy).originArea],
  ];
  for (const [name, t, keyOf] of periods) {
    t.rows.forEach((row, i) => {
      if (row.to !== undefined && !(row.from < row.to))
        issues.add(
          rowPath(name, t, i, 'to'),
          'empty-period',
          {
            en: `expected "to" (${row.to}) to be after "from" (${row.from})${baseNote(t, i, keyOf(row))}`,
            zh: `"to"（${row.to}）应晚于 "from"（${row.from}）${baseNoteZh(t, i, keyOf(row))}`,
          },
          row.to,
        );
    });
  }

  const skillIds = new Set<string>(skills.rows.map((s) => s.id));
  const certificateIds = new Set<string>(certificates.rows.map((c) => c.id));
  const parkIds = new Set<string>(parks.rows.map((p) => p.id));

  skills.rows.forEach((s, i) => {
    s.related.forEach((link, j) => {
      if (!skillIds.has(link.skill))
        issues.add(
          rowPath('skills', skills, i, 'related', j, 'skill'),
          'unknown-skill',
          {
            en: `expected a skill of the policy taxonomy${baseNote(skills, i, s.id)}`,
            zh: `应为政策技能目录中的技能${baseNoteZh(skills, i, s.id)}`,
          },
          link.skill,
        );
      if (!(link.credit > 0 && link.credit <= 1))
        issues.add(
          rowPath('skills', skills, i, 'related', j, 'credit'),
          'out-of-range',
          {
            en: `expected a credit in (0, 1]${baseNote(skills, i, s.id)}`,
            zh: `折算系数应在 (0, 1] 之间${baseNoteZh(skills, i, s.id)}`,
          },
          link.credit,
        );
    });
  });
  trainings.rows.forEach((t, i) => {
    t.grantsSkills.forEach((g, j) => {
      if (!skillIds.has(g.skill))
        issues.add(
          rowPath('trainings', trainings, i, 'grantsSkills', j, 'skill'),
          'unknown-skill',
          {
            en: `expected a skill of the policy taxonomy${baseNote(trainings, i, t.id)}`,
            zh: `应为政策技能目录中的技能${baseNoteZh(trainings, i, t.id)}`,
          },
          g.skill,
        );
    });
    t.grantsCertificates.forEach((c, j) => {
      if (!certificateIds.has(c))
        issues.add(
          rowPath('trainings', trainings, i, 'grantsCertificates', j),
          'unknown-certificate',
          {
            en: `expected a certificate of the policy catalogue${baseNote(trainings, i, t.id)}`,
            zh: `应为政策证书目录中的证书${baseNoteZh(trainings, i, t.id)}`,
          },
          c,
        );
    });
  });
  // Base rows come from code, not JSON: check their division codes too.
  parks.rows.forEach((p, i) => {
    if (parks.origins[i] !== 'base') return;
    if (!isAreaCode(p.area))
      issues.add(
        rowPath('parks', parks, i),
        'unknown-area',
        { en: `expected a known area code for park ${p.id}`, zh: `园区 ${p.id} 的区划代码应为已知代码` },
        p.area,
      );
    for (const a of p.serves)
      if (!isAreaCode(a))
        issues.add(
          rowPath('parks', parks, i),
          'unknown-area',
          {
            en: `expected a known area code served by park ${p.id}`,
            zh: `园区 ${p.id} 服务的区划代码应为已知代码`,
          },
          a,
        );
  });
  pairings.rows.forEach((p, i) => {
    if (pairings.origins[i] !== 'base') return;
    if (!isCountyCode(p.originCounty))
      issues.add(
        rowPath('pairings', pairings, i),
        'unknown-county',
        { en: 'expected a known county code', zh: '应为已知的县级区划代码' },
        p.originCounty,
      );
    for (const t of p.towns)
      if (!isTownCode(t))
        issues.add(
          rowPath('pairings', pairings, i),
          'unknown-town',
          { en: 'expected a known Dongguan town code', zh: '应为已知的东莞镇街代码' },
          t,
        );
  });
  bases.rows.forEach((b, i) => {
    if (b.site?.kind === 'park' && !parkIds.has(b.site.park))
      issues.add(
        rowPath('bases', bases, i, 'site', 'park'),
        'unknown-park',
        {
          en: `expected a park of the policy${baseNote(bases, i, b.id)}`,
          zh: `应为政策中的园区${baseNoteZh(bases, i, b.id)}`,
        },
        b.site.park,
      );
  });

  return policy;
}

// --- dataset records -----------------------------------------------------------------------------

function destination(d: LabourerData['mobility']['preferred'][number]): Destination {
  return d.kind === 'area'
    ? { kind: 'area', area: d.area as AreaCode }
    : { kind: 'park', park: d.park as ParkId };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// The builders below assign optional keys one by one rather than spreading conditional objects:
// on large tables the spreads' temporary objects doubled the parse time.

/**
 * Builds a labourer of the domain model from parsed JSON, filling `availableFrom` with `asOf`.
 *
 * @param d - A labourer that passed the structural pass.
 * @param asOf - The dataset's as-of date.
 * @returns A fresh labourer with branded ids and no undefined optional keys.
 * @example
 * toLabourer(labourerSchema.parse(json), '2026-03-01' as IsoDate).availableFrom //=> '2026-03-01' when json has none
 */
export function toLabourer(d: LabourerData, asOf: IsoDate): Labourer {
  const out: Mutable<Labourer> = {
    id: d.id as WorkerId,
    household: d.household,
    originCounty: d.originCounty as CountyCode,
    birthDate: d.birthDate as IsoDate,
    skills: d.skills.map((s) => ({
      skill: s.skill as SkillId,
      level: s.level as SkillLevel,
      certified: s.certified,
    })),
    certificates: d.certificates.map((c) => {
      const held: Mutable<Labourer['certificates'][number]> = { certificate: c.certificate as CertificateId };
      if (c.issuedOn !== undefined) held.issuedOn = c.issuedOn as IsoDate;
      if (c.validUntil !== undefined) held.validUntil = c.validUntil as IsoDate;
      return held;
    }),
    trainings: d.trainings.map((t) => {
      const done: Mutable<Labourer['trainings'][number]> = {
        course: t.course,
        completedOn: t.completedOn as IsoDate,
      };
      if (t.grantsSkill !== undefined) done.grantsSkill = t.grantsSkill as SkillId;
      if (t.grantsLevel !== undefined) done.grantsLevel = t.grantsLevel as SkillLevel;
      return done;
    }),
    pay: { minMonthly: d.pay.minMonthly, targetMonthly: d.pay.targetMonthly },
    mobility: {
      scope: d.mobility.scope,
      preferred: d.mobility.preferred.map(destination),
      refused: d.mobility.refused.map(destination),
    },
    needsDormitory: d.needsDormitory,
    cannotLeaveHome: d.cannotLeaveHome,
    languages: [...d.languages],
    availableFrom: (d.availableFrom ?? asOf) as IsoDate,
  };
  if (d.name !== undefined) out.name = d.name;
  if (d.gender !== undefined) out.gender = d.gender;
  if (d.cadre !== undefined) out.cadre = d.cadre;
  return out;
}

/**
 * Builds an employer of the domain model from parsed JSON.
 *
 * @param d - An employer that passed the structural pass.
 * @returns A fresh employer with branded ids.
 * @example
 * toEmployer(employerSchema.parse(json)).workforceByOrigin //=> [] when json has none
 */
export function toEmployer(d: EmployerData): Employer {
  const out: Mutable<Employer> = {
    id: d.id as EmployerId,
    name: d.name,
    vetting: {
      status: d.vetting.status,
      criteria: [...d.vetting.criteria],
      vettedOn: d.vetting.vettedOn as IsoDate,
      validUntil: d.vetting.validUntil as IsoDate,
    },
    workforceByOrigin: d.workforceByOrigin.map((w) => ({ county: w.county as CountyCode, count: w.count })),
  };
  if (d.trackRecord !== undefined)
    out.trackRecord = {
      placements: d.trackRecord.placements,
      retainedSixMonths: d.trackRecord.retainedSixMonths,
    };
  return out;
}

/**
 * Builds a post of the domain model from parsed JSON.
 *
 * @param d - A post that passed the structural pass.
 * @returns A fresh post with branded ids.
 * @example
 * toPost(postSchema.parse(json)).filled //=> 0 when json has none
 */
export function toPost(d: PostData): Post {
  const requirement = (r: PostData['requiredSkills'][number]) => ({
    skill: r.skill as SkillId,
    minLevel: r.minLevel as SkillLevel,
  });
  const out: Mutable<Post> = {
    id: d.id as PostId,
    employer: d.employer as EmployerId,
    title: d.title,
    occupation: d.occupation as OccupationCode,
    site: site(d.site),
    openings: d.openings,
    filled: d.filled,
    requiredSkills: d.requiredSkills.map(requirement),
    optionalSkills: d.optionalSkills.map(requirement),
    requiredCertificates: d.requiredCertificates.map((c) => c as CertificateId),
    trainsOnJob: d.trainsOnJob,
    pay:
      d.pay.kind === 'monthly'
        ? { kind: 'monthly', baseMonthly: d.pay.baseMonthly, expectedMonthly: d.pay.expectedMonthly }
        : {
            kind: 'piece-rate',
            guaranteedMonthly: d.pay.guaranteedMonthly,
            expectedMonthly: d.pay.expectedMonthly,
          },
    dormitory: { provided: d.dormitory.provided, monthlyCost: d.dormitory.monthlyCost },
    meals: { provided: d.meals.provided, monthlyCost: d.meals.monthlyCost },
    contractMonths: d.contractMonths,
    hazardous: d.hazardous,
    window: { opens: d.window.opens as IsoDate, closes: d.window.closes as IsoDate },
    languages: [...d.languages],
  };
  if (d.ageRange !== undefined) {
    const range: { min?: number; max?: number } = {};
    if (d.ageRange.min !== undefined) range.min = d.ageRange.min;
    if (d.ageRange.max !== undefined) range.max = d.ageRange.max;
    out.ageRange = range;
  }
  return out;
}

/** Lookups the semantic checks need; `policy` is undefined when the overrides could not be read. */
export interface CheckContext {
  readonly asOf: IsoDate | undefined;
  readonly policy: Policy | undefined;
  readonly employerIds: ReadonlySet<string>;
  readonly skills: ReadonlySet<string>;
  readonly certificates: ReadonlySet<string>;
  readonly parks: ReadonlyMap<string, Park>;
}

/**
 * Builds the lookups once for a dataset.
 *
 * @param asOf - The as-of date, undefined if it was invalid (date checks are then skipped).
 * @param policy - The effective policy, undefined if the overrides were unreadable (policy checks are then skipped).
 * @param employerIds - Every employer id given, broken records included.
 * @returns The lookups.
 * @example
 * checkContext(undefined, dongguanPolicy, new Set()).parks.has('yuedian') //=> true
 */
export function checkContext(
  asOf: IsoDate | undefined,
  policy: Policy | undefined,
  employerIds: ReadonlySet<string>,
): CheckContext {
  return {
    asOf,
    policy,
    employerIds,
    skills: new Set(policy?.skills.map((s) => s.id)),
    certificates: new Set(policy?.certificates.map((c) => c.id)),
    parks: new Map(policy?.parks.map((p) => [p.id, p])),
  };
}

function minExceedsMax(
  issues: Issues,
  path: Path,
  minName: string,
  min: number | string,
  maxName: string,
  max: number | string,
): void {
  issues.add(
    path,
    'min-exceeds-max',
    {
      en: `expected ${minName} (${min}) to be at most ${maxName} (${max})`,
      zh: `${minName}（${min}）应不大于 ${maxName}（${max}）`,
    },
    min,
  );
}

function knownSkill(issues: Issues, ctx: CheckContext, path: Path, skill: string): void {
  if (ctx.policy !== undefined && !ctx.skills.has(skill))
    issues.add(
      path,
      'unknown-skill',
      { en: 'expected a skill id of the policy taxonomy', zh: '应为政策技能目录中的技能代码' },
      skill,
    );
}

function knownCertificate(issues: Issues, ctx: CheckContext, path: Path, certificate: string): void {
  if (ctx.policy !== undefined && !ctx.certificates.has(certificate))
    issues.add(
      path,
      'unknown-certificate',
      { en: 'expected a certificate id of the policy catalogue', zh: '应为政策证书目录中的证书代码' },
      certificate,
    );
}

function knownPark(issues: Issues, ctx: CheckContext, path: Path, park: string): void {
  if (ctx.policy !== undefined && !ctx.parks.has(park))
    issues.add(
      path,
      'unknown-park',
      { en: 'expected a park id of the policy', zh: '应为政策中的园区代码' },
      park,
    );
}

/**
 * Cross-field checks of one structurally valid labourer: pay min ≤ target, birth date not after
 * the as-of date, known skills, certificates and parks.
 *
 * @param issues - Where problems are added.
 * @param ctx - The dataset's lookups.
 * @param l - The labourer.
 * @param path - Its path from the root (`['labourers', 3]`).
 * @returns Nothing; problems go to `issues`.
 * @example
 * checkLabourer(issues, ctx, { ...labourer, pay: { minMonthly: 5000, targetMonthly: 4000 } }, ['labourers', 0])
 * issues.list[0]?.code //=> 'min-exceeds-max'
 */
export function checkLabourer(issues: Issues, ctx: CheckContext, l: Labourer, path: Path): void {
  if (l.pay.minMonthly > l.pay.targetMonthly)
    minExceedsMax(
      issues,
      [...path, 'pay', 'minMonthly'],
      'minMonthly',
      l.pay.minMonthly,
      'targetMonthly',
      l.pay.targetMonthly,
    );
  if (ctx.asOf !== undefined && l.birthDate > ctx.asOf)
    issues.add(
      [...path, 'birthDate'],
      'date-in-future',
      {
        en: `expected a birth date on or before the as-of date ${ctx.asOf}`,
        zh: `出生日期应不晚于基准日 ${ctx.asOf}`,
      },
      l.birthDate,
    );
  l.skills.forEach((s, i) => knownSkill(issues, ctx, [...path, 'skills', i, 'skill'], s.skill));
  l.certificates.forEach((c, i) => {
    knownCertificate(issues, ctx, [...path, 'certificates', i, 'certificate'], c.certificate);
    if (c.issuedOn !== undefined && c.validUntil !== undefined && c.issuedOn > c.validUntil)
      minExceedsMax(
        issues,
        [...path, 'certificates', i, 'issuedOn'],
        'issuedOn',
        c.issuedOn,
        'validUntil',
        c.validUntil,
      );
  });
  l.trainings.forEach((t, i) => {
    if (t.grantsSkill !== undefined)
      knownSkill(issues, ctx, [...path, 'trainings', i, 'grantsSkill'], t.grantsSkill);
  });
  for (const list of ['preferred', 'refused'] as const)
    l.mobility[list].forEach((d, i) => {
      if (d.kind === 'park') knownPark(issues, ctx, [...path, 'mobility', list, i, 'park'], d.park);
    });
}

/**
 * Cross-field checks of one structurally valid employer: vetted before valid-until, retained ≤ placed.
 *
 * @param issues - Where problems are added.
 * @param e - The employer.
 * @param path - Its path from the root.
 * @returns Nothing; problems go to `issues`.
 * @example
 * checkEmployer(issues, { ...employer, trackRecord: { placements: 1, retainedSixMonths: 2 } }, ['employers', 0])
 * issues.list[0]?.path //=> 'employers[0].trackRecord.retainedSixMonths'
 */
export function checkEmployer(issues: Issues, e: Employer, path: Path): void {
  if (e.vetting.vettedOn > e.vetting.validUntil)
    minExceedsMax(
      issues,
      [...path, 'vetting', 'vettedOn'],
      'vettedOn',
      e.vetting.vettedOn,
      'validUntil',
      e.vetting.validUntil,
    );
  if (e.trackRecord !== undefined && e.trackRecord.retainedSixMonths > e.trackRecord.placements)
    minExceedsMax(
      issues,
      [...path, 'trackRecord', 'retainedSixMonths'],
      'retainedSixMonths',
      e.trackRecord.retainedSixMonths,
      'placements',
      e.trackRecord.placements,
    );
}

/**
 * Cross-field and reference checks of one structurally valid post: its employer exists, pay
 * floor ≤ expected, age range, window and openings in order, costs only for what is provided,
 * known skills, certificates and park, and pay at least the minimum wage of its site on the as-of
 * date (where the policy knows one).
 *
 * Complexity: O(s + w) for s skill and certificate requirements and w minimum-wage rows.
 *
 * @param issues - Where problems are added.
 * @param ctx - The dataset's lookups.
 * @param p - The post.
 * @param path - Its path from the root.
 * @returns Nothing; problems go to `issues`.
 * @example
 * checkPost(issues, ctx, { ...post, pay: { kind: 'monthly', baseMonthly: 2000, expectedMonthly: 4000 } }, ['posts', 0])
 * issues.list[0]?.code //=> 'below-minimum-wage' (Dongguan, 2080 from 2025-03-01)
 */
export function checkPost(issues: Issues, ctx: CheckContext, p: Post, path: Path): void {
  if (!ctx.employerIds.has(p.employer))
    issues.add(
      [...path, 'employer'],
      'unknown-employer',
      { en: 'expected the id of an employer of the dataset', zh: '应为数据集中某家用人单位的编号' },
      p.employer,
    );
  const floorKey = p.pay.kind === 'monthly' ? 'baseMonthly' : 'guaranteedMonthly';
  const floor = p.pay.kind === 'monthly' ? p.pay.baseMonthly : p.pay.guaranteedMonthly;
  if (floor > p.pay.expectedMonthly)
    minExceedsMax(
      issues,
      [...path, 'pay', floorKey],
      floorKey,
      floor,
      'expectedMonthly',
      p.pay.expectedMonthly,
    );
  if (p.ageRange?.min !== undefined && p.ageRange.max !== undefined && p.ageRange.min > p.ageRange.max)
    minExceedsMax(
      issues,
      [...path, 'ageRange', 'min'],
      'ageRange.min',
      p.ageRange.min,
      'ageRange.max',
      p.ageRange.max,
    );
  if (p.window.opens > p.window.closes)
    minExceedsMax(
      issues,
      [...path, 'window', 'opens'],
      'window.opens',
      p.window.opens,
      'window.closes',
      p.window.closes,
    );
  if (p.filled > p.openings)
    minExceedsMax(issues, [...path, 'filled'], 'filled', p.filled, 'openings', p.openings);
  for (const name of ['dormitory', 'meals'] as const)
    if (!p[name].provided && p[name].monthlyCost !== 0)
      issues.add(
        [...path, name, 'monthlyCost'],
        'cost-without-provision',
        {
          en: `expected a monthly cost of 0 when no ${name === 'meals' ? 'meals are' : 'dormitory is'} provided`,
          zh: `不提供${name === 'meals' ? '伙食' : '宿舍'}时，月费用应为 0`,
        },
        p[name].monthlyCost,
      );
  p.requiredSkills.forEach((s, i) =>
    knownSkill(issues, ctx, [...path, 'requiredSkills', i, 'skill'], s.skill),
  );
  p.optionalSkills.forEach((s, i) =>
    knownSkill(issues, ctx, [...path, 'optionalSkills', i, 'skill'], s.skill),
  );
  p.requiredCertificates.forEach((c, i) =>
    knownCertificate(issues, ctx, [...path, 'requiredCertificates', i], c),
  );

  let area: string | undefined;
  if (p.site.kind === 'park') {
    knownPark(issues, ctx, [...path, 'site', 'park'], p.site.park);
    area = ctx.parks.get(p.site.park)?.area;
  } else area = p.site.kind === 'town' ? p.site.town : p.site.county;

  if (ctx.policy !== undefined && ctx.asOf !== undefined && area !== undefined) {
    const minimum = minimumWageAt(ctx.policy, area, ctx.asOf);
    if (minimum !== undefined && floor < minimum.monthly)
      issues.add(
        [...path, 'pay', floorKey],
        'below-minimum-wage',
        {
          en:
            `expected at least the minimum wage of ${minimum.monthly} CNY/month in force on ${ctx.asOf} ` +
            `for ${divisionNameEn(minimum.area) ?? minimum.area} (${[divisionName(minimum.area), minimum.area].filter((x) => x !== undefined).join(', ')}, from ${minimum.from})`,
          zh:
            `应不低于 ${ctx.asOf} 施行的${divisionName(minimum.area) ?? minimum.area}（${minimum.area}）` +
            `月最低工资 ${minimum.monthly} 元（自 ${minimum.from} 起）`,
        },
        floor,
      );
  }
}

// --- groups --------------------------------------------------------------------------------------

/**
 * Builds a group of the domain model from parsed JSON.
 *
 * @param d - A group that passed the structural pass.
 * @returns A fresh group; `kind` only when given.
 * @example
 * toGroup(groupSchema.parse({ id: 'g1', members: ['w1', 'w2'], rule: 'same-site' })).members //=> ['w1', 'w2']
 */
export function toGroup(d: GroupData): PlacementGroup {
  const out: Mutable<PlacementGroup> = { id: d.id, members: [...d.members], rule: d.rule };
  if (d.kind !== undefined) out.kind = d.kind;
  return out;
}

const quotedRules = GROUP_RULES.map((r) => `"${r}"`).join(', ');
const quotedKinds = GROUP_KINDS.map((k) => `"${k}"`).join(', ');

/**
 * Every problem with a list of groups, at once: an id that is not a non-empty string or repeats an
 * earlier group's, an unknown rule or kind, no members, a member who is not a labourer of the
 * dataset, a labourer listed twice in one group or in two groups. The one definition of a valid
 * group list: the dataset's `groups` and `assign`'s `groups` option are both checked here. Values
 * of any type are tolerated (the option comes from code, not through a schema).
 *
 * Codes: `invalid-id`, `duplicate-id`, `invalid-value` (rule, kind), `empty-group`,
 * `unknown-worker`, `duplicate-member`, `worker-in-two-groups`; each repeat is reported where it
 * occurs again, naming the first.
 *
 * Complexity: O(G + M) expected time for G groups and M members.
 *
 * @param issues - Where problems are added.
 * @param labourers - The ids of the dataset's labourers.
 * @param groups - The groups; an `undefined` entry (a record already refused) is skipped but keeps its index.
 * @param prefix - The path of the list (`['groups']`).
 * @returns Nothing; problems go to `issues`.
 * @example
 * checkGroups(issues, new Set(['w1']), [{ id: 'g', members: ['w1', 'w9'], rule: 'same-post' }], ['groups'])
 * issues.list[0] //=> { path: 'groups[0].members[1]', code: 'unknown-worker', message: 'expected the id of a labourer of the dataset', value: 'w9' }
 */
export function checkGroups(
  issues: Issues,
  labourers: ReadonlySet<string>,
  groups: readonly (PlacementGroup | undefined)[],
  prefix: Path,
): void {
  const firstWithId = new Map<string, number>();
  // Member → index of the group that first listed it.
  const owner = new Map<string, number>();
  groups.forEach((g, i) => {
    if (g === undefined) return;
    const at = [...prefix, i];
    const id: unknown = g.id;
    if (typeof id !== 'string' || id === '') {
      issues.add(
        [...at, 'id'],
        'invalid-id',
        { en: 'expected a non-empty string', zh: '应为非空字符串' },
        id,
      );
    } else {
      const first = firstWithId.get(id);
      if (first === undefined) firstWithId.set(id, i);
      else
        issues.add(
          [...at, 'id'],
          'duplicate-id',
          {
            en: `expected a unique id: "${id}" is also the id of ${formatPath([...prefix, first])}`,
            zh: `编号应唯一："${id}" 也是 ${formatPath([...prefix, first])} 的编号`,
          },
          id,
        );
    }
    if (!(GROUP_RULES as readonly unknown[]).includes(g.rule))
      issues.add(
        [...at, 'rule'],
        'invalid-value',
        { en: `expected one of ${quotedRules}`, zh: `应为以下之一：${quotedRules}` },
        g.rule,
      );
    const kind: GroupKind | undefined = g.kind;
    if (kind !== undefined && !(GROUP_KINDS as readonly unknown[]).includes(kind))
      issues.add(
        [...at, 'kind'],
        'invalid-value',
        { en: `expected one of ${quotedKinds}`, zh: `应为以下之一：${quotedKinds}` },
        kind,
      );
    const members: unknown = g.members;
    if (!Array.isArray(members) || members.length === 0) {
      issues.add(
        [...at, 'members'],
        'empty-group',
        { en: 'expected at least one member', zh: '应至少有一名成员' },
        members,
      );
      return;
    }
    members.forEach((m: unknown, j) => {
      const path = [...at, 'members', j];
      if (typeof m !== 'string' || !labourers.has(m)) {
        issues.add(
          path,
          'unknown-worker',
          { en: 'expected the id of a labourer of the dataset', zh: '应为数据集中某名劳动力的编号' },
          m,
        );
        return;
      }
      const first = owner.get(m);
      if (first === undefined) owner.set(m, i);
      else if (first === i)
        issues.add(
          path,
          'duplicate-member',
          {
            en: `expected each member once: "${m}" is listed twice in the group`,
            zh: `每名成员只应列出一次："${m}" 在本组中出现了两次`,
          },
          m,
        );
      else
        issues.add(
          path,
          'worker-in-two-groups',
          {
            en: `expected each labourer in one group at most: "${m}" is already a member of ${formatPath([...prefix, first])}`,
            zh: `每名劳动力至多属于一个组："${m}" 已是 ${formatPath([...prefix, first])} 的成员`,
          },
          m,
        );
    });
  });
}
