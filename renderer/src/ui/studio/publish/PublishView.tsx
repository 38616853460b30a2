// Runtime: renderer. The publish view: the checklist (no errors, model answers that pass, calibration
// agreement, every language), the version bump, exporting the `.attache` file and installing it into
// this app's library. A pack that fails an item is exported only as a draft, with the reasons shown
// above the button; it is never installed (see studio/publish.ts for why).
import { Alert, Anchor, Box, Button, Container, Divider, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchiveError } from '../../../core/pack/archive';
import type { Axis } from '../../../core/pack/axes';
import { PackInstallError, type InstallProblem } from '../../../library/install-problem';
import type { CalibrationSummary } from '../../../studio/calibration';
import { minAgreementOf, summarizeCalibration } from '../../../studio/calibration';
import type { ChecklistItem, ChecklistState, PublishChecklist, VersionBump } from '../../../studio/publish';
import {
  buildPackArchive,
  bumpedVersion,
  documentVersion,
  installIntoLibrary,
  publishChecklist,
  PublishRefusedError,
  versionBumpEdit,
} from '../../../studio/publish';
import { useCalibrationRun } from '../calibration/use-calibration';
import { AlertIcon, CheckIcon, InfoIcon } from '../../icons';
import { hrefFor } from '../../router';
import { useServices } from '../../services';
import { useStorageProblems } from '../../storage-problems';
import { useStudio, useStudioWorkspace } from '../studio-context';

const SHOWN_MISSING = 8;
const BUMPS: readonly VersionBump[] = ['patch', 'minor', 'major'];
// The word says the state; the icon's colour only repeats it (shades that keep 3:1 on light and dark backgrounds).
const STATE_MARK: Record<ChecklistState, { icon: typeof CheckIcon; color: string }> = {
  passed: { icon: CheckIcon, color: 'teal.8' },
  failed: { icon: AlertIcon, color: 'orange.8' },
  unchecked: { icon: InfoIcon, color: 'gray.6' },
};

/**
 * The calibration summary of the latest check's pack, graded in the calibration view's worker (the
 * newest pack wins); null while that pack is being graded.
 */
function useCalibration(): CalibrationSummary | null {
  const pack = useStudio().check?.pack ?? null;
  // The run's state is a new object each render; the summary follows only what it is made from.
  const { pack: graded, cases } = useCalibrationRun(pack);
  return useMemo(() => (graded && graded === pack && cases ? summarizeCalibration(cases, minAgreementOf(graded)) : null), [graded, cases, pack]);
}

export function PublishView() {
  const { t } = useTranslation('studioPublish');
  const studio = useStudio();
  const calibration = useCalibration();
  const checklist = useMemo(
    () => publishChecklist({ document: studio.document, check: studio.check, checking: studio.checking, calibration }),
    [studio.document, studio.check, studio.checking, calibration],
  );

  return (
    <Container size="md" px={0} py="md" data-testid="publish-view">
      <Stack gap="lg">
        <div>
          <Title order={2}>{t('publish.title')}</Title>
          <Text c="dimmed" mt={4}>
            {t('publish.intro')}
          </Text>
        </div>
        <Checklist checklist={checklist} />
        <Divider />
        <VersionBumps />
        <Divider />
        <ExportArchive checklist={checklist} />
        <Divider />
        <InstallIntoLibrary checklist={checklist} />
      </Stack>
    </Container>
  );
}

function Checklist({ checklist }: { checklist: PublishChecklist }) {
  const { t } = useTranslation('studioPublish');
  return (
    <section aria-labelledby="publish-checklist-title">
      <Title order={3} size="h4" id="publish-checklist-title" mb="xs">
        {t('publish.checklist')}
      </Title>
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="publish-checklist" data-ready={checklist.ready}>
        {checklist.items.map((item) => (
          <Paper key={item.id} component="li" withBorder radius="sm" p="xs" data-testid={`publish-item-${item.id}`} data-state={item.state}>
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <StateMark state={item.state} />
              <ItemText item={item} />
            </Group>
          </Paper>
        ))}
      </Stack>
    </section>
  );
}

function StateMark({ state }: { state: ChecklistState }) {
  const { t } = useTranslation('studioPublish');
  const { icon: Shape, color } = STATE_MARK[state];
  return (
    <Group gap={6} wrap="nowrap" miw={150} style={{ flexShrink: 0 }}>
      <Box c={color} display="flex">
        <Shape size={18} />
      </Box>
      <Text size="sm" fw={700}>
        {t(`publish.state.${state}`)}
      </Text>
    </Group>
  );
}

