// Runtime: renderer. The header's profile button: who is training, switching between the trainees
// who share this device (into a profile a PIN protects only with its PIN or in administrator mode),
// and adding one.
import { Avatar, Menu, Modal, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileRecord } from '../../db/database';
import { listProfiles, readActiveProfile, switchProfile } from '../../db/repositories/profiles';
import { useAdmin } from '../admin-state';
import { LockIcon, UserIcon } from '../icons';
import { useServices } from '../services';
import { useStorageProblems } from '../storage-problems';
import { NewProfileForm } from './NewProfileForm';
import { needsPin, PinPrompt } from './PinPrompt';
import { ProfileAvatar } from './ProfileAvatar';
import classes from './profiles.module.css';

function ChevronDownIcon() {
  return (
    <svg
      width={14}
      height={14}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M6 9l6 6 6-6" />
    </svg>
  );
}

function PlusIcon() {
  return (
    <svg
      width={16}
      height={16}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M12 5v14M5 12h14" />
    </svg>
  );
}

export function ProfileMenu() {
  const { t } = useTranslation(['profiles', 'common']);
  const { db } = useServices();
  const { report } = useStorageProblems();
  const active = useLiveQuery(() => readActiveProfile(db), [db]);
  const profiles = useLiveQuery(() => listProfiles(db), [db]);
  const [creating, creation] = useDisclosure(false);
  const admin = useAdmin();
  const [askingPinOf, setAskingPinOf] = useState<ProfileRecord | null>(null);
  if (active === undefined || profiles === undefined) return null;

  const switchTo = (profile: ProfileRecord): void => {
    switchProfile(db, profile.id).catch(report);
  };
  const pick = (value: string): void => {
    const profile = profiles.find((candidate) => candidate.id === Number(value));
    if (!profile || profile.id === active?.id) return;
    if (needsPin(profile, admin)) setAskingPinOf(profile);
    else switchTo(profile);
  };
  const anyPin = profiles.some((profile) => profile.pin !== null);

  return (
    <>
      {/* No focus placeholder: it is a focusable role="presentation" inside role="menu", which axe rejects;
          opening from the keyboard then focuses the first item, as the menu button pattern expects. */}
      <Menu position="bottom-end" width={280} shadow="md" withinPortal withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <UnstyledButton className={classes.target} data-testid="profile-menu">
            {/* The name on the button is its accessible name (WCAG 2.5.3); the initials are decoration. */}
            {active ? (
              <span aria-hidden="true">
                <ProfileAvatar name={active.name} size="sm" />
              </span>
            ) : (
              <Avatar size="sm" variant="light" aria-hidden="true">
                <UserIcon size={16} />
              </Avatar>
            )}
            <Text component="span" size="sm" fw={500} className={classes.targetName} data-testid="profile-menu-name">
              {active ? active.name : t('menu.none')}
            </Text>
            <VisuallyHidden>{active ? t('menu.hint') : t('menu.hintNone')}</VisuallyHidden>
            <ChevronDownIcon />
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown data-testid="profile-menu-dropdown">
          {profiles.length > 0 && (
            <>
              <Menu.Label>{t('menu.profiles', { count: profiles.length })}</Menu.Label>
              <Menu.RadioGroup value={active ? String(active.id) : null} onChange={pick}>
                {profiles.map((profile) => (
                  <Menu.RadioItem
                    key={profile.id}
                    value={String(profile.id)}
                    closeMenuOnClick
                    data-testid={`profile-menu-item-${profile.id}`}
                    rightSection={profile.pin !== null ? <LockIcon size={14} data-testid={`profile-menu-lock-${profile.id}`} /> : undefined}
                  >
                    {profile.name}
                    {profile.pin !== null && <VisuallyHidden> {t('menu.protected')}</VisuallyHidden>}
                  </Menu.RadioItem>
                ))}
              </Menu.RadioGroup>
              {anyPin && (
                <Text size="xs" c="dimmed" px="sm" py={4} maw={280} data-testid="profile-menu-pin-hint">
                  {admin.configured ? t('menu.pinHint') : t('menu.pinInactive')}
                </Text>
              )}
              <Menu.Divider />
            </>
          )}
          <Menu.Item leftSection={<PlusIcon />} onClick={creation.open} data-testid="profile-menu-new">
            {t('menu.new')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={creating}
        onClose={creation.close}
        title={t('modal.title')}
        closeButtonProps={{ 'aria-label': t('common:close') }}
        data-testid="profile-new-modal"
      >
        <Text size="sm" c="dimmed" mb="md">
          {t('modal.intro')}
        </Text>
        <NewProfileForm onCreated={creation.close} />
      </Modal>
      <PinPrompt
        profile={askingPinOf}
        onClose={() => setAskingPinOf(null)}
        onAllowed={(profile) => {
          setAskingPinOf(null);
          switchTo(profile);
        }}
      />
    </>
  );
}
