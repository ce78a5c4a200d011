import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { backendLayers, layerZones, rendererLayers, shellZone } from './build/lint/layers.js';

// The renderer is sandboxed: it must reach files, the database and the engine only through
// the RPC contract, so these imports are refused there by lint rather than by memory.
const rendererForbidden = {
  paths: [
    { name: 'electron', message: 'The renderer talks to the backend through the RPC client only.' },
    { name: 'better-sqlite3', message: 'The database lives in the backend process.' },
    { name: 'dockerode', message: 'The container engine is driven by the backend process.' },
    { name: 'sharp', message: 'Images are processed in the backend process.' },
  ],
  patterns: [
    { group: ['node:*', 'fs', 'fs/*', 'path', 'child_process', 'os', 'crypto', 'http', 'net'], message: 'Node modules are not available in the sandboxed renderer.' },
    { regex: 'electron/backend/(?!(.+/)?contract\\.ts$|rpc/envelope\\.ts$)', message: 'The renderer may import only contract modules (and the error envelope) from the backend.' },
  ],
};

const typedProjects = ['./tsconfig.node.json', './tsconfig.renderer.json', './tsconfig.preload.json', './tsconfig.e2e.json'];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'test-results', 'playwright-report', 'resources', 'build/worker'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
      // Without a parser for TypeScript, import-x cannot read the files an import points to, and sees no cycle.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones(backendLayers), ...layerZones(rendererLayers), shellZone] }],
      'import-x/order': ['error', { groups: ['builtin', 'external', ['parent', 'sibling', 'index']], 'newlines-between': 'never', alphabetize: { order: 'asc', caseInsensitive: true } }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { project: typedProjects, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/explicit-module-boundary-types': 'error',
    },
  },
  {
    files: ['electron/**/*.{ts,mjs}', 'build/**/*.{ts,mjs,js}', 'test/**/*.{ts,tsx}', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', rendererForbidden] },
  },
  {
    files: ['electron/backend/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The backend runs in plain Node too (browser mode, CLI, tests): keep electron imports in electron/main.ts and preload.ts.' }] }],
    },
  },
  {
    // Tests and their helpers state their types where it helps the reader; return types are inferred.
    files: ['test/**/*.{ts,tsx}', '*.config.ts'],
    rules: { '@typescript-eslint/explicit-module-boundary-types': 'off' },
  },
);
