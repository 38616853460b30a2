// Runtime: Node (scripts). Writes the Open Badges 3.0 schema's validator as plain JavaScript:
//   node scripts/with-node.mjs tsx scripts/open-badge-validator.ts
// Ajv compiles a schema by generating code and running it with `new Function`, which the app's
// Content-Security-Policy (script-src 'self') forbids in the renderer. So the validator is compiled
// here with Ajv 2019 and ajv-formats into an ES module (Ajv's standalone code) that the app imports
// like any other; credentials/schema.test.ts fails when it is not the one this script writes now.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2019 } from 'ajv/dist/2019.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_FILE = path.join(root, 'renderer/src/credentials/schema/open-badge-credential.schema.json');
export const VALIDATOR_FILE = path.join(root, 'renderer/src/credentials/schema/open-badge-credential.validate.js');

/** The formats the schema uses, each taken from ajv-formats' full (RFC-exact) set. */
export const SCHEMA_FORMATS = ['date-time', 'uri'] as const;

/** Ajv as the validator is compiled with (the tests use it too, to compare). */
export function schemaAjv(options: { source: boolean }) {
  const ajv = new Ajv2019({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    code: { source: options.source, esm: true },
  });
  addFormats(ajv, { mode: 'full', formats: [...SCHEMA_FORMATS] });
  return ajv;
}

/** The validator module's text: Ajv's standalone code with its one runtime import written as an ES import. */
export function openBadgeValidatorSource(): string {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object;
  const ajv = schemaAjv({ source: true });
  let code = standaloneCode(ajv, ajv.compile(schema)).replace(/^"use strict";/, '');
  code = code.replace(/const (\w+) = require\("ajv-formats\/dist\/formats"\)\.fullFormats(\["[\w-]+"\]|\.\w+);/g, 'const $1 = fullFormats$2;');
  const left = /require\("([^"]+)"\)/.exec(code);
  if (left) throw new Error(`the validator needs ${left[1]} at run time; keep the schema to keywords and the formats ${SCHEMA_FORMATS.join(', ')}`);
  return [
    '// Runtime: any (generated). The Open Badges 3.0 schema (open-badge-credential.schema.json) compiled by Ajv 2019',
    '// with ajv-formats, so that no code is generated at run time. Written by scripts/open-badge-validator.ts: do not edit.',
    '/* eslint-disable */',
    "import { fullFormats } from 'ajv-formats/dist/formats.js';",
    code,
    '',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(VALIDATOR_FILE, openBadgeValidatorSource());
  console.log(`Wrote ${path.relative(root, VALIDATOR_FILE)}`);
}
