// Runtime: any JavaScript (main process, renderer, worker, Node CLI). Baking an Open Badges 3.0
// credential into a PNG and reading it back (OB 3.0 §5.3 "Baking"): the credential's JSON in an iTXt
// chunk with the keyword `openbadgecredential`, uncompressed, placed before IEND; a badge baked again
// keeps one such chunk. The PNG's chunk structure and every CRC are checked, so a file that is not a
// PNG, or was cut or changed, is refused rather than misread.
import CRC32 from 'crc-32';
import { unzlibSync } from 'fflate';

export const BAKED_KEYWORD = 'openbadgecredential';
/** Larger than any badge picture Attaché makes or an academy would use. */
export const MAX_PNG_BYTES = 16 * 1024 * 1024;
const MAX_TEXT_BYTES = 1024 * 1024;

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

export type PngProblem = 'not-png' | 'damaged' | 'too-large';

export class PngError extends Error {
  constructor(
    readonly code: PngProblem,
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'PngError';
  }
}

interface Chunk {
  type: string;
  data: Uint8Array;
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((byte, index) => bytes[index] === byte);
}

const crcOf = (typeAndData: Uint8Array) => CRC32.buf(typeAndData) >>> 0;
const damaged = (why: string) =>
  new PngError('damaged', `The picture is not a whole PNG: ${why}.`, 'Use the badge picture as the academy issued it; this copy was cut or changed.');

/** The chunks of a PNG, in order, every length and CRC checked; IHDR first, IEND last. */
function readChunks(png: Uint8Array): Chunk[] {
  if (png.length > MAX_PNG_BYTES)
    throw new PngError(
      'too-large',
      `The picture is ${Math.round(png.length / 1024 / 1024)} MiB, larger than any badge.`,
      'Choose the badge picture the academy issued.',
    );
  if (!isPng(png))
    throw new PngError('not-png', 'The file is not a PNG picture.', 'Choose the badge picture (.png) or the credential (.json) the academy issued.');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Chunk[] = [];
  let offset = SIGNATURE.length;
  while (offset < png.length) {
    if (offset + 12 > png.length) throw damaged('it ends inside a chunk');
    const length = view.getUint32(offset);
    if (length > png.length - offset - 12) throw damaged('a chunk runs past the end of the file');
    const typeAndData = png.subarray(offset + 4, offset + 8 + length);
    const type = String.fromCharCode(...typeAndData.subarray(0, 4));
    if (!/^[A-Za-z]{4}$/.test(type)) throw damaged('a chunk has no valid type');
    if (view.getUint32(offset + 8 + length) !== crcOf(typeAndData)) throw damaged(`the ${type} chunk's checksum does not match`);
    chunks.push({ type, data: typeAndData.subarray(4) });
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  if (chunks[0]?.type !== 'IHDR') throw damaged('it does not start with a header (IHDR)');
  if (chunks.at(-1)?.type !== 'IEND') throw damaged('it has no end (IEND)');
  if (!chunks.some((chunk) => chunk.type === 'IDAT')) throw damaged('it holds no image data');
  return chunks;
}

function writeChunks(chunks: readonly Chunk[]): Uint8Array {
  const size = SIGNATURE.length + chunks.reduce((sum, chunk) => sum + 12 + chunk.data.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(SIGNATURE, 0);
  let offset = SIGNATURE.length;
  for (const chunk of chunks) {
    view.setUint32(offset, chunk.data.length);
    for (let index = 0; index < 4; index += 1) out[offset + 4 + index] = chunk.type.charCodeAt(index);
    out.set(chunk.data, offset + 8);
    view.setUint32(offset + 8 + chunk.data.length, crcOf(out.subarray(offset + 4, offset + 8 + chunk.data.length)));
    offset += 12 + chunk.data.length;
  }
  return out;
}

const latin1 = (text: string) => Uint8Array.from(text, (character) => character.charCodeAt(0));

/** An iTXt chunk's data: keyword, NUL, compression flag 0, method 0, empty language tag, NUL, empty translated keyword, NUL, UTF-8 text. */
function itxtData(keyword: string, text: string): Uint8Array {
  const head = latin1(keyword);
  const body = new TextEncoder().encode(text);
  const data = new Uint8Array(head.length + 5 + body.length);
  data.set(head, 0);
  // keyword NUL, compression flag, compression method, language tag NUL, translated keyword NUL: all zero.
  data.set(body, head.length + 5);
  return data;
}

interface Itxt {
  keyword: string;
  text: string;
}

function readItxt(data: Uint8Array): Itxt {
  const keywordEnd = data.indexOf(0);
  if (keywordEnd < 1 || keywordEnd > 79 || keywordEnd + 3 > data.length) throw damaged('an iTXt chunk has no keyword');
  const keyword = String.fromCharCode(...data.subarray(0, keywordEnd));
  const compressed = data[keywordEnd + 1] === 1;
  const languageEnd = data.indexOf(0, keywordEnd + 3);
  const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0) throw damaged(`the iTXt chunk "${keyword}" is cut short`);
  let body = data.subarray(translatedEnd + 1);
  if (compressed) {
    try {
      body = unzlibSync(body);
    } catch {
      throw damaged(`the iTXt chunk "${keyword}" does not decompress`);
    }
  }
  if (body.length > MAX_TEXT_BYTES)
    throw new PngError('too-large', 'The credential in the picture is larger than any credential.', 'Choose the badge picture the academy issued.');
  try {
    return { keyword, text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    throw damaged(`the iTXt chunk "${keyword}" is not UTF-8 text`);
  }
}

const isBakedChunk = (chunk: Chunk) =>
  chunk.type === 'iTXt' && chunk.data.subarray(0, BAKED_KEYWORD.length + 1).every((byte, index) => byte === (latin1(BAKED_KEYWORD)[index] ?? 0));

/** The PNG with the credential (its JSON text, as issued) baked in; an earlier baked credential is replaced. */
export function bakeCredential(png: Uint8Array, credentialJson: string): Uint8Array {
  const chunks = readChunks(png).filter((chunk) => !isBakedChunk(chunk));
  const baked: Chunk = { type: 'iTXt', data: itxtData(BAKED_KEYWORD, credentialJson) };
  return writeChunks([...chunks.slice(0, -1), baked, chunks.at(-1)!]);
}

/** The credential JSON baked into a PNG, or null when it carries none. Throws PngError for a file that is not a whole PNG. */
export function readBakedCredential(png: Uint8Array): string | null {
  for (const chunk of readChunks(png)) {
    if (chunk.type !== 'iTXt') continue;
    const itxt = readItxt(chunk.data);
    if (itxt.keyword === BAKED_KEYWORD) return itxt.text;
  }
  return null;
}

/** The badge picture Attaché bakes credentials into (resources/badge.png). */
export { BADGE_IMAGE_PNG } from './badge-image';
