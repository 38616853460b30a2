// Runtime: renderer. The library every screen sees: the built-in packs plus those installed on this
// device, kept current as packs are installed or removed.
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, use, useMemo, type ReactNode } from 'react';
import { listInstalledPacks } from '../db/repositories/packs';
import type { Library } from '../library/library';
import { withInstalled } from '../library/installed';
import { useServices } from './services';

/** Builds the library the first time a screen asks for it; null while the installed packs are still being read. */
type LibrarySource = () => Library | null;

const LibraryContext = createContext<LibrarySource | null>(null);

/**
 * Reads the installed packs once for the whole app and again only when they change: a screen change
 * does not read every pack's bytes anew. The library itself is built on first use, so a screen that
 * needs none (Settings) does not wait for the built-in packs to be validated.
 */
export function LibraryProvider({ children }: { children: ReactNode }) {
  const { db, builtInLibrary, appInfo } = useServices();
  const installed = useLiveQuery(() => listInstalledPacks(db), [db]);
  const source = useMemo<LibrarySource>(() => {
    if (!installed) return () => null;
    let library: Library | undefined;
    return () => (library ??= withInstalled(builtInLibrary(), installed, appInfo.version));
  }, [builtInLibrary, installed, appInfo.version]);
  return <LibraryContext value={source}>{children}</LibraryContext>;
}

/** The library, or null while the installed packs are still being read. */
export function useLibrary(): Library | null {
  const source = use(LibraryContext);
  if (!source) throw new Error('useLibrary() needs a LibraryProvider above it.');
  return source();
}
