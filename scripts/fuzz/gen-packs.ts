// Runtime: Node (scripts). Hostile pack file maps for the pack loader: the core library, mutated.
// Each kind aims at one way a document's shape can drive unbounded work (depth, length, counts,
// aliases, references) or odd content (types, encodings, paths); 'splice' combines two of them.
import { parseDocument, stringify } from 'yaml';
import type { PackFiles } from '../../renderer/src/core/pack/archive';
import type { Rng } from './random';
import { edgySize, oddString } from './random';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const MIB = 1024 * 1024;

export const PACK_KINDS = [
  'valid',
  'deep-nesting',
  'huge-sequence',
  'duplicate-keys',
  'dangling-references',
  'unknown-fields',
  'many-scenarios',
  'error-storm',
  'alias-bomb',
  'wrong-types',
  'huge-strings',
  'unicode',
  'byte-flips',
  'bad-paths',
  'media',
  'structure',
  'splice',
] as const;
export type PackKind = (typeof PACK_KINDS)[number];

const text = (files: PackFiles, path: string) => decoder.decode(files.get(path) ?? new Uint8Array());
const put = (files: PackFiles, path: string, value: string) => files.set(path, encoder.encode(value));
const scenarioPaths = (files: PackFiles) => [...files.keys()].filter((path) => path.startsWith('scenarios/'));
/** A YAML file of the pack to aim at: a scenario most often, as they are the largest and most referenced. */
const someYaml = (rng: Rng, files: PackFiles) => (rng.chance(0.7) ? rng.pick(scenarioPaths(files)) : rng.pick(['pack.yaml', 'personas.yaml', 'courses.yaml']));

