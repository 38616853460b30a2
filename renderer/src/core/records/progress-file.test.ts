import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildArchive, writeZip } from '../pack/archive';
import { MINIMAL_PACK_DIR, readFolder } from '../../test/packs';
import { deviceKey, progressContent, trainee } from '../../test/progress-files';
import type { DeviceSigner, ProgressFileErrorCode } from './progress-file';
import { PROGRESS_MANIFEST_PATH, PROGRESS_SIGNATURE_PATH, ProgressFileError, buildProgressFile, progressFileName, readProgressFile } from './progress-file';

const anna = trainee('Anna');
const device = deviceKey('anna-laptop');
const content = progressContent(anna, [
  { uid: 'attempt-1', drafts: 'poor', startedAt: Date.UTC(2026, 2, 2, 9) },
  { uid: 'attempt-2', drafts: 'model', startedAt: Date.UTC(2026, 2, 3, 9) },
]);
const file = await buildProgressFile(content, device.signer);

function refusal(bytes: Uint8Array, limits = {}): ProgressFileError {
  try {
    readProgressFile(bytes, { limits });
  } catch (error) {
    if (error instanceof ProgressFileError) return error;
    throw error;
  }
  throw new Error('the file was read');
}

function expectRefused(bytes: Uint8Array, code: ProgressFileErrorCode, entry?: string): ProgressFileError {
  const error = refusal(bytes);
  expect(error.code, error.message).toBe(code);
  if (entry !== undefined) expect(error.entry).toBe(entry);
  expect(error.hint.length).toBeGreaterThan(20);
  expect(error.message).not.toMatch(/undefined|NaN|\[object Object\]/);
  return error;
}

/** The files of a progress file, manifest and signature included. */
function entriesOf(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

/** A ZIP of the entries in the order given. */
function zip(entries: Map<string, Uint8Array>): Uint8Array {
  return writeZip([...entries]);
}

/** A progress file made of arbitrary records, with a manifest that lists them and a valid signature by `signer`. */
async function signedFile(records: Map<string, Uint8Array>, signer: DeviceSigner, manifest: Record<string, unknown> = {}): Promise<Uint8Array> {
  const files = [...records].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, data]) => ({ path, size: data.length, sha256: bytesToHex(sha256(data)) }));
  const manifestBytes = strToU8(
    JSON.stringify({ format: 1, kind: 'attache-progress', app: '0.1.0', exportedAt: 1, trainee: anna.uid, deviceKey: signer.publicKey, files, ...manifest }),
  );
  const signature = bytesToHex(await signer.sign(manifestBytes));
  return zip(
    new Map([[PROGRESS_MANIFEST_PATH, manifestBytes], [PROGRESS_SIGNATURE_PATH, strToU8(JSON.stringify({ algorithm: 'Ed25519', signature }))], ...records]),
  );
}

function recordsOf(bytes: Uint8Array): Map<string, Uint8Array> {
  const entries = entriesOf(bytes);
  entries.delete(PROGRESS_MANIFEST_PATH);
  entries.delete(PROGRESS_SIGNATURE_PATH);
  return entries;
}

const editJson = (bytes: Uint8Array, edit: (value: Record<string, unknown>) => void): Uint8Array => {
  const value = JSON.parse(strFromU8(bytes)) as Record<string, unknown>;
  edit(value);
  return strToU8(JSON.stringify(value));
};

describe('progress files', () => {
  it('carry the trainee, the frozen outcomes and the scenarios they were played against, and read back the same', () => {
    const read = readProgressFile(file);
    expect(read.trainee).toEqual(anna);
    expect(read.deviceKey).toBe(device.publicKey);
    expect(read.exportedAt).toBe(content.exportedAt);
    expect(read.appVersion).toBe('0.1.0');
    expect(read.outcomes.map((o) => o.summary.uid)).toEqual(['attempt-1', 'attempt-2']);
    expect(read.outcomes).toEqual(content.outcomes);
    expect(read.played).toEqual(content.played);
    expect(read.outcomes.map((o) => o.summary.passed)).toEqual([false, true]);
    // Every record is listed in the manifest with its hash; the signature file is not.
    expect(read.manifest.files.map((f) => f.path)).toEqual(['outcomes/attempt-1.json', 'outcomes/attempt-2.json', 'played/0001.json', 'trainee.json']);
  });

  it('are the same bytes for the same records and key, whatever order the outcomes come in', async () => {
    const again = await buildProgressFile({ ...content, outcomes: [...content.outcomes].reverse() }, device.signer);
    expect(bytesToHex(sha256(again))).toBe(bytesToHex(sha256(file)));
    expect(await buildProgressFile(content, deviceKey('another').signer)).not.toEqual(file);
  });

  it('are named after the trainee and the day, with nothing a file system refuses', () => {
    expect(progressFileName('Anna Petrova', Date.UTC(2026, 2, 14, 23))).toBe('Anna Petrova 2026-03-14.attache-progress');
    expect(progressFileName('../A/B: "C"?\u202e', 0)).toBe('A B C 1970-01-01.attache-progress');
    expect(progressFileName('  ', 0)).toBe('trainee 1970-01-01.attache-progress');
  });

  it('refuse to save outcomes that name a scenario they do not carry, or another trainee', async () => {
    await expect(buildProgressFile({ ...content, played: [] }, device.signer)).rejects.toMatchObject({ code: 'inconsistent' });
    const stray = progressContent(trainee('Boris'), [{ uid: 'attempt-9' }]).outcomes[0]!;
    await expect(buildProgressFile({ ...content, outcomes: [...content.outcomes, stray] }, device.signer)).rejects.toMatchObject({
      code: 'inconsistent',
      field: 'summary.traineeUid',
    });
  });

  it('refuse a signer whose signature does not match its public key', async () => {
    const liar: DeviceSigner = { publicKey: device.publicKey, sign: deviceKey('someone-else').signer.sign };
    await expect(buildProgressFile(content, liar)).rejects.toMatchObject({ code: 'bad-signature' });
  });
});

