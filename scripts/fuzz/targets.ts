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
import type { BackupData, ExistingRows, RestorePlan } from '../../renderer/src/core/records/backup-format';
import { attemptWholes, BackupError, planRestore, readBackup } from '../../renderer/src/core/records/backup-format';
import type { MergePlan, MergeState } from '../../renderer/src/core/records/merge';
import { planMerge } from '../../renderer/src/core/records/merge';
import type { FrozenOutcome } from '../../renderer/src/core/records/outcome';
import { CURRENT_SCHEMA_VERSION } from '../../renderer/src/db/schema';
import { isRestorableSetting } from '../../renderer/src/records/backup';
import { progressFileChecks } from '../../renderer/src/records/records-service';
import * as packFilesModule from '../lib/pack-files';
import { APP_VERSION } from '../lib/app-version';
import type { Corpus } from './corpus';
import { ARCHIVE_KINDS, generateArchive } from './gen-archives';
import type { ArchiveKind } from './gen-archives';
import { BACKUP_KINDS, generateBackup } from './gen-backups';
import type { BackupKind } from './gen-backups';
import { PROGRESS_FILE_KINDS, generateProgressFile } from './gen-progress-files';
import type { ProgressFileKind } from './gen-progress-files';
import { getRecordsCorpus } from './records-corpus';
import { DRAFT_KINDS, generateDraft } from './gen-drafts';
import type { DraftKind, DraftPayload } from './gen-drafts';
import { FOLDER_KINDS, generateFolder, materialiseFolder } from './gen-folders';
import type { FolderKind, FolderSpec } from './gen-folders';
import { LOG_KINDS, generateLog } from './gen-logs';
import type { LogKind, LogPayload } from './gen-logs';
import { PACK_KINDS, generatePack } from './gen-packs';
import type { PackKind } from './gen-packs';
import { Rng, inputSeed } from './random';

export const TARGETS = ['packs', 'folders', 'archives', 'drafts', 'logs', 'progress-files', 'backups'] as const;
export type Target = (typeof TARGETS)[number];

