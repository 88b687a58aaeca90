// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'release/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // State keeps maps as plain records persisted to JSON, so deleting by key is the norm.
      '@typescript-eslint/no-dynamic-delete': 'off',
    },
  },
  {
    // The core must run in plain Node: Electron stays in src-main/electron and preload.
    files: ['src-main/core/**/*.ts', 'src-main/cli/**/*.ts', 'local-aws/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'core/ must not import electron' }] },
      ],
    },
  },
  {
    // The renderer: React's rules of hooks, and TypeScript (not no-undef) knows the DOM globals.
    files: ['src-renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    rules: {
      ...reactHooks.configs.flat['recommended-latest'].rules,
      'react-hooks/exhaustive-deps': 'error',
      'no-undef': 'off',
    },
  },
);
