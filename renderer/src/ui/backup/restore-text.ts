// Runtime: renderer. A refused backup and a restore's differences in the reader's language.
import type { TFunction } from 'i18next';
import type { BackupTable } from '../../core/records/backup-format';
import type { BackupError, RestoreConflict } from '../../records/backup';
import { formatDate } from '../format';

type BackupT = TFunction<'backup'>;

const SETTING_NAMES = new Set([
  'language',
  'theme',
  'academyName',
  'academyIri',
  'academyIdentityField',
  'adminPassphrase',
  'moodleExport',
  'xapiIncludeDraftText',
]);

/** Where in the file a refusal points: a table's row and field, or a file inside it. */
export function refusalWhere(t: BackupT, error: BackupError): string {
  const { table, row, path, entry } = error.where;
  if (table && row !== undefined) {
    const tableName = t(`tables.${table satisfies BackupTable}`);
    return path ? t('restore.whereField', { table: tableName, row, field: path }) : t('restore.whereRow', { table: tableName, row });
  }
  if (entry) return t('restore.whereFile', { file: entry });
  if (table) return t(`tables.${table}`);
  return t('restore.whereUnknown');
}

export function refusalText(t: BackupT, error: BackupError): string {
  return t(`restore.error.${error.code}`, { where: refusalWhere(t, error) });
}

export function conflictText(t: BackupT, conflict: RestoreConflict, language: string): string {
  switch (conflict.table) {
    case 'profiles':
      return conflict.kind === 'renamed'
        ? t('restore.conflict.profiles.renamed', { name: conflict.name, restoredAs: conflict.restoredAs })
        : t('restore.conflict.profiles.other-content', { name: conflict.name });
    case 'attempts':
      return t('restore.conflict.attempts.other-content', {
        scenario: conflict.scenarioId,
        trainee: conflict.trainee,
        date: formatDate(conflict.startedAt, language),
      });
    case 'outcomes':
      return t('restore.conflict.outcomes.other-content', {
        scenario: conflict.scenarioId,
        trainee: conflict.trainee,
        date: formatDate(conflict.finishedAt, language),
      });
    case 'playedScenarios':
      return t('restore.conflict.playedScenarios.other-content', { key: conflict.key });
    case 'trainees':
      return t('restore.conflict.trainees.other-content', { name: conflict.name });
    case 'packs':
      return t(`restore.conflict.packs.${conflict.kind}`, { pack: conflict.key, installed: conflict.installedVersion, backup: conflict.backupVersion });
    case 'settings': {
      const setting = SETTING_NAMES.has(conflict.key) ? t(`settingNames.${conflict.key as 'language'}`) : conflict.key;
      return t(`restore.conflict.settings.${conflict.kind}`, { setting });
    }
  }
}
