import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Where code may run, enforced: pure code cannot reach Node, Electron, SQLite, the clock or chance. */
const NODE_AND_NATIVE = [
  { group: ['node:*'], message: 'Pure code: no Node modules here.' },
  { group: ['electron', 'better-sqlite3', 'ws', 'yauzl', 'csv-parse', 'csv-parse/*'], message: 'Pure code: no I/O libraries here.' },
  { group: ['#main/*', '**/main/store/*', '**/main/ipc/*', '**/main/host/*'], message: 'Pure code may not import main-process code.' },
];
const BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'worker_threads', 'stream', 'util', 'url'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', '.native/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use a union of string literals instead of enum.' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['shared/**/*.ts', 'main/engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { paths: BUILTINS, patterns: NODE_AND_NATIVE }],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Pure code: no process.' },
        { name: 'require', message: 'Pure code: import instead.' },
        { name: 'setTimeout', message: 'Pure code: time comes in as events.' },
        { name: 'setInterval', message: 'Pure code: time comes in as events.' },
        { name: 'performance', message: 'Pure code: no clock.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pure code: time comes in as events.' },
        { object: 'Math', property: 'random', message: 'Pure code: randomness comes from a seeded generator.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: BUILTINS,
          patterns: [
            { group: ['node:*', 'electron', 'better-sqlite3', 'ws'], message: 'The renderer reaches main only through the typed API.' },
            { group: ['#main/*', '**/main/*'], message: 'The renderer reaches main only through the typed API.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/preload.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['zod'], message: 'The preload stays tiny: names are injected at build time.' }] }],
    },
  },
);
