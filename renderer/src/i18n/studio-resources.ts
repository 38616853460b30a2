// Runtime: renderer. The instructor studio's translations. They are not in the app's first script
// (resources.ts): the studio's screen adds them when it opens (ui/studio/translations.ts), as its
// code arrives on demand. Typed against English like the rest, so a key missing in a language fails
// type-checking; the parity test reads every locale file, these included.
import type { i18n } from 'i18next';
import type { Language } from '../../../electron/contract/api';
import enPackDiagnostics from './locales/en/packDiagnostics.json';
import enStudio from './locales/en/studio.json';
import enStudioCalibration from './locales/en/studioCalibration.json';
import enStudioForms from './locales/en/studioForms.json';
import enStudioImport from './locales/en/studioImport.json';
import enStudioProblems from './locales/en/studioProblems.json';
import enStudioPublish from './locales/en/studioPublish.json';
import ruPackDiagnostics from './locales/ru/packDiagnostics.json';
import ruStudio from './locales/ru/studio.json';
import ruStudioCalibration from './locales/ru/studioCalibration.json';
import ruStudioForms from './locales/ru/studioForms.json';
import ruStudioImport from './locales/ru/studioImport.json';
import ruStudioProblems from './locales/ru/studioProblems.json';
import ruStudioPublish from './locales/ru/studioPublish.json';
import ukPackDiagnostics from './locales/uk/packDiagnostics.json';
import ukStudio from './locales/uk/studio.json';
import ukStudioCalibration from './locales/uk/studioCalibration.json';
import ukStudioForms from './locales/uk/studioForms.json';
import ukStudioImport from './locales/uk/studioImport.json';
import ukStudioProblems from './locales/uk/studioProblems.json';
import ukStudioPublish from './locales/uk/studioPublish.json';

const en = {
  studio: enStudio,
  studioProblems: enStudioProblems,
  // The pack checker's messages: the problems panel's, and the CLI's (scripts/lib/messages.ts).
  packDiagnostics: enPackDiagnostics,
  studioForms: enStudioForms,
  studioCalibration: enStudioCalibration,
  studioPublish: enStudioPublish,
  studioImport: enStudioImport,
};

export type StudioResources = typeof en;

export type StudioNamespace = keyof StudioResources;

export const STUDIO_NAMESPACES = Object.keys(en) as StudioNamespace[];

export const studioResources: Record<Language, StudioResources> = {
  en,
  ru: {
    studio: ruStudio,
    studioProblems: ruStudioProblems,
    packDiagnostics: ruPackDiagnostics,
    studioForms: ruStudioForms,
    studioCalibration: ruStudioCalibration,
    studioPublish: ruStudioPublish,
    studioImport: ruStudioImport,
  },
  uk: {
    studio: ukStudio,
    studioProblems: ukStudioProblems,
    packDiagnostics: ukPackDiagnostics,
    studioForms: ukStudioForms,
    studioCalibration: ukStudioCalibration,
    studioPublish: ukStudioPublish,
    studioImport: ukStudioImport,
  },
};

/** Adds the studio's namespaces to `instance` in every language (once: later calls change nothing). */
export function addStudioResources(instance: i18n): void {
  for (const [language, namespaces] of Object.entries(studioResources)) {
    for (const [namespace, bundle] of Object.entries(namespaces)) {
      if (!instance.hasResourceBundle(language, namespace)) instance.addResourceBundle(language, namespace, bundle);
    }
  }
}
