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
import ruAbout from './locales/ru/about.json';
import ruCommon from './locales/ru/common.json';
import ruGrading from './locales/ru/grading.json';
import ruHome from './locales/ru/home.json';
import ruSettings from './locales/ru/settings.json';
import ruShell from './locales/ru/shell.json';
import ruProfiles from './locales/ru/profiles.json';
import ruCatalogue from './locales/ru/catalogue.json';
import ruPlayer from './locales/ru/player.json';
import ruFeed from './locales/ru/feed.json';
import ruComposer from './locales/ru/composer.json';
import ruDebrief from './locales/ru/debrief.json';
import ruPacks from './locales/ru/packs.json';
import ruBackup from './locales/ru/backup.json';
import ruProgressFiles from './locales/ru/progressFiles.json';
import ruAcademy from './locales/ru/academy.json';
import ruRecords from './locales/ru/records.json';
import ruExports from './locales/ru/exports.json';
import ruBadges from './locales/ru/badges.json';
import ruLrs from './locales/ru/lrs.json';
import ruPackManager from './locales/ru/packManager.json';
import ukAbout from './locales/uk/about.json';
import ukCommon from './locales/uk/common.json';
import ukGrading from './locales/uk/grading.json';
import ukHome from './locales/uk/home.json';
import ukSettings from './locales/uk/settings.json';
import ukShell from './locales/uk/shell.json';
import ukProfiles from './locales/uk/profiles.json';
import ukCatalogue from './locales/uk/catalogue.json';
import ukPlayer from './locales/uk/player.json';
import ukFeed from './locales/uk/feed.json';
import ukComposer from './locales/uk/composer.json';
import ukDebrief from './locales/uk/debrief.json';
import ukPacks from './locales/uk/packs.json';
import ukBackup from './locales/uk/backup.json';
import ukProgressFiles from './locales/uk/progressFiles.json';
import ukAcademy from './locales/uk/academy.json';
import ukRecords from './locales/uk/records.json';
import ukExports from './locales/uk/exports.json';
import ukBadges from './locales/uk/badges.json';
import ukLrs from './locales/uk/lrs.json';
import ukPackManager from './locales/uk/packManager.json';

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

/** Typed against English, so a namespace or key missing from a translation fails type-checking too. */
export const resources: Record<Language, typeof en> = {
  en,
  ru: {
    common: ruCommon,
    shell: ruShell,
    home: ruHome,
    settings: ruSettings,
    about: ruAbout,
    grading: ruGrading,
    profiles: ruProfiles,
    catalogue: ruCatalogue,
    player: ruPlayer,
    feed: ruFeed,
    composer: ruComposer,
    debrief: ruDebrief,
    packs: ruPacks,
    academy: ruAcademy,
    records: ruRecords,
    backup: ruBackup,
    progressFiles: ruProgressFiles,
    exports: ruExports,
    badges: ruBadges,
    lrs: ruLrs,
    packManager: ruPackManager,
  },
  uk: {
    common: ukCommon,
    shell: ukShell,
    home: ukHome,
    settings: ukSettings,
    about: ukAbout,
    grading: ukGrading,
    profiles: ukProfiles,
    catalogue: ukCatalogue,
    player: ukPlayer,
    feed: ukFeed,
    composer: ukComposer,
    debrief: ukDebrief,
    packs: ukPacks,
    academy: ukAcademy,
    records: ukRecords,
    backup: ukBackup,
    progressFiles: ukProgressFiles,
    exports: ukExports,
    badges: ukBadges,
    lrs: ukLrs,
    packManager: ukPackManager,
  },
};

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof DEFAULT_NAMESPACE;
    // The studio's namespaces are typed like the rest but loaded with the studio (studio-resources.ts).
    resources: typeof en & StudioResources;
  }
}
