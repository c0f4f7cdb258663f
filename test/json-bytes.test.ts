import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBangfuValidationError } from '../src/errors.js';
import { JsonSyntaxError, jsonPieces, lineAndColumn, parseJsonBytes } from '../src/internal/json-bytes.js';
import { parseJson, readDataset, readJson } from '../src/node.js';
import { parseDataset } from '../src/parse.js';
import { generateSample } from '../src/sample.js';
import { runs } from './helpers/runs.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/**
 * Are two parsed values the same: own keys in the same order, equal values (`Object.is` for
 * numbers), plain prototypes? (`toStrictEqual` compares the `constructor` property, which a
 * document may hold as data.)
 */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b))
    return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k, i) => k === kb[i] && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}

/** What `JSON.parse` makes of a text, or the fact that it refuses it. */
function native(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** What the byte reader makes of it: element by element, or (`whole`) as one text where it can. */
function ours(
  text: string,
  whole = false,
): { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError } {
  try {
    return { ok: true, value: parseJsonBytes(bytes(text), { wholeUpTo: whole ? Infinity : 0 }) };
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, error: e };
    throw e;
  }
}

/** JSON texts: values of any shape, compact or indented, with space around. */
const texts = fc
  .tuple(
    fc.jsonValue(),
    fc.constantFrom(0, 2, '\t'),
    fc.constantFrom('', ' ', '\n', '\r\n\t '),
    fc.constantFrom('', ' ', '\n'),
  )
  .map(([v, indent, before, after]) => `${before}${JSON.stringify(v, null, indent)}${after}`);

/** Documents shaped like datasets and plans: an object of arrays of records. */
const documents = fc
  .dictionary(
    fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'labourers', 'entries')),
    fc.oneof(fc.array(fc.jsonValue(), { maxLength: 6 }), fc.jsonValue()),
    { maxKeys: 5 },
  )
  .map((d) => JSON.stringify(d, null, 2));

