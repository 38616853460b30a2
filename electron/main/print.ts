// Runtime: Electron main process. Prints a self-contained HTML document (a trainee's transcript) to PDF
// with Chromium's own printing, so the PDF has real text in the system's fonts (Cyrillic included) and
// the renderer gets only the bytes. The document is shown to nothing that could act on it: a hidden
// window with scripts turned off, sandboxed, without a preload, in a session of its own held in memory
// whose requests are all cancelled except the one for the document itself, which is a temporary file
// removed when the PDF is made.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session, type BrowserWindowConstructorOptions, type Session } from 'electron';
import type { PrintToPdfRequest } from '../contract/api';
import { HARDENED_WEB_PREFERENCES } from './security';

/** The in-memory session print windows use (no "persist:" prefix: nothing of it is written to disk). */
export const PRINT_PARTITION = 'attache-print';

/** A document that has not loaded by then will not: the window is closed and the request fails. */
export const PRINT_TIMEOUT_MS = 60_000;

/** The document files print windows may load; every other request of their session is cancelled. */
const allowedDocuments = new Set<string>();
let printSession: Session | null = null;

function preparedSession(): Session {
  if (printSession) return printSession;
  const created = session.fromPartition(PRINT_PARTITION, { cache: false });
  created.setPermissionRequestHandler((_contents, _permission, grant) => grant(false));
  created.setPermissionCheckHandler(() => false);
  created.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowedDocuments.has(details.url) }));
  printSession = created;
  return created;
}

export function printWindowOptions(printingSession: Session): BrowserWindowConstructorOptions {
  return {
    show: false,
    // A4 at 96 dpi: the layout's width while printing does not depend on the screen.
    width: 794,
    height: 1123,
    webPreferences: { ...HARDENED_WEB_PREFERENCES, session: printingSession, javascript: false, devTools: false, disableDialogs: true },
  };
}

function withTimeout<T>(work: Promise<T>, milliseconds: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(message)), milliseconds);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The PDF of the document, printed on `request.pageSize` paper with the margins its own CSS asks for. */
export async function printHtmlToPdf(request: PrintToPdfRequest): Promise<Uint8Array> {
  const folder = await mkdtemp(path.join(tmpdir(), 'attache-print-'));
  const file = path.join(folder, 'document.html');
  const url = pathToFileURL(file).href;
  let window: BrowserWindow | null = null;
  try {
    await writeFile(file, request.html, 'utf8');
    allowedDocuments.add(url);
    window = new BrowserWindow(printWindowOptions(preparedSession()));
    const printing = window;
    const pdf = await withTimeout(
      (async () => {
        await printing.loadFile(file);
        return printing.webContents.printToPDF({ pageSize: request.pageSize, printBackground: true, preferCSSPageSize: true, generateTaggedPDF: true });
      })(),
      PRINT_TIMEOUT_MS,
      `The document to print did not load within ${PRINT_TIMEOUT_MS / 1000} seconds; nothing was printed. Try again, or print fewer transcripts at once.`,
    );
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    allowedDocuments.delete(url);
    if (window && !window.isDestroyed()) window.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}
