// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import importX from 'eslint-plugin-import-x'
import globals from 'globals'

const PURE_PACKAGES = ['compiler/src/**/*.ts', 'runtime/src/**/*.ts', 'mql5-templates/src/**/*.ts']

const PURE_IMPORT_PATTERNS = [
  { group: ['node:*', 'fs', 'path', 'os', 'crypto'], message: 'compiler/runtime are pure: no Node APIs.' },
  {
    group: ['react', 'react-dom', '@xyflow/*', 'hono', 'hono/*', 'drizzle-orm*', 'pg-boss'],
    message: 'compiler/runtime must not depend on UI or server libraries.',
  },
  {
    group: ['@tradeloom/web', '@tradeloom/server', '@tradeloom/drizzle'],
    message: 'Dependencies point inward only.',
  },
]

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.tradeloom/**',
      'drizzle/migrations/**',
      '**/_expected/**',
      'web/test-results/**',
      'web/e2e/artifacts/**',
      '**/*.gen.ts',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // npm workspaces hoist packages: an undeclared import would otherwise resolve by accident.
      'import-x/no-extraneous-dependencies': ['error', { packageDir: ['.', './runtime', './compiler', './mql5-templates', './drizzle', './server', './web'] }],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
  {
    // compiler and runtime are pure: data in, data out. The typechecker (lib ES2022, types [])
    // already rejects DOM and Node globals; these rules catch what it cannot.
    files: PURE_PACKAGES,
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: PURE_IMPORT_PATTERNS }],
      'no-restricted-globals': ['error', 'window', 'document', 'fetch', 'setTimeout', 'setInterval', 'process'],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Deterministic: take time from bars.' },
        { object: 'Math', property: 'random', message: 'Deterministic: inject a seeded RNG.' },
      ],
    },
  },
  {
    // The compiler emits `import ... from '@tradeloom/runtime'` as text; only its tests load the runtime.
    files: ['compiler/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: PURE_IMPORT_PATTERNS,
          paths: [
            {
              name: '@tradeloom/runtime',
              message: 'compiler/src may import runtime types only (import type).',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
)
