// Runtime: any (pure core). The pack the studio edits, as its files: the YAML text of each file is
// the truth, and every view (the text editor, the forms, the timeline) changes it through one kind
// of value, a DocumentEdit. A form's edit goes through the `yaml` Document API, so the comments,
// key order and quoting an author wrote in the text view stay where they were; the text view
// replaces a file's text as typed. Documents are immutable: an edit returns a new document that
// shares every file it did not touch, which is what makes undo a list of documents.
import { ARCHIVE_MANIFEST_PATH } from '../pack/archive';
import type { PackFiles } from '../pack/archive';
import { pathProblem } from '../pack/paths';
import { positionOf } from '../pack/yaml';
import { DocumentEditError } from './edit-error';
import { planRename } from './references';
import type { PathKey } from './yaml-text';
import type { Document as ParsedDocument } from 'yaml';
import { spliceEdit, spliceScalar } from './splice';
import type { TreeOp } from './splice';
import {
  deleteIn,
  insertIn,
  isScalarValue,
  parseText,
  plainValue,
  sameValue,
  setIn,
  stringifyOptions,
  TreeEditRefused,
  valueAt,
  withValueAt,
} from './yaml-text';

export interface PackDocument {
  /** YAML files by path inside the pack: 'pack.yaml', 'personas.yaml', 'courses.yaml', 'scenarios/<id>.yaml'. */
  readonly texts: ReadonlyMap<string, string>;
  /** Every other file (media), as bytes. */
  readonly media: ReadonlyMap<string, Uint8Array>;
}

export type DocPath = readonly (string | number)[];

export type DocumentEdit =
  /** The YAML view's new text of a file. */
  | { kind: 'text'; file: string; text: string }
  /** A form sets a value (created if missing, the mappings on the way too); `undefined` removes it. */
  | { kind: 'set'; file: string; path: DocPath; value: unknown }
  /** Removes a key or a list item; nothing happens when it is already missing. */
  | { kind: 'delete'; file: string; path: DocPath }
  /** Adds an item to the list at path (before `index`, else at the end); a missing list is created. */
  | { kind: 'insert'; file: string; path: DocPath; index?: number; value: unknown }
  | { kind: 'add-file'; file: string; text: string }
  | { kind: 'remove-file'; file: string }
  /** Renames an id and every reference to it (a scenario's file too). */
  | { kind: 'rename-id'; target: IdTarget; to: string }
  /** Several edits, one undo step; all apply or none. */
  | { kind: 'batch'; edits: readonly DocumentEdit[] };

export type IdKind =
  'scenario' | 'course' | 'persona' | 'account' | 'fact' | 'key-message' | 'red-line' | 'term' | 'inject' | 'task' | 'branch' | 'calibration';

/** An id; `file` is the scenario file for ids that live inside one scenario. */
export interface IdTarget {
  kind: IdKind;
  id: string;
  file?: string;
  /** For a calibration draft: the id of its task (drafts are named per task). */
  task?: string;
}

export { DocumentEditError } from './edit-error';
export type { DocumentEditErrorCode } from './edit-error';
export { declarationsOf, idProblem, referencesTo } from './references';
export type { IdPlace } from './references';

const YAML_NAME = /\.ya?ml$/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The document of a pack's files (a folder, an archive's content, an installed pack's files). */
export function documentFromFiles(files: ReadonlyMap<string, Uint8Array>): PackDocument {
  const texts = new Map<string, string>();
  const media = new Map<string, Uint8Array>();
  for (const path of [...files.keys()].sort(compareCodeUnits)) {
    const bytes = files.get(path)!;
    if (YAML_NAME.test(path)) {
      try {
        texts.set(path, utf8.decode(bytes));
        continue;
      } catch {
        // Not UTF-8: kept as bytes, so that the loader reports it and nothing is lost by saving.
      }
    }
    media.set(path, bytes);
  }
  return { texts, media };
}

/** The files of a document, as `loadPack` and `writeArchive` take them. */
export function packFilesOf(doc: PackDocument): PackFiles {
  const files: PackFiles = new Map();
  for (const [path, text] of doc.texts) files.set(path, encoder.encode(text));
  for (const [path, bytes] of doc.media) files.set(path, bytes);
  return files;
}

/** The plain value at `path` in `file` (the whole file for []), or undefined when it, or the file's YAML, is missing. */
export function readAt(doc: PackDocument, file: string, path: DocPath): unknown {
  const text = doc.texts.get(file);
  if (text === undefined) return undefined;
  return valueAt(parseText(text).value, path);
}

/**
 * Where `path` is in `file`, 1-based, for "click to jump": of the value when it exists, else of the
 * nearest enclosing part that does. Null when the file is missing or its YAML does not parse.
 */
export function locate(doc: PackDocument, file: string, path: DocPath): { line: number; column: number } | null {
  const text = doc.texts.get(file);
  if (text === undefined) return null;
  const parsed = parseText(text);
  if (!parsed.document) return null;
  return positionOf({ file, document: parsed.document, lineCounter: parsed.lineCounter }, path);
}

