// Runtime: Node (Vitest). A pack's media files become blob: URLs of the right type, made once.
import { resolveObjectURL, type Blob as NodeBlob } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { mediaResolverFor } from './media';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The blob behind a blob: URL, as Node keeps it. */
function blobOf(url: string): NodeBlob {
  const blob = resolveObjectURL(url);
  if (!blob) throw new Error(`no blob behind ${url}`);
  return blob;
}

describe('mediaResolverFor', () => {
  const media = new Map([
    ['media/photo.PNG', PNG],
    ['media/clip.webm', new Uint8Array([1, 2, 3])],
    ['media/voice.mp3', new Uint8Array([4, 5])],
    ['media/drawing.svg', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')],
  ]);

  it('gives each file a blob: URL holding its bytes, typed by its extension', async () => {
    const resolve = mediaResolverFor(media);
    const photo = resolve('media/photo.PNG')!;
    expect(photo.kind).toBe('image');
    expect(photo.url).toMatch(/^blob:/);
    const blob = blobOf(photo.url);
    expect(blob.type).toBe('image/png');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(PNG);
    expect(resolve('media/clip.webm')!.kind).toBe('video');
    expect(resolve('media/voice.mp3')!.kind).toBe('audio');
    expect(blobOf(resolve('media/drawing.svg')!.url).type).toBe('image/svg+xml');
  });

  it('makes one URL per file and one resolver per pack', () => {
    const resolve = mediaResolverFor(media);
    expect(mediaResolverFor(media)).toBe(resolve);
    expect(resolve('media/photo.PNG')).toBe(resolve('media/photo.PNG'));
    expect(mediaResolverFor(new Map(media))).not.toBe(resolve);
  });

  it('finds nothing for a path the pack does not have', () => {
    expect(mediaResolverFor(media)('media/missing.png')).toBeNull();
  });
});
