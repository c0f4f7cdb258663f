// The tests under test/ (and nothing in Stryker's sandbox, which copies them while a mutation run goes on).
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: { exclude: [...configDefaults.exclude, '.stryker-tmp/**', 'reports/**'] },
});
