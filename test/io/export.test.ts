import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportDatasetCsv, writeCsv } from '../../src/io/export.js';
import { importCsv } from '../../src/io/import.js';
import { decodeCsvBytes } from '../../src/io/encoding.js';
import { parseDataset } from '../../src/parse.js';
import { generateSample } from '../../src/sample.js';
import { EXAMPLE_AS_OF, EXAMPLE_INPUT } from './examples.js';
import { inputOf, withoutEmptyLists } from './helpers.js';

const text = (bytes: Uint8Array) => decodeCsvBytes(bytes).text;

describe('writeCsv', () => {
  it('writes a BOM, CRLF line ends and quotes only where needed', () => {
    const bytes = writeCsv(
      [
        { a: 1, b: 'x,y', c: 'say "hi"' },
        { a: true, b: 'two\nlines', c: ' padded ' },
        { a: undefined, b: null, c: '' },
      ],
      [
        { key: 'a', header: 'A' },
        { key: 'b', header: '乙' },
        { key: 'c', header: 'C' },
      ],
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text(bytes)).toBe('A,乙,C\r\n1,"x,y","say ""hi"""\r\ntrue,"two\nlines"," padded "\r\n,,\r\n');
  });

  it('writes GB18030 without a BOM', () => {
    const bytes = writeCsv([{ a: '陈' }], [{ key: 'a', header: '姓名' }], { encoding: 'gb18030' });
    expect([...bytes]).toEqual([0xd0, 0xd5, 0xc3, 0xfb, 0x0d, 0x0a, 0xb3, 0xc2, 0x0d, 0x0a]);
  });
});

describe('exportDatasetCsv', () => {
  it('writes Chinese headers and labels by default, English field names and codes on request', () => {
    const zh = text(exportDatasetCsv(EXAMPLE_INPUT).labourers).split('\r\n');
    expect(zh[0]).toMatch(/^编号,姓名,户籍类型,户籍县代码,出生日期,/);
    expect(zh[1]).toContain('ZX-2026-001,陈光明,脱贫户,530627,1994-05-12,男,,电子产品装配:5:是');
    const en = text(exportDatasetCsv(EXAMPLE_INPUT, { headers: 'en' }).labourers).split('\r\n');
    expect(en[0]).toMatch(/^id,name,household,originCounty,birthDate,/);
    expect(en[1]).toContain(
      'ZX-2026-001,陈光明,registered,530627,1994-05-12,male,,electronics-assembly:5:true',
    );
  });

  it('writes the groups one row per member, in Chinese or as codes', () => {
    expect(text(exportDatasetCsv(EXAMPLE_INPUT).groups).split('\r\n')).toEqual([
      '组编号,成员编号,安置要求,组类型',
      'ZX-F01,ZX-2026-001,同一工作地,家庭',
      'ZX-F01,ZX-2026-002,同一工作地,家庭',
      'LX-V01,DX-2026-004,同一企业,老乡',
      'LX-V01,JSS-2026-008,同一企业,老乡',
      '',
    ]);
    const en = exportDatasetCsv(
      { ...EXAMPLE_INPUT, groups: [{ id: 'g', members: ['a', 'b'], rule: 'same-post' }] },
      { headers: 'en' },
    );
    expect(text(en.groups)).toBe('id,member,rule,kind\r\ng,a,same-post,\r\ng,b,same-post,\r\n');
    // Without groups: the blank template.
    expect(text(exportDatasetCsv({ labourers: [], employers: [], posts: [] }).groups).trimEnd()).toBe(
      '组编号,成员编号,安置要求,组类型',
    );
  });

  it('refuses a group without members rather than drop it', () => {
    const input = { ...EXAMPLE_INPUT, groups: [{ id: 'g', members: [], rule: 'same-site' as const }] };
    expect(() => exportDatasetCsv(input)).toThrow(/exportDatasetCsv: group "g" has no members/);
  });

  it('refuses a list item that holds a separator', () => {
    const input = {
      ...EXAMPLE_INPUT,
      labourers: [
        { ...EXAMPLE_INPUT.labourers[2]!, trainings: [{ course: '电工; 焊工', completedOn: '2025-01-01' }] },
      ],
    };
    expect(() => exportDatasetCsv(input)).toThrow(/exportDatasetCsv: course "电工; 焊工"/);
  });

  for (const headers of ['zh', 'en'] as const) {
    for (const encoding of ['utf-8-bom', 'gb18030'] as const) {
      it(`round-trips the example set with ${headers} headers in ${encoding}`, () => {
        const files = exportDatasetCsv(EXAMPLE_INPUT, { headers, encoding });
        const back = importCsv(files);
        expect(back.issues).toEqual([]);
        expect(inputOf(back)).toEqual(withoutEmptyLists(EXAMPLE_INPUT));
        expect(back.files.labourers?.encoding).toBe(encoding === 'gb18030' ? 'gb18030' : 'utf-8');
      });

      it(`round-trips a generated sample with ${headers} headers in ${encoding}`, () => {
        const sample = generateSample({ labourers: 60, posts: 30, seed: 7 });
        const { asOf: _asOf, policy: _policy, ...tables } = sample;
        const back = importCsv(exportDatasetCsv(sample, { headers, encoding }));
        expect(back.issues).toEqual([]);
        expect(inputOf(back)).toEqual(withoutEmptyLists(tables));
      });
    }
  }
});

describe('examples/csv', () => {
  const file = (name: string) =>
    new Uint8Array(readFileSync(new URL(`../../examples/csv/${name}`, import.meta.url)));

  it('are what test/io/write-examples.ts writes from test/io/examples.ts', () => {
    const utf8 = exportDatasetCsv(EXAMPLE_INPUT);
    expect(file('labourers.csv')).toEqual(utf8.labourers);
    expect(file('employers.csv')).toEqual(utf8.employers);
    expect(file('posts.csv')).toEqual(utf8.posts);
    expect(file('groups.csv')).toEqual(utf8.groups);
    expect(file('labourers.gbk.csv')).toEqual(
      exportDatasetCsv(EXAMPLE_INPUT, { encoding: 'gb18030' }).labourers,
    );
  });

  it('labourers.gbk.csv is plain GBK: a GBK decoder reads the same text as the UTF-8 file', () => {
    expect(new TextDecoder('gbk').decode(file('labourers.gbk.csv'))).toBe(text(file('labourers.csv')));
  });

  it('import without issues and pass parseDataset', () => {
    for (const labourers of ['labourers.csv', 'labourers.gbk.csv']) {
      const imported = importCsv(
        {
          labourers: file(labourers),
          employers: file('employers.csv'),
          posts: file('posts.csv'),
          groups: file('groups.csv'),
        },
        { asOf: EXAMPLE_AS_OF },
      );
      expect(imported.issues).toEqual([]);
      expect(imported.files).toMatchObject({
        labourers: { read: 8, imported: 8 },
        employers: { read: 4, imported: 4 },
        posts: { read: 6, imported: 6 },
        groups: {
          read: 4,
          imported: 4,
          rows: [2, 4],
          memberRows: [
            [2, 3],
            [4, 5],
          ],
        },
      });
      const dataset = parseDataset(inputOf(imported));
      expect(dataset.labourers.map((l) => l.id)).toEqual(EXAMPLE_INPUT.labourers.map((l) => l.id));
      expect(dataset.posts).toHaveLength(6);
      expect(dataset.groups).toEqual(EXAMPLE_INPUT.groups);
    }
  });
});
