// Runtime: Node (Vitest, happy-dom). A platform with nothing behind it, like a browser tab that has no
// desktop features: for tests of screens that need the platform only for what startup reads. Tests that
// exercise a platform feature spy on the method they need (vi.spyOn) or use createFakePlatform (test/app.tsx).
import type { AttacheApi } from '../../../electron/contract/api';

export function inertPlatform(): AttacheApi {
  const noAcademyKey = () => Promise.reject(new Error('This test platform has no academy key.'));
  return {
    getAppInfo: () => Promise.resolve({ name: 'Attaché', version: '0.1.0', runtime: 'web', os: 'linux', versions: {} }),
    getSystemLocale: () => Promise.resolve('en-US'),
    openFile: () => Promise.resolve(null),
    openFiles: () => Promise.resolve([]),
    saveFile: () => Promise.resolve({ saved: false }),
    printToPdf: () => Promise.resolve(null),
    getLrsConnection: () => Promise.resolve(null),
    setLrsConnection: () => Promise.reject(new Error('This test platform has no LRS.')),
    testLrsConnection: () => Promise.resolve({ reply: { kind: 'unsupported' }, versions: [] }),
    postStatements: () => Promise.resolve({ kind: 'unsupported' }),
    getAcademyKey: () => Promise.resolve(null),
    createAcademyKey: noAcademyKey,
    exportAcademyKey: () => Promise.resolve(null),
    importAcademyKey: noAcademyKey,
    rewrapAcademyKey: () => Promise.resolve({ ok: true, key: null }),
    setAcademyDomain: noAcademyKey,
    signBadge: noAcademyKey,
    getDeviceKey: () => Promise.resolve(null),
    signWithDeviceKey: () => Promise.reject(new Error('This test platform has no device key.')),
    setMenuState: () => Promise.resolve(),
    openStudioFolder: () => Promise.resolve({ kind: 'unsupported' }),
    saveStudioFolder: () => Promise.resolve({ kind: 'unsupported' }),
    onMenuCommand: () => () => undefined,
  };
}
