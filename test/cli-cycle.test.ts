import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomesFromCsv } from '../src/io/outcomes-csv.js';
import { runCli } from './helpers/cli.js';

// The whole cycle through the command line: a sample with simulated outcomes, the outcomes checked,
// retention, the follow-up list, planning again with those in work kept, and checking that plan.
let dir = '';
let dataset = '';
let outcomes = '';
const at = (name: string): string => join(dir, name);
/** The sample of these tests, its simulated outcomes written to `file`. */
const sample = (file: string) =>
  runCli(['sample', '--labourers', '150', '--posts', '60', '--seed', '4', '--outcomes', file]);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bangfu-cli-cycle-'));
  dataset = at('dataset.json');
  outcomes = at('outcomes.csv');
  const r = await sample(outcomes);
  expect(r.code).toBe(0);
  writeFileSync(dataset, r.out, 'utf8');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bangfu sample --outcomes', () => {
  it('writes the dataset to stdout and its optimal plan’s simulated outcomes as a spreadsheet', () => {
    const sheet = outcomesFromCsv(readFileSync(outcomes));
    expect(sheet.success).toBe(true);
    if (sheet.success) expect(sheet.value.input.outcomes.length).toBeGreaterThan(20);
  });

  it('writes JSON for any other file name, the same records', async () => {
    const json = at('outcomes.json');
    const out = at('again.json');
    const r = await sample(json);
    writeFileSync(out, r.out);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(dataset, 'utf8'));
    const sheet = outcomesFromCsv(readFileSync(outcomes));
    if (!sheet.success) throw new Error('unreadable');
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual(sheet.value.input);
  });
});

describe('bangfu outcomes validate', () => {
  it('tells what the records hold, in Chinese or English, or as JSON', async () => {
    const zh = await runCli(['outcomes', 'validate', dataset, outcomes]);
    expect(zh.code).toBe(0);
    expect(zh.out).toMatch(
      /^有效：\d+ 条安置记录，\d+ 个事件；在岗 \d+ 人，离岗 \d+ 人（因故 \d+ 人），基准日 2026-03-01\n$/,
    );
    const j = await runCli(['outcomes', 'validate', dataset, outcomes, '--json']);
    const v = JSON.parse(j.out) as { valid: boolean; placements: number; inWork: number; left: number };
    expect(v.valid).toBe(true);
    expect(v.inWork + v.left).toBe(v.placements);
  });

  it('lists every problem with its row and column and exits 2', async () => {
    const bad = at('bad.csv');
    writeFileSync(
      bad,
      '劳动力编号,岗位编号,事件,日期,回访结果,离岗原因\nw0001,p0001,上岗,2025-05-01,,\nnobody,p0001,上岗,2027-01-01,,\nw0002,p0001,离岗,2025-06-01,,\n',
    );
    const r = await runCli(['outcomes', 'validate', dataset, bad, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('row 4');
    const j = await runCli(['outcomes', 'validate', dataset, bad, '--json']);
    expect(j.code).toBe(2);
    const issues = (JSON.parse(j.out) as { issues: { code: string }[] }).issues;
    expect(issues.map((i) => i.code)).toContain('bad-value');
    const later = at('later.csv');
    writeFileSync(later, '劳动力编号,岗位编号,事件,日期\nnobody,p0001,上岗,2027-01-01\n');
    const codes = (
      JSON.parse((await runCli(['outcomes', 'validate', dataset, later, '--json'])).out) as {
        issues: { code: string; path: string }[];
      }
    ).issues.map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['unknown-labourer', 'date-in-future']));
  });

  it('names a file it cannot read', async () => {
    const r = await runCli(['outcomes', 'validate', dataset, at('missing.csv'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('missing.csv: cannot read the file');
  });
});

describe('bangfu retention --format and --out', () => {
  it('writes Markdown, or an HTML page from the file name', async () => {
    const md = await runCli(['retention', dataset, outcomes, '--format', 'md', '--lang', 'en']);
    expect(md.code).toBe(0);
    expect(md.out.split('\n')[0]).toMatch(/^# Retention, all placements, as of 2026-03-01/);
    expect(md.out).toContain('| all |');
    const html = at('retention.html');
    const r = await runCli(['retention', dataset, outcomes, '--by', 'employer', '--out', html]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`留岗分析已写入 ${html}（html）\n`);
    const page = readFileSync(html, 'utf8');
    expect(page.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(page).toContain('<polyline class="survival"');
    expect(page).not.toMatch(/<script|https?:\/\//);
  });

  it('refuses an unknown format', async () => {
    const r = await runCli(['retention', dataset, outcomes, '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('expected text, md, html or json');
  });
});

describe('bangfu followup', () => {
  it('is follow-up under the name the programme uses', async () => {
    const a = await runCli(['followup', dataset, outcomes, '--json']);
    const b = await runCli(['follow-up', dataset, outcomes, '--json']);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
  });
});

describe('bangfu assign --outcomes, verify --outcomes, report --outcomes', () => {
  it('keeps those in work, plans the rest, and the plan holds only with the same records', async () => {
    const plan = at('replan.json');
    const a = await runCli([
      'assign',
      dataset,
      '--outcomes',
      outcomes,
      '--out',
      plan,
      '--quiet',
      '--lang',
      'en',
    ]);
    expect(a.code).toBe(0);
    expect(a.out).toMatch(/^\d+ kept in work by the outcome records \(not planned again\)\n/);
    const saved = JSON.parse(readFileSync(plan, 'utf8')) as {
      entries: { labourer: string }[];
      kept: { placements: { labourer: string }[] };
    };
    const labourers = (JSON.parse(readFileSync(dataset, 'utf8')) as { labourers: unknown[] }).labourers
      .length;
    expect(saved.entries.length + saved.kept.placements.length).toBe(labourers);

    const ok = await runCli(['verify', dataset, plan, '--outcomes', outcomes, '--lang', 'en']);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^plan holds: 150 labourers, \d+ placed, \d+ kept in work \(optimal\)\n$/);

    const without = await runCli(['verify', dataset, plan, '--lang', 'en']);
    expect(without.code).toBe(1);
    expect(without.out).toMatch(/^kept-mismatch: /);

    const report = await runCli([
      'report',
      dataset,
      plan,
      '--outcomes',
      outcomes,
      '--format',
      'md',
      '--quiet',
    ]);
    expect(report.code).toBe(0);
    expect(report.out).toContain('稳定就业');
  });

  it('refuses a bad --filled, and --filled without --outcomes', async () => {
    const r = await runCli(['assign', dataset, '--outcomes', outcomes, '--filled', 'both']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('expected add-kept or includes-kept');
    const alone = await runCli(['assign', dataset, '--filled', 'includes-kept', '--lang', 'en']);
    expect(alone.code).toBe(2);
    expect(alone.err).toBe('--filled and --no-measured-retention apply with --outcomes only\n');
  });
});
