// ESLint (flat config), run by `npm run lint` inside `npm test`. Formatting is Prettier's (`npm run check-format`).
import { dirname } from 'node:path';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'out/', 'node_modules/', '.vscode-test/', 'data/', '*.vsix', 'src/core/lexicon/generated.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      // the files whose imports no-cycle follows (only .js by default), and how to read them
      'import-x/extensions': ['.ts', '.mjs', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      // imports nothing, and is 400 KB of word lists: not worth parsing
      'import-x/ignore': ['src/core/lexicon/generated\\.ts$'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.mjs', '.js', '.json'] })],
    },
    rules: {
      // The architecture allows no import cycle, however long (src/core, src/vscode and src/cli alike).
      'import-x/no-cycle': ['error', { maxDepth: '∞', ignoreExternal: true }],
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        // as tsconfig's noUnusedLocals: a name starting with `_` is unused on purpose
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true, caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: dirname(import.meta.dirname) },
    },
    rules: {
      // A promise nobody awaits loses its error: every one is awaited, returned or marked `void`.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The end-to-end tests and the demo also run functions inside the browser page.
    files: ['test/e2e/**/*.mjs', 'test/runner/demo.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
