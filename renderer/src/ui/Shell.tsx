// Runtime: renderer. The frame around every screen: header, navigation, storage alerts, About.
import { AppShell, Burger, Container, Group, NavLink, Stack, Text, useMantineTheme } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminIndicator, useAdmin } from './academy/admin-context';
import { adminOpen } from './admin-state';
import { CalendarIcon, HomeIcon, Icon, InfoIcon, SettingsIcon, TagIcon, type IconProps } from './icons';
import { LanguageSwitch } from './LanguageSwitch';
import { Loading } from './Loading';
import { LogoMark } from './LogoMark';
import { useMenuCommands } from './menu-commands';
import { ProfileMenu } from './profiles/ProfileMenu';
import { hrefFor, useRoute, type Route, type SimpleScreen } from './router';
import { HomeScreen } from './screens/HomeScreen';
import { AboutDialog } from './screens/AboutDialog';
import { useServices } from './services';
import classes from './Shell.module.css';
import { ReadErrorBoundary, StorageProblemAlert } from './storage-problems';

// Only Home is in the first script; every other screen (the player with the grader and its language
// model, the debrief with its charts, the catalogue with the pack loader) is fetched when first opened.
const screenModules = {
  catalogue: () => import('./screens/CatalogueScreen'),
  history: () => import('./screens/HistoryScreen'),
  settings: () => import('./screens/SettingsScreen'),
  briefing: () => import('./screens/BriefingScreen'),
  player: () => import('./player/PlayerScreen'),
  debrief: () => import('./screens/DebriefScreen'),
  records: () => import('./screens/RecordsScreen'),
  outcome: () => import('./screens/OutcomeScreen'),
  studio: () => import('./screens/StudioScreen'),
};
const CatalogueScreen = lazy(() => screenModules.catalogue().then((module) => ({ default: module.CatalogueScreen })));
const HistoryScreen = lazy(() => screenModules.history().then((module) => ({ default: module.HistoryScreen })));
const SettingsScreen = lazy(() => screenModules.settings().then((module) => ({ default: module.SettingsScreen })));
const BriefingScreen = lazy(() => screenModules.briefing().then((module) => ({ default: module.BriefingScreen })));
const PlayerScreen = lazy(() => screenModules.player().then((module) => ({ default: module.PlayerScreen })));
const DebriefScreen = lazy(() => screenModules.debrief().then((module) => ({ default: module.DebriefScreen })));
const RecordsScreen = lazy(() => screenModules.records().then((module) => ({ default: module.RecordsScreen })));
const OutcomeScreen = lazy(() => screenModules.outcome().then((module) => ({ default: module.OutcomeScreen })));
const StudioScreen = lazy(() => screenModules.studio().then((module) => ({ default: module.StudioScreen })));

/** The studio: a pen over a page. */
function StudioIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M4 20h4L19 9a2.8 2.8 0 0 0-4-4L4 16z" />
      <path d="M13.5 6.5l4 4" />
    </Icon>
  );
}

/** The records: a table of people. */
function RecordsIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <path d="M3 9h18M3 14h18M9 9v11" />
    </Icon>
  );
}

/** Fetches every screen's code now, e.g. so that a test's waits measure the screen and not its import. */
export async function preloadScreens(): Promise<void> {
  await Promise.all(Object.values(screenModules).map((load) => load()));
}

function CurrentScreen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'home':
      return <HomeScreen />;
    case 'catalogue':
      return <CatalogueScreen />;
    case 'history':
      return <HistoryScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'briefing':
      return <BriefingScreen packId={route.packId} scenarioId={route.scenarioId} />;
    case 'player':
      return <PlayerScreen attemptId={route.attemptId} />;
    case 'debrief':
      return <DebriefScreen attemptId={route.attemptId} />;
    case 'records':
      return <RecordsScreen />;
    case 'outcome':
      return <OutcomeScreen uid={route.uid} />;
    case 'studio':
      return <StudioScreen />;
  }
}

/** Where the navigation highlights for a screen reached from inside another. */
const NAV_PARENT: Record<Route['screen'], SimpleScreen> = {
  home: 'home',
  catalogue: 'catalogue',
  history: 'history',
  settings: 'settings',
  briefing: 'catalogue',
  player: 'history',
  debrief: 'history',
  records: 'records',
  outcome: 'records',
  studio: 'studio',
};

