// Runtime: renderer. Turns raw facts (the platform's, a score, a language code, a list) into what a
// person reads, the same way on every screen.
import type { AppInfo } from '../../../electron/contract/api';
import { formattingLocale } from '../core/locale';

/** Product names of operating systems and engines are the same in every language. */
const OS_NAMES: Record<string, string> = { darwin: 'macOS', macos: 'macOS', win32: 'Windows', windows: 'Windows', linux: 'Linux' };
const ENGINE_NAMES: Record<string, string> = {
  electron: 'Electron',
  chrome: 'Chrome',
  chromium: 'Chromium',
  node: 'Node.js',
  'google chrome': 'Google Chrome',
  'microsoft edge': 'Microsoft Edge',
};

export function osName(os: string): string {
  return OS_NAMES[os.toLowerCase()] ?? os;
}

/** e.g. "Electron 45.4.1 · Chrome 140.0 · Node.js 22.19"; empty when the runtime named no parts. */
export function engineSummary(versions: AppInfo['versions']): string {
  return Object.entries(versions)
    .map(([part, version]) => `${ENGINE_NAMES[part.toLowerCase()] ?? part} ${version}`)
    .join(' · ');
}

export function formatDate(timestamp: number, language: string): string {
  return new Intl.DateTimeFormat(formattingLocale(language), { dateStyle: 'long' }).format(timestamp);
}

/** Scores are averages kept to one decimal; every screen shows that decimal so one attempt reads the same everywhere. */
export function formatScore(score: number, language: string): string {
  return new Intl.NumberFormat(formattingLocale(language), { maximumFractionDigits: 1 }).format(score);
}

/** The name of a language in another one, e.g. ("uk", "en") → "Ukrainian"; the code if the runtime knows no name. */
export function languageName(code: string, inLanguage: string): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Russian writes language names in lower case; standing alone (a button, a table cell) they start with a capital. */
export function capitalized(text: string, language: string): string {
  return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
}

/** "X, VK and Telegram" in the given language. */
export function formatList(items: readonly string[], language: string): string {
  try {
    return new Intl.ListFormat(formattingLocale(language), { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}
