// Runtime: renderer. Settings: the UI's language and theme, the active trainee profile (edit it, its PIN,
// delete it in administrator mode) and the academy's settings.
import { Card, Center, Divider, Group, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORTED_LANGUAGES, THEME_PREFERENCES, type Language, type ThemePreference } from '../../../../electron/contract/api';
import { isLanguage, LANGUAGE_ENDONYMS } from '../../core/locale';
import { readActiveProfile } from '../../db/repositories/profiles';
import { isThemePreference, saveLanguage, saveTheme } from '../../db/repositories/settings';
import { AcademySettings } from '../academy/AcademySettings';
import { RequireAdmin } from '../academy/admin-context';
import { ProfilePin } from '../academy/ProfilePin';
import { AcademyKeySection } from '../badges/AcademyKeySection';
import { BackupSection } from '../backup/BackupSection';
import { SaveTraineeData } from '../backup/SaveTraineeData';
import { AutoThemeIcon, LanguageIcon, LockIcon, MoonIcon, SunIcon, TagIcon, UserIcon } from '../icons';
import { LrsSettings } from '../lrs/LrsSettings';
import { PackManager } from '../packs/PackManager';
import { DeleteProfile } from '../profiles/DeleteProfile';
import { Page } from '../Page';
import { ExportProgressFile } from '../progress-files/ExportProgressFile';
import { usePreferences } from '../preferences';
import { useServices } from '../services';
import { useStorageProblems } from '../storage-problems';
import { ProfileForm } from './ProfileForm';

const THEME_ICONS: Record<ThemePreference, ReactNode> = {
  light: <SunIcon size={16} />,
  dark: <MoonIcon size={16} />,
  auto: <AutoThemeIcon size={16} />,
};

export function SectionHeading({ icon, title, description }: { icon: ReactNode; title: string; description?: string }) {
  return (
    <Group gap="sm" wrap="nowrap" mb="lg" align="flex-start">
      <Center c="navy.6" mt={2}>
        {icon}
      </Center>
      <div>
        <Title order={2} size="h4">
          {title}
        </Title>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
      </div>
    </Group>
  );
}

function Field({ label, hint, children }: { label: string; hint?: string | null; children: (labelId: string) => ReactNode }) {
  const labelId = useId();
  return (
    <Stack gap={6}>
      <Text id={labelId} fw={500} size="sm">
        {label}
      </Text>
      {children(labelId)}
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Stack>
  );
}

function PreferencesCard() {
  const { t } = useTranslation('settings');
  const { db } = useServices();
  const { report } = useStorageProblems();
  const preferences = usePreferences();

  const chooseLanguage = (value: string): void => {
    if (isLanguage(value)) saveLanguage(db, value).catch(report);
  };
  const chooseTheme = (value: string): void => {
    if (isThemePreference(value)) saveTheme(db, value).catch(report);
  };

  return (
    <Card data-testid="settings-preferences">
      <SectionHeading icon={<LanguageIcon />} title={t('appearance.title')} />
      {preferences ? (
        <Stack gap="lg">
          <Field label={t('language.label')} hint={preferences.languageFollowsSystem ? t('language.followingSystem') : null}>
            {(labelId) => (
              <SegmentedControl
                data-testid="settings-language"
                aria-labelledby={labelId}
                value={preferences.language}
                onChange={chooseLanguage}
                data={SUPPORTED_LANGUAGES.map((language: Language) => ({
                  value: language,
                  // Named in itself whatever the interface speaks (core/locale.ts).
                  label: <span lang={language}>{LANGUAGE_ENDONYMS[language]}</span>,
                }))}
                style={{ alignSelf: 'flex-start' }}
              />
            )}
          </Field>
          <Field label={t('theme.label')} hint={t('theme.description')}>
            {(labelId) => (
              <SegmentedControl
                data-testid="settings-theme"
                aria-labelledby={labelId}
                value={preferences.theme}
                onChange={chooseTheme}
                data={THEME_PREFERENCES.map((theme) => ({
                  value: theme,
                  label: (
                    <Group gap={6} wrap="nowrap" justify="center">
                      {THEME_ICONS[theme]}
                      <span>{t(`theme.options.${theme}`)}</span>
                    </Group>
                  ),
                }))}
                style={{ alignSelf: 'flex-start' }}
              />
            )}
          </Field>
        </Stack>
      ) : (
        <Skeleton height={120} />
      )}
    </Card>
  );
}

function ProfileCard() {
  const { t } = useTranslation(['settings', 'academy']);
  const { db } = useServices();
  // undefined while the first read is under way, null when no profile has been set up.
  const profile = useLiveQuery(() => readActiveProfile(db), [db]);

  return (
    <Card data-testid="settings-profile">
      <SectionHeading icon={<UserIcon />} title={t('profile.title')} description={t('profile.description')} />
      {profile === undefined ? <Skeleton height={160} /> : <ProfileForm profile={profile} />}
      {profile && (
        <>
          <Divider my="lg" />
          <ExportProgressFile key={profile.id} profile={profile} />
          <Divider my="lg" />
          <ProfilePin profile={profile} />
          <Divider my="lg" />
          <RequireAdmin reason={t('academy:reasons.deleteProfile')} quiet variant="inline">
            <DeleteProfile
              key={profile.id}
              profile={profile}
              saveFirst={<SaveTraineeData trainee={{ kind: 'profile', profileId: profile.id }} label="first" testId="profile-delete-save" />}
            />
          </RequireAdmin>
        </>
      )}
    </Card>
  );
}

function AcademyCard() {
  const { t } = useTranslation('academy');
  return (
    <Card data-testid="settings-academy">
      <SectionHeading icon={<LockIcon />} title={t('settings.title')} description={t('settings.description')} />
      <AcademySettings>
        <LrsSettings />
      </AcademySettings>
    </Card>
  );
}

function PacksCard() {
  const { t } = useTranslation('packManager');
  return (
    <Card data-testid="settings-packs">
      <SectionHeading icon={<TagIcon />} title={t('title')} description={t('description')} />
      <RequireAdmin reason={t('gateReason')} variant="inline">
        <PackManager />
      </RequireAdmin>
    </Card>
  );
}

function AcademyKeyCard() {
  const { t } = useTranslation('badges');
  return (
    <Card data-testid="settings-academy-key">
      <SectionHeading icon={<LockIcon />} title={t('key.title')} />
      <AcademyKeySection
        gate={(content, reason) => (
          <RequireAdmin reason={reason} quiet variant="inline">
            {content}
          </RequireAdmin>
        )}
      />
    </Card>
  );
}

export function SettingsScreen() {
  const { t } = useTranslation('settings');
  return (
    <Page testId="settings-page" title={t('title')} intro={t('intro')}>
      <PreferencesCard />
      <ProfileCard />
      <AcademyCard />
      <PacksCard />
      <AcademyKeyCard />
      <BackupSection gate={(content, reason) => <RequireAdmin reason={reason}>{content}</RequireAdmin>} />
    </Page>
  );
}
