/**
 * The flat column sets of the spreadsheets (labourers, employers, posts, and the optional groups)
 * and how each cell is read and written.
 *
 * Every column names one field of {@link DatasetInput}: its `key` is the field's path, dotted for
 * nested fields (`pay.minMonthly`), and is also the English header (the groups sheet has one row
 * per member, its `member` column one item of a group's `members`); `header` is the Chinese header
 * written on export; `aliases` are further headers accepted on import. Headers match after
 * normalisation: Unicode NFKC (full-width to half-width), case and the characters ` ._-/` ignored,
 * a leading or trailing `*` (a template's mark of a required column) and a trailing
 * parenthesised note such as `（元）` dropped. So `pay.minMonthly`, `payMinMonthly`,
 * `pay_min_monthly` and `最低期望月薪（元）` all name the same column.
 *
 * Cells: leading and trailing spaces are trimmed; an empty cell leaves the field absent (the
 * parser's default applies). A list cell separates items with `;`, `；`, `、` or a line break;
 * the parts of an item with `:` or `：`. Skills, certificates, parks and training courses are
 * written by policy id or by their Chinese or English name in the policy (an unknown name is kept
 * as written, for parseDataset to judge).
 *
 * @module
 */
import type { Bilingual } from '../errors.js';
import { countyByName, type CountyInfo } from '../divisions.js';
import { isIsoDate } from '../internal/dates.js';
import type { Policy } from '../policy/types.js';

/** What a cell holds; decides how it is read and written. */
export type CsvCellType =
  | 'text'
  | 'county'
  | 'integer'
  | 'number'
  | 'date'
  | 'boolean'
  | 'household'
  | 'gender'
  | 'mobility-scope'
  | 'held-skills'
  | 'held-certificates'
  | 'trainings'
  | 'destinations'
  | 'languages'
  | 'vetting-status'
  | 'vetting-criteria'
  | 'workforce'
  | 'site'
  | 'pay-kind'
  | 'skill-requirements'
  | 'certificate-ids'
  | 'group-rule'
  | 'group-kind';

/** One column of a spreadsheet and the DatasetInput field it fills. */
export interface CsvColumn {
  /** The field's path in the record, dotted for nested fields; also the English header. */
  readonly key: string;
  /** The Chinese header written on export. */
  readonly header: string;
  /** Other headers accepted on import. */
  readonly aliases: readonly string[];
  /** Whether the column, and a value in every row, must be present. */
  readonly required: boolean;
  readonly type: CsvCellType;
  /** How a person writes the cell. */
  readonly format: string;
}

function col(
  key: string,
  header: string,
  type: CsvCellType,
  required: boolean,
  aliases: readonly string[] = [],
  format: string = FORMATS[type],
): CsvColumn {
  return { key, header, aliases, required, type, format };
}

const FORMATS: Record<CsvCellType, string> = {
  text: 'text',
  county: 'six-digit county code, or the county by name (鲁甸县, 昭通市鲁甸县)',
  integer: 'whole number',
  number: 'number (CNY; `4,500`, `¥4500`, `4500元` accepted)',
  date: 'YYYY-MM-DD (also YYYY/M/D, YYYY.M.D, YYYY年M月D日, YYYYMMDD; a birth date also as the 18-digit ID number, which is not kept)',
  boolean: '是/否 (also 有/无, yes/no, true/false, 1/0)',
  household: '脱贫户 or 建档立卡 (registered), 监测户 or 防止返贫监测对象 (monitored), 其他 (other)',
  gender: '男/女 (male/female)',
  'mobility-scope': '本县 (home-county), 本市 (home-prefecture), 本省 (home-province), 不限 (anywhere)',
  'held-skills':
    'list of skill:level:certified, e.g. `电子产品装配:5:是; 叉车驾驶:4:否` (level 1–5 or 初级工…高级技师; certified 是/否, default 否)',
  'held-certificates': 'list of certificate[:issued on[:valid until]], e.g. `健康证:2025-03-01:2026-02-28`',
  trainings: 'list of course:completed on[:grants skill[:level]], e.g. `汽车维修培训:2025-06-30:汽车维修:5`',
  destinations: 'list of division codes (any level: `44`, `4419`, `441900116`) or park ids/names',
  languages: 'list of BCP 47 tags (`zh`, `yue`, `ii`…) or names (普通话, 粤语, 彝语…)',
  'vetting-status': '通过 (approved), 待审核 (pending), 已撤销 (revoked)',
  'vetting-criteria': 'list of 管理规范, 岗位适合, 薪酬待遇好, 履行社会责任 (or their English codes)',
  workforce: 'list of county:count, e.g. `530627:12; 622926:3`',
  site: 'nine-digit Dongguan town code, six-digit county code, or park id/name',
  'pay-kind': '月薪 (monthly) or 计件 (piece-rate)',
  'skill-requirements': 'list of skill[:least level], e.g. `电工:4; 焊接`',
  'certificate-ids': 'list of certificate ids or names',
  'group-rule': '同一企业 (same-employer), 同一工作地 (same-site), 同一岗位 (same-post)',
  'group-kind': '家庭 (family), 老乡 (fellow-villagers), 基地 (base)',
};

