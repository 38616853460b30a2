// Runtime: renderer (browser). The files the badge screens save: the academy key's backup, the badge as
// JSON, as a baked PNG and as a PDF certificate carrying the JSON, and the did.json to publish for
// did:web. The signing libraries and pdf-lib load only when a badge is first issued or checked.
import type { AcademyKeyInfo } from '../../../../electron/contract/api';
import { replaceUnsafeFileNameCharacters } from '../../core/file-name';

/** A done message's colour: Mantine's teal falls under 4.5:1 on white, and its darker teal under it on dark surfaces. */
export const DONE_COLOR = 'light-dark(var(--mantine-color-teal-9), var(--mantine-color-teal-3))';

/** The key file's extension, as the credentials library and the command line name it (a test keeps them equal). */
export const ACADEMY_KEY_EXTENSION = 'attache-key';

/** The name a PDF certificate gives the credential it carries. */
export const ATTACHED_CREDENTIAL_NAME = 'open-badge-credential.json';

/** A plain file name from parts (a trainee's name, a course's title), at most 120 characters before the extension. */
export function safeFileName(parts: readonly string[], extension: string): string {
  const base = parts
    .map((part) => replaceUnsafeFileNameCharacters(part, ' ').replace(/\s+/g, ' ').trim())
    .filter((part) => part.length > 0)
    .join(' - ')
    .slice(0, 120)
    .replace(/[.\s]+$/, '');
  return `${base || 'badge'}.${extension}`;
}

function day(milliseconds: number): string {
  return new Date(milliseconds).toISOString().slice(0, 10);
}

export function academyKeyFileName(academyName: string | null, now: number): string {
  return safeFileName([academyName ?? 'Academy', 'signing key', day(now)], ACADEMY_KEY_EXTENSION);
}

export function badgeFileName(traineeName: string, courseTitle: string, extension: 'json' | 'png' | 'pdf'): string {
  return safeFileName([traineeName, courseTitle], extension);
}

/** Where did:web looks for the DID document of a domain (with a path: beside it, not under .well-known). */
export function didDocumentUrl(domain: string): string {
  return domain.includes('/') ? `https://${domain}/did.json` : `https://${domain}/.well-known/did.json`;
}

/** The DID document to publish at https://domain/.well-known/did.json, so that did:web names this key. */
export async function didDocumentJson(did: string, key: Pick<AcademyKeyInfo, 'publicKeyMultibase'>): Promise<string> {
  const { didDocumentOf } = await import('../../credentials/academy-key');
  return `${JSON.stringify(didDocumentOf(did, key.publicKeyMultibase), null, 2)}\n`;
}

/** The signed credential baked into the academy's badge image (an iTXt chunk `openbadgecredential`). */
export async function bakedBadgePng(credentialJson: string): Promise<Uint8Array> {
  const { bakeCredential, BADGE_IMAGE_PNG } = await import('../../credentials/png');
  return bakeCredential(BADGE_IMAGE_PNG, credentialJson);
}

/**
 * The printed certificate with the credential attached as a file, so that the PDF carries what it
 * certifies: a verifier extracts `open-badge-credential.json` and checks it like any badge.
 */
export async function attachCredentialToPdf(pdf: Uint8Array, credentialJson: string, when: Date): Promise<Uint8Array> {
  const { PDFDocument, AFRelationship } = await import('pdf-lib');
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  await document.attach(new TextEncoder().encode(credentialJson), ATTACHED_CREDENTIAL_NAME, {
    mimeType: 'application/json',
    description: 'Open Badges 3.0 credential (OpenBadgeCredential), signed with eddsa-rdfc-2022',
    creationDate: when,
    modificationDate: when,
    afRelationship: AFRelationship.Source,
  });
  return document.save();
}
