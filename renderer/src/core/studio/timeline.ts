// Runtime: any (pure core). The studio's timeline of one scenario: where its injects, task windows,
// deadlines and branches fall on the simulated clock, and the branch graph (which outcomes fire which
// branch, and what each branch adds or ends). Read leniently from the scenario as the author left it
// (the checked pack's Scenario, or the plain value of a file that does not validate yet): whatever
// cannot be placed is listed as unplaced, never thrown.
//
// Branch times follow the engine (core/engine/timeline.ts): a time condition holds from its time; a
// task's outcome is known by its deadline at the latest (passed or failed may come earlier, when the
// trainee publishes), so a branch waiting on an outcome is drawn at that deadline and marked as such.
// `all` fires when its last condition holds, `any` when its first does with nothing answered (a time, or a
// task missed at its deadline; a "failed" or "passed" counts only when nothing else can). A task a branch opens starts
// when the first branch opening it fires, and its `due` counts from there.
import { offsetMinutes } from '../pack/schema';

export type TimelinePath = readonly (string | number)[];

export interface TimelineInject {
  kind: 'inject';
  id: string;
  /** Minutes from the start. */
  at: number;
  type: string;
  persona: string | null;
  account: string | null;
  /** The branch that adds it; null for the scenario's own timeline. */
  branch: string | null;
  path: TimelinePath;
}

export interface TimelineTask {
  kind: 'task';
  id: string;
  opensAt: number;
  due: number;
  taskKind: string;
  account: string | null;
  /** The branch that opens it; null when it opens at its own time. */
  openedBy: string | null;
  path: TimelinePath;
}

export interface TimelineBranch {
  kind: 'branch';
  id: string;
  at: number;
  /** It waits on a task's outcome: it may fire earlier, as soon as the trainee publishes. */
  byOutcome: boolean;
  /** The ending it forces, if any. */
  end: { outcome: 'passed' | 'failed' | null } | null;
  path: TimelinePath;
}

export type TimelineItem = TimelineInject | TimelineTask | TimelineBranch;

export interface UnplacedItem {
  kind: 'inject' | 'task' | 'branch';
  id: string;
  path: TimelinePath;
  /** Why it has no place on the clock. */
  reason: 'no-time' | 'never-fires' | 'never-opens';
}

export type GraphNodeKind = 'task' | 'branch' | 'end' | 'inject' | 'time';

export interface GraphNode {
  /** Unique in the graph: `<kind>:<id>`. */
  key: string;
  kind: GraphNodeKind;
  /** The task's, branch's or inject's id; the time "H:MM" of a time node; the branch's id for its end. */
  id: string;
  /** Where it is written in the scenario file (none for a time node). */
  path: TimelinePath | null;
  /** For an end: the outcome it forces. */
  outcome?: 'passed' | 'failed' | null;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** What the edge means: a task's outcome that fires the branch, a time, or what the branch does. */
  label: 'passed' | 'failed' | 'missed' | 'time' | 'opens' | 'adds' | 'ends';
  /** For a condition: whether the branch needs all of its conditions or any one. */
  join?: 'all' | 'any';
}

export interface BranchGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface ScenarioTimeline {
  /** The scenario's length in minutes; null when its duration cannot be read. */
  duration: number | null;
  /** Every placed item, by time, then injects before task windows before branches. */
  items: TimelineItem[];
  unplaced: UnplacedItem[];
  /** Accounts in the order the scenario lists them, then any account an item names that it does not. */
  accounts: string[];
  graph: BranchGraph;
}

type Plain = Record<string, unknown>;

const isObject = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const stringOf = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

function minutesOf(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  try {
    return offsetMinutes(value);
  } catch {
    return null;
  }
}

interface Condition {
  task: string | null;
  outcome: 'passed' | 'failed' | 'missed' | null;
  time: number | null;
  timeText: string | null;
}

function conditionOf(value: unknown): Condition | null {
  if (!isObject(value)) return null;
  const outcome = value.outcome === 'passed' || value.outcome === 'failed' || value.outcome === 'missed' ? value.outcome : null;
  const task = stringOf(value.task);
  if (task !== null) return { task, outcome, time: null, timeText: null };
  const timeText = stringOf(value.time);
  if (timeText !== null) return { task: null, outcome: null, time: minutesOf(timeText), timeText };
  return null;
}

interface BranchReading {
  id: string;
  index: number;
  join: 'all' | 'any';
  conditions: Condition[];
  openTasks: string[];
  injects: { value: Plain; index: number }[];
  end: { outcome: 'passed' | 'failed' | null } | null;
}

