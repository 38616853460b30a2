// Runtime: any (pure core). Loads a pack from its files (a folder read by the CLI, an archive, or
// files the user picked) and validates everything: each file against the format, then every
// cross-reference. Never trusts its input and never throws on it: problems become diagnostics.
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import { RULES_BY_ID } from '../grading/catalog';
import type { PackFiles } from './archive';
import type { Diagnostic, PathSegment } from './diagnostics';
import { compareDiagnostics, formatPath, hasErrors } from './diagnostics';
import type { Course, PackManifest, Persona, Scenario } from './schema';
import { createPackSchemas, offsetMinutes, packSchemas } from './schema';
import { collectFieldNames, diagnosticsFromIssues } from './schema-issues';
import type { SourceFile, YamlLimits } from './yaml';
import { parseYaml, positionOf, YAML_LIMITS } from './yaml';

export interface PackLimits {
  maxFiles: number;
  maxMediaBytes: number;
  maxTotalBytes: number;
  yaml: YamlLimits;
}

export const PACK_LIMITS: PackLimits = {
  maxFiles: 2000,
  maxMediaBytes: 16 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  yaml: YAML_LIMITS,
};

export interface LoadOptions {
  /** The running app's version, checked against the pack's minAppVersion. */
  appVersion: string;
  limits?: Partial<PackLimits>;
}

export interface Pack {
  manifest: PackManifest;
  personas: Persona[];
  courses: Course[];
  scenarios: Scenario[];
  media: Map<string, Uint8Array>;
}

export interface LoadResult {
  pack: Pack | null;
  diagnostics: Diagnostic[];
}

const MEDIA_EXTENSIONS = /\.(png|jpe?g|gif|webp|svg|mp3|ogg|mp4|webm)$/i;
const fieldNames = collectFieldNames(packSchemas.scenario)
  .concat(collectFieldNames(packSchemas.pack), collectFieldNames(packSchemas.personasFile), collectFieldNames(packSchemas.coursesFile))
  .filter((name, index, all) => all.indexOf(name) === index);

const schemaCache = new Map<string, ReturnType<typeof createPackSchemas>>();
function schemasFor(languages: readonly string[]) {
  const key = languages.join(',');
  let schemas = schemaCache.get(key);
  if (!schemas) {
    schemas = createPackSchemas({ languages });
    schemaCache.set(key, schemas);
  }
  return schemas;
}

function fileProblem(file: string, message: string, hint?: string, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { severity, file, line: 0, column: 0, path: '', message, ...(hint ? { hint } : {}) };
}

/** Reports problems at positions inside one parsed file. */
class Reporter {
  constructor(
    private readonly source: SourceFile,
    private readonly out: Diagnostic[],
  ) {}

  error(path: readonly PathSegment[], message: string, hint?: string, atKey = false): void {
    const { line, column } = positionOf(this.source, path, atKey);
    this.out.push({ severity: 'error', file: this.source.file, line, column, path: formatPath(path), message, ...(hint ? { hint } : {}) });
  }
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).slice(0, 3).map(Number);
  const pb = b.split(/[.-]/).slice(0, 3).map(Number);
  for (let i = 0; i < 3; i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff) return diff;
  }
  return 0;
}

function isUnsafePath(path: string): boolean {
  return path.startsWith('/') || /^[a-zA-Z]:/.test(path) || path.includes('\\') || path.split('/').some((part) => part === '..' || part === '.' || part === '') || [...path].some((char) => char.charCodeAt(0) < 0x20);
}

interface ParsedFile<T> {
  value: T;
  source: SourceFile;
}

function readYaml(files: PackFiles, file: string, limits: PackLimits, out: Diagnostic[]): ParsedFile<unknown> | null {
  const bytes = files.get(file);
  if (!bytes) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    out.push(fileProblem(file, 'the file is not UTF-8 text', 'save it as UTF-8'));
    return null;
  }
  const parsed = parseYaml(file, text, limits.yaml);
  out.push(...parsed.diagnostics);
  return parsed.source ? { value: parsed.value, source: parsed.source } : null;
}

