// Runtime: Node (Vitest). The one path policy shared by pack archives and pack folders.
import { describe, expect, it } from 'vitest';
import { MAX_NAME_BYTES, PATH_LIMITS, PackPathSet, decodeName, describeClash, pathProblem, quotePath, sortPaths } from './paths';

describe('pathProblem accepts', () => {
  it.each([
    ['pack.yaml'],
    ['scenarios/embassy-fire.yaml'],
    ['scenarios/café-opening.yaml'],
    ['media/photo of the square.png'],
    ['media/.hidden-but-allowed.png'],
    ['a/b/c/d/e/f/g/h.yaml'],
    [`scenarios/${'x'.repeat(PATH_LIMITS.maxPathLength - 'scenarios/'.length)}`],
    ['media/ж'.concat('ж'.repeat(126))],
  ])('%j', (path) => {
    expect(pathProblem(path)).toBeNull();
  });
});

describe('pathProblem refuses', () => {
  it.each([
    ['an empty path', '', /empty/],
    ['the one name ZIP tools lose', '__proto__', /ZIP tools cannot store/],
    ['a NUL byte', 'scenarios/evil\u0000.yaml', /control characters/],
    ['a line break', 'scenarios/evil\nname.yaml', /control characters/],
    ['a C1 control', 'media/a\u0085b.png', /control characters/],
    ['a right-to-left override', 'media/photo\u202egnp.exe', /control characters/],
    ['a byte-order mark', '\ufeffpack.yaml', /control characters/],
    ['a zero-width space', 'pack\u200b.yaml', /control characters/],
    ['a lone surrogate', 'media/\ud800.png', /not valid text/],
    ['backslashes', 'scenarios\\evil.yaml', /backslashes/],
    ['an absolute path', '/etc/passwd', /absolute/],
    ['a drive letter with a slash', 'C:/Windows/evil.yaml', /drive letter/],
    ['a drive-relative path', 'c:evil.yaml', /drive letter/],
    ['a leading ".."', '../evil.yaml', /outside the pack/],
    ['a ".." inside', 'scenarios/../../evil.yaml', /outside the pack/],
    ['a trailing ".."', 'scenarios/..', /outside the pack/],
    ['a "." folder', './pack.yaml', /"\." folder/],
    ['an empty folder name', 'scenarios//evil.yaml', /empty folder name/],
    ['a trailing slash', 'scenarios/', /empty folder name/],
    ['a path one character too long', `scenarios/${'x'.repeat(PATH_LIMITS.maxPathLength - 'scenarios/'.length + 1)}`, /longer than 240 characters/],
    ['a path one level too deep', 'a/b/c/d/e/f/g/h/i.yaml', /deeper than 8 levels/],
    ['a character Windows refuses', 'scenarios/what?.yaml', /Windows does not allow/],
    ['a colon', 'media/a:b.png', /Windows does not allow/],
    ['a part ending with a dot', 'scenarios/trailing-dot.', /ends with a dot or a space/],
    ['a part ending with a space', 'media /a.png', /ends with a dot or a space/],
    ['a device name', 'media/CON.png', /reserves for devices/],
    ['a device name in lower case', 'nul', /reserves for devices/],
    ['a part longer than a file system holds', `media/${'ж'.repeat(128)}`, new RegExp(`longer than ${MAX_NAME_BYTES} bytes`)],
  ])('%s', (_label, path, reason) => {
    expect(pathProblem(path)).toMatch(reason);
  });

  it('takes its length and depth from the limits it is given', () => {
    expect(pathProblem('a/b/c.yaml', { maxPathLength: 240, maxPathDepth: 2 })).toMatch(/deeper than 2 levels/);
    expect(pathProblem('a/b/c.yaml', { maxPathLength: 9, maxPathDepth: 8 })).toMatch(/longer than 9 characters/);
    expect(pathProblem('a/b/c.yaml', { maxPathLength: 10, maxPathDepth: 3 })).toBeNull();
  });

  it('does work bounded by the length limit on a huge name', () => {
    // A million segments would cost a million checks; the length limit refuses it first.
    expect(pathProblem('a/'.repeat(1_000_000))).toMatch(/longer than/);
  });
});

describe('decodeName', () => {
  const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

  it('reads valid UTF-8, a byte-order mark kept so that the policy sees it', () => {
    expect(decodeName(new TextEncoder().encode('scenarios/café.yaml'))).toBe('scenarios/café.yaml');
    expect(decodeName(bytes(0xef, 0xbb, 0xbf, 0x61))).toBe('\ufeffa');
  });

  it.each([
    ['a stray continuation byte', bytes(0x70, 0x80, 0x6b)],
    ['a byte that never occurs in UTF-8', bytes(0x70, 0xff, 0xfe, 0x6b)],
    ['a Latin-1 "é"', bytes(0x63, 0x61, 0x66, 0xe9)],
    ['an overlong "/"', bytes(0xc0, 0xaf)],
    ['an encoded surrogate', bytes(0xed, 0xa0, 0x80)],
    ['a sequence cut short', bytes(0x61, 0xe2, 0x82)],
  ])('refuses %s', (_label, name) => {
    expect(decodeName(name)).toBeNull();
  });
});