export const KINDS: Record<Target, readonly string[]> = {
  packs: PACK_KINDS,
  folders: FOLDER_KINDS,
  archives: ARCHIVE_KINDS,
  drafts: DRAFT_KINDS,
  logs: LOG_KINDS,
  'progress-files': PROGRESS_FILE_KINDS,
  backups: BACKUP_KINDS,
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
    case 'progress-files':
      return generateProgressFile(rng, recipe.kind as ProgressFileKind, corpus);
    case 'backups':
      return generateBackup(rng, recipe.kind as BackupKind, corpus);
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

/** Numbers a person would read in a merge or restore report that are not numbers at all. */
function checkNumbers(what: string, values: Record<string, unknown>, unclear: string[]): void {
  for (const [name, value] of Object.entries(values))
    if (typeof value === 'number' && !Number.isFinite(value)) unclear.push(`${what} ${name} is ${String(value)}`);
}

function checkMergePlan(plan: MergePlan, unclear: string[]): void {
  for (const conflict of plan.conflicts) {
    if (conflict.fields.length === 0) unclear.push(`the conflict over ${conflict.uid} names no field that differs`);
    for (const gist of [conflict.file, conflict.stored])
      if (gist) checkNumbers(`the conflict over ${conflict.uid}:`, { ...gist.scores, average: gist.average, finishedAt: gist.finishedAt }, unclear);
  }
}

/**
 * A progress file as the academy's machine takes it: read, verified and its drafts graded again by the
 * records worker's own code, then merged (as a plan) into an academy that has never seen the trainee,
 * and into one that already holds the cohort's records (same uids, the trainee tied to their key).
 */
function runProgressFile(bytes: Uint8Array, corpus: Corpus): Outcome {
  const unclear: string[] = [];
  const records = getRecordsCorpus(corpus);
  // A checker per input, as the app makes one per import: nothing one input prepares leaks into the next.
  const check = progressFileChecks(records.installed)(bytes);
  if (check.status === 'refused') {
    const problem = unclearMessage(check.refusal.message);
    if (problem) unclear.push(problem);
    return { status: 'refusal', summary: `the progress file was refused (${check.refusal.code}): ${check.refusal.message.slice(0, 120)}`, unclear };
  }
  const { file, regrade } = check;
  for (const report of [...regrade.flagged, ...regrade.notCompared]) {
    for (const flag of report.flags) {
      if (flag.kind === 'not-regradable') {
        const problem = unclearMessage(flag.reason);
        if (problem) unclear.push(`why ${report.uid} could not be graded again ${problem}`);
      }
      if (flag.kind === 'grade-edited' || flag.kind === 'outcome-edited') {
        const [stored, again] = flag.kind === 'grade-edited' ? [flag.stored, flag.regraded] : [flag.stored, flag.recomputed];
        checkNumbers(`${report.uid}'s stored scores`, { ...stored.scores }, unclear);
        checkNumbers(`${report.uid}'s scores graded again`, { ...again.scores }, unclear);
      }
    }
  }
  const fresh: MergeState = { trainee: null, outcomes: new Map(), played: new Map(), localDeviceKey: null };
  const known = records.trainees.find((trainee) => trainee.content.trainee.uid === file.trainee.uid);
  const holding: MergeState = {
    trainee: known
      ? { ...known.content.trainee, kind: 'imported', deviceKey: known.key.publicKey, detailsExportedAt: known.content.exportedAt }
      : { ...file.trainee, kind: 'profile', deviceKey: null, detailsExportedAt: null },
    outcomes: new Map<string, FrozenOutcome>(
      records.trainees.flatMap((trainee) => trainee.content.outcomes.map((outcome) => [outcome.summary.uid, outcome] as const)),
    ),
    played: new Map(records.trainees.flatMap((trainee) => trainee.content.played.map((played) => [played.key, played] as const))),
    localDeviceKey: records.trainees[0]!.key.publicKey,
  };
  const added = planMerge(file, fresh, { importedAt: 1 });
  const merged = planMerge(file, holding, { importedAt: 1, trustDevice: true });
  checkMergePlan(added, unclear);
  checkMergePlan(merged, unclear);
  return {
    status: 'ok',
    summary: `verified: ${file.outcomes.length} outcomes, ${regrade.drafts} drafts graded again (${regrade.flagged.length} flagged, ${regrade.notCompared.length} not compared); merged into an empty academy: ${added.added.length} added; into the cohort's: ${merged.unchanged.length} unchanged, ${merged.conflicts.length} conflicts`,
    unclear,
  };
}

/** An install's rows as restoring reads them, from a backup's data. */
function existingRowsOf(data: BackupData): ExistingRows {
  const details = new Map(data.outcomeDetails.map((detail) => [detail.uid, detail]));
  return {
    profiles: new Map(data.profiles.map((profile) => [profile.uid, profile])),
    profileNames: data.profiles.map((profile) => profile.name),
    attempts: new Map(attemptWholes(data).map((whole) => [whole.attempt.uid, whole])),
    outcomes: new Map(data.outcomes.map((summary) => [summary.uid, { summary, detail: details.get(summary.uid) ?? null }])),
    playedScenarios: new Map(data.playedScenarios.map((played) => [played.key, played])),
    trainees: new Map(data.trainees.map((trainee) => [trainee.uid, trainee])),
    outbox: new Map(data.outbox.map((statement) => [statement.id, statement.json])),
    packs: new Map(data.packs.map((pack) => [pack.packId, { version: pack.version, archive: pack.archive }])),
    settings: new Map(data.settings.map((setting) => [setting.key, setting.value])),
  };
}

function checkRestorePlan(plan: RestorePlan, unclear: string[]): void {
  for (const conflict of plan.report.conflicts) {
    if (!conflict.key) unclear.push(`a ${conflict.table} conflict names no row`);
    if ('startedAt' in conflict) checkNumbers(`the ${conflict.table} conflict over ${conflict.key}:`, { startedAt: conflict.startedAt }, unclear);
    if ('finishedAt' in conflict) checkNumbers(`the ${conflict.table} conflict over ${conflict.key}:`, { finishedAt: conflict.finishedAt }, unclear);
  }
}

/** A backup as the app restores it: read and checked whole, then planned into an empty install and into the one it was made from. */
function runBackup(bytes: Uint8Array, corpus: Corpus): Outcome {
  const unclear: string[] = [];
  let backup;
  try {
    backup = readBackup(bytes, CURRENT_SCHEMA_VERSION);
  } catch (error) {
    if (error instanceof BackupError) return refusal(error, unclear, `the backup was (${error.code})`);
    throw error;
  }
  const records = getRecordsCorpus(corpus);
  const empty: ExistingRows = {
    profiles: new Map(),
    profileNames: [],
    attempts: new Map(),
    outcomes: new Map(),
    playedScenarios: new Map(),
    trainees: new Map(),
    outbox: new Map(),
    packs: new Map(),
    settings: new Map(),
  };
  const intoEmpty = planRestore(backup.data, empty, isRestorableSetting);
  const again = planRestore(backup.data, existingRowsOf(records.backup.data), isRestorableSetting);
  checkRestorePlan(intoEmpty, unclear);
  checkRestorePlan(again, unclear);
  const rows = Object.values(backup.data).reduce((sum, table) => sum + table.length, 0);
  return {
    status: 'ok',
    summary: `read ${rows} rows; into an empty install ${intoEmpty.report.conflicts.length} conflicts, into its own ${again.report.conflicts.length}`,
    unclear,
  };
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
    case 'progress-files':
      return runProgressFile(payload as Uint8Array, corpus);
    case 'backups':
      return runBackup(payload as Uint8Array, corpus);
  }
}
