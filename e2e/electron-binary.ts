// Runtime: Node (Playwright). Tells whether the desktop app can be launched here, without
// requiring the `electron` package: requiring it starts a download when its binary is missing.
import { electronExecutable } from '../scripts/electron-binary.mjs';

/** The Electron executable, or null when its binary is not installed. */
export const electronExecutablePath = (): string | null => electronExecutable();

export const ELECTRON_MISSING_REASON =
  'Electron binary not installed (node_modules/electron/dist is missing: it could not be downloaded on this machine). ' +
  'Run `npx install-electron` where the network allows, then rerun.';

export const NO_DISPLAY_REASON =
  'No display to open the Electron window on (neither DISPLAY nor WAYLAND_DISPLAY is set). Run under a desktop session or xvfb-run.';

/** Why the desktop app cannot be launched here, or null when it can. */
export function electronLaunchProblem(): string | null {
  if (!electronExecutablePath()) return ELECTRON_MISSING_REASON;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return NO_DISPLAY_REASON;
  return null;
}
