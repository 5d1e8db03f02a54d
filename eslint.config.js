// @ts-check
// Lint rules for the whole project: TypeScript with its type-aware recommended rules is too slow for `npm test` on
// two cores, so the syntactic recommended sets are used, plus Astro's own rules for .astro files.
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

export default tseslint.config(
  { ignores: ['dist/', '.desk/', 'tests/.tmp/', '.astro/', '.cache/', 'node_modules/', 'bench-results/', 'public/'] },
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    rules: {
      // `_` names a value that is deliberately unused (a destructured element, a required parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
