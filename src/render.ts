/**
 * Text for people, rendered from reason codes and their parameters, in Chinese (zh-CN, the default)
 * and English. Results hold codes only; this is the one place that turns them into sentences, so a
 * caseworker's screen and an audit log state the same facts.
 *
 * Places are named from the official division tables, skills, certificates, parks and bases from
 * the policy, employers from the dataset when one is passed (else by id). Money is written as
 * `4,500元` (zh-CN) or `¥4,500` (en), rounded to the yuan; dates as written (`YYYY-MM-DD`).
 *
 * @module
 */
import { placeNameEn } from './division-names-en.js';
import { divisionName, provinceOf } from './divisions.js';
import { dongguanPolicy } from './policy/dongguan.js';
import type { Policy } from './policy/types.js';
import type {
  ComponentName,
  Exclusion,
  ExclusionCode,
  ExclusionParams,
  RetirementScheduleName,
  ScoreBreakdown,
  ScoreReason,
  ScoreReasonCode,
  ScoreReasonParams,
} from './reasons.js';
import type { PairAssessment, PostRanking, LabourerRanking } from './results.js';
import type {
  Dataset,
  Destination,
  HouseholdStatus,
  MobilityScope,
  Site,
  SkillLevel,
  VettingCriterion,
} from './types.js';

/** The locales bangfu renders. */
export type Locale = 'zh-CN' | 'en';

/** Where names come from: a policy (skills, certificates, parks, bases) or a whole dataset (also employers). */
export type NameSource = Policy | Dataset;

/** Names things in one locale. Built by {@link namerFor}. */
export interface Namer {
  readonly locale: Locale;
  readonly skill: (id: string) => string;
  readonly certificate: (id: string) => string;
  readonly park: (id: string) => string;
  readonly base: (id: string) => string;
  /** A training course of the policy's catalogue by id; the id itself if the catalogue lacks it. */
  readonly course: (id: string) => string;
  readonly employer: (id: string) => string;
  /** A division by code (any level); the code itself if unknown. */
  readonly place: (code: string) => string;
  readonly site: (site: Site) => string;
  readonly destination: (d: Destination) => string;
  readonly money: (yuan: number) => string;
  /** A share in [0, 1] as a whole percentage. */
  readonly percent: (share: number) => string;
  readonly level: (level: SkillLevel) => string;
  readonly languages: (tags: readonly string[]) => string;
  readonly list: (items: readonly string[]) => string;
}

/** A renderer for every code of a parameter table: the compiler rejects a missing code. */
export type Renderers<P> = { readonly [K in keyof P]: (params: P[K], n: Namer) => string };

function isDataset(source: NameSource): source is Dataset {
  return 'labourers' in source;
}

function thousands(n: number): string {
  const rounded = Math.round(Math.abs(n));
  const digits = String(rounded).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (n < 0 && rounded !== 0 ? '-' : '') + digits;
}

const LEVELS: Readonly<Record<Locale, Readonly<Record<SkillLevel, string>>>> = {
  'zh-CN': { 5: '初级工', 4: '中级工', 3: '高级工', 2: '技师', 1: '高级技师' },
  en: {
    5: 'level 5 (beginner)',
    4: 'level 4 (intermediate)',
    3: 'level 3 (advanced)',
    2: 'level 2 (technician)',
    1: 'level 1 (senior technician)',
  },
};

const LANGUAGES: Readonly<Record<string, { readonly zh: string; readonly en: string }>> = {
  zh: { zh: '普通话', en: 'Mandarin' },
  yue: { zh: '粤语', en: 'Cantonese' },
  ii: { zh: '彝语', en: 'Yi' },
  ug: { zh: '维吾尔语', en: 'Uyghur' },
  hmn: { zh: '苗语', en: 'Hmong' },
  bo: { zh: '藏语', en: 'Tibetan' },
  za: { zh: '壮语', en: 'Zhuang' },
  sce: { zh: '东乡语', en: 'Dongxiang' },
  tji: { zh: '土家语', en: 'Tujia' },
  en: { zh: '英语', en: 'English' },
};

/**
 * A division as text in a locale: its Chinese name, or in English the pinyin name with the Chinese
 * after it ("Zhenxiong County (镇雄县)"); the code itself when it is not in the official table.
 *
 * @param code - A division code.
 * @param locale - The locale.
 * @returns The place's name.
 * @example
 * placeName('530627', 'zh-CN') //=> '镇雄县'
 * placeName('530627', 'en') //=> 'Zhenxiong County (镇雄县)'
 */
export function placeName(code: string, locale: Locale): string {
  return locale === 'zh-CN' ? (divisionName(code) ?? code) : placeNameEn(code);
}

/**
 * A {@link Namer} for a locale over a policy or dataset.
 *
 * @param locale - The locale.
 * @param source - The policy (or dataset, whose policy and employers are used).
 * @returns The namer.
 * @example
 * namerFor('en', dongguanPolicy).money(4500) //=> '¥4,500'
 * namerFor('zh-CN', dongguanPolicy).money(4500) //=> '4,500元'
 */
