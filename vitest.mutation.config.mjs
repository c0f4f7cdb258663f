// The test files a mutation run uses when `BANGFU_MUTATION_TESTS` names some (comma-separated globs):
// a run over one module then takes minutes instead of an hour (the whole suite can only kill more).
import process from 'node:process';
import { configDefaults, defineConfig } from 'vitest/config';

const include = (process.env['BANGFU_MUTATION_TESTS'] ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter((s) => s !== '');

export default defineConfig({
  test: {
    ...(include.length > 0 ? { include } : {}),
    // Instrumented code on a busy machine runs several times slower: a test that takes 2 s alone
    // must not fail on vitest's 5 s default (which would count as a kill).
    testTimeout: 30_000,
    exclude: [...configDefaults.exclude, '.stryker-tmp/**', 'reports/**'],
  },
});
