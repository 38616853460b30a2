// Runtime: any (pure). The scenario packs installed in the app, and the lookups every screen needs.
import type { Pack } from '../core/pack/load';
import type { Persona, Scenario } from '../core/pack/schema';
import { scenarioLanguages } from '../core/pack/summary';
import type { Diagnostic } from '../core/pack/diagnostics';

export interface ScenarioRef {
  pack: Pack;
  scenario: Scenario;
}

export interface Library {
  packs: Pack[];
  /** Packs that did not load, with why: shown to the user rather than silently missing. */
  problems: { source: string; diagnostics: Diagnostic[] }[];
}

export function createLibrary(packs: Pack[], problems: Library['problems'] = []): Library {
  return { packs, problems };
}

export function findScenario(library: Library, packId: string, scenarioId: string): ScenarioRef | null {
  const pack = library.packs.find((candidate) => candidate.manifest.id === packId);
  const scenario = pack?.scenarios.find((candidate) => candidate.id === scenarioId);
  return pack && scenario ? { pack, scenario } : null;
}

/** Everyone who can appear in the scenario's feeds: the pack's personas, then the scenario's own (which win). */
export function personasOf({ pack, scenario }: ScenarioRef): Map<string, Persona> {
  const personas = new Map<string, Persona>();
  for (const persona of pack.personas) personas.set(persona.id, persona);
  for (const persona of scenario.personas) personas.set(persona.id, persona);
  return personas;
}

export function languagesOf({ pack, scenario }: ScenarioRef): string[] {
  return scenarioLanguages(pack, scenario);
}

/** Text in the wanted language, else the first language that has it. */
export function localized(text: Record<string, string> | undefined, language: string): string {
  if (!text) return '';
  return text[language] ?? Object.values(text).find((value) => value.length > 0) ?? '';
}
