// Runtime: any (tests and scripts). Hostile packs built from the minimal pack: each one a shape a
// damaged or malicious pack can take, sized by the caller, for the loader's tests and timings.
import type { PackFiles } from '../archive';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const SCENARIO = 'scenarios/hotline.yaml';

function edited(base: PackFiles, file: string, text: string): PackFiles {
  return new Map(base).set(file, encoder.encode(text));
}

function scenarioText(base: PackFiles): string {
  const bytes = base.get(SCENARIO);
  if (!bytes) throw new Error(`the base pack has no ${SCENARIO}`);
  return decoder.decode(bytes);
}

const items = (count: number, line: (index: number) => string) => Array.from({ length: count }, (_, index) => line(index)).join('');

export interface HostileShape {
  name: string;
  /** The file the loader should name when it refuses the pack. */
  file: string;
  build: (base: PackFiles, size: number) => PackFiles;
}

export const HOSTILE_SHAPES: readonly HostileShape[] = [
  {
    name: 'a sequence with a huge number of items',
    file: SCENARIO,
    build: (base, size) => edited(base, SCENARIO, `${scenarioText(base)}\nextra: [${items(size, () => '1,')}1]\n`),
  },
  {
    name: 'a YAML error on every line',
    file: SCENARIO,
    build: (base, size) => edited(base, SCENARIO, `${scenarioText(base)}${items(size, () => '\tk: 1\n')}`),
  },
  {
    name: 'a stray closing bracket on every line',
    file: SCENARIO,
    build: (base, size) => edited(base, SCENARIO, `${scenarioText(base)}${items(size, () => 'k: ]\n')}`),
  },
  {
    name: 'the same key over and over',
    file: SCENARIO,
    build: (base, size) => edited(base, SCENARIO, `${scenarioText(base)}${items(size, () => 'k: 1\n')}`),
  },
  {
    name: 'many different keys',
    file: SCENARIO,
    build: (base, size) => edited(base, SCENARIO, `${scenarioText(base)}${items(size, (index) => `k${index}: 1\n`)}`),
  },
  {
    name: 'many unknown fields',
    file: SCENARIO,
    build: (base, size) =>
      edited(base, SCENARIO, scenarioText(base).replace('kind: crisis\n', `kind: crisis\n${items(size, (index) => `unknownField${index}: 1\n`)}`)),
  },
  {
    name: 'many unknown grader rules',
    file: SCENARIO,
    build: (base, size) =>
      edited(base, SCENARIO, `${scenarioText(base)}rubric:\n  rules:\n${items(size, (index) => `    tone.no-such-rule-${index}: { level: off }\n`)}`),
  },
  {
    name: 'many dangling references',
    file: SCENARIO,
    build: (base, size) =>
      edited(
        base,
        SCENARIO,
        scenarioText(base)
          .replace(
            /\ntimeline:\n[\s\S]*?\ntasks:\n/,
            `\ntimeline:\n${items(size, (index) => `  - { id: i${index}, at: "0:05", type: post, persona: ghost-${index}, account: acct-${index}, text: { en: x, ru: x } }\n`)}tasks:\n`,
          )
          .concat(`personas:\n${items(size, (index) => `  - { id: person-${index}, name: { en: P, ru: P }, handle: p${index}, role: citizen }\n`)}`),
      ),
  },
  {
    name: 'deeply nested brackets',
    file: SCENARIO,
    build: (base, size) => edited(base, SCENARIO, `${scenarioText(base)}extra: ${'['.repeat(size)}${']'.repeat(size)}\n`),
  },
  {
    name: 'deeply nested indentation',
    file: SCENARIO,
    build: (base, size) => edited(base, SCENARIO, `${scenarioText(base)}extra:\n${items(size, (index) => `${' '.repeat(index + 1)}k:\n`)}`),
  },
  {
    name: 'many aliases',
    file: SCENARIO,
    build: (base, size) => edited(base, SCENARIO, `${scenarioText(base)}anchor: &a [1, 2]\nextra: [${items(size, () => '*a, ')}*a]\n`),
  },
  {
    name: 'many scenario files',
    file: 'scenarios/',
    build: (base, size) => {
      const files = new Map(base);
      const text = scenarioText(base);
      for (let index = 0; index < size; index += 1) files.set(`scenarios/s${index}.yaml`, encoder.encode(text.replace('id: hotline', `id: s${index}`)));
      return files;
    },
  },
  {
    name: 'a different list of languages in each scenario',
    file: 'scenarios/',
    build: (base, size) => {
      const files = new Map(base);
      const text = scenarioText(base);
      const code = (index: number) => String.fromCharCode(97 + (Math.floor(index / 26) % 26), 97 + (index % 26));
      for (let index = 0; index < size; index += 1)
        files.set(`scenarios/s${index}.yaml`, encoder.encode(text.replace('id: hotline', `id: s${index}\nlanguages: [en, ru, ${code(index)}]`)));
      return files;
    },
  },
  {
    name: 'odd values: not-a-number, infinity, empty documents, long texts and keys',
    file: SCENARIO,
    build: (base, size) =>
      new Map(base)
        .set(
          SCENARIO,
          encoder.encode(
            scenarioText(base)
              .replace('followers: 12000', 'followers: .nan')
              .replace('passMark: { tone: 70', 'passMark: { tone: .inf')
              .replace('id: hotline', `id: ${'h'.repeat(size)}`)
              .replace('kind: crisis', `${'k'.repeat(size)}: 1\nkind: {}`),
          ),
        )
        .set('scenarios/complex-key.yaml', encoder.encode('id: complex-key\n? [1, 2]\n: 3\n'))
        .set('personas.yaml', encoder.encode(''))
        .set('courses.yaml', encoder.encode(`courses:\n  - ${'x'.repeat(size)}\n`))
        .set(`scenarios/${'n'.repeat(size)}.yaml`, encoder.encode('~'))
        .set(`media/${'m'.repeat(size)}.exe`, new Uint8Array(1)),
  },
];