function validate<T>(
  raw: ParsedFile<unknown> | null,
  schema: z.ZodType<T>,
  languages: readonly string[],
  languagesFrom: 'pack' | 'scenario',
  out: Diagnostic[],
): ParsedFile<T> | null {
  if (!raw) return null;
  const result = schema.safeParse(raw.value, { reportInput: true });
  if (!result.success) {
    out.push(...diagnosticsFromIssues(result.error.issues, { source: raw.source, knownFields: fieldNames, languages, languagesFrom }));
    return null;
  }
  return { value: result.data, source: raw.source };
}

/** The `languages` a document declares, when it declares them well enough to validate the rest against. */
function declaredLanguages(raw: ParsedFile<unknown> | null): string[] | null {
  const languages = (raw?.value as { languages?: unknown } | undefined)?.languages;
  return Array.isArray(languages) && languages.length && languages.every((l) => typeof l === 'string' && /^[a-z]{2}$/.test(l)) ? (languages as string[]) : null;
}

export function loadPack(files: PackFiles, options: LoadOptions): LoadResult {
  const limits: PackLimits = { ...PACK_LIMITS, ...options.limits, yaml: { ...PACK_LIMITS.yaml, ...options.limits?.yaml } };
  const out: Diagnostic[] = [];

  if (files.size > limits.maxFiles) {
    return { pack: null, diagnostics: [fileProblem('.', `the pack has ${files.size} files; at most ${limits.maxFiles} are read`, 'remove files the pack does not use')] };
  }
  let total = 0;
  const scenarioFiles: string[] = [];
  const media = new Map<string, Uint8Array>();
  for (const [path, bytes] of files) {
    total += bytes.length;
    if (isUnsafePath(path)) {
      out.push(fileProblem(path, 'unsafe file path', 'paths are relative, with / between folders and no ".." parts'));
    } else if (path === 'pack.yaml' || path === 'personas.yaml' || path === 'courses.yaml') {
      continue;
    } else if (/^scenarios\/[^/]+\.yaml$/.test(path)) {
      scenarioFiles.push(path);
    } else if (path.startsWith('media/')) {
      if (!MEDIA_EXTENSIONS.test(path)) out.push(fileProblem(path, 'not a supported media file', 'use png, jpg, gif, webp, svg, mp3, ogg, mp4 or webm'));
      else if (bytes.length > limits.maxMediaBytes) out.push(fileProblem(path, `the file is ${bytes.length} bytes; media files may have at most ${limits.maxMediaBytes}`, 'make it smaller'));
      else media.set(path, bytes);
    } else if (/^[^/]+\.(md|txt)$/i.test(path) || path === 'LICENSE') {
      continue;
    } else {
      out.push(fileProblem(path, 'this file is not part of the pack format and is ignored', 'scenarios go in scenarios/<id>.yaml, images and sound in media/', 'warning'));
    }
  }
  if (total > limits.maxTotalBytes) {
    out.push(fileProblem('.', `the pack holds ${total} bytes; at most ${limits.maxTotalBytes} are read`, 'make the media smaller'));
    return { pack: null, diagnostics: out };
  }
  if (!files.has('pack.yaml')) {
    out.push(fileProblem('pack.yaml', 'the pack has no pack.yaml', 'every pack starts with pack.yaml: id, version, title, languages…'));
    return { pack: null, diagnostics: out.sort(compareDiagnostics) };
  }
  if (!scenarioFiles.length) out.push(fileProblem('scenarios/', 'the pack has no scenario', 'add one file per scenario: scenarios/<scenario-id>.yaml'));

  const rawManifest = readYaml(files, 'pack.yaml', limits, out);
  const packLanguages = declaredLanguages(rawManifest) ?? ['en'];
  const packSchemasForLanguages = schemasFor(packLanguages);
  const manifest = validate(rawManifest, packSchemasForLanguages.pack, packLanguages, 'pack', out);
  const personasFile = validate(readYaml(files, 'personas.yaml', limits, out), packSchemasForLanguages.personasFile, packLanguages, 'pack', out);
  const coursesFile = validate(readYaml(files, 'courses.yaml', limits, out), packSchemasForLanguages.coursesFile, packLanguages, 'pack', out);

  if (manifest && compareVersions(manifest.value.minAppVersion, options.appVersion) > 0) {
    new Reporter(manifest.source, out).error(['minAppVersion'], `the pack needs Attaché ${manifest.value.minAppVersion} or newer; this is ${options.appVersion}`, 'update Attaché, or ask the pack author for a version made for yours');
  }

  const packPersonas = personasFile?.value.personas ?? [];
  if (personasFile) checkUnique(personasFile.value.personas, ['personas'], new Reporter(personasFile.source, out), 'persona');

  const scenarios: Array<ParsedFile<Scenario>> = [];
  for (const file of scenarioFiles.sort()) {
    const raw = readYaml(files, file, limits, out);
    const own = declaredLanguages(raw);
    const languages = own ?? packLanguages;
    const parsed = validate(raw, schemasFor(languages).scenario, languages, own ? 'scenario' : 'pack', out);
    if (!parsed) continue;
    scenarios.push(parsed);
    const report = new Reporter(parsed.source, out);
    const expectedName = `scenarios/${parsed.value.id}.yaml`;
    if (file !== expectedName) report.error(['id'], `the scenario "${parsed.value.id}" is in ${file}`, `name the file ${expectedName}`);
    for (const [index, language] of languages.entries()) {
      if (!packLanguages.includes(language)) report.error(['languages', index], `"${language}" is not one of the pack's languages (${packLanguages.join(', ')})`, 'add it to languages in pack.yaml');
    }
    checkScenario(parsed.value, languages, packPersonas, media, report);
  }

  const scenarioIds = new Map<string, number>();
  for (const scenario of scenarios) {
    const seen = scenarioIds.get(scenario.value.id) ?? 0;
    if (seen) new Reporter(scenario.source, out).error(['id'], `another scenario already has the id "${scenario.value.id}"`, 'give each scenario its own id');
    scenarioIds.set(scenario.value.id, seen + 1);
  }

  if (coursesFile) {
    const report = new Reporter(coursesFile.source, out);
    checkUnique(coursesFile.value.courses, ['courses'], report, 'course');
    coursesFile.value.courses.forEach((course, courseIndex) => {
      course.scenarios.forEach((scenarioId, index) => {
        if (!scenarioIds.has(scenarioId) && scenarios.length === scenarioFiles.length) {
          report.error(['courses', courseIndex, 'scenarios', index], `no scenario has the id "${scenarioId}"`, hintFrom(scenarioId, [...scenarioIds.keys()]));
        }
      });
    });
  }
  if (personasFile && manifest) checkPersonaMedia(personasFile.value.personas, ['personas'], media, new Reporter(personasFile.source, out));

  out.sort(compareDiagnostics);
  if (hasErrors(out) || !manifest) return { pack: null, diagnostics: out };
  return {
    pack: {
      manifest: manifest.value,
      personas: packPersonas,
      courses: coursesFile?.value.courses ?? [],
      scenarios: scenarios.map((s) => s.value),
      media,
    },
    diagnostics: out,
  };
}

