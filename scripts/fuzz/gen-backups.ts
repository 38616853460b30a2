// Runtime: Node (scripts). Hostile `.attache-backup` files: an academy's backup as the app writes it,
// then byte-flipped, truncated, given lying sizes, bombs and unsafe names; forged descriptions; files
// changed after it was made; and — the description rewritten to match, as anyone can, a backup being
// unsigned — rows of the wrong types, rows naming rows the backup does not hold, values nested
// without end, hundreds of thousands of rows, damaged or mislabelled pack archives, and a pack or a
// progress file chosen instead of a backup.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { BackupManifest, BackupTable } from '../../renderer/src/core/records/backup-format';
import { BACKUP_MANIFEST_PATH, BACKUP_TABLES, MAX_TABLE_FILE_BYTES } from '../../renderer/src/core/records/backup-format';
import type { Corpus } from './corpus';
import type { CraftedEntry } from './gen-archives';
import { addBadNames, craftZip, flipBytes, lieAboutSizes, truncateBytes, generateArchive, zeros64MiB } from './gen-archives';
import type { Json } from './json-mutations';
import { deepJson, hostileValue, mutateJson, parseJson } from './json-mutations';
import type { Rng } from './random';
import { oddString } from './random';
import { getRecordsCorpus, zipOf } from './records-corpus';

export const BACKUP_KINDS = [
  'valid',
  'byte-flips',
  'truncated',
  'lying-sizes',
  'zip-bomb',
  'bad-names',
  'forged-manifest',
  'tampered',
  'mutated-rows',
  'dangling-references',
  'deep-json',
  'many-rows',
  'bad-packs',
  'not-a-backup',
] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

const encoder = new TextEncoder();
const MIB = 1024 * 1024;

type Entries = Array<[string, Uint8Array]>;
type Row = Record<string, Json>;

function manifestOf(entries: Entries): BackupManifest {
  return parseJson(entries[0]![1]) as unknown as BackupManifest;
}

function setManifest(entries: Entries, manifest: unknown): void {
  entries[0] = [BACKUP_MANIFEST_PATH, typeof manifest === 'string' ? encoder.encode(manifest) : encoder.encode(`${JSON.stringify(manifest, null, 1)}\n`)];
}

/** The description made to match the files as they now are (sizes, hashes, each table's files and rows): a backup is not signed. */
function rehash(entries: Entries): Entries {
  const manifest = manifestOf(entries);
  const files = entries.slice(1);
  for (const table of BACKUP_TABLES) {
    const paths = files.map(([path]) => path).filter((path) => path.startsWith(`tables/${table}/`));
    let rows = 0;
    for (const path of paths) {
      try {
        const parsed = parseJson(files.find(([candidate]) => candidate === path)![1]);
        rows += Array.isArray(parsed) ? parsed.length : 0;
      } catch {
        // Not JSON: the reader says so.
      }
    }
    manifest.tables[table] = { rows, files: paths };
  }
  manifest.files = files.map(([path, bytes]) => ({ path, size: bytes.length, sha256: bytesToHex(sha256(bytes)) }));
  setManifest(entries, manifest);
  return entries;
}

function tableFiles(entries: Entries, table?: BackupTable): number[] {
  return entries.map(([path], index) => (path.startsWith(table ? `tables/${table}/` : 'tables/') ? index : -1)).filter((index) => index >= 0);
}

/** A table file's rows changed by `edit`, written back as the writer writes them. */
function editRows(entries: Entries, index: number, edit: (rows: Row[]) => Json | void): void {
  const rows = parseJson(entries[index]![1]) as Row[];
  const changed = edit(rows);
  const value = changed === undefined ? rows : changed;
  entries[index] = [
    entries[index]![0],
    encoder.encode(Array.isArray(value) ? `[\n${value.map((row) => JSON.stringify(row)).join(',\n')}\n]\n` : JSON.stringify(value)),
  ];
}

