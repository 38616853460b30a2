// Runtime: renderer. The form that adds a trainee's profile and makes it active: used where no profile
// is active yet, and from the profile menu.
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACADEMY_ID_MAX_LENGTH, validateProfile, type ProfileIssues } from '../../core/profile';
import type { ProfileRecord } from '../../db/database';
import { ProfileValidationError } from '../../db/errors';
import { createProfile } from '../../db/repositories/profiles';
import { useProfileErrors } from '../screens/ProfileForm';
import { useServices } from '../services';
import { useStorageProblems } from '../storage-problems';

/**
 * Errors appear after the first attempt to create, then follow what is typed (as in Settings). A name
 * another profile has is only known once storage refuses it; that message stays until the name changes.
 */
export function NewProfileForm({ onCreated }: { onCreated?: (profile: ProfileRecord) => void }) {
  const { t } = useTranslation('profiles');
  const { db } = useServices();
  const { report } = useStorageProblems();
  const [name, setName] = useState('');
  const [academyId, setAcademyId] = useState('');
  const [showIssues, setShowIssues] = useState(false);
  const [rejected, setRejected] = useState<ProfileIssues>({});
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const academyIdRef = useRef<HTMLInputElement>(null);

  const validation = validateProfile({ name, academyId });
  const issues: ProfileIssues = { ...rejected, ...(showIssues && !validation.ok ? validation.issues : {}) };

  const { nameError, academyIdError } = useProfileErrors(issues);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (saving) return;
    setShowIssues(true);
    if (!validation.ok) {
      (validation.issues.name ? nameRef : academyIdRef).current?.focus();
      return;
    }
    setSaving(true);
    try {
      const profile = await createProfile(db, { name, academyId });
      setName('');
      setAcademyId('');
      setShowIssues(false);
      onCreated?.(profile);
    } catch (error) {
      if (error instanceof ProfileValidationError) {
        setRejected(error.issues);
        (error.issues.name ? nameRef : academyIdRef).current?.focus();
      } else {
        report(error);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="profile-new-form">
      <Stack gap="md">
        <TextInput
          ref={nameRef}
          data-testid="profile-new-name"
          label={t('form.name.label')}
          placeholder={t('form.name.placeholder')}
          autoComplete="name"
          required
          value={name}
          onChange={(event) => {
            const { value } = event.currentTarget;
            setName(value);
            setRejected((previous) => ({ ...previous, name: undefined }));
          }}
          error={nameError}
        />
        <TextInput
          ref={academyIdRef}
          data-testid="profile-new-academy"
          label={t('form.academyId.label')}
          placeholder={t('form.academyId.placeholder')}
          description={t('form.academyId.description', { max: ACADEMY_ID_MAX_LENGTH })}
          autoComplete="off"
          spellCheck={false}
          value={academyId}
          onChange={(event) => {
            const { value } = event.currentTarget;
            setAcademyId(value);
            setRejected((previous) => ({ ...previous, academyId: undefined }));
          }}
          error={academyIdError}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
        <Group>
          <Button type="submit" loading={saving} data-testid="profile-create">
            {t('form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