function hintFrom(value: string, candidates: readonly string[]): string {
  if (!candidates.length) return 'none is defined yet';
  const sorted = [...candidates].sort((a, b) => similarity(b, value) - similarity(a, value));
  return `known: ${sorted.slice(0, 5).join(', ')}${sorted.length > 5 ? ', …' : ''}`;
}

function similarity(a: string, b: string): number {
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common += 1;
  return common;
}

function checkUnique(items: ReadonlyArray<{ id: string }>, path: readonly PathSegment[], report: Reporter, what: string): Set<string> {
  const ids = new Set<string>();
  items.forEach((item, index) => {
    if (ids.has(item.id)) report.error([...path, index, 'id'], `another ${what} already has the id "${item.id}"`, `give each ${what} its own id`);
    ids.add(item.id);
  });
  return ids;
}

const KNOWN_RULES = [...RULES_BY_ID.keys()];

function checkRubric(rules: Record<string, unknown> | undefined, path: readonly PathSegment[], report: Reporter): void {
  for (const id of Object.keys(rules ?? {})) {
    if (RULES_BY_ID.has(id)) continue;
    const near = closest(id, KNOWN_RULES);
    report.error([...path, id], `the grader has no rule "${id}"`, distance(id, near) <= 3 ? `did you mean "${near}"?` : `known rules: ${KNOWN_RULES.join(', ')}`, true);
  }
}

