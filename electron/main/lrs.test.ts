// Runtime: Node (Vitest). The LRS connection and its requests: the secret kept encrypted by the system's
// secret store (a stand-in for safeStorage), and every request made with Node's fetch to a real HTTP
// server on loopback that answers as an LRS would, or stalls, redirects, or hangs up.
import { once } from 'node:events';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { lrsForTests } from '../../scripts/lib/lrs-server';
import type { SecretProtection } from './device-key';
import { aboutVersions, createLrsService, MAX_LRS_REPLY_CHARACTERS, nodeSecretFiles, type SecretFileAccess } from './lrs';

const FILE_PATH = '/home/ana/.config/Attaché/lrs-connection.json';

function memoryFiles(): SecretFileAccess & { stored: Map<string, Uint8Array> } {
  const stored = new Map<string, Uint8Array>();
  return {
    stored,
    read: vi.fn(async (filePath: string) => stored.get(filePath) ?? null),
    writePrivate: vi.fn(async (filePath: string, bytes: Uint8Array) => {
      stored.set(filePath, bytes);
    }),
    remove: vi.fn(async (filePath: string) => {
      stored.delete(filePath);
    }),
  };
}

/** A stand-in for safeStorage: "encrypts" by reversing and tagging, so a test can see the plain secret is not stored. */
function keychain(options: { available?: boolean; backend?: string } = {}): SecretProtection {
  return {
    isEncryptionAvailable: vi.fn(() => options.available ?? true),
    encryptString: vi.fn((plain: string) => Buffer.from(`sealed:${[...plain].reverse().join('')}`)),
    decryptString: vi.fn((sealed: Buffer) => {
      const text = sealed.toString();
      if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return [...text.slice('sealed:'.length)].reverse().join('');
    }),
    ...(options.backend ? { getSelectedStorageBackend: vi.fn(() => options.backend!) } : {}),
  };
}

interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

type Answer = (request: SeenRequest, response: ServerResponse) => void;

/** A real HTTP server on loopback; each test says how it answers. It records every request it reads whole. */
async function startServer(answer: Answer): Promise<{ url: string; seen: SeenRequest[]; server: Server }> {
  const seen: SeenRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const record = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) };
      seen.push(record);
      answer(record, response);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, server };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

function json(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(value));
}

/** Answers as an xAPI 1.0.3 LRS at /xapi/ does for the key `academy` and the secret `s3cret: pass`. */
const lrsLike: Answer = (request, response) => {
  if (request.url === '/xapi/about') return json(response, 200, { version: ['1.0.3', '1.0.2'] });
  const expected = `Basic ${Buffer.from('academy:s3cret: pass').toString('base64')}`;
  if (request.headers.authorization !== expected) return json(response, 401, { message: 'Unauthorised' });
  if (request.url === '/xapi/statements?limit=1' && request.method === 'GET') return json(response, 200, { statements: [], more: '' });
  if (request.url === '/xapi/statements' && request.method === 'POST') {
    const ids = (JSON.parse(request.body.toString('utf8')) as { id: string }[]).map((statement) => statement.id);
    return json(response, 200, ids);
  }
  return json(response, 404, { message: 'No route' });
};

function service(fetchTimeoutMs?: number, options: { files?: SecretFileAccess; safeStorage?: SecretProtection; platform?: string } = {}) {
  const files = options.files ?? memoryFiles();
  return createLrsService({
    filePath: FILE_PATH,
    files,
    safeStorage: options.safeStorage ?? keychain(),
    platform: options.platform ?? 'darwin',
    fetch: (url, init) => fetch(url, init),
    ...(fetchTimeoutMs !== undefined ? { timeoutMs: fetchTimeoutMs } : {}),
  });
}

const SECRET = 's3cret: pass';