export function namerFor(locale: Locale, source: NameSource): Namer {
  const policy = isDataset(source) ? source.policy : source;
  const employers = isDataset(source) ? source.employers : [];
  const zh = locale === 'zh-CN';
  const pick = (name: { readonly zh: string; readonly en: string } | undefined, id: string): string =>
    name === undefined ? id : zh ? name.zh : name.en;
  const place = (code: string): string => placeName(code, locale);
  const park = (id: string): string => pick(policy.parks.find((p) => p.id === id)?.name, id);
  return {
    locale,
    skill: (id) => pick(policy.skills.find((s) => s.id === id)?.name, id),
    certificate: (id) => pick(policy.certificates.find((c) => c.id === id)?.name, id),
    park,
    base: (id) => pick(policy.bases.find((b) => b.id === id)?.name, id),
    course: (id) => pick(policy.trainings.find((t) => t.id === id)?.name, id),
    employer: (id) => employers.find((e) => e.id === id)?.name ?? id,
    place,
    site: (site) =>
      site.kind === 'town' ? place(site.town) : site.kind === 'county' ? place(site.county) : park(site.park),
    destination: (d) => (d.kind === 'area' ? place(d.area) : park(d.park)),
    money: (yuan) => (zh ? `${thousands(yuan)}元` : `¥${thousands(yuan)}`),
    percent: (share) => `${Math.round(share * 100)}%`,
    level: (level) => LEVELS[locale][level],
    languages: (tags) =>
      tags.length === 0
        ? zh
          ? '无'
          : 'none'
        : tags.map((t) => pick(LANGUAGES[t], t)).join(zh ? '、' : ', '),
    list: (items) => (items.length === 0 ? (zh ? '无' : 'none') : items.join(zh ? '、' : ', ')),
  };
}

const SCHEDULES: Readonly<Record<Locale, Readonly<Record<RetirementScheduleName, string>>>> = {
  'zh-CN': { male: '男职工', femaleCadre: '女干部', femaleWorker: '女工人' },
  en: { male: 'men', femaleCadre: 'women in cadre posts', femaleWorker: 'women workers' },
};

const SCOPES: Readonly<Record<Locale, Readonly<Record<MobilityScope, string>>>> = {
  'zh-CN': {
    'home-county': '本县',
    'home-prefecture': '本市（州）',
    'home-province': '本省',
    anywhere: '不限',
  },
  en: {
    'home-county': 'home county',
    'home-prefecture': 'home prefecture',
    'home-province': 'home province',
    anywhere: 'anywhere',
  },
};

const CRITERIA: Readonly<Record<Locale, Readonly<Record<VettingCriterion, string>>>> = {
  'zh-CN': {
    'well-managed': '管理规范',
    'suitable-posts': '岗位适合',
    'good-pay': '待遇较好',
    'socially-responsible': '履行社会责任',
  },
  en: {
    'well-managed': 'well managed',
    'suitable-posts': 'suitable posts',
    'good-pay': 'good pay',
    'socially-responsible': 'socially responsible',
  },
};

const HOUSEHOLDS: Readonly<Record<Locale, Readonly<Record<HouseholdStatus, string>>>> = {
  'zh-CN': { registered: '脱贫劳动力', monitored: '监测对象', other: '其他' },
  en: { registered: 'registered', monitored: 'monitored', other: 'other' },
};

function yearsMonths(months: number, locale: Locale): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  if (locale === 'zh-CN') return m === 0 ? `${y}岁` : `${y}岁${m}个月`;
  return m === 0 ? `${y} years` : `${y} years ${m} months`;
}

function ageRange(p: { readonly min?: number; readonly max?: number }, locale: Locale): string {
  const zh = locale === 'zh-CN';
  if (p.min !== undefined && p.max !== undefined) return zh ? `${p.min}–${p.max}岁` : `${p.min}–${p.max}`;
  if (p.min !== undefined) return zh ? `${p.min}岁及以上` : `${p.min} or over`;
  if (p.max !== undefined) return zh ? `${p.max}岁及以下` : `${p.max} or under`;
  return zh ? '不限' : 'any';
}

/**
 * Chinese sentences for every exclusion code.
 *
 * @example
 * EXCLUSIONS_ZH['window-closed']({ closes: '2026-02-28' }, namerFor('zh-CN', dongguanPolicy)) //=> '报名已于2026-02-28截止'
 */
