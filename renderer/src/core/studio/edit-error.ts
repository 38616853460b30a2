// Runtime: any (pure core). Why an edit of the studio's document could not apply.
import type { DocPath } from './document';

export type DocumentEditErrorCode =
  /** The file's YAML does not parse: the author fixes the text first (`detail` has the parser's words). */
  | 'unparsable'
  /** The file is not in the pack. */
  | 'no-such-file'
  /** add-file of a file the pack already has. */
  | 'file-exists'
  /** A file name no pack may hold (`detail` says why). */
  | 'bad-file-name'
  /** The path goes through a text or a number, or past the end of a list. */
  | 'bad-path'
  /** insert into something that is not a list. */
  | 'not-a-list'
  /** rename-id: nothing in the pack has this id. */
  | 'unknown-id'
  /** rename-id: the new id is taken. */
  | 'id-exists'
  /** rename-id: the new id is not a valid id (`detail` says why). */
  | 'invalid-id';

/** Why an edit could not apply. The document is left as it was. */
export class DocumentEditError extends Error {
  /** A key of the studio's translations: `editError.<code>`, with `file`, `path` and `detail` as its parameters. */
  readonly messageKey: `editError.${DocumentEditErrorCode}`;
  constructor(
    readonly code: DocumentEditErrorCode,
    readonly file: string,
    readonly path?: DocPath,
    readonly detail?: string,
  ) {
    super(`${code}: ${file}${path && path.length ? ` at ${path.join('.')}` : ''}${detail ? ` (${detail})` : ''}`);
    this.name = 'DocumentEditError';
    this.messageKey = `editError.${code}`;
  }
}
