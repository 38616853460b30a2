// Runtime: renderer. The welcome screen: greets the trainee, or asks them to set up their profile first.
import { Avatar, Box, Button, Card, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FALLBACK_LANGUAGE, isLanguage, LANGUAGE_ENDONYMS } from '../../core/locale';
import type { ProfileRecord } from '../../db/database';
import { listAttempts } from '../../db/repositories/attempts';
import { readActiveProfile } from '../../db/repositories/profiles';
import { findScenario, localized } from '../../library/library';
import { useLibrary } from '../library-context';
import { formatDate } from '../format';
import { BrowserIcon, CalendarIcon, DesktopIcon, InfoIcon, LanguageIcon, StorageIcon, TagIcon, UserIcon } from '../icons';
import { LogoMark } from '../LogoMark';
import { Page } from '../Page';
import { hrefFor } from '../router';
import { useServices } from '../services';
import classes from './HomeScreen.module.css';

function DetailRow({ icon, label, children, testId }: { icon: ReactNode; label: string; children: ReactNode; testId?: string }) {
  return (
    <Group gap="sm" wrap="nowrap" align="center">
      <ThemeIcon variant="light" size="lg" radius="md">
        {icon}
      </ThemeIcon>
      <div>
        <Text size="xs" className={classes.detailLabel}>
          {label}
        </Text>
        <Text size="sm" fw={500} data-testid={testId}>
          {children}
        </Text>
      </div>
    </Group>
  );
}

function SetupProfileCard() {
  const { t } = useTranslation('home');
  return (
    <Card data-testid="home-setup">
      <Stack gap="sm" h="100%">
        <ThemeIcon variant="light" color="gold" size={44} radius="md">
          <UserIcon size={24} />
        </ThemeIcon>
        <Title order={2} size="h4">
          {t('setup.title')}
        </Title>
        <Text size="sm" c="dimmed" style={{ flexGrow: 1 }}>
          {t('setup.body')}
        </Text>
        <Group>
          <Button component="a" href={hrefFor('settings')} data-testid="home-setup-profile">
            {t('setup.action')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function ProfileCard({ profile }: { profile: ProfileRecord }) {
  const { t, i18n } = useTranslation('home');
  return (
    <Card data-testid="home-profile">
      <Stack gap="md" h="100%">
        <Group gap="md" wrap="nowrap">
          <Avatar name={profile.name} color="initials" size="lg" radius="xl" />
          <div style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed">
              {t('profile.title')}
            </Text>
            <Text fw={600} size="lg" truncate="end">
              {profile.name}
            </Text>
          </div>
        </Group>
        <Stack gap="sm" style={{ flexGrow: 1 }}>
          <DetailRow icon={<TagIcon size={18} />} label={t('profile.academyId')}>
            {profile.academyId ?? t('profile.noAcademyId')}
          </DetailRow>
          <DetailRow icon={<CalendarIcon size={18} />} label={t('profile.updated')}>
            {formatDate(profile.updatedAt, i18n.language)}
          </DetailRow>
        </Stack>
        <Group>
          <Button component="a" href={hrefFor('settings')} variant="light">
            {t('profile.edit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function TrainCard({ profileId }: { profileId: number | null }) {
  const { t } = useTranslation('home');
  const { db } = useServices();
  const library = useLibrary();
  const attempts = useLiveQuery(() => (profileId === null ? Promise.resolve([]) : listAttempts(db, profileId)), [db, profileId]);
  const active = attempts?.find((attempt) => attempt.status === 'active');
  const ref = active && library ? findScenario(library, active.packId, active.scenarioId) : null;
  return (
    <Card data-testid="home-train">
      <Stack gap="sm" h="100%">
        <Title order={2} size="h4">
          {t('train.title')}
        </Title>
        <Text size="sm" c="dimmed" style={{ flexGrow: 1 }}>
          {t('train.body')}
        </Text>
        <Group>
          {active && ref && (
            <Button component="a" href={hrefFor({ screen: 'player', attemptId: active.id })} data-testid="home-resume">
              {t('train.resume', { title: localized(ref.scenario.title, active.playLanguage) })}
            </Button>
          )}
          <Button component="a" href={hrefFor('catalogue')} variant={active && ref ? 'light' : 'filled'} data-testid="home-open-catalogue">
            {t('train.action')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function AppInfoCard() {
  const { t, i18n } = useTranslation(['home', 'common', 'settings']);
  const { appInfo } = useServices();
  const language = isLanguage(i18n.language) ? i18n.language : FALLBACK_LANGUAGE;
  return (
    <Card data-testid="home-app-info">
      <Stack gap="md">
        <Group gap="xs">
          <InfoIcon size={18} />
          <Title order={2} size="h5">
            {t('appInfo.title')}
          </Title>
        </Group>
        <DetailRow icon={<TagIcon size={18} />} label={t('appInfo.version')} testId="home-version">
          {appInfo.version}
        </DetailRow>
        <DetailRow
          icon={appInfo.runtime === 'electron' ? <DesktopIcon size={18} /> : <BrowserIcon size={18} />}
          label={t('appInfo.runtime')}
          testId="home-runtime"
        >
          {t(`common:runtime.${appInfo.runtime}`)}
        </DetailRow>
        <DetailRow icon={<LanguageIcon size={18} />} label={t('appInfo.language')}>
          <span lang={language}>{LANGUAGE_ENDONYMS[language]}</span>
        </DetailRow>
        <DetailRow icon={<StorageIcon size={18} />} label={t('appInfo.storage')}>
          {t('appInfo.storageLocal')}
        </DetailRow>
      </Stack>
    </Card>
  );
}

export function HomeScreen() {
  const { t } = useTranslation('home');
  const { db } = useServices();
  // undefined while the first read is under way, null when no profile has been set up.
  const profile = useLiveQuery(() => readActiveProfile(db), [db]);

  return (
    <Page testId="home-page">
      <Paper className={classes.hero} radius="lg" p={{ base: 'lg', sm: 'xl' }}>
        <Group gap="lg" wrap="nowrap" align="flex-start">
          <Box className={classes.heroMark} visibleFrom="xs">
            <LogoMark size={56} />
          </Box>
          <Stack gap="xs">
            <Title order={1} className={classes.heroTitle} tabIndex={-1} data-page-title data-testid="home-greeting">
              {profile === undefined ? '\u00a0' : profile ? t('greeting', { name: profile.name }) : t('greetingNew')}
            </Title>
            <Text className={classes.heroText}>{t('intro')}</Text>
          </Stack>
        </Group>
      </Paper>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <TrainCard profileId={profile?.id ?? null} />
        {profile === undefined ? null : profile ? <ProfileCard profile={profile} /> : <SetupProfileCard />}
        <AppInfoCard />
      </SimpleGrid>
    </Page>
  );
}