export const EXCLUSIONS_ZH: Renderers<ExclusionParams> = {
  'under-minimum-age': (p) =>
    `未满${p.minimum}周岁（${p.age}岁），依法不得为其介绍任何工作（禁止使用童工规定第二条）`,
  'minor-hazardous': (p) =>
    `未满${p.adultAge}周岁的未成年工（${p.age}岁）不得从事有害作业（劳动法第六十四条）`,
  'minor-special-operation': (p, n) =>
    `${n.certificate(p.certificate)}属特种作业，须年满${p.adultAge}周岁，本人${p.age}岁`,
  'retirement-age-reached': (p) =>
    p.startsOn === undefined
      ? `已于${p.retirementDate}达到法定退休年龄（${SCHEDULES['zh-CN'][p.schedule]}，${yearsMonths(p.retirementAgeMonths, 'zh-CN')}）`
      : `${p.retirementDate}达到法定退休年龄（${SCHEDULES['zh-CN'][p.schedule]}，${yearsMonths(p.retirementAgeMonths, 'zh-CN')}），不晚于最早可上岗日${p.startsOn}`,
  'retirement-undetermined': (p) =>
    p.startsOn === undefined
      ? `未登记性别，${p.age}岁，按最早的退休年龄可能已于${p.earliestRetirementDate}退休`
      : `未登记性别，${p.age}岁，按最早的退休年龄可能于${p.earliestRetirementDate}退休，不晚于最早可上岗日${p.startsOn}`,
  'outside-post-age-range': (p) => `岗位要求年龄${ageRange(p, 'zh-CN')}，本人${p.age}岁`,
  'employer-not-approved': (p, n) =>
    `用人单位${n.employer(p.employer)}${p.status === 'pending' ? '尚未通过审核' : '的审核已被撤销'}`,
  'employer-vetting-expired': (p, n) => `用人单位${n.employer(p.employer)}的审核已于${p.validUntil}到期`,
  'employer-vetting-not-yet-valid': (p, n) =>
    `用人单位${n.employer(p.employer)}的审核自${p.vettedOn}起才生效`,
  'no-openings-left': (p) => `岗位已招满（已招${p.filled}人，共${p.openings}个名额）`,
  'window-not-open': (p) => `报名${p.opens}才开始`,
  'window-closed': (p) => `报名已于${p.closes}截止`,
  'available-after-window': (p) => `本人${p.availableFrom}起才能上岗，报名${p.closes}截止`,
  'cannot-leave-home': (p, n) =>
    `需照顾家庭不能离家，岗位在${n.site(p.site)}，既不在本县（${n.place(p.originCounty)}）也不在服务本县的园区`,
  'outside-mobility-scope': (p, n) =>
    `岗位在${n.site(p.site)}，超出本人愿意外出的范围（${SCOPES['zh-CN'][p.scope]}，家在${n.place(p.originCounty)}）`,
  'certificate-missing': (p, n) => `缺少证书：${n.certificate(p.certificate)}`,
  'certificate-expired': (p, n) => `证书${n.certificate(p.certificate)}已于${p.validUntil}过期`,
  'required-skill-missing': (p, n) =>
    `岗位要求${n.skill(p.skill)}且不提供岗前培训，本人既不具备该技能，也没有相近技能或相关培训`,
  'refused-destination': (p, n) => `本人不愿去${n.destination(p.destination)}`,
  'dormitory-needed': () => '本人需要宿舍，岗位离家且不提供宿舍',
  'below-minimum-pay': (p, n) =>
    `实得${n.money(p.net)}，低于本人可接受的最低${n.money(p.minimum)}，少${n.money(p.short)}`,
  'ended-for-cause': (p, n) =>
    `本人在${n.employer(p.employer)}的上一份工作于${p.on}${p.reason === 'dismissed' ? '被辞退' : '因欠薪'}结束，不再安排到该单位`,
};

/**
 * English sentences for every exclusion code.
 *
 * @example
 * EXCLUSIONS_EN['window-closed']({ closes: '2026-02-28' }, namerFor('en', dongguanPolicy)) //=> 'Applications closed on 2026-02-28'
 */
export const EXCLUSIONS_EN: Renderers<ExclusionParams> = {
  'under-minimum-age': (p) =>
    `Under ${p.minimum} (aged ${p.age}): by law no job may be introduced (Regulations Prohibiting Child Labour, art. 2)`,
  'minor-hazardous': (p) =>
    `A juvenile labourer aged ${p.age} (under ${p.adultAge}) may not do hazardous work (Labour Law art. 64)`,
  'minor-special-operation': (p, n) =>
    `${n.certificate(p.certificate)} is a special operation that requires age ${p.adultAge} or over; aged ${p.age}`,
  'retirement-age-reached': (p) =>
    p.startsOn === undefined
      ? `Reached the statutory retirement age on ${p.retirementDate} (${SCHEDULES.en[p.schedule]}, ${yearsMonths(p.retirementAgeMonths, 'en')})`
      : `Reaches the statutory retirement age on ${p.retirementDate} (${SCHEDULES.en[p.schedule]}, ${yearsMonths(p.retirementAgeMonths, 'en')}), no later than the first day they could start (${p.startsOn})`,
  'retirement-undetermined': (p) =>
    p.startsOn === undefined
      ? `Gender not recorded and aged ${p.age}: may have reached retirement age as early as ${p.earliestRetirementDate}`
      : `Gender not recorded and aged ${p.age}: may reach retirement age as early as ${p.earliestRetirementDate}, no later than the first day they could start (${p.startsOn})`,
  'outside-post-age-range': (p) => `The post asks for ages ${ageRange(p, 'en')}; aged ${p.age}`,
  'employer-not-approved': (p, n) =>
    `Employer ${n.employer(p.employer)} ${p.status === 'pending' ? 'is not yet approved' : 'had its approval revoked'}`,
  'employer-vetting-expired': (p, n) =>
    `Employer ${n.employer(p.employer)}'s vetting expired on ${p.validUntil}`,
  'employer-vetting-not-yet-valid': (p, n) =>
    `Employer ${n.employer(p.employer)}'s vetting is valid only from ${p.vettedOn}`,
  'no-openings-left': (p) => `No openings left (${p.filled} of ${p.openings} filled)`,
  'window-not-open': (p) => `Applications open only on ${p.opens}`,
  'window-closed': (p) => `Applications closed on ${p.closes}`,
  'available-after-window': (p) =>
    `Available only from ${p.availableFrom}, after applications close on ${p.closes}`,
  'cannot-leave-home': (p, n) =>
    `Cannot leave home; the post is in ${n.site(p.site)}, neither in the home county, ${n.place(p.originCounty)}, nor in a park serving it`,
  'outside-mobility-scope': (p, n) =>
    `The post is in ${n.site(p.site)}, beyond where the labourer will work: ${SCOPES.en[p.scope]}, from ${n.place(p.originCounty)}`,
  'certificate-missing': (p, n) => `Missing certificate: ${n.certificate(p.certificate)}`,
  'certificate-expired': (p, n) => `Certificate ${n.certificate(p.certificate)} expired on ${p.validUntil}`,
  'required-skill-missing': (p, n) =>
    `The post requires ${n.skill(p.skill)} and does not train beginners on the job; the labourer has no route to it (not held, not trained, no related skill)`,
  'refused-destination': (p, n) => `The labourer refuses to work in ${n.destination(p.destination)}`,
  'dormitory-needed': () => 'Needs a dormitory; the post is away from home and offers none',
  'below-minimum-pay': (p, n) =>
    `Takes home ${n.money(p.net)}, ${n.money(p.short)} short of the least the labourer accepts (${n.money(p.minimum)})`,
  'ended-for-cause': (p, n) =>
    `An earlier placement at ${n.employer(p.employer)} ended on ${p.on} ${p.reason === 'dismissed' ? 'in dismissal' : 'with wages unpaid'}: not placed there again`,
};

