// Runtime: Node (scripts). What the fuzz suite throws inputs at, and how it tells the outcomes apart:
// a result, a clean refusal (the module's own typed error, diagnostics, or a validation verdict), or
// a crash (anything else thrown). Every refusal's text is checked for clarity on the way.
import type { PackFiles } from '../../renderer/src/core/pack/archive';
import * as archiveModule from '../../renderer/src/core/pack/archive';
import { formatDiagnostic } from '../../renderer/src/core/pack/diagnostics';
import type { Diagnostic } from '../../renderer/src/core/pack/diagnostics';
import { loadPack } from '../../renderer/src/core/pack/load';
import type { Scenario } from '../../renderer/src/core/pack/schema';
import * as gradeModule from '../../renderer/src/core/grading/grade';
import type { Grade } from '../../renderer/src/core/grading/types';
import * as attemptModule from '../../renderer/src/core/engine/attempt';
import type { EngineEvent } from '../../renderer/src/core/engine/machine';
import { createScenarioMachine } from '../../renderer/src/core/engine/machine';
import * as packFilesModule from '../lib/pack-files';
import { APP_VERSION } from '../lib/app-version';
import type { Corpus } from './corpus';
import { ARCHIVE_KINDS, generateArchive } from './gen-archives';
import type { ArchiveKind } from './gen-archives';
import { DRAFT_KINDS, generateDraft } from './gen-drafts';
import type { DraftKind, DraftPayload } from './gen-drafts';
import { FOLDER_KINDS, generateFolder, materialiseFolder } from './gen-folders';
import type { FolderKind, FolderSpec } from './gen-folders';
import { LOG_KINDS, generateLog } from './gen-logs';
import type { LogKind, LogPayload } from './gen-logs';
import { PACK_KINDS, generatePack } from './gen-packs';
import type { PackKind } from './gen-packs';
import { Rng, inputSeed } from './random';

export const TARGETS = ['packs', 'folders', 'archives', 'drafts', 'logs'] as const;
export type Target = (typeof TARGETS)[number];

export const KINDS: Record<Target, readonly string[]> = {
  packs: PACK_KINDS,
  folders: FOLDER_KINDS,
  archives: ARCHIVE_KINDS,
  drafts: DRAFT_KINDS,
  logs: LOG_KINDS,
};

/** What the code under test is handed. */
export type Payload = PackFiles | FolderSpec | Uint8Array | DraftPayload | LogPayload;

/** An input known by how to make it: the run's seed and its index give everything else. */
export interface InputRecipe {
  target: Target;
  kind: string;
  /** This input's own seed, from the run's seed and its index. */
  seed: number;
}

/** The index-th input of a run over `targets`: targets take turns; the kind is drawn from the input's seed. */
export function recipeFor(runSeed: number, index: number, targets: readonly Target[]): InputRecipe {
  const seed = inputSeed(runSeed, index);
  const target = targets[index % targets.length]!;
  const kind = new Rng(seed ^ 0x5bd1e995).pick(KINDS[target]);
  return { target, kind, seed };
}

export function generatePayload(recipe: InputRecipe, corpus: Corpus): Payload {
  const rng = new Rng(recipe.seed);
  switch (recipe.target) {
    case 'packs':
      return generatePack(rng, recipe.kind as PackKind, corpus.files);
    case 'folders':
      return generateFolder(rng, recipe.kind as FolderKind, corpus.files);
    case 'archives':
      return generateArchive(rng, recipe.kind as ArchiveKind, corpus.files);
    case 'drafts':
      return generateDraft(rng, recipe.kind as DraftKind, rng.pick(corpus.tasks));
    case 'logs':
      return generateLog(rng, recipe.kind as LogKind, corpus.baseLog(rng.pick(corpus.pack.scenarios).id));
  }
}

export interface Outcome {
  status: 'ok' | 'refusal';
  /** A line about what happened, for the report. */
  summary: string;
  /** Messages a person would read that are not clear: with undefined, NaN, [object Object], or too long. */
  unclear: string[];
}

export const MAX_MESSAGE_LENGTH = 300;
/** More diagnostics than anyone reads: the rest should be summarised. */
export const MAX_DIAGNOSTICS = 1_000;
const UNCLEAR = /\bundefined\b|\bNaN\b|\[object \w+\]/;

/** What a message says on its own: quoted input ("NaN" typed by the user) is the user's, not the message's. */
const unquoted = (message: string) => message.replace(/"[^"\n]*"|«[^»\n]*»|“[^”\n]*”/g, '""');

/** Why a text shown as a parameter is unclear (never because it is empty: a quoted empty value is fine). */
function unclearParameter(value: string): string | null {
  const match = UNCLEAR.exec(value);
  if (match) return `says "${match[0]}": ${value.slice(0, 200)}`;
  return value.length > MAX_MESSAGE_LENGTH ? `${value.length} characters: ${value.slice(0, 120)}…` : null;
}

