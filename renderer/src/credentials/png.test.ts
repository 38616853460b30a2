import { readFileSync } from 'node:fs';
import path from 'node:path';
import CRC32 from 'crc-32';
import fc from 'fast-check';
import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { badgeModuleSource, BADGE_MODULE_FILE, BADGE_PNG_FILE, drawBadge } from '../../../scripts/badge-image';
import { ISSUED_AT, LATER, testAcademyKey, unsignedCredential } from '../test/credentials';
import { didKeyOf } from './academy-key';
import { BADGE_IMAGE_PNG, bakeCredential, PngError, readBakedCredential } from './png';
import { signCredential, verifyCredential } from './sign';

async function signedJson() {
  const { unlocked } = await testAcademyKey();
  const did = didKeyOf(unlocked.publicKeyMultibase);
  return JSON.stringify(await signCredential(unsignedCredential(did), unlocked, { did, created: ISSUED_AT }), null, 2);
}

/** The PNG's chunks as [type, data] pairs, read independently of png.ts. */
function chunksOf(png: Uint8Array): [string, Uint8Array][] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: [string, Uint8Array][] = [];
  for (let offset = 8; offset < png.length;) {
    const length = view.getUint32(offset);
    const type = new TextDecoder('latin1').decode(png.subarray(offset + 4, offset + 8));
    expect(view.getUint32(offset + 8 + length)).toBe(CRC32.buf(png.subarray(offset + 4, offset + 8 + length)) >>> 0);
    chunks.push([type, png.subarray(offset + 8, offset + 8 + length)]);
    offset += 12 + length;
  }
  return chunks;
}