function parsed(files: PackFiles, path: string): Record<string, unknown> {
  const value: unknown = parseDocument(text(files, path)).toJS({ maxAliasCount: -1 });
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
const putJs = (files: PackFiles, path: string, value: unknown) => put(files, path, stringify(value, { lineWidth: 0, aliasDuplicateObjects: false }));

function deepNesting(rng: Rng, files: PackFiles): void {
  const path = someYaml(rng, files);
  const depth = rng.pick([200, 1_000, 10_000, 100_000, 400_000]);
  const shape = rng.pick(['flow-seq', 'flow-map', 'block-seq', 'block-map', 'field']);
  let value: string;
  if (shape === 'flow-seq') value = `${'['.repeat(depth)}${']'.repeat(depth)}`;
  else if (shape === 'flow-map') value = `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`;
  else if (shape === 'block-seq') value = `${'- '.repeat(depth)}x`;
  else if (shape === 'block-map') {
    const levels = Math.min(depth, 1_400);
    value = Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1';
  } else {
    const doc = parsed(files, path);
    let inner: unknown = 'x';
    for (let i = 0; i < Math.min(depth, 5_000); i += 1) inner = rng.chance(0.5) ? [inner] : { timeline: inner };
    doc[rng.pick(['timeline', 'tasks', 'facts', 'accounts', 'policy'])] = inner;
    putJs(files, path, JSON.stringify(doc));
    return;
  }
  put(files, path, rng.chance(0.5) ? value : `${text(files, path)}\nextra: ${value}\n`);
}

function hugeSequence(rng: Rng, files: PackFiles): void {
  const path = someYaml(rng, files);
  const items = rng.pick([10_000, 100_000, 140_000, 200_000]);
  const field = rng.pick(['timeline', 'tasks', 'facts', 'accounts', 'personas', 'courses', 'languages', 'branches', 'authors']);
  const item = rng.pick(['1', 'x', '{}', '[]', '{id: a}', 'null']);
  const flow = rng.chance(0.5);
  const list = flow ? `[${Array.from({ length: items }, () => item).join(',')}]` : `\n${Array.from({ length: items }, () => `  - ${item}`).join('\n')}`;
  const body = text(files, path).replace(new RegExp(`^${field}:.*$`, 'm'), '');
  put(files, path, `${body}\n${field}: ${list}\n`);
}

function duplicateKeys(rng: Rng, files: PackFiles): void {
  const path = someYaml(rng, files);
  const count = edgySize(rng, [200_000, 100_000, 20_000], 220_000);
  const key = rng.pick(['a', 'id', 'timeline', 'x1']);
  const lines = Array.from({ length: count }, (_, i) => (rng.chance(0.9) ? `${key}: ${i}` : `k${i % 7}: 1`));
  put(files, path, rng.chance(0.5) ? lines.join('\n') : `${text(files, path)}\n${lines.join('\n')}\n`);
}

function danglingReferences(rng: Rng, files: PackFiles): void {
  const count = rng.pick([1_000, 3_000, 5_000, 10_000]);
  const ghost = (i: number) => `ghost-${i}-${'x'.repeat(rng.int(3) * 20)}`;
  if (rng.chance(0.2)) {
    const doc = parsed(files, 'courses.yaml');
    const courses = (doc.courses as Array<Record<string, unknown>> | undefined) ?? [];
    if (courses[0]) courses[0].scenarios = Array.from({ length: count }, (_, i) => ghost(i));
    putJs(files, 'courses.yaml', doc);
    return;
  }
  const path = rng.pick(scenarioPaths(files));
  const doc = parsed(files, path);
  const timeline = (doc.timeline as Array<Record<string, unknown>> | undefined) ?? [];
  const tasks = (doc.tasks as Array<Record<string, unknown>> | undefined) ?? [];
  const where = rng.pick(['timeline', 'tasks', 'both']);
  if (where !== 'tasks' && timeline[0]) {
    doc.timeline = Array.from({ length: count }, (_, i) => ({
      ...timeline[i % timeline.length]!,
      id: `inject-${i}`,
      persona: ghost(i),
      account: rng.chance(0.5) ? ghost(i) : timeline[0]!.account,
      ...(rng.chance(0.5) ? { replyTo: ghost(i + 1) } : {}),
    }));
  }
  if (where !== 'timeline' && tasks[0]) {
    doc.tasks = Array.from({ length: Math.min(count, 3_000) }, (_, i) => ({
      ...tasks[i % tasks.length]!,
      id: `task-${i}`,
      account: ghost(i),
      replyTo: ghost(i + 7),
    }));
  }
  putJs(files, path, doc);
}

function unknownFields(rng: Rng, files: PackFiles): void {
  const path = someYaml(rng, files);
  const doc = parsed(files, path);
  const count = rng.pick([2_000, 20_000, 30_000]);
  if (path.startsWith('scenarios/') && rng.chance(0.4)) {
    const rules: Record<string, unknown> = {};
    for (let i = 0; i < count; i += 1) rules[rng.chance(0.8) ? `tone.made-up-${i}` : `Bad Rule ${i}`] = rng.chance(0.8) ? { level: 'off' } : 'off';
    doc.rubric = { rules };
  } else {
    const target = rng.chance(0.5)
      ? doc
      : ((Object.values(doc).find((v) => v && typeof v === 'object' && !Array.isArray(v)) as Record<string, unknown> | undefined) ?? doc);
    for (let i = 0; i < count; i += 1) target[`${rng.pick(['unknownField', 'titel', 'idd', 'timelin', 'x'])}${i}`] = i;
  }
  putJs(files, path, doc);
}

function manyScenarios(rng: Rng, files: PackFiles): void {
  const smallest = scenarioPaths(files).sort((a, b) => files.get(a)!.length - files.get(b)!.length)[0]!;
  const source = text(files, smallest);
  const count = rng.pick([500, 1_000, 1_995, 1_996, 2_000, 2_500]);
  for (const path of scenarioPaths(files)) files.delete(path);
  for (let i = 0; i < count; i += 1) {
    const id = `copy-${i}`;
    put(files, `scenarios/${id}.yaml`, source.replace(/^id: .*$/m, `id: ${id}`));
  }
}

const STORM_LINES = [
  '- [',
  ': : :',
  '\tkey: 1',
  '@x',
  '`y',
  'a: "unclosed',
  'a: b: c',
  '}',
  ']',
  '? ',
  '- a\nb',
  '&',
  '*',
  '!!x',
  '%YAML 9',
  '---',
  '... x',
  'a:\n  - b\n c: d',
];
function errorStorm(rng: Rng, files: PackFiles): void {
  const path = someYaml(rng, files);
  const lines = rng.pick([1_000, 50_000, 140_000, 200_000]);
  const line = rng.pick(STORM_LINES);
  const mixed = rng.chance(0.3);
  const out = Array.from({ length: lines }, () => (mixed ? rng.pick(STORM_LINES) : line)).join('\n');
  put(files, path, out.slice(0, rng.chance(0.8) ? 1_000_000 : 4 * MIB));
}

function aliasBomb(rng: Rng, files: PackFiles): void {
  const path = someYaml(rng, files);
  const shape = rng.pick(['laughs', 'many-aliases', 'undefined-alias', 'merge', 'self']);
  let bomb: string;
  if (shape === 'laughs') {
    const width = rng.between(5, 10);
    const levels = rng.between(5, 12);
    const lines = [`l0: &l0 [${Array.from({ length: width }, () => '"lol"').join(',')}]`];
    for (let i = 1; i < levels; i += 1) lines.push(`l${i}: &l${i} [${Array.from({ length: width }, () => `*l${i - 1}`).join(',')}]`);
    bomb = lines.join('\n');
  } else if (shape === 'many-aliases') {
    bomb = `a: &a x\nb: [${Array.from({ length: rng.pick([100, 10_000, 100_000]) }, () => '*a').join(',')}]`;
  } else if (shape === 'undefined-alias') {
    bomb = Array.from({ length: rng.pick([10, 10_000]) }, (_, i) => `k${i}: *nope${i}`).join('\n');
  } else if (shape === 'merge') {
    bomb = `base: &b {a: 1}\n${Array.from({ length: rng.pick([50, 5_000]) }, (_, i) => `m${i}: &m${i} {<<: ${i ? `*m${i - 1}` : '*b'}, k${i}: 1}`).join('\n')}`;
  } else bomb = 'a: &a [*a]\nb: &b {c: *b}';
  put(files, path, rng.chance(0.5) ? bomb : `${text(files, path)}\n${bomb}\n`);
}

const WRONG_VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -0,
  '',
  ' ',
  '0:-1',
  '99999:99',
  '.nan',
  [],
  {},
  [[]],
  [null],
  { '': 1 },
  'x'.repeat(5_000),
  '9'.repeat(400),
];
const WRONG_SCALARS = [
  '.nan',
  '.inf',
  '-.inf',
  '0x1F',
  '0o17',
  '1e400',
  '99999999999999999999999',
  '!!binary aGVsbG8=',
  '!custom x',
  '!!js/function "f"',
  '!!timestamp 2001-12-14',
  '~',
  'null',
  'Yes',
  'on',
  '0:60',
  '-0:10',
  "'24:00'",
  '"\\u0000"',
  '"\\uD800"',
];
function wrongTypes(rng: Rng, files: PackFiles): void {
  const path = someYaml(rng, files);
  if (rng.chance(0.4)) {
    // Raw YAML scalars with tags and special numbers, placed where values are.
    const lines = text(files, path).split('\n');
    for (let n = rng.between(1, 40); n > 0; n -= 1) {
      const index = rng.int(lines.length);
      lines[index] = lines[index]!.replace(/:\s.*$/, `: ${rng.pick(WRONG_SCALARS)}`);
    }
    put(files, path, lines.join('\n'));
    return;
  }
  const doc = parsed(files, path);
  const nodes: Array<[Record<string, unknown> | unknown[], string | number]> = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        nodes.push([value, i]);
        walk(item);
      });
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        nodes.push([value as Record<string, unknown>, key]);
        walk(item);
      }
    }
  };
  walk(doc);
  for (let n = rng.between(1, 60); n > 0 && nodes.length; n -= 1) {
    const [parent, key] = rng.pick(nodes);
    (parent as Record<string | number, unknown>)[key] = rng.pick(WRONG_VALUES);
  }
  putJs(files, path, rng.chance(0.3) ? JSON.stringify(doc) : doc);
}

