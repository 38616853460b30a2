// Runtime: renderer. A device key as people compare it aloud: the first 20 hexadecimal digits of the
// public key in groups of four ("3f9a 0c21 77de 5b40 e812"), the same in Settings and on import.
export function keyFingerprint(publicKey: string): string {
  return (
    publicKey
      .slice(0, 20)
      .match(/.{1,4}/g)
      ?.join(' ') ?? publicKey
  );
}
