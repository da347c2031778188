import js from '@eslint/js';
import vitest from '@vitest/eslint-plugin';
import jest from 'eslint-plugin-jest';
import n from 'eslint-plugin-n';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/build/**',
      '**/.svelte-kit/**',
      'data/**',
      'frontend/src/lib/api/schema.d.ts',
      'e2e/.tmp/**',
      '**/*.tmp.mjs',
      'backend/src/database/migrations/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['backend/**/*.ts', 'e2e/**/*.ts', 'packages/**/*.ts'],
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        // One project service serves every block; SvelteKit's tsconfig leaves the service worker out.
        projectService: { allowDefaultProject: ['frontend/src/service-worker.ts'] },
        tsconfigRootDir: import.meta.dirname,
        emitDecoratorMetadata: true,
        experimentalDecorators: true,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  ...svelte.configs.recommended,
  {
    files: ['frontend/**/*.svelte', 'frontend/**/*.svelte.ts', 'frontend/**/*.ts'],
    languageOptions: {
      globals: globals.browser,
      parserOptions: {
        projectService: { allowDefaultProject: ['frontend/src/service-worker.ts'] },
        extraFileExtensions: ['.svelte'],
        parser: tseslint.parser,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      'svelte/no-navigation-without-resolve': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: globals.node },
  },
  // A focused or skipped test lets the suite pass while running only part of it (the test runner
  // also fails on a focused one). it.todo stays allowed: the runner reports it.
  {
    files: ['backend/**/*.spec.ts', 'e2e/**/*.spec.ts'],
    plugins: { jest },
    settings: { jest: { version: 30 } },
    rules: { 'jest/no-focused-tests': 'error', 'jest/no-disabled-tests': 'error' },
  },
  {
    files: ['frontend/**/*.spec.ts'],
    plugins: { vitest },
    rules: { 'vitest/no-focused-tests': 'error', 'vitest/no-disabled-tests': 'error' },
  },
  // Each workspace declares the packages it imports (in its own package.json, or the root's for the
  // shared tooling), so a workspace does not work only because another one's dependency is hoisted.
  {
    files: ['backend/**/*.ts', 'e2e/**/*.ts', 'e2e/**/*.mjs', 'frontend/**/*.ts', 'frontend/**/*.svelte', 'scripts/**/*.mjs'],
    plugins: { n },
    rules: { 'n/no-extraneous-import': 'error' },
  },
);
