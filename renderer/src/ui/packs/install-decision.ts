// Runtime: renderer. What installing a checked pack file would do to what is installed: install it
// anew, update to a newer version, or — asked first — go back to an older one or replace the same
// version's content. A file identical to the installation changes nothing.
import compare from 'semver/functions/compare.js';
import valid from 'semver/functions/valid.js';

export type InstallDecision =
  | { kind: 'new' }
  | { kind: 'newer'; from: string }
  | { kind: 'identical' }
  /** Asked first: the author should have given changed content a new version. */
  | { kind: 'same-version'; from: string }
  /** Asked first: an older version replaces a newer one. */
  | { kind: 'older'; from: string };

export interface PackVersion {
  version: string;
  contentHash: string | null;
}

export function installDecision(installed: PackVersion | null, incoming: PackVersion): InstallDecision {
  if (!installed) return { kind: 'new' };
  // The format checks versions are semver; should an old row hold another, the file is taken as newer.
  const order = valid(installed.version) && valid(incoming.version) ? compare(incoming.version, installed.version) : 1;
  if (order > 0) return { kind: 'newer', from: installed.version };
  if (order < 0) return { kind: 'older', from: installed.version };
  return installed.contentHash === incoming.contentHash ? { kind: 'identical' } : { kind: 'same-version', from: installed.version };
}

/** The start of a content hash, enough to tell packs apart at a glance (the full one is copied). */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}
