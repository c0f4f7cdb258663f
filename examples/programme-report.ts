/**
 * End to end, as a programme office would run it: spreadsheets in, placement plan, programme report
 * out as one HTML page a manager can open in any browser (offline; it loads nothing).
 *
 *   npx tsx examples/programme-report.ts [report.html] [--csv DIR]
 *
 * With `--csv DIR` it reads DIR/labourers.csv, DIR/employers.csv, DIR/posts.csv and, if there is
 * one, DIR/groups.csv (try `--csv examples/csv`); without it, the demo dataset (300 labourers,
 * 200 posts) is first written as those spreadsheets to a temporary folder, as a bureau would keep them, and read back
 * from there. The report goes to the path given, by default `bangfu-report.html` in the system's
 * temporary folder; the plan is written beside it as CSV.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { assign, safeParseDataset } from 'bangfu';
import { exportDatasetCsv, importCsv, locateCsvIssues, planToCsv } from 'bangfu/csv';
import { buildReport, reportToHtml } from 'bangfu/report';
import { generateSample } from 'bangfu/sample';

const args = process.argv.slice(2);
const csvAt = args.indexOf('--csv');
const csvDir = csvAt === -1 ? undefined : args[csvAt + 1];
const positional = csvAt === -1 ? args : args.filter((_, i) => i !== csvAt && i !== csvAt + 1);
const out = resolve(positional[0] ?? join(tmpdir(), 'bangfu-report.html'));

// 1. The spreadsheets.
let dir = csvDir;
if (dir === undefined) {
  dir = mkdtempSync(join(tmpdir(), 'bangfu-demo-csv-'));
  const files = exportDatasetCsv(generateSample());
  for (const [table, bytes] of Object.entries(files)) writeFileSync(join(dir, `${table}.csv`), bytes);
  console.log(`demo spreadsheets written to ${dir}`);
}
const read = (table: string): Uint8Array => new Uint8Array(readFileSync(join(dir, `${table}.csv`)));
// The groups sheet (families and fellow villagers who travel together) is optional.
const groupsFile = join(dir, 'groups.csv');

// 2. Import and validate, every problem pointing at its spreadsheet cell.
const imported = importCsv(
  {
    labourers: read('labourers'),
    employers: read('employers'),
    posts: read('posts'),
    ...(existsSync(groupsFile) ? { groups: read('groups') } : {}),
  },
  { asOf: '2026-03-01' },
);
// Any unreadable row stops the import (nobody is dropped unseen); then the semantic checks.
if (!imported.success) {
  for (const i of imported.issues) console.error(`${i.path}: ${i.message}`);
  process.exit(2);
}
const parsed = safeParseDataset(imported.input);
if (!parsed.success) {
  for (const i of locateCsvIssues(parsed.issues, imported)) console.error(`${i.path}: ${i.message}`);
  process.exit(2);
}
const dataset = parsed.value;

// 3. The placement plan and its report.
const plan = assign(dataset);
const report = buildReport(plan, dataset);
writeFileSync(out, reportToHtml(report, 'zh-CN'));
const planCsv = out.replace(/\.html?$/i, '') + '-plan.csv';
writeFileSync(planCsv, planToCsv(plan, dataset));

const t = report.totals;
console.log(`${t.placed} of ${t.labourers} labourers placed, ${t.unplaced} unplaced`);
console.log(`report: ${out}`);
console.log(`plan (CSV, opens in Excel or WPS): ${planCsv}`);
