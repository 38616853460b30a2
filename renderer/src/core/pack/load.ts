// Runtime: any (pure core). Loads a pack from its files (a folder read by the CLI, an archive, or
// files the user picked) and validates everything: each file against the format, then every
// cross-reference. Never trusts its input and never throws on it: problems become diagnostics.
// The work is bounded whatever the input: every limit (limits.ts) is checked before the work it
// bounds, ids are indexed once per scenario, "did you mean" hints are computed a fixed number of
// times (hints.ts), and at most a fixed number of problems are listed (diagnostics.ts).
import type { z } from 'zod';
import { RULES_BY_ID } from '../grading/catalog';
import type { PackFiles } from './archive';
import { contentHash } from './archive';
import type { Diagnostic, PathSegment } from './diagnostics';
import { diagnostic, DiagnosticList, formatPath } from './diagnostics';
import { Hints, KnownNames } from './hints';
import type { PackLimitOverrides, PackLimits } from './limits';
import { resolveLimits } from './limits';
import type { Said } from './message';
import { amount, count, counted, list, name, quote, say, verbatim } from './message';
import { pathProblem } from './paths';
import type { Course, PackManifest, Persona, Scenario } from './schema';
import { createPackSchemas, offsetMinutes, packSchemas } from './schema';
import { collectFieldNames, reportIssues } from './schema-issues';
import type { SourceFile } from './yaml';
import type { YamlCache } from './yaml';
import { parseYaml, positionOf } from './yaml';
import isNewerVersion from 'semver/functions/gt.js';

export type { PackLimitOverrides, PackLimits } from './limits';
export { PACK_LIMITS } from './limits';

export interface LoadOptions {
  /** The running app's version, checked against the pack's minAppVersion. */
  appVersion: string;
  limits?: PackLimitOverrides;
  /** Parsed files kept between loads of the same pack being edited (the studio's checker). */
  yamlCache?: YamlCache;
}

export interface Pack {
  manifest: PackManifest;
  personas: Persona[];
  courses: Course[];
  scenarios: Scenario[];
  media: Map<string, Uint8Array>;
  /** SHA-256 of the pack's files (`contentHash` in archive.ts): the same for the folder and its archive. */
  contentHash: string;
}

export interface LoadResult {
  pack: Pack | null;
  /** The problems found, at most DiagnosticLimits.total and .perFile listed, the rest counted. */
  diagnostics: Diagnostic[];
}

const MEDIA_EXTENSIONS = /\.(png|jpe?g|gif|webp|svg|mp3|ogg|mp4|webm)$/i;
const YAML_FILE = /^(pack|personas|courses)\.yaml$|^scenarios\/[^/]+\.yaml$/;
const fieldNames = new KnownNames(
  collectFieldNames(packSchemas.scenario).concat(
    collectFieldNames(packSchemas.pack),
    collectFieldNames(packSchemas.personasFile),
    collectFieldNames(packSchemas.coursesFile),
  ),
);
const KNOWN_RULES = new KnownNames(RULES_BY_ID.keys());

// Schemas are built per list of languages; a pack's scenarios rarely declare more than two or three
// lists, and the cache is emptied when a hostile pack declares many.
const SCHEMA_CACHE_SIZE = 16;
const schemaCache = new Map<string, ReturnType<typeof createPackSchemas>>();
function schemasFor(languages: readonly string[]) {
  const key = languages.join(',');
  let schemas = schemaCache.get(key);
  if (!schemas) {
    if (schemaCache.size >= SCHEMA_CACHE_SIZE) schemaCache.clear();
    schemas = createPackSchemas({ languages });
    schemaCache.set(key, schemas);
  }
  return schemas;
}

/** Why paths.ts refuses a file's name, in words to translate (its English, word for word). */
const PATH_REASONS: ReadonlyMap<string, Said> = new Map(
  [
    say`is empty`,
    say`is "__proto__", which ZIP tools cannot store`,
    say`contains invisible control characters`,
    say`is not valid text`,
    say`uses backslashes (\\); paths in a pack use forward slashes`,
    say`is an absolute path (it starts with "/")`,
    say`starts with a Windows drive letter`,
    say`points outside the pack folder ("..")`,
    say`contains a "." folder`,
    say`contains an empty folder name ("//" or a trailing "/")`,
    say`contains a character that Windows does not allow (< > : " | ? *)`,
    say`has a part that ends with a dot or a space, which Windows does not allow`,
    say`has a part that Windows reserves for devices (such as CON or NUL)`,
  ].map((reason) => [reason.en, reason]),
);

function pathReason(reason: string): Said {
  const known = PATH_REASONS.get(reason);
  if (known) return known;
  const limit = /^(is longer than|is nested deeper than|has a part longer than) (\d+) (.*)$/.exec(reason);
  if (limit) {
    const n = amount(Number(limit[2]));
    const said =
      limit[1] === 'is longer than'
        ? say`is longer than ${n} characters`
        : limit[1] === 'is nested deeper than'
          ? say`is nested deeper than ${n} levels`
          : say`has a part longer than ${n} bytes, which file systems do not hold`;
    if (said.en === reason) return said;
  }
  return verbatim(reason);
}

