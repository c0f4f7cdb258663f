import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportDatasetCsv } from '../../src/io/export.js';
import { importCsv } from '../../src/io/import.js';
import { generateSample } from '../../src/sample.js';
import { inputOf, withoutEmptyLists } from './helpers.js';

const headers = fc.constantFrom('zh' as const, 'en' as const);
const encoding = fc.constantFrom('utf-8-bom' as const, 'gb18030' as const);

/**
 * Free text as a spreadsheet cell may hold it: commas, quotes, line breaks, Chinese, formula
 * characters and apostrophes, no outer spaces.
 */
const cellText = fc
  .string({
    unit: fc.constantFrom(
      'a',
      'Z',
      '9',
      ',',
      '"',
      '\n',
      '\r\n',
      ';',
      ' ',
      '陈',
      '光',
      '明',
      '（',
      '·',
      '𠮷',
      '=',
      '+',
      '-',
      '@',
      "'",
      '\t',
    ),
    minLength: 1,
    maxLength: 12,
  })
  .map((s) => s.trim())
  .filter((s) => s !== '');

describe('export then import gives the same input', () => {
  it('for generated samples, in both header languages and both encodings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 15 }),
        headers,
        encoding,
        (seed, labourers, posts, h, e) => {
          const { asOf: _asOf, policy: _policy, ...tables } = generateSample({ seed, labourers, posts });
          const back = importCsv(exportDatasetCsv(tables, { headers: h, encoding: e }));
          expect(back.issues).toEqual([]);
          expect(inputOf(back)).toEqual(withoutEmptyLists(tables));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('for free-text names, titles and ids holding separators, quotes and line breaks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cellText, cellText), { minLength: 1, maxLength: 5 }),
        headers,
        encoding,
        (texts, h, e) => {
          const sample = generateSample({ seed: 1, labourers: texts.length, posts: texts.length });
          const labourers = sample.labourers.map((l, i) => ({
            ...l,
            id: `${texts[i]![0]}#${i}`,
            name: texts[i]![1],
          }));
          const posts = sample.posts.map((p, i) => ({ ...p, title: texts[i]![1] }));
          const tables = { labourers, employers: sample.employers, posts };
          const back = importCsv(exportDatasetCsv(tables, { headers: h, encoding: e }));
          expect(back.issues).toEqual([]);
          expect(inputOf(back)).toEqual(withoutEmptyLists(tables));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('for groups of any ids and members, one row per member, kinds given or not', () => {
    const group = fc.record(
      {
        members: fc.array(cellText, { minLength: 1, maxLength: 6 }),
        rule: fc.constantFrom('same-employer' as const, 'same-site' as const, 'same-post' as const),
        kind: fc.constantFrom('family' as const, 'fellow-villagers' as const, 'base' as const),
      },
      { requiredKeys: ['members', 'rule'] },
    );
    fc.assert(
      fc.property(
        fc
          .uniqueArray(cellText, { minLength: 1, maxLength: 5 })
          .chain((ids) => fc.tuple(...ids.map((id) => group.map((g) => ({ id, ...g }))))),
        headers,
        encoding,
        (groups, h, e) => {
          const tables = { labourers: [], employers: [], posts: [], groups };
          const back = importCsv(exportDatasetCsv(tables, { headers: h, encoding: e }));
          expect(back.issues).toEqual([]);
          expect(inputOf(back).groups).toEqual(groups);
        },
      ),
      { numRuns: 100 },
    );
  });
});