/**
 * Chinese sentences for every score reason code.
 *
 * @example
 * REASONS_ZH['skills-none-required']({}, namerFor('zh-CN', dongguanPolicy)) //=> '岗位不要求特定技能'
 */
export const REASONS_ZH: Renderers<ScoreReasonParams> = {
  'skill-required-met': (p, n) => `具备${n.skill(p.skill)}（${n.level(p.held)}，要求${n.level(p.required)}）`,
  'skill-required-below-level': (p, n) =>
    `${n.skill(p.skill)}等级不足（${n.level(p.held)}，要求${n.level(p.required)}），计${n.percent(p.credit)}`,
  'skill-required-related': (p, n) =>
    `以相近技能${n.skill(p.via)}替代${n.skill(p.skill)}，计${n.percent(p.credit)}`,
  'skill-required-trained': (p, n) =>
    `经培训“${n.course(p.course)}”获得${n.skill(p.skill)}，计${n.percent(p.credit)}`,
  'skill-required-learn-on-job': (p, n) =>
    `缺少${n.skill(p.skill)}，岗位提供岗前培训，计${n.percent(p.credit)}`,
  'skill-required-missing': (p, n) => `缺少必需技能：${n.skill(p.skill)}`,
  'skill-optional-held': (p, n) => `具备加分技能${n.skill(p.skill)}，计${n.percent(p.credit)}`,
  'skill-optional-missing': (p, n) => `不具备加分技能${n.skill(p.skill)}`,
  'skill-certified': (p, n) => `${n.skill(p.skill)}有职业资格证书`,
  'skills-none-required': () => '岗位不要求特定技能',
  'skills-used': (p, n) => `岗位用得上本人${p.of}项技能中的${n.list(p.used.map(n.skill))}`,
  'skills-unused': (p, n) => `岗位用不上本人的${n.list(p.unused.map(n.skill))}`,
  'pay-net': (p, n) =>
    `到手约${n.money(p.net)}（月薪按${n.money(p.basis)}计，扣住宿${n.money(p.dormitoryCost)}、伙食${n.money(p.mealsCost)}）`,
  'pay-piece-rate-floor': (p, n) => `计件工资：保底${n.money(p.guaranteed)}，预计${n.money(p.expected)}`,
  'pay-below-minimum-acceptable': (p, n) => `到手${n.money(p.net)}，低于本人最低要求${n.money(p.min)}`,
  'pay-between-minimum-and-target': (p, n) =>
    `到手${n.money(p.net)}，达到最低要求${n.money(p.min)}，未达期望${n.money(p.target)}`,
  'pay-meets-target': (p, n) => `到手${n.money(p.net)}，达到期望${n.money(p.target)}`,
  'pay-uplift-over-home-minimum': (p, n) =>
    `到手为家乡（${n.place(p.county)}）最低工资${n.money(p.homeMinimum)}的${(p.net / p.homeMinimum).toFixed(2)}倍`,
  'home-minimum-wage-unknown': (p, n) => `政策中没有${n.place(p.county)}的最低工资标准，不计此项`,
  'origin-home-county': (p, n) => `岗位在本县（${n.place(p.county)}）`,
  'origin-park-serves': (p, n) => `岗位在服务家乡的共建园区：${n.park(p.park)}`,
  'origin-paired-town': (p, n) => `${n.place(p.town)}与${n.place(p.county)}县镇对口联系`,
  'origin-designated-base': (p, n) => `定点安置基地：${n.base(p.base)}`,
  'origin-preferred-destination': (p, n) => `本人希望去${n.destination(p.destination)}`,
  'origin-same-prefecture': (p, n) => `与家乡同在${n.place(p.area)}`,
  'origin-same-province': (p, n) => `与家乡同在${n.place(p.area)}`,
  'origin-cross-province': (p, n) => `跨省务工：${n.place(provinceOf(p.from))}→${n.place(provinceOf(p.to))}`,
  'origin-fellows-at-employer': (p, n) => `该单位已有${p.count}名${n.place(p.county)}老乡`,
  'origin-no-fellows-at-employer': (p, n) => `该单位暂无${n.place(p.county)}老乡`,
  'language-shared': (p, n) => `工作语言相通：${n.languages(p.languages)}`,
  'language-not-shared': (p, n) =>
    `工作语言为${n.languages(p.post)}，本人会${n.languages(p.labourer)}，没有共同语言`,
  'employer-criteria': (p, n) =>
    `用人单位审核符合${p.met.length}/${p.of}项：${n.list(p.met.map((c) => CRITERIA['zh-CN'][c]))}`,
  'employer-retention': (p, n) =>
    `以往安置${p.placements}人，半年后仍在岗${p.retained}人（${n.percent(p.rate)}）`,
  'employer-track-record-missing': (p, n) => `${n.employer(p.employer)}以往安置人数不足，无留存率可参考`,
  'employer-retention-measured': (p, n) =>
    `据跟踪记录，${p.placements}人次安置${p.months}个月后在岗率${n.percent(p.rate)}（已向项目平均值校正）`,
};

