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
      group: ['**/ui/**', '**/ui', '**/db/**', '**/db', '**/platform/**', '**/platform', '@platform/*', '**/electron/main/**', '**/electron/preload/**', '@mantine/*', 'react/*', 'node:*'],
      message: CORE_PURITY,
    },
  ],
};

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
  {
    files: ['electron/**/*.ts', 'scripts/**/*.{ts,mjs,js}', 'e2e/**/*.ts', '*.config.{ts,js,mjs}', 'renderer/vite.shared.ts'],
    languageOptions: { globals: globals.node },
  },
);
