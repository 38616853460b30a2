// Runtime: renderer. The studio before a pack is open: the drafts to go back to (every pack edited
// here keeps a recovery copy until it is discarded), and the ways to open one: a new pack from the
// template, a copy of a library scenario, an installed pack, an .attache file, a folder (desktop).
import { Alert, Button, Card, Container, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchiveError } from '../../../core/pack/archive';
import { discardRecoveryCopy, listRecoveryCopies, loadRecoveryCopy } from '../../../studio/recovery';
import { openFolderSource } from '../../../studio/sources';
import type { IconProps } from '../../icons';
import { useServices } from '../../services';
import { packTitle, sourceLabel } from '../pack-facts';
import type { StudioSession } from '../studio-context';
import { CopyIcon, FileIcon, FolderIcon, HistoryIcon, PackageIcon, PlusIcon, TrashIcon } from '../studio-icons';
import { CopyScenarioDialog } from './CopyScenarioDialog';
import { NewPackDialog } from './NewPackDialog';
import { OpenInstalledDialog } from './OpenInstalledDialog';
import { archiveSession, sessionOf } from './opening';
import { formattingLocale } from '../../../core/locale';
import { folderProblemText } from '../folder-problem';

export interface StartPageProps {
  onOpen: (session: StudioSession) => void;
  /** Above the choices, e.g. that no administrator passphrase protects the studio yet. */
  notice?: ReactNode;
  now?: () => number;
}

type Dialog = 'new' | 'copy' | 'installed' | null;

/** When a draft last changed, to the minute: several may change on one day. */
function formatDateTime(timestamp: number, language: string): string {
  return new Intl.DateTimeFormat(formattingLocale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(timestamp);
}

export function StartPage({ onOpen, notice, now = Date.now }: StartPageProps) {
  const { t, i18n } = useTranslation('studio');
  const { db, platform, appInfo } = useServices();
  const drafts = useLiveQuery(() => listRecoveryCopies(db), [db]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [failure, setFailure] = useState<{ message: string; hint?: string } | null>(null);
  const desktop = appInfo.runtime === 'electron';

  const open = (session: StudioSession) => {
    setDialog(null);
    setFailure(null);
    onOpen(session);
  };

  const openArchive = async () => {
    setFailure(null);
    const file = await platform.openFile({ title: t('start.archive.dialog'), filters: [{ name: t('start.archive.filter'), extensions: ['attache'] }] });
    if (!file) return;
    try {
      open(archiveSession(file.name, file.bytes));
    } catch (error) {
      if (error instanceof ArchiveError) setFailure({ message: t('start.archive.refused', { name: file.name, reason: error.message }), hint: error.hint });
      else setFailure({ message: t('start.archive.refused', { name: file.name, reason: String(error) }) });
    }
  };

  const openFolder = async () => {
    setFailure(null);
    const opened = await openFolderSource(platform);
    if (opened === null) return;
    if ('problem' in opened) return setFailure({ message: t('start.folder.refused', { reason: folderProblemText(t, opened) }) });
    open(sessionOf(opened.source, opened.document));
  };

  const recover = async (draftId: string) => {
    const copy = await loadRecoveryCopy(db, draftId);
    if (!copy) return setFailure({ message: t('start.drafts.gone') });
    // A folder's copy may hold changes never saved to the folder: it opens as unsaved.
    open({ draftId: copy.draftId, source: copy.source, document: copy.document, matchesSource: copy.source.kind !== 'folder' });
  };

  const ways: { id: string; icon: ComponentType<IconProps>; action: () => void; disabledReason?: string }[] = [
    { id: 'new', icon: PlusIcon, action: () => setDialog('new') },
    { id: 'copy', icon: CopyIcon, action: () => setDialog('copy') },
    { id: 'installed', icon: PackageIcon, action: () => setDialog('installed') },
    { id: 'archive', icon: FileIcon, action: () => void openArchive() },
    { id: 'folder', icon: FolderIcon, action: () => void openFolder(), disabledReason: desktop ? undefined : t('start.folder.webOnly') },
  ];

  return (
    <Container size="lg" px={0} data-testid="studio-start">
      <Stack gap="xl">
        <div>
          <Title order={1} tabIndex={-1} data-page-title>
            {t('title')}
          </Title>
          <Text c="dimmed" mt={6} maw={720}>
            {t('start.intro')}
          </Text>
        </div>
        {notice}
        {failure && (
          <Alert color="red" role="alert" title={failure.message} withCloseButton closeButtonLabel={t('close')} onClose={() => setFailure(null)}>
            {failure.hint}
          </Alert>
        )}

        {drafts && drafts.length > 0 && (
          <section aria-labelledby="studio-drafts-title">
            <Title order={2} size="h3" id="studio-drafts-title" mb="xs">
              {t('start.drafts.title')}
            </Title>
            <Text c="dimmed" size="sm" mb="sm">
              {t('start.drafts.intro')}
            </Text>
            <Stack gap="xs">
              {drafts.map((draft) => {
                const name = packTitle(draft.document, i18n.language) ?? (draft.label || t('untitled'));
                return (
                  <Card key={draft.draftId} withBorder padding="sm" data-testid="studio-draft">
                    <Group justify="space-between" wrap="wrap" gap="sm">
                      <div>
                        <Text fw={600}>{name}</Text>
                        <Text size="sm" c="dimmed">
                          {sourceLabel(draft.source, t)} · {t('start.drafts.savedAt', { when: formatDateTime(draft.savedAt, i18n.language) })}
                        </Text>
                      </div>
                      <Group gap="xs">
                        <Button
                          leftSection={<HistoryIcon size={16} />}
                          onClick={() => void recover(draft.draftId)}
                          aria-label={t('start.drafts.openLabel', { name })}
                        >
                          {t('start.drafts.open')}
                        </Button>
                        <Button
                          variant="subtle"
                          color="red"
                          leftSection={<TrashIcon size={16} />}
                          onClick={() => void discardRecoveryCopy(db, draft.draftId)}
                          aria-label={t('start.drafts.discardLabel', { name })}
                        >
                          {t('start.drafts.discard')}
                        </Button>
                      </Group>
                    </Group>
                  </Card>
                );
              })}
            </Stack>
          </section>
        )}

        <section aria-labelledby="studio-open-title">
          <Title order={2} size="h3" id="studio-open-title" mb="sm">
            {t('start.open')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
            {ways.map((way) => {
              const Shape = way.icon;
              return (
                <Card key={way.id} withBorder padding="md" data-testid={`studio-start-${way.id}`}>
                  <Stack gap="xs" h="100%">
                    <Group gap="xs" wrap="nowrap">
                      <Shape size={22} />
                      <Title order={3} size="h5">
                        {t(`start.ways.${way.id}.title` as never)}
                      </Title>
                    </Group>
                    <Text size="sm" c="dimmed" style={{ flex: 1 }}>
                      {way.disabledReason ?? t(`start.ways.${way.id}.text` as never)}
                    </Text>
                    <Button variant="light" onClick={way.action} disabled={way.disabledReason !== undefined}>
                      {t(`start.ways.${way.id}.button` as never)}
                    </Button>
                  </Stack>
                </Card>
              );
            })}
          </SimpleGrid>
        </section>
      </Stack>

      <NewPackDialog opened={dialog === 'new'} onClose={() => setDialog(null)} onOpen={open} now={now} />
      <CopyScenarioDialog opened={dialog === 'copy'} onClose={() => setDialog(null)} onOpen={open} />
      <OpenInstalledDialog opened={dialog === 'installed'} onClose={() => setDialog(null)} onOpen={open} />
    </Container>
  );
}
