// Runtime: Node (Vitest). The badge screens' files: plain file names from any name, the key file's
// extension as the credentials library and the command line name it, where did:web looks for the DID
// document, the certificate's markup with every value escaped and nothing that runs or loads.
import { describe, expect, it } from 'vitest';
import { ACADEMY_KEY_EXTENSION as LIBRARY_KEY_EXTENSION } from '../../credentials/academy-key';
import { ACADEMY_KEY_EXTENSION, academyKeyFileName, badgeFileName, didDocumentUrl, safeFileName } from './badge-files';
import { certificateDocument, type CertificateLabels } from './certificate';

const labels: CertificateLabels = {
  title: 'Certificate of completion',
  awardedTo: 'awarded to',
  forCourse: 'for completing the course',
  on: (date) => `on ${date}`,
  issuedBy: 'Issued by',
  criteria: 'Criteria',
  credential: 'Open Badges 3.0 credential',
  credentialId: 'Credential ID',
  issuerDid: 'Issuer',
  recipientHash: 'Recipient (salted hash)',
  validFrom: 'Valid from',
  verifyHint: 'Run: npm run records -- badge verify open-badge-credential.json',
};

describe('badge files', () => {
  it('names files plainly, whatever the trainee or course is called', () => {
    expect(badgeFileName('Анна Петрова', 'Основы: кризисы / ответы', 'json')).toBe('Анна Петрова - Основы кризисы ответы.json');
    expect(badgeFileName('a\u0000b*?<>|"c', '  ', 'png')).toBe('a b c.png');
    expect(safeFileName(['...'], 'pdf')).toBe('badge.pdf');
    expect(badgeFileName('x'.repeat(300), 'course', 'pdf')).toHaveLength(124);
    expect(academyKeyFileName('Diplomatic Academy', Date.UTC(2026, 11, 6))).toBe('Diplomatic Academy - signing key - 2026-12-06.attache-key');
    expect(ACADEMY_KEY_EXTENSION).toBe(LIBRARY_KEY_EXTENSION);
  });

  it('says where did:web finds the DID document: under .well-known, or beside a path', () => {
    expect(didDocumentUrl('academy.example')).toBe('https://academy.example/.well-known/did.json');
    expect(didDocumentUrl('academy.example:8443/attache')).toBe('https://academy.example:8443/attache/did.json');
  });

  it('writes the certificate with every value escaped and nothing that runs or loads', () => {
    const html = certificateDocument(
      {
        traineeName: '<img src=x onerror=alert(1)>',
        language: 'en',
        summary: {
          credentialId: 'urn:uuid:1',
          issuer: { id: 'did:key:z6Mk', name: 'Academy "A" & B', url: 'https://academy.example/' },
          achievement: { id: 'x', name: '<script>alert(1)</script>', description: '', criteria: 'Pass every scenario.' },
          recipient: { identityType: 'identifier', identityHash: 'sha256$ab', salt: 's' },
          validFrom: '2026-12-06T09:00:00Z',
          validUntil: null,
          awardedDate: '2026-12-05T10:00:00Z',
          proof: null,
        },
      },
      labels,
    );
    expect(html).not.toMatch(/<script|<img|<link|<iframe|\s(?:src|href)=["']|@import|url\(/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Academy &quot;A&quot; &amp; B');
    expect(html).toContain('on 5 December 2026');
  });
});
