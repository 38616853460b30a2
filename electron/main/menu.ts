// Runtime: Electron main process. The application menu: the product's own actions (settings,
// language, theme, about) go to the renderer as `menu:command` events; the rest are Electron roles.
import type { Menu as ElectronMenu, MenuItemConstructorOptions } from 'electron';
import { SUPPORTED_LANGUAGES, THEME_PREFERENCES, type Language, type MenuCommand, type MenuState } from '../contract/api';
import { LANGUAGE_ENDONYMS, resolveLanguage } from '../../renderer/src/core/locale';
import enMenu from '../../renderer/src/i18n/locales/en/menu.json';
import ruMenu from '../../renderer/src/i18n/locales/ru/menu.json';
import ukMenu from '../../renderer/src/i18n/locales/uk/menu.json';

export type MenuLabels = typeof enMenu;

/** Typed as `MenuLabels`, so a key missing from a language fails to compile. */
export const MENU_LABELS: Readonly<Record<Language, MenuLabels>> = { en: enMenu, ru: ruMenu, uk: ukMenu };

/** The menu's language before the renderer reports its own: the system's when the app speaks it, else English. */
export function menuLanguageFor(locale: string): Language {
  return resolveLanguage(null, locale);
}

export type SendMenuCommand = (command: MenuCommand) => void;

export interface MenuOptions {
  /** macOS puts the app's own items in a first menu named after the app. */
  platform: NodeJS.Platform;
  /** Reload and developer tools are offered only while developing. */
  devTools: boolean;
}

export function buildMenuTemplate(state: MenuState, labels: MenuLabels, send: SendMenuCommand, options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const settings: MenuItemConstructorOptions = {
    id: 'settings',
    label: labels.app.settings,
    accelerator: 'CmdOrCtrl+,',
    click: () => send({ type: 'open-settings' }),
  };
  const about: MenuItemConstructorOptions = {
    id: 'about',
    label: labels.app.about,
    click: () => send({ type: 'open-about' }),
  };
  const quit: MenuItemConstructorOptions = { id: 'quit', role: 'quit', label: labels.app.quit };

  const appMenu: MenuItemConstructorOptions = {
    id: 'app',
    label: 'Attaché',
    submenu: [
      about,
      separator,
      settings,
      separator,
      { role: 'services', label: labels.app.services },
      separator,
      { role: 'hide', label: labels.app.hide },
      { role: 'hideOthers', label: labels.app.hideOthers },
      { role: 'unhide', label: labels.app.showAll },
      separator,
      quit,
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    id: 'file',
    label: labels.menus.file,
    submenu: isMac ? [{ role: 'close', label: labels.window.close }] : [settings, separator, quit],
  };

  const editMenu: MenuItemConstructorOptions = {
    id: 'edit',
    label: labels.menus.edit,
    submenu: [
      { role: 'undo', label: labels.edit.undo },
      { role: 'redo', label: labels.edit.redo },
      separator,
      { role: 'cut', label: labels.edit.cut },
      { role: 'copy', label: labels.edit.copy },
      { role: 'paste', label: labels.edit.paste },
      { role: 'selectAll', label: labels.edit.selectAll },
    ],
  };

  const languageMenu: MenuItemConstructorOptions = {
    id: 'language',
    label: labels.view.language,
    submenu: SUPPORTED_LANGUAGES.map((language) => ({
      id: `language-${language}`,
      type: 'radio' as const,
      // Each language in itself, whatever the menu's language: a reader finds their own.
      label: LANGUAGE_ENDONYMS[language],
      checked: state.language === language,
      click: () => send({ type: 'set-language', language }),
    })),
  };

  const themeMenu: MenuItemConstructorOptions = {
    id: 'theme',
    label: labels.view.theme,
    submenu: THEME_PREFERENCES.map((theme) => ({
      id: `theme-${theme}`,
      type: 'radio' as const,
      label: labels.themes[theme],
      checked: state.theme === theme,
      click: () => send({ type: 'set-theme', theme }),
    })),
  };

  const developmentItems: MenuItemConstructorOptions[] = options.devTools
    ? [
        { id: 'reload', role: 'reload', label: labels.view.reload },
        { id: 'toggle-dev-tools', role: 'toggleDevTools', label: labels.view.toggleDevTools },
        separator,
      ]
    : [];

  const viewMenu: MenuItemConstructorOptions = {
    id: 'view',
    label: labels.menus.view,
    submenu: [
      languageMenu,
      themeMenu,
      separator,
      ...developmentItems,
      { role: 'resetZoom', label: labels.view.resetZoom },
      { role: 'zoomIn', label: labels.view.zoomIn },
      { role: 'zoomOut', label: labels.view.zoomOut },
      separator,
      { role: 'togglefullscreen', label: labels.view.toggleFullScreen },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    id: 'window',
    label: labels.menus.window,
    role: 'windowMenu',
    submenu: [
      { role: 'minimize', label: labels.window.minimize },
      { role: 'zoom', label: labels.window.zoom },
      separator,
      { role: 'front', label: labels.window.front },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    id: 'help',
    label: labels.menus.help,
    role: 'help',
    submenu: [about],
  };

  // On macOS "About" lives in the app menu, and the Help menu would hold nothing else.
  return isMac ? [appMenu, fileMenu, editMenu, viewMenu, windowMenu] : [fileMenu, editMenu, viewMenu, helpMenu];
}

export interface MenuController {
  apply(state: MenuState): void;
  readonly state: MenuState;
}

export interface MenuControllerOptions extends MenuOptions {
  Menu: Pick<typeof ElectronMenu, 'buildFromTemplate' | 'setApplicationMenu'>;
  send: SendMenuCommand;
  initialState: MenuState;
}

/** Keeps the application menu in step with the renderer's language and theme. */
export function createMenuController(options: MenuControllerOptions): MenuController {
  let current = options.initialState;
  const controller: MenuController = {
    apply(state) {
      current = state;
      const template = buildMenuTemplate(state, MENU_LABELS[state.language], options.send, options);
      options.Menu.setApplicationMenu(options.Menu.buildFromTemplate(template));
    },
    get state() {
      return current;
    },
  };
  controller.apply(current);
  return controller;
}
