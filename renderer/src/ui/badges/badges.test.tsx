// Runtime: Node (Vitest, happy-dom). Badges in the whole app, with the web build's in-page signing (the
// real key store and credentials library, scrypt at a cheap cost): the academy's key made under the
// administrator passphrase, its did:key and did:web, its backup and did.json; a badge issued from
// Records for a trainee who completed the course, saved as JSON (which verifies), as a baked PNG and as
// a PDF certificate that carries the JSON; "Verify a badge…" telling a genuine badge from an edited one.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { VirtuosoMockContext } from 'react-virtuoso';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppInfo, SaveFileRequest } from '../../../../electron/contract/api';
import { readBakedCredential } from '../../credentials/png';
import { verifyCredential } from '../../credentials/sign';
import type { AttacheDatabase } from '../../db/database';
import { saveAcademy, setAdminPassphrase } from '../../db/repositories/academy';
import { createI18n } from '../../i18n';
import { createFakePlatform, TEST_APP_INFO, type FakePlatform } from '../../test/app';
import { sampleCohort } from '../../test/cohort';
import { createTestDatabase } from '../../test/database';
import { App } from '../App';
import { forgetView, INITIAL_VIEW, rememberView } from '../cohort/view-state';
import { loadStartup } from '../startup';
import { ATTACHED_CREDENTIAL_NAME } from './badge-files';

const PASSPHRASE = 'correct horse battery staple';
const CHEAP = { N: 16, r: 1, p: 1 };
const CORE_SCENARIOS = [
  'flights-suspended',
  'visa-free-launch',
  'neutral-host-talks',
  'answering-criticism',
  'platform-tailoring',
  'chairmanship-bilingual',
  'earthquake-consular',
];

/** An academy with a name, an IRI and a passphrase; two imported trainees, the second of whom passed every scenario of the course. */
async function academyDevice(): Promise<AttacheDatabase> {
  const db = createTestDatabase();
  await saveAcademy(db, { name: 'Diplomatic Academy', iri: 'https://academy.example/', identityField: 'academyId' });
  await setAdminPassphrase(db, { current: null, next: PASSPHRASE, confirmation: PASSPHRASE }, { cost: CHEAP });
  const cohort = sampleCohort({ trainees: 2, packId: 'core-library', scenarioIds: CORE_SCENARIOS, seed: 3 });
  for (const trainee of cohort.trainees) await db.trainees.add({ ...trainee, deviceKey: 'cd'.repeat(32), importedAt: Date.UTC(2025, 5, 2, 12) });
  await db.outcomes.bulkAdd(cohort.outcomes);
  return db;
}

type Saved = SaveFileRequest & { bytes: Uint8Array };

function platformFor(runtime: AppInfo['runtime']): FakePlatform & { saved: Saved[] } {
  const saved: Saved[] = [];
  const platform = createFakePlatform({ appInfo: { ...TEST_APP_INFO, runtime } });
  return Object.assign(platform, {
    saved,
    saveFile: vi.fn(async (request: SaveFileRequest) => {
      saved.push(request);
      return { saved: true as const, name: request.suggestedName };
    }),
  });
}

async function renderAt(db: AttacheDatabase, platform: FakePlatform, hash: string) {
  window.location.hash = hash;
  const startup = await loadStartup(db, platform);
  const i18n = await createI18n(startup.language);
  await startup.services.library.load();
  const user = userEvent.setup();
  render(
    <VirtuosoMockContext.Provider value={{ viewportHeight: 800, itemHeight: 50 }}>
      <App services={startup.services} i18n={i18n} initialTheme={startup.theme} />
    </VirtuosoMockContext.Provider>,
  );
  return { user };
}

