// Runtime: Node (Vitest, fake-indexeddb). The academy's settings: validated, stored one row each, read
// back safely; the administrator passphrase only ever as a slow hash.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashSecret, verifySecret } from '../../core/records/secret';
import { createTestDatabase } from '../../test/database';
import type { AttacheDatabase } from '../database';
import { StorageFullError } from '../errors';
import {
  AcademyValidationError,
  checkAdminPassphrase,
  NO_ACADEMY,
  PassphraseRejectedError,
  readAcademy,
  removeAdminPassphrase,
  saveAcademy,
  saveIncludeDraftText,
  SecretChangedError,
  setAdminPassphrase,
  WrongSecretError,
} from './academy';
import { readSettings, saveTheme } from './settings';

let db: AttacheDatabase;
/** A cheap scrypt cost: these tests check the rules, not the work factor. */
const cheap = { cost: { N: 2 ** 10, r: 8, p: 1 } };
const PASSPHRASE = 'correct horse battery';

beforeEach(() => {
  db = createTestDatabase();
});

afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

describe('academy settings', () => {
  it('read as not set in a new database', async () => {
    expect(await readAcademy(db)).toEqual(NO_ACADEMY);
    expect(NO_ACADEMY).toEqual({ name: null, iri: null, identityField: 'academyId', passphrase: null, includeDraftText: false });
  });

  it('keep whether statements carry draft texts, off until the academy opts in', async () => {
    expect((await readAcademy(db)).includeDraftText).toBe(false);
    expect((await saveIncludeDraftText(db, true)).includeDraftText).toBe(true);
    expect((await readAcademy(db)).includeDraftText).toBe(true);
    await db.settings.put({ key: 'xapiIncludeDraftText', value: 'yes' });
    expect((await readAcademy(db)).includeDraftText).toBe(false);
  });

  it('round-trip, trimmed, one row per setting, beside the preferences', async () => {
    await saveTheme(db, 'dark');
    const saved = await saveAcademy(db, { name: ' Diplomatic Academy ', iri: ' https://academy.example.org/ ', identityField: 'email' });

    expect(saved).toEqual({
      name: 'Diplomatic Academy',
      iri: 'https://academy.example.org/',
      identityField: 'email',
      passphrase: null,
      includeDraftText: false,
    });
    expect(await readAcademy(db)).toEqual(saved);
    expect((await db.settings.toArray()).map((row) => row.key).sort()).toEqual(['academyIdentityField', 'academyIri', 'academyName', 'theme']);
    expect(await readSettings(db)).toEqual({ language: null, theme: 'dark', activeProfileId: null });
  });

  it('remove the name and IRI when saved empty', async () => {
    await saveAcademy(db, { name: 'Diplomatic Academy', iri: 'https://academy.example.org/', identityField: 'email' });
    expect(await saveAcademy(db, { name: '', iri: ' ', identityField: 'academyId' })).toEqual(NO_ACADEMY);
    expect(await db.settings.get('academyName')).toBeUndefined();
    expect(await db.settings.get('academyIri')).toBeUndefined();
  });

  it('are refused with every reason when invalid, and nothing is saved', async () => {
    await saveAcademy(db, { name: 'Diplomatic Academy', iri: 'https://academy.example.org/', identityField: 'email' });
    const failure = saveAcademy(db, { name: 'a\nb', iri: 'mailto:office@academy.example.org', identityField: 'academyId' });
    await expect(failure).rejects.toBeInstanceOf(AcademyValidationError);
    await expect(failure).rejects.toMatchObject({ issues: { name: 'control-characters', iri: 'not-http' } });
    expect(await readAcademy(db)).toMatchObject({ name: 'Diplomatic Academy', iri: 'https://academy.example.org/', identityField: 'email' });
  });

  it('ignore rows they do not understand, each on its own', async () => {
    await db.settings.bulkPut([
      { key: 'academyName', value: 42 },
      { key: 'academyIri', value: 'javascript:alert(1)' },
      { key: 'academyIdentityField', value: 'username' },
      { key: 'adminPassphrase', value: 'correct horse battery' },
    ]);
    expect(await readAcademy(db)).toEqual(NO_ACADEMY);

    await db.settings.put({ key: 'academyName', value: 'Diplomatic Academy' });
    await db.settings.put({ key: 'adminPassphrase', value: { algorithm: 'scrypt', N: 1024, r: 8, p: 1, salt: 'zz', hash: 'zz' } });
    expect(await readAcademy(db)).toEqual({ ...NO_ACADEMY, name: 'Diplomatic Academy' });
  });

  it('report a full disk as StorageFullError', async () => {
    vi.spyOn(db.settings, 'put').mockRejectedValue(new DOMException('Quota exceeded', 'QuotaExceededError'));
    await expect(saveAcademy(db, { name: 'Diplomatic Academy', iri: '', identityField: 'academyId' })).rejects.toBeInstanceOf(StorageFullError);
  });
});

