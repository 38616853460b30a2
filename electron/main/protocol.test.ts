import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, mimeTypeOf, resolveAppPath } from './protocol';

const root = path.resolve('/srv/attache/out/renderer');

describe('resolveAppPath', () => {
  it('serves the entry page for the bare origin and for index.html', () => {
    expect(resolveAppPath(root, 'app://attache/')).toEqual({ ok: true, filePath: path.join(root, 'index.html') });
    expect(resolveAppPath(root, 'app://attache')).toEqual({ ok: true, filePath: path.join(root, 'index.html') });
    expect(resolveAppPath(root, 'app://attache/index.html')).toEqual({ ok: true, filePath: path.join(root, 'index.html') });
  });

  it('maps nested assets, decodes escapes and ignores the query and fragment', () => {
    expect(resolveAppPath(root, 'app://attache/assets/index-a1b2.js?v=1#top')).toEqual({
      ok: true,
      filePath: path.join(root, 'assets', 'index-a1b2.js'),
    });
    expect(resolveAppPath(root, 'app://attache/fonts/Noto%20Sans.woff2')).toEqual({
      ok: true,
      filePath: path.join(root, 'fonts', 'Noto Sans.woff2'),
    });
  });

  it.each([
    'app://attache/../main/index.js',
    'app://attache/assets/../../main/index.js',
    'app://attache/%2e%2e/main/index.js',
    'app://attache/%2E%2E/%2e%2e/etc/passwd',
    'app://attache/.%2e/secret',
    'app://attache/./index.html',
    'app://attache/..%2fmain%2findex.js',
    'app://attache/assets/%2f%2fetc%2fpasswd',
    'app://attache/..\\main\\index.js',
    'app://attache/%5c..%5cmain',
    'app://attache//etc/passwd',
    'app://attache/C:%2fWindows%2fwin.ini',
    'app://attache/index.html%00.png',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toEqual({ ok: false, status: 403 });
  });

  it.each(['app://other/index.html', 'https://attache/index.html', 'file:///srv/attache/out/renderer/index.html'])(
    'serves nothing for another origin: %s',
    (url) => {
      expect(resolveAppPath(root, url)).toEqual({ ok: false, status: 404 });
    },
  );

  it('rejects malformed escapes and URLs', () => {
    expect(resolveAppPath(root, 'app://attache/%E0%A4%A')).toEqual({ ok: false, status: 400 });
    expect(resolveAppPath(root, 'not a url')).toEqual({ ok: false, status: 400 });
  });
});

describe('mimeTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/app.js', 'text/javascript; charset=utf-8'],
    ['assets/app.CSS', 'text/css; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['font.woff2', 'font/woff2'],
    ['data.bin', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(mimeTypeOf(file)).toBe(type);
  });
});

describe('createAppProtocolHandler', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'attache-protocol-'));
  const rendererDir = path.join(base, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Attaché</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(base, 'secret.txt'), 'outside the renderer');
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const handle = createAppProtocolHandler({ root: rendererDir, contentSecurityPolicy: "default-src 'self'" });

  it('serves files with their type and the CSP', async () => {
    const page = await handle(new Request('app://attache/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toBe('<!doctype html><title>Attaché</title>');

    const script = await handle(new Request('app://attache/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('answers 404 for missing files and folders', async () => {
    expect((await handle(new Request('app://attache/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://attache/assets'))).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const url of ['app://attache/../secret.txt', 'app://attache/%2e%2e/secret.txt', 'app://attache/..%2fsecret.txt']) {
      const response = await handle(new Request(url));
      expect(response.status).not.toBe(200);
      expect(await response.text()).not.toContain('outside the renderer');
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await handle(new Request('app://attache/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await handle(new Request('app://attache/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe("default-src 'self'");
  });
});
