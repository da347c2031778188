import js from '@eslint/js';
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
);
