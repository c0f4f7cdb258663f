/**
 * Synthetic sample data on real places: labourers from the programme's partner counties, vetted
 * employers and their posts in Dongguan's towns, the co-built parks and a few origin counties.
 *
 * Everything is drawn from seeded generators ({@link createRandom}), so the same options give the
 * same dataset on every machine. People and employers are invented: names are composed from common
 * surnames and given-name characters, employer names carry the mark （样例）. Places, minimum wages,
 * the skill taxonomy and the law come from the default policy and the official division tables.
 * The county↔town pairings and the placement base in the `policy` override are illustrative (the
 * official pairing table is not published in a citable form).
 *
 * @module
 */
import { countiesIn, divisionName, dongguanTowns } from './divisions.js';
import { createRandom, zipfWeights, type Random } from './internal/random.js';
import { parseDataset, type DatasetInput } from './parse.js';
import { dongguanPolicy } from './policy/dongguan.js';
import { minimumWageAt, parksServing } from './policy/resolve.js';
import type {
  CertificateDefinition,
  Pairing,
  Park,
  PlacementBase,
  SkillDefinition,
  Source,
  TrainingCourse,
} from './policy/types.js';
import { isIsoDate } from './internal/dates.js';
import type {
  AreaCode,
  BaseId,
  CertificateId,
  CompletedTraining,
  CountyCode,
  Dataset,
  Destination,
  Employer,
  EmployerId,
  Gender,
  HeldCertificate,
  HeldSkill,
  HouseholdStatus,
  IsoDate,
  Labourer,
  MobilityScope,
  OccupationCode,
  ParkId,
  PlacementGroup,
  Post,
  PostPay,
  Provision,
  Site,
  SkillId,
  SkillLevel,
  SkillRequirement,
  TownCode,
  VettingCriterion,
  WorkerId,
} from './types.js';

/** Options of {@link generateSample}. */
export interface SampleOptions {
  /**
   * How many labourers.
   * @defaultValue 300
   */
  readonly workers?: number;
  /**
   * How many posts; about one employer is generated per five posts.
   * @defaultValue 200
   */
  readonly posts?: number;
  /**
   * The seed of the generator: the same seed gives the same dataset.
   * @defaultValue 2025
   */
  readonly seed?: number;
  /**
   * The dataset's as-of date (`YYYY-MM-DD`): ages, vetting and windows are drawn around it.
   * @defaultValue '2026-03-01'
   */
  readonly asOf?: string;
  /**
   * About what share of the labourers travel in groups (families and fellow villagers), in [0, 1];
   * 0 for none. The groups come from their own random stream: the labourers, employers and posts
   * are the same whatever the share.
   * @defaultValue 0.05
   */
  readonly groupShare?: number;
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic on UTC day numbers (no time zones, so every machine agrees)

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function fromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10) as IsoDate;
}

