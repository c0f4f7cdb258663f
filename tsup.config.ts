import { defineConfig } from 'tsup';

// ES modules file by file (not one bundle), so that a bundler keeps only the modules an import
// reaches (`import { solve } from 'bangfu'` takes the solvers, not the whole library); CommonJS as
// one bundle per entry point; the command line as one ES module bundle (it reads its version
// from package.json at build time); declarations per entry point.
export default defineConfig([
  {
    entry: ['src/**/*.ts', '!src/cli.ts', '!src/cli/**'],
    format: ['esm'],
    bundle: false,
    dts: { entry: ['src/index.ts', 'src/node.ts'] },
    clean: true,
    sourcemap: true,
    target: 'node20',
  },
  {
    entry: ['src/index.ts', 'src/node.ts'],
    format: ['cjs'],
    dts: { entry: ['src/index.ts', 'src/node.ts'] },
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
