// Runtime: renderer. The LRS endpoint as typed in settings: tidied (spaces trimmed, the closing "/" added)
// and checked with the same rules the main process applies, so the form says what to fix in the reader's
// language before anything is sent.

export type EndpointIssue = 'empty' | 'invalid' | 'not-http' | 'credentials' | 'query';

/** The endpoint as it will be stored: trimmed, and ending in "/" (statements go to `<endpoint>statements`). */
export function tidyEndpoint(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.endsWith('/') || trimmed.includes('?') || trimmed.includes('#')) return trimmed;
  return `${trimmed}/`;
}

/** What is wrong with a tidied endpoint, or null when the main process will take it. */
export function endpointIssue(endpoint: string): EndpointIssue | null {
  if (endpoint === '') return 'empty';
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'invalid';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'not-http';
  if (url.username || url.password) return 'credentials';
  if (url.search || url.hash || endpoint.includes('?') || endpoint.includes('#')) return 'query';
  return null;
}

/** `scheme://host[:port]`: the server a secret is given for. */
export function serverOf(endpoint: string): string | null {
  try {
    const url = new URL(endpoint);
    return `${url.protocol}//${url.host}`;
  } catch {
    return null;
  }
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Plain http to another machine: the key and secret (and the records) cross the network readable by anyone on the way. */
export function isUnencryptedRemote(endpoint: string): boolean {
  try {
    const url = new URL(endpoint);
    return url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname) && !url.hostname.startsWith('127.');
  } catch {
    return false;
  }
}