describe('quotePath', () => {
  it('shows controls as escapes and shortens long names', () => {
    expect(quotePath('a\u0000b\u202ec')).toBe('"a\\u0000b\\u202ec"');
    const quoted = quotePath('x'.repeat(500));
    expect(quoted.length).toBe(122);
    expect(quoted.endsWith('..."')).toBe(true);
  });
});

describe('sortPaths', () => {
  it('orders by UTF-8 bytes, not by UTF-16 code units', () => {
    expect(sortPaths(['😀.png', '\uffff.png', 'é.png', 'a.png', 'Z.png'])).toEqual(['Z.png', 'a.png', 'é.png', '\uffff.png', '😀.png']);
  });
});

describe('PackPathSet', () => {
  function firstClash(paths: [string, 'file' | 'folder'][]) {
    const set = new PackPathSet();
    for (const [path, kind] of paths) {
      const clash = set.add(path, kind);
      if (clash) return clash;
    }
    return null;
  }

  it('accepts distinct files and the folders that hold them', () => {
    expect(
      firstClash([
        ['media', 'folder'],
        ['media/a.png', 'file'],
        ['media/b.png', 'file'],
        ['scenarios/a.yaml', 'file'],
        ['scenarios', 'folder'],
      ]),
    ).toBeNull();
  });

  it('refuses the same file twice', () => {
    expect(
      firstClash([
        ['pack.yaml', 'file'],
        ['pack.yaml', 'file'],
      ]),
    ).toEqual({ kind: 'same', earlier: 'pack.yaml', path: 'pack.yaml' });
  });

  it('refuses the same folder entry twice', () => {
    expect(
      firstClash([
        ['media', 'folder'],
        ['media', 'folder'],
      ]),
    ).toMatchObject({ kind: 'same' });
  });

  it('refuses names that differ only in letter case', () => {
    expect(
      firstClash([
        ['pack.yaml', 'file'],
        ['Pack.YAML', 'file'],
      ]),
    ).toEqual({ kind: 'case', earlier: 'pack.yaml', path: 'Pack.YAML' });
    expect(
      firstClash([
        ['Media/a.png', 'file'],
        ['media/b.png', 'file'],
        ['MEDIA/A.png', 'file'],
      ]),
    ).toMatchObject({ kind: 'case' });
  });

  it('refuses names that differ only in Unicode normalisation', () => {
    expect(
      firstClash([
        ['scenarios/caf\u00e9.yaml', 'file'],
        ['scenarios/cafe\u0301.yaml', 'file'],
      ]),
    ).toMatchObject({ kind: 'case' });
  });

  it('refuses a file that is also a folder, whichever comes first', () => {
    expect(
      firstClash([
        ['pack.yaml', 'file'],
        ['pack.yaml/notes.yaml', 'file'],
      ]),
    ).toMatchObject({ kind: 'file-and-folder', path: 'pack.yaml' });
    expect(
      firstClash([
        ['pack.yaml/notes.yaml', 'file'],
        ['pack.yaml', 'file'],
      ]),
    ).toMatchObject({ kind: 'file-and-folder', path: 'pack.yaml' });
    expect(
      firstClash([
        ['media', 'folder'],
        ['Media', 'file'],
      ]),
    ).toMatchObject({ kind: 'file-and-folder', path: 'Media' });
    expect(
      firstClash([
        ['media', 'file'],
        ['media', 'folder'],
      ]),
    ).toMatchObject({ kind: 'file-and-folder', path: 'media' });
    expect(
      firstClash([
        ['a/b', 'file'],
        ['a/b/c/d.yaml', 'file'],
      ]),
    ).toMatchObject({ kind: 'file-and-folder', path: 'a/b' });
  });

  it('describes each clash with both names', () => {
    expect(describeClash({ kind: 'same', earlier: 'a.yaml', path: 'a.yaml' }, 'The archive')).toBe('The archive contains "a.yaml" twice.');
    expect(describeClash({ kind: 'case', earlier: 'a.yaml', path: 'A.yaml' }, 'The pack folder')).toContain('"a.yaml" and "A.yaml"');
    expect(describeClash({ kind: 'file-and-folder', earlier: 'a/b', path: 'a' }, 'The pack')).toBe('The pack has both a file and a folder named "a".');
  });
});
