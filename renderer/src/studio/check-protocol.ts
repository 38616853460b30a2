// Runtime: any (renderer and web worker). What the studio and its checking worker say to each other,
// and the worker's side of it: each request carries the pack's files and a sequence number, each
// reply the diagnostics of those files (the loader's, then the model answers graded against their
// own task) and the pack when it loads.
import type { DiagnosticWords } from '../core/pack/diagnostics';
import { compareDiagnostics } from '../core/pack/diagnostics';
import type { Diagnostic } from '../core/pack/diagnostics';
import type { PackFiles } from '../core/pack/archive';
import type { Pack } from '../core/pack/load';
import { loadPack } from '../core/pack/load';
import { ModelAnswerCache } from '../core/pack/model-answer-diagnostics';
import { YamlCache } from '../core/pack/yaml';

/** A problem of the pack being edited: the loader's diagnostic, always with its translatable words. */
export interface StudioDiagnostic extends Diagnostic {
  words: DiagnosticWords;
  /** Who found it: the pack's loader, or the grader on a model answer. */
  origin: 'pack' | 'model-answer';
}

export interface CheckRequest {
  seq: number;
  /** The pack's files, but for those named in `kept`. */
  files: Map<string, Uint8Array>;
  /**
   * Files whose bytes are the very ones of the previous request (media the author did not change):
   * the worker takes them from that request, so a pack's pictures are not copied to it at every change.
   */
  kept?: string[];
  appVersion: string;
}

export interface CheckReply {
  seq: number;
  diagnostics: StudioDiagnostic[];
  pack: Pack | null;
  /** The pack's media came back without their bytes, which the page has (see withoutMediaBytes). */
  mediaLeftInPage?: true;
}

const withWords = (diagnostic: Diagnostic, origin: StudioDiagnostic['origin']): StudioDiagnostic => ({
  ...diagnostic,
  // Every diagnostic made by the loader has words; one that did not would still be shown, in English.
  words: diagnostic.words ?? { message: { text: diagnostic.message }, ...(diagnostic.hint ? { hint: { text: diagnostic.hint } } : {}) },
  origin,
});

/**
 * Checks a pack's files: the worker's whole job, also run in the page where no worker can. The
 * caches keep what did not change since the last check: the model answers' grades of a scenario,
 * the parsed YAML of a file.
 */
export function checkPackFiles(
  files: PackFiles,
  appVersion: string,
  cache: ModelAnswerCache = new ModelAnswerCache(),
  yamlCache?: YamlCache,
): { diagnostics: StudioDiagnostic[]; pack: Pack | null } {
  const { pack, diagnostics } = loadPack(files, { appVersion, ...(yamlCache ? { yamlCache } : {}) });
  const found = diagnostics.map((d) => withWords(d, 'pack'));
  if (pack) found.push(...cache.diagnostics(pack, files, yamlCache).map((d) => withWords(d, 'model-answer')));
  // A model answer that fails its task is an error to fix before publishing, but the pack still
  // loads: play-testing it is how the author sees what the grader makes of it.
  return { diagnostics: found.sort(compareDiagnostics), pack };
}

/** The worker's side: answers each request, keeping the model answers' grades between requests. */
export class CheckSession {
  private readonly cache = new ModelAnswerCache();
  /** The files parsed by the last check: a file the author did not change is not parsed again. */
  readonly yamlCache = new YamlCache();

  /** The files of the last request, whole: what a request's `kept` files are taken from. */
  private files: ReadonlyMap<string, Uint8Array> = new Map();

  answer(request: CheckRequest): CheckReply {
    const files = request.kept?.length ? new Map(request.kept.map((path) => [path, this.keptBytes(path)])) : new Map<string, Uint8Array>();
    for (const [path, bytes] of request.files) files.set(path, bytes);
    this.files = files;
    return { seq: request.seq, ...checkPackFiles(files, request.appVersion, this.cache, this.yamlCache) };
  }

  private keptBytes(path: string): Uint8Array {
    const bytes = this.files.get(path);
    // The page names only files it sent before; a gap is a fault of the channel, which the page
    // answers by checking by itself.
    if (!bytes) throw new Error(`The check request keeps ${path}, which the previous request did not have.`);
    return bytes;
  }
}

const NO_BYTES = new Uint8Array(0);

/**
 * The reply as the worker posts it: the pack's media named, without their bytes, which the page
 * has already (the checker puts them back), so they are not copied back at every change either.
 */
export function withoutMediaBytes(reply: CheckReply): CheckReply {
  if (!reply.pack || reply.pack.media.size === 0) return reply;
  return { ...reply, pack: { ...reply.pack, media: new Map([...reply.pack.media.keys()].map((path) => [path, NO_BYTES])) }, mediaLeftInPage: true };
}

/** One request answered on its own (no grades kept from an earlier one). */
export function answerCheckRequest(request: CheckRequest): CheckReply {
  return new CheckSession().answer(request);
}