describe('parseJsonBytes', () => {
  it('gives what JSON.parse gives for any JSON text', () => {
    fc.assert(
      fc.property(fc.oneof(texts, documents), fc.boolean(), (text, whole) => {
        const r = ours(text, whole);
        expect(r.ok).toBe(true);
        expect(r.ok && same(r.value, JSON.parse(text))).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });

  it('refuses exactly the texts JSON.parse refuses (JSON with one character inserted, deleted or cut off)', () => {
    const noise = fc.constantFrom(...'{}[],:"\\ \n\t01-+.eEtrufalsn\u0001\u007f好x'.split(''));
    const edited = fc
      .tuple(fc.oneof(texts, documents), fc.nat(), noise, fc.constantFrom('insert', 'delete', 'cut'))
      .map(([text, at, c, how]) => {
        const i = text.length === 0 ? 0 : at % (text.length + 1);
        if (how === 'insert') return text.slice(0, i) + c + text.slice(i);
        if (how === 'delete') return text.slice(0, i) + text.slice(i + 1);
        return text.slice(0, i);
      });
    fc.assert(
      fc.property(edited, fc.boolean(), (text, whole) => {
        const n = native(text);
        const r = ours(text, whole);
        expect(r.ok).toBe(n.ok);
        if (n.ok && r.ok) expect(same(r.value, n.value)).toBe(true);
        if (!r.ok) expect(r.error.offset).toBeLessThanOrEqual(bytes(text).length);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('keeps keys as own properties, the last of a repeated key winning in the first one’s place', () => {
    const text = '{"__proto__": [1], "a": 1, "constructor": {"x": 2}, "a": [2]}';
    const v = parseJsonBytes(bytes(text)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__', 'a', 'constructor']);
    expect(same(v, JSON.parse(text))).toBe(true);
    expect(v['a']).toEqual([2]);
  });

  it('ignores a byte-order mark and reads UTF-8 text', () => {
    const v = parseJsonBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('{"name": ["镇雄县"]}')]));
    expect(v).toEqual({ name: ['镇雄县'] });
  });

  it('says what is wrong, where, in English and Chinese', () => {
    const cases: [string, number, string, string][] = [
      ['{"a": 1,}', 8, 'unexpected "}", expected a key in quotes', '不应出现 "}"，应为带引号的键名'],
      ['[1, 2', 5, 'unexpected end of the text, expected , or ]', '文本意外结束，应为, 或 ]'],
      ['{"a": tru}', 9, 'unexpected "}", expected the value true', '不应出现 "}"，应为值 true'],
      ['{"a": "x\u0007"}', 8, 'a control character "\\u0007" in a string', '字符串中有控制字符 "\\u0007"'],
      ['{"a": "\\x"}', 7, 'an invalid escape in a string', '字符串中有无效的转义'],
      ['{"a": 01}', 7, 'unexpected "1", expected , or }', '不应出现 "1"，应为, 或 }'],
      ['{"a": -}', 6, 'an invalid number', '无效的数字'],
      ['{"a": "b', 8, 'a string is not closed', '字符串没有结束引号'],
      ['{} {}', 3, 'unexpected "{", expected the end of the text', '不应出现 "{"，应为文本结束'],
      ['{"名": 好}', 8, 'unexpected "好", expected a value', '不应出现 "好"，应为一个值'],
    ];
    for (const [[text, offset, what, whatZh], whole] of cases.flatMap((c) => [
      [c, false] as const,
      [c, true] as const,
    ])) {
      const r = ours(text, whole);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect({ text, whole, offset: r.error.offset, what: r.error.what, whatZh: r.error.whatZh }).toEqual({
        text,
        whole,
        offset,
        what,
        whatZh,
      });
    }
  });

  it('gives lines and columns in characters', () => {
    const b = bytes('{\n  "名称": ]\n}');
    expect(lineAndColumn(b, 0)).toEqual({ line: 1, column: 1 });
    // "名称" is 6 bytes but 2 characters: the ] is the 9th character of line 2.
    expect(lineAndColumn(b, b.indexOf(0x5d))).toEqual({ line: 2, column: 9 });
    expect(lineAndColumn(b, b.length)).toEqual({ line: 3, column: 2 });
  });

  it('nests as deep as the text does without running out of stack', () => {
    const deep = `{"a": [${'['.repeat(20000)}${']'.repeat(20000)}]}`;
    expect(ours(deep).ok).toBe(true);
    expect(ours(deep, true).ok).toBe(true);
    expect(ours(`{"a": [${'['.repeat(20000)}${']'.repeat(19999)}]}`).ok).toBe(false);
  });
});

describe('jsonPieces', () => {
  it('writes exactly JSON.stringify(value, null, 2) and a newline', () => {
    const values = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(fc.string(), fc.oneof(fc.array(fc.jsonValue()), fc.jsonValue(), fc.constant(undefined))),
      fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined))),
    );
    fc.assert(
      fc.property(values, (v) => {
        expect([...jsonPieces(v)].join('')).toBe(`${JSON.stringify(v, null, 2)}\n`);
      }),
      { numRuns: runs(300) },
    );
  });

  it('writes a large array in pieces of about a megabyte, and reads back', () => {
    const value = {
      asOf: '2026-03-01',
      rows: Array.from({ length: 30000 }, (_, i) => ({ id: `w${i}`, name: '杨婷' })),
    };
    const pieces = [...jsonPieces(value)];
    expect(pieces.length).toBeGreaterThan(1);
    // About a megabyte each: a piece ends with the first run that takes it past 1 MB.
    for (const p of pieces) expect(p.length).toBeLessThan(2 << 20);
    const text = pieces.join('');
    expect(text).toBe(`${JSON.stringify(value, null, 2)}\n`);
    expect(parseJsonBytes(bytes(text))).toEqual(value);
  });

  it('writes long arrays of any elements (holes, nested arrays, empty ones) run by run as one text would be', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined), fc.constant([])), {
          minLength: 100,
          maxLength: 3000,
        }),
        fc.boolean(),
        (items, member) => {
          const v = member ? { a: 1, items, b: [] } : items;
          expect([...jsonPieces(v)].join('')).toBe(`${JSON.stringify(v, null, 2)}\n`);
        },
      ),
      { numRuns: runs(20) },
    );
  });

  it('refuses a value with no JSON text', () => {
    expect(() => [...jsonPieces(undefined)]).toThrow(TypeError);
  });
});

describe('reading JSON files (bangfu/node)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bangfu-json-'));

  it('a sample dataset written in pieces is read back to the same dataset', () => {
    const input = generateSample({ labourers: 200, posts: 40, seed: 11 });
    const path = join(dir, 'd.json');
    writeFileSync(path, [...jsonPieces(input)].join(''));
    expect(same(readJson(path), JSON.parse(JSON.stringify(input)))).toBe(true);
    expect(readDataset(path)).toEqual(parseDataset(input));
  });

  it('a file that is not JSON is refused with the line and column, in both languages', () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, '{\n  "labourers": [\n    {"id": "w1",}\n  ]\n}');
    let caught: unknown;
    try {
      readJson(path);
    } catch (e) {
      caught = e;
    }
    expect(isBangfuValidationError(caught)).toBe(true);
    if (!isBangfuValidationError(caught)) return;
    expect(caught.issues).toEqual([
      {
        path: '',
        code: 'invalid-json',
        message: `expected a JSON document in ${path}: unexpected "}", expected a key in quotes at line 3, column 17`,
        messageZh: `${path} 应为 JSON 文档：第 3 行第 17 列不应出现 "}"，应为带引号的键名`,
      },
    ]);
  });

  it('parseJson tells the same for text', () => {
    let caught: unknown;
    try {
      parseJson('[1,\n 2,,]', 'x.json');
    } catch (e) {
      caught = e;
    }
    expect(isBangfuValidationError(caught) && caught.issues[0]!.message).toBe(
      'expected a JSON document in x.json: unexpected ",", expected a value at line 2, column 4',
    );
    expect(parseJson('\ufeff{"a":1}')).toEqual({ a: 1 });
  });
});
