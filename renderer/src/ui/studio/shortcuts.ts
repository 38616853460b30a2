// Runtime: renderer. Keyboard shortcuts of the studio's registry: matching a key press, and showing a
// shortcut as the platform writes it (Ctrl+Shift+Z on Windows and Linux, ⌘⇧Z on a Mac).
import { getHotkeyHandler } from '@mantine/hooks';

export function isApplePlatform(platform: string = typeof navigator === 'undefined' ? '' : navigator.platform): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

/** One shortcut in the way the keyboard's owner reads it: `mod+shift+Z` → `Ctrl+Shift+Z` or `⌘⇧Z`. */
export function formatShortcut(shortcut: string, apple: boolean = isApplePlatform()): string {
  const parts = shortcut.split('+').map((part) => part.trim().toLowerCase());
  const names = apple ? { mod: '⌘', ctrl: '⌃', meta: '⌘', alt: '⌥', shift: '⇧' } : { mod: 'Ctrl', ctrl: 'Ctrl', meta: 'Meta', alt: 'Alt', shift: 'Shift' };
  const words = parts.map((part) => {
    if (part in names) return names[part as keyof typeof names];
    // Shortcuts name physical keys: `digit1` is the key 1 whatever the layout types with it.
    const key = part.replace(/^digit/, '');
    return key.length === 1 ? key.toUpperCase() : key[0]!.toUpperCase() + key.slice(1);
  });
  return words.join(apple ? '' : '+');
}

/** A shortcut as `aria-keyshortcuts` names it for assistive technology: `mod+shift+Z` → `Control+Shift+Z`. */
export function ariaShortcut(shortcut: string, apple: boolean = isApplePlatform()): string {
  const names: Record<string, string> = { mod: apple ? 'Meta' : 'Control', ctrl: 'Control', meta: 'Meta', alt: 'Alt', shift: 'Shift' };
  return shortcut
    .split('+')
    .map((part) => part.trim())
    .map((part) => names[part.toLowerCase()] ?? part.replace(/^digit/i, '').toUpperCase())
    .join('+');
}

/**
 * The same shortcut written two ways must count as one (`mod+shift+z` and `Mod + Shift + Z`): the
 * registry's test compares shortcuts in this form.
 */
export function normalizeShortcut(shortcut: string): string {
  const parts = shortcut.split('+').map((part) => part.trim().toLowerCase());
  const key = parts.pop() ?? '';
  return [...new Set(parts)].sort().concat(key).join('+');
}

/**
 * A keydown handler for a list of shortcuts. Physical keys (`KeyZ`, `Digit1`: write `mod+Z`,
 * `alt+digit1`), so Ctrl+Z is the same key on a Russian layout (where it types Я) and Alt+1 still
 * means the key 1 where Alt types a character (a Mac).
 */
export function shortcutHandler(bindings: readonly (readonly [shortcut: string, run: () => void])[]): (event: KeyboardEvent) => void {
  return getHotkeyHandler(bindings.map(([shortcut, run]) => [shortcut, run, { preventDefault: true, usePhysicalKeys: true }]));
}
