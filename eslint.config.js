import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'reports/', '.stryker-tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core must run in a browser or a labourer: no Node built-ins outside the node entry points.
    files: ['src/**/*.ts'],
    ignores: ['src/cli.ts', 'src/cli/**', 'src/node.ts', 'src/node/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'worker_threads', 'child_process'],
              message: 'The core is platform-free; put Node-only code behind src/node.ts or src/cli.ts.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'The core is platform-free.' }],
    },
  },
);
