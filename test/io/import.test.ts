import { describe, expect, it } from 'vitest';
import { BangfuValidationError } from '../../src/errors.js';
import { EMPLOYER_COLUMNS, LABOURER_COLUMNS, POST_COLUMNS, CSV_COLUMNS } from '../../src/io/columns.js';
import { exportDatasetCsv } from '../../src/io/export.js';
import { importCsv, importCsvOrThrow, locateCsvIssues } from '../../src/io/import.js';
import { generateSample } from '../../src/sample.js';
import { normaliseHeader } from '../../src/io/columns.js';
import { safeParseDataset } from '../../src/parse.js';

const ZH_HEAD = '编号,户籍类型,户籍县代码,出生日期,最低期望月薪,期望月薪,流动意愿';
const ZH_ROW = 'w1,脱贫户,530627,1995-06-15,3000,4500,不限';
const MINIMAL = {
  id: 'w1',
  household: 'registered',
  originCounty: '530627',
  birthDate: '1995-06-15',
  pay: { minMonthly: 3000, targetMonthly: 4500 },
  mobility: { scope: 'anywhere' },
};

function labourers(csv: string) {
  return importCsv({ labourers: csv }, { partial: true });
}

describe('column tables', () => {
  it('accept no header twice within a table', () => {
    for (const columns of Object.values(CSV_COLUMNS)) {
      const seen = new Map<string, string>();
      for (const c of columns) {
        for (const h of new Set([c.key, c.header, ...c.aliases].map(normaliseHeader))) {
          expect(seen.get(h), `${h} names ${c.key} and ${seen.get(h)}`).toBeUndefined();
          seen.set(h, c.key);
        }
      }
    }
  });

  it('cover the fields of labourers, employers and posts', () => {
    expect(LABOURER_COLUMNS.map((c) => c.key)).toContain('mobility.refused');
    expect(EMPLOYER_COLUMNS.map((c) => c.key)).toContain('trackRecord.retainedSixMonths');
    expect(POST_COLUMNS.map((c) => c.key)).toContain('pay.guaranteedMonthly');
  });
});

describe('importCsv headers', () => {
  it('maps Chinese headers', () => {
    expect(labourers(`${ZH_HEAD}\n${ZH_ROW}`)).toMatchObject({
      issues: [],
      input: { labourers: [MINIMAL], employers: [], posts: [] },
    });
  });

  it('maps English field names, dotted, camel-cased or flat aliases', () => {
    const csv =
      'id,household,originCounty,birthDate,pay.minMonthly,payTarget,mobility_scope\nw1,registered,530627,1995-06-15,3000,4500,anywhere';
    expect(labourers(csv)).toMatchObject({
      issues: [],
      input: { labourers: [MINIMAL] },
      files: { labourers: { language: 'en' } },
    });
  });

  it('maps aliases, required marks and unit notes: 人员编号, 户类型, *出生日期, 最低期望月薪（元）', () => {
    const csv =
      '人员编号,户类型,户籍地代码,*出生日期,最低期望月薪（元）,期望月薪,流动意愿\nw1,建档立卡,530627,1995/6/15,"3,000",4500元,不限';
    expect(labourers(csv)).toMatchObject({ issues: [], input: { labourers: [MINIMAL] } });
  });

  it('reports an unknown header at row 1 and still imports the rows', () => {
    const r = labourers(`${ZH_HEAD},备注\n${ZH_ROW},无`);
    expect(r.issues).toEqual([
      expect.objectContaining({ path: 'labourers.csv:row 1:备注', code: 'unknown-header' }),
    ]);
    expect(r.input.labourers).toHaveLength(1);
  });

  it('ignores a blank header over a blank column (a trailing comma)', () => {
    expect(labourers(`${ZH_HEAD},\n${ZH_ROW},`).issues).toEqual([]);
  });

  it('reports a missing required header and imports no row of that file', () => {
    const r = importCsv(
      {
        labourers: '编号,户籍类型,户籍县代码,最低期望月薪,期望月薪,流动意愿\nw1,脱贫户,530627,3000,4500,不限',
      },
      { fileNames: { labourers: '劳动力.csv' }, partial: true },
    );
    expect(r.issues).toEqual([
      expect.objectContaining({ path: '劳动力.csv:row 1:出生日期', code: 'missing-header' }),
    ]);
    expect(r.files.labourers).toMatchObject({ read: 1, imported: 0 });
  });

  it('reports two headers naming one field', () => {
    const r = labourers(`${ZH_HEAD},人员编号\n${ZH_ROW},w2`);
    expect(r.issues).toEqual([
      expect.objectContaining({ path: 'labourers.csv:row 1:人员编号', code: 'duplicate-header' }),
    ]);
    expect(r.input.labourers).toEqual([MINIMAL]);
  });

  it('reports an empty file', () => {
    expect(labourers('\n\n').issues).toEqual([
      expect.objectContaining({ path: 'labourers.csv', code: 'empty-file' }),
    ]);
  });
});