/**
 * The columns of the labourers spreadsheet, one per field of a labourer in DatasetInput.
 *
 * | key | header | aliases | required | format |
 * |---|---|---|---|---|
 * | id | 编号 | 人员编号, 劳动力编号 | yes | text |
 * | name | 姓名 | | | text |
 * | household | 户籍类型 | 户类型, 帮扶对象类型 | yes | 脱贫户/建档立卡, 监测户/防止返贫监测对象, 其他 |
 * | originCounty | 户籍县代码 | 户籍地代码, 户籍县区代码 | yes | six digits |
 * | birthDate | 出生日期 | | yes | date |
 * | gender | 性别 | | | 男/女 |
 * | cadre | 干部岗位 | 是否干部 | | 是/否 |
 * | skills | 技能 | | | `电子产品装配:5:是; 叉车驾驶:4:否` |
 * | certificates | 证书 | | | `健康证:2025-03-01:2026-02-28` |
 * | trainings | 培训 | | | `汽车维修培训:2025-06-30:汽车维修:5` |
 * | pay.minMonthly | 最低期望月薪 | payMin, minMonthly, 最低月薪 | yes | number |
 * | pay.targetMonthly | 期望月薪 | payTarget, targetMonthly | yes | number |
 * | mobility.scope | 流动意愿 | mobilityScope, scope, 流动范围 | yes | 本县/本市/本省/不限 |
 * | mobility.preferred | 偏好地区 | preferred, 意向地区 | | codes or parks |
 * | mobility.refused | 拒绝地区 | refused | | codes or parks |
 * | needsDormitory | 需要宿舍 | | | 是/否 |
 * | cannotLeaveHome | 无法离家 | | | 是/否 |
 * | languages | 语言 | | | tags or names |
 * | availableFrom | 可到岗日期 | | | date |
 */
export const LABOURER_COLUMNS: readonly CsvColumn[] = [
  col('id', '编号', 'text', true, ['人员编号', '劳动力编号']),
  col('name', '姓名', 'text', false),
  col('household', '户籍类型', 'household', true, ['户类型', '帮扶对象类型']),
  col(
    'originCounty',
    '户籍县代码',
    'county',
    true,
    ['户籍地代码', '户籍县区代码', '户籍县', '户籍地'],
    'six-digit county code (GB/T 2260), or the county by name (鲁甸县, 昭通市鲁甸县)',
  ),
  col('birthDate', '出生日期', 'date', true),
  col('gender', '性别', 'gender', false),
  col('cadre', '干部岗位', 'boolean', false, ['是否干部']),
  col('skills', '技能', 'held-skills', false),
  col('certificates', '证书', 'held-certificates', false),
  col('trainings', '培训', 'trainings', false),
  col('pay.minMonthly', '最低期望月薪', 'number', true, ['payMin', 'minMonthly', '最低月薪']),
  col('pay.targetMonthly', '期望月薪', 'number', true, ['payTarget', 'targetMonthly']),
  col('mobility.scope', '流动意愿', 'mobility-scope', true, ['mobilityScope', 'scope', '流动范围']),
  col('mobility.preferred', '偏好地区', 'destinations', false, ['preferred', '意向地区']),
  col('mobility.refused', '拒绝地区', 'destinations', false, ['refused']),
  col('needsDormitory', '需要宿舍', 'boolean', false),
  col('cannotLeaveHome', '无法离家', 'boolean', false),
  col('languages', '语言', 'languages', false),
  col('availableFrom', '可到岗日期', 'date', false),
];

/**
 * The columns of the employers spreadsheet.
 *
 * | key | header | aliases | required | format |
 * |---|---|---|---|---|
 * | id | 企业编号 | 编号, 单位编号, 用工单位编号 | yes | text |
 * | name | 企业名称 | 名称, 单位名称, 用工单位 | yes | text |
 * | vetting.status | 审核状态 | vettingStatus, status | yes | 通过/待审核/已撤销 |
 * | vetting.criteria | 审核标准 | vettingCriteria, criteria | | 管理规范; 岗位适合; 薪酬待遇好; 履行社会责任 (empty = none) |
 * | vetting.vettedOn | 审核日期 | vettedOn | yes | date |
 * | vetting.validUntil | 审核有效期至 | validUntil, 有效期至 | yes | date |
 * | trackRecord.placements | 历史安置人数 | placements, 累计安置人数 | with the next | whole number |
 * | trackRecord.retainedSixMonths | 六个月留存人数 | retainedSixMonths, 六个月在岗人数 | with the previous | whole number |
 * | workforceByOrigin | 在岗老乡 | 在岗老乡人数 | | `530627:12; 622926:3` |
 */