function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** The day `years` calendar years before `date` (29 February rolls to 1 March). */
function yearsBefore(date: IsoDate, years: number): number {
  return (
    Date.UTC(Number(date.slice(0, 4)) - years, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
    DAY_MS
  );
}

/**
 * A birth date that makes the person exactly `age` on `asOf`. `fraction` in [0, 1) places it within
 * that year of birthdays; the ends are kept a few days clear so no leap-day edge flips the age.
 */
function birthDateFor(asOf: IsoDate, age: number, fraction: number): IsoDate {
  const latest = yearsBefore(asOf, age) - 3;
  const earliest = yearsBefore(asOf, age + 1) + 3;
  return fromDayNumber(earliest + Math.floor(fraction * (latest - earliest + 1)));
}

// ---------------------------------------------------------------------------------------------
// Fixed tables the draws rest on

const ILLUSTRATIVE: Source = {
  citation:
    'Illustrative sample data: the official county–town pairing table (县镇对口联系) and the list of placement bases are not in the reference',
  confidence: 'illustrative',
};

/**
 * Origin regions and their share of labourers; `heavy` counties (the most populous, the most
 * active in the programme) are drawn several times more often than the others of their region.
 */
const ORIGIN_REGIONS: readonly {
  readonly prefix: string;
  readonly weight: number;
  readonly heavy?: Readonly<Record<string, number>>;
}[] = [
  {
    prefix: '5306',
    weight: 34,
    heavy: { '530627': 6, '530628': 3, '530629': 2.5, '530621': 2, '530622': 2 },
  },
  { prefix: '6229', weight: 14, heavy: { '622926': 3, '622927': 2.5, '622924': 2 } },
  { prefix: '433124', weight: 5 },
  { prefix: '433130', weight: 6 },
  { prefix: '420322', weight: 5 },
  { prefix: '4512', weight: 12, heavy: { '451228': 3, '451229': 2.5, '451224': 2, '451227': 2 } },
  { prefix: '659003', weight: 4 },
  { prefix: '4402', weight: 10, heavy: { '440232': 3, '440233': 2.5, '440229': 2 } },
  { prefix: '4453', weight: 2 },
  { prefix: '4452', weight: 2 },
];

/** Labourers from outside the partner regions (they moved in, or registered elsewhere): a small share. */
const OTHER_ORIGIN_PREFIXES = ['5205', '5224', '5134'] as const;
const OTHER_ORIGIN_WEIGHT = 4;

/** The counties the illustrative pairings cover: the heavy counties and the single-county regions. */
const PAIRED_COUNTIES = [
  '530627',
  '530628',
  '530629',
  '530621',
  '530622',
  '622926',
  '622927',
  '622924',
  '433124',
  '433130',
  '420322',
  '451228',
  '451229',
  '451224',
  '659003',
  '440232',
  '440233',
] as const;

/** Dongguan's manufacturing towns draw most posts; the new zones few. */
const TOWN_WEIGHTS: Readonly<Record<string, number>> = {
  '441900119': 4, // 长安
  '441900121': 3.5, // 虎门
  '441900116': 3.5, // 塘厦
  '441900110': 3, // 常平
  '441900113': 3, // 大朗
  '441900122': 3, // 厚街
  '441900117': 3, // 凤岗
  '441900115': 2.5, // 清溪
  '441900111': 2.5, // 寮步
  '441900114': 2, // 黄江
  '441900118': 2, // 大岭山
  '441900401': 2, // 松山湖
  '441900112': 2, // 樟木头
  '441900402': 0.3, // 东莞港
  '441900403': 0.3, // 东莞生态园
  '441900404': 0.5, // 滨海湾新区
};

/** Minority languages spoken in some origin counties (BCP 47), with the share of speakers drawn. */
const LANGUAGES: readonly { readonly prefix: string; readonly lang: string; readonly share: number }[] = [
  { prefix: '530628', lang: 'hmn', share: 0.12 }, // 彝良: Miao
  { prefix: '530629', lang: 'hmn', share: 0.12 }, // 威信: Miao
  { prefix: '5306', lang: 'ii', share: 0.06 }, // Zhaotong: Yi
  { prefix: '622926', lang: 'sce', share: 0.35 }, // 东乡族自治县: Dongxiang
  { prefix: '433124', lang: 'hmn', share: 0.3 }, // 花垣: Miao
  { prefix: '433130', lang: 'tji', share: 0.05 }, // 龙山: Tujia (few speakers remain)
  { prefix: '4512', lang: 'za', share: 0.35 }, // Hechi: Zhuang
  { prefix: '659003', lang: 'ug', share: 0.4 }, // Tumxuk: Uyghur
  { prefix: '4402', lang: 'yue', share: 0.3 }, // Shaoguan: Cantonese
  { prefix: '4453', lang: 'yue', share: 0.8 }, // Yunfu: Cantonese
];

interface Sector {
  readonly name: string;
  readonly weight: number;
  readonly skills: readonly string[];
  /** Whether the sector's employers also sit in parks and origin workshops. */
  readonly manufacturing: boolean;
}

/** Employer sectors, their share and the skills their posts ask for (most asked first). */
const SECTORS: readonly Sector[] = [
  {
    name: '电子厂',
    weight: 20,
    skills: ['electronics-assembly', 'smt-operation', 'hand-soldering', 'quality-inspection', 'packaging'],
    manufacturing: true,
  },
  {
    name: '制衣厂',
    weight: 10,
    skills: [
      'sewing-machine-operation',
      'garment-cutting',
      'garment-ironing',
      'quality-inspection',
      'packaging',
    ],
    manufacturing: true,
  },
  {
    name: '鞋业公司',
    weight: 6,
    skills: ['shoe-making', 'sewing-machine-operation', 'packaging'],
    manufacturing: true,
  },
  {
    name: '五金塑胶厂',
    weight: 12,
    skills: ['injection-moulding', 'mould-making', 'cnc-machining', 'lathe-operation', 'spray-painting'],
    manufacturing: true,
  },
  {
    name: '机械厂',
    weight: 8,
    skills: ['cnc-machining', 'welding', 'electrician', 'machine-maintenance', 'lathe-operation'],
    manufacturing: true,
  },
  {
    name: '家具厂',
    weight: 6,
    skills: ['furniture-making', 'carpentry', 'spray-painting', 'packaging'],
    manufacturing: true,
  },
  {
    name: '物流公司',
    weight: 10,
    skills: [
      'parcel-sorting',
      'warehouse-keeping',
      'forklift-driving',
      'courier-delivery',
      'vehicle-driving',
    ],
    manufacturing: false,
  },
  { name: '餐饮管理公司', weight: 7, skills: ['food-service', 'cooking', 'cleaning'], manufacturing: false },
  {
    name: '物业服务公司',
    weight: 6,
    skills: ['security-guard', 'cleaning', 'electrician', 'refrigeration-repair'],
    manufacturing: false,
  },
  {
    name: '家政养老服务公司',
    weight: 4,
    skills: ['housekeeping', 'elderly-care', 'childcare', 'cleaning'],
    manufacturing: false,
  },
  {
    name: '建筑工程公司',
    weight: 5,
    skills: ['masonry', 'rebar-work', 'plastering', 'carpentry', 'decoration', 'welding'],
    manufacturing: false,
  },
  {
    name: '汽车服务公司',
    weight: 4,
    skills: ['auto-repair', 'auto-electrics', 'spray-painting', 'vehicle-driving'],
    manufacturing: false,
  },
  {
    name: '电子商务公司',
    weight: 5,
    skills: ['ecommerce-customer-service', 'retail-sales', 'warehouse-keeping', 'packaging'],
    manufacturing: false,
  },
  { name: '美容美发店', weight: 2, skills: ['hairdressing', 'beauty-care'], manufacturing: false },
];

/** Job titles of the skills of the default taxonomy; other skills are titled `<name>工`. */
const TITLES: Readonly<Record<string, string>> = {
  'electronics-assembly': '电子装配工',
  'smt-operation': 'SMT操作员',
  'hand-soldering': '焊锡工',
  'sewing-machine-operation': '车缝工',
  'garment-cutting': '裁床工',
  'garment-ironing': '整烫工',
  'shoe-making': '制鞋工',
  'injection-moulding': '注塑工',
  'cnc-machining': 'CNC操作员',
  'lathe-operation': '车床工',
  'mould-making': '模具工',
  welding: '电焊工',
  electrician: '电工',
  'machine-maintenance': '设备维修工',
  'refrigeration-repair': '空调维修工',
  'quality-inspection': '质检员',
  packaging: '包装工',
  'spray-painting': '喷涂工',
  'furniture-making': '家具木工',
  'warehouse-keeping': '仓管员',
  'forklift-driving': '叉车司机',
  'courier-delivery': '快递员',
  'parcel-sorting': '分拣员',
  'vehicle-driving': '货车司机',
  cooking: '厨师',
  'food-service': '餐厅服务员',
  housekeeping: '家政服务员',
  cleaning: '保洁员',
  'security-guard': '保安员',
  'elderly-care': '养老护理员',
  childcare: '育婴员',
  hairdressing: '美发师',
  'beauty-care': '美容师',
  'retail-sales': '营业员',
  'ecommerce-customer-service': '电商客服',
  masonry: '砌筑工',
  plastering: '抹灰工',
  'rebar-work': '钢筋工',
  carpentry: '木工',
  decoration: '装修工',
  'auto-repair': '汽车维修工',
  'auto-electrics': '汽车电工',
};

/**
 * What a post of a skill may demand beyond the skill: a certificate (with the share of posts that
 * ask for it) and the share of posts that are hazardous work (劳动法 art. 64).
 */
const SKILL_DEMANDS: Readonly<
  Record<
    string,
    { readonly certificate?: string; readonly certShare?: number; readonly hazardShare?: number }
  >
> = {
  welding: { certificate: 'welding-thermal-cutting', certShare: 0.9, hazardShare: 0.7 },
  electrician: { certificate: 'electrician-low-voltage', certShare: 0.85, hazardShare: 0.4 },
  'forklift-driving': { certificate: 'forklift-n1', certShare: 0.95, hazardShare: 0.2 },
  'refrigeration-repair': { certificate: 'refrigeration-air-conditioning', certShare: 0.6, hazardShare: 0.2 },
  'rebar-work': { certificate: 'work-at-height', certShare: 0.3, hazardShare: 0.6 },
  decoration: { certificate: 'work-at-height', certShare: 0.2, hazardShare: 0.3 },
  masonry: { hazardShare: 0.4 },
  'spray-painting': { hazardShare: 0.7 },
  'injection-moulding': { hazardShare: 0.15 },
  'machine-maintenance': { hazardShare: 0.2 },
  cooking: { certificate: 'health-certificate', certShare: 0.7 },
  'food-service': { certificate: 'health-certificate', certShare: 0.5 },
  'vehicle-driving': { certificate: 'driving-licence-c1', certShare: 1 },
  'courier-delivery': { certificate: 'driving-licence-c1', certShare: 0.3 },
};

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢钟谭陆汪范金石廖贾韦付方邹熊秦江龙陶向覃蓝罗杨',
];
/** Surnames drawn more often in some regions (马 among the Hui of Linxia, 韦/覃/蓝 in Hechi…). */
const REGIONAL_SURNAMES: readonly {
  readonly prefix: string;
  readonly surnames: string;
  readonly share: number;
}[] = [
  { prefix: '6229', surnames: '马马马韩妥何', share: 0.45 },
  { prefix: '4512', surnames: '韦覃蓝黄莫罗', share: 0.45 },
  { prefix: '4331', surnames: '龙石吴麻向彭', share: 0.4 },
  { prefix: '5306', surnames: '陈王刘张杨李', share: 0.2 },
];
const GIVEN_MALE = [...'伟强军勇杰涛斌华明超刚平辉鹏飞宇浩磊林东波成荣贵兴文德金海福顺'];
const GIVEN_FEMALE = [...'芳娟敏静丽艳霞燕秀玲桂英红梅兰萍琴云凤珍莉琳慧雪春婷'];
const GIVEN_ANY = [...'小志建永国晓春玉海红天思'];

