import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layerFences } from './scripts/eslint/layer-fences.js';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'action/dist/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // the CLI's start-up files are CommonJS on purpose (scripts/bundle-cli.mjs says why)
    files: ['scripts/**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Layer fences at every folder depth (scripts/eslint/layer-fences.js): git only in src/git, Octokit only in
    // src/github, nothing imports src/cli, and the pure layers stay free of fs, processes, network and colour.
    files: ['src/**/*.ts'],
    plugins: { agentgate: layerFences },
    rules: { 'agentgate/layer-fences': 'error' },
  },
  {
    files: ['src/core/**/*.ts', 'src/sources/**/*.ts', 'src/schemas/**/*.ts', 'src/errors.ts'],
    rules: { 'no-restricted-globals': ['error', 'process'] },
  },
);
