// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'events', 'worker_threads'];

/** Import boundaries of ARCHITECTURE.md, enforced: a violation fails `npm test`. */
function forbid(patterns, message) {
  return ['error', { patterns: [{ group: patterns, message }] }];
}

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'coverage/', 'tests/.artifacts/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': forbid(
        ['electron', 'electron/*', 'react', 'react-dom', 'react/*', '@mantine/*', 'zustand', ...nodeBuiltins, '../renderer/*', '../electron/*', '../../renderer/*', '../../electron/*'],
        'core/ is platform-neutral: no electron, React, DOM or node:* (pass what you need in).',
      ),
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'process', 'Buffer', 'require', '__dirname', 'console'].map((name) => ({
          name,
          message: 'core/ is platform-neutral: receive this from the host instead.',
        })),
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': forbid(
        ['electron', 'electron/*', ...nodeBuiltins, '**/electron/**', 'sql.js'],
        'renderer/ is untrusted web content: it talks to the backend through the api client only.',
      ),
    },
  },
  {
    files: ['electron/**/*.ts', 'scripts/**/*.{ts,mjs,js}', 'tests/**/*.{ts,tsx}', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
