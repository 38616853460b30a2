// Runtime: renderer. The form that adds a trainee's profile and makes it active: used where no profile
// is active yet, and from the profile menu.
import { Button, Group, Stack } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { validateProfile, type ProfileIssues } from '../../core/profile';
import type { ProfileRecord } from '../../db/database';
import { ProfileValidationError } from '../../db/errors';
import { createProfile } from '../../db/repositories/profiles';
import { useProfileErrors } from '../screens/ProfileForm';
import { ProfileFields } from './ProfileFields';
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
        <ProfileFields
          name={name}
          academyId={academyId}
          onNameChange={(value) => {
            setName(value);
            setRejected((previous) => ({ ...previous, name: undefined }));
          }}
          onAcademyIdChange={(value) => {
            setAcademyId(value);
            setRejected((previous) => ({ ...previous, academyId: undefined }));
          }}
          nameError={nameError}
          academyIdError={academyIdError}
          nameRef={nameRef}
          academyIdRef={academyIdRef}
          testIds={{ name: 'profile-new-name', counter: 'profile-new-name-counter', academyId: 'profile-new-academy' }}
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
