// Runtime: Node (Vitest, happy-dom). The studio's registry: every view and action is named in every
// language, no two share an id or a shortcut, and shortcuts read as the platform writes them.
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n';
import { addStudioResources } from '../../i18n/studio-resources';
import { formatShortcut, ariaShortcut, normalizeShortcut, shortcutHandler } from './shortcuts';
import { STUDIO_ACTIONS, STUDIO_VIEWS, viewActions, viewShortcut, type StudioActionContext, type StudioViewEntry } from './views';

const everything = () => [...STUDIO_ACTIONS, ...viewActions(STUDIO_VIEWS)];

describe('studio registry', () => {
  it.each(['en', 'ru'] as const)('names every view and action in %s', async (language) => {
    const i18n = await createI18n(language);
    addStudioResources(i18n);
    for (const entry of [...STUDIO_VIEWS, ...STUDIO_ACTIONS]) {
      // Read from the language's own resources: t() would fall back to English.
      const [namespace, key] = entry.labelKey.split(':') as [string, string];
      const label: unknown = i18n.getResource(language, namespace, key);
      expect(typeof label === 'string' && label.trim() !== '', `${entry.labelKey} in ${language}`).toBe(true);
    }
  });

  it('gives no two views or actions the same id', () => {
    const ids = everything().map((action) => action.id);
    expect(new Set(ids).size).toBe(ids.length);
    const views = STUDIO_VIEWS.map((view) => view.id);
    expect(new Set(views).size).toBe(views.length);
  });

  it('gives no two actions the same shortcut, however it is written', () => {
    const owners = new Map<string, string>();
    for (const action of everything()) {
      for (const shortcut of action.shortcuts ?? []) {
        const key = normalizeShortcut(shortcut);
        expect(owners.get(key), `${shortcut} of ${action.id} is also ${owners.get(key)}'s`).toBeUndefined();
        owners.set(key, action.id);
      }
    }
    expect(owners.get(normalizeShortcut('mod+Z'))).toBe('undo');
    expect(owners.get(normalizeShortcut('mod+shift+Z'))).toBe('redo');
    expect(owners.get(normalizeShortcut('mod+Y'))).toBe('redo');
    expect(owners.get(normalizeShortcut('mod+K'))).toBe('palette');
  });

  it('gives every tab a shortcut: its own, else Alt and its place', () => {
    const main = STUDIO_VIEWS.filter((view) => view.placement === 'main');
    for (const [index, view] of main.entries()) {
      const shortcut = viewShortcut(view);
      if (index < 9) expect(shortcut, view.id).toBeDefined();
      if (!view.shortcut && index < 9) expect(shortcut).toBe(`alt+digit${index + 1}`);
    }
    expect(viewShortcut(STUDIO_VIEWS[0]!)).toBe('alt+digit1');
  });

  it('shows a tab, and brings focus to a panel, when its action runs', () => {
    const shown: string[] = [];
    const focused: string[] = [];
    const context = {
      workspace: { showView: (id: string) => shown.push(id) },
      commands: { focusPanel: (id: string) => focused.push(id) },
    } as unknown as StudioActionContext;
    const views: StudioViewEntry[] = [
      { id: 'text', labelKey: 'studio:views.yaml', icon: STUDIO_VIEWS[0]!.icon, component: () => null, placement: 'main' },
      { id: 'list', labelKey: 'studio:views.yaml', icon: STUDIO_VIEWS[0]!.icon, component: () => null, placement: 'panel' },
    ];
    for (const action of viewActions(views)) action.perform(context);
    expect(shown).toEqual(['text']);
    expect(focused).toEqual(['list']);
    expect(viewActions(views).map((action) => action.shortcuts)).toEqual([['alt+digit1'], undefined]);
  });

  it('has a main view to show first', () => {
    expect(STUDIO_VIEWS.find((view) => view.placement === 'main')?.id).toBe('yaml');
  });
});

describe('shortcuts', () => {
  it('writes a shortcut as Windows and Linux do, and as a Mac does', () => {
    expect(formatShortcut('mod+shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(formatShortcut('mod+shift+Z', true)).toBe('⌘⇧Z');
    expect(formatShortcut('alt+digit1', false)).toBe('Alt+1');
    expect(ariaShortcut('mod+shift+Z', false)).toBe('Control+Shift+Z');
    expect(ariaShortcut('mod+K', true)).toBe('Meta+K');
  });

  it('counts the same keys written two ways as one shortcut', () => {
    expect(normalizeShortcut('Shift + Mod + z')).toBe(normalizeShortcut('mod+shift+Z'));
    expect(normalizeShortcut('mod+Z')).not.toBe(normalizeShortcut('mod+shift+Z'));
  });

  it('matches the physical key, so Ctrl+Z undoes on a Russian layout too', () => {
    const runs: string[] = [];
    const handle = shortcutHandler([
      ['mod+Z', () => runs.push('undo')],
      ['mod+shift+Z', () => runs.push('redo')],
      ['alt+digit1', () => runs.push('yaml')],
    ]);
    const press = (init: KeyboardEventInit) => {
      const event = new KeyboardEvent('keydown', { cancelable: true, ...init });
      handle(event);
      return event;
    };
    expect(press({ key: 'я', code: 'KeyZ', ctrlKey: true }).defaultPrevented).toBe(true);
    press({ key: 'Z', code: 'KeyZ', ctrlKey: true, shiftKey: true });
    press({ key: '¡', code: 'Digit1', altKey: true });
    expect(press({ key: 'z', code: 'KeyZ' }).defaultPrevented).toBe(false);
    expect(runs).toEqual(['undo', 'redo', 'yaml']);
  });
});
