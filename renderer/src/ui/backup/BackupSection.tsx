// Runtime: renderer. Settings' "Backup and privacy": back up this device to one file, restore one (what
// it would add, then what it added and every difference kept), and one trainee's data saved or erased.
// The screen gates it behind the administrator (`gate`): it holds every trainee's records.
import { Alert, Button, Card, Center, Divider, Group, List, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BACKUP_TABLES, REPORT_TABLES, type BackupTable, type RestoreReport } from '../../core/records/backup-format';
import { StorageFullError } from '../../db/errors';
import type { Backup, BackupProgress, CreatedBackup } from '../../records/backup';
import { BACKUP_EXTENSION, BackupError, createBackup, openBackupFile, previewRestore, restoreBackup } from '../../records/backup';
import type { TraineeEntry } from '../../records/trainee-data';
import { listTrainees } from '../../records/trainee-data';
import { formatDate } from '../format';
import { StorageIcon } from '../icons';
import { useServices } from '../services';
import { useStorageProblems } from '../storage-problems';
import { EraseTraineeData } from './EraseTraineeData';
import { conflictText, refusalText } from './restore-text';
import { SaveTraineeData } from './SaveTraineeData';

/** Differences listed in full; beyond this many, the rest are counted. */
const CONFLICTS_SHOWN = 50;

function progressLabel(t: ReturnType<typeof useTranslation<'backup'>>['t'], progress: BackupProgress): string {
  if (progress.phase === 'reading') return t('backup.reading', { done: progress.done, total: progress.total });
  if (progress.phase === 'restoring') return t('restore.restoring', { done: progress.done, total: progress.total });
  return t('backup.writing', { percent: progress.total === 0 ? 100 : Math.floor((progress.done / progress.total) * 100) });
}

function ProgressLine({ progress, testId }: { progress: BackupProgress; testId: string }) {
  const { t } = useTranslation('backup');
  const label = progressLabel(t, progress);
  const value = progress.total === 0 ? 100 : (progress.done / progress.total) * 100;
  return (
    <Stack gap={4} data-testid={testId}>
      <Text size="sm" role="status">
        {label}
      </Text>
      <Progress value={value} aria-label={label} />
    </Stack>
  );
}

