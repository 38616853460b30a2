// Runtime: Node (scripts). Hostile `.attache-progress` files: the demo cohort's signed files, then
// byte-flipped, truncated, given lying sizes, bombs and unsafe names; forged manifests and signatures;
// records changed after signing; and — signed again with a key of the forger's own, as anyone can —
// records of the wrong types, that name what the file does not hold, with edited grades, nested
// without end, with drafts of a million characters, or in their hundred thousands.
import { bytesToHex } from '@noble/hashes/utils.js';
import type { FrozenOutcome } from '../../renderer/src/core/records/outcome';
import { PROGRESS_MANIFEST_PATH, PROGRESS_SIGNATURE_PATH, PROGRESS_TRAINEE_PATH } from '../../renderer/src/core/records/progress-file';
import type { Corpus } from './corpus';
import type { CraftedEntry } from './gen-archives';
import { addBadNames, craftZip, flipBytes, lieAboutSizes, truncateBytes, zeros64MiB } from './gen-archives';
import type { Json } from './json-mutations';
import { deepJson, hostileValue, jsonBytes, mutateJson, parseJson } from './json-mutations';
import type { Rng } from './random';
import { oddString } from './random';
import type { FuzzKey, RecordsCorpus } from './records-corpus';
import { fuzzKey, getRecordsCorpus, progressManifest, signedHead, signedProgressEntries, zipOf } from './records-corpus';

export const PROGRESS_FILE_KINDS = [
  'valid',
  'byte-flips',
  'truncated',
  'lying-sizes',
  'zip-bomb',
  'bad-names',
  'forged-manifest',
  'forged-signature',
  'tampered-records',
  'mutated-records',
  'dangling-references',
  'edited-grades',
  'deep-json',
  'huge-drafts',
  'many-outcomes',
] as const;
export type ProgressFileKind = (typeof PROGRESS_FILE_KINDS)[number];

const encoder = new TextEncoder();
const MIB = 1024 * 1024;
const FORGER = fuzzKey('forger');

type Trainee = RecordsCorpus['trainees'][number];
type Files = Map<string, Uint8Array>;

const outcomePaths = (files: Files) => [...files.keys()].filter((path) => path.startsWith('outcomes/'));
const playedPaths = (files: Files) => [...files.keys()].filter((path) => path.startsWith('played/'));

/** A trainee of the cohort with at least one outcome (the strong one always has several). */
function traineeWithOutcomes(rng: Rng, records: RecordsCorpus): Trainee {
  const candidates = records.trainees.filter((trainee) => trainee.content.outcomes.length > 0);
  return rng.pick(candidates.length ? candidates : records.trainees);
}

function asCrafted(entries: ReadonlyArray<readonly [string, Uint8Array]>): CraftedEntry[] {
  return entries.map(([name, data]) => ({ name: encoder.encode(name), data }));
}

/** The files signed again: by the trainee's own key (a tool that stole it) or, as often, by a forger's. */
function resigned(rng: Rng, files: Files, trainee: Trainee, traineeUid = trainee.content.trainee.uid): Uint8Array {
  const key: FuzzKey = rng.chance(0.5) ? trainee.key : FORGER;
  return zipOf(signedProgressEntries(files, traineeUid, key));
}

function editJson(files: Files, path: string, edit: (value: Json) => Json | void): void {
  const value = parseJson(files.get(path)!);
  const changed = edit(value);
  files.set(path, jsonBytes(changed === undefined ? value : changed));
}

/** Trainee publications in an outcome's final feed. */
function publications(outcome: FrozenOutcome) {
  return outcome.detail.timeline.feed.filter((item) => item.source === 'trainee');
}

