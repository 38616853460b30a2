// Runtime: Electron main process. Where the desktop app keeps the academy's signing key: the encrypted
// key file (`academy-key.json`, exactly the bytes an export saves) and the did:web domain
// (`academy-key-domain.txt`) in the user-data folder, each readable by this user only and replaced whole.
import path from 'node:path';
import type { AcademyKeyStorage } from './academy-key';
import type { KeyFileAccess } from './device-key';

export const ACADEMY_KEY_FILE = 'academy-key.json';
export const ACADEMY_DOMAIN_FILE = 'academy-key-domain.txt';

export function academyKeyFiles(folder: string, files: KeyFileAccess): AcademyKeyStorage {
  const keyPath = path.join(folder, ACADEMY_KEY_FILE);
  const domainPath = path.join(folder, ACADEMY_DOMAIN_FILE);
  return {
    kind: 'user-data-file',
    readKey: () => files.read(keyPath),
    writeKey: (bytes) => files.writePrivate(keyPath, bytes),
    async readDomain() {
      const bytes = await files.read(domainPath);
      const domain = bytes === null ? '' : new TextDecoder().decode(bytes).trim();
      return domain === '' ? null : domain;
    },
    // An empty file means no domain: the key file and its folder stay as they are.
    writeDomain: (domain) => files.writePrivate(domainPath, new TextEncoder().encode(domain ?? '')),
  };
}
