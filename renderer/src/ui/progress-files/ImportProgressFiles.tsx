// Runtime: renderer. Importing trainees' progress files on the academy's machine: many chosen at once,
// each checked, graded again and merged in turn with its progress shown, and per file what it brought:
// the trainee, attempts added, unchanged and conflicting, signature or integrity failures, grades that
// were edited, and the trainee's completion under this academy's courses. The screen that mounts it
// puts it behind the administrator's passphrase.
import { Alert, Badge, Button, Group, List, Modal, Paper, Progress, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutcomeConflict, OutcomeGist, TraineeMerge } from '../../core/records/merge';
import type { RegradeReport, ScoreGist } from '../../core/records/regrade';
import type { Library } from '../../library/library';
import { findScenario, localized } from '../../library/library';
import type { ImportResult, ImportedFile, ProgressImporter, RefusedFile } from '../../records/progress-files';
import { MAX_DRAFTS_GRADED_PER_FILE } from '../../records/records-protocol';
import { formatDate, formatList, formatScore } from '../format';
import { useServices } from '../services';
import { keyFingerprint } from './fingerprint';

type FileState =
  | { name: string; bytes: Uint8Array; status: 'waiting' | 'working' }
  | { name: string; bytes: Uint8Array; status: 'done'; result: ImportResult }
  | { name: string; bytes: Uint8Array; status: 'failed'; message: string };

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));
/** Lets the page draw the last file's result before the next file is read. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function ImportProgressFiles({ library }: { library: Library | null }) {
  const { t } = useTranslation('progressFiles');
  const { db, platform } = useServices();
  const [files, setFiles] = useState<FileState[] | null>(null);
  const [openFailure, setOpenFailure] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const importer = useRef<ProgressImporter | null>(null);

  const update = (index: number, next: FileState) => setFiles((current) => current && current.map((file, at) => (at === index ? next : file)));

  const importOne = async (file: FileState, index: number, trustDevice = false) => {
    update(index, { name: file.name, bytes: file.bytes, status: 'working' });
    try {
      const result = await importer.current!.importFile(file.bytes, { trustDevice });
      update(index, { name: file.name, bytes: file.bytes, status: 'done', result });
    } catch (error) {
      update(index, { name: file.name, bytes: file.bytes, status: 'failed', message: errorMessage(error) });
    }
  };

  const choose = async () => {
    if (!library) return;
    setOpenFailure(null);
    let opened;
    try {
      opened = await platform.openFiles({ title: t('import.dialogTitle'), filters: [{ name: t('import.filter'), extensions: ['attache-progress'] }] });
    } catch (error) {
      setOpenFailure(errorMessage(error));
      return;
    }
    if (opened.length === 0) return;
    const queued: FileState[] = opened.map((file) => ({ name: file.name, bytes: file.bytes, status: 'waiting' }));
    setFiles(queued);
    setRunning(true);
    try {
      // The grader and the file format load when an administrator first imports, not with the screen.
      const [{ createProgressImporter }, localDeviceKey] = await Promise.all([
        import('../../records/progress-files'),
        platform.getDeviceKey({ create: false }).then(
          (key) => key?.publicKey ?? null,
          () => null,
        ),
      ]);
      importer.current?.close();
      importer.current = createProgressImporter(db, library, { localDeviceKey });
      for (const [index, file] of queued.entries()) {
        await nextTurn();
        await importOne(file, index);
      }
    } catch (error) {
      setOpenFailure(errorMessage(error));
    } finally {
      setRunning(false);
    }
  };

  const trust = async (index: number) => {
    const file = files?.[index];
    if (!file || !importer.current) return;
    setRunning(true);
    try {
      await importOne(file, index, true);
    } finally {
      setRunning(false);
    }
  };

  const done = files?.filter((file) => file.status === 'done' || file.status === 'failed').length ?? 0;
  const total = files?.length ?? 0;

  return (
    <>
      <Button variant="light" onClick={() => void choose()} disabled={!library || running} data-testid="progress-import">
        {t('import.action')}
      </Button>
      {openFailure && (
        <Alert color="red" role="alert" data-testid="progress-import-open-failed">
          {t('import.openFailed', { message: openFailure })}
        </Alert>
      )}
      <Modal
        opened={files !== null}
        onClose={() => !running && setFiles(null)}
        title={t('import.title', { count: total })}
        size="xl"
        closeButtonProps={{ 'aria-label': t('import.close') }}
        data-testid="progress-import-dialog"
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('import.explain')}
          </Text>
          <div>
            <Progress value={total ? (done / total) * 100 : 0} aria-label={t('import.progress', { done, total })} animated={running} />
            <Text size="sm" mt={4} aria-live="polite" data-testid="progress-import-count">
              {t('import.progress', { done, total })}
            </Text>
          </div>
          {files?.map((file, index) => (
            <FileResult key={`${index}:${file.name}`} file={file} library={library} onTrust={() => void trust(index)} busy={running} />
          ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setFiles(null)} disabled={running} data-testid="progress-import-close">
              {t('import.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

type Status = 'waiting' | 'working' | 'merged' | 'withheld' | 'refused' | 'failed';
const STATUS_COLORS: Record<Status, string> = { waiting: 'gray', working: 'blue', merged: 'green', withheld: 'orange', refused: 'red', failed: 'red' };

function statusOf(file: FileState): Status {
  if (file.status !== 'done') return file.status;
  if (file.result.status === 'refused') return 'refused';
  return file.result.merge.trainee.status === 'other-device' ? 'withheld' : 'merged';
}

function FileResult({ file, library, onTrust, busy }: { file: FileState; library: Library | null; onTrust: () => void; busy: boolean }) {
  const { t } = useTranslation('progressFiles');
  const status = statusOf(file);
  return (
    <Paper withBorder p="sm" radius="md" data-testid="progress-import-file" data-status={status}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
            {file.name}
          </Text>
          <Badge color={STATUS_COLORS[status]} variant="dot" tt="none" style={{ flexShrink: 0 }}>
            {t(`import.status.${status}`)}
          </Badge>
        </Group>
        {file.status === 'failed' && (
          <Text size="sm" c="red" role="alert">
            {t('import.failed', { message: file.message })}
          </Text>
        )}
        {file.status === 'done' && file.result.status === 'refused' && <Refusal result={file.result} />}
        {file.status === 'done' && file.result.status === 'merged' && <Merged result={file.result} library={library} onTrust={onTrust} busy={busy} />}
      </Stack>
    </Paper>
  );
}

function Refusal({ result }: { result: RefusedFile }) {
  const { t } = useTranslation('progressFiles');
  return (
    <Alert color="red" role="alert" data-testid="progress-import-refused" data-code={result.code}>
      <Stack gap={4}>
        <Text size="sm">{t(`import.refused.${result.code}`)}</Text>
        {result.entry && (
          <Text size="xs">
            {result.field ? t('import.whereField', { entry: result.entry, field: result.field }) : t('import.where', { entry: result.entry })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {result.message}
        </Text>
      </Stack>
    </Alert>
  );
}

function useScenarioTitle(library: Library | null) {
  const { i18n } = useTranslation();
  return (packId: string, scenarioId: string) => {
    const found = library ? findScenario(library, packId, scenarioId) : null;
    return found ? localized(found.scenario.title, i18n.language) : `${packId}/${scenarioId}`;
  };
}

function useGist() {
  const { t, i18n } = useTranslation('progressFiles');
  return (gist: ScoreGist | OutcomeGist) => {
    const average = gist.average ?? (gist.scores.tone + gist.scores.policy + gist.scores.platform) / 3;
    return t(gist.passed ? 'import.result.passed' : 'import.result.failed', { score: formatScore(Math.round(average * 10) / 10, i18n.language) });
  };
}

/** What became of the trainee's details: new, unchanged, updated from a newer file, kept over an older one. */
function TraineeLine({ merge }: { merge: ImportedFile['merge'] }) {
  const { t, i18n } = useTranslation('progressFiles');
  const trainee: TraineeMerge = merge.trainee;
  const fields = (list: readonly string[]) =>
    formatList(
      list.map((field) => t(`import.field.${field as 'name' | 'academyId' | 'email'}`)),
      i18n.language,
    );
  let line = '';
  if (merge.isProfile) line = t('import.traineeStatus.profile');
  else if (trainee.status === 'updated' || trainee.status === 'kept') line = t(`import.traineeStatus.${trainee.status}`, { fields: fields(trainee.fields) });
  else if (trainee.status !== 'other-device') line = t(`import.traineeStatus.${trainee.status}`);
  return (
    <Text size="xs" c="dimmed">
      {line}
    </Text>
  );
}

