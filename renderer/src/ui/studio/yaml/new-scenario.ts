// Runtime: renderer. The text of a scenario file added to an open pack: the template's scenario (one
// account, fact, key message, inject and task, each explained in a comment) under the new id, in the
// pack's languages. Its sample reporter is a persona of the template's personas.yaml: the problems
// panel says so when the pack lacks it, and the author picks one of the pack's own.
import { newPackTemplate } from '../../../core/studio/templates';

export function newScenarioText({ id, languages, now }: { id: string; languages: readonly string[]; now: number }): string {
  const title = Object.fromEntries(languages.map((language) => [language, id]));
  const template = newPackTemplate({ packId: id, scenarioId: id, title, languages, author: { name: id }, now });
  const text = template.texts.get(`scenarios/${id}.yaml`);
  if (text === undefined) throw new Error(`The template has no scenarios/${id}.yaml`);
  return text;
}