export const EMPLOYER_COLUMNS: readonly CsvColumn[] = [
  col('id', '企业编号', 'text', true, ['编号', '单位编号', '用工单位编号']),
  col('name', '企业名称', 'text', true, ['名称', '单位名称', '用工单位']),
  col('vetting.status', '审核状态', 'vetting-status', true, ['vettingStatus', 'status']),
  col('vetting.criteria', '审核标准', 'vetting-criteria', false, ['vettingCriteria', 'criteria']),
  col('vetting.vettedOn', '审核日期', 'date', true, ['vettedOn']),
  col('vetting.validUntil', '审核有效期至', 'date', true, ['validUntil', '有效期至']),
  col('trackRecord.placements', '历史安置人数', 'integer', false, ['placements', '累计安置人数']),
  col('trackRecord.retainedSixMonths', '六个月留存人数', 'integer', false, [
    'retainedSixMonths',
    '六个月在岗人数',
  ]),
  col('workforceByOrigin', '在岗老乡', 'workforce', false, ['在岗老乡人数']),
];

/**
 * The columns of the posts spreadsheet. The pay columns used depend on 计薪方式: 底薪 for
 * `monthly`, 保底月薪 for `piece-rate`; the other must stay empty. 提供宿舍/提供伙食 may be given
 * without a cost (then 0); a cost needs them.
 *
 * | key | header | aliases | required | format |
 * |---|---|---|---|---|
 * | id | 岗位编号 | 编号 | yes | text |
 * | employer | 企业编号 | 用工单位编号, 单位编号 | yes | text |
 * | title | 岗位名称 | | yes | text |
 * | occupation | 职业代码 | 职业编码 | yes | `6-04-01-01` |
 * | site | 工作地点 | 工作地点代码 | yes | town code, county code or park |
 * | openings | 招聘人数 | | yes | whole number |
 * | filled | 已招人数 | | | whole number |
 * | requiredSkills | 必需技能 | 技能要求 | | `电工:4; 焊接` |
 * | optionalSkills | 加分技能 | | | `手工焊锡` |
 * | requiredCertificates | 必需证书 | 证书要求 | | certificate ids or names |
 * | trainsOnJob | 岗前培训 | 在岗培训 | | 是/否 |
 * | pay.kind | 计薪方式 | payKind | yes | 月薪/计件 |
 * | pay.baseMonthly | 底薪 | baseMonthly, 基本工资 | for 月薪 | number |
 * | pay.guaranteedMonthly | 保底月薪 | guaranteedMonthly, 保底工资 | for 计件 | number |
 * | pay.expectedMonthly | 预期月薪 | expectedMonthly, 综合月薪 | yes | number |
 * | dormitory.provided | 提供宿舍 | 包住 | | 是/否 |
 * | dormitory.monthlyCost | 宿舍月费 | 住宿费 | | number |
 * | meals.provided | 提供伙食 | 包吃 | | 是/否 |
 * | meals.monthlyCost | 伙食月费 | 伙食费 | | number |
 * | contractMonths | 合同月数 | 合同期限 | yes | whole number |
 * | ageRange.min | 最低年龄 | ageMin, 年龄下限 | | whole number |
 * | ageRange.max | 最高年龄 | ageMax, 年龄上限 | | whole number |
 * | hazardous | 危险作业 | | | 是/否 |
 * | window.opens | 报名开始日期 | opens | yes | date |
 * | window.closes | 报名截止日期 | closes | yes | date |
 * | languages | 工作语言 | | | tags or names |
 */
export const POST_COLUMNS: readonly CsvColumn[] = [
  col('id', '岗位编号', 'text', true, ['编号']),
  col('employer', '企业编号', 'text', true, ['用工单位编号', '单位编号']),
  col('title', '岗位名称', 'text', true),
  col('occupation', '职业代码', 'text', true, ['职业编码'], '职业分类大典 (2022) code, e.g. `6-04-01-01`'),
  col('site', '工作地点', 'site', true, ['工作地点代码']),
  col('openings', '招聘人数', 'integer', true),
  col('filled', '已招人数', 'integer', false),
  col('requiredSkills', '必需技能', 'skill-requirements', false, ['技能要求']),
  col('optionalSkills', '加分技能', 'skill-requirements', false),
  col('requiredCertificates', '必需证书', 'certificate-ids', false, ['证书要求']),
  col('trainsOnJob', '岗前培训', 'boolean', false, ['在岗培训']),
  col('pay.kind', '计薪方式', 'pay-kind', true, ['payKind']),
  col('pay.baseMonthly', '底薪', 'number', false, ['baseMonthly', '基本工资']),
  col('pay.guaranteedMonthly', '保底月薪', 'number', false, ['guaranteedMonthly', '保底工资']),
  col('pay.expectedMonthly', '预期月薪', 'number', true, ['expectedMonthly', '综合月薪']),
  col('dormitory.provided', '提供宿舍', 'boolean', false, ['包住']),
  col('dormitory.monthlyCost', '宿舍月费', 'number', false, ['住宿费']),
  col('meals.provided', '提供伙食', 'boolean', false, ['包吃']),
  col('meals.monthlyCost', '伙食月费', 'number', false, ['伙食费']),
  col('contractMonths', '合同月数', 'integer', true, ['合同期限']),
  col('ageRange.min', '最低年龄', 'integer', false, ['ageMin', '年龄下限']),
  col('ageRange.max', '最高年龄', 'integer', false, ['ageMax', '年龄上限']),
  col('hazardous', '危险作业', 'boolean', false),
  col('window.opens', '报名开始日期', 'date', true, ['opens']),
  col('window.closes', '报名截止日期', 'date', true, ['closes']),
  col('languages', '工作语言', 'languages', false),
];