const EMPLOYER_WORDS = [
  '鸿达',
  '永盛',
  '华信',
  '利丰',
  '新锐',
  '恒通',
  '裕隆',
  '金源',
  '广和',
  '捷成',
  '东盈',
  '宏远',
  '森宝',
  '联兴',
  '瑞祥',
  '佳美',
  '长丰',
  '德润',
  '汇升',
  '启航',
];

// ---------------------------------------------------------------------------------------------
// Draws built once per call from the policy and the tables

interface Catalogue {
  readonly skills: ReadonlyMap<string, SkillDefinition>;
  readonly certificates: ReadonlyMap<string, CertificateDefinition>;
  readonly sectors: readonly Sector[];
  readonly occupations: readonly OccupationCode[];
  readonly parks: readonly Park[];
  readonly towns: readonly TownCode[];
  /** The home county of the showcase labourer who cannot leave home: one a park serves. */
  readonly homeboundCounty: CountyCode;
  /**
   * The fixed employers after the base (e0002, e0003…): the park serving the homebound county,
   * the trained skill's employer, then the other parks, so that even a small sample shows them.
   */
  readonly showcaseSlots: readonly (
    { readonly kind: 'park'; readonly park: Park } | { readonly kind: 'trained' }
  )[];
  /** The first training course whose granted skill some sector asks for (auto repair by default). */
  readonly trained?: { readonly course: TrainingCourse; readonly skill: SkillId; readonly sector: Sector };
}

function catalogue(): Catalogue {
  const policy = dongguanPolicy;
  const skills = new Map(policy.skills.map((s) => [s.id as string, s]));
  const certificates = new Map(policy.certificates.map((c) => [c.id as string, c]));
  let sectors = SECTORS.map((s) => ({ ...s, skills: s.skills.filter((id) => skills.has(id)) })).filter(
    (s) => s.skills.length > 0,
  );
  if (sectors.length === 0) {
    // A taxonomy the sector table does not know: one sector asking for any of its skills.
    sectors = [{ name: '制造厂', weight: 1, skills: [...skills.keys()], manufacturing: true }];
  }
  const occupations = [
    ...new Set(policy.skills.flatMap((s) => (s.occupation === undefined ? [] : [s.occupation]))),
  ];
  let trained: Catalogue['trained'];
  for (const course of policy.trainings) {
    const skill = course.grantsSkills[0]?.skill;
    const sector = sectors.find((s) => skill !== undefined && s.skills.includes(skill));
    if (skill !== undefined && sector !== undefined) {
      trained = { course, skill, sector };
      break;
    }
  }
  const homeboundCounty = (['530627', '440232', '659003'].find(
    (c) => parksServing(policy, c as CountyCode).length > 0,
  ) ?? '530627') as CountyCode;
  const homePark = parksServing(policy, homeboundCounty)[0];
  const showcaseSlots: Catalogue['showcaseSlots'] = [
    ...(homePark === undefined ? [] : [{ kind: 'park' as const, park: homePark }]),
    ...(trained === undefined ? [] : [{ kind: 'trained' as const }]),
    ...policy.parks.filter((p) => p !== homePark).map((park) => ({ kind: 'park' as const, park })),
  ];
  return {
    skills,
    certificates,
    sectors,
    occupations,
    parks: policy.parks,
    towns: dongguanTowns(),
    homeboundCounty,
    showcaseSlots,
    ...(trained === undefined ? {} : { trained }),
  };
}

function originSampler(rng: Random): () => CountyCode {
  const counties: CountyCode[] = [];
  const weights: number[] = [];
  const add = (prefix: string, regionWeight: number, heavy: Readonly<Record<string, number>> = {}): void => {
    const inRegion = countiesIn(prefix).filter((c) => divisionName(c) !== '市辖区');
    const raw = inRegion.map((c) => heavy[c] ?? 1);
    const total = raw.reduce((a, b) => a + b, 0);
    inRegion.forEach((c, i) => {
      counties.push(c);
      weights.push((regionWeight * raw[i]!) / total);
    });
  };
  for (const region of ORIGIN_REGIONS) add(region.prefix, region.weight, region.heavy);
  for (const prefix of OTHER_ORIGIN_PREFIXES) add(prefix, OTHER_ORIGIN_WEIGHT / OTHER_ORIGIN_PREFIXES.length);
  return rng.sampler(counties, weights);
}

function townSampler(rng: Random, towns: readonly TownCode[]): () => TownCode {
  return rng.sampler(
    towns,
    towns.map((t) => TOWN_WEIGHTS[t] ?? 1),
  );
}

/** Within a sector the first skills are asked for most (Zipf-like). */
function skillInSector(rng: Random, sector: Sector): SkillId {
  return rng.weightedPick(sector.skills, zipfWeights(sector.skills.length, 1.1)) as SkillId;
}

/**
 * The occupation a post of a skill names: the skill's own 职业分类大典 code; else that of the first
 * skill of the same sector that has one (a trade of the same workshop); else any code the taxonomy
 * carries, stable per skill.
 */
function occupationFor(skill: SkillId, cat: Catalogue, sector: Sector): OccupationCode {
  const own = cat.skills.get(skill)?.occupation;
  if (own !== undefined) return own;
  for (const other of sector.skills) {
    const code = cat.skills.get(other)?.occupation;
    if (code !== undefined) return code;
  }
  if (cat.occupations.length === 0) {
    throw new Error('generateSample: the policy names no occupation code for any skill');
  }
  let h = 0;
  for (const ch of skill) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return cat.occupations[(h >>> 0) % cat.occupations.length]!;
}

function titleFor(skill: SkillId | undefined, cat: Catalogue): string {
  if (skill === undefined) return '普工';
  return TITLES[skill] ?? `${cat.skills.get(skill)?.name.zh ?? skill}工`;
}

function round100(x: number): number {
  return Math.round(x / 100) * 100;
}

function padId(prefix: string, i: number, width: number): string {
  return `${prefix}${String(i + 1).padStart(width, '0')}`;
}

