// Runtime: renderer (Electron window or browser tab). The one platform the UI talks to, whichever
// implementation the build chose.
import { createPlatform } from '@platform/impl';
import type { AttacheApi } from '../../../electron/contract/api';

export const platform: AttacheApi = createPlatform();
