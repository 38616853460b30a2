// Runtime: any (pure core). A model answer is what trainees are shown as right, so one that fails its
// own task is an error of the pack: this turns the grader's verdict on each model answer
// (grading/model-answers.ts) into a diagnostic at the answer's line, worded like every other one, so
// that the studio's problems panel and `npm run pack:check` report it the same way.
import { failingModelAnswers } from '../grading/model-answers';
import type { PackFiles } from './archive';
import type { Axis } from './axes';
import type { Diagnostic } from './diagnostics';
import { diagnostic, formatPath } from './diagnostics';
import type { Pack } from './load';
import type { Part } from './message';
import { counted, graderSays, joined, languageName, quote, say } from './message';
import { YAML_LIMITS } from './limits';
import type { SourceFile, YamlCache } from './yaml';
import { parseYaml, positionOf } from './yaml';

const AXIS_WORDS: Record<Axis, Part> = { tone: say`tone`, policy: say`policy`, platform: say`platform` };

const sameBytes = (a: Uint8Array | undefined, b: Uint8Array | undefined): boolean => {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
};

/**
 * The model answers' diagnostics of each scenario, kept while its file and pack.yaml (the grader
 * reads the scenario and the manifest, nothing else) stay byte for byte the same: as the author
 * types in one scenario, only that one is graded again. Holds the scenarios of the last pack only.
 */
export class ModelAnswerCache {
  private entries = new Map<string, { scenario: Uint8Array | undefined; manifest: Uint8Array | undefined; diagnostics: Diagnostic[] }>();

  /** The scenario files graded again by the last call (for tests and the bench). */
  regraded: string[] = [];

  /** `yamlCache`: the one the pack was just loaded with, whose parsed scenarios give the answers' lines. */
  diagnostics(pack: Pack, files: PackFiles, yamlCache?: YamlCache): Diagnostic[] {
    const manifest = files.get('pack.yaml');
    const next = new Map<string, { scenario: Uint8Array | undefined; manifest: Uint8Array | undefined; diagnostics: Diagnostic[] }>();
    const found: Diagnostic[] = [];
    this.regraded = [];
    for (const scenario of pack.scenarios) {
      const file = `scenarios/${scenario.id}.yaml`;
      const bytes = files.get(file);
      const kept = this.entries.get(file);
      const entry =
        kept && sameBytes(kept.scenario, bytes) && sameBytes(kept.manifest, manifest)
          ? kept
          : { scenario: bytes, manifest, diagnostics: modelAnswerDiagnostics({ ...pack, scenarios: [scenario] }, files, yamlCache) };
      if (entry !== kept) this.regraded.push(file);
      next.set(file, entry);
      found.push(...entry.diagnostics);
    }
    this.entries = next;
    return found;
  }
}

/**
 * The diagnostics of the model answers of `pack` that fail their own task, gravest finding first.
 * `yamlCache`: the one the pack was just loaded with, so that a scenario's file is not parsed again
 * to find the answers' lines (the studio checks after every change).
 */
export function modelAnswerDiagnostics(pack: Pack, files: PackFiles, yamlCache?: YamlCache): Diagnostic[] {
  const failing = failingModelAnswers(pack);
  const sources = new Map<string, SourceFile | null>();
  const sourceOf = (file: string): SourceFile | null => {
    if (!sources.has(file)) {
      const bytes = files.get(file);
      const text = bytes === undefined ? null : new TextDecoder().decode(bytes);
      const parsed = text === null ? null : yamlCache ? yamlCache.parse(file, text, YAML_LIMITS) : parseYaml(file, text);
      sources.set(file, parsed?.source ?? null);
    }
    return sources.get(file) ?? null;
  };
  return failing.map((answer) => {
    const file = `scenarios/${answer.scenarioId}.yaml`;
    const path = ['tasks', answer.taskIndex, 'modelAnswer', answer.language];
    const source = sourceOf(file);
    const { line, column } = source ? positionOf(source, path) : { line: 0, column: 0 };
    const axes = joined(answer.failedAxes.map((axis) => AXIS_WORDS[axis]));
    const [top, ...rest] = answer.findings;
    const why = top ? graderSays(top.message) : say`no finding explains it`;
    return diagnostic({
      file,
      line,
      column,
      path: formatPath(path),
      message: rest.length
        ? say`the ${languageName(answer.language)} model answer fails its own task on ${axes}: ${why} (and ${counted(rest.length, 'more finding')})`
        : say`the ${languageName(answer.language)} model answer fails its own task on ${axes}: ${why}`,
      hint: top?.suggestion?.replacement
        ? say`correct the model answer (or the task) until it passes every axis; the grader suggests ${quote(top.suggestion.replacement, 40)}`
        : say`correct the model answer (or the task) until it passes every axis`,
    });
  });
}