describe('the stored connection', () => {
  it('keeps the secret encrypted by the system, gives the page only the endpoint, the key and how the secret is kept, and survives a restart', async () => {
    const files = memoryFiles();
    const safeStorage = keychain({ backend: 'gnome_libsecret' });
    const lrs = service(undefined, { files, safeStorage, platform: 'linux' });
    expect(await lrs.getConnection()).toBeNull();
    const connection = await lrs.setConnection({ endpoint: 'https://lrs.academy.example/xapi/', key: 'academy', secret: SECRET });
    expect(connection).toEqual({ endpoint: 'https://lrs.academy.example/xapi/', key: 'academy', storage: 'os-encrypted' });
    const text = new TextDecoder().decode(files.stored.get(FILE_PATH));
    expect(text).not.toContain(SECRET);
    expect(JSON.parse(text)).toMatchObject({ format: 1, protection: 'os', endpoint: 'https://lrs.academy.example/xapi/', key: 'academy' });
    expect(JSON.stringify(connection)).not.toContain(SECRET);

    const restarted = service(undefined, { files, safeStorage: keychain(), platform: 'linux' });
    expect(await restarted.getConnection()).toEqual(connection);
  });

  it('is stored unencrypted, and says so, where the system has no secret store', async () => {
    for (const safeStorage of [keychain({ available: false }), keychain({ backend: 'basic_text' })]) {
      const files = memoryFiles();
      const lrs = service(undefined, { files, safeStorage, platform: 'linux' });
      const connection = await lrs.setConnection({ endpoint: 'https://lrs.academy.example/xapi/', key: 'academy', secret: SECRET });
      expect(connection?.storage).toBe('unencrypted-file');
      expect(JSON.parse(new TextDecoder().decode(files.stored.get(FILE_PATH)))).toMatchObject({ protection: 'none', secret: SECRET });
      expect(safeStorage.encryptString).not.toHaveBeenCalled();
    }
  });

  it('keeps the stored secret when none is typed, but only for the same server, and forgets everything on request', async () => {
    const { url, seen } = await startServer(lrsLike);
    const files = memoryFiles();
    const lrs = service(undefined, { files });
    await expect(lrs.setConnection({ endpoint: `${url}/xapi/`, key: 'academy', secret: null })).rejects.toThrow(/No LRS secret is stored.*type the secret/);
    await lrs.setConnection({ endpoint: `${url}/old/`, key: 'academy', secret: SECRET });
    // The path changes, the server stays: the stored secret goes with the new endpoint.
    expect(await lrs.setConnection({ endpoint: `${url}/xapi/`, key: 'academy', secret: null })).toMatchObject({ endpoint: `${url}/xapi/` });
    expect(await lrs.postStatements({ statements: ['{"id":"a"}'] })).toMatchObject({ kind: 'answered', status: 200 });

    const before = files.stored.get(FILE_PATH);
    await expect(lrs.setConnection({ endpoint: 'https://elsewhere.example/xapi/', key: 'academy', secret: null })).rejects.toThrow(
      `The stored secret was given for ${url}, and is never sent elsewhere: type the secret for https://elsewhere.example to use it.`,
    );
    await expect(lrs.testConnection({ endpoint: 'https://elsewhere.example/xapi/', key: 'academy', secret: null })).rejects.toThrow(/never sent elsewhere/);
    expect(files.stored.get(FILE_PATH)).toBe(before);
    expect(seen.filter((request) => !request.url.startsWith('/xapi/'))).toEqual([]);

    expect(await lrs.setConnection(null)).toBeNull();
    expect(await lrs.getConnection()).toBeNull();
    expect(files.stored.has(FILE_PATH)).toBe(false);
    expect(await lrs.postStatements({ statements: ['{"id":"a"}'] })).toEqual({ kind: 'not-configured' });
    expect(seen).toHaveLength(1);
  });

  it('refuses a stored secret it cannot decrypt, or a damaged file, saying how to set the connection up again', async () => {
    const files = memoryFiles();
    await service(undefined, { files }).setConnection({ endpoint: 'https://lrs.academy.example/xapi/', key: 'academy', secret: SECRET });
    const otherAccount: SecretProtection = {
      ...keychain(),
      decryptString: vi.fn((): string => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      }),
    };
    const lrs = service(undefined, { files, safeStorage: otherAccount });
    expect(await lrs.getConnection()).toMatchObject({ key: 'academy' });
    await expect(lrs.postStatements({ statements: ['{"id":"a"}'] })).rejects.toThrow(
      /could not decrypt the secret.*forget the connection and set it up again/s,
    );
    await expect(service(undefined, { files, safeStorage: keychain({ available: false }) }).testConnection(null)).rejects.toThrow(
      /secret store.*is not available now/,
    );

    files.stored.set(FILE_PATH, new TextEncoder().encode('{"format":1,"endpoint":"https://x/"}'));
    await expect(service(undefined, { files }).getConnection()).rejects.toThrow(/not a connection Attaché wrote.*Settings → Academy → Learning record store/s);
    files.stored.set(FILE_PATH, new TextEncoder().encode('not json'));
    await expect(service(undefined, { files }).getConnection()).rejects.toThrow(FILE_PATH);
    // Forgetting works even then: it is how the damaged file goes away.
    expect(await service(undefined, { files }).setConnection(null)).toBeNull();
    expect(files.stored.size).toBe(0);
  });
});