describe('tampering', () => {
  it('a record changed after signing is refused, naming it', () => {
    const entries = entriesOf(file);
    entries.set(
      'outcomes/attempt-1.json',
      editJson(entries.get('outcomes/attempt-1.json')!, (outcome) => {
        (outcome.summary as { passed: boolean }).passed = true;
      }),
    );
    const error = expectRefused(zip(entries), 'tampered', 'outcomes/attempt-1.json');
    expect(error.message).toContain('was changed after the file was signed');
  });

  it('a record added or removed after signing is refused', () => {
    const added = entriesOf(file).set('outcomes/attempt-3.json', strToU8('{}'));
    expectRefused(zip(added), 'tampered', 'outcomes/attempt-3.json');
    const removed = entriesOf(file);
    removed.delete('outcomes/attempt-2.json');
    expectRefused(zip(removed), 'tampered', 'outcomes/attempt-2.json');
  });

  it('a manifest changed after signing is refused, even when its hashes are made to match', () => {
    const entries = entriesOf(file);
    entries.set(
      PROGRESS_MANIFEST_PATH,
      editJson(entries.get(PROGRESS_MANIFEST_PATH)!, (manifest) => (manifest.exportedAt = 2)),
    );
    expectRefused(zip(entries), 'bad-signature', PROGRESS_SIGNATURE_PATH);

    const edited = entriesOf(file);
    const outcome = editJson(edited.get('outcomes/attempt-1.json')!, (value) => ((value.summary as { average: number }).average = 99));
    edited.set('outcomes/attempt-1.json', outcome);
    edited.set(
      PROGRESS_MANIFEST_PATH,
      editJson(edited.get(PROGRESS_MANIFEST_PATH)!, (manifest) => {
        const listed = (manifest.files as Array<{ path: string; size: number; sha256: string }>).find((f) => f.path === 'outcomes/attempt-1.json')!;
        listed.size = outcome.length;
        listed.sha256 = bytesToHex(sha256(outcome));
      }),
    );
    expectRefused(zip(edited), 'bad-signature');
  });

  it('a signature changed, missing or not a signature is refused', () => {
    const entries = entriesOf(file);
    const signature = JSON.parse(strFromU8(entries.get(PROGRESS_SIGNATURE_PATH)!)) as { signature: string };
    const flipped = `${signature.signature.slice(0, 10)}${signature.signature[10] === '0' ? '1' : '0'}${signature.signature.slice(11)}`;
    entries.set(PROGRESS_SIGNATURE_PATH, strToU8(JSON.stringify({ algorithm: 'Ed25519', signature: flipped })));
    expectRefused(zip(entries), 'bad-signature');
    entries.set(PROGRESS_SIGNATURE_PATH, strToU8('{"algorithm":"RSA","signature":"00"}'));
    expect(expectRefused(zip(entries), 'bad-signature', PROGRESS_SIGNATURE_PATH).field).toBe('algorithm');
    entries.delete(PROGRESS_SIGNATURE_PATH);
    expect(expectRefused(zip(entries), 'bad-signature').message).toContain('not signed');
  });

  it('a signature by another key than the one the manifest names is refused', async () => {
    const entries = entriesOf(file);
    const forged = await deviceKey('forger').signer.sign(entries.get(PROGRESS_MANIFEST_PATH)!);
    entries.set(PROGRESS_SIGNATURE_PATH, strToU8(JSON.stringify({ algorithm: 'Ed25519', signature: bytesToHex(forged) })));
    expectRefused(zip(entries), 'bad-signature');
  });

  it('a file re-signed whole by another device reads, and says which key signed it (the academy decides whom to trust)', async () => {
    const forger = deviceKey('forger');
    const resigned = await signedFile(recordsOf(file), forger.signer, { exportedAt: content.exportedAt });
    const read = readProgressFile(resigned);
    expect(read.deviceKey).toBe(forger.publicKey);
    expect(read.deviceKey).not.toBe(device.publicKey);
  });

  it('any byte of the file flipped is either refused cleanly or leaves every record as it was', () => {
    const original = readProgressFile(file);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: file.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, mask) => {
        const damaged = file.slice();
        damaged[at]! ^= mask;
        try {
          const read = readProgressFile(damaged);
          expect(read.outcomes).toEqual(original.outcomes);
          expect(read.trainee).toEqual(original.trainee);
          expect(read.deviceKey).toBe(original.deviceKey);
        } catch (error) {
          expect(error).toBeInstanceOf(ProgressFileError);
        }
      }),
      { numRuns: 300, seed: 12 },
    );
  });
});