/**
 * The columns of the groups spreadsheet: one row per member, the rows of a group sharing its id,
 * rule and kind. A group's members are its rows in order, the groups in the order of their first
 * rows; rows of one group need not be adjacent. The rule is given on every row; the kind may be left
 * empty, and where rows of a group give a rule or a kind they must agree.
 *
 * | key | header | aliases | required | format |
 * |---|---|---|---|---|
 * | id | 组编号 | 分组编号, 同行组编号, group, groupId | yes | text |
 * | member | 成员编号 | 人员编号, 劳动力编号, memberId, members | yes | a labourer's id (编号 of the labourers sheet) |
 * | rule | 安置要求 | 同行要求, 安置规则, groupRule | yes | 同一企业/同一工作地/同一岗位 |
 * | kind | 组类型 | 类型, groupKind | | 家庭/老乡/基地 |
 *
 * @example
 * GROUP_COLUMNS.map((c) => c.header) //=> ['组编号', '成员编号', '安置要求', '组类型']
 */
export const GROUP_COLUMNS: readonly CsvColumn[] = [
  col('id', '组编号', 'text', true, ['分组编号', '同行组编号', 'group', 'groupId']),
  col(
    'member',
    '成员编号',
    'text',
    true,
    ['人员编号', '劳动力编号', 'memberId', 'members'],
    "a labourer's id (编号 of the labourers sheet)",
  ),
  col('rule', '安置要求', 'group-rule', true, ['同行要求', '安置规则', 'groupRule']),
  col('kind', '组类型', 'group-kind', false, ['类型', 'groupKind']),
];

/** The spreadsheets of a dataset: three tables, and the groups of labourers who travel together. */
export type CsvTable = 'labourers' | 'employers' | 'posts' | 'groups';

/** The columns of each spreadsheet. */
export const CSV_COLUMNS: Readonly<Record<CsvTable, readonly CsvColumn[]>> = {
  labourers: LABOURER_COLUMNS,
  employers: EMPLOYER_COLUMNS,
  posts: POST_COLUMNS,
  groups: GROUP_COLUMNS,
};

/**
 * A header or a name as it is compared: NFKC, lower case, no spaces or `._-/`, no `*` mark and
 * no trailing parenthesised note.
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .trim()
    .replace(/^\*+|\*+$/g, '')
    .replace(/\s*\([^()]*\)\s*$/, '')
    .toLowerCase()
    .replace(/[\s._\-/]/g, '');
}

/** A name as it is compared (a skill, a certificate, a park, an enum label). */
function normaliseName(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// Cells

/** Which labels cells are written with: Chinese for people, codes for machines. */
export type CsvLanguage = 'zh' | 'en';

/** What reading and writing a cell may need. */
export interface CellContext {
  readonly policy: Policy;
  readonly language: CsvLanguage;
}

type Read =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: Bilingual };

const ok = (value: unknown): Read => ({ ok: true, value });
const fail = (en: string, zh: string): Read => ({ ok: false, message: { en, zh } });

/** An enum: each value with its Chinese label (written) and further accepted labels. */
interface Labels<T extends string> {
  readonly read: ReadonlyMap<string, T>;
  readonly zh: ReadonlyMap<string, string>;
  readonly values: readonly T[];
}

function labels<T extends string>(rows: readonly (readonly [T, string, ...string[]])[]): Labels<T> {
  const read = new Map<string, T>();
  const zh = new Map<string, string>();
  for (const [value, label, ...more] of rows) {
    zh.set(value, label);
    for (const l of [value, label, ...more]) read.set(normaliseName(l), value);
  }
  return { read, zh, values: rows.map((r) => r[0]) };
}