/**
 * English sentences for every score reason code.
 *
 * @example
 * REASONS_EN['skills-none-required']({}, namerFor('en', dongguanPolicy)) //=> 'The post requires no particular skill'
 */
export const REASONS_EN: Renderers<ScoreReasonParams> = {
  'skill-required-met': (p, n) =>
    `Has ${n.skill(p.skill)} at ${n.level(p.held)}; ${n.level(p.required)} required`,
  'skill-required-below-level': (p, n) =>
    `${n.skill(p.skill)} below the level asked (${n.level(p.held)}; ${n.level(p.required)} required): ${n.percent(p.credit)} credit`,
  'skill-required-related': (p, n) =>
    `${n.skill(p.via)} stands in for ${n.skill(p.skill)}: ${n.percent(p.credit)} credit`,
  'skill-required-trained': (p, n) =>
    `${n.skill(p.skill)} learnt in the course "${n.course(p.course)}": ${n.percent(p.credit)} credit`,
  'skill-required-learn-on-job': (p, n) =>
    `Lacks ${n.skill(p.skill)}, which the post teaches on the job: ${n.percent(p.credit)} credit`,
  'skill-required-missing': (p, n) => `Lacks a required skill: ${n.skill(p.skill)}`,
  'skill-optional-held': (p, n) => `Has the welcome skill ${n.skill(p.skill)}: ${n.percent(p.credit)} credit`,
  'skill-optional-missing': (p, n) => `Lacks the welcome skill ${n.skill(p.skill)}`,
  'skill-certified': (p, n) => `${n.skill(p.skill)} is certified`,
  'skills-none-required': () => 'The post requires no particular skill',
  'skills-used': (p, n) =>
    `The post uses ${n.list(p.used.map(n.skill))} of the labourer's ${p.of} skill${p.of === 1 ? '' : 's'}`,
  'skills-unused': (p, n) => `The post does not use the labourer's ${n.list(p.unused.map(n.skill))}`,
  'pay-net': (p, n) =>
    `Takes home about ${n.money(p.net)} (pay taken as ${n.money(p.basis)}, less ${n.money(p.dormitoryCost)} dormitory and ${n.money(p.mealsCost)} meals)`,
  'pay-piece-rate-floor': (p, n) =>
    `Piece rate: ${n.money(p.guaranteed)} guaranteed, ${n.money(p.expected)} expected`,
  'pay-below-minimum-acceptable': (p, n) =>
    `Takes home ${n.money(p.net)}, below the ${n.money(p.min)} the labourer accepts`,
  'pay-between-minimum-and-target': (p, n) =>
    `Takes home ${n.money(p.net)}: above the minimum of ${n.money(p.min)}, short of the hoped-for ${n.money(p.target)}`,
  'pay-meets-target': (p, n) => `Takes home ${n.money(p.net)}, meeting the hoped-for ${n.money(p.target)}`,
  'pay-uplift-over-home-minimum': (p, n) =>
    `Takes home ${(p.net / p.homeMinimum).toFixed(2)}× the minimum wage at home, ${n.money(p.homeMinimum)} in ${n.place(p.county)}`,
  'home-minimum-wage-unknown': (p, n) =>
    `The policy has no minimum wage for ${n.place(p.county)}; this part is left out`,
  'origin-home-county': (p, n) => `The post is in the home county, ${n.place(p.county)}`,
  'origin-park-serves': (p, n) => `The post is in a co-built park serving home: ${n.park(p.park)}`,
  'origin-paired-town': (p, n) => `${n.place(p.town)} is paired with ${n.place(p.county)}`,
  'origin-designated-base': (p, n) => `A designated placement base: ${n.base(p.base)}`,
  'origin-preferred-destination': (p, n) =>
    `The labourer would like to work in ${n.destination(p.destination)}`,
  'origin-same-prefecture': (p, n) => `In the home prefecture, ${n.place(p.area)}`,
  'origin-same-province': (p, n) => `In the home province, ${n.place(p.area)}`,
  'origin-cross-province': (p, n) =>
    `Across provinces: ${n.place(provinceOf(p.from))} → ${n.place(provinceOf(p.to))}`,
  'origin-fellows-at-employer': (p, n) =>
    `${p.count} fellow${p.count === 1 ? '' : 's'} from ${n.place(p.county)} already work${p.count === 1 ? 's' : ''} there`,
  'origin-no-fellows-at-employer': (p, n) => `No one from ${n.place(p.county)} works there yet`,
  'language-shared': (p, n) => `Shares a working language: ${n.languages(p.languages)}`,
  'language-not-shared': (p, n) =>
    `Work is in ${n.languages(p.post)}; the labourer speaks ${n.languages(p.labourer)}: no language in common`,
  'employer-criteria': (p, n) =>
    `Employer meets ${p.met.length} of ${p.of} vetting criteria: ${n.list(p.met.map((c) => CRITERIA.en[c]))}`,
  'employer-retention': (p, n) =>
    `${p.retained} of ${p.placements} past placements still in work after six months (${n.percent(p.rate)})`,
  'employer-track-record-missing': (p, n) =>
    `${n.employer(p.employer)} has too few past placements for a retention rate`,
  'employer-retention-measured': (p, n) =>
    `${n.percent(p.rate)} still in work after ${p.months} months, measured over ${p.placements} placement${p.placements === 1 ? '' : 's'} in the outcome records (shrunk towards the programme's share)`,
};

