import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Database access (Drizzle, SQL drivers): only repositories (*.repo.ts) and src/server/db use it. */
const DATABASE_PACKAGES = ['drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/pglite', '@electric-sql/pglite/*'];
/**
 * Allowed exception: record policies build the SQL scope their repository applies (by design,
 * docs/module-template.md).
 */
const SQL_EXCEPTIONS = ['src/**/*.policy.ts'];

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'src/server/db/migrations/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  // Type-aware rules, on TypeScript only: a promise is awaited, returned or explicitly voided, and
  // never handed to something that does not wait for it (an event handler, a forEach, an if).
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // Import boundaries (docs/architecture.md).
  {
    files: ['src/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', '**/cli/**'], message: 'The web app never imports server code; share contracts through src/shared.' },
            { group: [...DATABASE_PACKAGES, 'fastify', '@fastify/*', 'node:*'], message: 'Server-side package: not in the web app.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/platform/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/modules/**'], message: 'The platform (and shared code) never imports a module; modules build on the platform.' }] },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/server/db/**', 'src/**/*.repo.ts', 'src/**/*.test.ts', ...SQL_EXCEPTIONS],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: DATABASE_PACKAGES,
              allowTypeImports: true,
              message: 'SQL and Drizzle live in repositories (*.repo.ts) and src/server/db; call a repository instead.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'scripts/**', 'tests/**', 'bin/**'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.test.ts', 'tests/**'],
    // Tests assert presence right before; a failed assertion is the better error than a guard.
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
