// Runtime: renderer. The library every screen sees: the built-in packs plus those installed on this
// device, kept current as packs are installed or removed.
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, use, useEffect, useMemo, useState, type ReactNode } from 'react';
import { unreadableLibrary } from '../library/library-client';
import { countUnfrozenAttempts } from '../db/repositories/attempts';
import type { Library } from '../library/library';
import { useServices } from './services';

const LibraryContext = createContext<{ library: Library | null } | null>(null);

/**
 * Asks the library worker for the library after the first paint, and again whenever the packs table
 * changes. Only the table's keys are watched here: the archives themselves are read, and checked once
 * per installation, in the worker. The previous library stays on screen while a newer one is built.
 */
export function LibraryProvider({ children }: { children: ReactNode }) {
  const { db, library: client, appInfo } = useServices();
  // A new array on every change of the table, a replaced version included, so each change reloads.
  const installedKeys = useLiveQuery(() => db.packs.toCollection().primaryKeys(), [db]);
  const [library, setLibrary] = useState<Library | null>(null);

  useEffect(() => {
    if (!installedKeys) return;
    let current = true;
    const started = performance.now();
    client.load().then(
      (loaded) => {
        // Timed for `npm run bench`: from asking the worker until the library is in the page.
        performance.measure('attache:library', { start: started });
        if (current) setLibrary(loaded);
        // Attempts that ended before outcomes were frozen are frozen once, now that their packs are
        // known; the module (with the engine and grader) is only fetched when there are any.
        // Then the xAPI statements of outcomes that have none yet (built once the academy's settings allow).
        void countUnfrozenAttempts(db)
          .then((count) =>
            count > 0 ? import('../records/freeze').then(({ freezeFinishedAttempts }) => freezeFinishedAttempts(db, loaded, appInfo.version)) : null,
          )
          .then(() => import('../records/statements'))
          .then(({ buildPendingStatements }) => buildPendingStatements(db, loaded, { now: () => Date.now() }))
          .catch((error: unknown) => console.error(error));
      },
      (error: unknown) => {
        console.error(error);
        if (current) setLibrary(unreadableLibrary(error instanceof Error ? error.message : String(error)));
      },
    );
    return () => {
      current = false;
    };
  }, [client, installedKeys, db, appInfo.version]);

  const value = useMemo(() => ({ library }), [library]);
  return <LibraryContext value={value}>{children}</LibraryContext>;
}

/** The library, or null while it is still being read and validated. */
export function useLibrary(): Library | null {
  const value = use(LibraryContext);
  if (!value) throw new Error('useLibrary() needs a LibraryProvider above it.');
  return value.library;
}