describe('baking', () => {
  it('puts the credential in one uncompressed iTXt chunk keyed openbadgecredential before IEND, and reads it back byte for byte', async () => {
    const json = await signedJson();
    const baked = bakeCredential(BADGE_IMAGE_PNG, json);
    const chunks = chunksOf(baked);
    expect(chunks.map(([type]) => type).slice(-2)).toEqual(['iTXt', 'IEND']);
    const [, data] = chunks.at(-2)!;
    const head = new TextEncoder().encode('openbadgecredential');
    expect([...data.subarray(0, head.length + 5)]).toEqual([...head, 0, 0, 0, 0, 0]);
    expect(new TextDecoder().decode(data.subarray(head.length + 5))).toBe(json);
    expect(readBakedCredential(baked)).toBe(json);
    // The picture is unchanged: the same pixels decode from the baked file.
    expect(decode(baked).data).toEqual(decode(BADGE_IMAGE_PNG).data);
  });

  it('keeps one credential when a badge is baked again', async () => {
    const json = await signedJson();
    const twice = bakeCredential(bakeCredential(BADGE_IMAGE_PNG, '{"old": true}'), json);
    expect(chunksOf(twice).filter(([type]) => type === 'iTXt')).toHaveLength(1);
    expect(readBakedCredential(twice)).toBe(json);
  });

  it('reads a compressed iTXt credential too, and returns null for a PNG without one', async () => {
    const { zlibSync } = await import('fflate');
    const json = await signedJson();
    const keyword = new TextEncoder().encode('openbadgecredential');
    const text = zlibSync(new TextEncoder().encode(json));
    const data = new Uint8Array([...keyword, 0, 1, 0, 0, 0, ...text]);
    const chunk = new Uint8Array(12 + data.length);
    const view = new DataView(chunk.buffer);
    view.setUint32(0, data.length);
    chunk.set(new TextEncoder().encode('iTXt'), 4);
    chunk.set(data, 8);
    view.setUint32(8 + data.length, CRC32.buf(chunk.subarray(4, 8 + data.length)) >>> 0);
    const iend = BADGE_IMAGE_PNG.length - 12;
    const png = new Uint8Array([...BADGE_IMAGE_PNG.subarray(0, iend), ...chunk, ...BADGE_IMAGE_PNG.subarray(iend)]);
    expect(readBakedCredential(png)).toBe(json);
    expect(readBakedCredential(BADGE_IMAGE_PNG)).toBeNull();
  });

  it('refuses what is not a PNG, or a PNG cut short or with a byte changed', () => {
    const refusal = (bytes: Uint8Array) => {
      try {
        readBakedCredential(bytes);
      } catch (error) {
        return error instanceof PngError ? `${error.code}: ${error.message}` : String(error);
      }
      return 'read';
    };
    expect(refusal(new TextEncoder().encode('{"not": "a png"}'))).toBe('not-png: The file is not a PNG picture.');
    expect(() => bakeCredential(new Uint8Array([1, 2, 3]), '{}')).toThrow(PngError);
    expect(refusal(BADGE_IMAGE_PNG.subarray(0, 200))).toMatch(/^damaged: .*(ends inside a chunk|runs past the end)/);
    const changed = BADGE_IMAGE_PNG.slice();
    changed[100]! ^= 0x01;
    expect(refusal(changed)).toMatch(/^damaged: The picture is not a whole PNG: the IDAT chunk's checksum does not match/);
    expect(refusal(BADGE_IMAGE_PNG.subarray(0, BADGE_IMAGE_PNG.length - 12))).toBe('damaged: The picture is not a whole PNG: it has no end (IEND).');
  });

  it('a baked badge verifies; one byte changed in its credential is refused, and so is an edit with the checksum mended', async () => {
    const json = await signedJson();
    const baked = bakeCredential(BADGE_IMAGE_PNG, json);
    expect((await verifyCredential(baked, { now: LATER })).ok).toBe(true);

    const flipped = baked.slice();
    const at = baked.length - 12 - 4 - Math.floor(json.length / 2);
    flipped[at]! ^= 0x02;
    const byteChanged = await verifyCredential(flipped, { now: LATER });
    expect(byteChanged.ok ? [] : byteChanged.problems.map((problem) => problem.code)).toEqual(['bad-png']);
    expect(byteChanged.ok ? '' : byteChanged.problems[0]!.message).toBe("The picture is not a whole PNG: the iTXt chunk's checksum does not match.");

    const forged = bakeCredential(BADGE_IMAGE_PNG, json.replace('"identityType": "identifier"', '"identityType": "emailAddress"'));
    const edited = await verifyCredential(forged, { now: LATER });
    expect(edited.ok ? [] : edited.problems.map((problem) => problem.code)).toEqual(['signature']);

    const plain = await verifyCredential(BADGE_IMAGE_PNG, { now: LATER });
    expect(plain.ok ? '' : plain.problems[0]!.message).toBe('The picture carries no Open Badges credential.');
  });
});

describe('the badge picture', () => {
  it('is what scripts/badge-image.ts draws, the same in resources/ and in the module every process imports', () => {
    const drawn = drawBadge();
    expect(new Uint8Array(readFileSync(BADGE_PNG_FILE))).toEqual(drawn);
    expect(BADGE_IMAGE_PNG).toEqual(drawn);
    expect(readFileSync(BADGE_MODULE_FILE, 'utf8')).toBe(badgeModuleSource(drawn));
    expect(path.relative(path.resolve(import.meta.dirname, '../../..'), BADGE_PNG_FILE)).toBe(path.join('resources', 'badge.png'));
  });

  it('decodes as a 256 × 256 picture with a transparent corner and an opaque seal', () => {
    const image = decode(BADGE_IMAGE_PNG);
    expect([image.width, image.height, image.channels]).toEqual([256, 256, 4]);
    expect(image.data[3]).toBe(0);
    expect(image.data[(104 * 256 + 128) * 4 + 3]).toBe(255);
  });
});

describe('any one byte changed', () => {
  it('in a credential JSON (outside whitespace) or anywhere in a baked PNG, the credential is refused, never thrown', async () => {
    const json = await signedJson();
    const baked = bakeCredential(BADGE_IMAGE_PNG, json);
    const jsonBytes = new TextEncoder().encode(json);
    const meaningful = [...jsonBytes.keys()].filter((index) => ![0x20, 0x0a, 0x0d, 0x09].includes(jsonBytes[index]!));
    await fc.assert(
      fc.asyncProperty(fc.nat(meaningful.length - 1), fc.integer({ min: 1, max: 255 }), async (pick, mask) => {
        const changed = jsonBytes.slice();
        changed[meaningful[pick]!]! ^= mask;
        expect((await verifyCredential(changed, { now: LATER })).ok).toBe(false);
      }),
      { numRuns: 120, seed: 13 },
    );
    await fc.assert(
      fc.asyncProperty(fc.nat(baked.length - 1), fc.integer({ min: 1, max: 255 }), async (at, mask) => {
        const changed = baked.slice();
        changed[at]! ^= mask;
        expect((await verifyCredential(changed, { now: LATER })).ok).toBe(false);
      }),
      { numRuns: 120, seed: 14 },
    );
  });
});
