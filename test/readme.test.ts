import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

/** Where each entry point's source is, for the README's code run inside the repository. */
const ENTRY_SOURCES: Readonly<Record<string, string>> = {
  bangfu: '../src/index.js',
  'bangfu/sample': '../src/entries/sample.js',
  'bangfu/csv': '../src/entries/csv.js',
  'bangfu/report': '../src/entries/report.js',
  'bangfu/node': '../src/node.js',
  'bangfu/text': '../src/entries/text.js',
  'bangfu/advice': '../src/entries/advice.js',
  'bangfu/outcomes': '../src/entries/outcomes.js',
  'bangfu/schema': '../src/entries/schema.js',
};

const tmp = join(import.meta.dirname, '.readme-first.tmp.ts');
afterAll(() => rmSync(tmp, { force: true }));

describe('README', () => {
  it('the first example runs and prints what the README says it prints (… stands for any text)', async () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const lines = block!.split('\n');
    const at = lines.findIndex((l) => l.startsWith('//=>'));
    expect(at).toBeGreaterThan(0);
    const code = lines
      .slice(0, at)
      .join('\n')
      .replace(/from '(bangfu[^']*)'/g, (_, entry: string) => {
        expect(ENTRY_SOURCES[entry]).toBeDefined();
        return `from '${ENTRY_SOURCES[entry]!}'`;
      });
    const expected = lines
      .slice(at)
      .filter((l) => l.startsWith('//'))
      .map((l) => l.replace(/^\/\/(=>| {2}) ?/, ''));
    writeFileSync(tmp, code);
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      printed.push(args.map(String).join(' '));
    });
    try {
      await import(tmp);
    } finally {
      log.mockRestore();
    }
    const actual = printed.join('\n').split('\n');
    expect(actual).toHaveLength(expected.length);
    expected.forEach((line, i) => {
      const pattern = new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/…/g, '.*')}$`);
      expect({ line: i + 1, text: actual[i] }).toEqual({ line: i + 1, text: expect.stringMatching(pattern) });
    });
  });
});
