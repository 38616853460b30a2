// Runtime: any (pure core). Where the pack format names an id, and the edit that renames one
// everywhere. The places are those the loader checks as cross-references (core/pack/load.ts):
// injects name a persona, an account and the inject they answer; tasks an account, an inject and a
// recipient persona, the key messages and facts they require; key messages a fact that covers them;
// branches the tasks their conditions watch and the tasks they open; audience replies the persona who
// says them and the inject and task they are tied to; courses their scenarios; and
// a scenario's id is also its file's name. Pack-wide personas (personas.yaml) are named from every
// scenario that does not declare a persona of the same id itself.
import { id as idSchema } from '../pack/schema';
import type { DocPath, DocumentEdit, IdKind, IdTarget, PackDocument } from './document';
import { DocumentEditError } from './edit-error';
import { parseText } from './yaml-text';

export interface IdPlace {
  file: string;
  path: DocPath;
}

type Plain = Record<string, unknown>;

const SCENARIO_FILE = /^scenarios\/[^/]+\.yaml$/;

function asRecord(value: unknown): Plain | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Plain) : null;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The items of the list at `key`, each with its index, that are mappings. */
function items(parent: unknown, key: string): Array<[Plain, number]> {
  const out: Array<[Plain, number]> = [];
  asList(asRecord(parent)?.[key]).forEach((item, index) => {
    const record = asRecord(item);
    if (record) out.push([record, index]);
  });
  return out;
}

/** Every inject of a scenario, the timeline's and the branches', with its path. */
function injectsOf(scenario: unknown): Array<[Plain, DocPath]> {
  const out: Array<[Plain, DocPath]> = items(scenario, 'timeline').map(([inject, index]) => [inject, ['timeline', index]]);
  for (const [branch, b] of items(scenario, 'branches')) {
    for (const [inject, index] of items(asRecord(branch.then), 'injects')) out.push([inject, ['branches', b, 'then', 'injects', index]]);
  }
  return out;
}

/** The things of one kind a scenario declares, each with the path of the mapping that holds its `id`. */
function declaredIn(scenario: unknown, kind: IdKind): Array<[Plain, DocPath]> {
  const policy = asRecord(asRecord(scenario)?.policy);
  const at = (list: Array<[Plain, number]>, prefix: DocPath): Array<[Plain, DocPath]> => list.map(([item, index]) => [item, [...prefix, index]]);
  switch (kind) {
    case 'account':
      return at(items(scenario, 'accounts'), ['accounts']);
    case 'fact':
      return at(items(scenario, 'facts'), ['facts']);
    case 'key-message':
      return at(items(policy, 'keyMessages'), ['policy', 'keyMessages']);
    case 'red-line':
      return at(items(policy, 'redLines'), ['policy', 'redLines']);
    case 'term':
      return at(items(policy, 'terminology'), ['policy', 'terminology']);
    case 'persona':
      return at(items(scenario, 'personas'), ['personas']);
    case 'inject':
      return injectsOf(scenario);
    case 'task':
      return at(items(scenario, 'tasks'), ['tasks']);
    case 'branch':
      return at(items(scenario, 'branches'), ['branches']);
    case 'calibration':
      return items(scenario, 'tasks').flatMap(([task, t]) => at(items(task, 'calibration'), ['tasks', t, 'calibration']));
    case 'scenario':
    case 'course':
      return [];
  }
}