export function Shell() {
  const { t } = useTranslation(['shell', 'common']);
  const { appInfo } = useServices();
  const admin = useAdmin();
  const route = useRoute();
  const screen = route.screen;
  // The studio works on the whole width, beside the navigation.
  const fullWidth = screen === 'studio';
  const routeKey = hrefFor(route);
  // The player needs the whole width: the navigation folds away and the burger brings it back.
  const wideDesk = screen === 'player';
  const [navbarOpened, navbar] = useDisclosure(false);
  const { breakpoints } = useMantineTheme();
  const wideScreen = useMediaQuery(`(min-width: ${breakpoints.sm})`, true, { getInitialValueInEffect: false });
  // On a small screen the closed navigation only slides out of view: keep it out of the tab order too.
  const navbarHidden = (!wideScreen || wideDesk) && !navbarOpened;
  const [aboutOpened, about] = useDisclosure(false);
  const mainRef = useRef<HTMLElement>(null);
  const previousScreen = useRef(routeKey);

  useMenuCommands({ openAbout: about.open });

  useEffect(() => {
    document.title = t('documentTitle', { screen: t(`nav.${NAV_PARENT[screen]}`) });
  }, [t, screen]);

  const titleWatch = useRef<MutationObserver | null>(null);
  useEffect(() => {
    // Announce the new screen to screen readers by moving focus to its title; not on first load.
    if (previousScreen.current === routeKey) return;
    previousScreen.current = routeKey;
    navbar.close();
    titleWatch.current?.disconnect();
    titleWatch.current = null;
    const main = mainRef.current;
    if (!main) return;
    const focusTitle = () => {
      const title = main.querySelector<HTMLElement>('[data-page-title]');
      title?.focus();
      return title !== null;
    };
    if (focusTitle()) return;
    // A screen fetched on demand shows its title only once its code has arrived.
    const watch = new MutationObserver(() => {
      if (focusTitle()) watch.disconnect();
    });
    watch.observe(main, { childList: true, subtree: true });
    titleWatch.current = watch;
  }, [routeKey, navbar]);
  useEffect(() => () => titleWatch.current?.disconnect(), []);

  const navItems: { screen: SimpleScreen; label: string; icon: React.JSX.Element }[] = [
    { screen: 'home', label: t('nav.home'), icon: <HomeIcon /> },
    { screen: 'catalogue', label: t('nav.catalogue'), icon: <TagIcon /> },
    { screen: 'history', label: t('nav.history'), icon: <CalendarIcon /> },
    { screen: 'records', label: t('nav.records'), icon: <RecordsIcon /> },
    // Instructors' tool: listed in administrator mode (or while no passphrase gates anything).
    ...(adminOpen(admin) ? [{ screen: 'studio' as const, label: t('nav.studio'), icon: <StudioIcon /> }] : []),
    { screen: 'settings', label: t('nav.settings'), icon: <SettingsIcon /> },
  ];
  const activeNav = NAV_PARENT[screen];

  return (
    <AppShell
      data-testid="app-shell"
      header={{ height: 64 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navbarOpened, desktop: wideDesk && !navbarOpened } }}
      padding={wideDesk ? 'md' : { base: 'md', sm: 'xl' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm" wrap="nowrap">
          <Burger
            opened={navbarOpened}
            onClick={navbar.toggle}
            hiddenFrom={wideDesk ? undefined : 'sm'}
            size="sm"
            aria-label={navbarOpened ? t('burger.close') : t('burger.open')}
            aria-expanded={navbarOpened}
            aria-controls="app-navigation"
            data-testid="nav-burger"
          />
          <a href={hrefFor('home')} className={classes.brand}>
            <LogoMark size={36} />
            <div>
              <div className={classes.brandName} data-testid="app-name">
                {t('common:productName')}
              </div>
              <Text size="xs" c="dimmed" visibleFrom="xs">
                {t('tagline')}
              </Text>
            </div>
          </a>
          <Group gap="xs" wrap="nowrap" style={{ marginInlineStart: 'auto' }}>
            <AdminIndicator />
            <LanguageSwitch />
            <ProfileMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" id="app-navigation" inert={navbarHidden}>
        <AppShell.Section grow component="nav" aria-label={t('nav.label')}>
          <Stack gap={4}>
            {navItems.map((item) => (
              <NavLink
                key={item.screen}
                component="a"
                href={hrefFor(item.screen)}
                label={item.label}
                leftSection={item.icon}
                active={activeNav === item.screen}
                aria-current={activeNav === item.screen ? 'page' : undefined}
                data-testid={`nav-${item.screen}`}
                onClick={navbar.close}
                variant="light"
                fw={500}
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section className={classes.navFooter}>
          <NavLink
            component="button"
            type="button"
            label={t('nav.about')}
            leftSection={<InfoIcon />}
            onClick={() => {
              navbar.close();
              about.open();
            }}
            data-testid="nav-about"
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          />
          <Text size="xs" c="dimmed" px="sm" pt={4}>
            {t('version', { version: appInfo.version })}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main ref={mainRef} className={classes.main}>
        <Container size={wideDesk || fullWidth ? '100%' : 'md'} px={0}>
          <StorageProblemAlert />
        </Container>
        <ReadErrorBoundary key={routeKey}>
          <Suspense fallback={<Loading what="screen" />}>
            <CurrentScreen route={route} />
          </Suspense>
        </ReadErrorBoundary>
      </AppShell.Main>

      <AboutDialog opened={aboutOpened} onClose={about.close} />
    </AppShell>
  );
}
