// Runtime: Node (Vitest, happy-dom). The studio's context: edits and their undo, the recovery copy
// that follows every change (after a pause, at once when the page goes away or the studio closes),
// the live check (latest document wins), and reveal.
import { act, renderHook } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../i18n';
import { listRecoveryCopies, loadRecoveryCopy, saveRecoveryCopy } from '../../studio/recovery';
import { createTestDatabase } from '../../test/database';
import { documentFromFiles, type PackDocument } from '../../core/studio/document';
import type { StudioCheck, StudioChecker } from '../../studio/checker';
import { AUTOSAVE_DELAY_MS, StudioProvider, useRevealed, useStudio, useStudioWorkspace, type RecoveryCopy, type StudioSession } from './studio-context';

const encode = (text: string) => new TextEncoder().encode(text);

function packDocument(title = 'Drill'): PackDocument {
  return documentFromFiles(
    new Map([
      ['pack.yaml', encode(`# the pack\nid: drill\nversion: 1.0.0\ntitle:\n  en: ${title}\nlanguages: [en]\n`)],
      ['scenarios/fire.yaml', encode('id: fire\nkind: crisis\n')],
    ]),
  );
}

let i18n: I18n;
beforeAll(async () => {
  i18n = await createI18n('en');
});

/** The provider as the studio mounts it, under the app's translator (it adds the studio's namespaces). */
function Studio({ children, ...props }: Omit<Parameters<typeof StudioProvider>[0], 'children'> & { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <StudioProvider {...props}>{children}</StudioProvider>
    </I18nextProvider>
  );
}

const session = (document = packDocument()): StudioSession => ({ draftId: 'draft-1', source: { kind: 'new' }, document });

/** A checker that answers when the test says so; only the newest request gets an answer, as the real one. */
function controlledChecker() {
  const requests: { files: Map<string, Uint8Array>; resolve: (check: StudioCheck | null) => void }[] = [];
  let disposed = false;
  const checker: StudioChecker = {
    check: (files) =>
      new Promise((resolve) => {
        for (const earlier of requests.splice(0)) earlier.resolve(null);
        requests.push({ files, resolve });
      }),
    dispose: () => {
      disposed = true;
    },
  };
  return { checker, requests, isDisposed: () => disposed };
}

function setup({
  createChecker = null as (() => StudioChecker) | null,
  saveCopy = vi.fn<(copy: RecoveryCopy) => Promise<void>>(() => Promise.resolve()),
} = {}) {
  let clock = 1_000;
  const now = () => clock;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <Studio session={session()} saveCopy={saveCopy} createChecker={createChecker} initialView="yaml" now={now}>
      {children}
    </Studio>
  );
  const hook = renderHook(() => ({ studio: useStudio(), workspace: useStudioWorkspace() }), { wrapper });
  return {
    ...hook,
    saveCopy,
    advanceClock: (ms: number) => {
      clock += ms;
    },
  };
}

