// Runtime: renderer (needs URL.createObjectURL). A pack's media files (images, sound, video) as URLs
// the feed can show: the bytes never leave the device and the page's policy allows blob: URLs.

export type MediaKind = 'image' | 'audio' | 'video';

export interface MediaSource {
  url: string;
  kind: MediaKind;
}

/** Finds a pack's media file by its path in the pack (`media/photo.png`); null when there is none. */
export type MediaResolver = (path: string) => MediaSource | null;

const TYPES: Record<string, { type: string; kind: MediaKind }> = {
  png: { type: 'image/png', kind: 'image' },
  jpg: { type: 'image/jpeg', kind: 'image' },
  jpeg: { type: 'image/jpeg', kind: 'image' },
  gif: { type: 'image/gif', kind: 'image' },
  webp: { type: 'image/webp', kind: 'image' },
  svg: { type: 'image/svg+xml', kind: 'image' },
  mp3: { type: 'audio/mpeg', kind: 'audio' },
  ogg: { type: 'audio/ogg', kind: 'audio' },
  mp4: { type: 'video/mp4', kind: 'video' },
  webm: { type: 'video/webm', kind: 'video' },
};

// One set of URLs per loaded pack: a pack is loaded once per installation, so they live as long as it.
const resolvers = new WeakMap<ReadonlyMap<string, Uint8Array>, MediaResolver>();

/** The resolver for a pack's media map, made once per map; each file's URL is made when first asked for. */
export function mediaResolverFor(media: ReadonlyMap<string, Uint8Array>): MediaResolver {
  let resolver = resolvers.get(media);
  if (!resolver) {
    const sources = new Map<string, MediaSource | null>();
    resolver = (path) => {
      if (!sources.has(path)) sources.set(path, sourceOf(media, path));
      return sources.get(path)!;
    };
    resolvers.set(media, resolver);
  }
  return resolver;
}

function sourceOf(media: ReadonlyMap<string, Uint8Array>, path: string): MediaSource | null {
  const bytes = media.get(path);
  const format = TYPES[path.slice(path.lastIndexOf('.') + 1).toLowerCase()];
  if (!bytes || !format) return null;
  return { url: URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: format.type })), kind: format.kind };
}
