// Runtime: any. The messages between the renderer and the library worker: plain data only, so they
// cross by structured clone (a Pack is plain objects, arrays, a Map and byte arrays).
import type { Pack } from '../core/pack/load';
import type { InstallProblem } from './installed';
import type { LibraryLoad } from './load-library';

export type LibraryRequest = { kind: 'load'; databaseName: string; appVersion: string } | { kind: 'check-archive'; bytes: Uint8Array; appVersion: string };

export type LibraryReply =
  { kind: 'loaded'; load: LibraryLoad } | { kind: 'checked'; pack: Pack } | { kind: 'refused'; problem: InstallProblem } | { kind: 'failed'; message: string };

export interface LibraryEnvelope<T> {
  id: number;
  body: T;
}
