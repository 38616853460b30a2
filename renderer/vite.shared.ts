// Runtime: Node (build configs). Build-time choices shared by the Electron renderer build, the
// web build and the unit tests.
import { resolve } from 'node:path';

export type RendererTarget = 'electron' | 'browser';

/**
 * `@platform/impl` resolves to the platform bridge of the build's target, chosen at build time.
 * `rendererDir` comes from the caller: electron-vite bundles its config, so this file cannot
 * rely on its own location.
 */
export function rendererAliases(target: RendererTarget, rendererDir: string): Record<string, string> {
  return {
    '@platform/impl': resolve(rendererDir, `src/platform/${target}.ts`),
  };
}
