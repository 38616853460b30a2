// Runtime: renderer. Deleting a trainee's profile from a shared device, with everything it recorded,
// after saying exactly what will go.
import { Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileRecord } from '../../db/database';
import { countAttempts } from '../../db/repositories/attempts';
import { deleteProfile } from '../../db/repositories/profiles';
import { ConfirmDeleteDialog } from '../ConfirmDeleteDialog';
import { navigate } from '../router';
import { useServices } from '../services';
import { useStorageProblems } from '../storage-problems';

export function DeleteProfile({ profile }: { profile: ProfileRecord }) {
  const { t } = useTranslation(['profiles', 'common']);
  const { db } = useServices();
  const { report } = useStorageProblems();
  const [opened, dialog] = useDisclosure(false);
  const [deleting, setDeleting] = useState(false);
  const [failed, setFailed] = useState(false);
  const attempts = useLiveQuery(() => countAttempts(db, profile.id), [db, profile.id]);

  const close = () => {
    setFailed(false);
    dialog.close();
  };
  const confirm = () => {
    setDeleting(true);
    setFailed(false);
    // No one is training once the active profile is gone: the scenarios screen asks who is.
    deleteProfile(db, profile.id)
      .then(
        () => {
          dialog.close();
          navigate({ screen: 'catalogue' });
        },
        (error: unknown) => {
          setFailed(true);
          report(error);
        },
      )
      .finally(() => setDeleting(false));
  };

  return (
    <>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" c="dimmed" maw={420}>
          {t('delete.hint')}
        </Text>
        <Button variant="outline" color="red" onClick={dialog.open} data-testid="profile-delete">
          {t('delete.action')}
        </Button>
      </Group>
      <ConfirmDeleteDialog
        opened={opened}
        onClose={close}
        onConfirm={confirm}
        title={t('delete.title', { name: profile.name })}
        cancelLabel={t('delete.cancel')}
        confirmLabel={t('delete.confirm')}
        deleting={deleting}
        failure={failed ? t('delete.failed') : null}
        testId="profile-delete"
      >
        <Text size="sm" data-testid="profile-delete-body">
          {attempts ? t('delete.bodyAttempts', { count: attempts, name: profile.name }) : t('delete.body', { name: profile.name })}
        </Text>
        <Text size="sm" fw={600}>
          {t('delete.irreversible')}
        </Text>
      </ConfirmDeleteDialog>
    </>
  );
}
