// Runtime: renderer. The frame around every screen: header, navigation, storage alerts, About.
import { AppShell, Burger, Container, Group, NavLink, Stack, Text, useMantineTheme } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { HomeIcon, InfoIcon, SettingsIcon } from './icons';
import { LogoMark } from './LogoMark';
import { useMenuCommands } from './menu-commands';
import { hrefFor, useScreen, type Screen } from './router';
import { HomeScreen } from './screens/HomeScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { AboutDialog } from './screens/AboutDialog';
import { useServices } from './services';
import classes from './Shell.module.css';
import { ReadErrorBoundary, StorageProblemAlert } from './storage-problems';

const SCREEN_COMPONENTS: Record<Screen, () => React.JSX.Element> = {
  home: HomeScreen,
  settings: SettingsScreen,
};

export function Shell() {
  const { t } = useTranslation(['shell', 'common']);
  const { appInfo } = useServices();
  const screen = useScreen();
  const [navbarOpened, navbar] = useDisclosure(false);
  const { breakpoints } = useMantineTheme();
  const wideScreen = useMediaQuery(`(min-width: ${breakpoints.sm})`, true, { getInitialValueInEffect: false });
  // On a small screen the closed navigation only slides out of view: keep it out of the tab order too.
  const navbarHidden = !wideScreen && !navbarOpened;
  const [aboutOpened, about] = useDisclosure(false);
  const mainRef = useRef<HTMLElement>(null);
  const previousScreen = useRef(screen);

  useMenuCommands({ openAbout: about.open });

  useEffect(() => {
    document.title = t('documentTitle', { screen: t(`nav.${screen}`) });
  }, [t, screen]);

  useEffect(() => {
    // Announce the new screen to screen readers by moving focus to its title; not on first load.
    if (previousScreen.current === screen) return;
    previousScreen.current = screen;
    navbar.close();
    mainRef.current?.querySelector<HTMLElement>('[data-page-title]')?.focus();
  }, [screen, navbar]);

  const CurrentScreen = SCREEN_COMPONENTS[screen];
  const navItems: { screen: Screen; label: string; icon: React.JSX.Element }[] = [
    { screen: 'home', label: t('nav.home'), icon: <HomeIcon /> },
    { screen: 'settings', label: t('nav.settings'), icon: <SettingsIcon /> },
  ];

  return (
    <AppShell
      data-testid="app-shell"
      header={{ height: 64 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navbarOpened } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm" wrap="nowrap">
          <Burger
            opened={navbarOpened}
            onClick={navbar.toggle}
            hiddenFrom="sm"
            size="sm"
            aria-label={navbarOpened ? t('burger.close') : t('burger.open')}
            aria-expanded={navbarOpened}
            aria-controls="app-navigation"
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
                active={screen === item.screen}
                aria-current={screen === item.screen ? 'page' : undefined}
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
        <Container size="md" px={0}>
          <StorageProblemAlert />
        </Container>
        <ReadErrorBoundary key={screen}>
          <CurrentScreen />
        </ReadErrorBoundary>
      </AppShell.Main>

      <AboutDialog opened={aboutOpened} onClose={about.close} />
    </AppShell>
  );
}
