// Runtime: renderer. An installed pack opened for editing: its archive in the database is read, and
// stays installed as it is until the edited pack is published again.
import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { listInstalledPackInfo } from '../../../db/repositories/packs';
import { formatDate } from '../../format';
import { useServices } from '../../services';
import type { StudioSession } from '../studio-context';
import { installedSession } from './opening';

export function OpenInstalledDialog({ opened, onClose, onOpen }: { opened: boolean; onClose: () => void; onOpen: (session: StudioSession) => void }) {
  const { t, i18n } = useTranslation('studio');
  const { db } = useServices();
  const installed = useLiveQuery(() => (opened ? listInstalledPackInfo(db) : Promise.resolve(null)), [db, opened]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return setFailure(t('start.installed.noneChosen'));
    setWorking(true);
    setFailure(null);
    try {
      const session = await installedSession(db, chosen);
      if (session) onOpen(session);
      else setFailure(t('start.installed.gone', { pack: chosen }));
    } catch (error) {
      setFailure(t('start.installed.unreadable', { pack: chosen, reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setWorking(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('start.installed.title')} size="lg" closeButtonProps={{ 'aria-label': t('close') }}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          {installed && installed.length === 0 ? (
            <Text>{t('start.installed.none')}</Text>
          ) : (
            <Select
              label={t('start.installed.pack')}
              data={(installed ?? []).map((pack) => ({
                value: pack.packId,
                label: t('start.installed.option', { pack: pack.packId, version: pack.version, when: formatDate(pack.installedAt, i18n.language) }),
              }))}
              value={chosen}
              onChange={setChosen}
              searchable
              required
              data-autofocus
            />
          )}
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={working} disabled={!installed || installed.length === 0}>
              {t('start.installed.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