function firstFileOf(entries: Entries, table: BackupTable): number {
  const [index] = tableFiles(entries, table);
  if (index === undefined) throw new Error(`the fuzz corpus's backup has no rows in ${table}`);
  return index;
}

function asCrafted(entries: Entries): CraftedEntry[] {
  return entries.map(([name, data]) => ({ name: encoder.encode(name), data }));
}

export function generateBackup(rng: Rng, kind: BackupKind, corpus: Corpus): Uint8Array {
  const records = getRecordsCorpus(corpus);
  const entries: Entries = records.backupEntries();
  switch (kind) {
    case 'valid':
      return records.backupBytes.slice();
    case 'byte-flips': {
      return flipBytes(rng, records.backupBytes);
    }
    case 'truncated': {
      return truncateBytes(rng, records.backupBytes.slice());
    }
    case 'lying-sizes':
      return craftZip(lieAboutSizes(rng, asCrafted(entries), 128 * MIB + 1));
    case 'zip-bomb': {
      const crafted = asCrafted(entries);
      const copies = rng.pick([1, 4, 100]);
      const declared = rng.pick([64 * MIB, 1_000, 0]);
      for (let index = 0; index < copies; index += 1) {
        crafted.push({
          name: encoder.encode(`tables/attemptEvents/${String(90_000 + index)}.json`),
          data: new Uint8Array(),
          stored: zeros64MiB(),
          method: 8,
          declaredSize: declared,
          crc: 0x758d6336,
        });
      }
      return craftZip(crafted);
    }
    case 'bad-names': {
      const crafted = asCrafted(entries);
      const names = [
        '../attache-backup.json',
        '/tables/x.json',
        'tables\\settings\\00001.json',
        'tables/../x',
        'tables/',
        '',
        '.',
        'x\u0000.json',
        '\u202enosj.exe',
        'ATTACHE-BACKUP.json',
        BACKUP_MANIFEST_PATH,
        'packs/00001.attache',
      ];
      return craftZip(addBadNames(rng, crafted, { names, most: 4, suffix: 'x.json', data: encoder.encode('[]') }));
    }
    case 'forged-manifest': {
      const manifest = manifestOf(entries) as unknown as Record<string, Json> & {
        tables: Record<string, Record<string, Json>>;
        files: Array<Record<string, Json>>;
      };
      const forge = rng.pick([
        'types',
        'newer',
        'missing-file',
        'extra-file',
        'duplicate-path',
        'table-files',
        'row-count',
        'huge',
        'not-json',
        'proto',
        'deep',
      ]);
      let text: string | null = null;
      if (forge === 'types') {
        manifest[rng.pick(['format', 'kind', 'schemaVersion', 'appVersion', 'createdAt', 'tables', 'files'])] = hostileValue(rng);
        if (rng.chance(0.5)) manifest.tables[rng.pick(BACKUP_TABLES)] = hostileValue(rng) as Record<string, Json>;
      } else if (forge === 'newer') {
        if (rng.chance(0.5)) manifest.format = rng.pick([2, 99]);
        else manifest.schemaVersion = rng.pick([99, 10_000, 10_001]);
      } else if (forge === 'missing-file') manifest.files.splice(rng.int(manifest.files.length), 1);
      else if (forge === 'extra-file')
        manifest.files.push({ path: rng.pick(['tables/ghost/00001.json', '../x', 'packs/00009.attache']), size: rng.pick([0, 1e12]), sha256: '0'.repeat(64) });
      else if (forge === 'duplicate-path') manifest.files.push({ ...manifest.files[0]! });
      else if (forge === 'table-files')
        manifest.tables[rng.pick(BACKUP_TABLES)]!.files = [
          rng.pick(['tables/settings/00001.json', 'packs/00001.attache', 'tables/outcomes/00002.json', '../x']),
        ];
      else if (forge === 'row-count') manifest.tables[rng.pick(BACKUP_TABLES)]!.rows = rng.pick([0, 1, 5_000_001, -1]);
      else if (forge === 'huge')
        manifest.files = Array.from({ length: rng.pick([19_999, 200_000]) }, (_, index) => ({
          path: `tables/x/${index}.json`,
          size: 1,
          sha256: '0'.repeat(64),
        }));
      else if (forge === 'not-json') text = rng.pick(['', '{', 'null', '[]', '"x"', '\ufeff{}', '{"format":1,'.repeat(1_000)]);
      else if (forge === 'proto') text = `{"__proto__":{"format":1},"constructor":{"prototype":{"x":1}},${JSON.stringify(manifest).slice(1)}`;
      else text = deepJson(rng.pick([65, 1_000, 100_000]), rng.chance(0.5) ? 'array' : 'object');
      setManifest(entries, text ?? manifest);
      return zipOf(entries);
    }
    case 'tampered': {
      const change = rng.pick(['edit', 'add', 'remove']);
      if (change === 'edit') {
        const index = rng.between(1, entries.length - 1);
        const bytes = entries[index]![1].slice();
        const at = rng.int(bytes.length);
        bytes[at] = bytes[at]! ^ (1 << rng.int(8));
        entries[index] = [entries[index]![0], bytes];
      } else if (change === 'add') entries.push([rng.pick(['tables/outcomes/00099.json', 'notes.txt', 'packs/00099.attache']), encoder.encode('[]')]);
      else entries.splice(rng.between(1, entries.length - 1), 1);
      return zipOf(entries);
    }
    case 'mutated-rows': {
      editRows(entries, rng.pick(tableFiles(entries)), (rows) => {
        if (rows.length === 0) return [hostileValue(rng)];
        const index = rng.int(rows.length);
        rows[index] = mutateJson(rng, rows[index]!) as Row;
      });
      return zipOf(rehash(entries));
    }
    case 'dangling-references': {
      const flaw = rng.pick([
        'attempt-profile',
        'event-attempt',
        'snapshot-attempt',
        'draft-attempt',
        'duplicate',
        'outcome-played',
        'outcome-detail',
        'detail-outcome',
        'pack-file',
        'pack-twice',
        'played-key',
      ]);
      const edit = (table: BackupTable, change: (rows: Row[]) => void) => editRows(entries, firstFileOf(entries, table), (rows) => void change(rows));
      if (flaw === 'attempt-profile') edit('attempts', (rows) => void (rows[0]!.profileUid = 'nobody'));
      else if (flaw === 'event-attempt') edit('attemptEvents', (rows) => void (rows[rng.int(rows.length)]!.attemptUid = 'no-such-attempt'));
      else if (flaw === 'snapshot-attempt') edit('attemptSnapshots', (rows) => void (rows[0]!.attemptUid = 'no-such-attempt'));
      else if (flaw === 'draft-attempt') edit('composerDrafts', (rows) => void (rows[0]!.attemptUid = 'no-such-attempt'));
      else if (flaw === 'duplicate')
        edit(
          rng.pick(['profiles', 'attempts', 'outcomes', 'outcomeDetails', 'trainees', 'settings', 'playedScenarios', 'attemptEvents'] as const),
          (rows) => void rows.push(rows[0]!),
        );
      else if (flaw === 'outcome-played') edit('outcomes', (rows) => void (rows[0]!.playedScenario = 'core-library@0000/ghost'));
      else if (flaw === 'outcome-detail') edit('outcomeDetails', (rows) => void rows.splice(0, 1));
      else if (flaw === 'detail-outcome') edit('outcomes', (rows) => void rows.splice(0, 1));
      else if (flaw === 'pack-file') edit('packs', (rows) => void (rows[0]!.file = 'packs/00009.attache'));
      else if (flaw === 'pack-twice') edit('packs', (rows) => void rows.push({ ...rows[0]!, packId: 'second-pack' }));
      else edit('playedScenarios', (rows) => void (rows[0]!.key = 'core-library@0000/other'));
      return zipOf(rehash(entries));
    }
    case 'deep-json': {
      const depth = rng.pick([63, 65, 1_000, 100_000]);
      const shape = rng.pick(['table-file', 'snapshot', 'setting', 'event']);
      if (shape === 'table-file') {
        const index = rng.pick(tableFiles(entries));
        entries[index] = [entries[index]![0], encoder.encode(deepJson(depth, rng.chance(0.5) ? 'array' : 'object'))];
      } else {
        const nested = JSON.parse(deepJson(Math.min(depth, 5_000), rng.chance(0.5) ? 'array' : 'object')) as Json;
        if (shape === 'snapshot') editRows(entries, firstFileOf(entries, 'attemptSnapshots'), (rows) => void (rows[0]!.snapshot = nested));
        else if (shape === 'setting') editRows(entries, firstFileOf(entries, 'settings'), (rows) => void rows.push({ key: 'language', value: nested }));
        else editRows(entries, firstFileOf(entries, 'attemptEvents'), (rows) => void (rows[0]!.event = { type: 'START', extra: nested }));
      }
      return zipOf(rehash(entries));
    }
    case 'many-rows': {
      const shape = rng.pick(['events', 'settings', 'over-the-file-limit', 'entries']);
      if (shape === 'events') {
        editRows(entries, firstFileOf(entries, 'attemptEvents'), (rows) => {
          const first = rows[0]!;
          return Array.from({ length: rng.pick([10_000, 200_000]) }, (_, seq) => ({ ...first, seq }));
        });
      } else if (shape === 'settings') {
        editRows(entries, firstFileOf(entries, 'settings'), () => Array.from({ length: 100_000 }, (_, index) => ({ key: `setting${index}`, value: index })));
      } else if (shape === 'over-the-file-limit') {
        const index = firstFileOf(entries, 'outcomes');
        entries[index] = [entries[index]![0], encoder.encode(`[${' '.repeat(MAX_TABLE_FILE_BYTES)}]`)];
      } else {
        // 100,000 files: refused from the table of contents, before anything is inflated.
        const crafted = asCrafted(entries);
        for (let index = 0; index < 100_000; index += 1)
          crafted.push({ name: encoder.encode(`tables/attemptEvents/${index}.json`), data: encoder.encode('[]'), method: 0 });
        return craftZip(crafted);
      }
      return zipOf(rehash(entries));
    }
    case 'bad-packs': {
      const packIndex = entries.findIndex(([path]) => path.startsWith('packs/'));
      const damage = rng.pick(['archive-kind', 'other-pack', 'progress-file', 'random', 'version']);
      if (damage === 'archive-kind') {
        entries[packIndex] = [
          entries[packIndex]![0],
          generateArchive(rng, rng.pick(['byte-flips', 'truncated', 'lying-sizes', 'forged-manifest', 'bad-names'] as const), corpus.files),
        ];
      } else if (damage === 'other-pack') {
        editRows(entries, firstFileOf(entries, 'packs'), (rows) => void (rows[0]!.packId = 'another-pack'));
      } else if (damage === 'version') {
        editRows(entries, firstFileOf(entries, 'packs'), (rows) => void (rows[0]!.version = rng.pick(['9.9.9', '', oddString(rng, 20)])));
      } else if (damage === 'progress-file') entries[packIndex] = [entries[packIndex]![0], records.trainees[0]!.bytes];
      else entries[packIndex] = [entries[packIndex]![0], rng.bytes(rng.pick([0, 22, 5_000]))];
      return zipOf(rehash(entries));
    }
    case 'not-a-backup': {
      const what = rng.pick(['pack', 'progress-file', 'empty-zip', 'text']);
      if (what === 'pack') return generateArchive(rng, 'valid', corpus.files);
      if (what === 'progress-file') return rng.pick(records.trainees).bytes.slice();
      if (what === 'empty-zip') return craftZip([]);
      return encoder.encode(rng.pick(['', '{"format":1}', 'PK', oddString(rng, 100)]));
    }
  }
}
