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
    exclude: [...configDefaults.exclude, '.stryker-tmp/**', 'reports/**'],
  },
});
