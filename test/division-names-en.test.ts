import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import process from 'node:process';
import fc from 'fast-check';
import { CHAR_READINGS, NAME_READINGS } from '../src/data/pinyin.js';
import { divisionNameEn, placeNameEn } from '../src/division-names-en.js';
import { divisionName, getTables } from '../src/divisions.js';
import { namerFor } from '../src/render.js';
import { dongguanPolicy } from '../src/policy/dongguan.js';
import type { TownCode } from '../src/types.js';

const t = getTables();
/** The code of a division by its Chinese name (one of that name in the table). */
const codeOf = (name: string): string => ALL.find((c) => divisionName(c) === name)!;
const ALL = [...t.provinces.keys(), ...t.prefectures.keys(), ...t.counties.keys(), ...t.towns.keys()];

describe('divisionNameEn', () => {
  it('names the partner regions and Dongguan towns as their English names do', () => {
    expect(divisionNameEn('530627')).toBe('Zhenxiong County');
    expect(divisionNameEn('5306')).toBe('Zhaotong City');
    expect(divisionNameEn('6229')).toBe('Linxia Hui Autonomous Prefecture');
    expect(divisionNameEn('622926')).toBe('Dongxiang Autonomous County');
    expect(divisionNameEn('622927')).toBe('Jishishan Bonan, Dongxiang and Salar Autonomous County');
    expect(divisionNameEn('4331')).toBe('Xiangxi Tujia and Miao Autonomous Prefecture');
    expect(divisionNameEn('433130')).toBe('Longshan County');
    expect(divisionNameEn('420322')).toBe('Yunxi County');
    expect(divisionNameEn('451228')).toBe("Du'an Yao Autonomous County");
    expect(divisionNameEn('659003')).toBe('Tumxuk City');
    expect(divisionNameEn('441900119')).toBe("Chang'an Town");
    expect(divisionNameEn('441900003')).toBe('Dongcheng Subdistrict');
    expect(divisionNameEn('441900126')).toBe('Machong Town');
    expect(divisionNameEn('441900401')).toBe('Songshan Lake');
  });
  it('reads characters as the place does, not as the dictionary does first', () => {
    const en = (name: string) => divisionNameEn(codeOf(name));
    expect(en('单县')).toBe('Shan County');
    expect(en('蔚县')).toBe('Yu County');
    expect(en('喀什市')).toBe('Kashi City');
    expect(en('郫都区')).toBe('Pidu District');
    expect(en('成都市')).toBe('Chengdu City');
    expect(en('番禺区')).toBe('Panyu District');
    expect(en('六安市')).toBe("Lu'an City");
    expect(en('长子县')).toBe('Zhangzi County');
    expect(en('长治市')).toBe('Changzhi City');
  });
  it('gives provinces, municipalities, regions, banners and zones their kind in English', () => {
    expect(divisionNameEn('11')).toBe('Beijing Municipality');
    expect(divisionNameEn('44')).toBe('Guangdong Province');
    expect(divisionNameEn('61')).toBe('Shaanxi Province');
    expect(divisionNameEn('14')).toBe('Shanxi Province');
    expect(divisionNameEn('45')).toBe('Guangxi Zhuang Autonomous Region');
    expect(divisionNameEn('65')).toBe('Xinjiang Uygur Autonomous Region');
    expect(divisionNameEn('150521')).toBe("Ke'erqin Left Wing Middle Banner");
    expect(divisionNameEn('150723')).toBe('Oroqen Autonomous Banner');
    expect(divisionNameEn(codeOf('河北沧州经济开发区'))).toBe('Hebei Cangzhou Economic Development Zone');
    expect(divisionNameEn(codeOf('唐山市汉沽管理区'))).toBe('Tangshan Hangu Administrative Zone');
    expect(divisionNameEn(codeOf('瀍河回族区'))).toBe('Chanhe Hui District');
    expect(divisionNameEn(codeOf('清新区'))).toBe('Qingxin District');
    expect(divisionNameEn(codeOf('碑林区'))).toBe('Beilin District');
    expect(divisionNameEn(codeOf('神农架林区'))).toBe('Shennongjia Forestry District');
    expect(divisionNameEn('4290')).toBe('County-level Divisions under the Province');
  });
  it('is undefined for a code not in the official table, as divisionName is', () => {
    expect(divisionNameEn('999999')).toBeUndefined();
    expect(divisionNameEn('')).toBeUndefined();
    expect(placeNameEn('999999')).toBe('999999');
  });
  it('names every division in the table in Latin letters with its kind, from readings of every character', () => {
    const chars = new Set([...CHAR_READINGS.matchAll(/[^a-zü]/gu)].map((m) => m[0]));
    for (const row of NAME_READINGS.split('|')) {
      const [name, syllables] = row.split(':');
      expect([...name!].length, row).toBe(syllables!.split(' ').length);
    }
    const seen = new Map<string, string>();
    for (const code of ALL) {
      const en = divisionNameEn(code)!;
      expect(en, code).toMatch(/^[A-Z][A-Za-zü' ,:-]*[a-z]$/u);
      for (const c of divisionName(code)!)
        expect(chars.has(c) || /[a-z]/u.test(c), `${code} ${c}`).toBe(true);
      seen.set(`${code.length}:${en}`, code);
    }
    // Distinct names within a prefecture stay distinct in English.
    const byPrefecture = new Map<string, Map<string, string>>();
    for (const code of t.counties.keys()) {
      const m = byPrefecture.get(code.slice(0, 4)) ?? new Map<string, string>();
      byPrefecture.set(code.slice(0, 4), m);
      const en = divisionNameEn(code)!;
      const other = m.get(en);
      if (other !== undefined)
        expect(divisionName(other), `${code} and ${other}: ${en}`).toBe(divisionName(code));
      m.set(en, code);
    }
  });
  it('puts the Chinese name after the English one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL), (code) => {
        expect(placeNameEn(code)).toBe(`${divisionNameEn(code)!} (${divisionName(code)!})`);
      }),
    );
  });
});

describe('English text', () => {
  it('names places in pinyin with the Chinese after them; Chinese text keeps the Chinese name', () => {
    expect(namerFor('en', dongguanPolicy).place('530627')).toBe('Zhenxiong County (镇雄县)');
    expect(namerFor('zh-CN', dongguanPolicy).place('530627')).toBe('镇雄县');
    expect(namerFor('en', dongguanPolicy).site({ kind: 'town', town: '441900116' as TownCode })).toBe(
      'Tangxia Town (塘厦镇)',
    );
  });
});

describe('the readings table', () => {
  it('is what scripts/gen-pinyin.mjs makes from the division names', () => {
    const made = execFileSync(process.execPath, ['scripts/gen-pinyin.mjs'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    expect(made).toBe(readFileSync('src/data/pinyin.ts', 'utf8'));
  });
});