/** Whether `file`'s YAML parses, so that forms can edit it. */
export function isEditable(doc: PackDocument, file: string): boolean {
  const text = doc.texts.get(file);
  return text !== undefined && parseText(text).document !== null;
}

function withText(doc: PackDocument, file: string, text: string): PackDocument {
  if (doc.texts.get(file) === text) return doc;
  const texts = new Map(doc.texts);
  texts.set(file, text);
  return { texts, media: doc.media };
}

type TreeEdit = Extract<DocumentEdit, { kind: 'set' | 'delete' | 'insert' }>;

function applyTreeEdit(doc: PackDocument, edit: TreeEdit): PackDocument {
  const text = doc.texts.get(edit.file);
  if (text === undefined) throw new DocumentEditError('no-such-file', edit.file, edit.path);
  const parsed = parseText(text);
  if (!parsed.document) throw new DocumentEditError('unparsable', edit.file, edit.path, parsed.problem ?? undefined);
  const path = edit.path as readonly PathKey[];
  const before = valueAt(parsed.value, path);
  if (edit.kind === 'set' && isScalarValue(edit.value) && isScalarValue(before)) {
    if (before === edit.value) return doc;
    const typed = spliceScalar(text, parsed.document, path, edit.value, stringifyOptions(text));
    if (typed !== null) {
      const check = parseText(typed);
      if (check.document && sameValue(check.value, withValueAt(parsed.value, path, edit.value))) return withText(doc, edit.file, typed);
    }
  }
  // The cached document is shared by every reader of this text: edit a copy.
  const working = parsed.document.clone();
  let op: TreeOp;
  try {
    if (edit.kind === 'delete' || (edit.kind === 'set' && edit.value === undefined)) {
      if (before === undefined) return doc;
      deleteIn(working, path);
      op = { kind: 'delete', path };
    } else if (edit.kind === 'set') {
      if (sameValue(before, edit.value)) return doc;
      setIn(working, path, edit.value);
      op = { kind: 'set', path };
    } else {
      insertIn(working, path, edit.value, edit.index);
      op = Array.isArray(before) ? { kind: 'insert', path, index: edit.index ?? before.length } : { kind: 'set', path };
    }
  } catch (error) {
    if (error instanceof TreeEditRefused) throw new DocumentEditError(error.problem, edit.file, error.at);
    throw error;
  }
  return withText(doc, edit.file, writeBack(text, parsed.document, working, op));
}

/**
 * The text of an edited document: the original with only the edited lines changed when that reads
 * back as the edited document, else the edited document printed whole (comments kept).
 */
function writeBack(text: string, original: ParsedDocument, edited: ParsedDocument, op: TreeOp): string {
  const options = stringifyOptions(text);
  const spliced = spliceEdit(text, original, edited, op, options);
  if (spliced !== null) {
    const check = parseText(spliced);
    if (check.document && sameValue(check.value, plainValue(edited))) return spliced;
  }
  return edited.toString(options);
}

function checkNewFileName(doc: PackDocument, file: string): void {
  const problem = pathProblem(file);
  if (problem) throw new DocumentEditError('bad-file-name', file, undefined, problem);
  if (file === ARCHIVE_MANIFEST_PATH) throw new DocumentEditError('bad-file-name', file, undefined, 'is reserved for the archive');
  if (doc.texts.has(file) || doc.media.has(file)) throw new DocumentEditError('file-exists', file);
}

/**
 * The document after `edit`. Returns `doc` itself when the edit changes nothing. Throws a
 * DocumentEditError when the edit cannot apply; `doc` is never changed.
 */
export function applyEdit(doc: PackDocument, edit: DocumentEdit): PackDocument {
  switch (edit.kind) {
    case 'text':
      if (!doc.texts.has(edit.file)) throw new DocumentEditError('no-such-file', edit.file);
      return withText(doc, edit.file, edit.text);
    case 'set':
    case 'delete':
    case 'insert':
      return applyTreeEdit(doc, edit);
    case 'add-file': {
      checkNewFileName(doc, edit.file);
      const texts = new Map(doc.texts);
      texts.set(edit.file, edit.text);
      return { texts, media: doc.media };
    }
    case 'remove-file': {
      if (doc.texts.has(edit.file)) {
        const texts = new Map(doc.texts);
        texts.delete(edit.file);
        return { texts, media: doc.media };
      }
      if (doc.media.has(edit.file)) {
        const media = new Map(doc.media);
        media.delete(edit.file);
        return { texts: doc.texts, media };
      }
      throw new DocumentEditError('no-such-file', edit.file);
    }
    case 'rename-id': {
      const plan = planRename(doc, edit.target, edit.to);
      const renamed = plan.edits.reduce(applyEdit, doc);
      if (!plan.moveFile) return renamed;
      const text = renamed.texts.get(plan.moveFile.from)!;
      return applyEdit(applyEdit(renamed, { kind: 'remove-file', file: plan.moveFile.from }), { kind: 'add-file', file: plan.moveFile.to, text });
    }
    case 'batch':
      return edit.edits.reduce(applyEdit, doc);
  }
}
