// Runtime: renderer. The interface in Russian: its namespaces in a chunk of their own, loaded when the
// interface speaks it (resources.ts, loadLanguageResources). Typed against English, so a namespace or
// key missing here fails type-checking too.
import type { LanguageResources } from './resources';
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

export const russian: LanguageResources = {
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
};