function hugeStrings(rng: Rng, files: PackFiles): void {
  const path = someYaml(rng, files);
  const size = edgySize(rng, [1_000_000, 1_048_576, 900_000, 100_000], 1_100_000);
  const filler = rng.pick(['x', 'ab ', '.', '\u00e9', '🙂', '\\u0041', '"']);
  const long = filler.repeat(Math.ceil(size / filler.length)).slice(0, size);
  const where = rng.pick(['id', 'key', 'value', 'reference', 'line']);
  if (where === 'line') put(files, path, long);
  else if (where === 'key') put(files, path, `${text(files, path)}\n${JSON.stringify(long.slice(0, 200_000))}: 1\n`);
  else {
    const doc = parsed(files, path);
    if (where === 'id') doc.id = long.slice(0, rng.pick([300, 10_000, 200_000]));
    else if (where === 'reference') {
      const timeline = doc.timeline as Array<Record<string, unknown>> | undefined;
      if (timeline?.[0]) timeline[0].persona = long.slice(0, rng.pick([300, 10_000, 200_000]));
      else doc.languages = [long.slice(0, 10_000)];
    } else doc[rng.pick(['summary', 'title', 'situation', 'description'])] = { en: long };
    putJs(files, path, doc);
  }
}

function unicode(rng: Rng, files: PackFiles): void {
  const path = someYaml(rng, files);
  const shape = rng.pick(['bom', 'utf16', 'invalid-utf8', 'crlf', 'nul', 'odd-ids', 'nfd', 'cr-only']);
  const source = text(files, path);
  if (shape === 'bom') put(files, path, `\ufeff${source}`);
  else if (shape === 'utf16') files.set(path, new Uint8Array(Buffer.from(`\ufeff${source}`, 'utf16le')));
  else if (shape === 'invalid-utf8') {
    const bytes = new Uint8Array(encoder.encode(source));
    for (let n = rng.between(1, 20); n > 0; n -= 1) bytes[rng.int(bytes.length)] = rng.pick([0xff, 0xfe, 0xc0, 0x80, 0xed]);
    files.set(path, bytes);
  } else if (shape === 'crlf') put(files, path, source.replace(/\n/g, '\r\n'));
  else if (shape === 'cr-only') put(files, path, source.replace(/\n/g, '\r'));
  else if (shape === 'nul') put(files, path, source.replace(/: /, `: \u0000`));
  else if (shape === 'nfd') put(files, path, source.normalize('NFD'));
  else {
    const doc = parsed(files, path);
    doc.id = oddString(rng, rng.between(1, 80));
    const timeline = doc.timeline as Array<Record<string, unknown>> | undefined;
    if (timeline?.[0]) timeline[0].persona = oddString(rng, rng.between(1, 40));
    putJs(files, path, doc);
  }
}

