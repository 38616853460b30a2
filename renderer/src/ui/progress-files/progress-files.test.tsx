// Runtime: Node (Vitest, happy-dom, fake-indexeddb). Saving a trainee's progress file from Settings and
// importing a batch on the academy's machine, through the platform as the app sees it.
import { MantineProvider } from '@mantine/core';
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AttacheApi, Language, SaveFileRequest } from '../../../../electron/contract/api';
import type { FeedPublication } from '../../core/engine/timeline';
import { buildProgressFile, readProgressFile } from '../../core/records/progress-file';
import type { AttacheDatabase } from '../../db/database';
import { storeFrozenOutcome } from '../../db/repositories/attempts';
import { createProfile } from '../../db/repositories/profiles';
import { createI18n } from '../../i18n';
import { createLibrary } from '../../library/library';
import { createFakePlatform, TEST_APP_INFO } from '../../test/app';
import { createTestDatabase } from '../../test/database';
import { deviceKey, minimalPack, progressContent, trainee } from '../../test/progress-files';
import { ServicesProvider } from '../services';
import { theme } from '../theme';
import { ExportProgressFile } from './ExportProgressFile';
import { ImportProgressFiles } from './ImportProgressFiles';

const library = createLibrary([minimalPack]);
let db: AttacheDatabase;

beforeEach(() => {
  db = createTestDatabase();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

/** A platform whose device key is made in memory, as the browser build makes it in its storage. */
function platformWithKey(overrides: Partial<AttacheApi> = {}): AttacheApi {
  let secretKey: Uint8Array | null = null;
  const info = () => ({ publicKey: bytesToHex(ed25519.getPublicKey(secretKey!)), storage: 'os-encrypted' as const });
  return {
    ...createFakePlatform(),
    getDeviceKey: async ({ create }) => {
      if (!secretKey && create) secretKey = ed25519.keygen().secretKey;
      return secretKey ? info() : null;
    },
    signWithDeviceKey: async ({ bytes }) => {
      secretKey ??= ed25519.keygen().secretKey;
      return { publicKey: info().publicKey, signature: ed25519.sign(bytes, secretKey) };
    },
    ...overrides,
  };
}

async function renderWith(ui: ReactNode, platform: AttacheApi, language: Language = 'en') {
  const i18n = await createI18n(language);
  const user = userEvent.setup();
  const services = {
    db,
    platform,
    appInfo: TEST_APP_INFO,
    systemLocale: 'en-US',
    library: { load: () => Promise.resolve(library), checkArchive: () => Promise.reject(new Error('not in these tests')) },
  };
  render(
    <MantineProvider theme={theme} env="test">
      <I18nextProvider i18n={i18n}>
        <ServicesProvider services={services}>{ui}</ServicesProvider>
      </I18nextProvider>
    </MantineProvider>,
  );
  return user;
}

async function accessibilityViolations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}

describe('saving my progress file', () => {
  it("signs the active trainee's records with this device's key and saves them under the trainee's name", async () => {
    const profile = await createProfile(db, { name: 'Anna Petrova', academyId: 'ACD-7' });
    const content = progressContent({ uid: profile.uid, name: profile.name, academyId: 'ACD-7', email: null }, [
      { uid: 'a-1' },
      { uid: 'a-2', drafts: 'poor' },
    ]);
    await db.transaction('rw', [db.outcomes, db.outcomeDetails, db.playedScenarios], async () => {
      for (const outcome of content.outcomes) await storeFrozenOutcome(db, outcome, content.played[0]!);
    });
    const saved: SaveFileRequest[] = [];
    const platform = platformWithKey({
      saveFile: async (request) => {
        saved.push(request);
        return { saved: true, name: request.suggestedName };
      },
    });
    const user = await renderWith(<ExportProgressFile profile={profile} />, platform);
    expect((await screen.findByTestId('progress-export-key')).textContent).toContain("Your first progress file makes this device's signing key.");

    await user.click(screen.getByTestId('progress-export-save'));
    const done = await screen.findByTestId('progress-export-saved');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.suggestedName).toMatch(/^Anna Petrova \d{4}-\d{2}-\d{2}\.attache-progress$/);
    expect(saved[0]!.filters).toEqual([{ name: 'Attaché progress file', extensions: ['attache-progress'] }]);
    expect(done.textContent).toContain(`Saved “${saved[0]!.suggestedName}” with 2 finished attempts.`);
    const file = readProgressFile(saved[0]!.bytes);
    expect(file.outcomes.map((o) => o.summary.uid)).toEqual(['a-1', 'a-2']);
    const key = (await platform.getDeviceKey({ create: false }))!;
    expect(file.deviceKey).toBe(key.publicKey);
    expect(screen.getByTestId('progress-export-key').textContent).toContain(`Device key: ${key.publicKey.slice(0, 4)} ${key.publicKey.slice(4, 8)}`);
    expect(await accessibilityViolations()).toEqual([]);
  });

  it('says why the file was not saved, in place', async () => {
    const profile = await createProfile(db, { name: 'Boris', academyId: '' });
    const platform = platformWithKey({ signWithDeviceKey: () => Promise.reject(new Error("This device's signing key cannot be used.")) });
    const user = await renderWith(<ExportProgressFile profile={profile} />, platform);
    await user.click(await screen.findByTestId('progress-export-save'));
    expect((await screen.findByTestId('progress-export-failed')).textContent).toContain(
      "Your progress file was not saved: This device's signing key cannot be used.",
    );
  });
});