const EXCLUSIONS: Readonly<Record<Locale, Renderers<ExclusionParams>>> = {
  'zh-CN': EXCLUSIONS_ZH,
  en: EXCLUSIONS_EN,
};
const REASONS: Readonly<Record<Locale, Renderers<ScoreReasonParams>>> = {
  'zh-CN': REASONS_ZH,
  en: REASONS_EN,
};

function renderCode<P, K extends keyof P>(
  table: Renderers<P>,
  item: { readonly code: K; readonly params: P[K] },
  n: Namer,
): string {
  return table[item.code](item.params, n);
}

/**
 * The sentence for one exclusion.
 *
 * @param exclusion - The exclusion (code and parameters).
 * @param locale - The locale. @defaultValue 'zh-CN'
 * @param names - The policy or dataset that names skills, certificates, parks, bases and employers.
 *   @defaultValue the default Dongguan policy
 * @returns One line of text.
 * @example
 * renderExclusion({ code: 'window-closed', params: { closes: '2026-06-30' } }, 'en') //=> 'Applications closed on 2026-06-30'
 * renderExclusion({ code: 'window-closed', params: { closes: '2026-06-30' } }) //=> '报名已于2026-06-30截止'
 */
export function renderExclusion(
  exclusion: Exclusion,
  locale: Locale = 'zh-CN',
  names: NameSource = dongguanPolicy,
): string {
  return renderCode<ExclusionParams, ExclusionCode>(EXCLUSIONS[locale], exclusion, namerFor(locale, names));
}

/**
 * The sentence for one exclusion with a namer already made (for renderers that compose sentences).
 *
 * @param exclusion - The exclusion (code and parameters).
 * @param n - The namer of the locale and names in use.
 * @returns One line of text.
 * @example
 * exclusionSentence({ code: 'window-closed', params: { closes: '2026-02-13' } }, namerFor('en', dongguanPolicy))
 * //=> 'Applications closed on 2026-02-13'
 */
export function exclusionSentence(exclusion: Exclusion, n: Namer): string {
  return renderCode<ExclusionParams, ExclusionCode>(EXCLUSIONS[n.locale], exclusion, n);
}

/**
 * The sentence for one score reason.
 *
 * @param reason - The reason (code and parameters).
 * @param locale - The locale. @defaultValue 'zh-CN'
 * @param names - The policy or dataset that names things. @defaultValue the default Dongguan policy
 * @returns One line of text.
 * @example
 * renderScoreReason({ code: 'pay-meets-target', params: { net: 4650, target: 4500 } }, 'en') //=> 'Takes home ¥4,650, meeting the hoped-for ¥4,500'
 */
export function renderScoreReason(
  reason: ScoreReason,
  locale: Locale = 'zh-CN',
  names: NameSource = dongguanPolicy,
): string {
  return renderCode<ScoreReasonParams, ScoreReasonCode>(REASONS[locale], reason, namerFor(locale, names));
}

const COMPONENT_LABELS: Readonly<Record<Locale, Readonly<Record<ComponentName, string>>>> = {
  'zh-CN': { skills: '技能', pay: '薪酬', origin: '家乡与社群', employer: '用人单位' },
  en: { skills: 'skills', pay: 'pay', origin: 'origin', employer: 'employer' },
};

const PART_LABELS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  'zh-CN': {
    required: '必需技能',
    use: '技能用途',
    optional: '加分技能',
    certified: '持证',
    fit: '符合期望',
    uplift: '高于家乡最低工资',
    link: '地缘',
    fellows: '老乡',
    language: '语言',
    criteria: '审核项',
    retention: '留存率',
  },
  en: {
    required: 'required skills',
    use: 'use of own skills',
    optional: 'welcome skills',
    certified: 'certified',
    fit: 'fit',
    uplift: 'uplift over home minimum wage',
    link: 'link to home',
    fellows: 'fellows',
    language: 'language',
    criteria: 'vetting criteria',
    retention: 'retention',
  },
};

function fixed(x: number, digits: number): string {
  return x.toFixed(digits);
}

/**
 * A score breakdown as text: the score, then each component with its value, policy weight, effective
 * weight and contribution, and its reasons one per line, then the parts that lacked data.
 *
 * @param breakdown - The breakdown from `scorePair`.
 * @param locale - The locale. @defaultValue 'zh-CN'
 * @param names - The policy or dataset that names things. @defaultValue the default Dongguan policy
 * @returns Several lines joined by `\n`.
 * @example
 * renderBreakdown(scorePair(ds, w, p), 'en').split('\n')[0] //=> 'Score 0.733'
 */
