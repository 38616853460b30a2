// Runtime: renderer. The UI's translations, one namespace per feature. English is the source of
// truth: its shape types every `t()` key, and every other language must have the same keys.
// (`menu` is read by the main process for the application menu, not by the renderer.)
import type { Language } from '../../../electron/contract/api';
import enAbout from './locales/en/about.json';
import enCommon from './locales/en/common.json';
import enGrading from './locales/en/grading.json';
import enHome from './locales/en/home.json';
import enSettings from './locales/en/settings.json';
import enShell from './locales/en/shell.json';
import ruAbout from './locales/ru/about.json';
import ruCommon from './locales/ru/common.json';
import ruGrading from './locales/ru/grading.json';
import ruHome from './locales/ru/home.json';
import ruSettings from './locales/ru/settings.json';
import ruShell from './locales/ru/shell.json';

export const DEFAULT_NAMESPACE = 'common';

// `grading` holds the grader's messages, keyed by rule id (ids contain dots: the keys are flat).
const en = { common: enCommon, shell: enShell, home: enHome, settings: enSettings, about: enAbout, grading: enGrading };

export type Namespace = keyof typeof en;

export const NAMESPACES = Object.keys(en) as Namespace[];

/** Typed against English, so a namespace or key missing from a translation fails type-checking too. */
export const resources: Record<Language, typeof en> = {
  en,
  ru: { common: ruCommon, shell: ruShell, home: ruHome, settings: ruSettings, about: ruAbout, grading: ruGrading },
};

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof DEFAULT_NAMESPACE;
    resources: typeof en;
  }
}