/** The places inside one scenario that name `id` as a `kind`. */
function referencesInScenario(scenario: unknown, kind: IdKind, id: string): DocPath[] {
  const out: DocPath[] = [];
  const when = (value: unknown, path: DocPath) => {
    if (value === id) out.push(path);
  };
  const tasks = items(scenario, 'tasks');
  // An audience reply names who says it, and the inject and task it is tied to.
  const replyField = (field: 'persona' | 'inject' | 'task') => {
    for (const [mood, replies] of Object.entries(asRecord(asRecord(asRecord(scenario)?.audience)?.replies) ?? {})) {
      asList(replies).forEach((reply, index) => when(asRecord(reply)?.[field], ['audience', 'replies', mood, index, field]));
    }
  };
  switch (kind) {
    case 'persona':
      for (const [inject, path] of injectsOf(scenario)) {
        when(inject.persona, [...path, 'persona']);
        // Who writes each comment of a live stream.
        asList(asRecord(inject.live)?.comments).forEach((comment, index) => when(asRecord(comment)?.persona, [...path, 'live', 'comments', index, 'persona']));
      }
      for (const [task, t] of tasks) when(task.recipient, ['tasks', t, 'recipient']);
      // Who at headquarters clears the scenario's publications.
      when(asRecord(asRecord(scenario)?.clearance)?.reviewer, ['clearance', 'reviewer']);
      replyField('persona');
      break;
    case 'account':
      for (const [inject, path] of injectsOf(scenario)) when(inject.account, [...path, 'account']);
      for (const [task, t] of tasks) when(task.account, ['tasks', t, 'account']);
      for (const [target, index] of items(scenario, 'targets')) when(target.account, ['targets', index, 'account']);
      break;
    case 'inject':
      for (const [inject, path] of injectsOf(scenario)) when(inject.replyTo, [...path, 'replyTo']);
      for (const [task, t] of tasks) {
        when(task.replyTo, ['tasks', t, 'replyTo']);
        // The live stream a moderation task watches.
        when(task.stream, ['tasks', t, 'stream']);
      }
      replyField('inject');
      break;
    case 'fact':
      for (const [message, index] of items(asRecord(asRecord(scenario)?.policy), 'keyMessages'))
        when(message.coveredByFact, ['policy', 'keyMessages', index, 'coveredByFact']);
      for (const [task, t] of tasks) asList(asRecord(task.requires)?.facts).forEach((value, i) => when(value, ['tasks', t, 'requires', 'facts', i]));
      break;
    case 'key-message':
      for (const [task, t] of tasks)
        asList(asRecord(task.requires)?.keyMessages).forEach((value, i) => when(value, ['tasks', t, 'requires', 'keyMessages', i]));
      break;
    case 'task':
      for (const [branch, b] of items(scenario, 'branches')) {
        const whenPart = asRecord(branch.when);
        for (const mode of ['all', 'any'] as const) {
          asList(whenPart?.[mode]).forEach((condition, c) => when(asRecord(condition)?.task, ['branches', b, 'when', mode, c, 'task']));
        }
        asList(asRecord(branch.then)?.openTasks).forEach((value, i) => when(value, ['branches', b, 'then', 'openTasks', i]));
      }
      replyField('task');
      break;
    case 'red-line':
    case 'term':
    case 'branch':
    case 'calibration':
    case 'scenario':
    case 'course':
      break;
  }
  return out;
}

interface Scope {
  /** Where the id is declared: the path of its `id` key. */
  definitions: IdPlace[];
  /** Where it is named. */
  references: IdPlace[];
  /** Every id of the same kind that the new name must not take. */
  taken: Set<string>;
  /** The files read whose YAML does not parse: references in them cannot be found. */
  unreadable: string[];
}

function scenarioFiles(doc: PackDocument): string[] {
  return [...doc.texts.keys()].filter((file) => SCENARIO_FILE.test(file));
}

function read(doc: PackDocument, file: string, scope: Scope): unknown {
  const text = doc.texts.get(file);
  if (text === undefined) return undefined;
  const parsed = parseText(text);
  if (!parsed.document) scope.unreadable.push(file);
  return parsed.value;
}

function idOf(record: Plain | null): string | undefined {
  return typeof record?.id === 'string' ? record.id : undefined;
}