function Merged({ result, library, onTrust, busy }: { result: ImportedFile; library: Library | null; onTrust: () => void; busy: boolean }) {
  const { t, i18n } = useTranslation('progressFiles');
  const title = useScenarioTitle(library);
  const gist = useGist();
  const { trainee, merge, regrade } = result;
  const withheld = merge.trainee.status === 'other-device';
  const identity = [trainee.academyId ? t('import.academyId', { id: trainee.academyId }) : t('import.noAcademyId'), trainee.email].filter(Boolean).join(' · ');

  return (
    <Stack gap="xs" data-testid="progress-import-merged">
      <div>
        <Text size="sm" fw={500} data-testid="progress-import-trainee">
          {t('import.trainee', { name: trainee.name })}
        </Text>
        <Text size="xs" c="dimmed">
          {identity}
        </Text>
        {!withheld && <TraineeLine merge={merge} />}
      </div>
      {withheld ? (
        <Alert color="orange" title={t('import.otherDevice.title')} data-testid="progress-import-other-device">
          <Stack gap="xs">
            <Text size="sm">{t('import.otherDevice.body', { name: trainee.name, count: merge.withheld, fingerprint: keyFingerprint(result.deviceKey) })}</Text>
            <Group>
              <Button size="xs" variant="outline" color="orange" onClick={onTrust} disabled={busy} data-testid="progress-import-trust">
                {t('import.otherDevice.trust', { name: trainee.name })}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : (
        <>
          <Group gap="xs" wrap="wrap" data-testid="progress-import-counts">
            <Badge variant="dot" color="green" tt="none">
              {t('import.added', { count: merge.added })}
            </Badge>
            {merge.unchanged > 0 && (
              <Badge variant="dot" color="gray" tt="none">
                {t('import.unchanged', { count: merge.unchanged })}
              </Badge>
            )}
            {merge.conflicts.length > 0 && (
              <Badge variant="dot" color="orange" tt="none">
                {t('import.conflicts', { count: merge.conflicts.length })}
              </Badge>
            )}
          </Group>
          {merge.conflicts.length > 0 && (
            <List size="sm" spacing={2} data-testid="progress-import-conflicts">
              {merge.conflicts.map((conflict: OutcomeConflict) => (
                <List.Item key={conflict.uid}>
                  {t(`import.conflict.${conflict.reason}`, {
                    scenario: title(conflict.packId, conflict.scenarioId),
                    date: formatDate(conflict.file.finishedAt, i18n.language),
                    stored: conflict.stored ? gist(conflict.stored) : '',
                    file: gist(conflict.file),
                    fields: conflict.fields.join(', '),
                  })}
                </List.Item>
              ))}
            </List>
          )}
        </>
      )}
      <Regrade regrade={regrade} title={title} gist={gist} />
      {!withheld && <Courses result={result} />}
    </Stack>
  );
}

function Regrade({
  regrade,
  title,
  gist,
}: {
  regrade: ImportedFile['regrade'];
  title: (packId: string, scenarioId: string) => string;
  gist: (value: ScoreGist | OutcomeGist) => string;
}) {
  const { t } = useTranslation('progressFiles');
  const flagLines = (report: RegradeReport) =>
    report.flags.map((flag) => {
      const scenario = title(report.packId, report.scenarioId);
      switch (flag.kind) {
        case 'grade-edited':
          return t('import.regrade.grade-edited', { scenario, stored: gist(flag.stored), regraded: gist(flag.regraded) });
        case 'outcome-edited':
          return t('import.regrade.outcome-edited', { scenario, stored: gist(flag.stored), recomputed: gist(flag.recomputed) });
        case 'scenario-differs':
          return t('import.regrade.scenario-differs', { scenario });
        case 'not-regradable':
          return t('import.regrade.not-regradable', { scenario, reason: flag.reason });
      }
    });
  return (
    <Stack gap={4} data-testid="progress-import-regrade">
      {regrade.consistent > 0 && (
        <Text size="xs" c="dimmed">
          {t('import.regrade.consistent', { count: regrade.consistent })}
        </Text>
      )}
      {regrade.flagged.length > 0 && (
        <Alert color="red" title={t('import.regrade.flaggedTitle', { count: regrade.flagged.length })} data-testid="progress-import-flagged">
          <List size="sm" spacing={2}>
            {regrade.flagged.flatMap((report) => flagLines(report).map((line, index) => <List.Item key={`${report.uid}:${index}`}>{line}</List.Item>))}
          </List>
        </Alert>
      )}
      {regrade.notCompared.map((report) => (
        <Text key={report.uid} size="xs" c="dimmed" data-testid="progress-import-not-compared">
          {report.notCompared?.kind === 'grader-version'
            ? t('import.regrade.grader-version', {
                scenario: title(report.packId, report.scenarioId),
                recorded: report.notCompared.recorded,
                current: report.notCompared.current,
              })
            : report.notCompared?.kind === 'too-many-drafts'
              ? t('import.regrade.too-many-drafts', { scenario: title(report.packId, report.scenarioId), limit: MAX_DRAFTS_GRADED_PER_FILE })
              : t('import.regrade.pack-changed', { scenario: title(report.packId, report.scenarioId) })}
        </Text>
      ))}
    </Stack>
  );
}

function Courses({ result }: { result: ImportedFile }) {
  const { t, i18n } = useTranslation('progressFiles');
  const started = result.courses.filter((standing) => standing.progress.status !== 'not-started');
  if (started.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t('import.courses.none')}
      </Text>
    );
  }
  return (
    <List size="sm" spacing={2} data-testid="progress-import-courses">
      {started.map(({ packId, courseId, courseTitle, progress }) => (
        <List.Item key={`${packId}/${courseId}`}>
          {progress.completedAt !== null
            ? t('import.courses.completed', { course: localized(courseTitle, i18n.language), date: formatDate(progress.completedAt, i18n.language) })
            : t('import.courses.open', { course: localized(courseTitle, i18n.language), passed: progress.passedScenarios, total: progress.totalScenarios })}
        </List.Item>
      ))}
    </List>
  );
}
