// Runtime: Node (Vitest, happy-dom). The publish view over a real document, checker and calibration
// grader (answering in the page, as where no worker runs): a calibrated pack passes its checklist, is
// bumped to a new version, exported through the platform's save dialog as an archive the loader
// accepts, and installed into the library; a pack whose calibration disagrees is exported only as a
// draft, saying so, and cannot be installed.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SaveFileRequest } from '../../../../../electron/contract/api';
import { readArchive } from '../../../core/pack/archive';
import { loadPack } from '../../../core/pack/load';
import { applyEdit, documentFromFiles, readAt, type PackDocument } from '../../../core/studio/document';
import type { AttacheDatabase } from '../../../db/database';
import { listInstalledPacks } from '../../../db/repositories/packs';
import { createFakePlatform, TEST_APP_INFO } from '../../../test/app';
import { createTestDatabase } from '../../../test/database';
import { MINIMAL_PACK_DIR, readFolder } from '../../../test/packs';
import { renderInStudio } from '../../../test/studio';
import { loadStartup } from '../../startup';
import { PublishView } from './PublishView';

const SCENARIO = 'scenarios/hotline.yaml';
const ALL_PASS = { tone: 'pass', policy: 'pass', platform: 'pass' } as const;

function calibratedDocument(): PackDocument {
  return applyEdit(documentFromFiles(readFolder(MINIMAL_PACK_DIR)), {
    kind: 'set',
    file: SCENARIO,
    path: ['tasks', 0, 'calibration'],
    value: [
      { id: 'good', language: 'en', text: 'Stay calm. Our hotline +99 123 456 789 is open around the clock.', expect: ALL_PASS, why: 'The model answer.' },
    ],
  });
}

let db: AttacheDatabase | null = null;
afterEach(async () => {
  // Unmounted before the database closes, so nothing on screen reads a closed database.
  cleanup();
  db?.close();
  await db?.delete();
  db = null;
});

async function renderPublish(document: PackDocument) {
  db = createTestDatabase();
  const saved: SaveFileRequest[] = [];
  const platform = createFakePlatform({ appInfo: { ...TEST_APP_INFO, version: '0.1.0' } });
  platform.saveFile = (request) => {
    saved.push(request);
    return Promise.resolve({ saved: true, name: request.suggestedName });
  };
  const startup = await loadStartup(db, platform);
  const { user, studio } = await renderInStudio(<PublishView />, { document, initialView: 'publish', checked: true, services: startup.services });
  return { user, studio, saved, database: db };
}

const itemState = (id: string) => screen.getByTestId(`publish-item-${id}`).getAttribute('data-state');

describe('the publish view', () => {
  it('passes the checklist of a calibrated pack, bumps its version, exports it and installs it into the library', async () => {
    const { user, studio, saved, database } = await renderPublish(calibratedDocument());
    await waitFor(() => expect(screen.getByTestId('publish-checklist').getAttribute('data-ready')).toBe('true'), { timeout: 20_000 });
    for (const id of ['errors', 'model-answers', 'calibration', 'languages']) expect(itemState(id)).toBe('passed');
    expect(screen.getByTestId('publish-item-calibration').textContent).toContain('agrees with your calibration draft on every axis');

    await user.click(screen.getByRole('button', { name: 'Minor → 1.1.0' }));
    expect(readAt(studio().document, 'pack.yaml', ['version'])).toBe('1.1.0');
    expect(screen.getByTestId('publish-version').textContent).toBe('This pack is version 1.1.0.');
    // The bumped document is checked again before it may be installed.
    await waitFor(() => expect(screen.getByTestId('publish-checklist').getAttribute('data-ready')).toBe('true'), { timeout: 20_000 });

    await user.click(screen.getByRole('button', { name: 'Export .attache' }));
    expect(await screen.findByTestId('publish-exported')).toBeTruthy();
    expect(saved.map((request) => request.suggestedName)).toEqual(['minimal-1.1.0.attache']);
    const read = readArchive(saved[0]!.bytes);
    expect(read.manifest.packVersion).toBe('1.1.0');
    expect(loadPack(read.files, { appVersion: '0.1.0' }).pack?.contentHash).toBe(read.manifest.contentHash);

    await waitFor(() => expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Install into the library' }).disabled).toBe(false));
    await user.click(screen.getByRole('button', { name: 'Install into the library' }));
    expect((await screen.findByTestId('publish-installed', {}, { timeout: 10_000 })).textContent).toContain('Installed minimal 1.1.0');
    const installed = await listInstalledPacks(database);
    expect(installed.map((record) => [record.packId, record.version])).toEqual([['minimal', '1.1.0']]);
    expect(installed[0]!.archive).toEqual(saved[0]!.bytes);
  }, 60_000);

  it('exports a pack that fails an item only as a draft, saying so, and does not install it', async () => {
    const disagreeing = applyEdit(calibratedDocument(), { kind: 'set', file: SCENARIO, path: ['tasks', 0, 'calibration', 0, 'expect', 'tone'], value: 'fail' });
    const { user, saved, database } = await renderPublish(disagreeing);
    await waitFor(() => expect(itemState('calibration')).toBe('failed'), { timeout: 20_000 });
    expect(screen.getByTestId('publish-item-calibration').textContent).toContain('tone 0%');
    expect(itemState('errors')).toBe('passed');
    expect(screen.getByTestId('publish-checklist').getAttribute('data-ready')).toBe('false');
    expect(within(screen.getByTestId('publish-draft-warning')).getByText(/named …-draft\.attache/)).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Install into the library' }).disabled).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Export as a draft' }));
    await screen.findByTestId('publish-exported');
    expect(saved.map((request) => request.suggestedName)).toEqual(['minimal-1.0.0-draft.attache']);
    expect(await listInstalledPacks(database)).toEqual([]);
  }, 60_000);
});
