// Runtime: renderer. The interface in Ukrainian: its namespaces in a chunk of their own, loaded when the
// interface speaks it (resources.ts, loadLanguageResources). Typed against English, so a namespace or
// key missing here fails type-checking too.
import type { LanguageResources } from './resources';
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

export const ukrainian: LanguageResources = {
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
};
