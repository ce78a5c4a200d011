import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
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
);
