#!/usr/bin/env node
/**
 * `npm run size`: the browser bundles a user's bundler would make from the built package (`dist/`),
 * minified and gzipped, against their budgets; exits 1 when one is over.
 *
 * - `import { solve } from 'bangfu'` alone: budget 20 KB (the ES modules are built file by file,
 *   so a bundler keeps only what the import reaches).
 * - The whole core (`export * from 'bangfu'`): the target is 120 KB; the budget checked here is
 *   the size on record (166 KB: 220 KB until spreadsheets, sample data and reports left the core
 *   for entry points of their own, 175 KB until the schemas moved to `zod/mini`; 3 KB of it is
 *   zod's compiled object parser, kept because zod/mini's interpreted one validates a city's
 *   dataset 1.3× slower; 165.4 KB since the blocking-pair search keeps only the pairs its callers
 *   use, which keeps a province's verify within 3 GB), so that it does not grow unseen. What it still holds, by weight: the
 *   division tables (27 KB gzipped), zod (about 18 KB, most of it the JSON Schema generator and the
 *   object parser), the texts in two languages, and the planners and solvers.
 * - Each other entry point whole (`bangfu/csv`, `bangfu/sample`, `bangfu/report`), with the parts
 *   of the core it uses: budgets at the sizes on record.
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import console from 'node:console';
import { fileURLToPath, URL } from 'node:url';
import process from 'node:process';

const at = (file) => JSON.stringify(fileURLToPath(new URL(`../dist/${file}`, import.meta.url)));
const CASES = [
  {
    name: "import { solve } from 'bangfu'",
    code: `export { solve } from ${at('index.js')};`,
    budget: 20_000,
  },
  {
    name: "export * from 'bangfu' (the core)",
    code: `export * from ${at('index.js')};`,
    budget: 166_000,
    target: 120_000,
  },
  { name: "export * from 'bangfu/csv'", code: `export * from ${at('entries/csv.js')};`, budget: 72_000 },
  {
    name: "export * from 'bangfu/sample'",
    code: `export * from ${at('entries/sample.js')};`,
    budget: 75_000,
  },
  {
    name: "export * from 'bangfu/report'",
    code: `export * from ${at('entries/report.js')};`,
    budget: 80_000,
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
