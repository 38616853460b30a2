// Runtime: renderer. What a "Test connection" found, as one verdict the settings show: reached or not,
// the xAPI versions, whether the key and secret were accepted, and otherwise which step failed and why.
import type { LrsReply, LrsTestResult } from '../../../../electron/contract/api';

export type TestVerdictKind =
  /** Reached, an xAPI LRS, the key and secret accepted. */
  | 'ok'
  /** As ok, but it lists no 1.0.x version, which is what Attaché sends. */
  | 'okOtherVersion'
  | 'timeout'
  | 'unreachable'
  /** Something answered `about` with an error status: most often a wrong path (404). */
  | 'aboutStatus'
  | 'redirected'
  /** Something answered `about`, but not as an xAPI LRS (no versions listed). */
  | 'notXapi'
  /** The LRS refused the key and secret (401/403). */
  | 'credentials'
  /** The LRS had an error of its own (5xx) or asked to wait (429). */
  | 'serverError'
  /** Reading a statement failed otherwise. */
  | 'statementsStatus'
  | 'notConfigured'
  | 'unsupported';

export interface TestVerdict {
  kind: TestVerdictKind;
  tone: 'success' | 'warning' | 'error';
  status: number | null;
  versions: string[];
  /** The LRS's reply or the network's words, to show as they came. */
  detail: string | null;
  /** The address the failing request went to. */
  url: string | null;
}

const REPLY_SHOWN_CHARACTERS = 600;

function shown(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  return trimmed.length > REPLY_SHOWN_CHARACTERS ? `${trimmed.slice(0, REPLY_SHOWN_CHARACTERS)}…` : trimmed;
}

function failure(kind: TestVerdictKind, reply: LrsReply, versions: string[], url: string): TestVerdict {
  return {
    kind,
    tone: 'error',
    status: reply.kind === 'answered' ? reply.status : null,
    versions,
    detail: reply.kind === 'answered' ? shown(reply.body) : reply.kind === 'no-answer' ? shown(reply.message) : null,
    url,
  };
}

export function testVerdict(result: LrsTestResult, endpoint: string): TestVerdict {
  const { reply, versions, step } = result;
  if (reply.kind === 'not-configured') return { kind: 'notConfigured', tone: 'warning', status: null, versions, detail: null, url: null };
  if (reply.kind === 'unsupported') return { kind: 'unsupported', tone: 'warning', status: null, versions, detail: null, url: null };
  const url = step === 'statements' ? `${endpoint}statements?limit=1` : `${endpoint}about`;
  if (reply.kind === 'no-answer') return failure(reply.reason === 'timeout' ? 'timeout' : 'unreachable', reply, versions, url);
  const { status } = reply;
  if (status >= 300 && status < 400) return failure('redirected', reply, versions, url);
  if (status === 401 || status === 403) return failure('credentials', reply, versions, url);
  if (status === 429 || status >= 500) return failure('serverError', reply, versions, url);
  if (step !== 'statements') return failure(status >= 200 && status < 300 ? 'notXapi' : 'aboutStatus', reply, versions, url);
  if (status < 200 || status >= 300) return failure('statementsStatus', reply, versions, url);
  const speaksOne = versions.some((version) => version.startsWith('1.0.'));
  return { kind: speaksOne ? 'ok' : 'okOtherVersion', tone: speaksOne ? 'success' : 'warning', status, versions, detail: null, url: null };
}
