// Runtime: type-checking only. `@platform/impl` is a build-time alias: the Electron build points it at
// electron.ts, the web build and the unit tests at browser.ts. Both export this one function.
declare module '@platform/impl' {
  export const createPlatform: () => AttachePlatformApi;
}
