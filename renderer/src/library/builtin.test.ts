// Runtime: Node (Vitest). The built-in library as the bundler hands it over: YAML as text, media
// inlined as data: URLs and turned back into the bytes the pack loader reads.
import { describe, expect, it } from 'vitest';
import { builtinPackFiles, dataUrlBytes, loadBuiltinLibrary } from './builtin';

describe('the built-in library', () => {
  it('holds the pack files under their paths in the pack, and loads without problems', () => {
    const files = builtinPackFiles();
    expect(files.has('pack.yaml')).toBe(true);
    expect([...files.keys()].filter((path) => path.startsWith('scenarios/')).length).toBeGreaterThan(0);
    const library = loadBuiltinLibrary('0.1.0');
    expect(library.problems).toEqual([]);
    expect(library.packs[0]!.manifest.id).toBe('core-library');
  });
});

describe('dataUrlBytes', () => {
  it('decodes base64 data: URLs, as Vite inlines pictures', () => {
    expect(dataUrlBytes('data:image/png;base64,iVBORw0KGgo=')).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it('decodes percent-encoded data: URLs, as Vite inlines SVG', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>';
    expect(new TextDecoder().decode(dataUrlBytes(`data:image/svg+xml,${encodeURIComponent(svg)}`))).toBe(svg);
  });

  it('refuses anything else', () => {
    expect(() => dataUrlBytes('blob:abc')).toThrow('not a data: URL');
  });
});
