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
// CommonJS: bangfu and bangfu/node share one copy of the code, so an error thrown by bangfu/node is
// an instance of the very class require('bangfu') exports (not only by the brand a second copy
// would carry), and the batch worker threads start from the CommonJS build, under a V8 option
// (a heap size, which Node refuses for a thread when given explicitly).
const bad = join(out, 'bad-dataset.json');
writeFileSync(bad, '{"labourers": 3}');
execFileSync(
  process.execPath,
  [
    '--max-old-space-size=1024',
    '-e',
    `const core = require('bangfu'); const node = require('bangfu/node'); const csv = require('bangfu/csv'); const sample = require('bangfu/sample');
     const same = (e, from) => { if (Object.getPrototypeOf(e) !== core.BangfuValidationError.prototype || !(e instanceof core.BangfuValidationError) || !core.isBangfuValidationError(e)) { console.error('examples: a ' + from + ' error is not an instance of bangfu\\'s own BangfuValidationError in CommonJS'); process.exit(1); } };
     try { node.readDataset(${JSON.stringify(bad)}); process.exit(2); } catch (e) { same(e, 'bangfu/node'); }
     try { csv.importCsvOrThrow({ labourers: 'id\\nw1' }); process.exit(2); } catch (e) { same(e, 'bangfu/csv'); }
     try { require('bangfu/outcomes').parseOutcomes({ placements: 3 }, sample.demoDataset()); process.exit(2); } catch (e) { same(e, 'bangfu/outcomes'); }
     for (const [entry, name] of [['bangfu/text', 'renderRanking'], ['bangfu/advice', 'advise'], ['bangfu/schema', 'datasetJsonSchema']])
       if (typeof require(entry)[name] !== 'function') { console.error('examples: ' + entry + ' has no ' + name + ' in CommonJS'); process.exit(1); }
     node.rankAllParallel(core.compileIndex(sample.demoDataset()), { top: 3, threads: 2 }).then((r) => {
       if (r.offsets.length !== sample.demoDataset().labourers.length + 1) { console.error('examples: rankAllParallel in CommonJS ranked the wrong labourers'); process.exit(1); }
     }, (e) => { console.error('examples: rankAllParallel failed in CommonJS:', e); process.exit(1); });`,
  ],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
// The same worker threads started from the ES module build, from a program given as text (its
// `--input-type` is not for a thread) and under a V8 option.
execFileSync(
  process.execPath,
  [
    '--max-old-space-size=1024',
    '--input-type=module',
    '-e',
    `import * as core from 'bangfu'; import { rankAllParallel } from 'bangfu/node'; import { demoDataset } from 'bangfu/sample';
     const r = await rankAllParallel(core.compileIndex(demoDataset()), { top: 3, threads: 2 });
     if (r.offsets.length !== demoDataset().labourers.length + 1) { console.error('examples: rankAllParallel in ES modules ranked the wrong labourers'); process.exit(1); }`,
  ],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
process.stdout.write(
  "examples: CommonJS bangfu/node, bangfu/csv and bangfu/outcomes share bangfu's classes; every entry loads; batch worker threads run from both builds\n",
);
process.stdout.write(`examples: all ran (output in ${out})\n`);
