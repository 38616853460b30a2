// Runtime: renderer. The pack format's JSON Schemas, per file, for the YAML editor's completion and
// hover docs: the published schemas, generated from the loader's own (npm run pack:schema), bundled
// with the editor.
import type { stateExtensions } from 'codemirror-json-schema';
import coursesSchema from '../../../../../scenarios/schema/courses.schema.json';
import packSchema from '../../../../../scenarios/schema/pack.schema.json';
import personasSchema from '../../../../../scenarios/schema/personas.schema.json';
import scenarioSchema from '../../../../../scenarios/schema/scenario.schema.json';

export type JsonSchema = NonNullable<Parameters<typeof stateExtensions>[0]>;

/** The JSON Schema of a pack file, by its path; null for a file the format does not describe. */
export function schemaForFile(file: string): JsonSchema | null {
  if (file === 'pack.yaml') return packSchema as unknown as JsonSchema;
  if (file === 'personas.yaml') return personasSchema as unknown as JsonSchema;
  if (file === 'courses.yaml') return coursesSchema as unknown as JsonSchema;
  if (/^scenarios\/[^/]+\.ya?ml$/.test(file)) return scenarioSchema as unknown as JsonSchema;
  return null;
}
