// Runtime: renderer. What the UI is given at start: the database, the platform and facts about the app.
import { createContext, use, type ReactNode } from 'react';
import type { AppInfo, AttacheApi } from '../../../electron/contract/api';
import type { AttacheDatabase } from '../db/database';
import type { LibraryClient } from '../library/library-client';

export interface AppServices {
  db: AttacheDatabase;
  platform: AttacheApi;
  appInfo: AppInfo;
  /** The system's locale as the platform reported it; the UI follows it until the user picks a language. */
  systemLocale: string;
  /** The scenario packs, validated off the UI thread when a screen first needs them (not before the first paint). */
  library: LibraryClient;
}

const ServicesContext = createContext<AppServices | null>(null);

export function ServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <ServicesContext value={services}>{children}</ServicesContext>;
}

export function useServices(): AppServices {
  const services = use(ServicesContext);
  if (!services) throw new Error('useServices() needs a ServicesProvider above it.');
  return services;
}
