// Runtime: renderer. Turns the platform's raw facts into what a person reads.
import type { AppInfo } from '../../../electron/contract/api';

/** Product names of operating systems and engines are the same in every language. */
const OS_NAMES: Record<string, string> = { darwin: 'macOS', macos: 'macOS', win32: 'Windows', windows: 'Windows', linux: 'Linux' };
const ENGINE_NAMES: Record<string, string> = { electron: 'Electron', chrome: 'Chrome', chromium: 'Chromium', node: 'Node.js', 'google chrome': 'Google Chrome', 'microsoft edge': 'Microsoft Edge' };

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
  return new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(timestamp);
}