describe('importing progress files', () => {
  const anna = trainee('Anna');
  const laptop = deviceKey('anna-laptop');

  it('checks and merges each chosen file with its progress, and shows per file what it brought', { timeout: 60_000 }, async () => {
    const good = await buildProgressFile(progressContent(anna, [{ uid: 'a-1', drafts: 'poor' }, { uid: 'a-2' }]), laptop.signer);
    const damaged = good.slice();
    damaged[damaged.length - 300]! ^= 0xff;
    const edited = progressContent(trainee('Boris'), [{ uid: 'b-1', drafts: 'poor' }]);
    const publication = edited.outcomes[0]!.detail.timeline.feed.find((item): item is FeedPublication => item.source === 'trainee')!;
    publication.grade.passed = true;
    const fromDesktop = await buildProgressFile(progressContent(anna, [{ uid: 'a-3' }]), deviceKey('anna-desktop').signer);
    const chosen = [
      { name: 'Anna.attache-progress', bytes: good },
      { name: 'Broken.attache-progress', bytes: damaged },
      { name: 'Boris.attache-progress', bytes: await buildProgressFile(edited, deviceKey('boris').signer) },
      { name: 'Anna desktop.attache-progress', bytes: fromDesktop },
    ];
    const openFiles = vi.fn<AttacheApi['openFiles']>(() => Promise.resolve(chosen));
    const user = await renderWith(<ImportProgressFiles library={library} />, platformWithKey({ openFiles }));

    await user.click(screen.getByTestId('progress-import'));
    expect(openFiles).toHaveBeenCalledWith({
      title: "Import trainees' progress files",
      filters: [{ name: 'Attaché progress file', extensions: ['attache-progress'] }],
    });
    await waitFor(() => expect(screen.getByTestId('progress-import-count').textContent).toContain('4 of 4 files checked'), { timeout: 20_000 });
    const files = screen.getAllByTestId('progress-import-file');
    expect(files.map((file) => file.dataset.status)).toEqual(['merged', 'refused', 'merged', 'withheld']);

    expect(within(files[0]!).getByTestId('progress-import-trainee').textContent).toContain('Anna');
    expect(within(files[0]!).getByTestId('progress-import-counts').textContent).toContain('2 attempts added');
    expect(within(files[0]!).getByTestId('progress-import-courses').textContent).toMatch(/Basics: completed on/);
    expect(within(files[1]!).getByTestId('progress-import-refused').dataset.code).toBe('damaged');
    expect(within(files[2]!).getByTestId('progress-import-flagged').textContent).toContain("a draft's stored grade (passed");
    expect(within(files[3]!).getByTestId('progress-import-other-device').textContent).toContain('1 attempt was not imported');
    expect(await db.outcomes.count()).toBe(3);
    expect(await accessibilityViolations()).toEqual([]);

    await user.click(within(files[3]!).getByTestId('progress-import-trust'));
    await waitFor(() => expect(screen.getAllByTestId('progress-import-file')[3]!.dataset.status).toBe('merged'));
    expect(within(screen.getAllByTestId('progress-import-file')[3]!).getByTestId('progress-import-counts').textContent).toContain('1 attempt added');
    expect(await db.outcomes.count()).toBe(4);
  });

  it('imports the same file twice without changing anything, saying so in Russian too', { timeout: 30_000 }, async () => {
    const good = await buildProgressFile(progressContent(anna, [{ uid: 'a-1' }]), laptop.signer);
    const platform = platformWithKey({ openFiles: () => Promise.resolve([{ name: 'Anna.attache-progress', bytes: good }]) });
    const user = await renderWith(<ImportProgressFiles library={library} />, platform, 'ru');
    for (const round of [1, 2]) {
      await user.click(screen.getByTestId('progress-import'));
      await waitFor(() => expect(screen.getByTestId('progress-import-count').textContent).toContain('Проверено файлов: 1 из 1'));
      const counts = screen.getByTestId('progress-import-counts');
      expect(counts.textContent).toContain(round === 1 ? 'Добавлена 1 попытка' : '1 уже есть, без изменений');
      await user.click(screen.getByTestId('progress-import-close'));
    }
    expect(await db.outcomes.count()).toBe(1);
  });
});
