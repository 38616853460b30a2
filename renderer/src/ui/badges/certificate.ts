// Runtime: renderer (browser). The PDF certificate of a badge as one self-contained HTML document (no
// script, nothing loaded from outside): the trainee, the course, the academy, the date, the credential's
// summary and how to verify it. The desktop app prints it in the main process and attaches the
// credential's JSON to the PDF; the web version prints the same markup with the browser's dialog.
import type { BadgeSummary } from '../../core/records/badge';
import { formattingLocale } from '../../core/locale';

export interface CertificateLabels {
  title: string;
  awardedTo: string;
  forCourse: string;
  on: (date: string) => string;
  issuedBy: string;
  criteria: string;
  credential: string;
  credentialId: string;
  issuerDid: string;
  recipientHash: string;
  validFrom: string;
  verifyHint: string;
}

export interface CertificateData {
  traineeName: string;
  summary: BadgeSummary;
  language: string;
}

/** The class of the web print view's root: hidden on screen, the only thing on paper while it is in the page. */
export const CERTIFICATE_PRINT_CLASS = 'attache-certificate-print';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

function formatDate(iso: string | null, language: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString(formattingLocale(language), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

const CERTIFICATE_CSS = `
@page { size: A4 landscape; margin: 14mm; }
.certificate { color: #1a1b1e; background: #fff; font-family: 'Segoe UI', 'Helvetica Neue', 'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif;
  border: 3px double #1c3d6e; padding: 14mm 16mm 10mm; text-align: center; line-height: 1.4; box-sizing: border-box; }
.certificate h1 { font-size: 26pt; letter-spacing: 0.04em; margin: 0 0 6mm; color: #1c3d6e; font-weight: 600; }
.certificate .lead { font-size: 12pt; margin: 2mm 0; color: #44474f; }
.certificate .name { font-size: 24pt; font-weight: 600; margin: 2mm 0 4mm; }
.certificate .course { font-size: 18pt; font-weight: 600; margin: 2mm 0; }
.certificate .issuer { font-size: 12pt; margin: 6mm 0 2mm; }
.certificate .criteria { font-size: 10pt; color: #44474f; max-width: 200mm; margin: 2mm auto 6mm; }
.certificate .credential { text-align: left; font-size: 8pt; color: #44474f; border-top: 1px solid #c5c8d0; padding-top: 3mm; margin-top: 4mm; }
.certificate .credential h2 { font-size: 9pt; margin: 0 0 1.5mm; color: #1a1b1e; }
.certificate dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin: 0 0 2mm; }
.certificate dt { font-weight: 600; }
.certificate dd { margin: 0; word-break: break-all; font-family: 'DejaVu Sans Mono', 'Liberation Mono', Consolas, monospace; }
.certificate .hint { margin: 1.5mm 0 0; }
`;

/** The certificate's markup (no <html> or <head>): for the PDF's document and the web's print view. */
export function certificateMarkup({ traineeName, summary, language }: CertificateData, labels: CertificateLabels): string {
  const awarded = formatDate(summary.awardedDate ?? summary.validFrom, language);
  const rows: Array<[string, string]> = [
    [labels.credentialId, summary.credentialId],
    [labels.issuerDid, summary.issuer.id],
    [labels.recipientHash, summary.recipient.identityHash],
    [labels.validFrom, summary.validFrom ?? '—'],
  ];
  return `<article class="certificate" lang="${escapeHtml(language)}">
<h1>${escapeHtml(labels.title)}</h1>
<p class="lead">${escapeHtml(labels.awardedTo)}</p>
<p class="name">${escapeHtml(traineeName)}</p>
<p class="lead">${escapeHtml(labels.forCourse)}</p>
<p class="course">${escapeHtml(summary.achievement.name)}</p>
<p class="lead">${escapeHtml(labels.on(awarded))}</p>
<p class="issuer">${escapeHtml(labels.issuedBy)}: <strong>${escapeHtml(summary.issuer.name)}</strong>${summary.issuer.url ? ` (${escapeHtml(summary.issuer.url)})` : ''}</p>
<p class="criteria"><strong>${escapeHtml(labels.criteria)}:</strong> ${escapeHtml(summary.achievement.criteria)}</p>
<section class="credential">
<h2>${escapeHtml(labels.credential)}</h2>
<dl>${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>
<p class="hint">${escapeHtml(labels.verifyHint)}</p>
</section>
</article>`;
}

/** The whole document the desktop app prints to PDF. */
export function certificateDocument(data: CertificateData, labels: CertificateLabels): string {
  return `<!doctype html>
<html lang="${escapeHtml(data.language)}"><head><meta charset="utf-8"><title>${escapeHtml(labels.title)}</title><style>${CERTIFICATE_CSS}</style></head>
<body style="margin:0">${certificateMarkup(data, labels)}</body></html>`;
}

/** The stylesheet of the web print view: the certificate alone on paper, nothing of it on screen. */
export const CERTIFICATE_PRINT_CSS = `.${CERTIFICATE_PRINT_CLASS} { display: none; }
@media print {
  body:has(.${CERTIFICATE_PRINT_CLASS}) > :not(.${CERTIFICATE_PRINT_CLASS}) { display: none !important; }
  .${CERTIFICATE_PRINT_CLASS} { display: block; }
}
${CERTIFICATE_CSS}`;
