// Runtime: Node (Vitest, happy-dom, fake-indexeddb). The library every screen sees: null until the
// worker's first answer, asked for again on every change of the packs table (a replaced version too),
// and the previous library kept on screen meanwhile.
import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLibrary, type Library } from '../library/library';
import type { LibraryClient } from '../library/library-client';
import { createFakePlatform, TEST_APP_INFO } from '../test/app';
import { createTestDatabase } from '../test/database';
import { LibraryProvider, useLibrary } from './library-context';
import { ServicesProvider } from './services';

const db = createTestDatabase();
afterEach(async () => {
  await db.packs.clear();
});

function Probe() {
  const library = useLibrary();
  return <p data-testid="probe">{library ? `packs: ${library.packs.length}` : 'loading'}</p>;
}

function renderWith(client: LibraryClient) {
  return render(
    <ServicesProvider services={{ db, platform: createFakePlatform(), appInfo: TEST_APP_INFO, systemLocale: 'en-US', library: client }}>
      <LibraryProvider>
        <Probe />
      </LibraryProvider>
    </ServicesProvider>,
  );
}

describe('LibraryProvider', () => {
  it('shows nothing until the library arrives, then asks again whenever the packs table changes', async () => {
    let answer: (library: Library) => void = () => {};
    const load = vi.fn(() => new Promise<Library>((resolve) => (answer = resolve)));
    renderWith({ load, checkArchive: vi.fn() });
    expect(screen.getByTestId('probe').textContent).toBe('loading');
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    act(() => answer(createLibrary([])));
    await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('packs: 0'));

    const record = { packId: 'minimal', version: '1.0.0', archive: new Uint8Array([1]), installedAt: 1 };
    await act(() => db.packs.put(record));
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    // The previous library stays until the new one arrives.
    expect(screen.getByTestId('probe').textContent).toBe('packs: 0');

    // Another version under the same pack id keeps the table's keys, and is a change all the same.
    await act(() => db.packs.put({ ...record, version: '1.1.0', installedAt: 2 }));
    await waitFor(() => expect(load).toHaveBeenCalledTimes(3));
  });

  it('says why when the library cannot be read, rather than loading for ever', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    function Problems() {
      const library = useLibrary();
      return <p data-testid="problems">{library?.problems.map((problem) => problem.diagnostics[0]?.message).join('; ') ?? 'loading'}</p>;
    }
    render(
      <ServicesProvider
        services={{
          db,
          platform: createFakePlatform(),
          appInfo: TEST_APP_INFO,
          systemLocale: 'en-US',
          library: { load: () => Promise.reject(new Error('the worker broke')), checkArchive: vi.fn() },
        }}
      >
        <LibraryProvider>
          <Problems />
        </LibraryProvider>
      </ServicesProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('problems').textContent).toBe('the worker broke'));
  });
});