function ItemText({ item }: { item: ChecklistItem }) {
  const { t } = useTranslation('studioPublish');
  const studio = useStudio();
  switch (item.id) {
    case 'errors':
      return (
        <Text size="sm">
          {item.state === 'unchecked'
            ? t('publish.errors.unchecked')
            : item.state === 'passed'
              ? t('publish.errors.passed')
              : t('publish.errors.failed', { count: item.errors })}
        </Text>
      );
    case 'model-answers':
      return (
        <Text size="sm">
          {item.state === 'passed'
            ? t('publish.modelAnswers.passed')
            : item.state === 'unchecked'
              ? t('publish.modelAnswers.unchecked')
              : item.failing > 0
                ? t('publish.modelAnswers.failed', { count: item.failing })
                : t('publish.modelAnswers.blocked')}
        </Text>
      );
    case 'calibration':
      return <CalibrationText item={item} />;
    case 'languages': {
      if (item.state === 'passed') return <Text size="sm">{t('publish.languages.passed')}</Text>;
      return (
        <Stack gap={4} miw={0}>
          <Text size="sm">{t('publish.languages.failed', { count: item.missing.length })}</Text>
          <List size="sm" spacing={2}>
            {item.missing.slice(0, SHOWN_MISSING).map((text) => {
              const where = text.path.join(' › ');
              return (
                <List.Item key={`${text.file}:${where}`}>
                  {t('publish.languages.missing', { file: text.file, path: where, languages: text.missing.join(', ') })}{' '}
                  <Anchor component="button" type="button" size="sm" onClick={() => studio.reveal({ view: 'forms', file: text.file, path: text.path })}>
                    {t('publish.languages.show')}
                  </Anchor>
                </List.Item>
              );
            })}
          </List>
          {item.missing.length > SHOWN_MISSING && (
            <Text size="sm" c="dimmed">
              {t('publish.languages.more', { count: item.missing.length - SHOWN_MISSING })}
            </Text>
          )}
        </Stack>
      );
    }
  }
}

function CalibrationText({ item }: { item: Extract<ChecklistItem, { id: 'calibration' }> }) {
  const { t } = useTranslation('studioPublish');
  const { summary } = item;
  if (item.state === 'unchecked') return <Text size="sm">{t('publish.calibration.unchecked')}</Text>;
  if (!summary) return <Text size="sm">{t('publish.calibration.blocked')}</Text>;
  if (summary.drafts === 0) return <Text size="sm">{t('publish.calibration.none')}</Text>;
  if (item.state === 'passed') return <Text size="sm">{t('publish.calibration.passed', { count: summary.drafts, min: summary.minAgreement })}</Text>;
  const axes = summary.below
    .map((axis: Axis) => t('publish.calibration.axis', { axis: t(`publish.axes.${axis}`), agreement: Math.floor(summary.perAxis[axis].percent) }))
    .join(', ');
  return <Text size="sm">{t('publish.calibration.below', { min: summary.minAgreement, axes })}</Text>;
}

function VersionBumps() {
  const { t } = useTranslation('studioPublish');
  const studio = useStudio();
  const version = documentVersion(studio.document);
  const [bumped, setBumped] = useState<string | null>(null);
  const valid = version !== null && bumpedVersion(version, 'patch') !== null;
  return (
    <section aria-labelledby="publish-version-title">
      <Title order={3} size="h4" id="publish-version-title" mb="xs">
        {t('publish.version.title')}
      </Title>
      <Stack gap="xs">
        <Text size="sm" data-testid="publish-version">
          {valid ? t('publish.version.current', { version }) : t('publish.version.missing')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('publish.version.hint')}
        </Text>
        {valid && (
          <Group gap="xs">
            {BUMPS.map((bump) => {
              const next = bumpedVersion(version, bump)!;
              return (
                <Button
                  key={bump}
                  size="xs"
                  variant="default"
                  data-testid={`publish-bump-${bump}`}
                  onClick={() => {
                    const edit = versionBumpEdit(studio.document, bump);
                    if (!edit) return;
                    studio.apply(edit, { label: t(`publish.version.${bump}`, { version: next }) });
                    setBumped(next);
                  }}
                >
                  {t(`publish.version.${bump}`, { version: next })}
                </Button>
              );
            })}
          </Group>
        )}
        <Text size="xs" c="dimmed" role="status">
          {bumped && bumped === version ? t('publish.version.bumped', { version: bumped }) : ''}
        </Text>
      </Stack>
    </section>
  );
}

type ExportState = { kind: 'idle' } | { kind: 'working' } | { kind: 'saved'; name: string; hash: string } | { kind: 'failed'; message: string };

/** The refusals building an archive can meet (core/pack/archive.ts buildPackArchive). */
const EXPORT_REFUSALS = ['bad-manifest', 'too-many-entries', 'unsafe-path', 'duplicate-entry', 'entry-too-large', 'expands-too-far', 'too-large'] as const;
type ExportRefusal = (typeof EXPORT_REFUSALS)[number];
const isExportRefusal = (code: string): code is ExportRefusal => (EXPORT_REFUSALS as readonly string[]).includes(code);

