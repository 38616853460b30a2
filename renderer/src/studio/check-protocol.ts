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
  files: Map<string, Uint8Array>;
  appVersion: string;
}

export interface CheckReply {
  seq: number;
  diagnostics: StudioDiagnostic[];
  pack: Pack | null;
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

  answer(request: CheckRequest): CheckReply {
    return { seq: request.seq, ...checkPackFiles(request.files, request.appVersion, this.cache, this.yamlCache) };
  }
}

/** One request answered on its own (no grades kept from an earlier one). */
export function answerCheckRequest(request: CheckRequest): CheckReply {
  return new CheckSession().answer(request);
}