describe('importCsv rows', () => {
  it('reports a bad value with its file, spreadsheet row and header, and leaves the row out', () => {
    const csv = [
      ZH_HEAD,
      ZH_ROW,
      'w2,脱贫户,530627,1995-02-30,3000,4500,不限',
      'w3,贫困户,530627,1995-06-15,3千,4500,本县',
    ].join('\n');
    const r = labourers(csv);
    expect(r.issues).toEqual([
      expect.objectContaining({
        path: 'labourers.csv:row 3:出生日期',
        code: 'bad-value',
        value: '1995-02-30',
      }),
      expect.objectContaining({ path: 'labourers.csv:row 4:户籍类型', code: 'bad-value', value: '贫困户' }),
      expect.objectContaining({ path: 'labourers.csv:row 4:最低期望月薪', code: 'bad-value', value: '3千' }),
    ]);
    expect(r.files.labourers).toMatchObject({ read: 3, imported: 1, rows: [2] });
  });

  it('reports a missing required value', () => {
    const r = labourers(`${ZH_HEAD}\nw1,脱贫户,,1995-06-15,3000,4500,不限`);
    expect(r.issues).toEqual([
      expect.objectContaining({ path: 'labourers.csv:row 2:户籍县代码', code: 'missing-value' }),
    ]);
  });

  it('reports ragged rows (too few cells, or extra non-empty cells) but accepts extra empty cells', () => {
    const csv = [ZH_HEAD, 'w1,脱贫户,530627,1995-06-15,3000,4500', `${ZH_ROW},x`, `${ZH_ROW},,`].join('\r\n');
    const r = labourers(csv);
    expect(r.issues).toEqual([
      expect.objectContaining({ path: 'labourers.csv:row 2', code: 'ragged-row', value: 6 }),
      expect.objectContaining({ path: 'labourers.csv:row 3', code: 'ragged-row', value: 8 }),
    ]);
    expect(r.files.labourers).toMatchObject({ read: 3, imported: 1, rows: [4] });
  });

  it('keeps commas, quotes and line breaks inside quoted cells, counting rows as a spreadsheet does', () => {
    const csv = `编号,姓名,户籍类型,户籍县代码,出生日期,最低期望月薪,期望月薪,流动意愿,技能\nw1,"陈,""光明""\n二",脱贫户,530627,1995-06-15,3000,4500,不限,"电子产品装配:5:是\n叉车驾驶:4"\nw2,李,脱贫户,530627,1995-06-15,3000,4500,不限,bad`;
    const r = labourers(csv);
    expect(r.input.labourers[0]).toMatchObject({
      name: '陈,"光明"\n二',
      skills: [
        { skill: 'electronics-assembly', level: 5, certified: true },
        { skill: 'forklift-driving', level: 4, certified: false },
      ],
    });
    expect(r.issues).toEqual([
      expect.objectContaining({ path: 'labourers.csv:row 3:技能', code: 'bad-value' }),
    ]);
  });

  it('reports an unclosed quote', () => {
    const r = labourers(`${ZH_HEAD}\n${ZH_ROW}\nw2,"脱贫户,530627,1995-06-15,3000,4500,不限`);
    expect(r.issues).toEqual([expect.objectContaining({ path: 'labourers.csv:row 3', code: 'bad-quoting' })]);
    expect(r.files.labourers).toMatchObject({ read: 2, imported: 1 });
  });

  it('skips empty rows without counting them, keeping spreadsheet row numbers', () => {
    const r = labourers(`${ZH_HEAD}\n\n,,,,,,\n${ZH_ROW.replace('1995-06-15', 'x')}`);
    expect(r.issues).toEqual([expect.objectContaining({ path: 'labourers.csv:row 4:出生日期' })]);
    expect(r.files.labourers).toMatchObject({ read: 1 });
  });

  it('reads every kind of labourer cell', () => {
    const head = `${ZH_HEAD},性别,干部岗位,技能,证书,培训,偏好地区,拒绝地区,需要宿舍,无法离家,语言,可到岗日期`;
    const row = `${ZH_ROW},女,否,缝纫机操作:中级工:是,健康证::2026-12-31,缝纫工培训：2025年6月30日：缝纫机操作：5,4419；guanshao、莞韶产业园,441900119,有,无,普通话、彝语、yue,20260315`;
    expect(labourers(`${head}\n${row}`)).toMatchObject({
      issues: [],
      input: {
        labourers: [
          {
            ...MINIMAL,
            gender: 'female',
            cadre: false,
            skills: [{ skill: 'sewing-machine-operation', level: 4, certified: true }],
            certificates: [{ certificate: 'health-certificate', validUntil: '2026-12-31' }],
            trainings: [
              {
                course: 'sewing-machine',
                completedOn: '2025-06-30',
                grantsSkill: 'sewing-machine-operation',
                grantsLevel: 5,
              },
            ],
            mobility: {
              scope: 'anywhere',
              preferred: [
                { kind: 'area', area: '4419' },
                { kind: 'park', park: 'guanshao' },
                { kind: 'park', park: 'guanshao' },
              ],
              refused: [{ kind: 'area', area: '441900119' }],
            },
            needsDormitory: true,
            cannotLeaveHome: false,
            languages: ['zh', 'ii', 'yue'],
            availableFrom: '2026-03-15',
          },
        ],
      },
    });
  });

  it('keeps an unknown skill name as written, for parseDataset to report', () => {
    const r = labourers(`${ZH_HEAD},技能\n${ZH_ROW},吹玻璃:5:否`);
    expect(r.input.labourers[0]).toMatchObject({ skills: [{ skill: '吹玻璃', level: 5, certified: false }] });
  });

  it('checks pay columns against 计薪方式 and provisions against their costs', () => {
    const head =
      '岗位编号,企业编号,岗位名称,职业代码,工作地点,招聘人数,计薪方式,底薪,保底月薪,预期月薪,宿舍月费,合同月数,报名开始日期,报名截止日期';
    const r = importCsv(
      {
        posts: `${head}\np1,e1,普工,6-00-00-00,441900116,5,计件,2300,,5000,100,12,2026-01-01,2026-06-30`,
      },
      { partial: true },
    );
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([
      ['posts.csv:row 2:保底月薪', 'missing-value'],
      ['posts.csv:row 2:底薪', 'bad-value'],
      ['posts.csv:row 2:提供宿舍', 'missing-value'],
    ]);
  });

  it('requires both track-record counts or neither', () => {
    const head = '企业编号,企业名称,审核状态,审核日期,审核有效期至,历史安置人数';
    const r = importCsv({ employers: `${head}\ne1,某厂,通过,2025-01-01,2026-12-31,10` }, { partial: true });
    expect(r.issues).toEqual([
      expect.objectContaining({ path: 'employers.csv:row 2:六个月留存人数', code: 'missing-value' }),
    ]);
  });

  it('sets the as-of date when given', () => {
    expect(importCsv({}, { asOf: '2026-03-01', partial: true }).input).toEqual({
      asOf: '2026-03-01',
      labourers: [],
      employers: [],
      posts: [],
    });
  });
});

