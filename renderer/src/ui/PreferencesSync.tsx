// Runtime: renderer. Applies the saved preferences wherever they show: i18next, <html lang>, Mantine's
// colour scheme and the application menu. Whoever changes a setting (Settings screen, menu, another
// window) only writes it; this component makes the app follow.
import { useMantineColorScheme } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n';
import { usePreferences } from './preferences';
import { useServices } from './services';

export function PreferencesSync() {
  const { platform } = useServices();
  const { i18n } = useTranslation();
  const { setColorScheme } = useMantineColorScheme();
  const preferences = usePreferences();
  const language = preferences?.language;
  const theme = preferences?.theme;

  useEffect(() => {
    if (!language) return;
    document.documentElement.lang = language;
    if (i18n.language !== language)
      switchLanguage(i18n, language).catch((error: unknown) => {
        console.error('The interface language could not be loaded.', error);
      });
  }, [i18n, language]);

  useEffect(() => {
    if (theme) setColorScheme(theme);
  }, [setColorScheme, theme]);

  useEffect(() => {
    if (!language || !theme) return;
    platform.setMenuState({ language, theme }).catch((error: unknown) => {
      console.error('The application menu could not be updated.', error);
    });
  }, [platform, language, theme]);

  return null;
}
