import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'tests/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // electron-builder loads its hooks with require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Only the Electron shell may touch electron; everything else stays testable in plain Node.
    files: ['**/*.{ts,tsx}'],
    ignores: ['electron/shell/**', 'tests/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only electron/shell/* may import electron.' }] },
      ],
    },
  },
  {
    // The renderer and shared code never reach Node directly: the API contract is the only way.
    // Patterns match at any depth (`**/electron/**`), so a deeper file cannot slip past.
    files: ['renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'fs', 'path', 'child_process', 'better-sqlite3'],
          patterns: [
            { group: ['node:*'], message: 'No Node in the renderer or shared code.' },
            {
              group: ['**/electron/**', '**/printer/**', '**/bench/**', '**/tests/**'],
              message: 'Renderer and shared code reach the host only through shared/contract.',
            },
          ],
        },
      ],
    },
  },
  {
    // shared/ is the bottom layer: it imports nothing of the app's own folders.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'fs', 'path', 'child_process', 'better-sqlite3', 'react'],
          patterns: [
            { group: ['node:*'], message: 'No Node in shared code.' },
            {
              group: [
                '**/electron/**',
                '**/printer/**',
                '**/renderer/**',
                '**/bench/**',
                '**/tests/**',
              ],
              message: 'shared/ depends on nothing else of the app.',
            },
          ],
        },
      ],
    },
  },
  {
    // printer/ is a self-contained library: it knows nothing of the till around it.
    files: ['printer/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'printer/ is plain Node.' }],
          patterns: [
            {
              group: [
                '**/electron/**',
                '**/renderer/**',
                '**/shared/**',
                '**/bench/**',
                '**/tests/**',
              ],
              message: 'printer/ is a self-contained library.',
            },
          ],
        },
      ],
    },
  },
  {
    // The host never imports the UI, the tests or the benchmarks.
    files: ['electron/**/*.ts'],
    ignores: ['electron/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only electron/shell/* may import electron.' }],
          patterns: [
            {
              group: ['**/renderer/**', '**/bench/**', '**/tests/**'],
              message: 'The host does not import the UI, tests or benchmarks.',
            },
          ],
        },
      ],
    },
  },
);
