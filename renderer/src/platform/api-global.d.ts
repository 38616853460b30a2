// Runtime: type-checking only. An ambient module may not import by a relative path, so the contract
// is named here, globally, for impl.d.ts to use.
import type { AttacheApi } from '../../../electron/contract/api';

declare global {
  type AttachePlatformApi = AttacheApi;
}