function scopeOf(doc: PackDocument, target: IdTarget): Scope {
  const scope: Scope = { definitions: [], references: [], taken: new Set(), unreadable: [] };
  const { kind, id } = target;
  if (kind === 'scenario') {
    for (const file of scenarioFiles(doc)) {
      const scenarioId = idOf(asRecord(read(doc, file, scope)));
      const fileId = file.slice('scenarios/'.length, -'.yaml'.length);
      if (scenarioId === id && (!target.file || target.file === file)) scope.definitions.push({ file, path: ['id'] });
      else {
        if (scenarioId) scope.taken.add(scenarioId);
        scope.taken.add(fileId);
      }
    }
    for (const [course, c] of items(read(doc, 'courses.yaml', scope), 'courses')) {
      asList(course.scenarios).forEach((value, i) => {
        if (value === id) scope.references.push({ file: 'courses.yaml', path: ['courses', c, 'scenarios', i] });
      });
    }
    return scope;
  }
  if (kind === 'course') {
    for (const [course, c] of items(read(doc, 'courses.yaml', scope), 'courses')) {
      if (course.id === id) scope.definitions.push({ file: 'courses.yaml', path: ['courses', c, 'id'] });
      else if (idOf(course)) scope.taken.add(idOf(course)!);
    }
    return scope;
  }
  if (kind === 'persona' && !target.file) {
    for (const [persona, p] of items(read(doc, 'personas.yaml', scope), 'personas')) {
      if (persona.id === id) scope.definitions.push({ file: 'personas.yaml', path: ['personas', p, 'id'] });
      else if (idOf(persona)) scope.taken.add(idOf(persona)!);
    }
    for (const file of scenarioFiles(doc)) {
      const scenario = read(doc, file, scope);
      const own = declaredIn(scenario, 'persona').map(([persona]) => idOf(persona));
      // A scenario's own persona of this id hides the pack's: its references are to its own.
      if (own.includes(id)) continue;
      for (const ownId of own) if (ownId) scope.taken.add(ownId);
      for (const path of referencesInScenario(scenario, 'persona', id)) scope.references.push({ file, path });
    }
    return scope;
  }
  const files = target.file ? [target.file] : scenarioFiles(doc);
  for (const file of files) {
    const scenario = read(doc, file, scope);
    const declared = declaredIn(scenario, kind);
    let found = false;
    for (const [item, path] of declared) {
      // Calibration drafts are named per task: only the target task's drafts share a name space.
      const sameTask = kind !== 'calibration' || !target.task || path[1] === taskIndex(scenario, target.task);
      if (!sameTask) continue;
      if (item.id === id) {
        scope.definitions.push({ file, path: [...path, 'id'] });
        found = true;
      } else if (idOf(item)) scope.taken.add(idOf(item)!);
    }
    if (kind === 'persona') for (const [persona] of items(read(doc, 'personas.yaml', scope), 'personas')) if (idOf(persona)) scope.taken.add(idOf(persona)!);
    if (found) for (const path of referencesInScenario(scenario, kind, id)) scope.references.push({ file, path });
  }
  return scope;
}

function taskIndex(scenario: unknown, taskId: string): number {
  return items(scenario, 'tasks').find(([task]) => task.id === taskId)?.[1] ?? -1;
}

/** Every place that names the id `target`, its declaration excluded. Files whose YAML does not parse are skipped. */
export function referencesTo(doc: PackDocument, target: IdTarget): IdPlace[] {
  return scopeOf(doc, target).references;
}

/** Where the id `target` is declared (the path of its `id` key); more than one when the pack repeats it. */
export function declarationsOf(doc: PackDocument, target: IdTarget): IdPlace[] {
  return scopeOf(doc, target).definitions;
}

/** Built on first use, after the app has configured zod. */
let idCheck: ReturnType<typeof idSchema> | null = null;

/** Why `id` cannot be an id (the format's words), or null when it can. */
export function idProblem(id: string): string | null {
  idCheck ??= idSchema();
  const result = idCheck.safeParse(id);
  return result.success ? null : (result.error.issues[0]?.message ?? 'not an id');
}

/** What renaming an id changes: the values to set, and for a scenario its file's new name. */
export interface RenamePlan {
  edits: DocumentEdit[];
  moveFile: { from: string; to: string } | null;
}

/**
 * What renaming `target` to `to` changes: its declaration and every reference to it, and a
 * scenario's file (scenarios/<to>.yaml). Throws a DocumentEditError when `to` is not an id or is
 * taken, when nothing has the id, or when a file it must read does not parse.
 */
export function planRename(doc: PackDocument, target: IdTarget, to: string): RenamePlan {
  const where = target.file ?? (target.kind === 'course' ? 'courses.yaml' : target.kind === 'persona' ? 'personas.yaml' : 'scenarios/');
  const problem = idProblem(to);
  if (problem) throw new DocumentEditError('invalid-id', where, undefined, problem);
  const scope = scopeOf(doc, target);
  const unreadable = scope.unreadable[0];
  if (unreadable !== undefined) throw new DocumentEditError('unparsable', unreadable);
  const first = scope.definitions[0];
  if (!first) throw new DocumentEditError('unknown-id', where, undefined, target.id);
  if (to === target.id) return { edits: [], moveFile: null };
  if (scope.taken.has(to)) throw new DocumentEditError('id-exists', first.file, first.path, to);
  const edits: DocumentEdit[] = [...scope.definitions, ...scope.references].map((place) => ({ kind: 'set', file: place.file, path: place.path, value: to }));
  let moveFile: RenamePlan['moveFile'] = null;
  if (target.kind === 'scenario' && first.file !== `scenarios/${to}.yaml`) {
    moveFile = { from: first.file, to: `scenarios/${to}.yaml` };
    if (doc.texts.has(moveFile.to) || doc.media.has(moveFile.to)) throw new DocumentEditError('id-exists', first.file, ['id'], to);
  }
  return { edits, moveFile };
}
