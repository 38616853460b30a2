import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateJsonSchemas } from './json-schema';

const SCHEMA_DIR = path.resolve(import.meta.dirname, '..', '..', '..', '..', 'scenarios', 'schema');

describe('the published JSON Schema', () => {
  const generated = generateJsonSchemas();

  it('is up to date with the schema in the code (run `npm run pack:schema` after changing it)', () => {
    expect(readdirSync(SCHEMA_DIR).sort()).toEqual(Object.keys(generated).sort());
    for (const [file, text] of Object.entries(generated)) {
      expect(readFileSync(path.join(SCHEMA_DIR, file), 'utf8'), `scenarios/schema/${file} is stale`).toBe(text);
    }
  });

  it('lets authors leave out fields that have defaults, and forbids unknown fields', () => {
    const scenario = JSON.parse(generated['scenario.schema.json']!) as { required: string[]; additionalProperties: boolean };
    expect(scenario.required).toContain('tasks');
    expect(scenario.required).not.toContain('branches');
    expect(scenario.additionalProperties).toBe(false);
  });
});