const packText = (document: PackDocument) => document.texts.get('pack.yaml');

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('studio context', () => {
  it('applies an edit from a form, keeping the comments, and undoes and redoes it', () => {
    const { result } = setup();
    expect(result.current.studio.canUndo).toBe(false);
    act(() => result.current.studio.apply({ kind: 'set', file: 'pack.yaml', path: ['title', 'en'], value: 'Embassy fire' }, { label: 'Title' }));
    expect(packText(result.current.studio.document)).toContain('en: Embassy fire');
    expect(packText(result.current.studio.document)).toContain('# the pack');
    expect(result.current.studio.canUndo).toBe(true);
    expect(result.current.workspace.unsaved).toBe(true);

    act(() => result.current.studio.undo());
    expect(packText(result.current.studio.document)).toContain('en: Drill');
    expect(result.current.studio.canUndo).toBe(false);
    expect(result.current.studio.canRedo).toBe(true);
    expect(result.current.workspace.unsaved).toBe(false);

    act(() => result.current.studio.redo());
    expect(packText(result.current.studio.document)).toContain('en: Embassy fire');
    expect(result.current.studio.canRedo).toBe(false);
  });

  it('makes typing in one file within a moment one undo step, and a pause starts another', () => {
    const { result, advanceClock } = setup();
    const type = (text: string) =>
      act(() => result.current.studio.apply({ kind: 'text', file: 'scenarios/fire.yaml', text }, { coalesceKey: 'yaml:scenarios/fire.yaml' }));
    type('id: fire\nkind: crisis\nt');
    advanceClock(200);
    type('id: fire\nkind: crisis\nti');
    advanceClock(5_000);
    type('id: fire\nkind: crisis\ntit');
    act(() => result.current.studio.undo());
    expect(result.current.studio.document.texts.get('scenarios/fire.yaml')).toBe('id: fire\nkind: crisis\nti');
    act(() => result.current.studio.undo());
    expect(result.current.studio.document.texts.get('scenarios/fire.yaml')).toBe('id: fire\nkind: crisis\n');
    expect(result.current.studio.canUndo).toBe(false);
  });

  it('throws an edit that cannot apply to the view that made it, and leaves the document as it was', () => {
    const { result } = setup();
    act(() => result.current.studio.apply({ kind: 'text', file: 'pack.yaml', text: 'id: [unclosed\n' }));
    const before = result.current.studio.document;
    expect(() => result.current.studio.apply({ kind: 'set', file: 'pack.yaml', path: ['title', 'en'], value: 'x' })).toThrow();
    expect(result.current.studio.document).toBe(before);
  });

  it('writes the recovery copy a moment after the last change, not on every key', async () => {
    const { result, saveCopy } = setup();
    // Opening writes a first copy, so the pack is listed for recovery even before a change.
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS));
    expect(saveCopy).toHaveBeenCalledTimes(1);
    for (const text of ['id: fire\n', 'id: fire2\n', 'id: fire23\n']) {
      act(() => result.current.studio.apply({ kind: 'text', file: 'scenarios/fire.yaml', text }, { coalesceKey: 'yaml' }));
      await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS / 4));
    }
    expect(saveCopy).toHaveBeenCalledTimes(1);
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS));
    expect(saveCopy).toHaveBeenCalledTimes(2);
    const copy = saveCopy.mock.lastCall![0];
    expect(copy).toMatchObject({ draftId: 'draft-1', source: { kind: 'new' } });
    expect(copy.document.texts.get('scenarios/fire.yaml')).toBe('id: fire23\n');
  });

  it('writes what is pending at once when the page is hidden and when the studio closes', async () => {
    const { result, saveCopy, unmount } = setup();
    act(() => result.current.studio.apply({ kind: 'text', file: 'scenarios/fire.yaml', text: 'id: a\n' }));
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    expect(saveCopy).toHaveBeenCalledTimes(1);
    expect(saveCopy.mock.lastCall![0].document.texts.get('scenarios/fire.yaml')).toBe('id: a\n');

    act(() => result.current.studio.apply({ kind: 'text', file: 'scenarios/fire.yaml', text: 'id: b\n' }));
    unmount();
    expect(saveCopy).toHaveBeenCalledTimes(2);
    expect(saveCopy.mock.lastCall![0].document.texts.get('scenarios/fire.yaml')).toBe('id: b\n');
    // Nothing is left to write after closing: no timer fires later.
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    expect(saveCopy).toHaveBeenCalledTimes(2);
  });

  it('keeps the recovery copy in the database, where the start page finds it after the app closed', async () => {
    // The database (fake-indexeddb) runs on the real event loop.
    vi.useRealTimers();
    const db = createTestDatabase();
    const { result, unmount } = renderHook(() => useStudio(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <Studio session={session()} saveCopy={(copy) => saveRecoveryCopy(db, copy)} createChecker={null} initialView="yaml" now={() => 42}>
          {children}
        </Studio>
      ),
    });
    act(() => result.current.apply({ kind: 'set', file: 'pack.yaml', path: ['title', 'en'], value: 'Typed before closing' }));
    // The app closes before the pause is over: leaving writes what is pending.
    unmount();
    await vi.waitFor(async () => expect(await listRecoveryCopies(db)).toHaveLength(1));
    const copy = await loadRecoveryCopy(db, 'draft-1');
    expect(copy).toMatchObject({ draftId: 'draft-1', source: { kind: 'new' }, savedAt: 42, label: 'Typed before closing' });
    expect(copy!.document.texts.get('pack.yaml')).toContain('en: Typed before closing');
    expect(copy!.document.texts.get('scenarios/fire.yaml')).toBe('id: fire\nkind: crisis\n');
    db.close();
  });

  it('tells when the recovery copy could not be written, and tries again with the next flush', async () => {
    const saveCopy = vi.fn<(copy: RecoveryCopy) => Promise<void>>().mockRejectedValueOnce(new Error('QuotaExceededError')).mockResolvedValue(undefined);
    const onAutosaveError = vi.fn();
    const { result } = renderHook(() => useStudioWorkspace(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <Studio session={session()} saveCopy={saveCopy} createChecker={null} initialView="yaml" onAutosaveError={onAutosaveError}>
          {children}
        </Studio>
      ),
    });
    await act(() => result.current.flush());
    expect(onAutosaveError).toHaveBeenCalledTimes(1);
    await act(() => result.current.flush());
    expect(saveCopy).toHaveBeenCalledTimes(2);
  });

  it('checks each new document and shows only the newest one’s result', async () => {
    const controlled = controlledChecker();
    const { result, unmount } = setup({ createChecker: () => controlled.checker });
    expect(result.current.studio.checking).toBe(true);
    expect(controlled.requests).toHaveLength(1);

    act(() => result.current.studio.apply({ kind: 'text', file: 'scenarios/fire.yaml', text: 'id: newer\n' }));
    expect(controlled.requests).toHaveLength(1);
    const newest = controlled.requests[0]!;
    expect(new TextDecoder().decode(newest.files.get('scenarios/fire.yaml'))).toBe('id: newer\n');
    const answer: StudioCheck = { diagnostics: [], pack: null, checkedAt: 5 };
    await act(async () => newest.resolve(answer));
    expect(result.current.studio.check).toBe(answer);
    expect(result.current.studio.checking).toBe(false);

    unmount();
    expect(controlled.isDisposed()).toBe(true);
  });

  it('reveals a place: switches the view and tells its listener once, also when the view mounts later', () => {
    const seen: unknown[] = [];
    function Listener() {
      useRevealed('forms', (place) => seen.push(place));
      return null;
    }
    function Frame({ showListener }: { showListener: boolean }) {
      const workspace = useStudioWorkspace();
      return showListener && workspace.view === 'forms' ? <Listener /> : null;
    }
    const shown = { listener: false };
    const { result, rerender } = renderHook(() => ({ studio: useStudio(), workspace: useStudioWorkspace() }), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <Studio session={session()} saveCopy={() => Promise.resolve()} createChecker={null} initialView="yaml">
          {children}
          <Frame showListener={shown.listener} />
        </Studio>
      ),
    });
    act(() => result.current.studio.reveal({ view: 'forms', file: 'pack.yaml', path: ['title'] }));
    expect(result.current.workspace.view).toBe('forms');
    expect(seen).toEqual([]);
    shown.listener = true;
    rerender();
    expect(seen).toEqual([{ view: 'forms', file: 'pack.yaml', path: ['title'] }]);
    act(() => result.current.studio.reveal({ view: 'forms', file: 'pack.yaml', path: ['id'] }));
    expect(seen).toHaveLength(2);
    shown.listener = false;
    rerender();
    shown.listener = true;
    rerender();
    // A remount does not act on an old place again.
    expect(seen).toHaveLength(2);
  });
});
