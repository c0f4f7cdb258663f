/**
 * The semantic checks behind `parse.ts` that span fields or records (duplicate ids, references,
 * min ≤ max, minimum wage), the dataset's records made from their validated data, and groups.
 *
 * Every check appends to a list and goes on: the caller sees all problems at once.
 *
 * @module
 */
import { divisionName } from '../divisions.js';
import { formatPath } from '../errors.js';
import { minimumWageAt } from '../policy/resolve.js';
import type { Park, Policy } from '../policy/types.js';
import type {
  AreaCode,
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
  SkillId,
  SkillLevel,
  LabourerId,
} from '../types.js';
import {
  GROUP_KINDS,
  GROUP_RULES,
  type EmployerData,
  type GroupData,
  type LabourerData,
  type PostData,
} from './schema.js';
import { Issues, type Path } from './issues.js';
import { site } from './policy-overrides.js';

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
    id: d.id as LabourerId,
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
interface CheckContext {
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
            `for ${[divisionName(minimum.area), minimum.area].filter((x) => x !== undefined).join(' ')} (from ${minimum.from})`,
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
 * `unknown-labourer`, `duplicate-member`, `labourer-in-two-groups`; each repeat is reported where it
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
 * issues.list[0] //=> { path: 'groups[0].members[1]', code: 'unknown-labourer', message: 'expected the id of a labourer of the dataset', value: 'w9' }
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
          'unknown-labourer',
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
          'labourer-in-two-groups',
          {
            en: `expected each labourer in one group at most: "${m}" is already a member of ${formatPath([...prefix, first])}`,
            zh: `每名劳动力至多属于一个组："${m}" 已是 ${formatPath([...prefix, first])} 的成员`,
          },
          m,
        );
    });
  });
}
