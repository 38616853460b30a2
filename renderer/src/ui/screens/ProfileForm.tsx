// Runtime: renderer. The trainee profile form: checks as the trainee types, saves through the repository.
import { Button, Group, Stack, Text } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACADEMY_ID_MAX_LENGTH, PROFILE_NAME_MAX_LENGTH, validateProfile, type ProfileIssues } from '../../core/profile';
import type { ProfileRecord } from '../../db/database';
import { ProfileValidationError } from '../../db/errors';
import { saveActiveProfile } from '../../db/repositories/profiles';
import { CheckIcon } from '../icons';
import { ProfileFields } from '../profiles/ProfileFields';
import { useServices } from '../services';
import { useStorageProblems } from '../storage-problems';

/**
 * `profile` seeds the fields once; after that the form owns them, so a save does not reset what is
 * being typed. Errors appear after the first attempt to save, then update as the trainee types.
 */
export function ProfileForm({ profile }: { profile: ProfileRecord | null }) {
  const { t } = useTranslation('settings');
  const { db } = useServices();
  const { report } = useStorageProblems();
  const [name, setName] = useState(profile?.name ?? '');
  const [academyId, setAcademyId] = useState(profile?.academyId ?? '');
  const [exists, setExists] = useState(profile !== null);
  const [showIssues, setShowIssues] = useState(false);
  const [rejected, setRejected] = useState<ProfileIssues>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const academyIdRef = useRef<HTMLInputElement>(null);

  const validation = validateProfile({ name, academyId });
  const issues: ProfileIssues = { ...rejected, ...(showIssues && !validation.ok ? validation.issues : {}) };

  const { nameError, academyIdError } = useProfileErrors(issues);

  const edit = (apply: () => void): void => {
    apply();
    setSaved(false);
    setRejected({});
  };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setShowIssues(true);
    if (!validation.ok) {
      (validation.issues.name ? nameRef : academyIdRef).current?.focus();
      return;
    }
    setSaving(true);
    try {
      const stored = await saveActiveProfile(db, { name, academyId });
      setName(stored.name);
      setAcademyId(stored.academyId ?? '');
      setExists(true);
      setShowIssues(false);
      setSaved(true);
    } catch (error) {
      if (error instanceof ProfileValidationError) setRejected(error.issues);
      else report(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md" maw={520}>
        <ProfileFields
          name={name}
          academyId={academyId}
          onNameChange={(value) => edit(() => setName(value))}
          onAcademyIdChange={(value) => edit(() => setAcademyId(value))}
          nameError={nameError}
          academyIdError={academyIdError}
          nameRef={nameRef}
          academyIdRef={academyIdRef}
          testIds={{ name: 'profile-name', counter: 'profile-name-counter', academyId: 'profile-academy-id' }}
        />
        <Group gap="md" mt="xs">
          <Button type="submit" loading={saving} data-testid="profile-save">
            {exists ? t('profile.save') : t('profile.create')}
          </Button>
          <div role="status" aria-live="polite">
            {saved && (
              <Group gap={6} c="teal" data-testid="profile-saved">
                <CheckIcon size={18} />
                <Text size="sm" fw={500} c="inherit">
                  {t('profile.saved')}
                </Text>
              </Group>
            )}
          </div>
        </Group>
      </Stack>
    </form>
  );
}

/** What is wrong with each field of a profile, in words: shared by every form that edits one. */
export function useProfileErrors(issues: ProfileIssues): { nameError: string | null; academyIdError: string | null } {
  const { t } = useTranslation('settings');
  const nameError =
    issues.name === 'required'
      ? t('profile.errors.nameRequired')
      : issues.name === 'too-long'
        ? t('profile.errors.nameTooLong', { max: PROFILE_NAME_MAX_LENGTH })
        : issues.name === 'taken'
          ? t('profile.errors.nameTaken')
          : null;
  const academyIdError =
    issues.academyId === 'invalid-characters'
      ? t('profile.errors.academyIdInvalidCharacters')
      : issues.academyId === 'too-long'
        ? t('profile.errors.academyIdTooLong', { max: ACADEMY_ID_MAX_LENGTH })
        : null;
  return { nameError, academyIdError };
}
