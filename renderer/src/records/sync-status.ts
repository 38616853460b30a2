// Runtime: renderer. How the LRS sync reads before its first pass: idle, nothing counted yet. On its own
// so that the screens can show it without loading the sync service (which loads after the first paint).
import type { SyncStatus } from './lrs-sync';

export const IDLE_SYNC_STATUS: SyncStatus = Object.freeze({
  state: 'idle',
  pending: 0,
  sent: 0,
  dead: 0,
  waiting: Object.freeze({}),
  lastSyncAt: null,
  nextAttemptAt: null,
  lastProblem: null,
  progress: null,
});
