// Runtime: any (application service, no React). Publishing the pack being edited: the checklist that
// says whether it is fit for trainees (no errors, model answers that pass their own task, calibration
// agreement at or above the pack's threshold on every axis, every text in every language of its
// scenario), the version bump written into pack.yaml, the `.attache` archive (the bytes
// `npm run pack:build` writes for the same files), and installing that archive into this device's
// library after the checks an archive from elsewhere gets.
//
// What a failed checklist allows, and why: installing puts the pack in front of trainees, so it needs
// every item passed. Exporting gives the pack to a person — a colleague who reviews, translates or
// calibrates it — so it is always allowed, but a pack that fails an item is exported as a draft: its
// file is named `…-draft.attache` and the reasons are shown before it is written, never silently.
import inc from 'semver/functions/inc.js';
import valid from 'semver/functions/valid.js';
import { buildArchive, contentHash } from '../core/pack/archive';
import type { Pack } from '../core/pack/load';
import { replaceUnsafeFileNameCharacters } from '../core/file-name';
import type { DocumentEdit, PackDocument } from '../core/studio/document';
import { packFilesOf, readAt } from '../core/studio/document';
import type { LocalizedText, TranslationPath } from '../core/studio/translations';
import { missingTranslations, packFileKind } from '../core/studio/translations';
import type { AttacheDatabase } from '../db/database';
import { installPack } from '../db/repositories/packs';
import type { CalibrationSummary } from './calibration';
import type { StudioCheck } from './checker';

/** `passed` and `failed` are verdicts; `unchecked` means not known yet (no check has finished, or calibration is still being graded). */
export type ChecklistState = 'passed' | 'failed' | 'unchecked';

/** A text that lacks some of its scenario's languages, with where it is. */
export interface MissingText {
  file: string;
  path: TranslationPath;
  missing: readonly string[];
}

export type ChecklistItem =
  | { id: 'errors'; state: ChecklistState; errors: number }
  | { id: 'model-answers'; state: ChecklistState; failing: number }
  | { id: 'calibration'; state: ChecklistState; summary: CalibrationSummary | null }
  | { id: 'languages'; state: ChecklistState; missing: MissingText[] };

export type ChecklistItemId = ChecklistItem['id'];

export interface PublishChecklist {
  items: ChecklistItem[];
  /** Every item passed: the pack may be installed and exported as a release. */
  ready: boolean;
}

export interface ChecklistInput {
  document: PackDocument;
  /** The latest check of the document; null before the first has finished. */
  check: StudioCheck | null;
  /** A check of a newer document is under way: what the older one said no longer counts. */
  checking: boolean;
  /** The calibration summary of `check.pack`, or null while it is being graded. */
  calibration: CalibrationSummary | null;
}

const isLanguageList = (value: unknown): value is string[] => Array.isArray(value) && value.every((each) => typeof each === 'string');

/**
 * Every trainee-visible text of the document that lacks a language it must have: the scenario's
 * `languages` (else the pack's) for a scenario file, the pack's for the pack-wide files. Read from
 * the YAML itself, so it answers while the pack does not load; a file whose YAML does not parse has
 * no texts to count (the errors item fails for it).
 */
export function missingTexts(document: PackDocument): MissingText[] {
  const packLanguages = readAt(document, 'pack.yaml', ['languages']);
  const fallback = isLanguageList(packLanguages) ? packLanguages : [];
  const missing: MissingText[] = [];
  for (const file of [...document.texts.keys()].sort()) {
    const kind = packFileKind(file);
    if (!kind) continue;
    const value = readAt(document, file, []);
    const own = kind === 'scenario' ? readAt(document, file, ['languages']) : undefined;
    const languages = isLanguageList(own) && own.length > 0 ? own : fallback;
    if (languages.length === 0) continue;
    for (const text of missingTranslations(kind, value, languages) as LocalizedText[]) missing.push({ file, path: text.path, missing: text.missing });
  }
  return missing;
}

/** The checklist for the document as it stands. */
export function publishChecklist({ document, check, checking, calibration }: ChecklistInput): PublishChecklist {
  const current = checking ? null : check;
  const errors = current ? current.diagnostics.filter((d) => d.severity === 'error' && d.origin === 'pack').length : 0;
  const failing = current ? current.diagnostics.filter((d) => d.severity === 'error' && d.origin === 'model-answer').length : 0;
  const missing = missingTexts(document);
  const items: ChecklistItem[] = [
    { id: 'errors', state: current ? (errors === 0 ? 'passed' : 'failed') : 'unchecked', errors },
    // Model answers are graded only once the pack loads: with errors, they are not known.
    { id: 'model-answers', state: current?.pack ? (failing === 0 ? 'passed' : 'failed') : current && errors > 0 ? 'failed' : 'unchecked', failing },
    {
      id: 'calibration',
      // No drafts means no agreement was measured: the grader is not shown to agree with anyone.
      state:
        !current?.pack || !calibration
          ? current && !current.pack
            ? 'failed'
            : 'unchecked'
          : calibration.drafts > 0 && calibration.meets
            ? 'passed'
            : 'failed',
      summary: current?.pack ? calibration : null,
    },
    { id: 'languages', state: missing.length === 0 ? 'passed' : 'failed', missing },
  ];
  return { items, ready: items.every((item) => item.state === 'passed') };
}