function byteFlips(rng: Rng, files: PackFiles): void {
  const path = someYaml(rng, files);
  const bytes = new Uint8Array(files.get(path)!);
  for (let n = rng.between(1, 50); n > 0; n -= 1)
    bytes[rng.int(bytes.length)] = rng.chance(0.5) ? rng.int(256) : rng.pick([0x3a, 0x2d, 0x20, 0x0a, 0x09, 0x5b, 0x7b, 0x26, 0x2a, 0x21, 0x22]);
  files.set(path, rng.chance(0.2) ? bytes.slice(0, rng.int(bytes.length)) : bytes);
}

const BAD_PATHS = [
  '../escape.yaml',
  '/etc/passwd',
  'C:/x.yaml',
  'scenarios\\x.yaml',
  'scenarios/../pack.yaml',
  './pack.yaml',
  'scenarios//x.yaml',
  'scenarios/a/b.yaml',
  '',
  '.',
  'media/',
  'media/x.exe',
  'media/\u0000.png',
  'scenarios/\u202egpj.yaml',
  'scenarios/CON.yaml',
  'scenarios/x.yaml ',
  'PACK.YAML',
  'scenarios/.yaml',
  'scenarios/\ud800.yaml',
  'attache-archive.json',
];
function badPaths(rng: Rng, files: PackFiles): void {
  for (let n = rng.between(1, 12); n > 0; n -= 1) {
    const path = rng.chance(0.8)
      ? rng.pick(BAD_PATHS)
      : rng.chance(0.5)
        ? `scenarios/${'a/'.repeat(rng.between(1, 2_000))}x.yaml`
        : `media/${oddString(rng, rng.pick([10, 300, 20_000]))}.png`;
    files.set(path, files.get('pack.yaml') ?? encoder.encode('id: x\n'));
  }
  if (rng.chance(0.2)) for (let i = 0; i < rng.pick([1_990, 2_001, 5_000]); i += 1) files.set(`notes/${i}.txt`, new Uint8Array());
}