export function renderBreakdown(
  breakdown: ScoreBreakdown,
  locale: Locale = 'zh-CN',
  names: NameSource = dongguanPolicy,
): string {
  const n = namerFor(locale, names);
  const zh = locale === 'zh-CN';
  const lines = [zh ? `得分 ${fixed(breakdown.score, 3)}` : `Score ${fixed(breakdown.score, 3)}`];
  for (const c of breakdown.components) {
    const label = COMPONENT_LABELS[locale][c.component];
    if (c.value === null) {
      lines.push(
        zh
          ? `${label}：无数据（权重 ${fixed(c.weight, 2)} 分给其他项）`
          : `${label}: no data (weight ${fixed(c.weight, 2)} given to the others)`,
      );
    } else {
      lines.push(
        zh
          ? `${label}：值 ${fixed(c.value, 3)}，权重 ${fixed(c.weight, 2)}（实际 ${fixed(c.effectiveWeight, 3)}），贡献 ${fixed(c.contribution, 3)}`
          : `${label}: value ${fixed(c.value, 3)}, weight ${fixed(c.weight, 2)} (effective ${fixed(c.effectiveWeight, 3)}), contribution ${fixed(c.contribution, 3)}`,
      );
    }
    for (const r of c.reasons)
      lines.push(`  - ${renderCode<ScoreReasonParams, ScoreReasonCode>(REASONS[locale], r, n)}`);
  }
  if (breakdown.missing.length > 0) {
    const items = breakdown.missing.map(
      (m) =>
        `${COMPONENT_LABELS[locale][m.component]}${zh ? '·' : ': '}${PART_LABELS[locale][m.part] ?? m.part}`,
    );
    lines.push(zh ? `缺少数据：${n.list(items)}` : `Missing data: ${n.list(items)}`);
  }
  return lines.join('\n');
}

function postLabel(
  post: { readonly id: string; readonly title: string; readonly site: Site },
  n: Namer,
): string {
  return n.locale === 'zh-CN'
    ? `${post.id} ${post.title}（${n.site(post.site)}）`
    : `${post.id} ${post.title} at ${n.site(post.site)}`;
}

function labourerLabel(
  labourer: { readonly id: string; readonly name?: string; readonly originCounty: string },
  n: Namer,
): string {
  const who = labourer.name === undefined ? labourer.id : `${labourer.id} ${labourer.name}`;
  return n.locale === 'zh-CN'
    ? `${who}（${n.place(labourer.originCounty)}）`
    : `${who} from ${n.place(labourer.originCounty)}`;
}

/**
 * A pair assessment as text: who and which post, eligible with its score or excluded with every
 * reason, then the breakdown (what an excluded pair would score, where there is one).
 *
 * @param assessment - The result of `explainPair`.
 * @param locale - The locale. @defaultValue 'zh-CN'
 * @param names - The policy or dataset that names things. @defaultValue the default Dongguan policy
 * @returns Several lines joined by `\n`.
 * @example
 * renderAssessment(explainPair(ds, 'w1', 'p1'), 'en').split('\n')[0] //=> 'w1 (镇雄县) → p1 普工 (塘厦镇): eligible, score 0.733'
 */
export function renderAssessment(
  assessment: PairAssessment,
  locale: Locale = 'zh-CN',
  names: NameSource = dongguanPolicy,
): string {
  const n = namerFor(locale, names);
  const zh = locale === 'zh-CN';
  const head = `${labourerLabel(assessment.labourer, n)} → ${postLabel(assessment.post, n)}`;
  if (assessment.kind === 'eligible') {
    return [
      zh
        ? `${head}：符合条件，得分 ${fixed(assessment.score, 3)}`
        : `${head}: eligible, score ${fixed(assessment.score, 3)}`,
      renderBreakdown(assessment.breakdown, locale, names),
    ].join('\n');
  }
  const lines = [zh ? `${head}：不符合条件` : `${head}: excluded`];
  for (const e of assessment.exclusions) {
    lines.push(`  ✗ ${renderCode<ExclusionParams, ExclusionCode>(EXCLUSIONS[locale], e, n)}`);
  }
  if (assessment.breakdown !== undefined) {
    lines.push(zh ? '若符合条件，评分如下：' : 'Were it eligible, it would score:');
    lines.push(renderBreakdown(assessment.breakdown, locale, names));
  }
  return lines.join('\n');
}

/** Reasons that only detail a figure; a headline names the outcome instead. */
const DETAIL: ReadonlySet<ScoreReasonCode> = new Set<ScoreReasonCode>(['pay-net', 'pay-piece-rate-floor']);

/** Reasons that say what holds a score back. */
const SHORTFALL: ReadonlySet<ScoreReasonCode> = new Set<ScoreReasonCode>([
  'skill-required-missing',
  'skill-required-learn-on-job',
  'skill-required-below-level',
  'skill-required-related',
  'skills-unused',
  'pay-below-minimum-acceptable',
  'pay-between-minimum-and-target',
  'language-not-shared',
  'origin-cross-province',
  'origin-same-province',
  'origin-no-fellows-at-employer',
  'employer-track-record-missing',
]);

/**
 * The headline reasons of a breakdown: what lifts it most (the first non-detail reason of the
 * component contributing most) and what holds it back most (the first shortfall reason of the
 * component with the lowest value below 1), each at most once.
 */