describe('sending statements', () => {
  it('posts the batch to <endpoint>statements as one JSON array of the texts exactly as given, with xAPI and Basic auth headers', async () => {
    const { url, seen } = await startServer(lrsLike);
    const lrs = service();
    await lrs.setConnection({ endpoint: `${url}/xapi/`, key: 'academy', secret: SECRET });
    // Odd but valid spacing and key order: the bytes must go out untouched, never re-serialized.
    const statements = [
      '{ "id":"6f1c0a64-8b0e-5f1a-9d7e-2c4b8a3e1f00",  "verb":{"id":"http://adlnet.gov/expapi/verbs/passed"}}',
      '{"verb":{"display":{"ru":"завершил"}},"id":"b"}',
    ];
    const reply = await lrs.postStatements({ statements });
    expect(reply).toEqual({ kind: 'answered', status: 200, body: JSON.stringify(['6f1c0a64-8b0e-5f1a-9d7e-2c4b8a3e1f00', 'b']), retryAfter: null });

    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe('/xapi/statements');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['x-experience-api-version']).toBe('1.0.3');
    expect(request!.headers.authorization).toBe(`Basic ${Buffer.from(`academy:${SECRET}`).toString('base64')}`);
    expect(request!.body.toString('utf8')).toBe(`[${statements[0]},${statements[1]}]`);
  });

  it("answers with the LRS's status, its reply cut to a few kilobytes, and its Retry-After", async () => {
    const { url } = await startServer((request, response) => {
      if (request.url === '/conflict/statements') return json(response, 409, { message: 'is conflicting' });
      if (request.url === '/busy/statements') return json(response, 429, { message: 'slow down' }, { 'Retry-After': '120' });
      response.writeHead(500, { 'Content-Type': 'text/html' });
      response.end(`<html>${'Ошибка сервера. '.repeat(100_000)}</html>`);
    });
    const lrs = service();
    await lrs.setConnection({ endpoint: `${url}/conflict/`, key: 'academy', secret: SECRET });
    expect(await lrs.postStatements({ statements: ['{"id":"a"}'] })).toEqual({
      kind: 'answered',
      status: 409,
      body: '{"message":"is conflicting"}',
      retryAfter: null,
    });
    await lrs.setConnection({ endpoint: `${url}/busy/`, key: 'academy', secret: null });
    expect(await lrs.postStatements({ statements: ['{"id":"a"}'] })).toMatchObject({ status: 429, retryAfter: '120' });
    await lrs.setConnection({ endpoint: `${url}/broken/`, key: 'academy', secret: null });
    const reply = await lrs.postStatements({ statements: ['{"id":"a"}'] });
    expect(reply).toMatchObject({ kind: 'answered', status: 500 });
    const body = reply.kind === 'answered' ? reply.body : '';
    expect(body.startsWith('<html>Ошибка сервера.')).toBe(true);
    expect(body.length).toBe(MAX_LRS_REPLY_CHARACTERS + 1);
    expect(body.endsWith('…')).toBe(true);
  });

  it('answers a redirect without following it: the key and secret go only to the endpoint set', async () => {
    const { url, seen } = await startServer((request, response) => {
      if (request.url === '/xapi/statements') {
        response.writeHead(301, { Location: '/moved/xapi/statements' });
        return response.end();
      }
      json(response, 200, ['a']);
    });
    const lrs = service();
    await lrs.setConnection({ endpoint: `${url}/xapi/`, key: 'academy', secret: SECRET });
    const reply = await lrs.postStatements({ statements: ['{"id":"a"}'] });
    expect(reply).toMatchObject({
      kind: 'answered',
      status: 301,
      body: 'Redirected to /moved/xapi/statements: set that address as the endpoint if it is the LRS.',
    });
    expect(seen.map((request) => request.url)).toEqual(['/xapi/statements']);
  });

  it("says what to change when Electron's net.fetch refuses to follow a redirect", async () => {
    const lrs = createLrsService({
      filePath: FILE_PATH,
      files: memoryFiles(),
      safeStorage: keychain(),
      platform: 'darwin',
      // The error Electron's net.fetch throws for a redirect under redirect: 'manual'.
      fetch: () => Promise.reject(new Error('Redirect was cancelled')),
    });
    await lrs.setConnection({ endpoint: 'https://lrs.academy.example/xapi/', key: 'academy', secret: SECRET });
    expect(await lrs.postStatements({ statements: ['{"id":"a"}'] })).toEqual({
      kind: 'no-answer',
      reason: 'network',
      message:
        "The LRS sent the request elsewhere (Redirect was cancelled), which Attaché does not follow so that the key and secret go only to the endpoint set: set the endpoint to the LRS's own address (https://lrs.academy.example/xapi/statements).",
    });
  });

  it('gives up on an LRS that does not answer in time, and tells a timeout from a network failure', async () => {
    // This server reads the request and never answers: only the timeout can end the wait.
    const stalled = await startServer(() => undefined);
    const lrs = service(300);
    await lrs.setConnection({ endpoint: `${stalled.url}/xapi/`, key: 'academy', secret: SECRET });
    expect(await lrs.postStatements({ statements: ['{"id":"a"}'] })).toEqual({
      kind: 'no-answer',
      reason: 'timeout',
      message: `The LRS did not answer within 0.3 s (${stalled.url}/xapi/statements).`,
    });
    expect(stalled.seen).toHaveLength(1);

    // A server that hangs up halfway through its reply.
    const dropping = await startServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      response.write('["a"');
      response.socket?.destroy();
    });
    await lrs.setConnection({ endpoint: `${dropping.url}/xapi/`, key: 'academy', secret: SECRET });
    const dropped = await lrs.postStatements({ statements: ['{"id":"a"}'] });
    expect(dropped).toMatchObject({ kind: 'no-answer', reason: 'network' });

    // Nothing listens on a closed server's port.
    const closed = await startServer(() => undefined);
    await new Promise((resolve) => closed.server.close(resolve));
    await lrs.setConnection({ endpoint: `${closed.url}/xapi/`, key: 'academy', secret: SECRET });
    const refused = await lrs.postStatements({ statements: ['{"id":"a"}'] });
    expect(refused).toMatchObject({ kind: 'no-answer', reason: 'network' });
    expect(refused.kind === 'no-answer' && refused.message).toMatch(new RegExp(`ECONNREFUSED.*\\(${closed.url}/xapi/statements\\)`));
  });
});

