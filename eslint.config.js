// Lint rules and the layer rules of the floor plan (README "Architecture"): what may import what.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const layer = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', '.cache/', 'tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      'no-undef': 'off', // TypeScript checks names
      'no-control-regex': 'off', // input checks match control characters on purpose (NUL, C0 in paths and text)
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'max-len': [
        'error',
        {
          code: 120,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreUrls: true,
          ignoreRegExpLiterals: true,
          ignoreComments: false,
        },
      ],
    },
  },
  {
    // the fake SMTP server and a few assertions in tests read best as comma sequences
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: restrict(
      layer(
        ['**/modules/**', '**/db/**', '**/server/**', '**/cli/**', '**/app/**'],
        'Domain rules are pure: they import no module, database, server or CLI code.',
      ),
      layer(
        ['pg', 'hono', 'hono/*', 'exceljs', 'node:fs', 'node:fs/*', 'node:net', 'node:http', 'fs', 'net', 'http'],
        'Domain rules do no I/O.',
      ),
    ),
  },
  {
    files: ['src/db/**/*.ts'],
    rules: restrict(
      layer(
        ['**/modules/**', '**/server/**', '**/cli/**', '**/app/**'],
        'The database layer imports no module, server or CLI code.',
      ),
    ),
  },
  {
    files: ['src/cli/**/*.ts'],
    ignores: ['src/cli/serve.ts'],
    rules: restrict(
      layer(
        ['**/server/**', '**/server/*'],
        'The CLI starts without the HTTP server: database start-up is in src/app (only serve.ts loads src/server).',
      ),
    ),
  },
  {
    files: ['src/modules/**/*.ts'],
    ignores: ['src/modules/*/routes.ts', 'src/modules/*/routes-*.ts'],
    rules: restrict(
      layer(
        ['**/server/**', '**/cli/main', '**/cli/commands'],
        'A module imports nothing from the server: only its routes.ts uses the route declaration.',
      ),
    ),
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    rules: restrict(
      layer(
        [
          '**/src/modules/*/repo*',
          '**/src/modules/*/service*',
          '**/src/modules/*/service/**',
          '**/src/db/**',
          '**/src/server/**',
          '**/src/cli/**',
        ],
        'The web imports contracts and domain types only (src/modules/<area>/contracts.ts, src/domain).',
      ),
    ),
  },
  {
    // Values (role lists, constants, schemas) come from src/domain only: a value from a module would pull the
    // server's code (zod, its dependencies) into the browser bundle. Types are erased and may come from contracts.
    files: ['web/src/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/modules/**'],
              allowTypeImports: true,
              message: 'The web imports values only from src/domain; from src/modules use `import type`.',
            },
          ],
        },
      ],
    },
  },
);