describe('the administrator passphrase', () => {
  it('is stored only as a salted scrypt hash, never as text', async () => {
    const hash = await setAdminPassphrase(db, { current: null, next: PASSPHRASE, confirmation: PASSPHRASE }, cheap);

    const stored = await db.settings.get('adminPassphrase');
    expect(stored?.value).toEqual(hash);
    expect(hash).toMatchObject({ algorithm: 'scrypt', N: 2 ** 10, r: 8, p: 1 });
    const everything = JSON.stringify(await db.settings.toArray());
    expect(everything).not.toContain(PASSPHRASE);
    expect(everything).not.toContain('horse');
    expect(await verifySecret(PASSPHRASE, hash)).toBe(true);
    expect((await readAcademy(db)).passphrase).toEqual(hash);
  });

  it('uses the full scrypt cost unless told otherwise', async () => {
    const hash = await setAdminPassphrase(db, { current: null, next: PASSPHRASE, confirmation: PASSPHRASE });
    expect(hash).toMatchObject({ N: 2 ** 15, r: 8, p: 1 });
    expect(hash.salt).toMatch(/^[0-9a-f]{32}$/);
  });

  it('is checked', async () => {
    expect(await checkAdminPassphrase(db, PASSPHRASE)).toBe(false);
    await setAdminPassphrase(db, { current: null, next: PASSPHRASE, confirmation: PASSPHRASE }, cheap);
    expect(await checkAdminPassphrase(db, PASSPHRASE)).toBe(true);
    expect(await checkAdminPassphrase(db, ` ${PASSPHRASE} `)).toBe(true);
    expect(await checkAdminPassphrase(db, 'Correct horse battery')).toBe(false);
  });

  it('needs enough characters, typed the same twice', async () => {
    await expect(setAdminPassphrase(db, { current: null, next: 'short', confirmation: 'short' }, cheap)).rejects.toEqual(
      new PassphraseRejectedError('too-short'),
    );
    await expect(setAdminPassphrase(db, { current: null, next: PASSPHRASE, confirmation: `${PASSPHRASE}!` }, cheap)).rejects.toEqual(
      new PassphraseRejectedError('mismatch'),
    );
    expect(await db.settings.count()).toBe(0);
  });

  it('is changed only with the current one', async () => {
    await setAdminPassphrase(db, { current: null, next: PASSPHRASE, confirmation: PASSPHRASE }, cheap);
    const next = 'a quite different phrase';

    await expect(setAdminPassphrase(db, { current: null, next, confirmation: next }, cheap)).rejects.toEqual(new WrongSecretError('passphrase'));
    await expect(setAdminPassphrase(db, { current: 'wrong passphrase', next, confirmation: next }, cheap)).rejects.toBeInstanceOf(WrongSecretError);
    expect(await checkAdminPassphrase(db, PASSPHRASE)).toBe(true);

    await setAdminPassphrase(db, { current: PASSPHRASE, next, confirmation: next }, cheap);
    expect(await checkAdminPassphrase(db, next)).toBe(true);
    expect(await checkAdminPassphrase(db, PASSPHRASE)).toBe(false);
  });

  it('is removed only with the current one', async () => {
    await setAdminPassphrase(db, { current: null, next: PASSPHRASE, confirmation: PASSPHRASE }, cheap);
    await expect(removeAdminPassphrase(db, 'wrong passphrase')).rejects.toBeInstanceOf(WrongSecretError);
    expect((await readAcademy(db)).passphrase).not.toBeNull();

    await removeAdminPassphrase(db, PASSPHRASE);
    expect((await readAcademy(db)).passphrase).toBeNull();
    expect(await db.settings.get('adminPassphrase')).toBeUndefined();
  });

  it('is not overwritten when it changed elsewhere while the old one was checked', async () => {
    const checked = await hashSecret(PASSPHRASE, new Uint8Array(16).fill(1), cheap.cost);
    const elsewhere = await hashSecret('set in another window', new Uint8Array(16).fill(2), cheap.cost);
    await db.settings.put({ key: 'adminPassphrase', value: checked });
    const get = vi.spyOn(db.settings, 'get');
    // The check reads the first hash; by the time the write starts, another window has put its own.
    get.mockResolvedValueOnce({ key: 'adminPassphrase', value: checked });
    get.mockResolvedValueOnce({ key: 'adminPassphrase', value: elsewhere });
    const next = 'a quite different phrase';

    await expect(setAdminPassphrase(db, { current: PASSPHRASE, next, confirmation: next }, cheap)).rejects.toBeInstanceOf(SecretChangedError);
    get.mockRestore();
    expect((await readAcademy(db)).passphrase).toEqual(checked);
  });
});