export type VersionBump = 'patch' | 'minor' | 'major';

/** The version after `bump` (1.2.3 → 1.2.4 / 1.3.0 / 2.0.0; a pre-release 1.3.0-rc.1 → 1.3.0 for a minor); null when `version` is not semantic. */
export function bumpedVersion(version: string, bump: VersionBump): string | null {
  if (valid(version) === null) return null;
  return inc(version, bump);
}

/** The pack's version as pack.yaml states it, or null when it states none. */
export function documentVersion(document: PackDocument): string | null {
  const version = readAt(document, 'pack.yaml', ['version']);
  return typeof version === 'string' ? version : null;
}

/** The pack's id as pack.yaml states it, or null when it states none. */
export function documentPackId(document: PackDocument): string | null {
  const id = readAt(document, 'pack.yaml', ['id']);
  return typeof id === 'string' ? id : null;
}

/** The edit that writes the bumped version into pack.yaml; null when its version is missing or not semantic. */
export function versionBumpEdit(document: PackDocument, bump: VersionBump): Extract<DocumentEdit, { kind: 'set' }> | null {
  const version = documentVersion(document);
  const next = version === null ? null : bumpedVersion(version, bump);
  return next === null ? null : { kind: 'set', file: 'pack.yaml', path: ['version'], value: next };
}

/** `<id>-<version>.attache`, or `<id>-<version>-draft.attache` for a pack that failed its checklist. */
export function archiveFileName(packId: string, version: string, draft: boolean): string {
  const base = replaceUnsafeFileNameCharacters(`${packId}-${version}`, '_');
  return `${base}${draft ? '-draft' : ''}.attache`;
}

export interface BuiltArchive {
  bytes: Uint8Array;
  fileName: string;
  packId: string;
  version: string;
  /** SHA-256 of the files, as `pack:build` prints it and the archive's description records it. */
  contentHash: string;
  draft: boolean;
}

/**
 * The document as an `.attache` archive: the same reproducible bytes `npm run pack:build` writes for
 * these files. Throws core/pack ArchiveError (with a hint) when a file cannot go into an archive or
 * pack.yaml lacks an id or version.
 */
export function buildPackArchive(document: PackDocument, { draft }: { draft: boolean }): BuiltArchive {
  const files = packFilesOf(document);
  const packId = documentPackId(document) ?? '';
  const version = documentVersion(document) ?? '';
  const bytes = buildArchive(files, { packId, packVersion: version });
  return { bytes, fileName: archiveFileName(packId, version, draft), packId, version, contentHash: contentHash(files), draft };
}

/** Why a pack was not installed: its checklist failed (an archive from elsewhere is refused with a PackInstallError instead). */
export class PublishRefusedError extends Error {
  constructor(readonly failed: readonly ChecklistItemId[]) {
    super(`The pack was not installed: ${failed.join(', ')} failed the publish checklist.`);
    this.name = 'PublishRefusedError';
  }
}

/** The library's check of an archive before it is installed (LibraryClient.checkArchive: integrity, the pack format, no built-in id). */
export type ArchiveCheck = (bytes: Uint8Array) => Promise<Pack>;

/**
 * Installs the document into this device's library as a release: only with every checklist item
 * passed, and only after the archive passes the checks every archive gets before it is installed
 * (so a built-in pack's id is refused, and what is installed is exactly what an exported file would
 * install). Another version of the same pack is replaced, as installing its file would.
 */
export async function installIntoLibrary(
  db: AttacheDatabase,
  checkArchive: ArchiveCheck,
  document: PackDocument,
  checklist: PublishChecklist,
  now?: () => number,
): Promise<{ pack: Pack; archive: BuiltArchive }> {
  if (!checklist.ready) throw new PublishRefusedError(checklist.items.filter((item) => item.state !== 'passed').map((item) => item.id));
  const archive = buildPackArchive(document, { draft: false });
  const pack = await checkArchive(archive.bytes);
  await installPack(db, { packId: pack.manifest.id, version: pack.manifest.version, archive: archive.bytes }, now);
  return { pack, archive };
}
