import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../src/sample.js';
import { runCli, type CliRun } from './helpers/cli.js';
import { validInput } from './helpers/valid-input.js';

const run = (...argv: string[]): Promise<CliRun> => runCli(argv);

let dir = '';
let good = '';
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text, 'utf8');
  return path;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bangfu-cli-'));
  good = file('good.json', JSON.stringify(generateSample({ labourers: 30, posts: 25, seed: 4 })));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bangfu validate', () => {
  it('says what a valid dataset holds and exits 0', async () => {
    const r = await run('validate', good, '--lang', 'en');
    expect(r).toEqual({
      code: 0,
      out: 'valid: 30 labourers, 5 employers, 25 posts, 1 group, as of 2026-03-01\n',
      err: '',
    });
    // Chinese by default, as every command.
    expect((await run('validate', good)).out).toBe(
      '有效：30 名劳动力，5 家用人单位，25 个岗位，1 个组，基准日 2026-03-01\n',
    );
  });

  it('lists every problem, path first, one per line, and exits 2', async () => {
    const input = generateSample({ labourers: 3, posts: 2, seed: 4 });
    const bad = {
      ...input,
      labourers: [{ ...input.labourers[0]!, originCounty: '999999' }, ...input.labourers.slice(1)],
      posts: [{ ...input.posts[0]!, openings: -1 }, ...input.posts.slice(1)],
    };
    const path = file('bad.json', JSON.stringify(bad));
    const r = await run('validate', path, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.some((l) => l.startsWith('labourers[0].originCounty: expected a known six-digit'))).toBe(
      true,
    );
    expect(lines.some((l) => l.startsWith('posts[0].openings: '))).toBe(true);
    // The same problems in Chinese (the default), with the same codes.
    const zh = await run('validate', path);
    expect(zh.code).toBe(2);
    const zhLines = zh.err.trimEnd().split('\n');
    expect(zhLines.map((l) => /\[([a-z-]+)\]$/.exec(l)?.[1])).toEqual(
      lines.map((l) => /\[([a-z-]+)\]$/.exec(l)?.[1]),
    );
    expect(zhLines).toContain(
      'labourers[0].originCounty：应为已知的六位县级区划代码（GB/T 2260，国家统计局 2023 年）（填写的是 "999999"） [unknown-county]',
    );
    expect(zhLines.some((l) => l.startsWith('posts[0].openings：应为 ≥ 0 的数'))).toBe(true);
  });

  it('refuses a file that is not JSON, at the root, and exits 2', async () => {
    const r = await run('validate', file('not.json', 'labourers: none'), '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^\(root\): .*\[invalid-json\]\n$/);
    const zh = await run('validate', file('not.json', 'labourers: none'));
    expect(zh.err).toMatch(/^（根）：.*应为 JSON 文档.*\[invalid-json\]\n$/);
  });

  it('says where a file stops being JSON, and what was expected, in one line', async () => {
    const path = file('broken.json', '{\n  "labourers": [\n    {"id": "w1",}\n  ]\n}');
    const r = await run('validate', path, '--lang', 'en');
    expect(r).toEqual({
      code: 2,
      out: '',
      err: `(root): expected a JSON document in ${path}: unexpected "}", expected a key in quotes at line 3, column 17 [invalid-json]\n`,
    });
    const plan = await run('verify', good, path, '--lang', 'en');
    expect(plan.code).toBe(2);
    expect(plan.err).toBe(
      `${path}: not valid JSON: unexpected "}", expected a key in quotes at line 3, column 17\n`,
    );
    const zh = await run('verify', good, path);
    expect(zh.err).toBe(`${path}：不是有效的 JSON：第 3 行第 17 列不应出现 "}"，应为带引号的键名\n`);
  });

  it('refuses a file it cannot read and exits 2', async () => {
    const r = await run('validate', join(dir, 'missing.json'), '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toContain('missing.json: cannot read the file');
    expect((await run('validate', join(dir, 'missing.json'))).err).toContain('missing.json：无法读取文件');
  });

  it('warns of implausible data (a minor holding a special-operation certificate) and still exits 0', async () => {
    const input = validInput();
    const w1 = input.labourers[0] as { birthDate: string; certificates: unknown[] };
    w1.birthDate = '2008-06-15';
    w1.certificates.push({ certificate: 'electrician-low-voltage' });
    const path = file('minor.json', JSON.stringify(input));
    const zh = await run('validate', path);
    expect(zh.code).toBe(0);
    expect(zh.err).toBe(
      '提醒：labourers[0].certificates[1].certificate：2026-03-01 时年满 17 周岁，却持有特种作业操作证' +
        '（须年满 18 周岁方可取得）：请核对证书与出生日期（2008-06-15）（填写的是 "electrician-low-voltage"） ' +
        '[minor-special-operation-certificate]\n',
    );
    const en = await run('validate', path, '--lang', 'en');
    expect(en.err).toMatch(/^warning: labourers\[0\]\.certificates\[1\]\.certificate: aged 17 on 2026-03-01/);
    const asJson = JSON.parse((await run('validate', path, '--json')).out) as {
      warnings: { code: string }[];
    };
    expect(asJson.warnings.map((w) => w.code)).toEqual(['minor-special-operation-certificate']);
    expect((await run('validate', good)).err).toBe('');
  });

  it('takes the as-of date from --as-of when the file has none', async () => {
    const { asOf: _asOf, ...rest } = generateSample({ labourers: 2, posts: 2, seed: 4 });
    const r = await run('validate', file('no-date.json', JSON.stringify(rest)), '--as-of', '2026-03-01');
    expect(r.out).toContain('基准日 2026-03-01');
    expect((await run('validate', good, '--as-of', '2026-13-01')).code).toBe(2);
  });
});