describe('importCsv groups', () => {
  const groups = (csv: string) => importCsv({ groups: csv }, { partial: true });

  it('folds one row per member into groups, in the order of their first rows', () => {
    const r = groups(
      [
        '组编号,成员编号,安置要求,组类型',
        'g1,w1,同一工作地,家庭',
        'g2,w3,同一企业,老乡',
        'g1,w2,同一工作地,家庭',
        '',
        'g2,w4,同一企业,',
      ].join('\n'),
    );
    expect(r.issues).toEqual([]);
    expect(r.input.groups).toEqual([
      { id: 'g1', members: ['w1', 'w2'], rule: 'same-site', kind: 'family' },
      { id: 'g2', members: ['w3', 'w4'], rule: 'same-employer', kind: 'fellow-villagers' },
    ]);
    expect(r.files.groups).toMatchObject({
      read: 4,
      imported: 4,
      rows: [2, 3],
      memberRows: [
        [2, 4],
        [3, 6],
      ],
    });
  });

  it('reads English headers and codes, aliases and other labels; the kind may be left out', () => {
    const r = groups('group,memberId,rule\nh,a,same-post\nh,b,同岗位');
    expect(r.issues).toEqual([]);
    expect(r.input.groups).toEqual([{ id: 'h', members: ['a', 'b'], rule: 'same-post' }]);
    expect(r.files.groups?.language).toBe('en');
    expect(groups('分组编号,人员编号,同行要求,类型\nh,a,同一单位,一家人').input.groups).toEqual([
      { id: 'h', members: ['a'], rule: 'same-employer', kind: 'family' },
    ]);
  });

  it('leaves groups absent with no groups file or no group row', () => {
    expect(importCsv({ labourers: `${ZH_HEAD}\n${ZH_ROW}` }, { partial: true }).input).not.toHaveProperty(
      'groups',
    );
    expect(groups('组编号,成员编号,安置要求,组类型\n').input).not.toHaveProperty('groups');
  });

  it('reports a rule or kind that contradicts an earlier row of the group, at its row and column', () => {
    const r = groups(
      ['组编号,成员编号,安置要求,组类型', 'g,a,同一企业,老乡', 'g,b,同一岗位,老乡', 'g,c,同一企业,家庭'].join(
        '\n',
      ),
    );
    expect(r.issues).toEqual([
      {
        path: 'groups.csv:row 3:安置要求',
        code: 'bad-value',
        message: 'group g has rule same-employer (row 2); a group has one rule',
        messageZh: '组 g 的规则是 same-employer（第 2 行）；一个组只有一种规则',
        value: 'same-post',
      },
      {
        path: 'groups.csv:row 4:组类型',
        code: 'bad-value',
        message: 'group g is of kind fellow-villagers (row 2); a group has one kind',
        messageZh: '组 g 的组别是 fellow-villagers（第 2 行）；一个组只有一种组别',
        value: 'family',
      },
    ]);
  });

  it('imports no group when any row of the file has a problem, so that none comes back short', () => {
    const r = groups(
      [
        '组编号,成员编号,安置要求,组类型',
        'g1,a,同一企业,',
        'g1,,同一企业,',
        'g2,c,同一城市,',
        'g3,d,同一岗位,',
      ].join('\n'),
    );
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([
      ['groups.csv:row 3:成员编号', 'missing-value'],
      ['groups.csv:row 4:安置要求', 'bad-value'],
    ]);
    expect(r.input).not.toHaveProperty('groups');
    expect(r.files.groups).toMatchObject({ read: 4, imported: 0, rows: [], memberRows: [] });
  });

  it('requires the id, member and rule columns', () => {
    const r = groups('组编号,成员编号\ng,a');
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([['groups.csv:row 1:安置要求', 'missing-header']]);
  });
});