export function unclearMessage(message: unknown): string | null {
  if (typeof message !== 'string') return `not text: ${typeof message}`;
  if (!message.trim()) return 'an empty message';
  const match = UNCLEAR.exec(unquoted(message));
  if (match) return `says "${match[0]}": ${message.slice(0, 200)}`;
  if (message.length > MAX_MESSAGE_LENGTH) return `${message.length} characters: ${message.slice(0, 120)}…`;
  return null;
}

/** Error classes a module exports: throwing one of them is the module's own, typed refusal. */
function errorClassesOf(...modules: object[]): Array<new (...args: never[]) => Error> {
  return modules.flatMap((module) =>
    Object.values(module).filter((value): value is new (...args: never[]) => Error => typeof value === 'function' && value.prototype instanceof Error),
  );
}
const ARCHIVE_ERRORS = errorClassesOf(archiveModule);
const FOLDER_ERRORS = errorClassesOf(archiveModule, packFilesModule);
const GRADE_ERRORS = errorClassesOf(gradeModule);

function isTyped(error: unknown, classes: ReadonlyArray<new (...args: never[]) => Error>): error is Error {
  return classes.some((type) => error instanceof type);
}

function errorMessages(error: Error): string[] {
  const hint = (error as { hint?: unknown }).hint;
  return hint === undefined ? [error.message] : [error.message, hint as string];
}

function checkDiagnostics(diagnostics: readonly Diagnostic[], unclear: string[]): void {
  if (diagnostics.length > MAX_DIAGNOSTICS)
    unclear.push(`${diagnostics.length} diagnostics: more than anyone reads (at most ${MAX_DIAGNOSTICS}, the rest summarised)`);
  for (const diagnostic of diagnostics.slice(0, 5_000)) {
    for (const text of [diagnostic.message, diagnostic.hint ?? 'no hint', formatDiagnostic(diagnostic)]) {
      const problem = unclearMessage(text);
      if (problem) unclear.push(problem);
    }
    if (!Number.isInteger(diagnostic.line) || !Number.isInteger(diagnostic.column) || diagnostic.line < 0 || diagnostic.column < 0)
      unclear.push(`a position that is not a line: ${String(diagnostic.line)}:${String(diagnostic.column)}`);
  }
}

function runLoader(files: PackFiles, unclear: string[], via: string): Outcome {
  const { pack, diagnostics } = loadPack(files, { appVersion: APP_VERSION });
  checkDiagnostics(diagnostics, unclear);
  if (pack) return { status: 'ok', summary: `${via}loaded, ${diagnostics.length} warnings`, unclear };
  return { status: 'refusal', summary: `${via}refused with ${diagnostics.length} diagnostics`, unclear };
}

function refusal(error: Error, unclear: string[], what: string): Outcome {
  for (const text of errorMessages(error)) {
    const problem = unclearMessage(text);
    if (problem) unclear.push(problem);
  }
  return { status: 'refusal', summary: `${what} refused: ${error.constructor.name}: ${error.message.slice(0, 120)}`, unclear };
}

/** A folder input laid out on disk, before the clock starts: the reader is timed, not the laying out. */
export interface PreparedFolder {
  target: string;
  holder: string;
  fifos: string[];
  cleanup: () => void;
}

export function prepareFolder(spec: FolderSpec): PreparedFolder {
  return materialiseFolder(spec);
}

function runFolder(folder: PreparedFolder): Outcome {
  const unclear: string[] = [];
  let source;
  try {
    source = packFilesModule.readPackSource(folder.target);
  } catch (error) {
    if (isTyped(error, FOLDER_ERRORS)) return refusal(error, unclear, 'the folder was');
    throw error;
  }
  return runLoader(source.files, unclear, `read as ${source.kind}, `);
}

function runArchive(bytes: Uint8Array): Outcome {
  const unclear: string[] = [];
  let files: PackFiles;
  try {
    files = archiveModule.readArchive(bytes).files;
  } catch (error) {
    if (isTyped(error, ARCHIVE_ERRORS)) return refusal(error, unclear, 'the archive was');
    throw error;
  }
  return runLoader(files, unclear, 'read, ');
}

function checkGrade(grade: Grade, unclear: string[]): void {
  for (const axis of Object.values(grade.axes)) if (!Number.isFinite(axis.score)) unclear.push(`the ${axis.axis} score is ${String(axis.score)}`);
  for (const finding of grade.findings) {
    for (const message of [finding.message, finding.suggestion?.message]) {
      for (const [name, value] of Object.entries(message?.params ?? {})) {
        const problem =
          typeof value === 'number'
            ? Number.isFinite(value)
              ? null
              : `is ${String(value)}`
            : typeof value === 'string'
              ? unclearParameter(value)
              : `is a ${typeof value}`;
        if (problem) unclear.push(`finding ${finding.ruleId} parameter ${name} ${problem}`);
      }
    }
    if (!Number.isFinite(finding.loss)) unclear.push(`finding ${finding.ruleId} costs ${String(finding.loss)}`);
  }
}

