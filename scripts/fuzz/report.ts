// Runtime: Node (scripts). Tallies fuzz results, groups failures into kinds, prints the summary
// table, and writes each failing input to disk with the command that reproduces it.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import { decodeJson, encodeJson } from './codec';
import { readLibraryFiles } from './corpus';
import type { Job, JobResult, Status } from './pool';
import type { InputRecipe, Payload, Target } from './targets';
import { TARGETS } from './targets';

export const FAILING: readonly Status[] = ['crash', 'hang', 'memory', 'generator-error'];
export const isFailure = (result: JobResult) => FAILING.includes(result.status) || result.unclear.length > 0;

/** What tells two failures apart: the target, the status, and the error's first line and place. */
export function signatureOf(result: JobResult): string {
  if (result.status === 'crash') {
    const [first = '', ...stack] = result.summary.split('\n');
    const frame = stack.find((line) => /renderer\/src|scripts\/lib/.test(line))?.replace(/^.*?(renderer\/src\/\S+?|scripts\/lib\/\S+?):\d+:\d+.*$/, '$1') ?? '';
    return `${result.job.target} crash ${first
      .replace(/"[^"]*"/g, '"…"')
      .replace(/\d+/g, 'N')
      .slice(0, 120)} ${frame}`;
  }
  if (result.status === 'hang' || result.status === 'memory' || result.status === 'generator-error')
    return `${result.job.target} ${result.status} ${result.job.kind}`;
  // The kind of complaint, without the sample of text that follows its colon.
  const complaint = (result.unclear[0] ?? '').split(':')[0]!.replace(/\d+/g, 'N').slice(0, 80);
  return `${result.job.target} unclear ${result.job.kind} ${complaint}`;
}

export interface Tally {
  byTarget: Map<Target, Record<Status | 'unclear' | 'inputs', number> & { maxCpuMs: number }>;
  failures: JobResult[];
  signatures: Map<string, JobResult[]>;
}

export function createTally(): Tally {
  return { byTarget: new Map(), failures: [], signatures: new Map() };
}

export function addResult(tally: Tally, result: JobResult): void {
  let row = tally.byTarget.get(result.job.target);
  if (!row) {
    row = { inputs: 0, ok: 0, refusal: 0, crash: 0, hang: 0, memory: 0, 'generator-error': 0, unclear: 0, maxCpuMs: 0 };
    tally.byTarget.set(result.job.target, row);
  }
  row.inputs += 1;
  row[result.status] += 1;
  if (result.unclear.length) row.unclear += 1;
  if (Number.isFinite(result.cpuMs)) row.maxCpuMs = Math.max(row.maxCpuMs, result.cpuMs);
  if (isFailure(result)) {
    tally.failures.push(result);
    const signature = signatureOf(result);
    const list = tally.signatures.get(signature) ?? [];
    list.push(result);
    tally.signatures.set(signature, list);
  }
}

export function failureCount(tally: Tally): number {
  return tally.failures.length;
}

export function progressLine(tally: Tally, done: number, total: number, startedAt: number): string {
  const sum = (key: Status | 'unclear') => [...tally.byTarget.values()].reduce((n, row) => n + row[key], 0);
  const elapsed = (Date.now() - startedAt) / 1000;
  const eta = done ? Math.round((elapsed / done) * (total - done)) : 0;
  return `[fuzz] ${done}/${total}  ok ${sum('ok')}  refused ${sum('refusal')}  crash ${sum('crash')}  hang ${sum('hang')}  memory ${sum('memory')}  unclear ${sum('unclear')}  ${Math.round(elapsed)} s, ~${eta} s left`;
}

export function summaryTable(tally: Tally): string {
  const columns = ['target', 'inputs', 'ok', 'refused', 'crash', 'hang', 'memory', 'unclear', 'gen-err', 'max CPU ms'];
  const rows = TARGETS.filter((target) => tally.byTarget.has(target)).map((target) => {
    const row = tally.byTarget.get(target)!;
    return [target, row.inputs, row.ok, row.refusal, row.crash, row.hang, row.memory, row.unclear, row['generator-error'], Math.round(row.maxCpuMs)].map(
      String,
    );
  });
  const widths = columns.map((column, i) => Math.max(column.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  const lines = [line(columns), ...rows.map(line)];
  if (tally.signatures.size) {
    lines.push('', `${tally.failures.length} failing inputs of ${tally.signatures.size} distinct kinds:`);
    for (const [signature, results] of tally.signatures) lines.push(`  ${String(results.length).padStart(5)} × ${signature}   e.g. ${results[0]!.job.label}`);
  }
  return lines.join('\n');
}

/** A failing or regression input on disk: what it is, what happened, and the input itself. */
export interface SavedInput {
  target: Target;
  kind: string;
  label: string;
  status?: Status;
  summary?: string;
  unclear?: string[];
  reproduce?: string;
  /** The payload: encodeJson'd, gzipped, base64. */
  payloadGz?: string;
  /** Instead of a payload too large to keep (2,000 scenario files, say): how to make it again. */
  recipe?: InputRecipe;
}

/** Saved payloads larger than this are kept as their recipe, made again when run. */
const MAX_SAVED_PAYLOAD = 512 * 1024;

export function packPayload(payload: Payload): string {
  return Buffer.from(gzipSync(strToU8(encodeJson(payload, readLibraryFiles())), { level: 9, mtime: 0 })).toString('base64');
}

export function unpackPayload(saved: SavedInput): Payload {
  return decodeJson(strFromU8(gunzipSync(Buffer.from(saved.payloadGz ?? '', 'base64'))), readLibraryFiles()) as Payload;
}

/** Writes an input with what happened to it; `name` defaults to `<target>-<kind>-<status>-<n>.json`. */
export function writeFailure(dir: string, result: JobResult, payload: Payload, reproduce: string, name?: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name ?? `${result.job.target}-${result.job.kind}-${result.status}-${result.job.label.replace(/[^a-z0-9]+/gi, '')}.json`);
  const packed = packPayload(payload);
  const input = packed.length <= MAX_SAVED_PAYLOAD || !result.job.recipe ? { payloadGz: packed } : { recipe: result.job.recipe };
  const saved: SavedInput = {
    target: result.job.target,
    kind: result.job.kind,
    label: result.job.label,
    status: result.status,
    summary: result.summary,
    unclear: result.unclear.slice(0, 20),
    reproduce,
    ...input,
  };
  writeFileSync(file, `${JSON.stringify(saved, null, 1)}\n`);
  return file;
}

/** Saved inputs from a file or every `.json` file of a folder, as jobs. */
export function readSavedInputs(target: string): Job[] {
  const files = statSync(target).isDirectory()
    ? readdirSync(target)
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => path.join(target, name))
    : [target];
  return files.map((file) => {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedInput;
    if (saved.recipe) return { target: saved.target, kind: saved.kind, recipe: saved.recipe, label: path.basename(file) };
    return { target: saved.target, kind: saved.kind, payload: unpackPayload(saved), label: path.basename(file) };
  });
}