const HOUSEHOLD = labels([
  ['registered', '脱贫户', '建档立卡', '建档立卡户', '建档立卡贫困户', '脱贫劳动力', '脱贫人口'],
  ['monitored', '监测户', '防止返贫监测对象', '监测对象'],
  ['other', '其他', '一般户'],
]);
const GENDER = labels([
  ['male', '男', '男性', 'm'],
  ['female', '女', '女性', 'f'],
]);
const SCOPE = labels([
  ['home-county', '本县', '县内', '本县区'],
  ['home-prefecture', '本市', '市内', '本州', '州内'],
  ['home-province', '本省', '省内'],
  ['anywhere', '不限', '全国', '跨省', '省外'],
]);
const VETTING = labels([
  ['approved', '通过', '已通过', '审核通过'],
  ['pending', '待审核', '审核中'],
  ['revoked', '已撤销', '撤销'],
]);
const CRITERIA = labels([
  ['well-managed', '管理规范'],
  ['suitable-posts', '岗位适合'],
  ['good-pay', '薪酬待遇好'],
  ['socially-responsible', '履行社会责任'],
]);
const GROUP_RULE = labels([
  ['same-employer', '同一企业', '同企业', '同一用工单位', '同一单位'],
  ['same-site', '同一工作地', '同一地点', '同工作地', '同地点'],
  ['same-post', '同一岗位', '同岗位'],
]);
const GROUP_KIND = labels([
  ['family', '家庭', '家属', '一家人'],
  ['fellow-villagers', '老乡', '同乡'],
  ['base', '基地', '定点基地', '安置基地'],
]);
const PAY_KIND = labels([
  ['monthly', '月薪', '计时'],
  ['piece-rate', '计件'],
]);
const BOOLEAN = labels([
  ['true', '是', '有', 'yes', 'y', '1', '√'],
  ['false', '否', '无', 'no', 'n', '0', '×'],
]);
const LEVEL = labels([
  ['5', '初级工', '初级', '五级'],
  ['4', '中级工', '中级', '四级'],
  ['3', '高级工', '高级', '三级'],
  ['2', '技师', '二级'],
  ['1', '高级技师', '一级'],
]);
/** Languages commonly named in the programme's origins, by name; any other BCP 47 tag is kept. */
const LANGUAGES = labels([
  ['zh', '普通话', '汉语', '中文'],
  ['yue', '粤语', '广东话'],
  ['ii', '彝语'],
  ['hmn', '苗语'],
  ['ug', '维吾尔语'],
  ['bo', '藏语'],
  ['za', '壮语'],
]);

function readEnum<T extends string>(table: Labels<T>, cell: string, what: Bilingual): Read {
  const value = table.read.get(normaliseName(cell));
  if (value !== undefined) return ok(value);
  const accepted = table.values.map((v) => `${table.zh.get(v)!} (${v})`).join(', ');
  return fail(`expected ${what.en}: ${accepted}`, `应为${what.zh}：${accepted}`);
}

function writeEnum<T extends string>(table: Labels<T>, value: T, ctx: CellContext): string {
  return ctx.language === 'zh' ? (table.zh.get(value) ?? value) : value;
}

/** Lookups from a normalised id or name to the policy's id, built once per policy. */
interface Names {
  readonly skills: ReadonlyMap<string, string>;
  readonly certificates: ReadonlyMap<string, string>;
  readonly parks: ReadonlyMap<string, string>;
  readonly courses: ReadonlyMap<string, string>;
  readonly skillZh: ReadonlyMap<string, string>;
  readonly certificateZh: ReadonlyMap<string, string>;
  readonly parkZh: ReadonlyMap<string, string>;
  readonly courseZh: ReadonlyMap<string, string>;
}

const namesCache = new WeakMap<Policy, Names>();

function namesOf(policy: Policy): Names {
  let names = namesCache.get(policy);
  if (names === undefined) {
    const build = (rows: readonly { id: string; name: { zh: string; en: string } }[]) => {
      const read = new Map<string, string>();
      // Names first, then ids, so that an id always wins over another entry's name.
      for (const r of rows) for (const n of [r.name.en, r.name.zh]) read.set(normaliseName(n), r.id);
      for (const r of rows) read.set(normaliseName(r.id), r.id);
      return { read, zh: new Map(rows.map((r) => [r.id as string, r.name.zh])) };
    };
    const skills = build(policy.skills);
    const certificates = build(policy.certificates);
    const parks = build(policy.parks);
    const courses = build(policy.trainings);
    names = {
      skills: skills.read,
      certificates: certificates.read,
      parks: parks.read,
      courses: courses.read,
      skillZh: skills.zh,
      certificateZh: certificates.zh,
      parkZh: parks.zh,
      courseZh: courses.zh,
    };
    namesCache.set(policy, names);
  }
  return names;
}

/** The policy id of a name; an unknown name is kept as given, for the parser to report. */
function lookup(map: ReadonlyMap<string, string>, cell: string): string {
  return map.get(normaliseName(cell)) ?? cell;
}

function named(zh: ReadonlyMap<string, string>, id: string, ctx: CellContext): string {
  return ctx.language === 'zh' ? (zh.get(id) ?? id) : id;
}

const LIST_SEPARATOR = /[;；、\n]/;
const PART_SEPARATOR = /[:：]/;