/** Everything one load shares: where problems go and the hint budget. */
interface LoadContext {
  out: DiagnosticList;
  hints: Hints;
  limits: PackLimits;
  yamlCache?: YamlCache;
}

function fileProblem(out: DiagnosticList, file: string, message: Said, hint?: Said, severity: Diagnostic['severity'] = 'error'): void {
  out.report(file, () => diagnostic({ severity, file, message, ...(hint ? { hint } : {}) }), severity);
}

/** Reports problems at positions inside one parsed file; a position is found only for a problem that is listed. */
class Reporter {
  constructor(
    private readonly source: SourceFile,
    private readonly context: LoadContext,
  ) {}

  get hints(): Hints {
    return this.context.hints;
  }

  error(path: readonly PathSegment[], message: Said, hint?: Said | (() => Said), atKey = false): void {
    this.context.out.report(this.source.file, () => {
      const { line, column } = positionOf(this.source, path, atKey);
      const words = typeof hint === 'function' ? hint() : hint;
      return diagnostic({ file: this.source.file, line, column, path: formatPath(path), message, ...(words ? { hint: words } : {}) });
    });
  }

  /** A reference to an id that does not exist, with the id probably meant. */
  dangling(path: readonly PathSegment[], id: string, known: KnownNames, what: Said): void {
    this.error(path, say`no ${what} has the id ${quote(id)}`, () => this.context.hints.forReference(id, known, what));
  }
}

interface ParsedFile<T> {
  value: T;
  source: SourceFile;
}

function readYaml(files: PackFiles, file: string, context: LoadContext): ParsedFile<unknown> | null {
  const bytes = files.get(file);
  if (!bytes) return null;
  const { maxFileBytes } = context.limits.yaml;
  if (bytes.length > maxFileBytes) {
    fileProblem(
      context.out,
      file,
      say`the file is ${count(bytes.length)} bytes; at most ${count(maxFileBytes)} are read`,
      say`split it, or move long texts into several files`,
    );
    return null;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    fileProblem(context.out, file, say`the file is not UTF-8 text`, say`save it as UTF-8`);
    return null;
  }
  const parsed = context.yamlCache ? context.yamlCache.parse(file, text, context.limits.yaml) : parseYaml(file, text, context.limits.yaml);
  context.out.addAll(parsed.diagnostics);
  return parsed.source ? { value: parsed.value, source: parsed.source } : null;
}

function validate<T>(
  raw: ParsedFile<unknown> | null,
  schema: z.ZodType<T>,
  languages: readonly string[],
  languagesFrom: 'pack' | 'scenario',
  context: LoadContext,
): ParsedFile<T> | null {
  if (!raw) return null;
  const result = schema.safeParse(raw.value, { reportInput: true });
  if (!result.success) {
    reportIssues(result.error.issues, { source: raw.source, knownFields: fieldNames, languages, languagesFrom, hints: context.hints }, context.out);
    return null;
  }
  return { value: result.data, source: raw.source };
}

/**
 * The `languages` a document declares, when it declares them well enough to validate the rest
 * against; more than the limit allows are refused here, before a schema is built for them.
 */
function declaredLanguages(raw: ParsedFile<unknown> | null, context: LoadContext): string[] | null {
  const value = raw?.value;
  const languages = value && typeof value === 'object' && !Array.isArray(value) ? (value as { languages?: unknown }).languages : undefined;
  if (!raw || !Array.isArray(languages) || !languages.length || !languages.every((l) => typeof l === 'string' && /^[a-z]{2}$/.test(l))) return null;
  // A repeated language adds nothing to check against.
  const unique = [...new Set(languages as string[])];
  const { maxLanguages } = context.limits;
  if (unique.length > maxLanguages) {
    new Reporter(raw.source, context).error(
      ['languages'],
      say`${counted(unique.length, 'language')} are declared; at most ${count(maxLanguages)} are read`,
      say`keep the languages the pack is really played in`,
    );
    return null;
  }
  return unique;
}

