// Runtime: renderer. What every field of one file's form shares: the file's plain value, its
// languages, the ids it can refer to, what lacks a translation, and the edits it makes.
import { createContext, use } from 'react';
import type { IdTarget } from '../../../core/studio/document';
import type { PackFileKind } from '../../../core/studio/translations';
import type { FieldPath, RefKind } from './spec';

export interface FormContextValue {
  file: string;
  kind: PackFileKind;
  /** The file's plain value. */
  root: unknown;
  /** The languages its texts must cover, one column each. */
  languages: readonly string[];
  /** The pack's languages (a scenario plays in some of them). */
  packLanguages: readonly string[];
  /** Ids each reference field offers. */
  refs: Readonly<Record<RefKind, readonly string[]>>;
  /** Missing languages by the JSON of a localized text's path. */
  missing: ReadonlyMap<string, readonly string[]>;
  /** How many translations the texts at or under `path` lack. */
  missingUnder(path: FieldPath): number;
  /** The validator's problem with the value at `path` (from the studio's last check), in the UI's language. */
  problemAt(path: FieldPath): string | undefined;
  /** The language an account's audience reads, when fixed. */
  accountLanguage(accountId: string): string | undefined;
  /** Sets a value (undefined removes it); typing in one field makes one undo step. */
  set(path: FieldPath, value: unknown): void;
  /** Several values set as one undo step (undefined removes one). */
  setMany(entries: readonly { path: FieldPath; value: unknown }[]): void;
  insert(path: FieldPath, value: unknown): void;
  remove(path: FieldPath): void;
  /** Renames an id everywhere; returns why not (translated), or null when done. */
  rename(target: IdTarget, to: string): string | null;
  /** Where the author was last sent in this file (lists open the item on the way); a new object per request. */
  opened: { path: FieldPath } | null;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useForm(): FormContextValue {
  const form = use(FormContext);
  if (!form) throw new Error('a form field needs a FormContext above it (forms/FormsView.tsx)');
  return form;
}

export const pathKey = (path: FieldPath): string => JSON.stringify(path);

export function startsWith(path: FieldPath, prefix: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((part, index) => path[index] === part);
}
