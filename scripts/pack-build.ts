// Runtime: Node (CLI). `npm run pack:build -- <folder> [--out <file>]`: validates a pack folder and
// writes it as one `.attache` archive (default: out/packs/<id>-<version>.attache). Exit 1 when the
// pack has errors, 2 when the arguments or the folder cannot be read.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { buildArchive, contentHash } from '../renderer/src/core/pack/archive';
import { formatDiagnostic } from '../renderer/src/core/pack/diagnostics';
import { loadPack } from '../renderer/src/core/pack/load';
import { APP_VERSION } from './lib/app-version';
import { PackInputError, readPackFolder } from './lib/pack-files';

function usage(message?: string): never {
  if (message) console.error(`pack:build: ${message}`);
  console.error('usage: npm run pack:build -- <pack folder> [--out <file.attache>]');
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } } });
} catch (error) {
  usage((error as Error).message);
}
if (parsed.values.help) usage();
const [folder, ...extra] = parsed.positionals;
if (!folder || extra.length) usage(folder ? 'give one folder' : undefined);

// The folder reader refuses a missing path, a link, a file and anything over the limits, naming it.
let files;
try {
  files = readPackFolder(folder);
} catch (error) {
  if (error instanceof PackInputError) usage(error.message);
  throw error;
}
const { pack, diagnostics } = loadPack(files, { appVersion: APP_VERSION });
for (const diagnostic of diagnostics) console.log(`${folder.replace(/\/+$/, '')}/${formatDiagnostic(diagnostic)}`);
if (!pack) {
  console.error(`pack:build: ${folder} has errors; no archive was written`);
  process.exit(1);
}
const archive = buildArchive(files, { packId: pack.manifest.id, packVersion: pack.manifest.version });
const out = parsed.values.out ?? path.join('out', 'packs', `${pack.manifest.id}-${pack.manifest.version}.attache`);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, archive);
console.log(`wrote ${out} (${archive.length} bytes, ${files.size} files)`);
console.log(`content hash sha256:${contentHash(files)}`);