function checkPersonaMedia(personas: readonly Persona[], path: readonly PathSegment[], media: ReadonlyMap<string, Uint8Array>, report: Reporter): void {
  personas.forEach((persona, index) => {
    if (persona.avatar && !media.has(persona.avatar)) report.error([...path, index, 'avatar'], `no media file ${persona.avatar} in the pack`, 'put the image in media/ and give its path, e.g. media/lena.png');
  });
}

function checkScenario(
  scenario: Scenario,
  languages: readonly string[],
  packPersonas: readonly Persona[],
  media: ReadonlyMap<string, Uint8Array>,
  report: Reporter,
): void {
  const duration = offsetMinutes(scenario.duration);
  const accountIds = checkUnique(scenario.accounts, ['accounts'], report, 'account');
  const factIds = checkUnique(scenario.facts, ['facts'], report, 'fact');
  const keyMessageIds = checkUnique(scenario.policy.keyMessages, ['policy', 'keyMessages'], report, 'key message');
  scenario.policy.keyMessages.forEach((message, index) => {
    if (message.coveredByFact && !factIds.has(message.coveredByFact)) {
      report.error(['policy', 'keyMessages', index, 'coveredByFact'], `no fact has the id "${message.coveredByFact}"`, hintFrom(message.coveredByFact, [...factIds]));
    }
  });
  checkUnique(scenario.policy.redLines, ['policy', 'redLines'], report, 'red line');
  checkUnique(scenario.policy.terminology, ['policy', 'terminology'], report, 'term');
  const scenarioPersonaIds = checkUnique(scenario.personas, ['personas'], report, 'persona');
  const personaIds = new Set([...packPersonas.map((p) => p.id), ...scenarioPersonaIds]);
  checkPersonaMedia(scenario.personas, ['personas'], media, report);
  const taskIds = checkUnique(scenario.tasks, ['tasks'], report, 'task');
  checkUnique(scenario.branches, ['branches'], report, 'branch');
  checkRubric(scenario.rubric?.rules, ['rubric', 'rules'], report);
  scenario.tasks.forEach((task, index) => checkRubric(task.rubric?.rules, ['tasks', index, 'rubric', 'rules'], report));

  scenario.accounts.forEach((account, index) => {
    if (account.audienceLanguage && !languages.includes(account.audienceLanguage)) {
      report.error(['accounts', index, 'audienceLanguage'], `"${account.audienceLanguage}" is not one of the scenario's languages (${languages.join(', ')})`, 'add it to the scenario\'s languages, or remove audienceLanguage to follow the trainee\'s language');
    }
  });

  // Every inject, scheduled or brought by a branch, with where it is written.
  const injects = new Map<string, { path: PathSegment[]; fromBranch: boolean }>();
  const allInjects: Array<{ inject: Scenario['timeline'][number]; path: PathSegment[] }> = [];
  scenario.timeline.forEach((inject, index) => allInjects.push({ inject, path: ['timeline', index] }));
  scenario.branches.forEach((branch, b) => branch.then.injects.forEach((inject, index) => allInjects.push({ inject, path: ['branches', b, 'then', 'injects', index] })));
  for (const { inject, path } of allInjects) {
    if (injects.has(inject.id)) report.error([...path, 'id'], `another inject already has the id "${inject.id}"`, 'give each inject its own id');
    else injects.set(inject.id, { path, fromBranch: path[0] === 'branches' });
  }

  let previous = -1;
  scenario.timeline.forEach((inject, index) => {
    const at = offsetMinutes(inject.at);
    if (at < previous) report.error(['timeline', index, 'at'], `the timeline is out of order: ${inject.at} comes after a later inject`, 'keep the timeline sorted by "at"');
    previous = Math.max(previous, at);
    if (at > duration) report.error(['timeline', index, 'at'], `${inject.at} is after the scenario ends (${scenario.duration})`, 'move it earlier, or make duration longer');
  });
  for (const { inject, path } of allInjects) {
    if (!personaIds.has(inject.persona)) report.error([...path, 'persona'], `no persona has the id "${inject.persona}"`, hintFrom(inject.persona, [...personaIds]));
    if (!accountIds.has(inject.account)) report.error([...path, 'account'], `no account has the id "${inject.account}"`, hintFrom(inject.account, [...accountIds]));
    if (inject.replyTo !== undefined) {
      if (!injects.has(inject.replyTo)) report.error([...path, 'replyTo'], `no inject has the id "${inject.replyTo}"`, hintFrom(inject.replyTo, [...injects.keys()]));
      else if (inject.replyTo === inject.id) report.error([...path, 'replyTo'], 'an inject cannot reply to itself');
    }
    if (inject.type === 'reply' && inject.replyTo === undefined) report.error([...path, 'replyTo'], 'a reply needs "replyTo": the inject it answers', 'add replyTo: <inject id>, or make it a post');
    inject.media?.forEach((item, index) => {
      if (!media.has(item.file)) report.error([...path, 'media', index, 'file'], `no media file ${item.file} in the pack`, 'put it in media/ and give its path, e.g. media/photo.png');
    });
  }

  const openedByBranch = new Set(scenario.branches.flatMap((branch) => branch.then.openTasks));
  const accountById = new Map(scenario.accounts.map((account) => [account.id, account]));
  const approved = new Set(scenario.policy.hashtags.approved.map((tag) => tag.toLowerCase()));
  scenario.tasks.forEach((task, index) => {
    const path: PathSegment[] = ['tasks', index];
    if (!accountIds.has(task.account)) report.error([...path, 'account'], `no account has the id "${task.account}"`, hintFrom(task.account, [...accountIds]));
    if (task.kind === 'reply') {
      if (task.replyTo === undefined) report.error([...path, 'replyTo'], 'a reply task needs "replyTo": the inject the trainee answers', 'add replyTo: <inject id>');
    }
    if (task.replyTo !== undefined && !injects.has(task.replyTo)) report.error([...path, 'replyTo'], `no inject has the id "${task.replyTo}"`, hintFrom(task.replyTo, [...injects.keys()]));
    if (task.kind === 'direct-message' && task.recipient === undefined) report.error([...path, 'recipient'], 'a direct message needs a "recipient" persona', 'add recipient: <persona id>');
    if (task.recipient !== undefined && !personaIds.has(task.recipient)) report.error([...path, 'recipient'], `no persona has the id "${task.recipient}"`, hintFrom(task.recipient, [...personaIds]));
    const due = offsetMinutes(task.due);
    if (task.opensAt !== undefined) {
      const opens = offsetMinutes(task.opensAt);
      if (openedByBranch.has(task.id)) report.error([...path, 'opensAt'], 'this task opens at a set time and also by a branch', 'remove opensAt to open it only by the branch, or remove it from the branch\'s openTasks');
      if (opens >= duration) report.error([...path, 'opensAt'], `the task opens at ${task.opensAt}, when the scenario has ended (${scenario.duration}): no one can reach it`, 'open it earlier');
      if (due <= opens) report.error([...path, 'due'], `the deadline ${task.due} is not after the task opens (${task.opensAt})`, 'give the trainee time: set due after opensAt');
      if (due > duration) report.error([...path, 'due'], `the deadline ${task.due} is after the scenario ends (${scenario.duration})`, 'move it earlier, or make duration longer');
    } else if (!openedByBranch.has(task.id)) {
      report.error([...path], `task "${task.id}" never opens: it has no opensAt and no branch opens it`, 'add opensAt, or list it in a branch\'s then.openTasks');
    }
    task.requires.keyMessages.forEach((id, i) => {
      if (!keyMessageIds.has(id)) report.error([...path, 'requires', 'keyMessages', i], `no key message has the id "${id}"`, hintFrom(id, [...keyMessageIds]));
    });
    task.requires.facts.forEach((id, i) => {
      if (!factIds.has(id)) report.error([...path, 'requires', 'facts', i], `no fact has the id "${id}"`, hintFrom(id, [...factIds]));
    });
    task.requires.hashtags.forEach((tag, i) => {
      if (!approved.has(tag.toLowerCase())) report.error([...path, 'requires', 'hashtags', i], `${tag} is not an approved hashtag of this scenario`, 'add it to policy.hashtags.approved');
    });
    const account = accountById.get(task.account);
    const answerLanguages = account?.audienceLanguage ? [account.audienceLanguage] : languages;
    for (const language of answerLanguages) {
      if (!task.modelAnswer[language]) report.error([...path, 'modelAnswer'], `the model answer has no "${language}" version`, account?.audienceLanguage ? `the account ${account.id} is read in ${language}` : `the scenario is played in ${languages.join(', ')}`);
    }
    const calibrationIds = new Set<string>();
    task.calibration.forEach((draft, i) => {
      if (calibrationIds.has(draft.id)) report.error([...path, 'calibration', i, 'id'], `another calibration draft of this task already has the id "${draft.id}"`);
      calibrationIds.add(draft.id);
      if (!languages.includes(draft.language)) report.error([...path, 'calibration', i, 'language'], `"${draft.language}" is not one of the scenario's languages (${languages.join(', ')})`);
    });
  });

  scenario.branches.forEach((branch, b) => {
    const conditions = branch.when.all ?? branch.when.any ?? [];
    conditions.forEach((condition, c) => {
      const path: PathSegment[] = ['branches', b, 'when', branch.when.all ? 'all' : 'any', c];
      if ('task' in condition && !taskIds.has(condition.task)) report.error([...path, 'task'], `no task has the id "${condition.task}"`, hintFrom(condition.task, [...taskIds]));
      if ('time' in condition && offsetMinutes(condition.time) > duration) report.error([...path, 'time'], `${condition.time} is after the scenario ends (${scenario.duration}): the branch can never fire`);
    });
    branch.then.openTasks.forEach((id, i) => {
      if (!taskIds.has(id)) report.error(['branches', b, 'then', 'openTasks', i], `no task has the id "${id}"`, hintFrom(id, [...taskIds]));
    });
    if (!branch.then.injects.length && !branch.then.openTasks.length && !branch.then.end) {
      report.error(['branches', b, 'then'], 'the branch does nothing', 'give it injects, openTasks or end');
    }
  });

  for (const [mood, replies] of Object.entries(scenario.audience.replies)) {
    (replies ?? []).forEach((reply, index) => {
      if (reply.persona !== undefined && !personaIds.has(reply.persona)) {
        report.error(['audience', 'replies', mood, index, 'persona'], `no persona has the id "${reply.persona}"`, hintFrom(reply.persona, [...personaIds]));
      }
    });
  }
}
