import { defineConfig } from 'tsup';

/**
 * The package's entry points: the core, Node's helpers, spreadsheets, sample data, reports, texts,
 * advice, outcomes, JSON Schemas.
 */
const ENTRIES = [
  'src/index.ts',
  'src/node.ts',
  'src/entries/csv.ts',
  'src/entries/sample.ts',
  'src/entries/report.ts',
  'src/entries/text.ts',
  'src/entries/advice.ts',
  'src/entries/outcomes.ts',
  'src/entries/schema.ts',
];

// ES modules file by file (not one bundle), so that a bundler keeps only the modules an import
// reaches (`import { solve } from 'bangfu'` takes the solvers, not the whole library); CommonJS as
// one file per entry point, sharing one chunk; the command line as one ES module bundle (it reads its version
// from package.json at build time); declarations per entry point.
export default defineConfig([
  {
    entry: ['src/**/*.ts', '!src/cli.ts', '!src/cli/**'],
    format: ['esm'],
    bundle: false,
    dts: { entry: ENTRIES },
    clean: true,
    sourcemap: true,
    target: 'node20',
  },
  {
    entry: ENTRIES,
    format: ['cjs'],
    // One copy of the code for both entry points: what they share goes to a chunk both require,
    // so a class or a cache is the same object whichever entry a caller reached it by.
    splitting: true,
    // `import.meta.url` (the batch workers' own path) made CommonJS's.
    shims: true,
    dts: { entry: ENTRIES },
    sourcemap: true,
    target: 'node20',
  },
  {
    entry: ['src/cli.ts'],
    format: ['esm'],
    // No source map: it would be the largest file of the package, for a program users only run.
    sourcemap: false,
    target: 'node20',
  },
]);