describe('untrusted files', () => {
  it('refuses what is not a progress file, saying what to choose', () => {
    expect(expectRefused(strToU8('hello'), 'damaged').message).toMatch(/^The file is not a readable progress file: /);
    const pack = buildArchive(readFolder(MINIMAL_PACK_DIR), { packId: 'minimal', packVersion: '1.0.0' });
    expect(expectRefused(pack, 'not-a-progress-file').hint).toContain('.attache-progress');
  });

  it('refuses a file from a newer Attaché, asking to update', async () => {
    const newer = await signedFile(recordsOf(file), device.signer, { format: 2 });
    expect(expectRefused(newer, 'newer-format').hint).toContain('Update Attaché');
  });

  it('refuses a signed record of the wrong shape, naming the file and the field', async () => {
    const records = recordsOf(file);
    records.set(
      'outcomes/attempt-1.json',
      editJson(records.get('outcomes/attempt-1.json')!, (outcome) => ((outcome.summary as { scores: Record<string, unknown> }).scores.tone = 'high')),
    );
    const error = expectRefused(await signedFile(records, device.signer), 'bad-content', 'outcomes/attempt-1.json');
    expect(error.field).toBe('summary.scores.tone');
    expect(error.message).toContain('outcomes/attempt-1.json');
    expect(error.message).toContain('summary.scores.tone');

    records.set('trainee.json', strToU8(JSON.stringify({ ...anna, name: 'Anna\u202eevil', role: 'admin' })));
    expect(expectRefused(await signedFile(records, device.signer), 'bad-content', 'trainee.json').field).toBeDefined();
    records.set('trainee.json', strToU8('['.repeat(10_000)));
    expect(expectRefused(await signedFile(records, device.signer), 'bad-content', 'trainee.json').message).toContain('nests deeper');
    records.set('trainee.json', new Uint8Array([0x7b, 0xff, 0x7d]));
    expect(expectRefused(await signedFile(records, device.signer), 'bad-content', 'trainee.json').message).toContain('UTF-8');
  });

  it('refuses signed records that disagree with one another', async () => {
    const records = recordsOf(file);
    const moved = records.get('outcomes/attempt-1.json')!;
    records.delete('outcomes/attempt-1.json');
    records.set('outcomes/attempt-7.json', moved);
    expect(expectRefused(await signedFile(records, device.signer), 'inconsistent', 'outcomes/attempt-7.json').field).toBe('summary.uid');

    const other = recordsOf(file);
    other.set('notes.txt', strToU8('hello'));
    expectRefused(await signedFile(other, device.signer), 'inconsistent', 'notes.txt');

    const stranger = recordsOf(file);
    stranger.set(
      'outcomes/attempt-1.json',
      editJson(stranger.get('outcomes/attempt-1.json')!, (outcome) => ((outcome.summary as { traineeUid: string }).traineeUid = 'trainee-boris')),
    );
    expect(expectRefused(await signedFile(stranger, device.signer), 'inconsistent').field).toBe('summary.traineeUid');

    expect(expectRefused(await signedFile(recordsOf(file), device.signer, { trainee: 'trainee-boris' }), 'inconsistent', 'trainee.json').field).toBe('uid');
  });
});

describe('hostile ZIPs are refused cleanly and boundedly', () => {
  it('an entry that expands past the limit (a ZIP bomb) is refused while it inflates', () => {
    const bomb = zipSync({ [PROGRESS_MANIFEST_PATH]: strToU8('{}'), 'outcomes/a.json': new Uint8Array(17 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    expect(expectRefused(bomb, 'too-large').message).toContain('outcomes/a.json');
  });

  it('too many entries, too large a file, unsafe names and links are refused from the table of contents', () => {
    const many: Record<string, Uint8Array> = { [PROGRESS_MANIFEST_PATH]: strToU8('{}') };
    for (let i = 0; i < 6_000; i += 1) many[`outcomes/${i}.json`] = new Uint8Array(0);
    expect(refusal(zipSync(many, { level: 0 })).code).toBe('too-large');
    expect(refusal(file, { maxArchiveBytes: 1_000 }).code).toBe('too-large');
    expect(refusal(zipSync({ [PROGRESS_MANIFEST_PATH]: strToU8('{}'), '../../etc/passwd': new Uint8Array(1) })).code).toBe('unsafe-entry');
    const link = zipSync({ [PROGRESS_MANIFEST_PATH]: strToU8('{}'), 'outcomes/a.json': [strToU8('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }] });
    expect(refusal(link).code).toBe('unsafe-entry');
  });

  it('more outcomes than a file may hold are refused before any is parsed', () => {
    const error = refusal(file, { maxOutcomes: 1 });
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('2 outcomes');
  });
});
