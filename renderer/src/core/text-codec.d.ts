// Runtime: any. TextEncoder and TextDecoder exist in every runtime the core runs in (browsers,
// Electron, Node), but belong to no ECMAScript lib: declared here so the core sees nothing else
// of the DOM.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