function items(cell: string): string[] {
  return cell
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function parts(item: string): string[] {
  return item.split(PART_SEPARATOR).map((s) => s.trim());
}

/** Reads every item of a list cell; the first bad item fails the cell, naming the item. */
function readList(cell: string, readItem: (item: string) => Read): Read {
  const out: unknown[] = [];
  for (const item of items(cell)) {
    const r = readItem(item);
    if (!r.ok) return fail(`item "${item}": ${r.message.en}`, `“${item}”一项：${r.message.zh}`);
    out.push(r.value);
  }
  return ok(out);
}

function readNumber(cell: string): Read {
  const s = cell
    .normalize('NFKC')
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '')
    .replace(/[,\s]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return fail('expected a number', '应为数字');
  const n = Number(s);
  return Number.isFinite(n) ? ok(n) : fail('expected a finite number', '应为有限数值');
}

function readInteger(cell: string): Read {
  const r = readNumber(cell);
  return r.ok && !Number.isInteger(r.value) ? fail('expected a whole number', '应为整数') : r;
}

const DATE_FORMS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** Where a county lies, for a message: 530621 (云南省昭通市). */
function countyLabel(c: CountyInfo): string {
  return `${c.name} ${c.code} (${c.province.name}${c.prefecture.name === '市辖区' ? '' : c.prefecture.name})`;
}

/** A county cell: its six-digit code, or its name matched to the code. */
function readCounty(cell: string): Read {
  const s = cell.normalize('NFKC').trim();
  if (/^\d+$/.test(s)) return ok(s);
  const r = countyByName(s);
  if (r.kind === 'found') return ok(r.code);
  if (r.kind === 'ambiguous')
    return fail(
      `${s} names ${r.candidates.length} counties: ${r.candidates.slice(0, 5).map(countyLabel).join(', ')}${r.candidates.length > 5 ? ', …' : ''}; write the code, or the prefecture in front of the name`,
      `名为${s}的县有 ${r.candidates.length} 个：${r.candidates.slice(0, 5).map(countyLabel).join('、')}${r.candidates.length > 5 ? '…' : ''}；请填写代码，或在县名前加上地市名`,
    );
  return r.suggestions.length === 0
    ? fail(
        `expected a six-digit county code or a county's name; no county is named ${s}`,
        `应为六位县级代码或县名；没有名为${s}的县`,
      )
    : fail(
        `no county is named ${s}; did you mean ${r.suggestions.map(countyLabel).join(', or ')}?`,
        `没有名为${s}的县；是否指${r.suggestions.map(countyLabel).join('，或')}？`,
      );
}

/** An 18-digit resident ID number (居民身份证号, GB 11643): 17 digits and a check digit or X. */
export const ID_NUMBER = /^\d{17}[\dX]$/i;

/** Whether the check digit of an 18-digit ID number is right (ISO 7064 MOD 11-2). */
function idCheckDigitOk(id: string): boolean {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * weights[i]!;
  return '10X98765432'[sum % 11] === id[17]!.toUpperCase();
}

function readDate(cell: string): Read {
  const s = cell.normalize('NFKC').trim();
  // A birth date written as the ID number that holds it: the date is taken, the number is not kept.
  if (ID_NUMBER.test(s)) {
    if (!idCheckDigitOk(s))
      return fail(
        'an 18-digit ID number whose check digit is wrong (the number is not shown)',
        '18 位身份证号的校验码不正确（号码不予显示）',
      );
    const iso = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
    return isIsoDate(iso)
      ? ok(iso)
      : fail(
          'an 18-digit ID number that holds no calendar date (the number is not shown)',
          '18 位身份证号中的出生日期不是真实日期（号码不予显示）',
        );
  }
  for (const form of DATE_FORMS) {
    const m = form.exec(s);
    if (m === null) continue;
    const iso = `${m[1]!}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    return isIsoDate(iso) ? ok(iso) : fail(`${iso} is not a calendar date`, `${iso} 不是真实存在的日期`);
  }
  return fail('expected a date YYYY-MM-DD', '应为日期，格式 YYYY-MM-DD');
}

function readBoolean(cell: string): Read {
  const r = readEnum(BOOLEAN, cell, { en: 'yes or no', zh: '是或否' });
  return r.ok ? ok(r.value === 'true') : fail('expected 是 or 否 (yes or no)', '应为“是”或“否”');
}

function readLevel(cell: string): Read {
  const r = readEnum(LEVEL, cell, { en: 'a skill level', zh: '技能等级' });
  return r.ok
    ? ok(Number(r.value))
    : fail('expected a skill level 1–5 (5 初级工 … 1 高级技师)', '应为技能等级 1–5（5 初级工 … 1 高级技师）');
}

function readOptional(part: string | undefined, read: (s: string) => Read): Read {
  return part === undefined || part === '' ? ok(undefined) : read(part);
}

function readDestination(item: string, ctx: CellContext): Read {
  if (/^\d+$/.test(item)) return ok({ kind: 'area', area: item });
  return ok({ kind: 'park', park: lookup(namesOf(ctx.policy).parks, item) });
}

/** Drops the fields whose value is undefined (exactOptionalPropertyTypes forbids them). */
function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

function tooMany(p: readonly string[], max: number, shape: string): Read | undefined {
  return p.length > max ? fail(`expected ${shape}`, `格式应为 ${shape}`) : undefined;
}

/** Reads a non-empty, trimmed cell of a column's type. */
export function readCell(type: CsvCellType, cell: string, ctx: CellContext): Read {
  const names = namesOf(ctx.policy);
  switch (type) {
    case 'text':
      return ok(cell);
    case 'county':
      return readCounty(cell);
    case 'integer':
      return readInteger(cell);
    case 'number':
      return readNumber(cell);
    case 'date':
      return readDate(cell);
    case 'boolean':
      return readBoolean(cell);
    case 'household':
      return readEnum(HOUSEHOLD, cell, { en: 'a household status', zh: '户类别' });
    case 'gender':
      return readEnum(GENDER, cell, { en: 'a gender', zh: '性别' });
    case 'mobility-scope':
      return readEnum(SCOPE, cell, { en: 'a mobility scope', zh: '外出范围' });
    case 'vetting-status':
      return readEnum(VETTING, cell, { en: 'a vetting status', zh: '审核状态' });
    case 'pay-kind':
      return readEnum(PAY_KIND, cell, { en: 'a pay kind', zh: '计酬方式' });
    case 'group-rule':
      return readEnum(GROUP_RULE, cell, { en: 'a group rule', zh: '成组规则' });
    case 'group-kind':
      return readEnum(GROUP_KIND, cell, { en: 'a group kind', zh: '组别' });
    case 'vetting-criteria':
      return readList(cell, (item) =>
        readEnum(CRITERIA, item, { en: 'a vetting criterion', zh: '审核标准' }),
      );
    case 'languages':
      return readList(cell, (item) => ok(LANGUAGES.read.get(normaliseName(item)) ?? item));
    case 'destinations':
      return readList(cell, (item) => readDestination(item, ctx));
    case 'certificate-ids':
      return readList(cell, (item) => ok(lookup(names.certificates, item)));
    case 'site': {
      if (/^\d+$/.test(cell)) {
        if (cell.length === 9) return ok({ kind: 'town', town: cell });
        if (cell.length === 6) return ok({ kind: 'county', county: cell });
        return fail(
          'expected a nine-digit town code, a six-digit county code or a park',
          '应为九位镇街代码、六位县级代码或园区',
        );
      }
      return ok({ kind: 'park', park: lookup(names.parks, cell) });
    }
    case 'held-skills':
      return readList(cell, (item) => {
        const [skill = '', level, certified, ...rest] = parts(item);
        const bad = tooMany(rest, 0, 'skill:level:certified');
        if (bad) return bad;
        if (skill === '' || level === undefined || level === '')
          return fail('expected skill:level[:certified]', '格式应为 技能:等级[:是否持证]');
        const l = readLevel(level);
        if (!l.ok) return l;
        const c = readOptional(certified, readBoolean);
        if (!c.ok) return c;
        return ok({ skill: lookup(names.skills, skill), level: l.value, certified: c.value ?? false });
      });
    case 'skill-requirements':
      return readList(cell, (item) => {
        const [skill = '', level, ...rest] = parts(item);
        const bad = tooMany(rest, 0, 'skill[:least level]');
        if (bad) return bad;
        if (skill === '') return fail('expected skill[:least level]', '格式应为 技能[:最低等级]');
        const l = readOptional(level, readLevel);
        if (!l.ok) return l;
        return ok(compact({ skill: lookup(names.skills, skill), minLevel: l.value }));
      });
    case 'held-certificates':
      return readList(cell, (item) => {
        const [certificate = '', issuedOn, validUntil, ...rest] = parts(item);
        const bad = tooMany(rest, 0, 'certificate[:issued on[:valid until]]');
        if (bad) return bad;
        if (certificate === '')
          return fail(
            'expected certificate[:issued on[:valid until]]',
            '格式应为 证书[:发证日期[:有效期至]]',
          );
        const i = readOptional(issuedOn, readDate);
        if (!i.ok) return i;
        const v = readOptional(validUntil, readDate);
        if (!v.ok) return v;
        return ok(
          compact({
            certificate: lookup(names.certificates, certificate),
            issuedOn: i.value,
            validUntil: v.value,
          }),
        );
      });
    case 'trainings':
      return readList(cell, (item) => {
        const [course = '', completedOn, skill, level, ...rest] = parts(item);
        const bad = tooMany(rest, 0, 'course:completed on[:grants skill[:level]]');
        if (bad) return bad;
        if (course === '' || completedOn === undefined || completedOn === '') {
          return fail(
            'expected course:completed on[:grants skill[:level]]',
            '格式应为 课程:结业日期[:所授技能[:等级]]',
          );
        }
        const d = readDate(completedOn);
        if (!d.ok) return d;
        const l = readOptional(level, readLevel);
        if (!l.ok) return l;
        const grantsSkill = skill === undefined || skill === '' ? undefined : lookup(names.skills, skill);
        return ok(
          compact({
            course: lookup(names.courses, course),
            completedOn: d.value,
            grantsSkill,
            grantsLevel: l.value,
          }),
        );
      });
    case 'workforce':
      return readList(cell, (item) => {
        const [county = '', count, ...rest] = parts(item);
        const bad = tooMany(rest, 0, 'county:count');
        if (bad) return bad;
        if (county === '' || count === undefined) return fail('expected county:count', '格式应为 县:人数');
        const n = readInteger(count);
        return n.ok ? ok({ county, count: n.value }) : n;
      });
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

/** A list item's part that would be split on reading cannot be written. */
function part(value: unknown, where: string): string {
  const s = String(value);
  if (LIST_SEPARATOR.test(s) || PART_SEPARATOR.test(s) || s.trim() !== s) {
    throw new RangeError(
      `exportDatasetCsv: ${where} "${s}" holds a list separator (; ； 、 : ： or a line break) or outer spaces and cannot be written in a list cell`,
    );
  }
  return s;
}

function list(values: unknown, write: (item: never) => string): string {
  return (values as readonly never[]).map(write).join('; ');
}

function writeBoolean(value: boolean, ctx: CellContext): string {
  return ctx.language === 'zh' ? (value ? '是' : '否') : String(value);
}

function writeDestination(
  d: { kind: 'area'; area: string } | { kind: 'park'; park: string },
  ctx: CellContext,
): string {
  return d.kind === 'area'
    ? part(d.area, 'area')
    : part(named(namesOf(ctx.policy).parkZh, d.park, ctx), 'park');
}

/**
 * Writes a field's value as a cell; the inverse of {@link readCell}.
 *
 * @throws RangeError if a list item holds a separator and so could not be read back.
 */
export function writeCell(type: CsvCellType, value: unknown, ctx: CellContext): string {
  const names = namesOf(ctx.policy);
  switch (type) {
    case 'text':
    case 'county':
    case 'integer':
    case 'number':
    case 'date':
      return String(value);
    case 'boolean':
      return writeBoolean(value as boolean, ctx);
    case 'household':
      return writeEnum(HOUSEHOLD, value as 'registered', ctx);
    case 'gender':
      return writeEnum(GENDER, value as 'male', ctx);
    case 'mobility-scope':
      return writeEnum(SCOPE, value as 'anywhere', ctx);
    case 'vetting-status':
      return writeEnum(VETTING, value as 'approved', ctx);
    case 'pay-kind':
      return writeEnum(PAY_KIND, value as 'monthly', ctx);
    case 'group-rule':
      return writeEnum(GROUP_RULE, value as 'same-site', ctx);
    case 'group-kind':
      return writeEnum(GROUP_KIND, value as 'family', ctx);
    case 'vetting-criteria':
      return list(value, (c: 'good-pay') => writeEnum(CRITERIA, c, ctx));
    case 'languages':
      return list(value, (l: string) =>
        part(ctx.language === 'zh' ? (LANGUAGES.zh.get(l) ?? l) : l, 'language'),
      );
    case 'destinations':
      return list(value, (d: Parameters<typeof writeDestination>[0]) => writeDestination(d, ctx));
    case 'certificate-ids':
      return list(value, (c: string) => part(named(names.certificateZh, c, ctx), 'certificate'));
    case 'site': {
      const s = value as
        { kind: 'town'; town: string } | { kind: 'county'; county: string } | { kind: 'park'; park: string };
      return s.kind === 'town'
        ? s.town
        : s.kind === 'county'
          ? s.county
          : part(named(names.parkZh, s.park, ctx), 'park');
    }
    case 'held-skills':
      return list(value, (s: { skill: string; level: number; certified: boolean }) =>
        [part(named(names.skillZh, s.skill, ctx), 'skill'), s.level, writeBoolean(s.certified, ctx)].join(
          ':',
        ),
      );
    case 'skill-requirements':
      return list(value, (s: { skill: string; minLevel?: number }) => {
        const skill = part(named(names.skillZh, s.skill, ctx), 'skill');
        return s.minLevel === undefined ? skill : `${skill}:${s.minLevel}`;
      });
    case 'held-certificates':
      return list(value, (c: { certificate: string; issuedOn?: string; validUntil?: string }) => {
        const out = [
          part(named(names.certificateZh, c.certificate, ctx), 'certificate'),
          c.issuedOn ?? '',
          c.validUntil ?? '',
        ];
        while (out.length > 1 && out[out.length - 1] === '') out.pop();
        return out.join(':');
      });
    case 'trainings':
      return list(
        value,
        (t: { course: string; completedOn: string; grantsSkill?: string; grantsLevel?: number }) => {
          const skill =
            t.grantsSkill === undefined ? '' : part(named(names.skillZh, t.grantsSkill, ctx), 'skill');
          const out = [
            part(named(names.courseZh, t.course, ctx), 'course'),
            t.completedOn,
            skill,
            t.grantsLevel === undefined ? '' : String(t.grantsLevel),
          ];
          while (out.length > 2 && out[out.length - 1] === '') out.pop();
          return out.join(':');
        },
      );
    case 'workforce':
      return list(value, (w: { county: string; count: number }) => `${part(w.county, 'county')}:${w.count}`);
  }
}
