// Runtime: renderer inside Electron. The preload exposes the typed contract on `window.attache`;
// this file only hands it over, so that a broken preload fails loudly at start instead of later.
import { API_GLOBAL, INVOKE_CHANNELS, type AttacheApi } from '../../../electron/contract/api';

const REQUIRED_METHODS = [...Object.keys(INVOKE_CHANNELS), 'onMenuCommand'] as (keyof AttacheApi)[];

export function createPlatform(): AttacheApi {
  const api: unknown = Reflect.get(window, API_GLOBAL);
  if (typeof api !== 'object' || api === null) {
    throw new Error(`Attaché's desktop bridge (window.${API_GLOBAL}) is missing: the preload script did not run.`);
  }
  const missing = REQUIRED_METHODS.filter((method) => typeof Reflect.get(api, method) !== 'function');
  if (missing.length > 0) {
    throw new Error(`Attaché's desktop bridge (window.${API_GLOBAL}) lacks ${missing.join(', ')}: the preload and the app are out of step.`);
  }
  return api as AttacheApi;
}