export function loadPack(files: PackFiles, options: LoadOptions): LoadResult {
  const limits = resolveLimits(options.limits);
  options.yamlCache?.startLoad();
  const context: LoadContext = {
    out: new DiagnosticList(limits.diagnostics),
    hints: new Hints(limits.diagnostics),
    limits,
    ...(options.yamlCache ? { yamlCache: options.yamlCache } : {}),
  };
  const { out } = context;
  const refuse = (): LoadResult => ({ pack: null, diagnostics: out.list() });

  if (files.size > limits.maxFiles) {
    fileProblem(out, '.', say`the pack has ${count(files.size)} files; at most ${count(limits.maxFiles)} are read`, say`remove files the pack does not use`);
    return refuse();
  }
  let total = 0;
  let yamlBytes = 0;
  const scenarioFiles: string[] = [];
  const media = new Map<string, Uint8Array>();
  for (const [path, bytes] of files) {
    total += bytes.length;
    const pathTrouble = pathProblem(path);
    if (pathTrouble !== null) {
      fileProblem(out, path, say`the file's name ${pathReason(pathTrouble)}`, say`rename it: paths are relative, with / between folders and no ".." parts`);
      continue;
    }
    if (YAML_FILE.test(path)) yamlBytes += bytes.length;
    if (path === 'pack.yaml' || path === 'personas.yaml' || path === 'courses.yaml') {
      continue;
    } else if (/^scenarios\/[^/]+\.yaml$/.test(path)) {
      scenarioFiles.push(path);
    } else if (path.startsWith('media/')) {
      if (!MEDIA_EXTENSIONS.test(path)) fileProblem(out, path, say`not a supported media file`, say`use png, jpg, gif, webp, svg, mp3, ogg, mp4 or webm`);
      else if (bytes.length > limits.maxMediaBytes)
        fileProblem(
          out,
          path,
          say`the file is ${count(bytes.length)} bytes; media files may have at most ${count(limits.maxMediaBytes)}`,
          say`make it smaller`,
        );
      else media.set(path, bytes);
    } else if (/^[^/]+\.(md|txt)$/i.test(path) || path === 'LICENSE') {
      continue;
    } else {
      fileProblem(
        out,
        path,
        say`this file is not part of the pack format and is ignored`,
        say`scenarios go in scenarios/<id>.yaml, images and sound in media/`,
        'warning',
      );
    }
  }
  if (total > limits.maxTotalBytes) {
    fileProblem(out, '.', say`the pack holds ${count(total)} bytes; at most ${count(limits.maxTotalBytes)} are read`, say`make the media smaller`);
    return refuse();
  }
  if (scenarioFiles.length > limits.maxScenarioFiles) {
    fileProblem(
      out,
      'scenarios/',
      say`the pack has ${counted(scenarioFiles.length, 'scenario file')}; at most ${count(limits.maxScenarioFiles)} are read`,
      say`split the pack into several packs`,
    );
    return refuse();
  }
  if (yamlBytes > limits.maxYamlBytes) {
    fileProblem(
      out,
      '.',
      say`the pack's YAML files hold ${count(yamlBytes)} bytes; at most ${count(limits.maxYamlBytes)} are read`,
      say`split the pack into several packs`,
    );
    return refuse();
  }
  if (!files.has('pack.yaml')) {
    fileProblem(out, 'pack.yaml', say`the pack has no pack.yaml`, say`every pack starts with pack.yaml: id, version, title, languages…`);
    return refuse();
  }
  if (!scenarioFiles.length) fileProblem(out, 'scenarios/', say`the pack has no scenario`, say`add one file per scenario: scenarios/<scenario-id>.yaml`);

  const rawManifest = readYaml(files, 'pack.yaml', context);
  const packLanguages = declaredLanguages(rawManifest, context) ?? ['en'];
  const packSchemasForLanguages = schemasFor(packLanguages);
  const manifest = validate(rawManifest, packSchemasForLanguages.pack, packLanguages, 'pack', context);
  const personasFile = validate(readYaml(files, 'personas.yaml', context), packSchemasForLanguages.personasFile, packLanguages, 'pack', context);
  const coursesFile = validate(readYaml(files, 'courses.yaml', context), packSchemasForLanguages.coursesFile, packLanguages, 'pack', context);

  if (manifest && isNewerVersion(manifest.value.minAppVersion, options.appVersion)) {
    new Reporter(manifest.source, context).error(
      ['minAppVersion'],
      say`the pack needs Attaché ${name(manifest.value.minAppVersion, 40)} or newer; this is ${name(options.appVersion, 40)}`,
      say`update Attaché, or ask the pack author for a version made for yours`,
    );
  }

  const packPersonas = personasFile?.value.personas ?? [];
  if (personasFile) checkUnique(personasFile.value.personas, ['personas'], new Reporter(personasFile.source, context), say`persona`);

  const scenarios: Array<ParsedFile<Scenario>> = [];
  const languageLists = new Set<string>([packLanguages.join(',')]);
  scenarioFiles.sort();
  for (const [index, file] of scenarioFiles.entries()) {
    // Past the number of errors worth listing, the rest of the pack is not worth the work.
    if (out.errorsFound >= limits.diagnostics.total) {
      const left = scenarioFiles.length - index;
      out.addNotice(
        diagnostic({
          file: 'scenarios/',
          message: say`${counted(left, 'scenario file was', 'scenario files were')} not checked: the pack has over ${count(limits.diagnostics.total)} errors already`,
          hint: say`fix the problems listed and check again`,
        }),
      );
      break;
    }
    const raw = readYaml(files, file, context);
    const own = declaredLanguages(raw, context);
    const languages = own ?? packLanguages;
    const languageList = languages.join(',');
    if (raw && !languageLists.has(languageList)) {
      if (languageLists.size >= limits.maxLanguageLists) {
        new Reporter(raw.source, context).error(
          ['languages'],
          say`the pack's scenarios declare more than ${count(limits.maxLanguageLists)} different lists of languages`,
          say`leave languages out of the scenarios to use the pack's, or use the same list in each`,
        );
        continue;
      }
      languageLists.add(languageList);
    }
    const parsed = validate(raw, schemasFor(languages).scenario, languages, own ? 'scenario' : 'pack', context);
    if (!parsed) continue;
    scenarios.push(parsed);
    const report = new Reporter(parsed.source, context);
    const expectedName = `scenarios/${parsed.value.id}.yaml`;
    if (file !== expectedName) report.error(['id'], say`the scenario ${quote(parsed.value.id)} is in ${name(file)}`, say`name the file ${name(expectedName)}`);
    for (const [position, language] of languages.entries()) {
      if (!packLanguages.includes(language))
        report.error(
          ['languages', position],
          say`${quote(language)} is not one of the pack's languages (${list(packLanguages)})`,
          say`add it to languages in pack.yaml`,
        );
    }
    checkScenario(parsed.value, languages, packPersonas, media, report);
  }

  const scenarioIds = new Map<string, number>();
  for (const scenario of scenarios) {
    const seen = scenarioIds.get(scenario.value.id) ?? 0;
    if (seen)
      new Reporter(scenario.source, context).error(
        ['id'],
        say`another scenario already has the id ${quote(scenario.value.id)}`,
        say`give each scenario its own id`,
      );
    scenarioIds.set(scenario.value.id, seen + 1);
  }

  if (coursesFile) {
    const report = new Reporter(coursesFile.source, context);
    checkUnique(coursesFile.value.courses, ['courses'], report, say`course`);
    const knownScenarios = new KnownNames(scenarioIds.keys());
    coursesFile.value.courses.forEach((course, courseIndex) => {
      course.scenarios.forEach((scenarioId, index) => {
        if (!scenarioIds.has(scenarioId) && scenarios.length === scenarioFiles.length) {
          report.dangling(['courses', courseIndex, 'scenarios', index], scenarioId, knownScenarios, say`scenario`);
        }
      });
    });
  }
  if (personasFile && manifest) checkPersonaMedia(personasFile.value.personas, ['personas'], media, new Reporter(personasFile.source, context));

  const diagnostics = out.list();
  if (out.hasErrors() || !manifest) return { pack: null, diagnostics };
  return {
    pack: {
      manifest: manifest.value,
      personas: packPersonas,
      courses: coursesFile?.value.courses ?? [],
      scenarios: scenarios.map((s) => s.value),
      media,
      contentHash: contentHash(files),
    },
    diagnostics,
  };
}