describe('importCsvOrThrow', () => {
  it('throws BangfuValidationError with every issue', () => {
    let caught: unknown;
    try {
      importCsvOrThrow({ labourers: `${ZH_HEAD},生日\n${ZH_ROW},x` });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(BangfuValidationError);
    expect((caught as BangfuValidationError).issues).toEqual([
      expect.objectContaining({ path: 'labourers.csv:row 1:生日', code: 'unknown-header' }),
    ]);
  });

  it('returns the input when there is no issue', () => {
    expect(importCsvOrThrow({ labourers: `${ZH_HEAD}\n${ZH_ROW}` }).input.labourers).toEqual([MINIMAL]);
  });
});

describe('locateCsvIssues', () => {
  it("points parseDataset's issues at the spreadsheet row and column", () => {
    const csv = [
      `${ZH_HEAD},技能`,
      `${ZH_ROW},`,
      '',
      `w2,脱贫户,530627,1995-06-15,3000,4500,不限,吹玻璃:5`,
    ].join('\n');
    const imported = importCsv({ labourers: csv }, { asOf: '2026-03-01', partial: true });
    expect(imported.issues).toEqual([]);
    const parsed = safeParseDataset(imported.input);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(locateCsvIssues(parsed.issues, imported)).toEqual([
      expect.objectContaining({
        path: 'labourers.csv:row 4:技能',
        code: 'unknown-skill',
        message: expect.stringContaining('(labourers[1].skills[0].skill)'),
      }),
    ]);
  });

  it('points a group member at its own row of the groups file, the rest of a group at its first', () => {
    const imported = importCsv(
      {
        labourers: `${ZH_HEAD}\n${ZH_ROW}\nw2,脱贫户,530627,1995-06-15,3000,4500,不限`,
        groups: [
          '组编号,成员编号,安置要求',
          'g,w1,同一企业',
          'h,w2,同一企业',
          'g,w9,同一企业',
          'g,w2,同一企业',
        ].join('\n'),
      },
      { asOf: '2026-03-01', fileNames: { groups: '同行.csv' }, partial: true },
    );
    expect(imported.issues).toEqual([]);
    const parsed = safeParseDataset({
      ...imported.input,
      groups: [...imported.input.groups!, { id: 'h', members: ['w1'], rule: 'x' }],
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(locateCsvIssues(parsed.issues, imported).map((i) => [i.path, i.code])).toEqual([
      ['groups[2].rule', 'invalid-value'], // not from the file: left as it is
      ['同行.csv:row 4:成员编号', 'unknown-labourer'],
      ['同行.csv:row 3:成员编号', 'labourer-in-two-groups'], // h's w2: g (rows 2, 4, 5) took w2 first
    ]);
    const ids = locateCsvIssues(
      [{ path: 'groups[1].id', code: 'duplicate-id', message: 'expected a unique id' }],
      imported,
    );
    expect(ids[0]?.path).toBe('同行.csv:row 3:组编号');
  });
});

describe('a row that cannot be read', () => {
  const rows = [1, 2, 3, 4, 5].map(
    (i) => `w${i},脱贫户,530627,${i === 3 ? '1995-13-45' : '1995-06-15'},3000,4500,不限`,
  );
  const csv = `${ZH_HEAD}\n${rows.join('\n')}`;

  it('stops the import: nothing comes back but every problem, so no labourer is dropped unseen', () => {
    const r = importCsv({ labourers: csv });
    expect(r.success).toBe(false);
    expect(r).not.toHaveProperty('input');
    expect(r.issues).toEqual([
      expect.objectContaining({ path: 'labourers.csv:row 4:出生日期', code: 'bad-value' }),
    ]);
  });

  it('with partial: true, the other rows come back and the one left out is named and counted', () => {
    const r = importCsv({ labourers: csv }, { partial: true });
    expect(r.input.labourers.map((l) => (l as { id: string }).id)).toEqual(['w1', 'w2', 'w4', 'w5']);
    expect(r.skipped).toEqual({ labourers: 1 });
    expect(r.issues.map((i) => i.path)).toEqual(['labourers.csv:row 4:出生日期']);
  });
});

describe('headers a spreadsheet may hold', () => {
  it('suggests the column a near miss meant', () => {
    const r = importCsv({ labourers: `${ZH_HEAD.replace('出生日期', '出生年月')}\n${ZH_ROW}` });
    expect(r.success).toBe(false);
    expect(r.issues).toEqual([
      expect.objectContaining({
        path: 'labourers.csv:row 1:出生年月',
        code: 'unknown-header',
        message: expect.stringContaining('did you mean "出生日期"?'),
      }),
      expect.objectContaining({ code: 'missing-header' }),
    ]);
    const far = importCsv({ labourers: `${ZH_HEAD},完全无关的列\n${ZH_ROW},x` });
    expect(far.issues[0]!.message).not.toContain('did you mean');
  });

  it('refuses an extra column unless told to ignore extra columns, which the report then lists', () => {
    const csv = `${ZH_HEAD},备注\n${ZH_ROW},家里有老人`;
    const strict = importCsv({ labourers: csv });
    expect(strict.success).toBe(false);
    const lenient = importCsv({ labourers: csv }, { ignoreColumns: true });
    expect(lenient.success).toBe(true);
    if (lenient.success) {
      expect(lenient.input.labourers).toEqual([MINIMAL]);
      expect(lenient.files.labourers?.ignored).toEqual(['备注']);
    }
  });

  it('passes over blank headers over blank columns, and reports a blank header over data once', () => {
    const blanks = ','.repeat(300);
    const rows = Array.from(
      { length: 200 },
      (_, i) => `w${i},脱贫户,530627,1995-06-15,3000,4500,不限${blanks}`,
    );
    rows[7] = `${rows[7]!}x`;
    const r = importCsv({ labourers: `${ZH_HEAD}${blanks}\n${rows.join('\n')}` });
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([['labourers.csv:row 1:', 'unknown-header']]);
    const ok = importCsv({ labourers: `${ZH_HEAD}${blanks}\n${rows.filter((_, i) => i !== 7).join('\n')}` });
    expect(ok.success).toBe(true);
  });
});

describe('a birth date written as an 18-digit ID number', () => {
  // A made-up number with a right check digit: county 530627, born 1995-06-15.
  const id = (() => {
    const body = '53062719950615123';
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
    return body + '10X98765432'[sum % 11]!;
  })();

  it('gives the birth date, and the number is kept nowhere', () => {
    const r = importCsv({ labourers: `${ZH_HEAD}\n${ZH_ROW.replace('1995-06-15', id)}` });
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.input.labourers).toEqual([MINIMAL]);
    expect(JSON.stringify(r)).not.toContain(id);
  });

  it('in full-width digits too', () => {
    const wide = [...id]
      .map((c) => (/\d/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c))
      .join('');
    const r = importCsv({ labourers: `${ZH_HEAD}\n${ZH_ROW.replace('1995-06-15', wide)}` });
    expect(r.success).toBe(true);
  });

  it('with a wrong check digit is refused without showing the number', () => {
    const bad = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const r = importCsv({ labourers: `${ZH_HEAD}\n${ZH_ROW.replace('1995-06-15', bad)}` });
    expect(r.success).toBe(false);
    expect(r.issues).toEqual([
      expect.objectContaining({ path: 'labourers.csv:row 2:出生日期', code: 'bad-value' }),
    ]);
    expect(JSON.stringify(r.issues)).not.toContain(bad);
  });
});

describe('a county written by name', () => {
  const row = (county: string): string => ZH_ROW.replace('530627', county);

  it('is matched to its code: the name, the name without its ending, or with the prefecture in front', () => {
    for (const name of ['镇雄县', '镇雄', '昭通市镇雄县', '云南省昭通市镇雄县', '５３０６２７']) {
      const r = importCsv({ labourers: `${ZH_HEAD}\n${row(name)}` });
      expect(r.success ? r.input.labourers : r.issues).toEqual([MINIMAL]);
    }
  });

  it('shared by several counties, is refused with them listed; unknown, with the nearest names', () => {
    const shared = importCsv({ labourers: `${ZH_HEAD}\n${row('鼓楼区')}` });
    expect(shared.success).toBe(false);
    expect(shared.issues[0]!.message).toMatch(/鼓楼区 names \d+ counties: 鼓楼区 320106 \(江苏省南京市\)/);
    const near = importCsv({ labourers: `${ZH_HEAD}\n${row('镇熊县')}` });
    expect(near.success).toBe(false);
    expect(near.issues[0]!.message).toMatch(/did you mean .*镇雄县 530627 \(云南省昭通市\)/);
  });
});

describe('the delimiter', () => {
  it('is read off the header row: a sheet saved as tab-separated text, and tabs inside a quoted comma cell', () => {
    const tsv = importCsv({ labourers: `${ZH_HEAD.replaceAll(',', '\t')}\n${ZH_ROW.replaceAll(',', '\t')}` });
    expect(tsv.success ? tsv.input.labourers : tsv.issues).toEqual([MINIMAL]);
    // One labourer whose name holds tabs, written by the exporter (the cell is quoted).
    const sample = generateSample({ seed: 1, labourers: 1, posts: 1 });
    const named = { ...sample, labourers: [{ ...sample.labourers[0]!, name: 'a\t\t\ta' }] };
    const back = importCsv(exportDatasetCsv(named));
    expect(
      back.success ? back.input.labourers.map((l) => (l as { name?: string }).name) : back.issues,
    ).toEqual(['a\t\t\ta']);
  });
});

describe('importCsv messages', () => {
  it('tells every problem of a spreadsheet in Chinese too, with the same code', () => {
    const broken = [
      `${ZH_HEAD},备注\n${ZH_ROW},x`, // unknown header
      `${ZH_HEAD},人员编号\n${ZH_ROW},w2`, // two headers, one field
      '编号,户籍类型,户籍县代码,最低期望月薪,期望月薪,流动意愿\nw1,脱贫户,530627,3000,4500,不限', // missing header
      '\n\n', // empty
      `${ZH_HEAD}\nw1,贫困户,530627,1995-02-30,3千,4500,本县`, // bad enum, date, number
      `${ZH_HEAD}\nw1,脱贫户,,1995-06-15,3000,4500,不限`, // missing value
      `${ZH_HEAD}\nw1,脱贫户,530627,1995-06-15,3000,4500`, // ragged
      `${ZH_HEAD}\n${ZH_ROW}\nw2,"脱贫户,530627`, // bad quoting
      `${ZH_HEAD}\nw1,脱贫户,鼓楼区,1995-06-15,3000,4500,不限`, // ambiguous county name
      `${ZH_HEAD}\nw1,脱贫户,镇熊县,1995-06-15,3000,4500,不限`, // no such county, a suggestion
      `${ZH_HEAD}\nw1,脱贫户,530627,110101199513450012,3000,4500,不限`, // ID number without a date
      `${ZH_HEAD},技能\n${ZH_ROW},电子产品装配:9`, // bad item in a list
    ];
    let seen = 0;
    for (const csv of broken) {
      const r = labourers(csv);
      expect(r.issues.length, csv).toBeGreaterThan(0);
      for (const issue of r.issues) {
        seen++;
        expect(issue.messageZh, `${issue.code}: ${issue.message}`).toMatch(/[\u4e00-\u9fff]/);
        expect(issue.messageZh).not.toBe(issue.message);
      }
    }
    expect(seen).toBeGreaterThanOrEqual(broken.length);
    // A dataset problem pointed at its cell keeps both languages.
    const imported = importCsv({ labourers: `${ZH_HEAD}\nw1,脱贫户,530627,2030-01-01,3000,4500,不限` });
    const parsed = safeParseDataset(imported.success ? imported.input : {}, { asOf: '2026-03-01' });
    expect(parsed.success).toBe(false);
    const located = locateCsvIssues(parsed.success ? [] : parsed.issues, imported);
    expect(located).toEqual([
      expect.objectContaining({
        path: 'labourers.csv:row 2:出生日期',
        code: 'date-in-future',
        messageZh: '出生日期应不晚于基准日 2026-03-01（labourers[0].birthDate）',
      }),
    ]);
  });
});
