// Runtime: Node (CLI). `npm run pack:schema`: writes the pack format's JSON Schema to
// scenarios/schema/. A unit test fails while the files there differ from what this writes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateJsonSchemas } from '../renderer/src/core/pack/json-schema';

const dir = path.resolve(import.meta.dirname, '..', 'scenarios', 'schema');
mkdirSync(dir, { recursive: true });
for (const [file, text] of Object.entries(generateJsonSchemas())) {
  writeFileSync(path.join(dir, file), text);
  console.log(`wrote scenarios/schema/${file}`);
}
