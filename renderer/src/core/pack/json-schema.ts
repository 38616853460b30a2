// Runtime: any (pure core). The published JSON Schema of the pack format, generated from the same
// zod schemas the validator uses, so editors check and complete pack files as the app will.
import { z } from '../zod';
import { PACK_FORMAT, packSchemas } from './schema';

const SCHEMA_BASE = 'https://attache.example/schema/pack-v1/';

export const JSON_SCHEMA_FILES = {
  'pack.schema.json': { schema: packSchemas.pack, title: 'Attaché pack manifest (pack.yaml)' },
  'scenario.schema.json': { schema: packSchemas.scenario, title: 'Attaché scenario (scenarios/<id>.yaml)' },
  'personas.schema.json': { schema: packSchemas.personasFile, title: 'Attaché pack personas (personas.yaml)' },
  'courses.schema.json': { schema: packSchemas.coursesFile, title: 'Attaché courses (courses.yaml)' },
} as const;

/** File name → JSON text (2-space indented, trailing newline), as written to scenarios/schema/. */
export function generateJsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, { schema, title }] of Object.entries(JSON_SCHEMA_FILES)) {
    // Authors write the input side: fields with defaults are optional there.
    const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
    out[file] =
      `${JSON.stringify({ ...json, $id: `${SCHEMA_BASE}${file}`, title, description: `Pack format ${PACK_FORMAT}. Generated from renderer/src/core/pack/schema.ts by npm run pack:schema — do not edit by hand.` }, null, 2)}\n`;
  }
  return out;
}
