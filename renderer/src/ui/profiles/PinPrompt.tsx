// Runtime: renderer. Asked before switching into a profile a PIN protects, once the academy has set an
// administrator passphrase: the profile's PIN, or the administrator passphrase instead.
import { Anchor, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileRecord } from '../../db/database';
import { checkProfilePin } from '../../db/repositories/profiles';
import { useAdmin, waitBeforeTry } from '../admin-state';
import { useServices } from '../services';
import { useStorageProblems } from '../storage-problems';

/** Whether switching into `profile` must first ask for its PIN (or the administrator passphrase). */
export function needsPin(profile: ProfileRecord, admin: { configured: boolean; unlocked: boolean }): boolean {
  return profile.pin !== null && admin.configured && !admin.unlocked;
}

export interface PinPromptProps {
  /** The profile to switch into; null keeps the dialog closed. */
  profile: ProfileRecord | null;
  onClose: () => void;
  /** Runs once the PIN or the passphrase was right: switch now. */
  onAllowed: (profile: ProfileRecord) => void;
}

export function PinPrompt({ profile, onClose, onAllowed }: PinPromptProps) {
  const { t } = useTranslation(['profiles', 'common']);
  return (
    <Modal
      opened={profile !== null}
      onClose={onClose}
      title={profile ? t('pin.title', { name: profile.name }) : ''}
      closeButtonProps={{ 'aria-label': t('common:close') }}
      data-testid="profile-pin-modal"
    >
      {/* Keyed by profile, so nothing typed for one profile shows for the next. */}
      {profile && <PinForms key={profile.id} profile={profile} onCancel={onClose} onAllowed={() => onAllowed(profile)} />}
    </Modal>
  );
}

function PinForms({ profile, onCancel, onAllowed }: { profile: ProfileRecord; onCancel: () => void; onAllowed: () => void }) {
  const { t } = useTranslation('profiles');
  const [mode, setMode] = useState<'pin' | 'passphrase'>('pin');
  return (
    <Stack gap="md">
      {mode === 'pin' ? (
        <>
          <Text size="sm">{t('pin.intro', { name: profile.name })}</Text>
          <SecretForm key="pin" kind="pin" profile={profile} onCancel={onCancel} onAllowed={onAllowed} />
          <Text size="xs" c="dimmed">
            {t('pin.forgotten')}
          </Text>
        </>
      ) : (
        <>
          <Text size="sm">{t('pin.adminIntro', { name: profile.name })}</Text>
          <SecretForm key="passphrase" kind="passphrase" profile={profile} onCancel={onCancel} onAllowed={onAllowed} />
        </>
      )}
      <Anchor component="button" type="button" size="sm" onClick={() => setMode(mode === 'pin' ? 'passphrase' : 'pin')} data-testid="profile-pin-mode">
        {mode === 'pin' ? t('pin.adminToggle') : t('pin.pinToggle')}
      </Anchor>
    </Stack>
  );
}

/** One secret's field: the profile's PIN, or the administrator passphrase. Enter submits, Escape closes the dialog. */
function SecretForm({
  kind,
  profile,
  onCancel,
  onAllowed,
}: {
  kind: 'pin' | 'passphrase';
  profile: ProfileRecord;
  onCancel: () => void;
  onAllowed: () => void;
}) {
  const { t } = useTranslation('profiles');
  const { db } = useServices();
  const { report } = useStorageProblems();
  const admin = useAdmin();
  const [secret, setSecret] = useState('');
  const [wrong, setWrong] = useState(false);
  const [pending, setPending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const statusId = useId();
  const triesKey = `pin:${profile.uid}`;
  const delayMs = kind === 'pin' ? admin.tries.delayMs(triesKey) : admin.retryDelayMs;
  // The field takes focus when it appears: on opening, and when the trainee switches PIN and passphrase.
  useEffect(() => inputRef.current?.focus(), []);

  const check = async (): Promise<boolean> => {
    if (kind === 'passphrase') return admin.unlock(secret);
    await waitBeforeTry(admin.tries.delayMs(triesKey));
    const right = await checkProfilePin(db, profile.id, secret);
    if (right) admin.tries.right(triesKey);
    else admin.tries.wrong(triesKey);
    return right;
  };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (pending) return;
    if (secret.trim().length === 0) {
      inputRef.current?.focus();
      return;
    }
    setPending(true);
    setWrong(false);
    try {
      if (await check()) {
        onAllowed();
        return;
      }
      setWrong(true);
      inputRef.current?.focus();
      inputRef.current?.select();
    } catch (error) {
      report(error);
    } finally {
      setPending(false);
    }
  };

  const testId = kind === 'pin' ? 'profile-pin' : 'profile-pin-admin';
  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid={`${testId}-form`}>
      <Stack gap="sm">
        <PasswordInput
          ref={inputRef}
          data-testid={`${testId}-input`}
          data-autofocus
          label={kind === 'pin' ? t('pin.label') : t('pin.adminLabel')}
          inputMode={kind === 'pin' ? 'numeric' : undefined}
          autoComplete={kind === 'pin' ? 'off' : 'current-password'}
          value={secret}
          onChange={(event) => {
            setSecret(event.currentTarget.value);
            setWrong(false);
          }}
          error={wrong ? (kind === 'pin' ? t('pin.wrong') : t('pin.adminWrong')) : null}
          // Mantine's PasswordInput marks an error only with data-invalid; assistive technology reads aria-invalid.
          aria-invalid={wrong}
          aria-describedby={statusId}
          visibilityToggleButtonProps={{ 'aria-label': kind === 'pin' ? t('pin.toggleVisibility') : t('pin.adminToggleVisibility') }}
        />
        <Text size="sm" c="dimmed" id={statusId} role="status" aria-live="polite" data-testid={`${testId}-status`}>
          {pending ? t('pin.checking') : delayMs > 0 ? t('pin.slowed', { count: Math.ceil(delayMs / 1000) }) : ''}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            {t('pin.cancel')}
          </Button>
          <Button type="submit" loading={pending} data-testid={`${testId}-submit`}>
            {kind === 'pin' ? t('pin.submit') : t('pin.adminSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