/** Reports repeated ids; returns the ids, indexed once for every later lookup and hint. */
function checkUnique(items: ReadonlyArray<{ id: string }>, path: readonly PathSegment[], report: Reporter, what: Said): KnownNames {
  const ids = new Set<string>();
  items.forEach((item, index) => {
    if (ids.has(item.id)) report.error([...path, index, 'id'], say`another ${what} already has the id ${quote(item.id)}`, say`give each ${what} its own id`);
    ids.add(item.id);
  });
  return new KnownNames(ids);
}

function checkRubric(rules: Record<string, unknown> | undefined, path: readonly PathSegment[], report: Reporter): void {
  for (const id of Object.keys(rules ?? {})) {
    if (RULES_BY_ID.has(id)) continue;
    report.error(
      [...path, id],
      say`the grader has no rule ${quote(id)}`,
      () => {
        const near = report.hints.nearest(id, KNOWN_RULES);
        return near
          ? say`did you mean ${quote(near)}?`
          : say`use a rule id the grader knows, e.g. ${list(KNOWN_RULES.neighbours(id, 3), { maxItems: 3 })}; the studio's Rubric view lists them all`;
      },
      true,
    );
  }
}

function checkPersonaMedia(personas: readonly Persona[], path: readonly PathSegment[], media: ReadonlyMap<string, Uint8Array>, report: Reporter): void {
  personas.forEach((persona, index) => {
    if (persona.avatar && !media.has(persona.avatar))
      report.error(
        [...path, index, 'avatar'],
        say`no media file ${name(persona.avatar)} in the pack`,
        say`put the image in media/ and give its path, e.g. media/lena.png`,
      );
  });
}

/**
 * Live streams: a live inject carries its stream and nothing else does; the stream ends in the
 * scenario's time, its viewer counts are in order and its comments fall within it; a comment id is
 * unique among the scenario's inject and comment ids (a reply task may answer it); a moderation
 * task names a stream, and only a moderation task does. Returns the comment ids, for replyTo.
 */
