import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COUNTIES, DONGGUAN_TOWNS, PREFECTURES, PROVINCES } from '../src/data/divisions.js';
import {
  areaContains,
  countiesIn,
  countyByName,
  divisionName,
  dongguanTowns,
  isAreaCode,
  isCountyCode,
  isTownCode,
  lookupCounty,
  prefectureOf,
  provinceOf,
  unpackCounties,
} from '../src/divisions.js';

/** The reference tables sit beside the repository: `../shared/reference/divisions` from its root. */
const REFERENCE = fileURLToPath(new URL('../../shared/reference/divisions/', import.meta.url));
const HAVE_REFERENCE = existsSync(`${REFERENCE}areas.csv`);

/** Rows of a reference CSV as records keyed by the header; fields may be double-quoted. */
function readCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(`${REFERENCE}${file}`, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const split = (line: string): string[] => {
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') {
          field += '"';
          i++;
        } else if (c === '"') quoted = false;
        else field += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') {
        fields.push(field);
        field = '';
      } else field += c;
    }
    fields.push(field);
    return fields;
  };
  const keys = split(header!);
  return lines.map((line) => {
    const values = split(line);
    return Object.fromEntries(keys.map((k, i) => [k, values[i] ?? '']));
  });
}

/** The embedded table as code → name, in order. */
function embedded(packed: string | [string, string][]): [string, string][] {
  if (typeof packed !== 'string') return packed;
  return packed.split('|').map((row) => {
    const colon = row.indexOf(':');
    return [row.slice(0, colon), row.slice(colon + 1)];
  });
}

// CI has shared/ beside the clone; a clone elsewhere checks known codes instead, so it still asserts.
if (HAVE_REFERENCE) {
  describe('src/data/divisions.ts agrees with the reference tables row by row', () => {
    it.each([
      ['provinces.csv', PROVINCES],
      ['cities.csv', PREFECTURES],
      ['areas.csv', unpackCounties(COUNTIES)],
      ['dongguan-towns.csv', DONGGUAN_TOWNS],
    ])('%s', (file, packed) => {
      const reference = readCsv(file).map((row) => [row['code'], row['name']]);
      expect(reference.length).toBeGreaterThan(30);
      expect(embedded(packed)).toEqual(reference);
      for (const [code, name] of reference) expect(divisionName(code!)).toBe(name);
    });

    it('every county lies in the prefecture and province the reference names', () => {
      for (const row of readCsv('areas.csv')) {
        const info = lookupCounty(row['code']!);
        expect(info?.prefecture.code).toBe(row['cityCode']);
        expect(info?.province.code).toBe(row['provinceCode']);
        expect(isCountyCode(row['code']!)).toBe(true);
      }
    });

    it('every Dongguan town lies in Dongguan', () => {
      const towns = readCsv('dongguan-towns.csv');
      expect(dongguanTowns()).toEqual(towns.map((t) => t['code']));
      for (const t of towns) {
        expect(isTownCode(t['code']!)).toBe(true);
        expect(prefectureOf(t['code']!)).toBe(t['cityCode']);
        expect(provinceOf(t['code']!)).toBe(t['provinceCode']);
      }
    });
  });
} else {
  describe('known division codes (the reference tables are not beside this clone)', () => {
    it.each([
      ['62', '甘肃省'],
      ['53', '云南省'],
      ['4402', '韶关市'],
      ['4419', '东莞市'],
      ['5306', '昭通市'],
      ['6229', '临夏回族自治州'],
      ['530627', '镇雄县'],
      ['622926', '东乡族自治县'],
      ['433124', '花垣县'],
      ['420322', '郧西县'],
      ['659003', '图木舒克市'],
      ['441900116', '塘厦镇'],
      ['441900003', '东城街道'],
    ])('%s is %s', (code, name) => {
      expect(divisionName(code)).toBe(name);
      expect(isAreaCode(code)).toBe(true);
    });

    it('holds the whole tables', () => {
      expect(embedded(PROVINCES)).toHaveLength(31);
      expect(unpackCounties(COUNTIES)).toHaveLength(2978);
      expect(embedded(DONGGUAN_TOWNS)).toHaveLength(36);
    });
  });
}

