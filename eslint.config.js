import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** What the pure core may never import: UI, storage, the platform bridge, Electron, React, Dexie. */
const CORE_PURITY = 'renderer/src/core is pure: no UI, storage, platform, React, Dexie, Mantine, Electron or Node modules.';
const CORE_FORBIDDEN_IMPORTS = {
  paths: ['electron', 'react', 'react-dom', 'dexie', 'dexie-react-hooks', 'react-i18next', 'i18next', 'fs', 'path', 'os'].map((name) => ({
    name,
    message: CORE_PURITY,
  })),
  patterns: [
    {
      group: [
        '**/ui/**',
        '**/ui',
        '**/db/**',
        '**/db',
        '**/platform/**',
        '**/platform',
        '@platform/*',
        '**/library/**',
        '**/library',
        '**/i18n/**',
        '**/i18n',
        '**/test/**',
        '**/electron/**',
        '@mantine/*',
        'react/*',
        'node:*',
      ],
      message: CORE_PURITY,
    },
  ],
};

/**
 * The layers above the core, each with what it may never import. Dependencies point down:
 * ui → records → library → db → core, with platform and i18n beside them; none of them reaches up.
 */
const LAYER_WALLS = [
  { layer: 'db', forbidden: ['ui', 'library', 'platform', 'i18n'], why: 'storage serves every screen and service; it knows nothing of them' },
  { layer: 'library', forbidden: ['ui', 'platform', 'i18n', 'records'], why: 'the library is an application service; screens use it, not the other way round' },
  { layer: 'records', forbidden: ['ui', 'platform', 'i18n'], why: 'records are an application service; screens use them, not the other way round' },
  { layer: 'studio', forbidden: ['ui', 'platform', 'i18n'], why: 'the studio is an application service: screens use it, and pass it the platform it needs' },
  { layer: 'platform', forbidden: ['ui', 'db', 'library', 'core'], why: 'the platform bridge only carries the contract to the OS or the browser' },
  { layer: 'i18n', forbidden: ['ui', 'db', 'library', 'platform'], why: 'translations are data and formatting, below every screen' },
  {
    layer: 'credentials',
    forbidden: ['ui', 'db', 'library', 'platform', 'i18n', 'records'],
    why: 'credentials sign and verify in any process (main, renderer, worker, CLI) and know nothing of the app around them',
  },
].map(({ layer, forbidden, why }) => ({
  files: [`renderer/src/${layer}/**/*.ts`],
  ignores: ['renderer/src/**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: forbidden
              .flatMap((name) => [`**/${name}/**`, `**/${name}`, `../${name}`])
              // The pure core's records (core/records) sit below every layer; only the records service is walled off.
              .concat(forbidden.includes('records') ? ['!**/core/records/**', '!**/core/records'] : [])
              .concat(['react', 'react-dom', '@mantine/*']),
            message: `renderer/src/${layer} may not import ${forbidden.join(', ')} or React: ${why}.`,
          },
        ],
      },
    ],
  },
}));

/**
 * Screens compose the UI's features; a feature never reaches into another one (nor up into the
 * screens), so each can change its insides, or be loaded on demand, alone. What two features both
 * need lives beside them in ui/ (formatting, simulated time, the grading messages).
 */
const UI_FEATURES = [
  'catalogue',
  'debrief',
  'player',
  'profiles',
  'academy',
  'cohort',
  'progress-files',
  'exports',
  'backup',
  'lrs',
  'badges',
  'packs',
  'studio',
];
const FEATURE_WALLS = UI_FEATURES.map((feature) => {
  const others = UI_FEATURES.filter((name) => name !== feature).concat('screens');
  return {
    files: [`renderer/src/ui/${feature}/**/*.{ts,tsx}`],
    ignores: ['renderer/src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: others.flatMap((name) => [`**/ui/${name}/**`, `../${name}/**`, `../../${name}/**`, `../../../${name}/**`]),
              message: `ui/${feature} may not import another feature's or a screen's files (${others.join(', ')}): screens compose features; share code through ui/.`,
            },
          ],
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.cache/**', 'test-results/**', 'test-report/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['renderer/src/core/**/*.ts'],
    ignores: ['renderer/src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', CORE_FORBIDDEN_IMPORTS],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'fetch', 'process'].map((name) => ({
          name,
          message: 'renderer/src/core is pure: pass what it needs in as arguments.',
        })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time is passed in to the core: take a clock argument.' },
        { object: 'Math', property: 'random', message: 'Randomness is passed in to the core: take a seeded generator.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Time is passed in to the core: take a clock argument.' },
      ],
    },
  },
  ...LAYER_WALLS,
  ...FEATURE_WALLS,
  {
    // The main process and the preload hold secrets and talk to the OS: they take nothing from the
    // renderer but the pure core, the contract and the menu's translations.
    files: ['electron/**/*.ts'],
    ignores: ['electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/renderer/src/ui/**',
                '**/renderer/src/db/**',
                '**/renderer/src/library/**',
                '**/renderer/src/platform/**',
                'react',
                'react-dom',
                '@mantine/*',
                'dexie',
              ],
              message: 'electron/ takes from the renderer only the pure core and the menu translations.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'scripts/**/*.{ts,mjs,js}', 'e2e/**/*.ts', '*.config.{ts,js,mjs}', 'renderer/vite.shared.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    // zod must be configured before its first schema is built (see core/zod.ts), so the app's code
    // takes it from there; types may come from zod itself.
    files: ['renderer/src/**/*.{ts,tsx}', 'electron/**/*.ts'],
    ignores: ['renderer/src/core/zod.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zod',
              allowTypeImports: true,
              message: "Import z from renderer/src/core/zod.ts, which configures zod for the app's content security policy.",
            },
          ],
        },
      ],
    },
  },
);
