// Runtime: renderer. The whole UI: providers for theme, translations, services, storage alerts and the library.
import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import type { i18n } from 'i18next';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { ThemePreference } from '../../../electron/contract/api';
import { AdminProvider } from './academy/admin-context';
import { LibraryProvider } from './library-context';
import { LrsSyncProvider } from './lrs/sync-context';
import { PreferencesSync } from './PreferencesSync';
import { ServicesProvider, type AppServices } from './services';
import { Shell } from './Shell';
import { StorageProblemsProvider, type StorageProblem } from './storage-problems';
import { cssVariablesResolver, memoryColorSchemeManager, theme } from './theme';

export interface AppProps {
  services: AppServices;
  i18n: i18n;
  /** The theme read at start, applied before the first paint so the screen does not flash. */
  initialTheme: ThemePreference;
  initialProblem?: StorageProblem | null;
}

export function App({ services, i18n, initialTheme, initialProblem = null }: AppProps) {
  const [colorSchemeManager] = useState(memoryColorSchemeManager);
  return (
    <MantineProvider theme={theme} defaultColorScheme={initialTheme} colorSchemeManager={colorSchemeManager} cssVariablesResolver={cssVariablesResolver}>
      <I18nextProvider i18n={i18n}>
        <ServicesProvider services={services}>
          <StorageProblemsProvider initialProblem={initialProblem}>
            <AdminProvider>
              <LibraryProvider>
                <LrsSyncProvider>
                  <PreferencesSync />
                  <Shell />
                </LrsSyncProvider>
              </LibraryProvider>
            </AdminProvider>
          </StorageProblemsProvider>
        </ServicesProvider>
      </I18nextProvider>
    </MantineProvider>
  );
}