describe('testing a connection', () => {
  it('reads the versions from about, then reads one statement with the key and secret', async () => {
    const { url, seen } = await startServer(lrsLike);
    const lrs = service();
    const result = await lrs.testConnection({ endpoint: `${url}/xapi/`, key: 'academy', secret: SECRET });
    expect(result).toEqual({
      reply: { kind: 'answered', status: 200, body: '{"statements":[],"more":""}', retryAfter: null },
      versions: ['1.0.3', '1.0.2'],
      step: 'statements',
    });
    expect(seen.map((request) => `${request.method} ${request.url}`)).toEqual(['GET /xapi/about', 'GET /xapi/statements?limit=1']);
    expect(seen.every((request) => request.headers['x-experience-api-version'] === '1.0.3')).toBe(true);
    // Testing stores nothing.
    expect(await lrs.getConnection()).toBeNull();
  });

  it('says the key and secret were refused', async () => {
    const { url } = await startServer(lrsLike);
    const result = await service().testConnection({ endpoint: `${url}/xapi/`, key: 'academy', secret: 'wrong' });
    expect(result).toMatchObject({ reply: { kind: 'answered', status: 401 }, versions: ['1.0.3', '1.0.2'], step: 'statements' });
  });

  it('stops at about when no xAPI LRS is there: a wrong path, a web page, or no server', async () => {
    const { url, seen } = await startServer((request, response) => {
      if (request.url === '/site/about') {
        response.writeHead(200, { 'Content-Type': 'text/html' });
        return response.end('<html>Welcome</html>');
      }
      json(response, 404, { message: 'No route' });
    });
    const lrs = service();
    expect(await lrs.testConnection({ endpoint: `${url}/wrong/`, key: 'academy', secret: SECRET })).toMatchObject({
      reply: { kind: 'answered', status: 404 },
      versions: [],
      step: 'about',
    });
    expect(await lrs.testConnection({ endpoint: `${url}/site/`, key: 'academy', secret: SECRET })).toMatchObject({
      reply: { kind: 'answered', status: 200, body: '<html>Welcome</html>' },
      versions: [],
      step: 'about',
    });
    expect(seen.map((request) => request.url)).toEqual(['/wrong/about', '/site/about']);

    const closed = await startServer(() => undefined);
    await new Promise((resolve) => closed.server.close(resolve));
    expect(await lrs.testConnection({ endpoint: `${closed.url}/xapi/`, key: 'academy', secret: SECRET })).toMatchObject({
      reply: { kind: 'no-answer', reason: 'network' },
      versions: [],
      step: 'about',
    });
  });

  it('tests the stored connection when given none, and says when there is none', async () => {
    const { url } = await startServer(lrsLike);
    const lrs = service();
    expect(await lrs.testConnection(null)).toEqual({ reply: { kind: 'not-configured' }, versions: [] });
    await lrs.setConnection({ endpoint: `${url}/xapi/`, key: 'academy', secret: SECRET });
    expect(await lrs.testConnection(null)).toMatchObject({ reply: { status: 200 }, step: 'statements' });
    expect(await lrs.testConnection({ endpoint: `${url}/xapi/`, key: 'academy', secret: null })).toMatchObject({ reply: { status: 200 }, step: 'statements' });
  });

  it('reads only string versions from about', () => {
    expect(aboutVersions('{"version":["1.0.3",2,null,"2.0.0"]}')).toEqual(['1.0.3', '2.0.0']);
    expect(aboutVersions('{"version":"1.0.3"}')).toEqual([]);
    expect(aboutVersions('[]')).toEqual([]);
    expect(aboutVersions('<html>')).toEqual([]);
  });
});

