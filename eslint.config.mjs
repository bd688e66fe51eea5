// Lint enforces the architecture's one-way arrows (see docs/architecture.md):
//   src/      imports no electron, no node:*, no React/MUI, touches no DOM
//   renderer/ never imports electron or node:*, nor main/ or hub/
//   main/     never imports React, MUI or Dexie, nor the renderer
//   hub/      never imports electron, React or Dexie, nor main/ or the renderer
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import formatjs from 'eslint-plugin-formatjs';
import globals from 'globals';
import { builtinModules } from 'node:module';

// Built-ins are matched by exact name (a pattern "domain" would also match ../domain/model), plus node:*.
const nodeBuiltinNames = builtinModules.filter((m) => !m.startsWith('_'));

const restrict = (...groups) => {
  const exact = groups.filter((group) => group.paths).flatMap((group) => group.paths.map((name) => ({ name, message: group.message })));
  const patterns = groups.filter((group) => group.group);
  return { 'no-restricted-imports': ['error', { paths: exact, patterns }] };
};

const electron = { group: ['electron', 'electron/*', 'electron-store'], message: 'Only main/ talks to Electron.' };
const node = { group: ['node:*'], message: 'Node built-ins are not available here.' };
const nodeNames = { paths: nodeBuiltinNames, message: 'Node built-ins are not available here.' };
const react = { group: ['react', 'react/*', 'react-dom', 'react-dom/*', '@mui/*', '@emotion/*', 'zustand', 'zustand/*'], message: 'UI libraries belong to the renderer.' };
const dexie = { group: ['dexie', 'dexie-react-hooks'], message: 'The local IndexedDB belongs to the renderer (and the schema to src/db).' };
const server = { group: ['fastify', '@fastify/*', 'pg', '@electric-sql/*'], message: 'Server libraries belong to the hub.' };
const layer = (name) => ({ group: [`**/${name}/*`, `**/${name}`], message: `Arrows point one way: this layer may not import ${name}/.` });

const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'history', 'HTMLElement', 'Element', 'Node', 'requestAnimationFrame', 'alert', 'confirm'].map((name) => ({
  name,
  message: 'src/ is platform-neutral: no DOM globals.',
}));

export default tseslint.config(
  { ignores: ['scripts/*.d.mts', 'out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // The build and maintenance scripts are plain .mjs outside every tsconfig.
        projectService: { allowDefaultProject: ['*.mjs', 'scripts/*.mjs'], maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 24 },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      // Bridge implementations and storage adapters are async by contract even when one side needs no await.
      '@typescript-eslint/require-await': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      ...restrict(electron, node, nodeNames, react, server, layer('hub'), layer('main'), layer('renderer')),
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // About the React Compiler, which the workstation does not use (TanStack Virtual trips it).
      'react-hooks/incompatible-library': 'off',
      ...restrict(electron, node, nodeNames, server, layer('hub'), layer('main')),
    },
  },
  {
    files: ['main/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict(react, dexie, layer('renderer')),
  },
  {
    files: ['hub/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict(electron, react, dexie, layer('main'), layer('renderer')),
  },
  {
    // Messages people read: explicit ids (the extractor refuses a message without one), British English defaults, valid ICU.
    files: ['renderer/**/*.{ts,tsx}', 'src/**/*.ts', 'hub/**/*.ts'],
    plugins: { formatjs },
    rules: {
      'formatjs/enforce-default-message': ['error', 'literal'],
      'formatjs/enforce-placeholders': 'error',
      'formatjs/enforce-plural-rules': ['error', { one: true, other: true }],
      'formatjs/no-invalid-icu': 'error',
      'formatjs/no-multiple-whitespaces': 'error',
      'formatjs/no-offset': 'error',
    },
  },
  {
    // The workstation's screens: no literal text in JSX children or in the props that hold words; every word from the catalogues.
    files: ['renderer/**/*.tsx'],
    rules: {
      'formatjs/no-literal-string-in-jsx': [
        'error',
        { props: { include: [['*', '{label,placeholder,title,helperText,primary,secondary,alt,aria-label,aria-description,tooltip,emptyText,message}']] } },
      ],
    },
  },
  {
    files: ['tests/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Asymmetric matchers (expect.stringMatching…) are typed any.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
);
