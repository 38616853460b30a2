// Runtime: Node (Vitest, happy-dom). The studio's play-test as the screen composes it: the play-test
// view starts the trainee's desk on the pack being edited, in the chosen language, from an inject's
// time; the desk is marked as a play-test and sends an inject now; leaving returns to the studio with
// the document as it was; and the view says which errors stop a pack that does not load.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { offsetMinutes } from '../../core/pack/schema';
import { documentFromFiles, type PackDocument } from '../../core/studio/document';
import type { AttacheDatabase } from '../../db/database';
import { loadBuiltinLibrary } from '../../library/builtin';
import { findScenario } from '../../library/library';
import { createFakePlatform, TEST_APP_INFO } from '../../test/app';
import { createTestDatabase } from '../../test/database';
import { CORE_LIBRARY_DIR, readFolder, withEdit } from '../../test/packs';
import { renderInStudio } from '../../test/studio';
import { loadStartup } from '../startup';
import { PlaytestView } from '../studio/playtest/PlaytestView';
import { PlaytestHost } from './StudioPlaytest';

let db: AttacheDatabase | null = null;
afterEach(async () => {
  // Unmounted before the database closes, so nothing on screen reads a closed database.
  cleanup();
  db?.close();
  await db?.delete();
  db = null;
});

async function renderStudio(document: PackDocument) {
  db = createTestDatabase();
  const startup = await loadStartup(db, createFakePlatform({ appInfo: { ...TEST_APP_INFO, version: '0.1.0' } }));
  await startup.services.library.load();
  return renderInStudio(<PlaytestView />, {
    document,
    initialView: 'playtest',
    checked: true,
    services: startup.services,
    around: (studio) => <PlaytestHost>{studio}</PlaytestHost>,
  });
}

const library = readFolder(CORE_LIBRARY_DIR);

describe('the studio’s play-test', () => {
  it('plays the edited scenario from an inject’s time in the chosen language, sends an inject now, and returns to the studio untouched', async () => {
    const document = documentFromFiles(library);
    const { user, studio } = await renderStudio(document);
    const start = await screen.findByRole('button', { name: 'Start the play-test' }, { timeout: 20_000 });
    await waitFor(() => expect((start as HTMLButtonElement).disabled).toBe(false), { timeout: 20_000 });

    await user.selectOptions(screen.getByLabelText('Scenario'), 'flights-suspended');
    await user.selectOptions(screen.getByLabelText('Language'), 'ru');
    const startAt = screen.getByLabelText(/Start from/) as HTMLSelectElement;
    const option = [...startAt.options].find((candidate) => candidate.value === 'hq-notify')!;
    await user.selectOptions(startAt, option);
    await user.click(start);

    const player = await screen.findByTestId('player');
    expect(player.getAttribute('data-playtest')).toBe('true');
    expect(screen.getByTestId('playtest-badge').textContent).toBe('Play-test');
    expect(screen.getByTestId('studio-behind-playtest').hidden).toBe(true);
    const hq = findScenario(loadBuiltinLibrary('0.1.0'), 'core-library', 'flights-suspended')!.scenario.timeline.find((inject) => inject.id === 'hq-notify')!;
    expect(Number(player.getAttribute('data-time'))).toBe(offsetMinutes(hq.at));
    // The scenario plays in Russian: its title in the desk is the Russian one.
    expect(screen.getByTestId('player-title').textContent).toMatch(/[а-яё]/i);

    const injects = screen.getByLabelText('Inject not yet delivered') as HTMLSelectElement;
    const first = injects.options[0]!.value;
    await user.click(screen.getByRole('button', { name: 'Send this inject now' }));
    expect([...injects.options].map((candidate) => candidate.value)).not.toContain(first);
    expect(screen.getByTestId('playtest-sent').textContent).toContain(first);

    // The hidden studio's shortcuts (on the document: Ctrl+Z, Alt+1…) hear no key pressed on the desk with nothing focused.
    const studioShortcuts = vi.fn();
    window.document.addEventListener('keydown', studioShortcuts);
    window.document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }));
    expect(studioShortcuts).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Back to the studio' }));
    window.document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }));
    expect(studioShortcuts).toHaveBeenCalledTimes(1);
    window.document.removeEventListener('keydown', studioShortcuts);
    expect(screen.queryByTestId('player')).toBeNull();
    expect(screen.getByTestId('studio-behind-playtest').hidden).toBe(false);
    expect(studio().document).toBe(document);
  }, 60_000);

  it('says which errors stop a pack that does not load, and offers to show each', async () => {
    const broken = documentFromFiles(withEdit(library, 'scenarios/flights-suspended.yaml', (text) => text.replace(/^duration: .*$/m, 'duration: soon')));
    await renderStudio(broken);
    const errors = await screen.findByTestId('playtest-errors', {}, { timeout: 20_000 });
    expect(within(errors).getByRole('button', { name: /Show scenarios\/flights-suspended\.yaml, line \d+/ })).toBeTruthy();
    // What is wrong, in words, beside where. (Live streams brought seconds to offsets, so the message names
    // "H:MM:SS" as well.)
    expect(errors.textContent).toMatch(/line \d+: a time offset is "H:MM" \(or "H:MM:SS"\) from the scenario start/);
    expect(screen.queryByRole('button', { name: 'Start the play-test' })).toBeNull();
  }, 60_000);
});
