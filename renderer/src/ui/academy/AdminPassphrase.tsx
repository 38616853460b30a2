// Runtime: renderer. Setting, changing and removing the administrator passphrase. Changing or removing
// it asks for the current one, even in administrator mode; whoever sets or changes it stays unlocked.
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newPassphraseIssue } from '../../core/academy';
import { PASSPHRASE_MIN_LENGTH } from '../../core/records/secret';
import { checkAdminPassphrase, PassphraseRejectedError, removeAdminPassphrase, setAdminPassphrase, WrongSecretError } from '../../db/repositories/academy';
import { useAdmin } from '../admin-state';
import { CheckIcon } from '../icons';
import { useServices } from '../services';
import { SecretDialog, type SecretMode } from './SecretDialog';

export function AdminPassphrase({ configured }: { configured: boolean }) {
  const { t } = useTranslation('academy');
  const { db, platform } = useServices();
  const admin = useAdmin();
  const [mode, setMode] = useState<SecretMode | null>(null);
  const [done, setDone] = useState<SecretMode | null>(null);

  const open = (next: SecretMode) => {
    setDone(null);
    setMode(next);
  };
  const issueText = (issue: 'too-short' | 'mismatch') =>
    issue === 'too-short' ? t('passphrase.errors.tooShort', { min: PASSPHRASE_MIN_LENGTH }) : t('passphrase.errors.mismatch');
  const shown = mode ?? 'set';
  // The academy's signing key stays sealed under the passphrase being removed: the dialog says so.
  const [keySealed, setKeySealed] = useState(false);
  useEffect(() => {
    if (mode !== 'remove') return;
    let current = true;
    platform.getAcademyKey().then(
      (key) => current && setKeySealed(key !== null),
      () => current && setKeySealed(false),
    );
    return () => {
      current = false;
    };
  }, [mode, platform]);

  return (
    <Stack gap="sm" data-testid="admin-passphrase">
      <Title order={3} size="h5">
        {t('passphrase.title')}
      </Title>
      <Text size="sm" data-testid="admin-passphrase-status">
        {configured ? t('passphrase.statusSet') : t('passphrase.statusNone')}
      </Text>
      <Group gap="sm">
        {configured ? (
          <>
            <Button variant="default" onClick={() => open('change')} data-testid="admin-passphrase-change">
              {t('passphrase.change')}
            </Button>
            <Button variant="outline" color="red" onClick={() => open('remove')} data-testid="admin-passphrase-remove">
              {t('passphrase.remove')}
            </Button>
          </>
        ) : (
          <Button onClick={() => open('set')} data-testid="admin-passphrase-set">
            {t('passphrase.set')}
          </Button>
        )}
      </Group>
      <div role="status" aria-live="polite">
        {done && (
          <Group gap={6} c="teal" wrap="nowrap" data-testid="admin-passphrase-done">
            <CheckIcon size={18} />
            <Text size="sm" fw={500} c="inherit">
              {t(`passphrase.done.${done === 'remove' ? 'removed' : done === 'change' ? 'changed' : 'set'}`)}
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
        askCurrent
        testId="admin-passphrase"
        text={{
          title: shown === 'remove' ? t('passphrase.removeDialog.title') : shown === 'change' ? t('passphrase.dialogChange') : t('passphrase.dialogSet'),
          intro:
            shown === 'remove' ? (
              <Stack gap="xs">
                <Text size="sm">{t('passphrase.removeDialog.body')}</Text>
                {keySealed && (
                  <Text size="sm" data-testid="admin-passphrase-remove-key">
                    {t('passphrase.removeDialog.academyKey')}
                  </Text>
                )}
              </Stack>
            ) : undefined,
          current: t('passphrase.current'),
          next: t('passphrase.next'),
          nextDescription: t('passphrase.nextDescription', { min: PASSPHRASE_MIN_LENGTH }),
          confirm: t('passphrase.confirm'),
          toggleVisibility: t('passphrase.toggleVisibility'),
          submit: shown === 'remove' ? t('passphrase.removeDialog.confirm') : shown === 'change' ? t('passphrase.saveChange') : t('passphrase.saveSet'),
          saving: t('passphrase.saving'),
          cancel: t('passphrase.cancel'),
          currentRequired: t('passphrase.errors.currentRequired'),
          wrongCurrent: t('passphrase.errors.wrongCurrent'),
          changedElsewhere: t('passphrase.errors.changedElsewhere'),
        }}
        newSecretError={(next, confirmation) => {
          const issue = newPassphraseIssue(next, confirmation);
          return issue ? issueText(issue) : null;
        }}
        rejectionError={(error) => (error instanceof PassphraseRejectedError ? issueText(error.issue) : null)}
        save={async ({ current, next, confirmation }) => {
          if (shown === 'remove') {
            await removeAdminPassphrase(db, current);
            return;
          }
          if (shown === 'set') {
            admin.grant(await setAdminPassphrase(db, { current: null, next, confirmation }));
            return;
          }
          // The academy's signing key is kept under this passphrase: it is rewrapped under the new one
          // first (and back again should the change fail), so that it stays openable.
          const issue = newPassphraseIssue(next, confirmation);
          if (issue) throw new PassphraseRejectedError(issue);
          if (!(await checkAdminPassphrase(db, current))) throw new WrongSecretError('passphrase');
          const rewrapped = await platform.rewrapAcademyKey({ passphrase: current, newPassphrase: next });
          try {
            // Whoever just set it knows it: this window stays (or becomes) unlocked under the new hash.
            admin.grant(await setAdminPassphrase(db, { current, next, confirmation }));
          } catch (error) {
            if (rewrapped.ok && rewrapped.key) await platform.rewrapAcademyKey({ passphrase: next, newPassphrase: current });
            throw error;
          }
        }}
      />
    </Stack>
  );
}
