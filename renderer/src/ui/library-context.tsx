// Runtime: renderer. The library every screen sees: the built-in packs plus those installed on this
// device, kept current as packs are installed or removed.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { listInstalledPacks } from '../db/repositories/packs';
import type { Library } from '../library/library';
import { withInstalled } from '../library/installed';
import { useServices } from './services';

/** The library, or null while the installed packs are still being read. */
export function useLibrary(): Library | null {
  const { db, builtInLibrary, appInfo } = useServices();
  const installed = useLiveQuery(() => listInstalledPacks(db), [db]);
  return useMemo(() => (installed ? withInstalled(builtInLibrary(), installed, appInfo.version) : null), [builtInLibrary, installed, appInfo.version]);
}