function runDraft(payload: DraftPayload, corpus: Corpus): Outcome {
  const unclear: string[] = [];
  const scenario = corpus.pack.scenarios.find((s) => s.id === payload.scenario);
  if (!scenario) throw new Error(`the fuzz input names a scenario "${payload.scenario}" the core library does not have`);
  const context = gradeModule.createGradingContext({ scenario, task: payload.task, playLanguage: payload.language, pack: corpus.pack.manifest });
  let grade: Grade;
  try {
    grade = gradeModule.grade(payload.text, context);
  } catch (error) {
    if (isTyped(error, GRADE_ERRORS)) return refusal(error, unclear, `a ${payload.text.length}-character draft was`);
    throw error;
  }
  checkGrade(grade, unclear);
  return { status: 'ok', summary: `graded ${payload.text.length} characters: ${grade.findings.length} findings`, unclear };
}

interface EventLogVerdict {
  ok: boolean;
  events: EngineEvent[];
  position?: number;
  reason?: { key: string; params?: Record<string, unknown> };
}
type Validator = (events: readonly unknown[], scenario: Scenario) => EventLogVerdict;

/** The event-log validator, when the engine has one (found at run time, so the suite runs before and after it exists). */
async function findValidator(): Promise<Validator | null> {
  const specifier = '../../renderer/src/core/engine/event-log';
  try {
    const module = (await import(specifier)) as { validateEventLog?: Validator };
    return module.validateEventLog ?? null;
  } catch {
    return null;
  }
}
let validator: Validator | null | undefined;
export async function prepareTargets(): Promise<void> {
  validator ??= await findValidator();
}

const RAW_REPLAY_EVENTS = 2_000;

function runLog(payload: LogPayload, corpus: Corpus): Outcome {
  const unclear: string[] = [];
  const scenario = corpus.pack.scenarios.find((s) => s.id === payload.scenario);
  if (!scenario) throw new Error(`the fuzz input names a scenario "${payload.scenario}" the core library does not have`);
  const machine = createScenarioMachine({ scenario, playLanguage: payload.language, manifest: corpus.pack.manifest, seed: payload.seed });
  // Defence in depth: even events nobody validated must not make the machine throw (the first
  // ones only: the app replays validated logs, and their length is the validator's to bound).
  if (Array.isArray(payload.events)) attemptModule.replay(machine, payload.events.slice(0, RAW_REPLAY_EVENTS) as EngineEvent[]);
  if (!validator)
    return {
      status: 'ok',
      summary: `replayed ${Array.isArray(payload.events) ? payload.events.length : 0} unvalidated events (no validateEventLog in the engine)`,
      unclear,
    };
  const verdict = validator(payload.events as readonly unknown[], scenario);
  if (verdict.ok) {
    const snapshot = attemptModule.replay(machine, verdict.events);
    return { status: 'ok', summary: `valid log of ${verdict.events.length} events, replayed to ${String(snapshot.value)}`, unclear };
  }
  if (!Number.isInteger(verdict.position) || verdict.position! < 1) unclear.push(`the first bad event is at position ${String(verdict.position)}`);
  for (const [name, value] of Object.entries(verdict.reason?.params ?? {})) {
    const problem =
      typeof value === 'number' ? (Number.isFinite(value) ? null : String(value)) : typeof value === 'string' ? unclearParameter(value) : `a ${typeof value}`;
    if (problem) unclear.push(`reason ${verdict.reason!.key} parameter ${name}: ${problem}`);
  }
  // What is offered read-only: the valid events before the bad one must replay.
  attemptModule.replay(machine, verdict.events);
  return { status: 'refusal', summary: `refused at event ${String(verdict.position)}: ${verdict.reason?.key ?? 'no reason'}`, unclear };
}

/** `payload`, or for a folder the folder laid out by {@link prepareFolder}. */
export function runPayload(target: Target, payload: Payload | PreparedFolder, corpus: Corpus): Outcome {
  switch (target) {
    case 'packs':
      return runLoader(payload as PackFiles, [], '');
    case 'folders':
      return runFolder(payload as PreparedFolder);
    case 'archives':
      return runArchive(payload as Uint8Array);
    case 'drafts':
      return runDraft(payload as DraftPayload, corpus);
    case 'logs':
      return runLog(payload as LogPayload, corpus);
  }
}
