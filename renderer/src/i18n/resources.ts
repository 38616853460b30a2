// Runtime: renderer. The UI's translations, one namespace per feature. English is the source of
// truth: its shape types every `t()` key, and every other language must have the same keys.
// (`menu` is read by the main process for the application menu, not by the renderer.)
// The instructor studio's own namespaces (`studio`, `studio…`) are registered in studio-resources.ts
// instead: they load with the studio, not in the first paint's script.
import type { Language } from '../../../electron/contract/api';
import type { StudioResources } from './studio-resources';
import enAbout from './locales/en/about.json';
import enCommon from './locales/en/common.json';
import enGrading from './locales/en/grading.json';
import enHome from './locales/en/home.json';
import enSettings from './locales/en/settings.json';
import enShell from './locales/en/shell.json';
import enProfiles from './locales/en/profiles.json';
import enCatalogue from './locales/en/catalogue.json';
import enPlayer from './locales/en/player.json';
import enFeed from './locales/en/feed.json';
import enComposer from './locales/en/composer.json';
import enDebrief from './locales/en/debrief.json';
import enPacks from './locales/en/packs.json';
import enAcademy from './locales/en/academy.json';
import enRecords from './locales/en/records.json';
import enBackup from './locales/en/backup.json';
import enProgressFiles from './locales/en/progressFiles.json';
import enExports from './locales/en/exports.json';
import enBadges from './locales/en/badges.json';
import enLrs from './locales/en/lrs.json';
import enPackManager from './locales/en/packManager.json';

export const DEFAULT_NAMESPACE = 'common';

// `grading` holds the grader's messages, keyed by rule id (ids contain dots: the keys are flat).
const en = {
  common: enCommon,
  shell: enShell,
  home: enHome,
  settings: enSettings,
  about: enAbout,
  grading: enGrading,
  profiles: enProfiles,
  catalogue: enCatalogue,
  player: enPlayer,
  feed: enFeed,
  composer: enComposer,
  debrief: enDebrief,
  packs: enPacks,
  academy: enAcademy,
  records: enRecords,
  backup: enBackup,
  progressFiles: enProgressFiles,
  exports: enExports,
  badges: enBadges,
  lrs: enLrs,
  packManager: enPackManager,
};

export type Namespace = keyof typeof en;

export const NAMESPACES = Object.keys(en) as Namespace[];

export type LanguageResources = typeof en;

/**
 * English is in the first script: it is the fallback every other language leans on. Russian and
 * Ukrainian arrive on demand (each ≈25 kB gzipped), before the first paint in that language and when
 * the interface is switched to it, so a language not spoken costs nothing at startup.
 */
export const english: LanguageResources = en;

/** A language's namespaces: English at once, the others from their own chunk. */
export async function loadLanguageResources(language: Language): Promise<LanguageResources> {
  if (language === 'ru') return (await import('./resources-ru')).russian;
  if (language === 'uk') return (await import('./resources-uk')).ukrainian;
  return english;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof DEFAULT_NAMESPACE;
    // The studio's namespaces are typed like the rest but loaded with the studio (studio-resources.ts).
    resources: typeof en & StudioResources;
  }
}