function media(rng: Rng, files: PackFiles): void {
  const shape = rng.pick(['big', 'many', 'fake', 'total']);
  if (shape === 'big') files.set(`media/${rng.pick(['a.png', 'b.mp4', 'c.svg'])}`, new Uint8Array(edgySize(rng, [16 * MIB, 16 * MIB + 1], 20 * MIB)));
  else if (shape === 'many') for (let i = 0; i < rng.pick([100, 1_990]); i += 1) files.set(`media/${i}.png`, new Uint8Array(rng.int(1_000)));
  else if (shape === 'fake')
    files.set('media/evil.svg', encoder.encode(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script>${'<g>'.repeat(100_000)}</svg>`));
  else for (let i = 0; i < 18; i += 1) files.set(`media/${i}.webm`, new Uint8Array(15 * MIB));
}

function structure(rng: Rng, files: PackFiles): void {
  const shape = rng.pick(['empty-map', 'no-pack', 'empty-files', 'null-docs', 'multi-doc', 'list-root', 'scalar-root', 'only-pack', 'comment-only']);
  if (shape === 'empty-map') files.clear();
  else if (shape === 'no-pack') files.delete('pack.yaml');
  else if (shape === 'only-pack')
    for (const path of [...files.keys()])
      if (path !== 'pack.yaml') files.delete(path);
      else {
        const contents: Record<string, string> = {
          'empty-files': '',
          'null-docs': '~',
          'multi-doc': '---\nid: a\n---\nid: b\n',
          'list-root': '- a\n- b',
          'scalar-root': '42',
          'comment-only': '# nothing',
        };
        const value = contents[shape] ?? '';
        for (const path of [...files.keys()]) if (path.endsWith('.yaml') && rng.chance(0.5)) put(files, path, value);
      }
}

const MUTATORS: Record<Exclude<PackKind, 'valid' | 'splice'>, (rng: Rng, files: PackFiles) => void> = {
  'deep-nesting': deepNesting,
  'huge-sequence': hugeSequence,
  'duplicate-keys': duplicateKeys,
  'dangling-references': danglingReferences,
  'unknown-fields': unknownFields,
  'many-scenarios': manyScenarios,
  'error-storm': errorStorm,
  'alias-bomb': aliasBomb,
  'wrong-types': wrongTypes,
  'huge-strings': hugeStrings,
  unicode,
  'byte-flips': byteFlips,
  'bad-paths': badPaths,
  media,
  structure,
};

/** A mutated copy of `base`; `base` itself is never changed. */
export function generatePack(rng: Rng, kind: PackKind, base: PackFiles): PackFiles {
  const files: PackFiles = new Map(base);
  if (kind === 'valid') {
    if (rng.chance(0.5)) files.delete(rng.pick(scenarioPaths(files)));
    return files;
  }
  const mutators = kind === 'splice' ? [rng.pick(Object.values(MUTATORS)), rng.pick(Object.values(MUTATORS))] : [MUTATORS[kind]];
  for (const mutate of mutators) mutate(rng, files);
  return files;
}
