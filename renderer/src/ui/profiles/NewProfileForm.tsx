// Runtime: renderer. The form that adds a trainee's profile and makes it active: used where no profile
// is active yet, and from the profile menu.
import { Button, Group, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileRecord } from '../../db/database';
import { createProfile } from '../../db/repositories/profiles';
import { ProfileFields } from './ProfileFields';
import { useProfileDraft } from './use-profile-draft';
import { useServices } from '../services';
import { useStorageProblems } from '../storage-problems';

export function NewProfileForm({ onCreated }: { onCreated?: (profile: ProfileRecord) => void }) {
  const { t } = useTranslation('settings');
  const { db } = useServices();
  const { report } = useStorageProblems();
  const draft = useProfileDraft({ name: '', academyId: '', email: '' });
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (saving || !draft.check()) return;
    setSaving(true);
    try {
      const profile = await createProfile(db, draft.values);
      draft.reset({ name: '', academyId: '', email: '' });
      onCreated?.(profile);
    } catch (error) {
      if (!draft.reject(error)) report(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="profile-new-form">
      <Stack gap="md">
        <ProfileFields
          {...draft.fields}
          testIds={{ name: 'profile-new-name', counter: 'profile-new-name-counter', academyId: 'profile-new-academy', email: 'profile-new-email' }}
        />
        <Group>
          <Button type="submit" loading={saving} data-testid="profile-create">
            {t('profile.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
