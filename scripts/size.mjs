#!/usr/bin/env node
/**
 * `npm run size`: the browser bundles a user's bundler would make from the built package (`dist/`),
 * minified and gzipped, against their budgets; exits 1 when one is over.
 *
 * - `import { solve } from 'bangfu'` alone: budget 20 KB (the ES modules are built file by file,
 *   so a bundler keeps only what the import reaches).
 * - The whole core (`export * from 'bangfu'`): budget 120 KB. It was 220 KB with everything in
 *   it; spreadsheets, sample data and reports left for entry points of their own (175 KB), the
 *   schemas moved to `zod/mini` (164 KB; 3 KB of it is zod's compiled object parser, kept because
 *   zod/mini's interpreted one validates a city's dataset 1.3× slower), then the texts, the advice,
 *   the follow-up after placement and the JSON Schema generator (zod's, 5 KB) left too, and the
 *   county table writes each prefecture's code once. What it holds, by weight: the division tables
 *   (23 KB gzipped), zod (45 KB of the 356 KB minified), the planners, the solvers, the verifier,
 *   the rules.
 * - Each other entry point whole (`bangfu/text`, `bangfu/advice`, `bangfu/outcomes`, `bangfu/schema`,
 *   `bangfu/csv`, `bangfu/sample`, `bangfu/report`), with the parts of the core it uses: budgets at
 *   the sizes on record, so that none grows unseen.
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
    budget: 120_000,
  },
  {
    name: "export * from 'bangfu/text'",
    code: `export * from ${at('entries/text.js')};`,
    budget: 55_000,
  },
  {
    name: "export * from 'bangfu/advice'",
    code: `export * from ${at('entries/advice.js')};`,
    budget: 102_000,
  },
  {
    name: "export * from 'bangfu/outcomes'",
    code: `export * from ${at('entries/outcomes.js')};`,
    budget: 108_000,
  },
  {
    name: "export * from 'bangfu/schema'",
    code: `export * from ${at('entries/schema.js')};`,
    budget: 50_000,
  },
  {
    name: "the core with 'bangfu/text'",
    code: `export * from ${at('index.js')}; export * from ${at('entries/text.js')};`,
    budget: 145_000,
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
    `${c.name.padEnd(36)} ${kb(bytes.length).padStart(9)} minified ${kb(gz).padStart(9)} gzipped  budget ${kb(c.budget)}  ${ok ? 'ok' : 'OVER'}`,
  );
}
if (over > 0) process.exit(1);
