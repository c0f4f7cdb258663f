// Mutation testing: `npm run test:mutation` (all the modules below) or
// `npm run test:mutation -- --mutate src/score/origin.ts` (one file). With
// `BANGFU_MUTATION_TESTS='test/graph/verify*.test.ts'` (comma-separated globs) only those tests run.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.mjs' },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/eligibility.ts',
    'src/compile.ts',
    'src/score/*.ts',
    'src/stats/*.ts',
    'src/internal/kernel.ts',
    'src/internal/walk.ts',
    'src/internal/index-candidates.ts',
    'src/internal/greedy-match.ts',
    'src/graph/solve-greedy.ts',
    'src/graph/solve-stable.ts',
    'src/graph/solve-optimal.ts',
    'src/graph/internal/price-rounds.ts',
    'src/graph/internal/best-edges.ts',
    'src/graph/internal/network-simplex.ts',
    'src/graph/internal/dual-records.ts',
    'src/graph/verify.ts',
    'src/verify-plan.ts',
    'src/verify-exhaustive.ts',
  ],
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
  concurrency: 2,
  timeoutMS: 60000,
  ignoreStatic: true,
  tempDirName: '.stryker-tmp',
};
