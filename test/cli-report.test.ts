import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgress, formatEta } from '../src/cli/progress.js';
import { generateSample } from '../src/sample.js';
import { runCli, type CliRun } from './helpers/cli.js';

const run = (argv: readonly string[], tty = false): Promise<CliRun> => runCli(argv, tty);

let dir = '';
let dataset = '';
let plan = '';
const path = (name: string): string => join(dir, name);
/** `bangfu import` of the example employers and posts with these labourers, as of 2026-03-01. */
const importArgs = (labourers: string): string[] => [
  'import',
  '--labourers',
  labourers,
  '--employers',
  join(EXAMPLES, 'employers.csv'),
  '--posts',
  join(EXAMPLES, 'posts.csv'),
  '--as-of',
  '2026-03-01',
];
const EXAMPLES = join(import.meta.dirname, '..', 'examples', 'csv');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bangfu-cli-report-'));
  dataset = path('dataset.json');
  plan = path('plan.json');
  writeFileSync(dataset, JSON.stringify(generateSample({ labourers: 40, posts: 30, seed: 7 })), 'utf8');
  const made = await run(['assign', dataset, '--out', plan]);
  expect(made.code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bangfu report', () => {
  it('writes a self-contained HTML page, the format taken from the file name', async () => {
    const r = await run(['report', dataset, plan, '--out', path('r.html')]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^报告已写入 .*r\.html（html）：40 人中安置 \d+ 人\n$/);
    const en = await run(['report', dataset, plan, '--out', path('r-en.html'), '--lang', 'en']);
    expect(en.out).toMatch(/^report written to .*r-en\.html \(html\): \d+ of 40 placed\n$/);
    const html = readFileSync(path('r.html'), 'utf8');
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<svg');
  });

  it('prints Markdown by default and English with --lang en', async () => {
    const zh = await run(['report', dataset, plan]);
    expect(zh.code).toBe(0);
    expect(zh.out.split('\n')[0]).toBe('# 东莞劳务协作安置情况报告');
    const en = await run(['report', dataset, plan, '--lang', 'en', '--format', 'markdown']);
    expect(en.out.split('\n')[0]).toBe('# Programme report: Dongguan labour cooperation');
  });

  it('writes JSON that adds up, and CSV with a byte-order mark, quietly', async () => {
    const j = await run(['report', dataset, plan, '--format', 'json', '--out', path('r.json'), '--quiet']);
    expect(j).toEqual({ code: 0, out: '', err: '' });
    const report = JSON.parse(readFileSync(path('r.json'), 'utf8')) as {
      totals: { labourers: number; placed: number };
      byProvince: { placed: number }[];
    };
    expect(report.totals.labourers).toBe(40);
    expect(report.byProvince.reduce((s, p) => s + p.placed, 0)).toBe(report.totals.placed);
    const c = await run([
      'report',
      dataset,
      plan,
      '--format',
      'csv',
      '--out',
      path('r.txt'),
      '--plan-csv',
      path('plan.csv'),
    ]);
    expect(c.code).toBe(0);
    expect(c.out).toContain('；方案已写入');
    const bytes = readFileSync(path('r.txt'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const planCsv = readFileSync(path('plan.csv'), 'utf8');
    expect(planCsv.charCodeAt(0)).toBe(0xfeff);
    expect(planCsv.trimEnd().split('\r\n').length).toBe(1 + 40);
  });

  it('draws a progress bar on a terminal only, and never with --quiet', async () => {
    const tty = await run(['report', dataset, plan, '--out', path('t.html')], true);
    expect(tty.code).toBe(0);
    expect(tty.err).toContain('\r');
    expect(tty.err).toMatch(/report \[#+\] 100% 40\/40/);
    expect(tty.err.endsWith('\r\x1b[2K')).toBe(true);
    const quiet = await run(['report', dataset, plan, '--out', path('t.html'), '--quiet'], true);
    expect(quiet).toEqual({ code: 0, out: '', err: '' });
  });

  it('refuses a bad format or an unreadable plan with exit 2, and a plan that does not hold with exit 1', async () => {
    const bad = await run(['report', dataset, plan, '--format', 'pdf']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('expected html, md, json or csv');
    const missing = await run(['report', dataset, path('nope.json'), '--lang', 'en']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/nope\.json: cannot read the file/);
    expect((await run(['report', dataset, path('nope.json')])).err).toMatch(/nope\.json：无法读取文件/);
    const other = path('other.json');
    writeFileSync(other, JSON.stringify(generateSample({ labourers: 5, posts: 3, seed: 99 })), 'utf8');
    const mismatch = await run(['report', other, plan, '--lang', 'en']);
    expect(mismatch.code).toBe(1);
    expect(mismatch.err).toMatch(/the plan does not hold against .*other\.json/);
    expect(mismatch.out).toBe('');
    const zh = await run(['report', other, plan]);
    expect(zh.code).toBe(1);
    expect(zh.err).toMatch(/report：方案与 .*other\.json 不符（\d+ 处违规），未生成报告/);
    expect(zh.err).toMatch(
      /：options-invalid：方案的选项无效：groups\[0\]\.members\[0\]：应为数据集中某名劳动力的编号/,
    );
    // A plan edited by hand (one placed labourer's score raised) is verified before anything is rendered.
    const edited = JSON.parse(readFileSync(plan, 'utf8')) as { entries: { kind: string; score?: number }[] };
    const placed = edited.entries.find((e) => e.kind === 'placed')!;
    placed.score = placed.score! + 0.1;
    const tampered = path('tampered.json');
    writeFileSync(tampered, JSON.stringify(edited), 'utf8');
    const out = path('tampered.html');
    const r = await run(['report', dataset, tampered, '--out', out, '--quiet', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nothing rendered/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('bangfu import', () => {
  const examples = [
    '--labourers',
    join(EXAMPLES, 'labourers.gbk.csv'),
    '--employers',
    join(EXAMPLES, 'employers.csv'),
    '--posts',
    join(EXAMPLES, 'posts.csv'),
    '--groups',
    join(EXAMPLES, 'groups.csv'),
  ];

  it('reads the example spreadsheets (GBK among them) into a dataset the other commands read', async () => {
    const out = path('imported.json');
    const r = await run(['import', ...examples, '--as-of', '2026-03-01', '--out', out, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(
      /^imported 8 labourers, 4 employers, 6 posts, 2 groups as of 2026-03-01 \(.*labourers\.gbk\.csv: gb18030/,
    );
    const zh = await run(['import', ...examples, '--as-of', '2026-03-01', '--out', out]);
    expect(zh.out).toMatch(/^已导入 8 名劳动力、4 家用人单位、6 个岗位、2 个组，基准日 2026-03-01（/);
    const input = JSON.parse(readFileSync(out, 'utf8')) as {
      asOf: string;
      labourers: unknown[];
      groups: { id: string }[];
    };
    expect(input.asOf).toBe('2026-03-01');
    expect(input.labourers).toHaveLength(8);
    expect(input.groups.map((g) => g.id)).toEqual(['ZX-F01', 'LX-V01']);
    expect((await run(['validate', out])).code).toBe(0);
    expect((await run(['assign', out, '--out', path('p8.json')])).code).toBe(0);
    expect((await run(['report', out, path('p8.json'), '--out', path('r8.html'), '--quiet'])).code).toBe(0);
  });

  it('prints the dataset to standard output without --out', async () => {
    const r = await run(['import', ...examples, '--as-of', '2026-03-01', '--encoding', 'auto']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { posts: unknown[] }).posts).toHaveLength(6);
  });

  it('points every problem at its file, row and column, and exits 2', async () => {
    const text = readFileSync(join(EXAMPLES, 'labourers.csv'), 'utf8')
      .replace('1994-05-12', '1994-13-12')
      .replace(',530621,', ',999999,');
    const bad = path('bad-labourers.csv');
    writeFileSync(bad, text, 'utf8');
    const r = await run(importArgs(bad));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.trimEnd().split('\n');
    expect(lines.some((l) => l.startsWith(`${bad}:row 2:出生日期：1994-13-12 不是真实存在的日期`))).toBe(
      true,
    );
    expect(
      lines.some((l) => /^.*bad-labourers\.csv:row \d+:户籍县代码：应为已知的六位县级区划代码/.test(l)),
    ).toBe(true);
    const en = await run([...importArgs(bad), '--lang', 'en']);
    expect(en.err).toContain(`${bad}:row 2:出生日期: 1994-13-12 is not a calendar date`);
  });

  it('asks for at least one spreadsheet and a known encoding', async () => {
    const none = await run(['import', '--lang', 'en']);
    expect(none.code).toBe(2);
    expect(none.err).toContain('give at least one of --labourers, --employers, --posts, --groups');
    expect((await run(['import'])).err).toContain(
      '请至少给出 --labourers、--employers、--posts、--groups 之一',
    );
    const enc = await run(['import', ...examples, '--encoding', 'latin1']);
    expect(enc.code).toBe(2);
    expect(enc.err).toContain('expected auto, utf-8, gbk or gb18030');
  });
});

describe('createProgress', () => {
  it('redraws only when the shown percentage changes and clears its line when done', () => {
    // (No time passes on this clock, so no time left is shown.)
    let err = '';
    const io = { stdout: () => {}, stderr: (s: string) => (err += s), stderrIsTTY: true };
    const p = createProgress(io, { label: 'x', now: () => 0 });
    expect(p.enabled).toBe(true);
    for (let i = 0; i <= 1000; i++) p.update(i, 1000);
    expect(err.split('\r\x1b[2K').filter((s) => s !== '')).toHaveLength(101);
    p.done();
    expect(err.endsWith('\r\x1b[2K')).toBe(true);
    const off = createProgress({ ...io, stderrIsTTY: false }, { label: 'x' });
    off.update(1, 2);
    off.done();
    expect(off.enabled).toBe(false);
    expect(createProgress(io, { label: 'x', quiet: true }).enabled).toBe(false);
  });

  it('estimates the time a step has left from how fast it went, once it has run half a second', () => {
    let err = '';
    let t = 0;
    const io = { stdout: () => {}, stderr: (s: string) => (err += s), stderrIsTTY: true };
    const p = createProgress(io, { label: 'x', now: () => t });
    p.update(10, 100, 'pricing');
    expect(err).not.toContain('ETA');
    t = 1000; // 20 of 100 in one second: 80 more take four
    p.update(20, 100, 'pricing');
    expect(err).toMatch(/pricing \[#+-+\] {2}20% 20\/100 ETA 4s$/);
    t = 1500; // a new step starts its own clock
    p.update(1, 2, 'plan');
    expect(err.endsWith('plan [##############--------------]  50% 1/2')).toBe(true);
    expect(formatEta(185_000)).toBe('ETA 3m05s');
    expect(formatEta(3_725_000)).toBe('ETA 1h02m');
  });
});

describe('bangfu import without --as-of', () => {
  it('says the dataset is dated today', async () => {
    const out = path('today.json');
    const r = await run([
      'import',
      '--labourers',
      join(EXAMPLES, 'labourers.csv'),
      '--employers',
      join(EXAMPLES, 'employers.csv'),
      '--posts',
      join(EXAMPLES, 'posts.csv'),
      '--out',
      out,
      '--quiet',
      '--lang',
      'en',
    ]);
    const today = (JSON.parse(readFileSync(out, 'utf8')) as { asOf: string }).asOf;
    expect(r.err).toBe(
      `import: no --as-of given: the dataset is dated ${today} (today); give --as-of for a reproducible file\n`,
    );
  });
});

describe('bangfu import with a row that cannot be read', () => {
  const badFile = (): string => {
    const text = readFileSync(join(EXAMPLES, 'labourers.csv'), 'utf8').replace('1994-05-12', '1994-13-12');
    const bad = path('one-bad-row.csv');
    writeFileSync(bad, text, 'utf8');
    return bad;
  };
  const args = (bad: string, out: string): string[] => [...importArgs(bad), '--out', out];

  it('writes nothing and exits 2 by default', async () => {
    const out = path('strict.json');
    const r = await run(args(badFile(), out));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/one-bad-row\.csv:row 2:出生日期：/);
    expect(existsSync(out)).toBe(false);
  });

  it('with --skip-bad-rows writes the other rows, lists the one left out and exits 3', async () => {
    const out = path('partial.json');
    const r = await run([...args(badFile(), out), '--quiet', '--skip-bad-rows']);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/one-bad-row\.csv:row 2:出生日期：/);
    expect(r.err).toMatch(/import：有 1 行未导入（labourers 1）；其余各行已写入数据集/);
    const written = JSON.parse(readFileSync(out, 'utf8')) as { labourers: unknown[] };
    const all = readFileSync(join(EXAMPLES, 'labourers.csv'), 'utf8').trim().split('\n').length - 1;
    expect(written.labourers).toHaveLength(all - 1);
  });

  it('with --json prints the outcome as JSON, every problem in both languages, with the same exit codes', async () => {
    const refused = await run([...args(badFile(), path('json-strict.json')), '--json']);
    expect(refused.code).toBe(2);
    const r1 = JSON.parse(refused.out) as { imported: boolean; issues: Record<string, unknown>[] };
    expect(r1.imported).toBe(false);
    expect(r1.issues).toEqual([
      expect.objectContaining({
        code: 'bad-value',
        message: '1994-13-12 is not a calendar date',
        messageZh: '1994-13-12 不是真实存在的日期',
        value: '1994-13-12',
      }),
    ]);
    const out = path('json-partial.json');
    const partial = await run([
      ...args(badFile(), out),
      '--json',
      '--skip-bad-rows',
      '--as-of',
      '2026-03-01',
    ]);
    expect(partial.code).toBe(3);
    expect(partial.err).toBe('');
    const r2 = JSON.parse(partial.out) as Record<string, unknown>;
    const written = JSON.parse(readFileSync(out, 'utf8')) as { labourers: unknown[] };
    expect(r2).toMatchObject({
      imported: true,
      out,
      asOf: '2026-03-01',
      asOfGiven: true,
      labourers: written.labourers.length,
      rowsLeftOut: 1,
      skipped: { labourers: 1 },
    });
    // The dataset goes to the file and the outcome to standard output: --json needs --out.
    const noOut = await run([...importArgs(badFile()), '--json', '--lang', 'en']);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('--json needs --out');
  });
});