function ExportArchive({ checklist }: { checklist: PublishChecklist }) {
  const { t } = useTranslation('studioPublish');
  const studio = useStudio();
  const { platform } = useServices();
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const draft = !checklist.ready;

  const save = async () => {
    setState({ kind: 'working' });
    try {
      const archive = buildPackArchive(studio.document, { draft });
      const result = await platform.saveFile({
        title: t('publish.export.dialogTitle'),
        suggestedName: archive.fileName,
        bytes: archive.bytes,
        filters: [{ name: t('publish.export.filter'), extensions: ['attache'] }],
      });
      setState(result.saved ? { kind: 'saved', name: result.name, hash: archive.contentHash.slice(0, 12) } : { kind: 'idle' });
    } catch (error) {
      // Building an archive refuses for a few reasons the interface words itself; any other stays in English.
      const message =
        error instanceof ArchiveError && isExportRefusal(error.code)
          ? t(`publish.export.reason.${error.code}`, { entry: error.entry ?? '' })
          : error instanceof ArchiveError
            ? [error.message, error.hint].filter(Boolean).join(' ')
            : error instanceof Error
              ? error.message
              : String(error);
      setState({ kind: 'failed', message });
    }
  };

  return (
    <section aria-labelledby="publish-export-title">
      <Title order={3} size="h4" id="publish-export-title" mb="xs">
        {t('publish.export.title')}
      </Title>
      <Stack gap="xs">
        {draft ? (
          <Alert color="orange" variant="light" title={t('publish.export.draftTitle')} data-testid="publish-draft-warning">
            <Text size="sm">{t('publish.export.draftHint')}</Text>
          </Alert>
        ) : (
          <Text size="sm" c="dimmed">
            {t('publish.export.readyHint')}
          </Text>
        )}
        <div>
          <Button onClick={() => void save()} loading={state.kind === 'working'} variant={draft ? 'default' : 'filled'} data-testid="publish-export">
            {draft ? t('publish.export.draftAction') : t('publish.export.action')}
          </Button>
        </div>
        {state.kind === 'saved' && (
          <Text size="sm" role="status" data-testid="publish-exported">
            {t('publish.export.saved', { name: state.name, hash: state.hash })}
          </Text>
        )}
        {state.kind === 'failed' && (
          <Alert color="red" role="alert" data-testid="publish-export-failed">
            {t('publish.export.failed', { message: state.message })}
          </Alert>
        )}
      </Stack>
    </section>
  );
}

type InstallState = { kind: 'idle' } | { kind: 'working' } | { kind: 'installed'; id: string; version: string } | { kind: 'refused'; message: string };

function InstallIntoLibrary({ checklist }: { checklist: PublishChecklist }) {
  const { t } = useTranslation('studioPublish');
  const studio = useStudio();
  const workspace = useStudioWorkspace();
  const { db, library } = useServices();
  const { report } = useStorageProblems();
  const [state, setState] = useState<InstallState>({ kind: 'idle' });

  const refusal = (problem: InstallProblem): string =>
    problem.kind === 'built-in'
      ? t('publish.install.builtIn', { id: problem.packId })
      : problem.kind === 'invalid'
        ? t('publish.install.invalid', { count: problem.diagnostics.length })
        : t('publish.install.archive', { detail: problem.detail });

  const install = async () => {
    setState({ kind: 'working' });
    const document = studio.document;
    try {
      const { pack } = await installIntoLibrary(db, (bytes) => library.checkArchive(bytes), document, checklist);
      workspace.markSaved(document, { kind: 'installed', packId: pack.manifest.id, version: pack.manifest.version });
      setState({ kind: 'installed', id: pack.manifest.id, version: pack.manifest.version });
    } catch (error) {
      if (error instanceof PackInstallError) setState({ kind: 'refused', message: refusal(error.problem) });
      else if (error instanceof ArchiveError) setState({ kind: 'refused', message: [error.message, error.hint].filter(Boolean).join(' ') });
      else if (error instanceof PublishRefusedError) setState({ kind: 'refused', message: t('publish.install.refused') });
      else {
        setState({ kind: 'idle' });
        report(error);
      }
    }
  };

  return (
    <section aria-labelledby="publish-install-title">
      <Title order={3} size="h4" id="publish-install-title" mb="xs">
        {t('publish.install.title')}
      </Title>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {checklist.ready ? t('publish.install.hint') : t('publish.install.notReady')}
        </Text>
        <div>
          <Button
            onClick={() => void install()}
            disabled={!checklist.ready || studio.checking}
            loading={state.kind === 'working'}
            data-testid="publish-install"
          >
            {t('publish.install.action')}
          </Button>
        </div>
        {state.kind === 'installed' && (
          <Alert color="teal" role="status" data-testid="publish-installed">
            <Group gap="sm">
              <Text size="sm">{t('publish.install.done', { id: state.id, version: state.version })}</Text>
              <Anchor href={hrefFor('catalogue')} size="sm">
                {t('publish.install.toCatalogue')}
              </Anchor>
            </Group>
          </Alert>
        )}
        {state.kind === 'refused' && (
          <Alert color="red" role="alert" data-testid="publish-install-refused">
            {state.message}
          </Alert>
        )}
      </Stack>
    </section>
  );
}