describe('the connection file on disk', () => {
  it('is readable by this user only, replaced whole, and deleted when forgotten', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'attache-lrs-'));
    const filePath = path.join(folder, 'lrs-connection.json');
    const lrs = createLrsService({ filePath, files: nodeSecretFiles, safeStorage: keychain(), platform: 'linux', fetch: (url, init) => fetch(url, init) });
    await lrs.setConnection({ endpoint: 'https://lrs.academy.example/xapi/', key: 'academy', secret: SECRET });
    await lrs.setConnection({ endpoint: 'https://lrs.academy.example/xapi/', key: 'academy2', secret: null });
    expect(readdirSync(folder)).toEqual(['lrs-connection.json']);
    if (process.platform !== 'win32') expect(statSync(filePath).mode & 0o777).toBe(0o600);
    expect(await createLrsService({ filePath, files: nodeSecretFiles, safeStorage: keychain(), platform: 'linux', fetch }).getConnection()).toMatchObject({
      key: 'academy2',
    });
    await lrs.setConnection(null);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe("against a real LRS (Learning Locker's xapi-statements on loopback)", { timeout: 180_000 }, () => {
  let real: { endpoint: string; stop(): Promise<void> };
  beforeAll(async () => {
    real = await lrsForTests();
  }, 180_000);
  afterAll(() => real?.stop());

  const statement = (id: string, verb: string) =>
    JSON.stringify({
      id,
      actor: { objectType: 'Agent', account: { homePage: 'https://academy.example.org', name: 'NDA-2026-017' } },
      verb: { id: `http://adlnet.gov/expapi/verbs/${verb}`, display: { en: verb } },
      object: { objectType: 'Activity', id: 'https://academy.example.org/attache/scenario' },
      timestamp: '2026-03-02T09:20:00.000Z',
    });

  it('tests the connection, takes a batch, takes it again unchanged, and refuses a changed or invalid statement', async () => {
    const lrs = service(10_000);
    expect(await lrs.testConnection({ endpoint: real.endpoint, key: 'academy', secret: SECRET })).toMatchObject({
      reply: { kind: 'answered', status: 200 },
      versions: expect.arrayContaining(['1.0.3']) as unknown as string[],
      step: 'statements',
    });
    await lrs.setConnection({ endpoint: real.endpoint, key: 'academy', secret: SECRET });
    const first = randomUUID();
    const second = randomUUID();
    const batch = [statement(first, 'initialized'), statement(second, 'passed')];
    const sent = await lrs.postStatements({ statements: batch });
    expect(sent).toMatchObject({ kind: 'answered', status: 200 });
    expect(JSON.parse((sent as { body: string }).body)).toEqual([first, second]);
    // The same statements again, byte for byte: accepted, nothing doubled.
    expect(await lrs.postStatements({ statements: batch })).toMatchObject({ kind: 'answered', status: 200 });
    // The same id with other content: a conflict, with the LRS's words.
    const changed = await lrs.postStatements({ statements: [statement(second, 'failed')] });
    expect(changed).toMatchObject({ kind: 'answered', status: 409 });
    expect((changed as { body: string }).body).toMatch(/conflict/i);
    const invalid = await lrs.postStatements({ statements: [JSON.stringify({ id: randomUUID(), verb: { id: 'not an iri' } })] });
    expect(invalid).toMatchObject({ kind: 'answered', status: 400 });
  });
});
