// Runtime: renderer. The app's one sync to the academy's LRS: made once, started only in the desktop
// app and only while a connection is set up there, and its status shared with every screen. The clock,
// randomness, timers and the machine's online state are handed to the service here, at the UI's edge.
import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { LrsConnection } from '../../../../electron/contract/api';
import type { Library } from '../../library/library';
import type { LrsSync, LrsSyncDeps, OnlineSignal, SyncStatus } from '../../records/lrs-sync';
import { IDLE_SYNC_STATUS } from '../../records/sync-status';
import { useLibrary } from '../library-context';
import { useServices } from '../services';

export interface LrsSyncValue {
  sync: LrsSync;
  status: SyncStatus;
  /** Whether this build can reach an LRS at all (the desktop app; a web page may only talk to where it came from). */
  canSync: boolean;
  /** The connection set up on this device; undefined while it is read, null when there is none. */
  connection: LrsConnection | null | undefined;
  /** Reads the connection again (after settings saved or forgot it): the sync starts, restarts or stops with it. */
  refreshConnection(): Promise<LrsConnection | null>;
}

const LrsSyncContext = createContext<LrsSyncValue | null>(null);

const browserOnline: OnlineSignal = {
  isOnline: () => navigator.onLine,
  subscribe(listener) {
    window.addEventListener('online', listener);
    window.addEventListener('offline', listener);
    return () => {
      window.removeEventListener('online', listener);
      window.removeEventListener('offline', listener);
    };
  },
};

/**
 * The sync service, with its module (the statement builder, the outbox, the policy) loaded after the first
 * paint rather than before it: until then it reads as idle with nothing counted, and what is asked of it
 * waits for the module.
 */
function lazyLrsSync(deps: LrsSyncDeps): LrsSync & { load(): Promise<LrsSync> } {
  let loading: Promise<LrsSync> | null = null;
  let loaded: LrsSync | null = null;
  let wantStarted = false;
  const listeners = new Set<(status: SyncStatus) => void>();
  const load = () =>
    (loading ??= import('../../records/lrs-sync').then(({ createLrsSync }) => {
      const sync = createLrsSync(deps);
      loaded = sync;
      sync.subscribe((status) => {
        for (const listener of [...listeners]) listener(status);
      });
      if (wantStarted) sync.start();
      for (const listener of [...listeners]) listener(sync.status());
      return sync;
    }));
  return {
    load,
    start() {
      wantStarted = true;
      if (loaded) loaded.start();
      else void load();
    },
    stop() {
      wantStarted = false;
      loaded?.stop();
    },
    syncNow: () => load().then((sync) => sync.syncNow()),
    requeue: (ids) => load().then((sync) => sync.requeue(ids)),
    status: () => loaded?.status() ?? IDLE_SYNC_STATUS,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function LrsSyncProvider({ children }: { children: ReactNode }) {
  const { db, platform, appInfo } = useServices();
  const library = useLibrary();
  const libraryRef = useRef<Library | null>(library);
  useEffect(() => {
    libraryRef.current = library;
  }, [library]);
  const canSync = appInfo.runtime === 'electron';

  const [sync] = useState(() =>
    lazyLrsSync({
      db,
      library: () => libraryRef.current,
      transport: { postStatements: (request) => platform.postStatements(request) },
      now: () => Date.now(),
      random: () => Math.random(),
      timers: { set: (fn, ms) => window.setTimeout(fn, ms), clear: (handle) => window.clearTimeout(handle as number) },
      online: browserOnline,
    }),
  );
  const status = useSyncExternalStore(sync.subscribe, sync.status);
  useEffect(() => {
    sync.load().catch((error: unknown) => console.error(error));
  }, [sync]);

  const [connection, setConnection] = useState<LrsConnection | null | undefined>(canSync ? undefined : null);
  const refreshConnection = useCallback(async () => {
    const current = canSync ? await platform.getLrsConnection() : null;
    setConnection(current);
    return current;
  }, [canSync, platform]);
  useEffect(() => {
    if (!canSync) return;
    let current = true;
    platform.getLrsConnection().then(
      (stored) => {
        if (current) setConnection(stored);
      },
      (error: unknown) => {
        // A damaged connection file: the settings say why when saving; the sync stays off meanwhile.
        console.error(error);
        if (current) setConnection(null);
      },
    );
    return () => {
      current = false;
    };
  }, [canSync, platform]);

  // A new connection object (saved again, perhaps with new credentials) restarts the sync: a pass at once.
  useEffect(() => {
    if (!canSync || !connection) return;
    sync.start();
    return () => sync.stop();
  }, [canSync, connection, sync]);

  const value = useMemo(() => ({ sync, status, canSync, connection, refreshConnection }), [sync, status, canSync, connection, refreshConnection]);
  return <LrsSyncContext value={value}>{children}</LrsSyncContext>;
}

export function useLrsSync(): LrsSyncValue {
  const value = use(LrsSyncContext);
  if (!value) throw new Error('useLrsSync() needs an LrsSyncProvider above it.');
  return value;
}