async function unlock(user: ReturnType<typeof userEvent.setup>, within_: HTMLElement) {
  const panel = await within(within_).findByTestId('admin-unlock-panel', {}, { timeout: 10_000 });
  await user.type(within(panel).getByTestId('admin-unlock-passphrase'), PASSPHRASE);
  await user.click(within(panel).getByTestId('admin-unlock-submit'));
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** The files a PDF carries (its EmbeddedFiles name tree), read back with pdf-lib's low-level objects. */
async function pdfAttachments(pdf: Uint8Array): Promise<Map<string, Uint8Array>> {
  const document = await PDFDocument.load(pdf);
  const names = document.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const embedded = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const list = embedded?.lookupMaybe(PDFName.of('Names'), PDFArray);
  const files = new Map<string, Uint8Array>();
  for (let index = 0; list && index < list.size(); index += 2) {
    const name = list.lookup(index, PDFString, PDFHexString).decodeText();
    const spec = list.lookup(index + 1, PDFDict);
    const stream = document.context.lookup(spec.lookup(PDFName.of('EF'), PDFDict).get(PDFName.of('F')));
    if (!(stream instanceof PDFRawStream)) throw new Error(`the attachment ${name} has no stream`);
    files.set(name, decodePDFRawStream(stream).decode());
  }
  return files;
}

afterEach(() => {
  forgetView();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the academy signing key in Settings', { timeout: 120_000 }, () => {
  it('is made under the administrator passphrase only, shows did:key and did:web, and saves its backup and did.json', async () => {
    const db = await academyDevice();
    const platform = platformFor('web');
    const { user } = await renderAt(db, platform, '#/settings');
    const card = await screen.findByTestId('settings-academy-key', {}, { timeout: 10_000 });
    expect(within(card).getByTestId('verify-badge')).toBeTruthy();
    await unlock(user, card);
    expect((await within(card).findByTestId('academy-key-kept')).textContent).toContain('This browser keeps the key in its storage for this site');
    await user.click(await within(card).findByTestId('academy-key-create'));

    const dialog = await screen.findByTestId('academy-key-create-dialog');
    await user.type(within(dialog).getByTestId('academy-key-create-passphrase'), 'not the passphrase{Enter}');
    expect(await within(dialog).findByText('This is not the administrator passphrase. Type the one set in Settings → Academy.')).toBeTruthy();
    expect(await platform.getAcademyKey()).toBeNull();
    await user.clear(within(dialog).getByTestId('academy-key-create-passphrase'));
    await user.type(within(dialog).getByTestId('academy-key-create-passphrase'), `${PASSPHRASE}{Enter}`);

    expect((await within(card).findByTestId('academy-key-notice', {}, { timeout: 30_000 })).textContent).toContain('signing key was created');
    const key = (await platform.getAcademyKey())!;
    expect((await within(card).findByTestId('academy-key-did-key')).textContent).toBe(key.didKey);
    expect(key.didKey).toMatch(/^did:key:z6Mk/);

    const domain = within(card).getByTestId('academy-key-domain');
    await user.type(domain, 'https://academy.example{Enter}');
    expect(await within(card).findByText(/Write a host name such as academy\.example/)).toBeTruthy();
    await user.clear(domain);
    await user.type(domain, 'academy.example{Enter}');
    expect((await within(card).findByTestId('academy-key-did-web')).textContent).toBe('did:web:academy.example');
    expect(within(card).getByText(/https:\/\/academy\.example\/\.well-known\/did\.json/)).toBeTruthy();

    await user.click(within(card).getByTestId('academy-key-save-did-json'));
    await waitFor(() => expect(platform.saved.map((file) => file.suggestedName)).toContain('did.json'));
    const didDocument = JSON.parse(text(platform.saved.find((file) => file.suggestedName === 'did.json')!.bytes)) as { id: string; assertionMethod: string[] };
    expect(didDocument.id).toBe('did:web:academy.example');
    expect(didDocument.assertionMethod).toEqual([`did:web:academy.example#${key.publicKeyMultibase}`]);

    await user.click(within(card).getByTestId('academy-key-export'));
    await waitFor(() =>
      expect(within(card).getByTestId('academy-key-notice').textContent).toMatch(/^Saved “Diplomatic Academy - signing key - .*\.attache-key”/),
    );
    const backup = platform.saved.find((file) => file.suggestedName.endsWith('.attache-key'))!;
    expect(backup.bytes).toEqual(await platform.exportAcademyKey());
    expect(text(backup.bytes)).not.toContain(PASSPHRASE);
  });

  it("imports a key backup sealed under another passphrase, keeping it under this computer's, and refuses a file that is no key", async () => {
    const elsewhere = platformFor('web');
    const otherPassphrase = 'the other academy machine';
    const made = await elsewhere.createAcademyKey({ passphrase: otherPassphrase });
    const backup = (await elsewhere.exportAcademyKey())!;
    const db = await academyDevice();
    const platform = platformFor('web');
    const files = [
      { name: 'notes.json', bytes: new TextEncoder().encode('{"kind":"notes"}') },
      { name: 'Diplomatic Academy - signing key.attache-key', bytes: backup },
    ];
    platform.openFile = vi.fn(async () => files.shift()!);
    const { user } = await renderAt(db, platform, '#/settings');
    const card = await screen.findByTestId('settings-academy-key', {}, { timeout: 10_000 });
    await unlock(user, card);
    await user.click(await within(card).findByTestId('academy-key-import'));
    const dialog = await screen.findByTestId('academy-key-import-dialog');

    await user.click(within(dialog).getByTestId('academy-key-import-choose'));
    await user.type(within(dialog).getByTestId('academy-key-import-passphrase'), `${PASSPHRASE}{Enter}`);
    expect(
      await within(dialog).findByText(
        '“notes.json” is not an academy signing key. Choose a file saved with “Save a backup of the key…”.',
        {},
        { timeout: 30_000 },
      ),
    ).toBeTruthy();

    await user.click(within(dialog).getByTestId('academy-key-import-choose'));
    await user.click(within(dialog).getByLabelText('The backup is encrypted under another passphrase'));
    await user.type(within(dialog).getByTestId('academy-key-import-file-passphrase'), 'not the right one');
    await user.click(within(dialog).getByTestId('academy-key-import-submit'));
    expect(await within(dialog).findByText(/This passphrase does not open the backup/, {}, { timeout: 30_000 })).toBeTruthy();
    expect(await platform.getAcademyKey()).toBeNull();

    await user.clear(within(dialog).getByTestId('academy-key-import-file-passphrase'));
    await user.type(within(dialog).getByTestId('academy-key-import-file-passphrase'), `${otherPassphrase}{Enter}`);
    expect((await within(card).findByTestId('academy-key-notice', {}, { timeout: 30_000 })).textContent).toContain('The key backup was imported.');
    expect((await within(card).findByTestId('academy-key-did-key')).textContent).toBe(made.ok ? made.key!.didKey : '');
    // Kept under this computer's administrator passphrase from now on.
    expect((await platform.rewrapAcademyKey({ passphrase: PASSPHRASE, newPassphrase: PASSPHRASE })).ok).toBe(true);
  });

  it('stays openable when the administrator passphrase changes: the key is rewrapped under the new one', async () => {
    const db = await academyDevice();
    const platform = platformFor('web');
    await platform.createAcademyKey({ passphrase: PASSPHRASE });
    const { user } = await renderAt(db, platform, '#/settings');
    const academy = await screen.findByTestId('settings-academy', {}, { timeout: 10_000 });
    await unlock(user, academy);
    await user.click(await within(academy).findByTestId('admin-passphrase-change'));
    const dialog = await screen.findByTestId('admin-passphrase-dialog');
    const next = 'a brand new passphrase';
    await user.type(within(dialog).getByTestId('admin-passphrase-current'), PASSPHRASE);
    await user.type(within(dialog).getByTestId('admin-passphrase-next'), next);
    await user.type(within(dialog).getByTestId('admin-passphrase-confirm'), `${next}{Enter}`);
    await within(academy).findByTestId('admin-passphrase-done', {}, { timeout: 30_000 });
    expect(await platform.rewrapAcademyKey({ passphrase: PASSPHRASE, newPassphrase: PASSPHRASE })).toMatchObject({ ok: false, problem: 'wrong-passphrase' });
    expect((await platform.rewrapAcademyKey({ passphrase: next, newPassphrase: next })).ok).toBe(true);
  });

  it('says, before the administrator passphrase is removed, that the key stays sealed under it', async () => {
    const db = await academyDevice();
    const platform = platformFor('web');
    const { user } = await renderAt(db, platform, '#/settings');
    const academy = await screen.findByTestId('settings-academy', {}, { timeout: 10_000 });
    await unlock(user, academy);
    await user.click(await within(academy).findByTestId('admin-passphrase-remove'));
    const dialog = await screen.findByTestId('admin-passphrase-dialog');
    await within(dialog).findByTestId('admin-passphrase-submit');
    expect(screen.queryByTestId('admin-passphrase-remove-key')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByTestId('admin-passphrase-submit')).toBeNull());

    await platform.createAcademyKey({ passphrase: PASSPHRASE });
    await user.click(within(academy).getByTestId('admin-passphrase-remove'));
    expect((await screen.findByTestId('admin-passphrase-remove-key')).textContent).toBe(
      "The academy's signing key stays sealed under this passphrase: keep the passphrase, since issuing a badge will ask for it. To have the key under another passphrase, change the passphrase instead of removing it.",
    );
  });
});