function personName(rng: Random, county: string, gender: Gender | undefined): string {
  const regional = REGIONAL_SURNAMES.find((r) => county.startsWith(r.prefix));
  const surname =
    regional !== undefined && rng.chance(regional.share)
      ? rng.pick([...regional.surnames])
      : rng.pick(SURNAMES);
  const pool = gender === 'female' ? GIVEN_FEMALE : gender === 'male' ? GIVEN_MALE : GIVEN_ANY;
  const given = rng.chance(0.7) ? rng.pick(GIVEN_ANY) + rng.pick(pool) : rng.pick(pool);
  return surname + given;
}

// ---------------------------------------------------------------------------------------------
// Employers and posts

interface EmployerDraft {
  readonly employer: Employer;
  readonly sector: Sector;
  readonly home: Site;
  /** A fixed case the demo relies on: a park's employer, or one asking for the trained skill. */
  readonly showcase?: 'park' | 'trained';
}

function siteArea(site: Site, parks: readonly Park[]): string {
  switch (site.kind) {
    case 'town':
      return site.town;
    case 'county':
      return site.county;
    case 'park':
      return parks.find((p) => p.id === site.park)?.area ?? '';
  }
}

function siteLabel(site: Site, parks: readonly Park[]): string {
  switch (site.kind) {
    case 'town':
      return (divisionName(site.town) ?? '').replace(/(街道|镇)$/, '');
    case 'county':
      return (divisionName(site.county) ?? '').replace(/(县|市|区|自治县)$/, '');
    case 'park':
      return parks.find((p) => p.id === site.park)?.name.zh ?? '';
  }
}

function makeEmployers(
  rng: Random,
  count: number,
  asOf: IsoDate,
  cat: Catalogue,
  drawTown: () => TownCode,
  drawOrigin: () => CountyCode,
): EmployerDraft[] {
  const drawSector = rng.sampler(
    cat.sectors,
    cat.sectors.map((s) => s.weight),
  );
  const width = Math.max(4, String(count).length);
  const all: VettingCriterion[] = ['well-managed', 'suitable-posts', 'good-pay', 'socially-responsible'];
  const out: EmployerDraft[] = [];
  const manufacturing = cat.sectors.find((s) => s.manufacturing) ?? cat.sectors[0]!;
  for (let i = 0; i < count; i++) {
    // Fixed cases, whatever the seed: e0001 is the designated base (an approved employer in a
    // Dongguan town), then one approved factory in each park, then an approved employer of the
    // sector that asks for the skill the first training course grants.
    const slot = i >= 1 ? cat.showcaseSlots[i - 1] : undefined;
    const park = slot?.kind === 'park' ? slot.park : undefined;
    const trained = slot?.kind === 'trained' ? cat.trained : undefined;
    const showcase = park !== undefined ? 'park' : trained !== undefined ? 'trained' : undefined;
    const drawn = drawSector();
    const sector = trained?.sector ?? (park !== undefined && !drawn.manufacturing ? manufacturing : drawn);
    const where = rng.float();
    let home: Site;
    if (park !== undefined) home = { kind: 'park', park: park.id };
    else if (i === 0 || trained !== undefined || where < 0.65 || !sector.manufacturing) {
      home = { kind: 'town', town: drawTown() };
    } else if (where < 0.9 && cat.parks.length > 0) home = { kind: 'park', park: rng.pick(cat.parks).id };
    else home = { kind: 'county', county: drawOrigin() };

    const drawnStatus = rng.float();
    const status = i === 0 || showcase !== undefined ? 0 : drawnStatus;
    let vetting: Employer['vetting'];
    if (status < 0.88) {
      const vettedOn = addDays(asOf, -rng.int(20, 700));
      vetting = {
        status: 'approved',
        criteria: rng.chance(0.7) ? all : rng.sample(all, 3).sort((a, b) => all.indexOf(a) - all.indexOf(b)),
        vettedOn,
        validUntil: addDays(vettedOn, 730),
      };
    } else if (status < 0.93) {
      const vettedOn = addDays(asOf, -rng.int(5, 60));
      vetting = {
        status: 'pending',
        criteria: rng.sample(all, rng.int(1, 2)).sort((a, b) => all.indexOf(a) - all.indexOf(b)),
        vettedOn,
        validUntil: addDays(vettedOn, 730),
      };
    } else if (status < 0.96) {
      const vettedOn = addDays(asOf, -rng.int(200, 700));
      vetting = {
        status: 'revoked',
        criteria: rng.sample(all, 2).sort((a, b) => all.indexOf(a) - all.indexOf(b)),
        vettedOn,
        validUntil: addDays(vettedOn, 730),
      };
    } else {
      // Approved once, but the approval ran out before the as-of date.
      const vettedOn = addDays(asOf, -rng.int(760, 1000));
      vetting = { status: 'approved', criteria: all, vettedOn, validUntil: addDays(vettedOn, 730) };
    }

    const trackRecord = rng.chance(0.6)
      ? (() => {
          const placements = Math.max(3, Math.round(3 + 200 * Math.pow(rng.float(), 2.5)));
          const rate = 0.45 + 0.5 * rng.float();
          return { placements, retainedSixMonths: Math.round(placements * rate) };
        })()
      : undefined;

    const workforce = new Map<string, number>();
    if (i === 0) workforce.set('530627', 25);
    if (rng.chance(0.4)) {
      const entries = rng.int(1, 3);
      for (let k = 0; k < entries; k++) {
        const county = drawOrigin();
        workforce.set(
          county,
          (workforce.get(county) ?? 0) + Math.max(1, Math.round(40 * Math.pow(rng.float(), 2))),
        );
      }
    }

    const label =
      home.kind === 'county'
        ? `${siteLabel(home, cat.parks)}帮扶车间`
        : `${siteLabel(home, cat.parks)}${rng.pick(EMPLOYER_WORDS)}${sector.name}`;
    const employer: Employer = {
      id: padId('e', i, width) as EmployerId,
      name: `${label}（样例）`,
      vetting,
      ...(trackRecord === undefined ? {} : { trackRecord }),
      workforceByOrigin: [...workforce].map(([county, n]) => ({ county: county as CountyCode, count: n })),
    };
    out.push({ employer, sector, home, ...(showcase === undefined ? {} : { showcase }) });
  }
  return out;
}

function provision(rng: Random, share: number, costs: readonly number[]): Provision {
  if (!rng.chance(share)) return { provided: false, monthlyCost: 0 };
  return { provided: true, monthlyCost: rng.pick(costs) };
}