function checkLiveStreams(
  scenario: Scenario,
  allInjects: ReadonlyArray<{ inject: Scenario['timeline'][number]; path: PathSegment[] }>,
  personaIds: KnownNames,
  report: Reporter,
): Set<string> {
  const duration = offsetMinutes(scenario.duration);
  const injectIds = new Set(allInjects.map(({ inject }) => inject.id));
  const commentIds = new Set<string>();
  const streams = new Map<string, Scenario['timeline'][number]>();
  for (const { inject, path } of allInjects) {
    if (inject.type === 'live' && !inject.live) {
      report.error(
        [...path, 'type'],
        say`a live inject needs a "live" block: how long the stream runs, its viewers and its comments`,
        say`add live: { length: "0:20", viewers: [{ after: "0:00", count: 100 }], comments: [] }`,
      );
      continue;
    }
    if (!inject.live) continue;
    if (inject.type !== 'live') {
      report.error(
        [...path, 'live'],
        say`only a live inject has a "live" block; this one is a ${quote(inject.type)}`,
        say`make it type: live, or remove the live block`,
      );
      continue;
    }
    streams.set(inject.id, inject);
    const length = offsetMinutes(inject.live.length);
    const lengthText = name(inject.live.length, 12);
    if (length <= 0) report.error([...path, 'live', 'length'], say`the stream lasts no time`, say`give it a length, e.g. "0:20"`);
    // A branch's inject counts from when the branch fires, so only a scheduled one can be checked against the end.
    if (path[0] === 'timeline' && offsetMinutes(inject.at) + length > duration)
      report.error(
        [...path, 'live', 'length'],
        say`the stream runs past the scenario's end (${name(scenario.duration, 12)})`,
        say`make the stream shorter, start it earlier, or make duration longer`,
      );
    let previous = -1;
    inject.live.viewers.forEach((point, index) => {
      const after = offsetMinutes(point.after);
      if (after < previous)
        report.error(
          [...path, 'live', 'viewers', index, 'after'],
          say`the viewer counts are out of order: ${name(point.after, 12)} comes after a later one`,
          say`keep viewers sorted by "after"`,
        );
      previous = Math.max(previous, after);
      if (after > length)
        report.error(
          [...path, 'live', 'viewers', index, 'after'],
          say`${name(point.after, 12)} is after the stream ends (its length is ${lengthText})`,
          say`move it earlier, or make the stream longer`,
        );
    });
    inject.live.comments.forEach((comment, index) => {
      const at: PathSegment[] = [...path, 'live', 'comments', index];
      if (injectIds.has(comment.id) || commentIds.has(comment.id))
        report.error(
          [...at, 'id'],
          say`another inject or live comment already has the id ${quote(comment.id)}`,
          say`give each comment an id of its own in the scenario (a reply task names it in replyTo)`,
        );
      commentIds.add(comment.id);
      if (offsetMinutes(comment.after) > length)
        report.error(
          [...at, 'after'],
          say`the comment comes at ${name(comment.after, 12)}, after the stream ends (its length is ${lengthText})`,
          say`move it earlier, or make the stream longer`,
        );
      if (comment.persona !== undefined && !personaIds.has(comment.persona)) report.dangling([...at, 'persona'], comment.persona, personaIds, say`persona`);
    });
  }
  const streamIds = new KnownNames(streams.keys());
  scenario.tasks.forEach((task, index) => {
    const path: PathSegment[] = ['tasks', index];
    if (task.kind !== 'moderation') {
      if (task.stream !== undefined)
        report.error(
          [...path, 'stream'],
          say`only a moderation task has a "stream"; this one is a ${quote(task.kind)}`,
          say`make it kind: moderation, or remove stream`,
        );
      return;
    }
    if (task.stream === undefined) {
      report.error([...path, 'kind'], say`a moderation task needs "stream": the live inject whose comments are moderated`, say`add stream: <live inject id>`);
      return;
    }
    const stream = streams.get(task.stream);
    if (!stream) report.dangling([...path, 'stream'], task.stream, streamIds, say`live inject`);
    else if (stream.account !== task.account)
      report.error(
        [...path, 'account'],
        say`the stream ${quote(stream.id)} is on ${quote(stream.account)}, not on this task's account`,
        say`give the task account: ${verbatim(stream.account)}`,
      );
  });
  return commentIds;
}

/**
 * Clearance by headquarters: whoever requires it needs someone to answer, a headquarters persona,
 * soon enough that a cleared publication can still be in time.
 */
