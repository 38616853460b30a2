// Runtime: renderer. The trainee profile form: checks as the trainee types, saves through the repository.
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileRecord } from '../../db/database';
import { saveActiveProfile } from '../../db/repositories/profiles';
import { CheckIcon } from '../icons';
import { ProfileFields } from '../profiles/ProfileFields';
import { useProfileDraft } from '../profiles/use-profile-draft';
import { useServices } from '../services';
import { useStorageProblems } from '../storage-problems';

/**
 * `profile` seeds the fields once; after that the form owns them, so a save does not reset what is
 * being typed.
 */
export function ProfileForm({ profile }: { profile: ProfileRecord | null }) {
  const { t } = useTranslation('settings');
  const { db } = useServices();
  const { report } = useStorageProblems();
  const [exists, setExists] = useState(profile !== null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const draft = useProfileDraft(
    { name: profile?.name ?? '', academyId: profile?.academyId ?? '', email: profile?.email ?? '' },
    { onEdit: () => setSaved(false) },
  );

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (!draft.check()) return;
    setSaving(true);
    try {
      const stored = await saveActiveProfile(db, draft.values);
      draft.reset({ name: stored.name, academyId: stored.academyId ?? '', email: stored.email ?? '' });
      setExists(true);
      setSaved(true);
    } catch (error) {
      if (!draft.reject(error)) report(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md" maw={520}>
        <ProfileFields
          {...draft.fields}
          testIds={{ name: 'profile-name', counter: 'profile-name-counter', academyId: 'profile-academy-id', email: 'profile-email' }}
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
