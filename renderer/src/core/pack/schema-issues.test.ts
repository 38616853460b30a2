// Runtime: Node (Vitest). The format's own rules, written as messages into schema.ts, reach the
// author in words to translate: each one is known to schema-issues.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACK_FORMAT } from './schema';
import { schemaRule } from './schema-issues';

describe('schema rules', () => {
  it('every message written into schema.ts is a phrase of the catalogue, not left as it is', () => {
    const source = readFileSync(path.join(import.meta.dirname, 'schema.ts'), 'utf8');
    const messages = [...source.matchAll(/message: (['`])((?:(?!\1).)*)\1/g)].map((match) => match[2]!.replace('${PACK_FORMAT}', String(PACK_FORMAT)));
    expect(messages.length).toBeGreaterThan(15);
    for (const message of messages) expect(schemaRule(message).words, message).toHaveProperty('key');
  });
});