describe('bangfu rank', () => {
  it('prints a ranking table for a labourer', async () => {
    const r = await run('rank', good, '--labourer', 'w0002', '--top', '3');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toContain('w0002');
    expect(r.out).toContain('| 1 |');
    expect(r.out).not.toContain('| 4 |');
  });

  it('prints the PostRanking as JSON, in English text when asked', async () => {
    const r = await run('rank', good, '--labourer', 'w0002', '--top', '2', '--json');
    expect(r.code).toBe(0);
    const ranking = JSON.parse(r.out) as {
      labourer: { id: string };
      ranked: { rank: number; score: number }[];
    };
    expect(ranking.labourer.id).toBe('w0002');
    expect(ranking.ranked.map((x) => x.rank)).toEqual([1, 2]);
    const en = await run('rank', good, '--labourer', 'w0002', '--lang', 'en');
    expect(en.out.split('\n')[0]).toMatch(/^Posts for w0002/);
  });

  it('leaves out posts below --min-score', async () => {
    const r = await run('rank', good, '--labourer', 'w0003', '--min-score', '0.99', '--json');
    const ranking = JSON.parse(r.out) as { ranked: { score: number }[] };
    expect(ranking.ranked.every((x) => x.score >= 0.99)).toBe(true);
  });

  it('lists the excluded posts with --excluded', async () => {
    const without = await run('rank', good, '--labourer', 'w0001');
    const withExcluded = await run('rank', good, '--labourer', 'w0001', '--excluded');
    expect(withExcluded.out.split('\n').length).toBeGreaterThan(without.out.split('\n').length);
  });

  it('ranks the labourers for a post with --post', async () => {
    const r = await run('rank', good, '--post', 'p0001', '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { post: { id: string } }).post.id).toBe('p0001');
  });

  it.each([
    [['--top', 'abc'], '--top'],
    [['--top', '0'], '--top'],
    [['--min-score', '2'], '--min-score'],
    [['--lang', 'fr'], '--lang'],
  ])('refuses %j naming the option, exit 2', async (args, option) => {
    const r = await run('rank', good, '--labourer', 'w0002', ...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(option);
  });

  it('asks for exactly one of --labourer and --post', async () => {
    expect((await run('rank', good)).code).toBe(2);
    expect((await run('rank', good, '--labourer', 'w0002', '--post', 'p0001')).code).toBe(2);
  });

  it('reports an unknown labourer and exits 2', async () => {
    const r = await run('rank', good, '--labourer', 'nobody');
    expect(r.code).toBe(2);
    expect(r.err).toContain('nobody');
  });
});

describe('bangfu explain', () => {
  it('explains a pair in Chinese by default and in English on request', async () => {
    const zh = await run('explain', good, '--labourer', 'w0002', '--post', 'p0002');
    expect(zh.code).toBe(0);
    expect(zh.out).toContain('w0002');
    expect(zh.out).toMatch(/得分|不符合条件/);
    const en = await run('explain', good, '--labourer', 'w0002', '--post', 'p0002', '--lang', 'en');
    expect(en.out).toMatch(/Score|excluded/);
  });

  it('prints the assessment as JSON', async () => {
    const r = await run('explain', good, '--labourer', 'w0005', '--post', 'p0002', '--json');
    const a = JSON.parse(r.out) as { kind: string; exclusions: { code: string }[] };
    expect(a.kind).toBe('excluded');
    expect(a.exclusions.map((e) => e.code)).toContain('under-minimum-age');
  });

  it('needs both --labourer and --post', async () => {
    const r = await run('explain', good, '--labourer', 'w0002');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--post');
  });
});

describe('bangfu sample', () => {
  it('writes the same dataset as generateSample', async () => {
    const r = await run(
      'sample',
      '--labourers',
      '12',
      '--posts',
      '6',
      '--seed',
      '9',
      '--as-of',
      '2025-12-01',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(
      JSON.parse(JSON.stringify(generateSample({ labourers: 12, posts: 6, seed: 9, asOf: '2025-12-01' }))),
    );
  });

  it('takes the share of labourers in groups', async () => {
    const r = await run('sample', '--labourers', '200', '--posts', '6', '--group-share', '0.2');
    expect(r.code).toBe(0);
    const groups = (JSON.parse(r.out) as { groups: { members: string[] }[] }).groups;
    expect(groups.reduce((n, g) => n + g.members.length, 0)).toBeGreaterThanOrEqual(40);
    expect((await run('sample', '--group-share', '2')).err).toContain('--group-share');
  });

  it('refuses a bad size, naming the option', async () => {
    const r = await run('sample', '--labourers', 'many');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--labourers');
  });
});

describe('bangfu schema, --help, --version', () => {
  it('prints the dataset JSON Schema', async () => {
    const r = await run('schema');
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.out) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toContain('labourers');
  });

  it('prints help listing every command, exit 0', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    for (const command of ['validate', 'rank', 'explain', 'sample', 'schema'])
      expect(r.out).toContain(command);
  });

  it('prints the version, exit 0', async () => {
    const r = await run('--version');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('refuses an unknown command and no command at all with exit 2', async () => {
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run()).code).toBe(2);
  });
});

describe('bangfu advise', () => {
  it('refuses --max-changes outside 1 to 4 instead of clamping it, and takes one inside', async () => {
    const over = await run('advise', good, '--labourer', 'w0001', '--max-changes', '9');
    expect(over.code).toBe(2);
    expect(over.err).toMatch(/--max-changes.*from 1 to 4/);
    const ok = await run('advise', good, '--labourer', 'w0001', '--max-changes', '3');
    expect(ok.code).toBe(0);
  });
});

describe('problem lines', () => {
  it('show control characters as escapes, cut long values, and name options, not API parameters', async () => {
    const input = generateSample({ labourers: 3, posts: 2, seed: 4 }) as unknown as Record<string, unknown>;
    const sneaky = file('sneaky.json', JSON.stringify({ ...input, '\u001b[31mred\u0007': 1 }));
    const r = await run('validate', sneaky);
    expect(r.code).toBe(2);
    // eslint-disable-next-line no-control-regex
    expect(r.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.err).toContain('\\u001b[31mred\\u0007');
    const huge = generateSample({ labourers: 3, posts: 2, seed: 4 });
    const big = file(
      'big.json',
      JSON.stringify({
        ...huge,
        labourers: [{ ...huge.labourers[0]!, originCounty: 'x'.repeat(1_000_000) }],
      }),
    );
    const b = await run('validate', big);
    expect(b.code).toBe(2);
    expect(b.err.length).toBeLessThan(2_000);
    expect(b.err).toMatch(/more characters\)/);
    const unknown = await run('rank', good, '--labourer', 'nobody');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^--labourer: /);
  });
});

describe('--json on validate and verify', () => {
  it('validate: what the dataset holds, or every problem, as JSON, with the same exit codes', async () => {
    const ok = await run('validate', good, '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toEqual({
      valid: true,
      asOf: '2026-03-01',
      labourers: 30,
      employers: 5,
      posts: 25,
      groups: 1,
      warnings: [],
    });
    const bad = await run(
      'validate',
      file('bad.json', JSON.stringify({ labourers: 1, long: 'x'.repeat(5000) })),
      '--json',
    );
    expect(bad.code).toBe(2);
    const parsed = JSON.parse(bad.out) as { valid: boolean; issues: { path: string; value?: unknown }[] };
    expect(parsed.valid).toBe(false);
    expect(parsed.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['labourers', 'employers', 'posts', 'long']),
    );
    expect(bad.out.length).toBeLessThan(3000);
    const missing = await run('validate', join(dir, 'nope.json'), '--json');
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.out)).toMatchObject({ valid: false, issues: [{ code: 'unreadable-file' }] });
  });
});
