#!/usr/bin/env node
/**
 * `npm run size`: the browser bundles a user's bundler would make from the built package (`dist/`),
 * minified and gzipped, against their budgets; exits 1 when one is over.
 *
 * - `import { solve } from 'bangfu'` alone: budget 20 KB (the ES modules are built file by file,
 *   so a bundler keeps only what the import reaches).
 * - The whole core (`export * from 'bangfu'`): the target is 120 KB; the budget checked here is
 *   the size on record (220 KB; outcomes (and their spreadsheet), retention, follow-up and stable employment in the report
 *   added 11 KB, planning again from outcomes, simulated outcomes, the retention page and training
 *   combinations 6 KB more, the network simplex's start from a placement and group lists within a
 *   budget 1 KB, places' English names in pinyin 7 KB: readings of 1,288 characters and the rules; the input checks split into four
 *   modules 2 KB more gzipped for the same 665.8 KB minified, the bundle's order compressing less),
 *   so that it does not grow unseen — zod's schemas, the division tables
 *   (27 KB), CSV with papaparse (22 KB) and the sample data (11 KB) still come with the core entry.
 *   (zod is imported as a namespace, `import * as z`, so that a bundler leaves out its 40 locales.)
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import console from 'node:console';
import { fileURLToPath, URL } from 'node:url';
import process from 'node:process';

const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const CASES = [
  {
    name: "import { solve } from 'bangfu'",
    code: `export { solve } from ${JSON.stringify(entry)};`,
    budget: 20_000,
  },
  {
    name: "export * from 'bangfu' (the core)",
    code: `export * from ${JSON.stringify(entry)};`,
    budget: 220_000,
    target: 120_000,
  },
];

let over = 0;
for (const c of CASES) {
  const r = await build({
    stdin: { contents: c.code, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'error',
  });
  const bytes = r.outputFiles[0].contents;
  const gz = gzipSync(bytes, { level: 9 }).length;
  const ok = gz <= c.budget;
  if (!ok) over++;
  const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
  console.log(
    `${c.name.padEnd(36)} ${kb(bytes.length).padStart(9)} minified ${kb(gz).padStart(9)} gzipped  budget ${kb(c.budget)}${c.target === undefined ? '' : ` (target ${kb(c.target)})`}  ${ok ? 'ok' : 'OVER'}`,
  );
}
if (over > 0) process.exit(1);
