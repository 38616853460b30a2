// Runtime: Node (Vitest). What "Test connection" says for each answer, and the endpoint as typed.
import { describe, expect, it } from 'vitest';
import type { LrsReply, LrsTestResult } from '../../../../electron/contract/api';
import { endpointIssue, isUnencryptedRemote, serverOf, tidyEndpoint } from './endpoint';
import { testVerdict } from './test-result';

const ENDPOINT = 'https://lrs.academy.example/xapi/';
const answered = (status: number, body = ''): LrsReply => ({ kind: 'answered', status, body, retryAfter: null });
const result = (reply: LrsReply, step?: 'about' | 'statements', versions: string[] = []): LrsTestResult => ({ reply, versions, ...(step ? { step } : {}) });

describe('testVerdict', () => {
  it('names the step that failed, its address and status, and keeps the reply to show', () => {
    expect(testVerdict(result(answered(200, '{}'), 'statements', ['1.0.3']), ENDPOINT)).toMatchObject({ kind: 'ok', tone: 'success', versions: ['1.0.3'] });
    expect(testVerdict(result(answered(200, '{}'), 'statements', ['2.0.0']), ENDPOINT)).toMatchObject({ kind: 'okOtherVersion', tone: 'warning' });
    expect(testVerdict(result(answered(404, 'Not found'), 'about'), ENDPOINT)).toEqual({
      kind: 'aboutStatus',
      tone: 'error',
      status: 404,
      versions: [],
      detail: 'Not found',
      url: `${ENDPOINT}about`,
    });
    expect(testVerdict(result(answered(200, '<html>'), 'about'), ENDPOINT)).toMatchObject({ kind: 'notXapi', url: `${ENDPOINT}about` });
    expect(testVerdict(result(answered(401, 'no'), 'statements', ['1.0.3']), ENDPOINT)).toMatchObject({
      kind: 'credentials',
      status: 401,
      url: `${ENDPOINT}statements?limit=1`,
    });
    expect(testVerdict(result(answered(403), 'about'), ENDPOINT)).toMatchObject({ kind: 'credentials', detail: null });
    expect(testVerdict(result(answered(302, 'Redirected to /x'), 'about'), ENDPOINT)).toMatchObject({ kind: 'redirected' });
    expect(testVerdict(result(answered(503), 'statements', ['1.0.3']), ENDPOINT)).toMatchObject({ kind: 'serverError', status: 503 });
    expect(testVerdict(result(answered(405), 'statements', ['1.0.3']), ENDPOINT)).toMatchObject({ kind: 'statementsStatus' });
    expect(testVerdict(result({ kind: 'no-answer', reason: 'timeout', message: 'slow' }, 'about'), ENDPOINT)).toMatchObject({
      kind: 'timeout',
      detail: 'slow',
    });
    expect(testVerdict(result({ kind: 'no-answer', reason: 'network', message: 'ECONNREFUSED' }, 'about'), ENDPOINT)).toMatchObject({ kind: 'unreachable' });
    expect(testVerdict(result({ kind: 'not-configured' }), ENDPOINT)).toMatchObject({ kind: 'notConfigured' });
    expect(testVerdict(result({ kind: 'unsupported' }), ENDPOINT)).toMatchObject({ kind: 'unsupported' });
  });

  it('cuts a long reply', () => {
    const verdict = testVerdict(result(answered(500, 'x'.repeat(5000)), 'about'), ENDPOINT);
    expect(verdict.detail!.length).toBe(601);
  });
});

describe('the endpoint as typed', () => {
  it('is trimmed and given its closing "/", and checked as the main process checks it', () => {
    expect(tidyEndpoint('  https://lrs.example/xAPI ')).toBe('https://lrs.example/xAPI/');
    expect(tidyEndpoint('https://lrs.example/xAPI/')).toBe('https://lrs.example/xAPI/');
    expect(tidyEndpoint('https://lrs.example/x?y')).toBe('https://lrs.example/x?y');
    expect(endpointIssue('')).toBe('empty');
    expect(endpointIssue('lrs.example/')).toBe('invalid');
    expect(endpointIssue('ftp://lrs.example/')).toBe('not-http');
    expect(endpointIssue('https://a:b@lrs.example/')).toBe('credentials');
    expect(endpointIssue('https://lrs.example/x?y')).toBe('query');
    expect(endpointIssue('https://lrs.example/xAPI/')).toBeNull();
    expect(serverOf('http://127.0.0.1:18081/xAPI/')).toBe('http://127.0.0.1:18081');
  });

  it('warns of plain http only to another machine', () => {
    expect(isUnencryptedRemote('http://lrs.academy.example/xapi/')).toBe(true);
    expect(isUnencryptedRemote('http://127.0.0.1:18081/xAPI/')).toBe(false);
    expect(isUnencryptedRemote('http://localhost/xAPI/')).toBe(false);
    expect(isUnencryptedRemote('https://lrs.academy.example/xapi/')).toBe(false);
  });
});
