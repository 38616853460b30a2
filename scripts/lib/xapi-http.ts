// Runtime: Node (scripts and tests). Talking to an xAPI LRS over Node's fetch: the transport the
// command line's sync sends through (one JSON array of the statements' stored texts per batch, Basic
// auth, the xAPI version header, a timeout on every request, redirects not followed), and the reads
// the tests and the CLI use to see what an LRS holds.
import type { LrsPostRequest, LrsReply } from '../../electron/contract/api';

/** The header every xAPI request carries (the version the app's statements are written to). */
export const XAPI_HEADERS = { 'X-Experience-API-Version': '1.0.3' } as const;

/** How much of a reply's body is kept (the app's outbox keeps as much beside a dead statement). */
const REPLY_KEEP_CHARACTERS = 4_000;

/** HTTP Basic authorization for a key and secret. */
export function basicAuth(key: string, secret: string): string {
  return `Basic ${Buffer.from(`${key}:${secret}`, 'utf8').toString('base64')}`;
}

export interface FetchTransportOptions {
  /** The xAPI endpoint, ending in `/`. */
  endpoint: string;
  key: string;
  secret: string;
  /** Milliseconds a request (sending, answer and its body) may take before it counts as unanswered. */
  timeoutMs: number;
}

/** Why fetch failed, in a few words: the system's error code where there is one. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** Posts batches of stored statements to `<endpoint>statements` and says what came back, as the app's transport does. */
export function fetchTransport(options: FetchTransportOptions): { postStatements(request: LrsPostRequest): Promise<LrsReply> } {
  const url = new URL('statements', options.endpoint);
  const authorization = basicAuth(options.key, options.secret);
  return {
    async postStatements({ statements }) {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { ...XAPI_HEADERS, 'Content-Type': 'application/json', Authorization: authorization },
          // The stored texts, byte for byte, as one array: never parsed and written again.
          body: `[${statements.join(',')}]`,
          redirect: 'manual',
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        const body = await response.text();
        return { kind: 'answered', status: response.status, body: body.slice(0, REPLY_KEEP_CHARACTERS), retryAfter: response.headers.get('retry-after') };
      } catch (error) {
        const name = (error as Error).name;
        if (name === 'TimeoutError' || name === 'AbortError') {
          return { kind: 'no-answer', reason: 'timeout', message: `no answer within ${(options.timeoutMs / 1000).toLocaleString('en-US')} s` };
        }
        return { kind: 'no-answer', reason: 'network', message: networkReason(error) };
      }
    },
  };
}

export interface StoredStatement {
  id: string;
  [key: string]: unknown;
}

async function getJson<T>(url: string, auth: string): Promise<T> {
  const response = await fetch(url, { headers: { ...XAPI_HEADERS, Authorization: auth }, signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return (await response.json()) as T;
}

/** Every statement a query finds, following the LRS's `more` links, `limit` a page. */
export async function queryStatements(endpoint: string, query: Record<string, string>, auth: string, limit = 500): Promise<StoredStatement[]> {
  const origin = new URL(endpoint).origin;
  let url: string | null = `${endpoint}statements?${new URLSearchParams({ ...query, limit: String(limit) })}`;
  const statements: StoredStatement[] = [];
  while (url) {
    const page: { statements: StoredStatement[]; more?: string } = await getJson(url, auth);
    statements.push(...page.statements);
    url = page.more ? new URL(page.more, origin).toString() : null;
  }
  return statements;
}

/**
 * Every statement the LRS stored since `since` (ISO 8601), asked for as one page. The LRS the tests
 * run (xapi-statements with its memory store) pages with a cursor that compares version-1 UUIDs as
 * strings; their first field wraps every 7 minutes, so a `more` link followed across a wrap skips
 * statements it holds (seen once in CI: 150 of 2,420 found). One page needs no cursor.
 */
export function statementsSince(endpoint: string, since: string, auth: string, limit = 100_000): Promise<StoredStatement[]> {
  return queryStatements(endpoint, { since, ascending: 'true' }, auth, limit);
}

/** One statement by id, or null when the LRS has none (404). */
export async function statementById(endpoint: string, id: string, auth: string): Promise<StoredStatement | null> {
  const url = `${endpoint}statements?statementId=${encodeURIComponent(id)}`;
  const response = await fetch(url, { headers: { ...XAPI_HEADERS, Authorization: auth }, signal: AbortSignal.timeout(60_000) });
  if (response.status === 404) {
    await response.arrayBuffer();
    return null;
  }
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return (await response.json()) as StoredStatement;
}
