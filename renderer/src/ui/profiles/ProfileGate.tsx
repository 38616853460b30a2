// Runtime: renderer. Screens that record a trainee's work open only once someone has said who is training
// (a profile a PIN protects is opened with its PIN, or in administrator mode).
import { Card, Divider, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileRecord } from '../../db/database';
import { listProfiles, readActiveProfile, switchProfile } from '../../db/repositories/profiles';
import { useAdmin } from '../admin-state';
import { LockIcon } from '../icons';
import { useServices } from '../services';
import { useStorageProblems } from '../storage-problems';
import { NewProfileForm } from './NewProfileForm';
import { needsPin, PinPrompt } from './PinPrompt';
import { ProfileAvatar } from './ProfileAvatar';
import classes from './profiles.module.css';

/**
 * Renders `children` with the active profile. Until the database has answered it renders nothing (a
 * flash of the gate would be wrong more often than not); with no active profile, the gate.
 */
export function RequireProfile({ children }: { children: (profile: ProfileRecord) => ReactNode }) {
  const { db } = useServices();
  const active = useLiveQuery(() => readActiveProfile(db), [db]);
  if (active === undefined) return null;
  if (active === null) return <ProfileGate />;
  return children(active);
}

function ProfileGate() {
  const { t } = useTranslation('profiles');
  const { db } = useServices();
  const { report } = useStorageProblems();
  const profiles = useLiveQuery(() => listProfiles(db), [db]);
  const [switching, setSwitching] = useState(false);
  const admin = useAdmin();
  const [askingPinOf, setAskingPinOf] = useState<ProfileRecord | null>(null);
  const titleId = useId();
  const pickTitleId = useId();
  const newTitleId = useId();
  if (profiles === undefined) return null;

  const switchTo = (profile: ProfileRecord): void => {
    setSwitching(true);
    // On success the gate goes away with the live query; it stays only when the switch failed.
    switchProfile(db, profile.id)
      .catch(report)
      .finally(() => setSwitching(false));
  };
  const pick = (profile: ProfileRecord): void => {
    if (needsPin(profile, admin)) setAskingPinOf(profile);
    else switchTo(profile);
  };
  const anyPin = profiles.some((profile) => profile.pin !== null);

  return (
    <Card data-testid="profile-gate" maw={560} component="section" aria-labelledby={titleId}>
      <Stack gap="lg">
        <div>
          <Title order={2} id={titleId}>
            {t('gate.title')}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {profiles.length > 0 ? t('gate.intro') : t('gate.introFirst')}
          </Text>
        </div>
        {profiles.length > 0 && (
          <>
            <section aria-labelledby={pickTitleId}>
              <Title order={3} size="h5" id={pickTitleId} mb="xs">
                {t('gate.pickTitle')}
              </Title>
              <Stack gap="xs" data-testid="profile-pick-list">
                {profiles.map((profile) => (
                  <UnstyledButton
                    key={profile.id}
                    className={classes.pick}
                    data-testid={`profile-pick-${profile.id}`}
                    disabled={switching}
                    onClick={() => pick(profile)}
                  >
                    <ProfileAvatar name={profile.name} />
                    <span className={classes.pickText}>
                      <Text component="span" fw={600} size="sm" className={classes.pickName}>
                        {profile.name}
                      </Text>
                      {profile.academyId && (
                        <Text component="span" c="dimmed" size="xs">
                          {t('gate.academyId', { academyId: profile.academyId })}
                        </Text>
                      )}
                      {profile.pin !== null && (
                        <Text component="span" c="dimmed" size="xs" data-testid={`profile-pick-lock-${profile.id}`}>
                          <LockIcon size={12} /> {t('gate.protected')}
                        </Text>
                      )}
                    </span>
                  </UnstyledButton>
                ))}
              </Stack>
              {anyPin && !admin.configured && (
                <Text c="dimmed" size="xs" mt="xs">
                  {t('gate.pinInactive')}
                </Text>
              )}
            </section>
            <Divider />
          </>
        )}
        <section aria-labelledby={newTitleId}>
          <Title order={3} size="h5" id={newTitleId} mb="xs">
            {t('gate.newTitle')}
          </Title>
          <NewProfileForm />
        </section>
      </Stack>
      <PinPrompt
        profile={askingPinOf}
        onClose={() => setAskingPinOf(null)}
        onAllowed={(profile) => {
          setAskingPinOf(null);
          switchTo(profile);
        }}
      />
    </Card>
  );
}