function longText(rng: Rng, length: number): string {
  const unit = rng.pick(['word ', '.', 'https://example.org/', '@a ', '#tag ', 'мир ', '👩‍👩‍👧‍👦', oddString(rng, 50)]);
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

export function generateProgressFile(rng: Rng, kind: ProgressFileKind, corpus: Corpus): Uint8Array {
  const records = getRecordsCorpus(corpus);
  const trainee = traineeWithOutcomes(rng, records);
  const files: Files = new Map(trainee.files);
  const uid = trainee.content.trainee.uid;
  switch (kind) {
    case 'valid':
      return rng.chance(0.5) ? trainee.bytes.slice() : resigned(rng, files, trainee);
    case 'byte-flips': {
      return flipBytes(rng, trainee.bytes);
    }
    case 'truncated': {
      return truncateBytes(rng, trainee.bytes.slice());
    }
    case 'lying-sizes':
      return craftZip(lieAboutSizes(rng, asCrafted(signedProgressEntries(files, uid, trainee.key)), 16 * MIB + 1));
    case 'zip-bomb': {
      const bombs = rng.pick([1, 4, 100]);
      const declared = rng.pick([64 * MIB, 16 * MIB, 1_000, 0]);
      const names = Array.from({ length: bombs }, (_, index) => `outcomes/bomb-${index}.json`);
      // Listed in a signed manifest (with the size they declare), or smuggled beside it.
      const listed = rng.chance(0.5);
      const head = listed
        ? signedHead(
            {
              ...progressManifest(files, { traineeUid: uid, deviceKey: trainee.key.publicKey }),
              files: [
                ...progressManifest(files, { traineeUid: uid, deviceKey: trainee.key.publicKey }).files,
                ...names.map((path) => ({ path, size: declared, sha256: '0'.repeat(64) })),
              ],
            },
            trainee.key,
          )
        : null;
      const entries = asCrafted(signedProgressEntries(files, uid, trainee.key));
      if (head) {
        entries[0]!.data = head.manifest;
        entries[1]!.data = head.signature;
      }
      for (const name of names)
        entries.push({ name: encoder.encode(name), data: new Uint8Array(), stored: zeros64MiB(), method: 8, declaredSize: declared, crc: 0x758d6336 });
      return craftZip(entries);
    }
    case 'bad-names': {
      const entries = asCrafted(signedProgressEntries(files, uid, trainee.key));
      const names = [
        '../trainee.json',
        '/outcomes/x.json',
        'outcomes\\x.json',
        'outcomes/../trainee.json',
        'outcomes/',
        'played/0001.json/',
        '',
        '.',
        'x\u0000.json',
        '\u202enosj.exe',
        'TRAINEE.json',
        PROGRESS_MANIFEST_PATH,
        PROGRESS_SIGNATURE_PATH,
      ];
      return craftZip(addBadNames(rng, entries, { names, most: 4, suffix: 'x.json', data: encoder.encode('{}') }));
    }
    case 'forged-manifest': {
      const manifest = progressManifest(files, { traineeUid: uid, deviceKey: trainee.key.publicKey }) as unknown as Record<string, Json> & {
        files: Array<Record<string, Json>>;
      };
      const forge = rng.pick([
        'types',
        'missing-file',
        'extra-file',
        'duplicate-path',
        'size-lie',
        'huge',
        'not-json',
        'newer-format',
        'proto',
        'other-trainee',
        'deep',
      ]);
      let text: string | null = null;
      if (forge === 'types') {
        manifest[rng.pick(['format', 'kind', 'app', 'exportedAt', 'trainee', 'deviceKey', 'files'])] = hostileValue(rng);
        if (Array.isArray(manifest.files) && manifest.files[0] && rng.chance(0.5)) manifest.files[0][rng.pick(['path', 'size', 'sha256'])] = hostileValue(rng);
      } else if (forge === 'missing-file') manifest.files.splice(rng.int(manifest.files.length), 1);
      else if (forge === 'extra-file')
        manifest.files.push({
          path: rng.pick(['outcomes/ghost.json', '../x', 'trainee.json', 'played/9999.json']),
          size: rng.pick([0, 10, 1e12]),
          sha256: '0'.repeat(64),
        });
      else if (forge === 'duplicate-path') manifest.files.push({ ...manifest.files[0]! });
      else if (forge === 'size-lie') manifest.files[rng.int(manifest.files.length)]!.size = rng.pick([0, 1, 2 ** 40]);
      else if (forge === 'huge')
        manifest.files = Array.from({ length: rng.pick([10_000, 200_000]) }, (_, index) => ({
          path: `outcomes/o${index}.json`,
          size: 1,
          sha256: '0'.repeat(64),
        }));
      else if (forge === 'newer-format') manifest.format = rng.pick([2, 99, 1.5, -1]);
      else if (forge === 'other-trainee')
        manifest.trainee = rng.pick([
          'someone-else',
          records.trainees[0]!.content.trainee.uid === uid ? records.trainees[1]!.content.trainee.uid : records.trainees[0]!.content.trainee.uid,
        ]);
      else if (forge === 'not-json') text = rng.pick(['', '{', 'null', '[]', '"x"', '\ufeff{}', '{"format":1,'.repeat(1_000), '\xff\xfe{']);
      else if (forge === 'proto') text = `{"__proto__":{"format":1},"constructor":{"prototype":{"x":1}},${JSON.stringify(manifest).slice(1)}`;
      else text = deepJson(rng.pick([65, 1_000, 100_000]), rng.chance(0.5) ? 'array' : 'object');
      // Signed by the key it names (a forger who made both), or left with the file's own signature.
      const key = rng.chance(0.7) ? trainee.key : null;
      const head = signedHead(text ?? manifest, key ?? trainee.key);
      const entries = signedProgressEntries(files, uid, trainee.key);
      entries[0] = [PROGRESS_MANIFEST_PATH, head.manifest];
      if (key) entries[1] = [PROGRESS_SIGNATURE_PATH, head.signature];
      return zipOf(entries);
    }
    case 'forged-signature': {
      const manifest = progressManifest(files, { traineeUid: uid, deviceKey: trainee.key.publicKey });
      const forge = rng.pick(['other-key', 'names-other-key', 'garbage', 'missing', 'huge', 'not-json', 'weak-key', 'changed-after', 'algorithm', 'deep']);
      const entries = signedProgressEntries(files, uid, trainee.key);
      const signatureFile = (signature: string, algorithm = 'Ed25519') => encoder.encode(JSON.stringify({ algorithm, signature }));
      if (forge === 'other-key') entries[1] = [PROGRESS_SIGNATURE_PATH, signedHead(manifest, FORGER).signature];
      else if (forge === 'names-other-key')
        entries[0] = [PROGRESS_MANIFEST_PATH, signedHead({ ...manifest, deviceKey: FORGER.publicKey }, trainee.key).manifest];
      else if (forge === 'garbage')
        entries[1] = [
          PROGRESS_SIGNATURE_PATH,
          signatureFile(rng.pick([bytesToHex(rng.bytes(64)), bytesToHex(rng.bytes(63)), 'F'.repeat(128), '', '0'.repeat(1_000_000)])),
        ];
      else if (forge === 'missing') entries.splice(1, 1);
      else if (forge === 'huge') entries[1] = [PROGRESS_SIGNATURE_PATH, encoder.encode(`${' '.repeat(rng.pick([4_096, 10 * MIB]))}{}`)];
      else if (forge === 'not-json') entries[1] = [PROGRESS_SIGNATURE_PATH, encoder.encode(rng.pick(['', '{', 'null', '"sig"', '\xff']))];
      else if (forge === 'weak-key') {
        // A key of small order or not on the curve, with a signature of zeros or of the identity.
        const weak = rng.pick(['0'.repeat(64), `01${'0'.repeat(62)}`, `ec${'f'.repeat(60)}7f`, bytesToHex(rng.bytes(32))]);
        entries[0] = [PROGRESS_MANIFEST_PATH, signedHead({ ...manifest, deviceKey: weak }, trainee.key).manifest];
        entries[1] = [PROGRESS_SIGNATURE_PATH, signatureFile(rng.pick(['0'.repeat(128), `01${'0'.repeat(126)}`]))];
      } else if (forge === 'changed-after') entries[0] = [PROGRESS_MANIFEST_PATH, encoder.encode(`${new TextDecoder().decode(entries[0]![1])} `)];
      else if (forge === 'algorithm')
        entries[1] = [PROGRESS_SIGNATURE_PATH, signatureFile(bytesToHex(trainee.key.sign(entries[0]![1])), rng.pick(['RSA', 'ed25519', '']))];
      else entries[1] = [PROGRESS_SIGNATURE_PATH, encoder.encode(deepJson(rng.pick([65, 100_000])))];
      return zipOf(entries);
    }
    case 'tampered-records': {
      const entries = signedProgressEntries(files, uid, trainee.key);
      const change = rng.pick(['edit', 'add', 'remove']);
      if (change === 'edit') {
        const index = rng.between(2, entries.length - 1);
        const bytes = entries[index]![1].slice();
        const at = rng.int(bytes.length);
        bytes[at] = bytes[at]! ^ (1 << rng.int(8));
        entries[index] = [entries[index]![0], bytes];
      } else if (change === 'add') entries.push([rng.pick(['outcomes/extra.json', 'played/9999.json', 'notes.txt']), encoder.encode('{}')]);
      else entries.splice(rng.between(2, entries.length - 1), 1);
      return zipOf(entries);
    }
    case 'mutated-records': {
      const path = rng.pick([PROGRESS_TRAINEE_PATH, ...playedPaths(files), ...outcomePaths(files), ...outcomePaths(files)]);
      editJson(files, path, (value) => mutateJson(rng, value));
      return resigned(rng, files, trainee);
    }
    case 'dangling-references': {
      const outcomePath = rng.pick(outcomePaths(files));
      const flaw = rng.pick([
        'played-missing',
        'renamed',
        'detail-uid',
        'trainee-uid',
        'trainee-file',
        'played-key',
        'played-twice',
        'content-hash',
        'finished-first',
        'scenario',
        'stray-file',
        'no-trainee',
        'no-played',
      ]);
      let signedAs = uid;
      if (flaw === 'played-missing')
        editJson(files, outcomePath, (value) => void ((value as { summary: Record<string, Json> }).summary.playedScenario = 'core-library@0000/ghost'));
      else if (flaw === 'renamed') {
        files.set('outcomes/renamed.json', files.get(outcomePath)!);
        files.delete(outcomePath);
      } else if (flaw === 'detail-uid') editJson(files, outcomePath, (value) => void ((value as { detail: Record<string, Json> }).detail.uid = 'someone-else'));
      else if (flaw === 'trainee-uid')
        editJson(files, outcomePath, (value) => void ((value as { summary: Record<string, Json> }).summary.traineeUid = 'someone-else'));
      else if (flaw === 'trainee-file') editJson(files, PROGRESS_TRAINEE_PATH, (value) => void ((value as Record<string, Json>).uid = 'someone-else'));
      else if (flaw === 'played-key')
        editJson(files, rng.pick(playedPaths(files)), (value) => void ((value as Record<string, Json>).key = 'core-library@0000/other'));
      else if (flaw === 'played-twice') files.set('played/9999.json', files.get(rng.pick(playedPaths(files)))!);
      else if (flaw === 'content-hash')
        editJson(files, outcomePath, (value) => void ((value as { summary: Record<string, Json> }).summary.packContentHash = 'ab'.repeat(32)));
      else if (flaw === 'finished-first')
        editJson(files, outcomePath, (value) => {
          const summary = (value as { summary: Record<string, number> }).summary;
          summary.finishedAt = summary.startedAt! - 1;
        });
      else if (flaw === 'scenario')
        editJson(files, outcomePath, (value) => void ((value as { summary: Record<string, Json> }).summary.scenarioId = 'another-scenario'));
      else if (flaw === 'stray-file') files.set(rng.pick(['notes.txt', 'outcomes.json', 'played', 'media/x.png']), encoder.encode('{}'));
      else if (flaw === 'no-trainee') {
        files.delete(PROGRESS_TRAINEE_PATH);
        signedAs = rng.chance(0.5) ? uid : 'someone-else';
      } else for (const path of playedPaths(files)) files.delete(path);
      return resigned(rng, files, trainee, signedAs);
    }
    case 'edited-grades': {
      const outcomePath = rng.pick(outcomePaths(files));
      const edit = rng.pick([
        'summary-pass',
        'summary-scores',
        'detail-scores',
        'task-result',
        'draft-grade',
        'draft-findings',
        'draft-text',
        'played-pass-mark',
        'other-grader',
        'pack-changed',
      ]);
      if (edit === 'played-pass-mark') {
        editJson(files, rng.pick(playedPaths(files)), (value) => {
          const tasks = (value as { scenario: { tasks: Array<Record<string, Json>> } }).scenario.tasks;
          for (const task of tasks) task.passMark = rng.pick([0, 1, 100]);
        });
      } else {
        editJson(files, outcomePath, (value) => {
          const outcome = value as unknown as FrozenOutcome;
          const drafts = publications(outcome);
          if (edit === 'summary-pass') outcome.summary.passed = !outcome.summary.passed;
          else if (edit === 'summary-scores') outcome.summary.scores.tone = rng.pick([0, 100, 99.5]);
          else if (edit === 'detail-scores') outcome.detail.outcome.average = rng.pick([0, 100]);
          else if (edit === 'task-result' && outcome.detail.outcome.tasks[0]) outcome.detail.outcome.tasks[0].result = rng.pick(['passed', 'failed', 'missed']);
          else if (edit === 'draft-grade' && drafts[0]) {
            drafts[0].grade.passed = true;
            drafts[0].grade.axes.policy.score = 100;
          } else if (edit === 'draft-findings' && drafts[0]) drafts[0].grade.findings = [];
          else if (edit === 'draft-text' && drafts[0]) drafts[0].text = rng.pick(['', 'Everything is fine.', oddString(rng, 300)]);
          else if (edit === 'other-grader') outcome.summary.versions.grader = rng.pick(['0.0.1', '99.0.0', oddString(rng, 20)]);
          else outcome.summary.packContentHash = null;
        });
      }
      return resigned(rng, files, trainee);
    }
    case 'deep-json': {
      const path = rng.pick([PROGRESS_TRAINEE_PATH, ...playedPaths(files), ...outcomePaths(files)]);
      const depth = rng.pick([63, 65, 1_000, 100_000]);
      const shape = rng.pick(['whole', 'inside', 'huge-string', 'huge-file']);
      if (shape === 'whole') files.set(path, encoder.encode(deepJson(depth, rng.chance(0.5) ? 'array' : 'object')));
      else if (shape === 'inside')
        editJson(
          files,
          path,
          (value) =>
            void ((value as Record<string, Json>)[rng.pick(['summary', 'name', 'scenario', 'extra'])] = JSON.parse(deepJson(Math.min(depth, 5_000))) as Json),
        );
      else if (shape === 'huge-string')
        editJson(
          files,
          path,
          (value) => void ((value as Record<string, Json>)[rng.pick(['name', 'key', 'summary'])] = 'x'.repeat(rng.pick([15 * MIB, 2 * MIB]))),
        );
      else files.set(path, encoder.encode(`{"a":"${'x'.repeat(16 * MIB)}"}`));
      return resigned(rng, files, trainee);
    }
    case 'huge-drafts': {
      const outcomePath = rng.pick(outcomePaths(files));
      editJson(files, outcomePath, (value) => {
        const drafts = publications(value as unknown as FrozenOutcome);
        for (const draft of drafts.slice(0, rng.pick([1, 3]))) draft.text = longText(rng, rng.pick([100_001, 500_000, 1_000_000, 1_000_001]));
      });
      return resigned(rng, files, trainee);
    }
    case 'many-outcomes': {
      const shape = rng.pick(['entries', 'over-the-count', 'copies', 'long-timeline', 'long-feed']);
      if (shape === 'entries') {
        // 100,000 outcomes: refused from the table of contents, before anything is inflated.
        const entries: CraftedEntry[] = asCrafted(signedProgressEntries(files, uid, trainee.key));
        for (let index = 0; index < 100_000; index += 1)
          entries.push({ name: encoder.encode(`outcomes/o${index}.json`), data: encoder.encode('{}'), method: 0 });
        return craftZip(entries);
      }
      if (shape === 'over-the-count') {
        for (let index = 0; index < 4_001; index += 1) files.set(`outcomes/o${index}.json`, encoder.encode('{}'));
        return resigned(rng, files, trainee);
      }
      const [first] = outcomePaths(files);
      const outcome = parseJson(files.get(first!)!) as unknown as FrozenOutcome;
      if (shape === 'copies') {
        // A heavy but honest-looking file: the same attempt many times over under new uids.
        for (let index = 0; index < rng.pick([50, 150]); index += 1) {
          const copy = { summary: { ...outcome.summary, uid: `copy-${index}` }, detail: { ...outcome.detail, uid: `copy-${index}` } };
          files.set(`outcomes/copy-${index}.json`, jsonBytes(copy));
        }
      } else if (shape === 'long-timeline') {
        const entry = outcome.detail.outcome.timeline[0] ?? { at: 0, type: 'end', reason: 'time' };
        outcome.detail.outcome.timeline = Array.from({ length: 100_000 }, () => entry);
        files.set(first!, jsonBytes(outcome));
      } else {
        const draft = publications(outcome)[0];
        if (draft)
          outcome.detail.timeline.feed.push(...Array.from({ length: rng.pick([500, 2_000, 10_000]) }, (_, index) => ({ ...draft, id: `pub-copy-${index}` })));
        files.set(first!, jsonBytes(outcome));
      }
      return resigned(rng, files, trainee);
    }
  }
}