describe('issuing and verifying a badge', { timeout: 180_000 }, () => {
  async function openIssueDialog(runtime: AppInfo['runtime']) {
    const db = await academyDevice();
    const platform = platformFor(runtime);
    await platform.createAcademyKey({ passphrase: PASSPHRASE });
    rememberView({ ...INITIAL_VIEW, rowsPer: 'course' });
    const { user } = await renderAt(db, platform, '#/records');
    await unlock(user, await screen.findByTestId('records-page', {}, { timeout: 10_000 }));
    await screen.findByTestId('cohort-table', {}, { timeout: 10_000 });
    const rows = screen.getAllByTestId('cohort-row');
    // The sample's first trainee played nothing; the second passed everything.
    const notStarted = rows.find((row) => row.dataset.status === 'not-started')!;
    await user.click(within(notStarted).getByTestId('cohort-open'));
    let attempts = await screen.findByTestId('cohort-attempts');
    expect(within(attempts).queryByTestId('issue-badge')).toBeNull();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const completed = rows.find((row) => row.dataset.status === 'completed')!;
    await user.click(within(completed).getByTestId('cohort-open'));
    attempts = await screen.findByTestId('cohort-attempts');
    await user.click(within(attempts).getByTestId('issue-badge'));
    const dialog = await screen.findByTestId('issue-badge-dialog');
    await within(dialog).findByTestId('issue-badge-passphrase', {}, { timeout: 10_000 });
    return { db, platform, user, dialog };
  }

  it('signs with the passphrase (never kept), saves JSON that verifies and a PNG that carries it, and prints the certificate in a browser', async () => {
    const { platform, user, dialog } = await openIssueDialog('web');
    expect(within(dialog).getByText(/completed “Press attaché foundations”/)).toBeTruthy();
    const passphrase = within(dialog).getByTestId('issue-badge-passphrase');
    await user.type(passphrase, 'not the passphrase{Enter}');
    expect(
      await within(dialog).findByText("This passphrase does not open the academy's signing key. Type the administrator passphrase.", {}, { timeout: 30_000 }),
    ).toBeTruthy();
    await user.clear(passphrase);
    await user.type(passphrase, `${PASSPHRASE}{Enter}`);
    const signed = await within(dialog).findByTestId('issue-badge-signed', {}, { timeout: 60_000 });
    expect(within(dialog).queryByTestId('issue-badge-passphrase')).toBeNull();
    const summary = within(signed).getByTestId('issue-badge-summary').textContent!;
    expect(summary).toContain('Press attaché foundations');
    expect(summary).toContain('Diplomatic Academy');
    expect(summary).toContain('academy ID, hashed: sha256$');

    await user.click(within(signed).getByTestId('issue-badge-save-json'));
    await within(signed).findByTestId('issue-badge-saved');
    const json = platform.saved.at(-1)!;
    expect(json.suggestedName).toMatch(/\.json$/);
    const credential = text(json.bytes);
    expect(credential).not.toContain(PASSPHRASE);
    expect(credential).not.toContain('AC-0002');
    const key = (await platform.getAcademyKey())!;
    expect(await verifyCredential(credential, { now: Date.now() })).toMatchObject({ ok: true, issuer: { did: key.didKey } });

    await user.click(within(signed).getByTestId('issue-badge-save-png'));
    await waitFor(() => expect(platform.saved.at(-1)!.suggestedName).toMatch(/\.png$/));
    expect(readBakedCredential(platform.saved.at(-1)!.bytes)).toBe(credential);

    // A browser tab cannot make the PDF: the certificate is printed with the browser's dialog.
    const print = vi.fn();
    vi.stubGlobal('print', print);
    expect(within(signed).getByText(/that PDF does not carry the badge itself/)).toBeTruthy();
    await user.click(within(signed).getByTestId('issue-badge-save-pdf'));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    const sheet = screen.getByTestId('certificate-print');
    expect(sheet.textContent).toContain('Certificate of completion');
    expect(sheet.textContent).toContain('Press attaché foundations');
    expect(sheet.textContent).toContain(JSON.parse(credential).id as string);
  });

  it('makes a PDF certificate in the desktop app that carries the signed badge as an attached file', async () => {
    const { platform, user, dialog } = await openIssueDialog('electron');
    const printed = await PDFDocument.create();
    printed.addPage();
    const printedBytes = await printed.save();
    const printToPdf = vi.fn(async () => printedBytes);
    platform.printToPdf = printToPdf;
    await user.type(within(dialog).getByTestId('issue-badge-passphrase'), `${PASSPHRASE}{Enter}`);
    const signed = await within(dialog).findByTestId('issue-badge-signed', {}, { timeout: 60_000 });
    await user.click(within(signed).getByTestId('issue-badge-save-json'));
    await within(signed).findByTestId('issue-badge-saved');
    const credential = text(platform.saved.at(-1)!.bytes);

    await user.click(within(signed).getByTestId('issue-badge-save-pdf'));
    await waitFor(() => expect(platform.saved.at(-1)!.suggestedName).toMatch(/\.pdf$/));
    const [request] = printToPdf.mock.calls[0] as unknown as [{ html: string }];
    expect(request.html).toContain('Press attaché foundations');
    expect(request.html).toContain(`badge verify ${ATTACHED_CREDENTIAL_NAME}`);
    expect(request.html).not.toMatch(/<script/i);
    const attachments = await pdfAttachments(platform.saved.at(-1)!.bytes);
    expect([...attachments.keys()]).toEqual([ATTACHED_CREDENTIAL_NAME]);
    expect(text(attachments.get(ATTACHED_CREDENTIAL_NAME)!)).toBe(credential);
  });

  it('tells a genuine badge (JSON or PNG) from one edited after signing, offline, without administrator mode', async () => {
    const { platform, user, dialog } = await openIssueDialog('web');
    await user.type(within(dialog).getByTestId('issue-badge-passphrase'), `${PASSPHRASE}{Enter}`);
    const signed = await within(dialog).findByTestId('issue-badge-signed', {}, { timeout: 60_000 });
    await user.click(within(signed).getByTestId('issue-badge-save-json'));
    await within(signed).findByTestId('issue-badge-saved');
    const credential = text(platform.saved.at(-1)!.bytes);
    await user.click(within(signed).getByTestId('issue-badge-save-png'));
    await waitFor(() => expect(platform.saved.at(-1)!.suggestedName).toMatch(/\.png$/));
    const png = platform.saved.at(-1)!.bytes;
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('issue-badge-signed')).toBeNull());
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const edited = credential.replaceAll('Press attaché foundations', 'Press attaché mastery');
    const files = [
      { name: 'badge.json', bytes: new TextEncoder().encode(credential) },
      { name: 'badge.png', bytes: png },
      { name: 'edited.json', bytes: new TextEncoder().encode(edited) },
    ];
    platform.openFile = vi.fn(async () => files.shift()!);
    await user.click(screen.getByTestId('verify-badge'));
    const verify = await screen.findByTestId('verify-badge-dialog');
    for (const expected of ['valid', 'valid', 'invalid']) {
      await user.click(within(verify).getByTestId('verify-badge-open'));
      await waitFor(() => expect(within(verify).getByTestId('verify-badge-result').dataset.verdict).toBe(expected), { timeout: 60_000 });
      // A new file's result replaces the last one's.
      await waitFor(() =>
        expect(within(verify).getByTestId('verify-badge-result').textContent).toContain(expected === 'valid' ? 'File: badge' : 'File: edited.json'),
      );
    }
    expect(within(verify).getByTestId('verify-badge-summary').textContent).toContain('Press attaché mastery');
    const problems = within(within(verify).getByTestId('verify-badge-invalid')).getAllByRole('listitem');
    expect(problems.map((item) => item.dataset.code)).toContain('signature');
    expect(within(verify).getByText('The signature does not match: the credential was changed after it was signed.')).toBeTruthy();
  });
});