function makePosts(
  rng: Random,
  count: number,
  asOf: IsoDate,
  cat: Catalogue,
  employers: readonly EmployerDraft[],
  drawTown: () => TownCode,
): Post[] {
  if (employers.length === 0) return [];
  // A few large employers post much; most post one or two.
  const drawEmployer = rng.sampler(employers, zipfWeights(employers.length, 0.6));
  const drawOpenings = rng.sampler(
    Array.from({ length: 20 }, (_, k) => k + 1),
    zipfWeights(20, 1.1),
  );
  const minimumCache = new Map<string, number>();
  const floorAt = (area: string): number => {
    let m = minimumCache.get(area);
    if (m === undefined) {
      // Where no minimum wage is known the sample still pays at least Dongguan's (2,080).
      m = minimumWageAt(dongguanPolicy, area, asOf)?.monthly ?? 2080;
      minimumCache.set(area, m);
    }
    return m;
  };
  const width = Math.max(4, String(count).length);
  const out: Post[] = [];
  for (let i = 0; i < count; i++) {
    // Every employer gets at least one post while there are posts to give.
    const draft = i < employers.length ? employers[i]! : drawEmployer();
    const { sector } = draft;
    const showcase = i < employers.length ? draft.showcase : undefined;
    const moved = rng.chance(0.1);
    const site: Site =
      draft.home.kind === 'town' && moved && showcase === undefined
        ? { kind: 'town', town: drawTown() }
        : draft.home;
    const atOrigin = site.kind !== 'town';

    // Skills asked for.
    const shape = rng.float();
    const required: SkillRequirement[] = [];
    if (shape >= 0.25) {
      const minLevel = rng.weightedPick<SkillLevel>([5, 4, 3], [70, 22, 8]);
      required.push({ skill: skillInSector(rng, sector), minLevel });
      if (shape >= 0.88) {
        const second = skillInSector(rng, sector);
        if (second !== required[0]!.skill) required.push({ skill: second, minLevel: 5 });
      }
    }
    const optional: SkillRequirement[] = [];
    if (rng.chance(0.3)) {
      const skill = skillInSector(rng, sector);
      if (!required.some((r) => r.skill === skill)) optional.push({ skill, minLevel: 5 });
    }
    const main = required[0]?.skill;
    const trainsOnJob =
      main === undefined
        ? rng.chance(0.95)
        : required[0]!.minLevel === 5
          ? rng.chance(0.5)
          : rng.chance(0.15);

    // Certificates and hazard follow the main skill.
    const demands = main === undefined ? undefined : SKILL_DEMANDS[main];
    const certificates: CertificateId[] = [];
    if (
      demands?.certificate !== undefined &&
      cat.certificates.has(demands.certificate) &&
      rng.chance(demands.certShare ?? 0)
    ) {
      certificates.push(demands.certificate as CertificateId);
    }
    const hazardous = rng.chance(demands?.hazardShare ?? 0.02);

    // Pay: above the site's minimum; more for higher levels; less near home.
    const floor = floorAt(siteArea(site, cat.parks));
    const levelBonus = required.length === 0 ? 0 : (5 - required[0]!.minLevel) * 600;
    const base = Math.max(floor + 20, round100(floor + (atOrigin ? rng.int(100, 900) : rng.int(100, 1400))));
    const uplift = round100(levelBonus + (atOrigin ? rng.int(500, 1800) : rng.int(1000, 3500)));
    const pay: PostPay = rng.chance(0.2)
      ? {
          kind: 'piece-rate',
          guaranteedMonthly: base,
          expectedMonthly: base + uplift + round100(rng.int(0, 800)),
        }
      : { kind: 'monthly', baseMonthly: base, expectedMonthly: base + uplift };

    const dormitory = provision(
      rng,
      atOrigin && site.kind === 'county' ? 0.3 : 0.92,
      [0, 0, 0, 100, 150, 200, 300],
    );
    const meals = provision(rng, 0.75, [0, 0, 200, 300, 400, 500]);

    // Openings, some already filled, a few full.
    const openings = drawOpenings();
    const fill = rng.float();
    const filled = fill < 0.03 ? openings : fill < 0.23 ? rng.int(0, openings - 1) : 0;

    // Application window: mostly open on the as-of date.
    const w = rng.float();
    let window: Post['window'];
    if (w < 0.85) window = { opens: addDays(asOf, -rng.int(0, 60)), closes: addDays(asOf, rng.int(30, 180)) };
    else if (w < 0.93) {
      const opens = addDays(asOf, rng.int(5, 60));
      window = { opens, closes: addDays(opens, rng.int(30, 120)) };
    } else {
      const closes = addDays(asOf, -rng.int(1, 60));
      window = { opens: addDays(closes, -rng.int(30, 120)), closes };
    }

    const languages =
      site.kind === 'park' && site.park === ('caohu' as ParkId) && rng.chance(0.4)
        ? ['zh', 'ug']
        : site.kind === 'town' && rng.chance(0.05)
          ? ['zh', 'yue']
          : rng.chance(0.1)
            ? ['zh']
            : [];

    const a = rng.float();
    const ageRange = a < 0.06 ? { min: 18, max: 45 } : a < 0.1 ? { max: 50 } : undefined;

    const contractMonths = rng.pick([6, 12, 12, 12, 24, 36]);

    if (showcase !== undefined) {
      // The fixed cases: an open, safe post anyone of working age may take; at a park it asks for
      // no skill, at the trained employer it asks for the trained skill.
      const skill = showcase === 'trained' ? cat.trained!.skill : undefined;
      const requiredSkills: SkillRequirement[] = skill === undefined ? [] : [{ skill, minLevel: 5 }];
      out.push({
        id: padId('p', i, width) as Post['id'],
        employer: draft.employer.id,
        title: titleFor(skill, cat),
        occupation: occupationFor(skill ?? (sector.skills[0] as SkillId), cat, sector),
        site,
        openings: Math.max(openings, 5),
        filled: 0,
        requiredSkills,
        optionalSkills: [],
        requiredCertificates: [],
        trainsOnJob: true,
        pay,
        dormitory: { provided: true, monthlyCost: 0 },
        meals,
        contractMonths,
        hazardous: false,
        window: { opens: addDays(asOf, -20), closes: addDays(asOf, 100) },
        languages: [],
      });
      continue;
    }

    out.push({
      id: padId('p', i, width) as Post['id'],
      employer: draft.employer.id,
      title: titleFor(main, cat),
      occupation: occupationFor(main ?? (sector.skills[0] as SkillId), cat, sector),
      site,
      openings,
      filled,
      requiredSkills: required,
      optionalSkills: optional,
      requiredCertificates: certificates,
      trainsOnJob,
      pay,
      dormitory,
      meals,
      contractMonths,
      ...(ageRange === undefined ? {} : { ageRange }),
      hazardous,
      window,
      languages,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Labourers

interface LabourerContext {
  readonly asOf: IsoDate;
  readonly cat: Catalogue;
  readonly drawOrigin: () => CountyCode;
  readonly drawTown: () => TownCode;
  readonly drawSector: () => Sector;
  readonly special: readonly CertificateDefinition[];
  readonly ordinary: readonly CertificateDefinition[];
}

function drawAge(rng: Random, gender: Gender | undefined): number {
  const band = rng.weightedPick(
    [
      [15, 15],
      [16, 17],
      [18, 24],
      [25, 34],
      [35, 44],
      [45, 49],
      [50, 54],
      [55, 59],
      [60, 62],
    ] as const,
    [0.4, 3, 16, 27, 27, 13, 8, 4, 1.6],
  );
  const age = rng.int(band[0], band[1]);
  // Women workers retire from 50 (phasing towards 55): few older women are still registered seekers.
  if (gender === 'female' && age > 52 && rng.chance(0.8)) return rng.int(35, 49);
  return age;
}

function makeLabourer(rng: Random, i: number, width: number, ctx: LabourerContext): Labourer {
  const { asOf, cat } = ctx;
  const originCounty = ctx.drawOrigin();
  const g = rng.float();
  const gender: Gender | undefined = g < 0.57 ? 'male' : g < 0.98 ? 'female' : undefined;
  const age = drawAge(rng, gender);
  const birthDate = birthDateFor(asOf, age, rng.float());
  const adult = age >= dongguanPolicy.ageLaw.adultAge;

  const h = rng.float();
  const household: HouseholdStatus = h < 0.75 ? 'registered' : h < 0.93 ? 'monitored' : 'other';

  // Skills: most hold one or two of a trade, from the same sectors posts come from.
  const nSkills = age < 16 ? 0 : rng.weightedPick([0, 1, 2, 3], [28, 42, 22, 8]);
  const skills: HeldSkill[] = [];
  const sector = ctx.drawSector();
  for (let k = 0; k < nSkills; k++) {
    const skill = skillInSector(rng, k === 0 || rng.chance(0.6) ? sector : ctx.drawSector());
    if (skills.some((s) => s.skill === skill)) continue;
    const level = rng.weightedPick<SkillLevel>([5, 4, 3, 2, 1], [62, 26, 9, 2.5, 0.5]);
    skills.push({
      skill,
      level: age < 20 && level < 4 ? 5 : level,
      certified: rng.chance(level <= 4 ? 0.6 : 0.25),
    });
  }

  // Certificates: special-operation ones only for adults (a few expired), ordinary ones for some.
  const certificates: HeldCertificate[] = [];
  if (adult && ctx.special.length > 0 && rng.chance(0.08)) {
    const issuedOn = addDays(asOf, -rng.int(60, 2600));
    certificates.push({
      certificate: rng.pick(ctx.special).id,
      issuedOn,
      validUntil: addDays(issuedOn, 6 * 365),
    });
  }
  if (age >= 16 && ctx.ordinary.length > 0 && rng.chance(0.12)) {
    certificates.push({
      certificate: rng.pick(ctx.ordinary).id,
      issuedOn: addDays(asOf, -rng.int(30, 1500)),
    });
  }

  // Trainings at origin, some granting a skill the labourer did not hold before.
  const trainings: CompletedTraining[] = [];
  const courses = dongguanPolicy.trainings;
  if (age >= 16 && courses.length > 0 && rng.chance(0.1)) {
    const course = rng.pick(courses);
    const grant = course.grantsSkills[0];
    trainings.push({
      course: course.id,
      completedOn: addDays(asOf, -rng.int(20, 700)),
      ...(grant === undefined ? {} : { grantsSkill: grant.skill, grantsLevel: grant.level }),
    });
    for (const cert of course.grantsCertificates) {
      const def = cat.certificates.get(cert);
      if (
        def !== undefined &&
        (adult || !def.specialOperation) &&
        !certificates.some((c) => c.certificate === cert)
      ) {
        certificates.push({ certificate: cert, issuedOn: trainings[0]!.completedOn });
      }
    }
  }

  // Pay expectations: most ask 2,500–4,000; a few hope for much more.
  const high = rng.chance(0.04);
  const minMonthly = high
    ? round100(rng.int(4500, 5000))
    : 2500 + 100 * Math.floor(26 * Math.pow(rng.float(), 1.8));
  const targetMonthly = high
    ? round100(rng.int(7000, 9000))
    : Math.min(minMonthly + 100 * rng.int(5, 25), 8000);

  // Mobility.
  const cannotLeaveHome = rng.chance(0.08);
  const scope: MobilityScope = cannotLeaveHome
    ? 'home-county'
    : rng.weightedPick<MobilityScope>(
        ['anywhere', 'home-province', 'home-prefecture', 'home-county'],
        [58, 24, 10, 8],
      );
  const preferred: Destination[] = [];
  const refused: Destination[] = [];
  if (!cannotLeaveHome && rng.chance(0.12)) {
    preferred.push(
      rng.chance(0.6) || cat.parks.length === 0
        ? { kind: 'area', area: ctx.drawTown() as string as AreaCode }
        : { kind: 'park', park: rng.pick(cat.parks).id },
    );
  }
  if (rng.chance(0.03)) refused.push({ kind: 'area', area: ctx.drawTown() as string as AreaCode });
  const needsDormitory = !cannotLeaveHome && rng.chance(0.6);

  const languages = ['zh'];
  const minority = LANGUAGES.find((l) => originCounty.startsWith(l.prefix));
  if (minority !== undefined && rng.chance(minority.share)) languages.push(minority.lang);

  const later = rng.chance(0.3);
  const availableFrom = later ? addDays(asOf, rng.int(1, 90)) : undefined;

  return {
    id: padId('w', i, width) as WorkerId,
    name: personName(rng, originCounty, gender),
    household,
    originCounty,
    birthDate,
    ...(gender === undefined ? {} : { gender }),
    skills,
    certificates,
    trainings,
    pay: { minMonthly, targetMonthly },
    mobility: { scope, preferred, refused },
    needsDormitory,
    cannotLeaveHome,
    languages,
    availableFrom: availableFrom ?? asOf,
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A domain type with every array and field made mutable, as the JSON input shape declares them. */
type Writable<T> = T extends string | number | boolean
  ? T
  : T extends readonly (infer U)[]
    ? Writable<U>[]
    : { -readonly [K in keyof T]: Writable<T[K]> };

/**
 * Rewrites the first labourers into the showcase cases the demo and the scenario tests rely on,
 * whatever the seed: one who cannot leave home in a county a park serves, one aged 17, one with a
 * skill from a completed training, one with a high pay expectation, and one under 16.
 */
function applyShowcase(rng: Random, labourers: Labourer[], asOf: IsoDate, cat: Catalogue): number {
  const skill = (id: string, level: SkillLevel, certified: boolean): HeldSkill[] =>
    cat.skills.has(id) ? [{ skill: id as SkillId, level, certified }] : [];
  const parkCounty = cat.homeboundCounty;

  // The course whose skill the trained employer's post asks for (auto repair by default).
  const course = cat.trained?.course ?? dongguanPolicy.trainings[0];

  const edits: ((w: Mutable<Labourer>) => void)[] = [
    (w) => {
      w.originCounty = parkCounty as CountyCode;
      w.birthDate = birthDateFor(asOf, 38, 0.5);
      w.gender = 'female';
      w.skills = skill('sewing-machine-operation', 5, false);
      w.certificates = [];
      w.pay = { minMonthly: 2500, targetMonthly: 3200 };
      w.mobility = { scope: 'home-county', preferred: [], refused: [] };
      w.cannotLeaveHome = true;
      w.needsDormitory = false;
      w.availableFrom = asOf;
    },
    (w) => {
      w.originCounty = '433124' as CountyCode;
      w.birthDate = birthDateFor(asOf, 17, 0.5);
      w.gender = 'male';
      w.skills = [...skill('welding', 5, false), ...skill('packaging', 5, false)];
      w.certificates = [];
      w.trainings = [];
      w.pay = { minMonthly: 3000, targetMonthly: 4200 };
      w.mobility = { scope: 'anywhere', preferred: [], refused: [] };
      w.cannotLeaveHome = false;
      w.needsDormitory = true;
      w.availableFrom = asOf;
    },
    (w) => {
      w.originCounty = '530622' as CountyCode;
      w.birthDate = birthDateFor(asOf, 24, 0.5);
      w.gender = 'male';
      w.skills = [];
      w.certificates = [];
      const grant = course?.grantsSkills[0];
      w.trainings =
        course === undefined
          ? []
          : [
              {
                course: course.id,
                completedOn: addDays(asOf, -90),
                ...(grant === undefined ? {} : { grantsSkill: grant.skill, grantsLevel: grant.level }),
              },
            ];
      w.pay = { minMonthly: 3500, targetMonthly: 5000 };
      w.mobility = { scope: 'anywhere', preferred: [], refused: [] };
      w.cannotLeaveHome = false;
      w.needsDormitory = true;
      w.availableFrom = asOf;
    },
    (w) => {
      w.originCounty = '451228' as CountyCode;
      w.birthDate = birthDateFor(asOf, 33, 0.5);
      w.gender = 'male';
      w.skills = skill('cnc-machining', 3, true);
      w.pay = { minMonthly: 5000, targetMonthly: 8000 };
      w.mobility = { scope: 'anywhere', preferred: [], refused: [] };
      w.cannotLeaveHome = false;
      w.availableFrom = asOf;
    },
    (w) => {
      w.originCounty = '530627' as CountyCode;
      w.birthDate = birthDateFor(asOf, 15, 0.5);
      w.gender = 'female';
      w.skills = [];
      w.certificates = [];
      w.trainings = [];
      w.pay = { minMonthly: 2500, targetMonthly: 3000 };
      w.mobility = { scope: 'anywhere', preferred: [], refused: [] };
      w.cannotLeaveHome = false;
      w.needsDormitory = true;
      w.availableFrom = asOf;
    },
  ];
  edits.forEach((edit, k) => {
    const w = labourers[k];
    if (w === undefined) return;
    const copy: Mutable<Labourer> = { ...w };
    edit(copy);
    // A name that fits the new gender and origin.
    copy.name = personName(rng, copy.originCounty, copy.gender);
    labourers[k] = copy;
  });
  return edits.length;
}

// ---------------------------------------------------------------------------------------------
// Groups

/** Group sizes 2–6 and how often each is drawn: families are mostly couples and small households. */
const FAMILY_SIZES = [2, 3, 4, 5, 6] as const;
const FAMILY_SIZE_WEIGHTS = [40, 28, 18, 9, 5];
/** Fellow villagers travel in somewhat larger parties. */
const VILLAGER_SIZE_WEIGHTS = [25, 30, 24, 13, 8];
/** The share of groups that are families; the others are fellow villagers. */
const FAMILY_SHARE = 0.6;
/** The oldest age at which a labourer is drawn into a group. */
const GROUP_AGE_MAX = 49;

/**
 * Whether a labourer would travel with others to work in Dongguan: willing to leave home and to
 * work there (anywhere, or within the province for an origin in Guangdong).
 */
function travels(w: Labourer): boolean {
  if (w.cannotLeaveHome) return false;
  return (
    w.mobility.scope === 'anywhere' ||
    (w.mobility.scope === 'home-province' && w.originCounty.startsWith('44'))
  );
}

/**
 * Families (placed at one site, rule `same-site`) and parties of fellow villagers (placed with one
 * employer, `same-employer`) covering about `share` of the labourers, each of 2–6 members.
 *
 * Only labourers who would travel together to work are drawn: aged 16–49, able to leave home and
 * willing to work in Dongguan (see {@link travels}); the showcase labourers, on whom the demo
 * relies, never are. A group is the labourer drawn first (its first member) and others who share
 * the first's mobility facts: origin county, mobility scope and the need for a dormitory. So the
 * members of a group are eligible for much the same posts and most groups have a common option.
 *
 * The labourers are only read: their records stay exactly as drawn. Complexity: O(w) for w
 * labourers (one shuffle, one pass, each bucket of alike labourers walked once).
 */
function makeGroups(
  rng: Random,
  labourers: readonly Labourer[],
  asOf: IsoDate,
  share: number,
  showcase: number,
): PlacementGroup[] {
  const target = Math.round(share * labourers.length);
  if (target === 0) return [];
  // Of working age, 16–49 on the as-of date: no post is lawful under 16, and from 50 some women
  // have reached the retirement age.
  const oldest = fromDayNumber(yearsBefore(asOf, GROUP_AGE_MAX + 1) + 1);
  const youngest = fromDayNumber(yearsBefore(asOf, dongguanPolicy.ageLaw.minimumWorkingAge));
  // Buckets of alike labourers (in id order), and each labourer's bucket.
  const bucketIndex = new Map<string, number>();
  const bucketOf = new Int32Array(labourers.length).fill(-1);
  const bucketList: number[][] = [];
  const candidates: number[] = [];
  for (let i = showcase; i < labourers.length; i++) {
    const w = labourers[i]!;
    if (w.birthDate < oldest || w.birthDate > youngest || !travels(w)) continue;
    const key = `${w.originCounty}|${w.mobility.scope}|${w.needsDormitory ? 1 : 0}`;
    let b = bucketIndex.get(key);
    if (b === undefined) {
      b = bucketList.length;
      bucketIndex.set(key, b);
      bucketList.push([]);
    }
    bucketOf[i] = b;
    bucketList[b]!.push(i);
    candidates.push(i);
  }
  const cursor = new Int32Array(bucketList.length);
  const taken = new Uint8Array(labourers.length);
  const drawFamily = rng.sampler(FAMILY_SIZES, FAMILY_SIZE_WEIGHTS);
  const drawParty = rng.sampler(FAMILY_SIZES, VILLAGER_SIZE_WEIGHTS);
  const width = Math.max(4, String(Math.ceil(target / 2)).length);
  const groups: PlacementGroup[] = [];
  let members = 0;
  for (const anchor of rng.shuffle(candidates)) {
    if (members >= target) break;
    if (taken[anchor] === 1) continue;
    const family = rng.chance(FAMILY_SHARE);
    const size = family ? drawFamily() : drawParty();
    const b = bucketOf[anchor]!;
    const bucket = bucketList[b]!;
    const group = [anchor];
    taken[anchor] = 1;
    // The bucket's untaken labourers in id order; those before the cursor are all taken.
    let c = cursor[b]!;
    while (group.length < size && c < bucket.length) {
      const i = bucket[c++]!;
      if (taken[i] === 1) continue;
      taken[i] = 1;
      group.push(i);
    }
    cursor[b] = c;
    if (group.length < 2) continue; // alone in the bucket: travels alone
    members += group.length;
    groups.push({
      id: padId('g', groups.length, width),
      members: group.map((i) => labourers[i]!.id),
      rule: family ? 'same-site' : 'same-employer',
      kind: family ? 'family' : 'fellow-villagers',
    });
  }
  return groups;
}

/** Illustrative pairings of the main origin counties with 4–6 Dongguan towns each, the same for every seed. */
function illustrativePairings(towns: readonly TownCode[]): Pairing[] {
  const rng = createRandom(0x7061_6972); // fixed: the pairings do not vary with the sample's seed
  const drawTown = townSampler(rng, towns);
  return PAIRED_COUNTIES.filter((c) => divisionName(c) !== undefined).map((county) => {
    const chosen = new Set<TownCode>();
    const n = rng.int(4, 6);
    while (chosen.size < Math.min(n, towns.length)) chosen.add(drawTown());
    return {
      originCounty: county as CountyCode,
      towns: [...chosen].sort(),
      from: '2021-01-01' as IsoDate,
      source: ILLUSTRATIVE,
    };
  });
}

// ---------------------------------------------------------------------------------------------

/**
 * Generates a synthetic dataset on real places, deterministic from the seed. See the module
 * comment for what is real and what is invented.
 *
 * The first five labourers (as many as there are) are fixed showcase cases: one who cannot leave
 * home in a county a park serves, one aged 17, one with a skill from a completed training, one with
 * a high pay expectation, and one under 16. Employer `e0001` (when there are posts) is the
 * illustrative designated placement base for 镇雄县; the next employers (e0002…e0005, as many as
 * there are) are approved and each opens a safe post: one in the park serving the homebound
 * labourer's county, one asking for the trained skill, one in each other park. With 25 posts or
 * more every case is present whatever the seed.
 *
 * About `groupShare` of the labourers (5% by default) travel in groups of 2–6: families (rule
 * `same-site`, kind `family`) and fellow villagers (`same-employer`, `fellow-villagers`), the
 * members of each from one origin county and alike in mobility, so that most groups have a post
 * site or employer they could all take. The groups are drawn from a stream of their own: the
 * labourers, employers and posts of a seed are the same as without groups.
 *
 * Complexity: O(w + p) for w workers and p posts (every draw is O(log k) over a fixed table;
 * the groups take one shuffle and one pass over the labourers).
 *
 * @param options - Sizes, seed and as-of date; see {@link SampleOptions}.
 * @returns The dataset as JSON input, ready for `parseDataset` or `JSON.stringify`.
 * @throws RangeError if a size is not a non-negative integer, `asOf` is not a real `YYYY-MM-DD`
 *   date or `groupShare` is not in [0, 1].
 * @example
 * const input = generateSample({ workers: 10, posts: 5, seed: 1 });
 * input.labourers.length //=> 10
 * generateSample({ workers: 10_000, posts: 2_000, seed: 5 }).groups?.length //=> 153 (501 labourers)
 * JSON.stringify(generateSample({ seed: 1 })) === JSON.stringify(generateSample({ seed: 1 })) //=> true
 */
export function generateSample(options: SampleOptions = {}): DatasetInput {
  const workers = options.workers ?? 300;
  const postCount = options.posts ?? 200;
  const seed = options.seed ?? 2025;
  const asOfText = options.asOf ?? '2026-03-01';
  if (!Number.isInteger(workers) || workers < 0) {
    throw new RangeError(`generateSample: workers must be a non-negative integer, got ${workers}`);
  }
  if (!Number.isInteger(postCount) || postCount < 0) {
    throw new RangeError(`generateSample: posts must be a non-negative integer, got ${postCount}`);
  }
  if (!Number.isFinite(seed))
    throw new RangeError(`generateSample: seed must be a finite number, got ${seed}`);
  if (!isIsoDate(asOfText))
    throw new RangeError(`generateSample: asOf must be a YYYY-MM-DD date, got ${asOfText}`);
  const groupShare = options.groupShare ?? 0.05;
  if (!(typeof groupShare === 'number' && groupShare >= 0 && groupShare <= 1))
    throw new RangeError(`generateSample: groupShare must be a number in [0, 1], got ${groupShare}`);
  const asOf = asOfText;

  const cat = catalogue();
  // Separate streams for employers, posts and labourers, so that changing one size leaves the
  // others' draws as they were.
  const rngEmployers = createRandom(seed);
  const rngPosts = createRandom(seed + 0x5f3759df);
  const rngWorkers = createRandom(seed + 0x2545f491);
  // Groups draw from a stream of their own, so that having them left every other draw, and so
  // every sample's labourers, employers and posts, exactly as it was without them.
  const rngGroups = createRandom(seed + 0x3c6ef372);

  const employerCount = postCount === 0 ? 0 : Math.max(1, Math.round(postCount / 5));
  const drawTownE = townSampler(rngEmployers, cat.towns);
  const drawOriginE = originSampler(rngEmployers);
  const employers = makeEmployers(rngEmployers, employerCount, asOf, cat, drawTownE, drawOriginE);
  const posts = makePosts(rngPosts, postCount, asOf, cat, employers, townSampler(rngPosts, cat.towns));

  const ctx: LabourerContext = {
    asOf,
    cat,
    drawOrigin: originSampler(rngWorkers),
    drawTown: townSampler(rngWorkers, cat.towns),
    drawSector: rngWorkers.sampler(
      cat.sectors,
      cat.sectors.map((s) => s.weight),
    ),
    special: dongguanPolicy.certificates.filter((c) => c.specialOperation),
    ordinary: dongguanPolicy.certificates.filter((c) => !c.specialOperation),
  };
  const width = Math.max(4, String(workers).length);
  const labourers: Labourer[] = [];
  for (let i = 0; i < workers; i++) labourers.push(makeLabourer(rngWorkers, i, width, ctx));
  const showcase = applyShowcase(rngWorkers, labourers, asOf, cat);
  const groups = makeGroups(rngGroups, labourers, asOf, groupShare, showcase);

  const baseEmployer = employers[0];
  const bases: PlacementBase[] = [
    {
      id: 'base-zhenxiong' as BaseId,
      name: {
        zh: '镇雄籍务工人员定点安置基地（示例）',
        en: 'Placement base for workers from Zhenxiong (illustrative)',
      },
      origin: '530627' as AreaCode,
      ...(baseEmployer === undefined
        ? { site: { kind: 'town', town: '441900116' as TownCode } as Site }
        : { employer: baseEmployer.employer.id, site: baseEmployer.home }),
      from: '2023-01-01' as IsoDate,
      source: ILLUSTRATIVE,
    },
  ];

  const value = {
    asOf,
    labourers,
    employers: employers.map((e) => e.employer),
    posts,
    groups,
    policy: { pairings: illustrativePairings(cat.towns), bases },
  };
  // The domain types are readonly and branded; the JSON input shape is their plain, mutable twin.
  const input: DatasetInput = value as Writable<typeof value>;
  return input;
}

let demo: Dataset | undefined;

/**
 * The demo dataset: {@link generateSample} with its defaults (300 labourers, 200 posts, seed 2025,
 * as of 2026-03-01, 5% of the labourers in groups), parsed. Built once and cached.
 *
 * @returns The validated demo dataset (the same object on every call).
 * @example
 * demoDataset().labourers.length //=> 300
 * demoDataset().groups.length //=> 6 (15 labourers: 3 families, 3 parties of fellow villagers)
 * demoDataset() === demoDataset() //=> true
 */
export function demoDataset(): Dataset {
  demo ??= parseDataset(generateSample());
  return demo;
}