function readBranch(value: unknown, index: number): BranchReading | null {
  if (!isObject(value)) return null;
  const id = stringOf(value.id);
  if (id === null) return null;
  const when = isObject(value.when) ? value.when : {};
  const join = Array.isArray(when.all) ? 'all' : 'any';
  const conditions = listOf(join === 'all' ? when.all : when.any)
    .map(conditionOf)
    .filter((condition): condition is Condition => condition !== null);
  const then = isObject(value.then) ? value.then : {};
  const openTasks = listOf(then.openTasks)
    .map(stringOf)
    .filter((task): task is string => task !== null);
  const injects = listOf(then.injects).flatMap((inject, injectIndex) => (isObject(inject) ? [{ value: inject, index: injectIndex }] : []));
  const endValue = then.end;
  let end: BranchReading['end'] = null;
  if (isObject(endValue)) end = { outcome: endValue.outcome === 'passed' ? 'passed' : endValue.outcome === 'failed' ? 'failed' : null };
  return { id, index, join, conditions, openTasks, injects, end };
}

interface TaskReading {
  id: string;
  index: number;
  opensAt: number | null;
  /** Minutes: from the start for a task with opensAt, from its opening otherwise. */
  due: number | null;
  kind: string;
  account: string | null;
}

function readTask(value: unknown, index: number): TaskReading | null {
  if (!isObject(value)) return null;
  const id = stringOf(value.id);
  if (id === null) return null;
  return { id, index, opensAt: minutesOf(value.opensAt), due: minutesOf(value.due), kind: stringOf(value.kind) ?? '', account: stringOf(value.account) };
}

/** The simulated-clock view of one scenario; `scenario` is the checked Scenario or the file's plain value. */
export function scenarioTimeline(scenario: unknown): ScenarioTimeline {
  const root = isObject(scenario) ? scenario : {};
  const tasks = listOf(root.tasks)
    .map(readTask)
    .filter((task): task is TaskReading => task !== null);
  const branches = listOf(root.branches)
    .map(readBranch)
    .filter((branch): branch is BranchReading => branch !== null);
  const taskById = new Map(tasks.map((task) => [task.id, task]));

  // When each task opens and is due, and when each branch fires: a fixpoint, since a branch can open
  // a task whose outcome fires another branch. Each pass can only settle more; a cycle stays unsettled.
  const opens = new Map<string, { at: number; by: string | null }>();
  for (const task of tasks) if (task.opensAt !== null && !opens.has(task.id)) opens.set(task.id, { at: task.opensAt, by: null });
  const dueOf = (taskId: string): number | null => {
    const task = taskById.get(taskId);
    const opening = opens.get(taskId);
    if (!task || !opening || task.due === null) return null;
    return task.opensAt !== null ? task.due : opening.at + task.due;
  };
  const fires = new Map<string, number>();
  for (let pass = 0; pass <= branches.length; pass += 1) {
    let changed = false;
    for (const branch of branches) {
      if (fires.has(branch.id)) continue;
      const times = branch.conditions.map((condition) => (condition.task !== null ? dueOf(condition.task) : condition.time));
      const known = times.filter((time): time is number => time !== null);
      if (known.length === 0 || (branch.join === 'all' && known.length < times.length)) continue;
      // With nothing answered, only a time or a task missed at its deadline holds: `any` fires at the first
      // of those, not at the deadline of a "failed" or "passed" that then never comes. Without either, the
      // first deadline is where an outcome is known at the latest.
      const unanswered = branch.conditions
        .map((condition, index) => (condition.task === null || condition.outcome === 'missed' ? times[index] : null))
        .filter((time): time is number => time !== null && time !== undefined);
      fires.set(branch.id, branch.join === 'all' ? Math.max(...known) : Math.min(...(unanswered.length > 0 ? unanswered : known)));
      changed = true;
    }
    // Branches that fire earlier open a task first, as in the engine.
    const firing = branches.filter((branch) => fires.has(branch.id)).sort((a, b) => fires.get(a.id)! - fires.get(b.id)! || a.index - b.index);
    for (const branch of firing) {
      for (const taskId of branch.openTasks) {
        const task = taskById.get(taskId);
        if (!task || task.opensAt !== null) continue;
        const at = fires.get(branch.id)!;
        const current = opens.get(taskId);
        if (!current || at < current.at) {
          opens.set(taskId, { at, by: branch.id });
          changed = true;
        }
      }
    }
    if (!changed) break;
  }

  const items: TimelineItem[] = [];
  const unplaced: UnplacedItem[] = [];
  const readInject = (value: Plain, path: TimelinePath, branch: string | null, base: number | null) => {
    const id = stringOf(value.id) ?? '';
    const at = minutesOf(value.at);
    if (at === null || base === null) {
      unplaced.push({ kind: 'inject', id, path, reason: at === null ? 'no-time' : 'never-fires' });
      return;
    }
    items.push({
      kind: 'inject',
      id,
      at: base + at,
      type: stringOf(value.type) ?? '',
      persona: stringOf(value.persona),
      account: stringOf(value.account),
      branch,
      path,
    });
  };
  listOf(root.timeline).forEach((inject, index) => {
    if (isObject(inject)) readInject(inject, ['timeline', index], null, 0);
  });
  for (const task of tasks) {
    const path = ['tasks', task.index];
    const opening = opens.get(task.id);
    const due = dueOf(task.id);
    if (!opening || due === null) {
      unplaced.push({ kind: 'task', id: task.id, path, reason: task.due === null || task.opensAt !== null ? 'no-time' : 'never-opens' });
      continue;
    }
    items.push({ kind: 'task', id: task.id, opensAt: opening.at, due, taskKind: task.kind, account: task.account, openedBy: opening.by, path });
  }
  for (const branch of branches) {
    const path = ['branches', branch.index];
    const at = fires.get(branch.id) ?? null;
    if (at === null) {
      const noTime = branch.conditions.length === 0 || branch.conditions.some((condition) => condition.task === null && condition.time === null);
      unplaced.push({ kind: 'branch', id: branch.id, path, reason: noTime ? 'no-time' : 'never-fires' });
    } else {
      const byOutcome =
        branch.join === 'all'
          ? branch.conditions.some((condition) => condition.task !== null && dueOf(condition.task) === at)
          : !branch.conditions.some((condition) => condition.task === null && condition.time === at);
      items.push({ kind: 'branch', id: branch.id, at, byOutcome, end: branch.end, path });
    }
    for (const inject of branch.injects) readInject(inject.value, ['branches', branch.index, 'then', 'injects', inject.index], branch.id, at);
  }

  const order = { inject: 0, task: 1, branch: 2 } as const;
  const startOf = (item: TimelineItem) => (item.kind === 'task' ? item.opensAt : item.at);
  items.sort((a, b) => startOf(a) - startOf(b) || order[a.kind] - order[b.kind]);

  const accounts: string[] = [];
  for (const account of listOf(root.accounts)) {
    const id = isObject(account) ? stringOf(account.id) : null;
    if (id !== null && !accounts.includes(id)) accounts.push(id);
  }
  for (const item of items) {
    if (item.kind !== 'branch' && item.account !== null && !accounts.includes(item.account)) accounts.push(item.account);
  }

  return { duration: minutesOf(root.duration), items, unplaced, accounts, graph: branchGraph(branches, taskById) };
}