function checkClearance(scenario: Scenario, personas: readonly Persona[], personaIds: KnownNames, report: Reporter): void {
  const settings = scenario.clearance;
  const requirers: PathSegment[][] = [
    ...scenario.accounts.flatMap((account, index): PathSegment[][] => (account.clearance ? [['accounts', index, 'clearance']] : [])),
    ...scenario.tasks.flatMap((task, index): PathSegment[][] => (task.clearance ? [['tasks', index, 'clearance']] : [])),
  ];
  if (!settings) {
    // Once is enough: every requirer has the same fix.
    if (requirers.length)
      report.error(
        requirers[0]!,
        say`clearance by headquarters is required here, but the scenario has no "clearance" block saying who answers`,
        say`add to the scenario: clearance: { reviewer: <headquarters persona id>, delay: "0:05", extra: "0:05" }`,
      );
    return;
  }
  const reviewer = personas.find((persona) => persona.id === settings.reviewer);
  if (!reviewer) report.dangling(['clearance', 'reviewer'], settings.reviewer, personaIds, say`persona`);
  else if (reviewer.role !== 'headquarters')
    report.error(
      ['clearance', 'reviewer'],
      say`the reviewer ${quote(reviewer.id)} is not a headquarters persona`,
      say`give the persona role: headquarters, or name another reviewer`,
    );
  const delay = offsetMinutes(settings.delay);
  const duration = offsetMinutes(scenario.duration);
  if (delay <= 0) report.error(['clearance', 'delay'], say`headquarters cannot answer the moment a draft is sent`, say`give delay at least "0:01"`);
  else if (delay + offsetMinutes(settings.extra) >= duration)
    report.error(
      ['clearance', 'extra'],
      say`headquarters may answer only after the scenario has ended (${name(scenario.duration, 12)})`,
      say`make delay and extra shorter together than the scenario's duration`,
    );
  scenario.tasks.forEach((task, index) => {
    const required = task.clearance || scenario.accounts.some((account) => account.id === task.account && account.clearance);
    if (!required || delay <= 0) return;
    // A branch-opened task's due counts from its opening; a scheduled one's from the start.
    const window = offsetMinutes(task.due) - (task.opensAt === undefined ? 0 : offsetMinutes(task.opensAt));
    if (window > 0 && delay >= window)
      report.error(
        ['tasks', index, 'due'],
        say`this task needs clearance, but headquarters takes at least ${name(settings.delay, 12)}: a cleared publication can never be in time`,
        say`give the task more time, or make the clearance delay shorter`,
      );
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
  const ends = name(scenario.duration, 12);
  const accountIds = checkUnique(scenario.accounts, ['accounts'], report, say`account`);
  const factIds = checkUnique(scenario.facts, ['facts'], report, say`fact`);
  const keyMessageIds = checkUnique(scenario.policy.keyMessages, ['policy', 'keyMessages'], report, say`key message`);
  scenario.policy.keyMessages.forEach((message, index) => {
    if (message.coveredByFact && !factIds.has(message.coveredByFact))
      report.dangling(['policy', 'keyMessages', index, 'coveredByFact'], message.coveredByFact, factIds, say`fact`);
  });
  checkUnique(scenario.policy.redLines, ['policy', 'redLines'], report, say`red line`);
  checkUnique(scenario.policy.terminology, ['policy', 'terminology'], report, say`term`);
  const scenarioPersonaIds = checkUnique(scenario.personas, ['personas'], report, say`persona`);
  const personaIds = new KnownNames([...packPersonas.map((p) => p.id), ...scenarioPersonaIds.sorted]);
  checkPersonaMedia(scenario.personas, ['personas'], media, report);
  checkClearance(scenario, [...packPersonas, ...scenario.personas], personaIds, report);
  const taskIds = checkUnique(scenario.tasks, ['tasks'], report, say`task`);
  checkUnique(scenario.branches, ['branches'], report, say`branch`);
  checkRubric(scenario.rubric?.rules, ['rubric', 'rules'], report);
  scenario.tasks.forEach((task, index) => checkRubric(task.rubric?.rules, ['tasks', index, 'rubric', 'rules'], report));
  const scenarioLanguages = list(languages);

  scenario.accounts.forEach((account, index) => {
    if (account.audienceLanguage && !languages.includes(account.audienceLanguage)) {
      report.error(
        ['accounts', index, 'audienceLanguage'],
        say`${quote(account.audienceLanguage)} is not one of the scenario's languages (${scenarioLanguages})`,
        say`add it to the scenario's languages, or remove audienceLanguage to follow the trainee's language`,
      );
    }
  });

  // Every inject, scheduled or brought by a branch, with where it is written.
  const injects = new Map<string, { path: PathSegment[]; fromBranch: boolean }>();
  const allInjects: Array<{ inject: Scenario['timeline'][number]; path: PathSegment[] }> = [];
  scenario.timeline.forEach((inject, index) => allInjects.push({ inject, path: ['timeline', index] }));
  scenario.branches.forEach((branch, b) =>
    branch.then.injects.forEach((inject, index) => allInjects.push({ inject, path: ['branches', b, 'then', 'injects', index] })),
  );
  for (const { inject, path } of allInjects) {
    if (injects.has(inject.id)) report.error([...path, 'id'], say`another inject already has the id ${quote(inject.id)}`, say`give each inject its own id`);
    else injects.set(inject.id, { path, fromBranch: path[0] === 'branches' });
  }
  const injectIds = new KnownNames(injects.keys());
  const commentIds = checkLiveStreams(scenario, allInjects, personaIds, report);

  let previous = -1;
  scenario.timeline.forEach((inject, index) => {
    const at = offsetMinutes(inject.at);
    if (at < previous)
      report.error(
        ['timeline', index, 'at'],
        say`the timeline is out of order: ${name(inject.at, 12)} comes after a later inject`,
        say`keep the timeline sorted by "at"`,
      );
    previous = Math.max(previous, at);
    if (at > duration)
      report.error(['timeline', index, 'at'], say`${name(inject.at, 12)} is after the scenario ends (${ends})`, say`move it earlier, or make duration longer`);
  });
  for (const { inject, path } of allInjects) {
    if (!personaIds.has(inject.persona)) report.dangling([...path, 'persona'], inject.persona, personaIds, say`persona`);
    if (!accountIds.has(inject.account)) report.dangling([...path, 'account'], inject.account, accountIds, say`account`);
    if (inject.replyTo !== undefined) {
      if (!injects.has(inject.replyTo)) report.dangling([...path, 'replyTo'], inject.replyTo, injectIds, say`inject`);
      else if (inject.replyTo === inject.id) report.error([...path, 'replyTo'], say`an inject cannot reply to itself`);
    }
    if (inject.type === 'reply' && inject.replyTo === undefined)
      report.error([...path, 'replyTo'], say`a reply needs "replyTo": the inject it answers`, say`add replyTo: <inject id>, or make it a post`);
    inject.media?.forEach((item, index) => {
      if (!media.has(item.file))
        report.error(
          [...path, 'media', index, 'file'],
          say`no media file ${name(item.file)} in the pack`,
          say`put it in media/ and give its path, e.g. media/photo.png`,
        );
    });
  }

  const openedByBranch = new Set(scenario.branches.flatMap((branch) => branch.then.openTasks));
  const accountById = new Map(scenario.accounts.map((account) => [account.id, account]));
  const approved = new Set(scenario.policy.hashtags.approved.map((tag) => tag.toLowerCase()));
  scenario.tasks.forEach((task, index) => {
    const path: PathSegment[] = ['tasks', index];
    if (!accountIds.has(task.account)) report.dangling([...path, 'account'], task.account, accountIds, say`account`);
    if (task.kind === 'reply') {
      if (task.replyTo === undefined)
        report.error([...path, 'replyTo'], say`a reply task needs "replyTo": the inject the trainee answers`, say`add replyTo: <inject id>`);
    }
    if (task.replyTo !== undefined && !injects.has(task.replyTo) && !commentIds.has(task.replyTo))
      report.dangling([...path, 'replyTo'], task.replyTo, new KnownNames([...injects.keys(), ...commentIds]), say`inject or live comment`);
    if (task.kind === 'direct-message' && task.recipient === undefined)
      report.error([...path, 'recipient'], say`a direct message needs a "recipient" persona`, say`add recipient: <persona id>`);
    if (task.recipient !== undefined && !personaIds.has(task.recipient)) report.dangling([...path, 'recipient'], task.recipient, personaIds, say`persona`);
    checkReportTask(task, path, report);
    const due = offsetMinutes(task.due);
    const dueText = name(task.due, 12);
    if (task.opensAt !== undefined) {
      const opens = offsetMinutes(task.opensAt);
      const opensText = name(task.opensAt, 12);
      if (openedByBranch.has(task.id))
        report.error(
          [...path, 'opensAt'],
          say`this task opens at a set time and also by a branch`,
          say`remove opensAt to open it only by the branch, or remove it from the branch's openTasks`,
        );
      if (opens >= duration)
        report.error(
          [...path, 'opensAt'],
          say`the task opens at ${opensText}, when the scenario has ended (${ends}): no one can reach it`,
          say`open it earlier`,
        );
      if (due <= opens)
        report.error(
          [...path, 'due'],
          say`the deadline ${dueText} is not after the task opens (${opensText})`,
          say`give the trainee time: set due after opensAt`,
        );
      if (due > duration)
        report.error([...path, 'due'], say`the deadline ${dueText} is after the scenario ends (${ends})`, say`move it earlier, or make duration longer`);
    } else if (!openedByBranch.has(task.id)) {
      report.error(
        [...path],
        say`task ${quote(task.id)} never opens: it has no opensAt and no branch opens it`,
        say`add opensAt, or list it in a branch's then.openTasks`,
      );
    }
    task.requires.keyMessages.forEach((id, i) => {
      if (!keyMessageIds.has(id)) report.dangling([...path, 'requires', 'keyMessages', i], id, keyMessageIds, say`key message`);
    });
    task.requires.facts.forEach((id, i) => {
      if (!factIds.has(id)) report.dangling([...path, 'requires', 'facts', i], id, factIds, say`fact`);
    });
    task.requires.hashtags.forEach((tag, i) => {
      if (!approved.has(tag.toLowerCase()))
        report.error(
          [...path, 'requires', 'hashtags', i],
          say`${name(tag, 48)} is not an approved hashtag of this scenario`,
          say`add it to policy.hashtags.approved`,
        );
    });
    const account = accountById.get(task.account);
    const answerLanguages = account?.audienceLanguage ? [account.audienceLanguage] : languages;
    for (const language of answerLanguages) {
      if (!task.modelAnswer[language]) {
        report.error(
          [...path, 'modelAnswer'],
          say`the model answer has no ${quote(language)} version`,
          account?.audienceLanguage
            ? say`the account ${name(account.id)} is read in ${name(language, 8)}`
            : say`the scenario is played in ${scenarioLanguages}`,
        );
      }
    }
    const calibrationIds = new Set<string>();
    task.calibration.forEach((draft, i) => {
      if (calibrationIds.has(draft.id))
        report.error(
          [...path, 'calibration', i, 'id'],
          say`another calibration draft of this task already has the id ${quote(draft.id)}`,
          say`give each draft its own id`,
        );
      calibrationIds.add(draft.id);
      if (!languages.includes(draft.language))
        report.error(
          [...path, 'calibration', i, 'language'],
          say`${quote(draft.language)} is not one of the scenario's languages (${scenarioLanguages})`,
          say`write the draft in one of them`,
        );
    });
  });

  scenario.branches.forEach((branch, b) => {
    const conditions = branch.when.all ?? branch.when.any ?? [];
    conditions.forEach((condition, c) => {
      const path: PathSegment[] = ['branches', b, 'when', branch.when.all ? 'all' : 'any', c];
      if ('task' in condition && !taskIds.has(condition.task)) report.dangling([...path, 'task'], condition.task, taskIds, say`task`);
      if ('time' in condition && offsetMinutes(condition.time) > duration)
        report.error(
          [...path, 'time'],
          say`${name(condition.time, 12)} is after the scenario ends (${ends}): the branch can never fire`,
          say`move it earlier, or make duration longer`,
        );
    });
    branch.then.openTasks.forEach((id, i) => {
      if (!taskIds.has(id)) report.dangling(['branches', b, 'then', 'openTasks', i], id, taskIds, say`task`);
    });
    if (!branch.then.injects.length && !branch.then.openTasks.length && !branch.then.end) {
      report.error(['branches', b, 'then'], say`the branch does nothing`, say`give it injects, openTasks or end`);
    }
  });

  checkTargets(scenario, accountIds, duration, report);

  for (const [mood, replies] of Object.entries(scenario.audience.replies)) {
    (replies ?? []).forEach((reply, index) => {
      const path: PathSegment[] = ['audience', 'replies', mood, index];
      if (reply.persona !== undefined && !personaIds.has(reply.persona)) report.dangling([...path, 'persona'], reply.persona, personaIds, say`persona`);
      // A reply's ties keep it from speaking of what has not happened yet: each must name something real.
      if (reply.inject !== undefined && !injects.has(reply.inject)) report.dangling([...path, 'inject'], reply.inject, injectIds, say`inject`);
      if (reply.task !== undefined && !taskIds.has(reply.task)) report.dangling([...path, 'task'], reply.task, taskIds, say`task`);
      for (const bound of ['from', 'until'] as const) {
        const value = reply[bound];
        if (value !== undefined && offsetMinutes(value) > duration)
          report.error([...path, bound], say`${name(value, 12)} is after the scenario ends (${ends})`, say`move it earlier, or make duration longer`);
      }
      if (reply.from !== undefined && reply.until !== undefined && offsetMinutes(reply.until) < offsetMinutes(reply.from))
        report.error(
          [...path, 'until'],
          say`the reply can never be said: until ${name(reply.until, 12)} comes before from ${name(reply.from, 12)}`,
          say`make until later than from, or remove one of them`,
        );
      const scheduled = reply.inject === undefined ? undefined : scenario.timeline.find((inject) => inject.id === reply.inject);
      if (scheduled && reply.until !== undefined && offsetMinutes(reply.until) < offsetMinutes(scheduled.at))
        report.error(
          [...path, 'until'],
          say`the reply can never be said: its inject ${quote(scheduled.id)} arrives at ${name(scheduled.at, 12)}, after until ${name(reply.until, 12)}`,
          say`move until later, or tie the reply to an earlier inject`,
        );
    });
  }
}

/** Reach and engagement targets: each for a real account, due within the scenario, one per account and metric. */
function checkTargets(scenario: Scenario, accountIds: KnownNames, duration: number, report: Reporter): void {
  const ends = name(scenario.duration, 12);
  const seen = new Set<string>();
  (scenario.targets ?? []).forEach((target, index) => {
    const path: PathSegment[] = ['targets', index];
    if (!accountIds.has(target.account)) report.dangling([...path, 'account'], target.account, accountIds, say`account`);
    if (target.by !== undefined) {
      const by = offsetMinutes(target.by);
      if (by > duration)
        report.error(
          [...path, 'by'],
          say`the target is due at ${name(target.by, 12)}, after the scenario ends (${ends})`,
          say`move "by" earlier, or leave it out to mean the scenario's end`,
        );
      else if (by === 0)
        report.error(
          [...path, 'by'],
          say`a target due at 0:00 can never be met: nothing is published before the scenario starts`,
          say`give "by" a later time, or leave it out to mean the scenario's end`,
        );
    }
    const key = `${target.account}\u0000${target.metric}`;
    if (seen.has(key))
      report.error(
        [...path, 'metric'],
        say`another target already sets the ${name(target.metric, 12)} of the account ${quote(target.account)}`,
        say`keep one target per account and metric: remove this one or merge the two`,
      );
    seen.add(key);
  });
}

/** A report to headquarters goes to the account's headquarters conversation: it answers no one, and only it says what to report. */
function checkReportTask(task: Scenario['tasks'][number], path: readonly PathSegment[], report: Reporter): void {
  if (task.kind !== 'report') {
    if (task.report !== undefined)
      report.error([...path, 'report'], say`only a report task takes "report"`, say`remove "report", or make the task kind: report`);
    return;
  }
  if (task.replyTo !== undefined)
    report.error(
      [...path, 'replyTo'],
      say`a report goes to headquarters, not in reply to an inject`,
      say`remove replyTo: the report goes to the headquarters conversation of the task's account`,
    );
  if (task.recipient !== undefined)
    report.error(
      [...path, 'recipient'],
      say`a report goes to headquarters, not to a persona`,
      say`remove recipient: the report goes to the headquarters conversation of the task's account`,
    );
  const words = task.report?.words;
  if (words && words.min > words.max)
    report.error(
      [...path, 'report', 'words'],
      say`the report's words.min (${amount(words.min)}) is more than its words.max (${amount(words.max)})`,
      say`make words.min at most words.max, e.g. { min: 40, max: 250 }`,
    );
}
