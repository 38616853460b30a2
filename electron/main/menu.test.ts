import type { BaseWindow, KeyboardEvent, MenuItem, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../contract/api';
import { buildMenuTemplate, createMenuController, MENU_LABELS, menuLanguageFor, type MenuOptions } from './menu';

const linux: MenuOptions = { platform: 'linux', devTools: false };
const mac: MenuOptions = { platform: 'darwin', devTools: false };

function submenuOf(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  const submenu = item?.submenu;
  if (!Array.isArray(submenu)) throw new Error(`menu item ${item?.id ?? item?.label ?? '?'} has no submenu`);
  return submenu;
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function findItem(items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const found = flatten(items).find((item) => item.id === id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
}

function allLabels(items: MenuItemConstructorOptions[]): string[] {
  return flatten(items).flatMap((item) => (item.label ? [item.label] : []));
}

function allRoles(items: MenuItemConstructorOptions[]): string[] {
  return flatten(items).flatMap((item) => (item.role ? [item.role] : []));
}

function click(item: MenuItemConstructorOptions): void {
  if (!item.click) throw new Error(`menu item ${item.id ?? '?'} does nothing when clicked`);
  item.click({} as MenuItem, undefined as BaseWindow | undefined, {} as KeyboardEvent);
}

describe('buildMenuTemplate', () => {
  it('offers settings, language, theme, about and quit on Windows and Linux', () => {
    const template = buildMenuTemplate({ language: 'en', theme: 'auto' }, MENU_LABELS.en, vi.fn(), linux);
    expect(template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(
      submenuOf(template[0])
        .filter((item) => item.type !== 'separator')
        .map((item) => item.id),
    ).toEqual(['settings', 'quit']);
    expect(findItem(template, 'settings')).toMatchObject({ label: 'Settings…', accelerator: 'CmdOrCtrl+,' });
    expect(findItem(template, 'quit')).toMatchObject({ role: 'quit', label: 'Quit Attaché' });
    expect(submenuOf(template[3]).map((item) => item.id)).toEqual(['about']);
    expect(submenuOf(findItem(template, 'language')).map((item) => item.label)).toEqual(['English', 'Русский', 'Українська']);
    expect(submenuOf(findItem(template, 'theme')).map((item) => item.label)).toEqual(['Light', 'Dark', 'Auto (follow the system)']);
  });

  it('follows the macOS conventions: an app menu first, and a Window menu', () => {
    const template = buildMenuTemplate({ language: 'en', theme: 'auto' }, MENU_LABELS.en, vi.fn(), mac);
    expect(template.map((item) => item.id)).toEqual(['app', 'file', 'edit', 'view', 'window']);
    const appItems = submenuOf(template[0]);
    expect(appItems[0]?.id).toBe('about');
    expect(appItems.map((item) => item.id ?? item.role ?? item.type)).toEqual([
      'about',
      'separator',
      'settings',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
    expect(template[4]?.role).toBe('windowMenu');
    expect(submenuOf(template[1]).map((item) => item.role)).toEqual(['close']);
  });

  it('translates every label into Russian', () => {
    const template = buildMenuTemplate({ language: 'ru', theme: 'auto' }, MENU_LABELS.ru, vi.fn(), linux);
    expect(template.map((item) => item.label)).toEqual(['Файл', 'Правка', 'Вид', 'Справка']);
    expect(findItem(template, 'settings').label).toBe('Настройки…');
    expect(findItem(template, 'about').label).toBe('О программе Attaché');
    expect(findItem(template, 'language').label).toBe('Язык');
    expect(submenuOf(findItem(template, 'theme')).map((item) => item.label)).toEqual(['Светлая', 'Тёмная', 'Авто (как в системе)']);
    const everything: MenuOptions = { platform: 'darwin', devTools: true };
    const englishLabels = new Set(allLabels(buildMenuTemplate({ language: 'en', theme: 'auto' }, MENU_LABELS.en, vi.fn(), everything)));
    const russianLabels = allLabels(buildMenuTemplate({ language: 'ru', theme: 'auto' }, MENU_LABELS.ru, vi.fn(), everything));
    // Only the product name and the languages' own names read the same in both.
    expect(russianLabels.filter((label) => englishLabels.has(label)).sort()).toEqual(['Attaché', 'English', 'Русский', 'Українська']);
  });

  it('translates every label into Ukrainian, the languages still named in themselves', () => {
    const template = buildMenuTemplate({ language: 'uk', theme: 'auto' }, MENU_LABELS.uk, vi.fn(), linux);
    expect(template.map((item) => item.label)).toEqual(['Файл', 'Редагування', 'Вигляд', 'Довідка']);
    expect(findItem(template, 'settings').label).toBe('Налаштування…');
    expect(findItem(template, 'language').label).toBe('Мова');
    expect(submenuOf(findItem(template, 'language')).map((item) => item.label)).toEqual(['English', 'Русский', 'Українська']);
    const everything: MenuOptions = { platform: 'darwin', devTools: true };
    const englishLabels = new Set(allLabels(buildMenuTemplate({ language: 'en', theme: 'auto' }, MENU_LABELS.en, vi.fn(), everything)));
    const russianLabels = new Set(allLabels(buildMenuTemplate({ language: 'ru', theme: 'auto' }, MENU_LABELS.ru, vi.fn(), everything)));
    const ukrainianLabels = allLabels(buildMenuTemplate({ language: 'uk', theme: 'auto' }, MENU_LABELS.uk, vi.fn(), everything));
    expect(ukrainianLabels.filter((label) => englishLabels.has(label)).sort()).toEqual(['Attaché', 'English', 'Русский', 'Українська']);
    // Menu words Ukrainian shares with Russian by spelling alone.
    expect(ukrainianLabels.filter((label) => russianLabels.has(label) && !englishLabels.has(label)).sort()).toEqual(['Тема', 'Файл']);
  });

  it('checks the current language and theme', () => {
    const template = buildMenuTemplate({ language: 'ru', theme: 'dark' }, MENU_LABELS.ru, vi.fn(), linux);
    const checked = (id: string) => submenuOf(findItem(template, id)).map((item) => [item.id, item.type, item.checked]);
    expect(checked('language')).toEqual([
      ['language-en', 'radio', false],
      ['language-ru', 'radio', true],
      ['language-uk', 'radio', false],
    ]);
    expect(checked('theme')).toEqual([
      ['theme-light', 'radio', false],
      ['theme-dark', 'radio', true],
      ['theme-auto', 'radio', false],
    ]);
  });

  it('sends the matching command for each product action', () => {
    const send = vi.fn<(command: MenuCommand) => void>();
    const template = buildMenuTemplate({ language: 'en', theme: 'auto' }, MENU_LABELS.en, send, linux);
    const expected: Array<[string, MenuCommand]> = [
      ['settings', { type: 'open-settings' }],
      ['about', { type: 'open-about' }],
      ['language-ru', { type: 'set-language', language: 'ru' }],
      ['language-uk', { type: 'set-language', language: 'uk' }],
      ['language-en', { type: 'set-language', language: 'en' }],
      ['theme-light', { type: 'set-theme', theme: 'light' }],
      ['theme-dark', { type: 'set-theme', theme: 'dark' }],
      ['theme-auto', { type: 'set-theme', theme: 'auto' }],
    ];
    for (const [id, command] of expected) {
      send.mockClear();
      click(findItem(template, id));
      expect(send).toHaveBeenCalledExactlyOnceWith(command);
    }
  });

  it('offers reload and developer tools only while developing', () => {
    const built = allRoles(buildMenuTemplate({ language: 'en', theme: 'auto' }, MENU_LABELS.en, vi.fn(), linux));
    expect(built).not.toContain('reload');
    expect(built).not.toContain('toggleDevTools');
    expect(built).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'copy', 'paste']));
    const developing = allRoles(buildMenuTemplate({ language: 'en', theme: 'auto' }, MENU_LABELS.en, vi.fn(), { ...linux, devTools: true }));
    expect(developing).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });
});

describe('menuLanguageFor', () => {
  it.each([
    ['ru', 'ru'],
    ['ru-RU', 'ru'],
    ['RU_ru', 'ru'],
    ['en-US', 'en'],
    ['uk-UA', 'uk'],
    ['uk', 'uk'],
    ['de-DE', 'en'],
    ['', 'en'],
  ])('%s → %s', (locale, language) => {
    expect(menuLanguageFor(locale)).toBe(language);
  });
});

describe('createMenuController', () => {
  it('installs the menu at once and rebuilds it for each new state', () => {
    const Menu = {
      buildFromTemplate: vi.fn((template: MenuItemConstructorOptions[]) => ({ template })),
      setApplicationMenu: vi.fn(),
    };
    const controller = createMenuController({
      Menu: Menu as unknown as Parameters<typeof createMenuController>[0]['Menu'],
      send: vi.fn(),
      initialState: { language: 'en', theme: 'auto' },
      ...linux,
    });
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(Menu.buildFromTemplate.mock.calls[0]?.[0][0]?.label).toBe('File');

    controller.apply({ language: 'ru', theme: 'light' });
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(2);
    const rebuilt = Menu.buildFromTemplate.mock.calls[1]?.[0] ?? [];
    expect(rebuilt[0]?.label).toBe('Файл');
    expect(findItem(rebuilt, 'theme-light').checked).toBe(true);
    expect(Menu.setApplicationMenu).toHaveBeenLastCalledWith(Menu.buildFromTemplate.mock.results[1]?.value);
    expect(controller.state).toEqual({ language: 'ru', theme: 'light' });
  });
});