function branchGraph(branches: readonly BranchReading[], taskById: ReadonlyMap<string, TaskReading>): BranchGraph {
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const taskNode = (id: string): string => {
    const key = `task:${id}`;
    const task = taskById.get(id);
    if (!nodes.has(key)) nodes.set(key, { key, kind: 'task', id, path: task ? ['tasks', task.index] : null });
    return key;
  };
  for (const branch of branches) {
    const key = `branch:${branch.id}`;
    nodes.set(key, { key, kind: 'branch', id: branch.id, path: ['branches', branch.index] });
  }
  for (const branch of branches) {
    const key = `branch:${branch.id}`;
    for (const condition of branch.conditions) {
      if (condition.task !== null) {
        edges.push({ from: taskNode(condition.task), to: key, label: condition.outcome ?? 'missed', join: branch.join });
      } else if (condition.timeText !== null) {
        const timeKey = `time:${condition.timeText}`;
        if (!nodes.has(timeKey)) nodes.set(timeKey, { key: timeKey, kind: 'time', id: condition.timeText, path: null });
        edges.push({ from: timeKey, to: key, label: 'time', join: branch.join });
      }
    }
    for (const taskId of branch.openTasks) edges.push({ from: key, to: taskNode(taskId), label: 'opens' });
    for (const inject of branch.injects) {
      const id = stringOf(inject.value.id) ?? '';
      const injectKey = `inject:${branch.id}/${id}`;
      nodes.set(injectKey, { key: injectKey, kind: 'inject', id, path: ['branches', branch.index, 'then', 'injects', inject.index] });
      edges.push({ from: key, to: injectKey, label: 'adds' });
    }
    if (branch.end) {
      const endKey = `end:${branch.id}`;
      nodes.set(endKey, { key: endKey, kind: 'end', id: branch.id, path: ['branches', branch.index, 'then', 'end'], outcome: branch.end.outcome });
      edges.push({ from: key, to: endKey, label: 'ends' });
    }
  }
  return { nodes: [...nodes.values()], edges };
}

export interface GraphLayout {
  /** Nodes by column, left to right: a node sits one column right of the furthest node pointing to it. */
  columns: GraphNode[][];
}

/** Columns for drawing the branch graph left to right (longest path from a source; cycles are cut). */
export function layoutGraph(graph: BranchGraph): GraphLayout {
  const incoming = new Map<string, string[]>();
  for (const edge of graph.edges) incoming.set(edge.to, [...(incoming.get(edge.to) ?? []), edge.from]);
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (key: string): number => {
    const known = depth.get(key);
    if (known !== undefined) return known;
    if (visiting.has(key)) return 0;
    visiting.add(key);
    const value = Math.max(-1, ...(incoming.get(key) ?? []).map(depthOf)) + 1;
    visiting.delete(key);
    depth.set(key, value);
    return value;
  };
  const columns: GraphNode[][] = [];
  for (const node of graph.nodes) {
    const column = depthOf(node.key);
    (columns[column] ??= []).push(node);
  }
  return { columns: columns.filter((column) => column !== undefined) };
}