describe('lookupCounty', () => {
  it('gives a county with its prefecture and province', () => {
    expect(lookupCounty('530627')).toEqual({
      code: '530627',
      name: '镇雄县',
      prefecture: { code: '5306', name: '昭通市' },
      province: { code: '53', name: '云南省' },
    });
    // A county-level city directly under the region (XPCC 3rd division).
    expect(lookupCounty('659003')).toMatchObject({
      name: '图木舒克市',
      prefecture: { code: '6590' },
      province: { code: '65', name: '新疆维吾尔自治区' },
    });
  });

  it.each([
    '',
    '5306',
    '53',
    '530699',
    '53062x',
    ' 530627',
    '530627 ',
    '5306270',
    '441900116',
    '５３０６２７',
    '-30627',
  ])('is undefined for %j', (code) => {
    expect(lookupCounty(code)).toBeUndefined();
  });
});

describe('isCountyCode, isTownCode, isAreaCode', () => {
  it.each([
    '',
    '000000',
    '530600',
    '53062',
    '5306270',
    'abcdef',
    '530627\n',
    '5306.2',
    '１２３４５６',
    '441900116',
  ])('isCountyCode(%j) is false', (code) => {
    expect(isCountyCode(code)).toBe(false);
  });

  it('accepts real county codes, Dongguan’s own county-level entry included', () => {
    for (const code of ['530627', '622926', '659003', '440232', '441900'])
      expect(isCountyCode(code)).toBe(true);
  });

  it('tells towns from other codes', () => {
    expect(isTownCode('441900116')).toBe(true);
    expect(isTownCode('441900999')).toBe(false);
    expect(isTownCode('530627')).toBe(false);
    expect(isTownCode('44190011')).toBe(false);
  });

  it('accepts codes of every level and nothing else', () => {
    for (const code of ['62', '4402', '530627', '441900116']) expect(isAreaCode(code)).toBe(true);
    for (const code of ['', '99', '4400', '999999', '53062', '5306271', '441900999', 'x', '4a02']) {
      expect(isAreaCode(code)).toBe(false);
    }
  });
});

describe('areaContains', () => {
  it('holds when the outer code is a prefix of the inner code', () => {
    expect(areaContains('5306', '530627')).toBe(true);
    expect(areaContains('53', '530627')).toBe(true);
    expect(areaContains('4419', '441900116')).toBe(true);
    expect(areaContains('530627', '530627')).toBe(true);
  });

  it('fails across areas and from the inside out', () => {
    expect(areaContains('530627', '5306')).toBe(false);
    expect(areaContains('4402', '441900116')).toBe(false);
    expect(areaContains('53', '622926')).toBe(false);
    expect(areaContains('5306', '')).toBe(false);
  });
});

describe('countiesIn', () => {
  it('lists the eleven counties and districts of Zhaotong', () => {
    expect(countiesIn('5306')).toEqual([
      '530602',
      '530621',
      '530622',
      '530623',
      '530624',
      '530625',
      '530626',
      '530627',
      '530628',
      '530629',
      '530681',
    ]);
  });

  it('is empty for an unknown prefix', () => {
    expect(countiesIn('99')).toEqual([]);
  });
});

describe('countyByName', () => {
  it('finds a county by its name, its short name, or with its prefecture and province in front', () => {
    for (const n of ['鲁甸县', '鲁甸', '昭通市鲁甸县', '云南省昭通市鲁甸县', ' 鲁甸县 '])
      expect(countyByName(n)).toEqual({ kind: 'found', code: '530621' });
    expect(countyByName('南京市鼓楼区')).toEqual({ kind: 'found', code: '320106' });
  });

  it('lists every county a shared name could mean, and the nearest names for an unknown one', () => {
    const shared = countyByName('鼓楼区');
    expect(shared.kind).toBe('ambiguous');
    if (shared.kind === 'ambiguous') {
      expect(shared.candidates.map((c) => c.code)).toContain('320106');
      expect(shared.candidates.length).toBeGreaterThan(1);
      for (const c of shared.candidates) expect(c.name).toBe('鼓楼区');
    }
    const unknown = countyByName('镇熊县');
    expect(unknown.kind).toBe('unknown');
    if (unknown.kind === 'unknown') expect(unknown.suggestions.map((c) => c.code)).toContain('530627');
    expect(countyByName('完全不是地名的文字')).toEqual({ kind: 'unknown', suggestions: [] });
  });
});