function topReasons(breakdown: ScoreBreakdown, n: Namer): string {
  const table = REASONS[n.locale];
  const scored = breakdown.components.filter((c) => c.value !== null && c.reasons.length > 0);
  const picked: ScoreReason[] = [];
  const best = [...scored].sort((a, b) => b.contribution - a.contribution)[0];
  const lift = best?.reasons.find((r) => !DETAIL.has(r.code)) ?? best?.reasons[0];
  if (lift !== undefined) picked.push(lift);
  const worst = [...scored]
    .filter((c) => c !== best && (c.value ?? 1) < 1)
    .sort((a, b) => (a.value ?? 0) - (b.value ?? 0))[0];
  const hold = worst?.reasons.find((r) => SHORTFALL.has(r.code));
  if (hold !== undefined) picked.push(hold);
  return picked
    .map((r) => renderCode<ScoreReasonParams, ScoreReasonCode>(table, r, n))
    .join(n.locale === 'zh-CN' ? '；' : '; ');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function tableRows(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

/**
 * A ranking as text: a heading, the labourer-level exclusions if any, a Markdown table (rank, id,
 * title or name, site or origin, score, top reasons), how many eligible entries were not shown, and
 * the excluded entries with their reasons.
 *
 * @param ranking - The result of `rankPosts` or `rankLabourers`.
 * @param locale - The locale. @defaultValue 'zh-CN'
 * @param names - The policy or dataset that names things. @defaultValue the default Dongguan policy
 * @returns Several lines joined by `\n`.
 * @example
 * renderRanking(rankPosts(ds, 'w1'), 'en').split('\n')[0] //=> 'Posts for w1 (镇雄县) on 2026-03-01'
 */
export function renderRanking(
  ranking: PostRanking | LabourerRanking,
  locale: Locale = 'zh-CN',
  names: NameSource = dongguanPolicy,
): string {
  const n = namerFor(locale, names);
  const zh = locale === 'zh-CN';
  const ex = (e: Exclusion): string => renderCode<ExclusionParams, ExclusionCode>(EXCLUSIONS[locale], e, n);
  const sep = zh ? '；' : '; ';
  const lines: string[] = [];
  if ('labourerExclusions' in ranking) {
    lines.push(
      zh
        ? `为 ${labourerLabel(ranking.labourer, n)} 推荐岗位（${ranking.asOf}）`
        : `Posts for ${labourerLabel(ranking.labourer, n)} on ${ranking.asOf}`,
    );
    if (ranking.labourerExclusions.some((e) => e.code === 'under-minimum-age')) {
      lines.push(zh ? '依法不得为其介绍任何岗位：' : 'By law no post may be introduced:');
    }
    for (const e of ranking.labourerExclusions) lines.push(`  ✗ ${ex(e)}`);
    if (ranking.ranked.length === 0) lines.push(zh ? '没有可推荐的岗位。' : 'No post to recommend.');
    else {
      lines.push(
        ...tableRows(
          zh
            ? ['排名', '岗位', '名称', '地点', '得分', '主要原因']
            : ['Rank', 'Post', 'Title', 'Site', 'Score', 'Top reasons'],
          ranking.ranked.map((r) => [
            String(r.rank),
            r.post.id,
            r.post.title,
            n.site(r.post.site),
            fixed(r.score, 3),
            topReasons(r.breakdown, n),
          ]),
        ),
      );
    }
    if (ranking.eligibleNotShown > 0) {
      lines.push(
        zh
          ? `另有 ${ranking.eligibleNotShown} 个符合条件的岗位未列出`
          : `${ranking.eligibleNotShown} more eligible post(s) not shown`,
      );
    }
    if (ranking.excludedCount > 0) {
      lines.push(
        zh ? `不符合条件的岗位：${ranking.excludedCount} 个` : `Excluded posts: ${ranking.excludedCount}`,
      );
      for (const e of ranking.excluded)
        lines.push(`- ${postLabel(e.post, n)}: ${e.exclusions.map(ex).join(sep)}`);
    }
  } else {
    lines.push(
      zh
        ? `为岗位 ${postLabel(ranking.post, n)} 推荐人员（${ranking.asOf}）`
        : `Labourers for ${postLabel(ranking.post, n)} on ${ranking.asOf}`,
    );
    if (ranking.ranked.length === 0) lines.push(zh ? '没有可推荐的人员。' : 'No labourer to recommend.');
    else {
      lines.push(
        ...tableRows(
          zh
            ? ['排名', '人员', '姓名', '家乡', '类别', '得分', '主要原因']
            : ['Rank', 'Labourer', 'Name', 'Origin', 'Group', 'Score', 'Top reasons'],
          ranking.ranked.map((r) => [
            String(r.rank),
            r.labourer.id,
            r.labourer.name ?? '',
            n.place(r.labourer.originCounty),
            HOUSEHOLDS[locale][r.labourer.household],
            fixed(r.score, 3),
            topReasons(r.breakdown, n),
          ]),
        ),
      );
    }
    if (ranking.eligibleNotShown > 0) {
      lines.push(
        zh
          ? `另有 ${ranking.eligibleNotShown} 名符合条件的人员未列出`
          : `${ranking.eligibleNotShown} more eligible labourer(s) not shown`,
      );
    }
    if (ranking.excludedCount > 0) {
      lines.push(
        zh ? `不符合条件的人员：${ranking.excludedCount} 名` : `Excluded labourers: ${ranking.excludedCount}`,
      );
      for (const e of ranking.excluded)
        lines.push(`- ${labourerLabel(e.labourer, n)}: ${e.exclusions.map(ex).join(sep)}`);
    }
  }
  return lines.join('\n');
}
