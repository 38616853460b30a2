// Runtime: renderer. A trainee's own PIN, in their profile settings: set it, change it or remove it
// (with the current PIN, or in administrator mode, which stands in for a forgotten one).
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newPinIssue } from '../../core/academy';
import type { ProfileRecord } from '../../db/database';
import { PinRejectedError, removeProfilePin, setProfilePin, type PinAuthority } from '../../db/repositories/profiles';
import { useAdmin } from '../admin-state';
import { CheckIcon, LockIcon } from '../icons';
import { useServices } from '../services';
import { SecretDialog, type SecretMode } from './SecretDialog';

export function ProfilePin({ profile }: { profile: ProfileRecord }) {
  const { t } = useTranslation('academy');
  const { db } = useServices();
  const admin = useAdmin();
  const [mode, setMode] = useState<SecretMode | null>(null);
  const [done, setDone] = useState<SecretMode | null>(null);
  const hasPin = profile.pin !== null;
  const shown = mode ?? 'set';
  // In administrator mode the current PIN is not asked: that is how a forgotten PIN is replaced.
  const askCurrent = !admin.unlocked;
  const authority = (current: string): PinAuthority => (admin.unlocked ? { administrator: true } : { pin: current });

  const open = (next: SecretMode) => {
    setDone(null);
    setMode(next);
  };
  const issueText = (issue: 'format' | 'mismatch') => (issue === 'format' ? t('pin.errors.format') : t('pin.errors.mismatch'));

  return (
    <Stack gap="sm" data-testid="profile-pin">
      <Title order={3} size="h5">
        {t('pin.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('pin.description')}
      </Text>
      <Group gap={6} wrap="nowrap">
        {hasPin && <LockIcon size={16} />}
        <Text size="sm" fw={500} data-testid="profile-pin-status">
          {hasPin ? t('pin.statusSet') : t('pin.statusNone')}
        </Text>
      </Group>
      {admin.ready && !admin.configured && (
        <Text size="sm" c="dimmed" data-testid="profile-pin-inactive">
          {t('pin.inactive')}
        </Text>
      )}
      <Group gap="sm">
        {hasPin ? (
          <>
            <Button variant="default" onClick={() => open('change')} data-testid="profile-pin-change">
              {t('pin.change')}
            </Button>
            <Button variant="outline" color="red" onClick={() => open('remove')} data-testid="profile-pin-remove">
              {t('pin.remove')}
            </Button>
          </>
        ) : (
          <Button variant="default" onClick={() => open('set')} data-testid="profile-pin-set">
            {t('pin.set')}
          </Button>
        )}
      </Group>
      <div role="status" aria-live="polite">
        {done && (
          <Group gap={6} c="teal" wrap="nowrap" data-testid="profile-pin-done">
            <CheckIcon size={18} />
            <Text size="sm" fw={500} c="inherit">
              {t(`pin.done.${done === 'remove' ? 'removed' : done === 'change' ? 'changed' : 'set'}`)}
            </Text>
          </Group>
        )}
      </div>
      <SecretDialog
        opened={mode !== null}
        mode={shown}
        onClose={() => setMode(null)}
        onSaved={() => {
          setDone(shown);
          setMode(null);
        }}
        askCurrent={askCurrent}
        currentNote={t('pin.adminInstead')}
        numeric
        testId="profile-pin"
        text={{
          title: shown === 'remove' ? t('pin.dialogRemove') : shown === 'change' ? t('pin.dialogChange') : t('pin.dialogSet'),
          intro: shown === 'remove' ? <Text size="sm">{t('pin.removeBody')}</Text> : undefined,
          current: t('pin.current'),
          next: t('pin.next'),
          nextDescription: t('pin.nextDescription'),
          confirm: t('pin.confirm'),
          toggleVisibility: t('pin.toggleVisibility'),
          submit: shown === 'remove' ? t('pin.saveRemove') : shown === 'change' ? t('pin.saveChange') : t('pin.saveSet'),
          saving: t('pin.saving'),
          cancel: t('pin.cancel'),
          currentRequired: t('pin.errors.currentRequired'),
          wrongCurrent: t('pin.errors.wrongCurrent'),
          changedElsewhere: t('pin.errors.changedElsewhere'),
        }}
        newSecretError={(next, confirmation) => {
          const issue = newPinIssue(next, confirmation);
          return issue ? issueText(issue) : null;
        }}
        rejectionError={(error) => (error instanceof PinRejectedError ? issueText(error.issue) : null)}
        save={async ({ current, next, confirmation }) => {
          if (shown === 'remove') await removeProfilePin(db, profile.id, authority(current));
          else await setProfilePin(db, profile.id, { next, confirmation, authority: shown === 'change' ? authority(current) : null });
        }}
      />
    </Stack>
  );
}
