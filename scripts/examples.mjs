/**
 * Runs every example against the built package (`npm run build` first), resolving `bangfu` as a
 * user's project would: through the package's exports, not the source paths of the repository's
 * tsconfig. Fails on the first example that fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';

if (!existsSync('dist/index.js')) {
  process.stderr.write('examples: no build (dist/index.js); run npm run build first\n');
  process.exit(1);
}
const out = mkdtempSync(join(tmpdir(), 'bangfu-examples-'));
const runs = [
  ['examples/demo.ts'],
  ['examples/programme-report.ts', join(out, 'report.html')],
  ['examples/programme-report.ts', join(out, 'report-csv.html'), '--csv', 'examples/csv'],
];
for (const args of runs) {
  process.stdout.write(`examples: ${args.join(' ')}\n`);
  execFileSync('npx', ['--no-install', 'tsx', '--tsconfig', 'examples/tsconfig.json', ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (args.length > 1 && !existsSync(args[1])) {
    process.stderr.write(`examples: ${args[0]} wrote no ${args[1]}\n`);
    process.exit(1);
  }
}
// CommonJS: bangfu/node bundles a copy of the core of its own; its validation error must still be
// instanceof the one require('bangfu') exports.
const bad = join(out, 'bad-dataset.json');
writeFileSync(bad, '{"labourers": 3}');
execFileSync(
  process.execPath,
  [
    '-e',
    `const core = require('bangfu'); const node = require('bangfu/node');
     try { node.readDataset(${JSON.stringify(bad)}); process.exit(2); }
     catch (e) { if (!(e instanceof core.BangfuValidationError) || !core.isBangfuValidationError(e)) { console.error('examples: a bangfu/node error is not instanceof bangfu\\'s BangfuValidationError in CommonJS'); process.exit(1); } }`,
  ],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
process.stdout.write("examples: CommonJS bangfu/node errors are instanceof bangfu's\n");
process.stdout.write(`examples: all ran (output in ${out})\n`);
