import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { INVOKE_CHANNELS, type InvokeChannel, type InvokeContract } from './api';
import {
  INVOKE_ARGS_SCHEMAS,
  MAX_ACADEMY_KEY_FILE_BYTES,
  MAX_CREDENTIAL_LENGTH,
  MAX_FILE_BYTES,
  MAX_PASSPHRASE_LENGTH,
  MAX_PRINT_HTML_LENGTH,
  MAX_SIGNED_BYTES,
  validateInvokeArgs,
} from './validation';

const bytes = new Uint8Array([1, 2, 3]);

describe('INVOKE_ARGS_SCHEMAS', () => {
  it('covers exactly the contract channels', () => {
    expect(Object.keys(INVOKE_ARGS_SCHEMAS).sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
  });

  it('parses into exactly the contract argument types', () => {
    type Parsed<Channel extends InvokeChannel> = z.output<(typeof INVOKE_ARGS_SCHEMAS)[Channel]>;
    expectTypeOf<Parsed<'app:get-info'>>().toEqualTypeOf<InvokeContract['app:get-info']['args']>();
    expectTypeOf<Parsed<'app:get-system-locale'>>().toEqualTypeOf<InvokeContract['app:get-system-locale']['args']>();
    expectTypeOf<Parsed<'file:open'>>().toEqualTypeOf<InvokeContract['file:open']['args']>();
    expectTypeOf<Parsed<'file:save'>>().toEqualTypeOf<InvokeContract['file:save']['args']>();
    expectTypeOf<Parsed<'file:open-many'>>().toEqualTypeOf<InvokeContract['file:open-many']['args']>();
    expectTypeOf<Parsed<'device-key:get'>>().toEqualTypeOf<InvokeContract['device-key:get']['args']>();
    expectTypeOf<Parsed<'device-key:sign'>>().toEqualTypeOf<InvokeContract['device-key:sign']['args']>();
    expectTypeOf<Parsed<'print:to-pdf'>>().toEqualTypeOf<InvokeContract['print:to-pdf']['args']>();
    expectTypeOf<Parsed<'menu:set-state'>>().toEqualTypeOf<InvokeContract['menu:set-state']['args']>();
    expectTypeOf<Parsed<'academy-key:import'>>().toEqualTypeOf<InvokeContract['academy-key:import']['args']>();
    expectTypeOf<Parsed<'academy-key:set-domain'>>().toEqualTypeOf<InvokeContract['academy-key:set-domain']['args']>();
    expectTypeOf<Parsed<'badge:sign'>>().toEqualTypeOf<InvokeContract['badge:sign']['args']>();
    expectTypeOf<Parsed<'studio:open-folder'>>().toEqualTypeOf<InvokeContract['studio:open-folder']['args']>();
    expectTypeOf<Parsed<'studio:save-folder'>>().toEqualTypeOf<InvokeContract['studio:save-folder']['args']>();
  });
});

describe('validateInvokeArgs', () => {
  it('accepts no arguments for the argument-less channels, and refuses extra ones', () => {
    expect(validateInvokeArgs('app:get-info', [])).toEqual({ ok: true, args: [] });
    expect(validateInvokeArgs('app:get-system-locale', []).ok).toBe(true);
    expect(validateInvokeArgs('app:get-info', ['surprise']).ok).toBe(false);
  });

  it('accepts well-formed open requests', () => {
    expect(validateInvokeArgs('file:open', [{}]).ok).toBe(true);
    expect(validateInvokeArgs('file:open', [{ title: 'Open a scenario pack', filters: [{ name: 'Scenario pack', extensions: ['attache', 'yaml'] }] }])).toEqual(
      {
        ok: true,
        args: [{ title: 'Open a scenario pack', filters: [{ name: 'Scenario pack', extensions: ['attache', 'yaml'] }] }],
      },
    );
  });

  it.each([
    ['no request', []],
    ['a request that is not an object', ['open']],
    ['an unknown field', [{ defaultPath: '/etc' }]],
    ['an extension with a dot', [{ filters: [{ name: 'Pack', extensions: ['.attache'] }] }]],
    ['a wildcard extension', [{ filters: [{ name: 'All', extensions: ['*'] }] }]],
    ['an extension with a path', [{ filters: [{ name: 'Pack', extensions: ['../x'] }] }]],
    ['an extension ending in a hyphen', [{ filters: [{ name: 'Pack', extensions: ['attache-'] }] }]],
    ['a filter without extensions', [{ filters: [{ name: 'Pack', extensions: [] }] }]],
    ['an unknown filter field', [{ filters: [{ name: 'Pack', extensions: ['yaml'], hidden: true }] }]],
    ['an overlong title', [{ title: 'x'.repeat(201) }]],
    ['two requests', [{}, {}]],
  ])('refuses an open request with %s', (_case, args) => {
    expect(validateInvokeArgs('file:open', args).ok).toBe(false);
  });

  it('accepts a well-formed save request', () => {
    const result = validateInvokeArgs('file:save', [{ suggestedName: 'records-2026.json', bytes }]);
    expect(result).toEqual({ ok: true, args: [{ suggestedName: 'records-2026.json', bytes }] });
    expect(validateInvokeArgs('file:save', [{ suggestedName: 'Отчёт (март).json', bytes: new Uint8Array() }]).ok).toBe(true);
  });

  it.each([
    ['a path in the name', '../../.bashrc'],
    ['a folder in the name', 'exports/records.json'],
    ['a Windows path', 'C:\\Users\\records.json'],
    ['an absolute path', '/etc/passwd'],
    ['a drive letter', 'C:records.json'],
    ['a control character', 'records\u0000.json'],
    ['a newline', 'records\n.json'],
    ['a dot name', '..'],
    ['an empty name', ''],
    ['surrounding spaces', ' records.json '],
    ['an overlong name', `${'x'.repeat(256)}.json`],
  ])('refuses a suggested name with %s', (_case, suggestedName) => {
    expect(validateInvokeArgs('file:save', [{ suggestedName, bytes }]).ok).toBe(false);
  });

  it('refuses save requests whose bytes are not bytes, or too many', () => {
    expect(validateInvokeArgs('file:save', [{ suggestedName: 'a.json', bytes: [1, 2, 3] }]).ok).toBe(false);
    expect(validateInvokeArgs('file:save', [{ suggestedName: 'a.json', bytes: 'abc' }]).ok).toBe(false);
    expect(validateInvokeArgs('file:save', [{ suggestedName: 'a.json' }]).ok).toBe(false);
    // A view's length is what counts: no 256 MiB allocation is needed to prove the limit.
    const oversized = new Uint8Array(new ArrayBuffer(8), 0, 8);
    Object.defineProperty(oversized, 'byteLength', { value: MAX_FILE_BYTES + 1 });
    expect(validateInvokeArgs('file:save', [{ suggestedName: 'a.json', bytes: oversized }]).ok).toBe(false);
    const atLimit = new Uint8Array(new ArrayBuffer(8), 0, 8);
    Object.defineProperty(atLimit, 'byteLength', { value: MAX_FILE_BYTES });
    expect(validateInvokeArgs('file:save', [{ suggestedName: 'a.json', bytes: atLimit }]).ok).toBe(true);
  });

  it('takes the same requests to open several files as to open one', () => {
    const request = { title: 'Import progress files', filters: [{ name: 'Progress file', extensions: ['attache-progress'] }] };
    expect(validateInvokeArgs('file:open-many', [request])).toEqual({ ok: true, args: [request] });
    expect(validateInvokeArgs('file:open-many', [{ multiple: true }]).ok).toBe(false);
    expect(validateInvokeArgs('file:open-many', []).ok).toBe(false);
  });

  it('asks for the device key only with a yes or no to making it', () => {
    expect(validateInvokeArgs('device-key:get', [{ create: false }])).toEqual({ ok: true, args: [{ create: false }] });
    expect(validateInvokeArgs('device-key:get', [{ create: 'yes' }]).ok).toBe(false);
    expect(validateInvokeArgs('device-key:get', [{ create: true, export: true }]).ok).toBe(false);
    expect(validateInvokeArgs('device-key:get', []).ok).toBe(false);
  });

  it('signs bytes only, and no more than a manifest needs', () => {
    expect(validateInvokeArgs('device-key:sign', [{ bytes }])).toEqual({ ok: true, args: [{ bytes }] });
    expect(validateInvokeArgs('device-key:sign', [{ bytes: 'text' }]).ok).toBe(false);
    expect(validateInvokeArgs('device-key:sign', [{ bytes, key: 'x' }]).ok).toBe(false);
    const oversized = new Uint8Array(new ArrayBuffer(8), 0, 8);
    Object.defineProperty(oversized, 'byteLength', { value: MAX_SIGNED_BYTES + 1 });
    expect(validateInvokeArgs('device-key:sign', [{ bytes: oversized }]).ok).toBe(false);
  });

  it('accepts a document to print on A4 or Letter paper, within the size limit', () => {
    expect(validateInvokeArgs('print:to-pdf', [{ html: '<p>Выписка</p>', pageSize: 'A4' }])).toEqual({
      ok: true,
      args: [{ html: '<p>Выписка</p>', pageSize: 'A4' }],
    });
    expect(validateInvokeArgs('print:to-pdf', [{ html: '<p>x</p>', pageSize: 'Letter' }]).ok).toBe(true);
    expect(validateInvokeArgs('print:to-pdf', [{ html: '', pageSize: 'A4' }]).ok).toBe(false);
    expect(validateInvokeArgs('print:to-pdf', [{ html: '<p>x</p>', pageSize: 'A3' }]).ok).toBe(false);
    expect(validateInvokeArgs('print:to-pdf', [{ html: '<p>x</p>', pageSize: 'A4', url: 'https://example.com' }]).ok).toBe(false);
    expect(validateInvokeArgs('print:to-pdf', [{ html: 'x'.repeat(MAX_PRINT_HTML_LENGTH + 1), pageSize: 'A4' }]).ok).toBe(false);
  });

  it('accepts the supported languages and themes only', () => {
    expect(validateInvokeArgs('menu:set-state', [{ language: 'ru', theme: 'dark' }])).toEqual({
      ok: true,
      args: [{ language: 'ru', theme: 'dark' }],
    });
    expect(validateInvokeArgs('menu:set-state', [{ language: 'de', theme: 'dark' }]).ok).toBe(false);
    expect(validateInvokeArgs('menu:set-state', [{ language: 'en', theme: 'sepia' }]).ok).toBe(false);
    expect(validateInvokeArgs('menu:set-state', [{ language: 'en' }]).ok).toBe(false);
    expect(validateInvokeArgs('menu:set-state', [{ language: 'en', theme: 'auto', labels: {} }]).ok).toBe(false);
  });

  it('takes the academy key requests whole: a passphrase, key file bytes within bounds, a did:web domain, a did:key or did:web issuer', () => {
    expect(validateInvokeArgs('academy-key:get', []).ok).toBe(true);
    expect(validateInvokeArgs('academy-key:create', [{ passphrase: 'correct horse battery' }]).ok).toBe(true);
    expect(validateInvokeArgs('academy-key:create', [{ passphrase: '' }]).ok).toBe(false);
    expect(validateInvokeArgs('academy-key:create', [{ passphrase: 'x'.repeat(MAX_PASSPHRASE_LENGTH + 1) }]).ok).toBe(false);
    expect(validateInvokeArgs('academy-key:import', [{ bytes, passphrase: 'p', newPassphrase: null, replace: false }]).ok).toBe(true);
    expect(validateInvokeArgs('academy-key:import', [{ bytes: 'text', passphrase: 'p', newPassphrase: null, replace: false }]).ok).toBe(false);
    expect(
      validateInvokeArgs('academy-key:import', [
        { bytes: new Uint8Array(MAX_ACADEMY_KEY_FILE_BYTES + 1), passphrase: 'p', newPassphrase: null, replace: false },
      ]).ok,
    ).toBe(false);
    expect(validateInvokeArgs('academy-key:rewrap', [{ passphrase: 'p', newPassphrase: 'q' }]).ok).toBe(true);
    for (const domain of ['academy.example', 'xn--80a1acny.example', 'academy.example:8443', 'academy.example/attache/badges', null])
      expect(validateInvokeArgs('academy-key:set-domain', [{ domain }]).ok, String(domain)).toBe(true);
    for (const domain of ['https://academy.example', 'Academy.Example', 'localhost', 'academy.example:99999', 'академия.example', 'a..example', ''])
      expect(validateInvokeArgs('academy-key:set-domain', [{ domain }]).ok, domain).toBe(false);
    const sign = { credential: '{"type":["OpenBadgeCredential"]}', passphrase: 'p', did: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' };
    expect(validateInvokeArgs('badge:sign', [sign]).ok).toBe(true);
    expect(validateInvokeArgs('badge:sign', [{ ...sign, did: 'did:web:academy.example%3A8443:attache' }]).ok).toBe(true);
    expect(validateInvokeArgs('badge:sign', [{ ...sign, did: 'https://academy.example' }]).ok).toBe(false);
    expect(validateInvokeArgs('badge:sign', [{ ...sign, credential: 'x'.repeat(MAX_CREDENTIAL_LENGTH + 1) }]).ok).toBe(false);
    expect(validateInvokeArgs('badge:sign', [{ ...sign, key: 'smuggled' }]).ok).toBe(false);
  });

  it('takes a pack folder to save only with file paths a pack may hold, each once, written or removed', () => {
    const save = { folder: '/home/ana/packs/storm', files: [{ path: 'scenarios/storm.yaml', bytes }], remove: ['scenarios/old.yaml'] };
    expect(validateInvokeArgs('studio:save-folder', [save]).ok).toBe(true);
    expect(validateInvokeArgs('studio:open-folder', [{}]).ok).toBe(true);
    expect(validateInvokeArgs('studio:open-folder', [{ title: 'Open', path: '/etc' }]).ok).toBe(false);
    for (const path of ['../outside.yaml', '/etc/passwd', 'C:/Windows/x.yaml', 'a\\b.yaml', 'scenarios//x.yaml', ''])
      expect(validateInvokeArgs('studio:save-folder', [{ ...save, files: [{ path, bytes }] }]).ok, path).toBe(false);
    expect(validateInvokeArgs('studio:save-folder', [{ ...save, remove: ['../x.yaml'] }]).ok).toBe(false);
    expect(validateInvokeArgs('studio:save-folder', [{ ...save, files: [...save.files, ...save.files] }]).ok).toBe(false);
    expect(validateInvokeArgs('studio:save-folder', [{ ...save, remove: ['scenarios/storm.yaml'] }]).ok).toBe(false);
    expect(validateInvokeArgs('studio:save-folder', [{ ...save, folder: 'x\n' }]).ok).toBe(false);
    expect(validateInvokeArgs('studio:save-folder', [{ ...save, files: [{ path: 'pack.yaml', bytes: 'text' }] }]).ok).toBe(false);
  });

  it('says what was wrong', () => {
    const result = validateInvokeArgs('menu:set-state', [{ language: 'de', theme: 'light' }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('language');
  });
});
