// Runtime: Node (scripts). The studio's events list import on a large sheet: 1,000 rows (four
// personas, a task on every third row) planned against the template's scenario and turned into the
// one edit that adds them, then applied to the document — what happens on the UI thread between
// pressing "Add to the scenario" and the views showing the new timeline.
import { applyEdit } from '../renderer/src/core/studio/document';
import { DEFAULT_RESPONSE_WINDOW, detectMapping, melEdit, melTargetOf, planMelImport, scenarioFilesOf, type MelCell } from '../renderer/src/core/studio/mel';
import { newPackTemplate } from '../renderer/src/core/studio/templates';
import type { Timing } from './lib/timing';
import { timed } from './lib/timing';

/** p95 budgets: planning runs again on every change of the mapping, so it must stay well under a frame's worth of waiting. */
export const MEL_TARGETS_MS = { plan: 50, apply: 500 } as const;
export const MEL_ROWS = 1_000;

export interface MelBench {
  rows: number;
  plan: Timing;
  apply: Timing;
  injects: number;
}

export function runMelBench(iterations = 12): MelBench {
  const doc = newPackTemplate({
    packId: 'bench-drills',
    scenarioId: 'airport-closed',
    title: { en: 'Bench drills', ru: 'Учения' },
    languages: ['en', 'ru'],
    author: { name: 'Bench' },
    now: 0,
  });
  const file = scenarioFilesOf(doc)[0]!;
  const headers = ['Time', 'From', 'Channel', 'To', 'Message', 'Expected action'];
  const personas = ['Coastline Kai', '@BertilRavnMP', 'MFA Press Department', 'Lise Amundal'];
  const rows: MelCell[][] = [headers];
  for (let index = 0; index < MEL_ROWS; index += 1)
    rows.push([
      `${Math.floor(index / 60) % 10}:${String(index % 60).padStart(2, '0')}`,
      personas[index % 4]!,
      'X',
      null,
      `Event ${index}, with some words to read.`,
      index % 3 === 0 ? 'Reply' : 'none',
    ]);
  const options = {
    language: 'en',
    responseWindow: DEFAULT_RESPONSE_WINDOW,
    mapping: detectMapping(headers),
    taskTitle: (kind: string, persona: string) => `${kind} ${persona}`,
  };
  const plan = () => planMelImport(rows, melTargetOf(doc, file), options);
  const injects = plan().injects.length;
  return {
    rows: MEL_ROWS,
    plan: timed(plan, iterations),
    apply: timed(() => applyEdit(doc, melEdit(plan(), doc, file)), Math.max(3, Math.floor(iterations / 3))),
    injects,
  };
}
