// Runtime: renderer. Deleting a trainee's profile from a shared device, with everything it recorded:
// the dialog says exactly what will go (records, unfinished attempts, unsent drafts), offers to save the
// trainee's data first, and says what deleting cannot reach (copies already saved or sent elsewhere).
import { Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileRecord } from '../../db/database';
import { countAttempts } from '../../db/repositories/attempts';
import { deleteProfile } from '../../db/repositories/profiles';
import { readTraineeHoldings } from '../../records/trainee-data';
import { ConfirmDeleteDialog } from '../ConfirmDeleteDialog';
import { navigate } from '../router';
import { useServices } from '../services';
import { useStorageProblems } from '../storage-problems';

export interface DeleteProfileProps {
  profile: ProfileRecord;
  /** What saves the trainee's data (the screen composes it from the backup feature), offered before deleting. */
  saveFirst?: ReactNode;
}

export function DeleteProfile({ profile, saveFirst }: DeleteProfileProps) {
  const { t } = useTranslation(['profiles', 'backup', 'common']);
  const { db } = useServices();
  const { report } = useStorageProblems();
  const [opened, dialog] = useDisclosure(false);
  const [deleting, setDeleting] = useState(false);
  const [failed, setFailed] = useState(false);
  const attempts = useLiveQuery(() => countAttempts(db, profile.id), [db, profile.id]);
  const holdings = useLiveQuery(() => readTraineeHoldings(db, { kind: 'profile', profileId: profile.id }), [db, profile.id]);

  // What goes with the profile beyond its attempts: its records, attempts never finished, unsent words.
  const loss = holdings
    ? [
        holdings.outcomes > 0 ? t('backup:deleteProfile.records', { count: holdings.outcomes }) : null,
        holdings.unfinished > 0 ? t('backup:deleteProfile.unfinished', { count: holdings.unfinished }) : null,
        holdings.drafts > 0 ? t('backup:deleteProfile.drafts', { count: holdings.drafts }) : null,
      ]
        .filter((sentence): sentence is string => sentence !== null)
        .join(' ')
    : '';

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
          {t('backup:deleteProfile.hint')}
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
        <Stack gap={4}>
          <Text size="sm" data-testid="profile-delete-body">
            {attempts ? t('delete.bodyAttempts', { count: attempts, name: profile.name }) : t('delete.body', { name: profile.name })}
          </Text>
          {loss && (
            <Text size="sm" data-testid="profile-delete-loss">
              {loss}
            </Text>
          )}
        </Stack>
        {saveFirst && (
          <Stack gap="xs" data-testid="profile-delete-save-first">
            <Text size="sm">{t('backup:erase.offer')}</Text>
            {saveFirst}
          </Stack>
        )}
        <Text size="sm" c="dimmed" data-testid="profile-delete-copies">
          {t('backup:erase.copies')}
        </Text>
        <Text size="sm" fw={600}>
          {t('delete.irreversible')}
        </Text>
      </ConfirmDeleteDialog>
    </>
  );
}
