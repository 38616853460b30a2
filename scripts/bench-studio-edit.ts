// Runtime: Node (scripts). The studio's document model on the UI thread, on the largest scenario of the
// library: a keystroke in a form field (a `set` that writes back only its own line and reads the
// file back to check it), the same field read again by the form, a list item added, and an undo step
// recorded with typing coalesced. Each keystroke types a different text, so no result is cached.
import { applyEdit, documentFromFiles, readAt } from '../renderer/src/core/studio/document';
import type { PackDocument } from '../renderer/src/core/studio/document';
import { createHistory, record } from '../renderer/src/core/studio/history';
import { readPackSource } from './lib/pack-files';
import { timed } from './lib/timing';

/** p95 budgets in milliseconds: a keystroke in a form must not hold the page for more than a few frames. */
export const STUDIO_EDIT_TARGETS_MS = { keystroke: 50, read: 1, insert: 80 } as const;

export interface StudioEditBench {
  file: string;
  lines: number;
  runs: Array<{ name: string; p50: number; p95: number; targetMs: number }>;
}

export function runStudioEditBench(target = 'scenarios/core-library', iterations = 40): StudioEditBench {
  const start = documentFromFiles(readPackSource(target).files);
  const [file, text] = [...start.texts].filter(([path]) => path.startsWith('scenarios/')).sort((a, b) => b[1].length - a[1].length)[0]!;
  const title = String(readAt(start, file, ['title', 'en']));
  let doc: PackDocument = start;
  const keystroke = timed((i) => {
    doc = applyEdit(doc, { kind: 'set', file, path: ['title', 'en'], value: `${title}: draft ${i}` });
  }, iterations);
  const read = timed(() => {
    readAt(doc, file, ['title', 'en']);
  }, iterations);
  const insert = timed((i) => {
    applyEdit(doc, { kind: 'insert', file, path: ['facts'], value: { id: `fact-${i + 1}`, type: 'text', label: { en: 'Note' }, value: { en: `Note ${i}` } } });
  }, iterations);
  let history = createHistory(start);
  const typing = timed((i) => {
    history = record(
      history,
      { kind: 'set', file, path: ['title', 'en'], value: `${title}, typed ${i}` },
      { label: 'title', coalesceKey: 'title', at: i * 100 },
    );
  }, iterations);
  if (history.past.length !== 1) throw new Error(`typing made ${history.past.length} undo steps, not one`);
  return {
    file,
    lines: text.split('\n').length,
    runs: [
      { name: 'a keystroke in a form field', ...keystroke, targetMs: STUDIO_EDIT_TARGETS_MS.keystroke },
      { name: 'the field read again', ...read, targetMs: STUDIO_EDIT_TARGETS_MS.read },
      { name: 'a fact added to the list', ...insert, targetMs: STUDIO_EDIT_TARGETS_MS.insert },
      { name: 'a keystroke recorded for undo (coalesced)', ...typing, targetMs: STUDIO_EDIT_TARGETS_MS.keystroke },
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const bench = runStudioEditBench();
  console.log(`Studio document model — ${bench.file} (${bench.lines} lines)`);
  for (const run of bench.runs)
    console.log(`${run.name.padEnd(44)} p50 ${run.p50.toFixed(2).padStart(7)} ms   p95 ${run.p95.toFixed(2).padStart(7)} ms   (target ${run.targetMs} ms)`);
}