function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function BackupPanel() {
  const { t } = useTranslation('backup');
  const { db, platform, appInfo } = useServices();
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const [result, setResult] = useState<{ saved: string | null; created: CreatedBackup } | { failed: string } | null>(null);

  const backUp = async (): Promise<void> => {
    setResult(null);
    setProgress({ phase: 'reading', done: 0, total: BACKUP_TABLES.length });
    try {
      const created = await createBackup(db, { appVersion: appInfo.version, onProgress: setProgress });
      const saved = await platform.saveFile({
        title: t('backup.dialogTitle'),
        suggestedName: created.fileName,
        bytes: created.bytes,
        filters: [{ name: t('backup.filter'), extensions: [BACKUP_EXTENSION] }],
      });
      setResult({ saved: saved.saved ? saved.name : null, created });
    } catch (error) {
      setResult({ failed: errorDetail(error) });
    } finally {
      setProgress(null);
    }
  };

  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('backup.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('backup.description')}
      </Text>
      <Group>
        <Button onClick={() => void backUp()} loading={progress !== null} data-testid="backup-create">
          {t('backup.action')}
        </Button>
      </Group>
      {progress && <ProgressLine progress={progress} testId="backup-progress" />}
      {result && 'failed' in result && (
        <Alert color="red" role="alert" data-testid="backup-failed">
          {t('backup.failed', { detail: result.failed })}
        </Alert>
      )}
      {result && 'created' in result && (
        <Alert color={result.saved ? 'teal' : 'gray'} role="status" data-testid="backup-result">
          <Stack gap="xs">
            <Text size="sm">{result.saved ? t('backup.saved', { name: result.saved }) : t('backup.notSaved')}</Text>
            {result.created.leftOut > 0 && <Text size="sm">{t('backup.leftOut', { count: result.created.leftOut })}</Text>}
            {result.saved && <RowsTable rows={result.created.rows} />}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

function RowsTable({ rows }: { rows: Record<BackupTable, number> }) {
  const { t } = useTranslation('backup');
  return (
    <Table withRowBorders={false} verticalSpacing={2} data-testid="backup-rows">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('backup.contents')}</Table.Th>
          <Table.Th ta="end">{t('backup.rows')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {BACKUP_TABLES.filter((table) => rows[table] > 0).map((table) => (
          <Table.Tr key={table}>
            <Table.Td>{t(`tables.${table}`)}</Table.Td>
            <Table.Td ta="end">{rows[table]}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ReportTable({ report, testId }: { report: RestoreReport; testId: string }) {
  const { t } = useTranslation('backup');
  return (
    <Table withTableBorder verticalSpacing={4} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('restore.table')}</Table.Th>
          <Table.Th ta="end">{t('restore.added')}</Table.Th>
          <Table.Th ta="end">{t('restore.unchanged')}</Table.Th>
          <Table.Th ta="end">{t('restore.conflicts')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {REPORT_TABLES.map((table) => {
          const counts = report.tables[table];
          return (
            <Table.Tr key={table} data-testid={`${testId}-${table}`}>
              <Table.Td>{t(`tables.${table}`)}</Table.Td>
              <Table.Td ta="end">{counts.added}</Table.Td>
              <Table.Td ta="end">{counts.unchanged}</Table.Td>
              <Table.Td ta="end">{counts.conflicts}</Table.Td>
            </Table.Tr>
          );
        })}
        {/* Statements other bytes hold here stay as they are: the LRS may already have them so. */}
        <Table.Tr data-testid={`${testId}-outbox`}>
          <Table.Td>{t('tables.outbox')}</Table.Td>
          <Table.Td ta="end">{report.statements.added}</Table.Td>
          <Table.Td ta="end">{report.statements.unchanged}</Table.Td>
          <Table.Td ta="end">{report.statements.conflicts}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

function Conflicts({ report }: { report: RestoreReport }) {
  const { t, i18n } = useTranslation('backup');
  if (report.conflicts.length === 0) return null;
  const shown = report.conflicts.slice(0, CONFLICTS_SHOWN);
  return (
    <Stack gap={4} data-testid="restore-conflicts">
      <Text size="sm" fw={600}>
        {t('restore.conflictsTitle', { count: report.conflicts.length })}
      </Text>
      <List size="sm">
        {shown.map((conflict) => (
          <List.Item key={`${conflict.table}:${conflict.key}`}>{conflictText(t, conflict, i18n.language)}</List.Item>
        ))}
      </List>
      {report.conflicts.length > shown.length && <Text size="sm">{t('restore.conflictsMore', { count: report.conflicts.length - shown.length })}</Text>}
    </Stack>
  );
}

type RestoreState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'refused'; message: string }
  | { kind: 'preview'; backup: Backup; report: RestoreReport }
  | { kind: 'restoring'; progress: BackupProgress }
  | { kind: 'done'; report: RestoreReport }
  | { kind: 'failed'; message: string };

function RestorePanel() {
  const { t, i18n } = useTranslation('backup');
  const { db, platform } = useServices();
  const { report: reportStorageProblem } = useStorageProblems();
  const [state, setState] = useState<RestoreState>({ kind: 'idle' });

  const choose = async (): Promise<void> => {
    const file = await platform.openFile({ title: t('restore.dialogTitle'), filters: [{ name: t('backup.filter'), extensions: [BACKUP_EXTENSION] }] });
    if (!file) return;
    setState({ kind: 'checking' });
    try {
      const backup = await openBackupFile(file.bytes);
      setState({ kind: 'preview', backup, report: await previewRestore(db, backup) });
    } catch (error) {
      if (error instanceof BackupError) setState({ kind: 'refused', message: refusalText(t, error) });
      else setState({ kind: 'failed', message: t('restore.failed', { detail: errorDetail(error) }) });
    }
  };

  const restore = async (backup: Backup): Promise<void> => {
    setState({ kind: 'restoring', progress: { phase: 'restoring', done: 0, total: 1 } });
    try {
      const report = await restoreBackup(db, backup, { onProgress: (progress) => setState({ kind: 'restoring', progress }) });
      setState({ kind: 'done', report });
    } catch (error) {
      if (error instanceof StorageFullError) {
        reportStorageProblem(error);
        setState({ kind: 'failed', message: t('restore.full') });
      } else {
        setState({ kind: 'failed', message: t('restore.failed', { detail: errorDetail(error) }) });
      }
    }
  };

  const added = (report: RestoreReport) => Object.values(report.tables).reduce((sum, counts) => sum + counts.added, report.statements.added);

  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('restore.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('restore.description')}
      </Text>
      <Group>
        <Button
          variant="default"
          onClick={() => void choose()}
          loading={state.kind === 'checking'}
          disabled={state.kind === 'restoring' || state.kind === 'preview'}
          data-testid="restore-choose"
        >
          {t('restore.action')}
        </Button>
      </Group>
      {state.kind === 'checking' && (
        <Text size="sm" role="status">
          {t('restore.checking')}
        </Text>
      )}
      {(state.kind === 'refused' || state.kind === 'failed') && (
        <Alert color="red" role="alert" data-testid="restore-refused">
          {state.message}
        </Alert>
      )}
      {state.kind === 'preview' && (
        <Card withBorder data-testid="restore-preview">
          <Stack gap="sm">
            <Text size="sm">{t('restore.made', { date: formatDate(state.backup.meta.createdAt, i18n.language), version: state.backup.meta.appVersion })}</Text>
            <Text size="sm">{t('restore.previewIntro')}</Text>
            <ReportTable report={state.report} testId="restore-preview-table" />
            <Conflicts report={state.report} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setState({ kind: 'idle' })} data-testid="restore-cancel">
                {t('restore.cancel')}
              </Button>
              <Button onClick={() => void restore(state.backup)} data-testid="restore-confirm">
                {t('restore.confirm')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      {state.kind === 'restoring' && <ProgressLine progress={state.progress} testId="restore-progress" />}
      {state.kind === 'done' && (
        <Alert color="teal" role="status" data-testid="restore-done">
          <Stack gap="sm">
            <Text size="sm" fw={600}>
              {added(state.report) > 0 ? t('restore.done') : t('restore.nothingNew')}
            </Text>
            <ReportTable report={state.report} testId="restore-done-table" />
            <Conflicts report={state.report} />
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

function TraineeDataPanel() {
  const { t } = useTranslation('backup');
  const { db } = useServices();
  const trainees = useLiveQuery(() => listTrainees(db), [db]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [erased, setErased] = useState<string | null>(null);
  const selected: TraineeEntry | undefined = trainees?.find((entry) => entry.uid === chosen);

  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('trainee.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('trainee.description')}
      </Text>
      {trainees && trainees.length === 0 ? (
        <Text size="sm" data-testid="trainee-none">
          {t('trainee.none')}
        </Text>
      ) : (
        <Select
          label={t('trainee.label')}
          placeholder={t('trainee.placeholder')}
          data={(trainees ?? []).map((entry) => ({
            value: entry.uid,
            label: entry.ref.kind === 'imported' ? t('trainee.imported', { name: entry.name }) : entry.name,
          }))}
          value={selected ? chosen : null}
          onChange={(value) => {
            setChosen(value);
            setErased(null);
          }}
          searchable
          maw={360}
          data-testid="trainee-select"
        />
      )}
      {selected && (
        <Group align="flex-start" key={selected.uid}>
          <SaveTraineeData trainee={selected.ref} />
          <EraseTraineeData trainee={selected} onErased={setErased} />
        </Group>
      )}
      {erased && (
        <Alert color="teal" role="status" data-testid="trainee-erased">
          {t('erase.done', { name: erased })}
        </Alert>
      )}
    </Stack>
  );
}

/** `gate` wraps what needs the administrator, saying why (the screen passes RequireAdmin). */
export function BackupSection({ gate = (content) => content }: { gate?: (content: ReactNode, reason: string) => ReactNode }) {
  const { t } = useTranslation('backup');
  return (
    <Card data-testid="settings-backup">
      <Group gap="sm" wrap="nowrap" mb="lg" align="flex-start">
        <Center c="navy.6" mt={2}>
          <StorageIcon />
        </Center>
        <div>
          <Title order={2} size="h4">
            {t('section.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('section.description')}
          </Text>
        </div>
      </Group>
      {gate(
        <Stack gap="lg">
          <BackupPanel />
          <Divider />
          <RestorePanel />
          <Divider />
          <TraineeDataPanel />
          <Text size="xs" c="dimmed" data-testid="backup-privacy">
            {t('section.privacy')}
          </Text>
        </Stack>,
        t('section.adminReason'),
      )}
    </Card>
  );
}
