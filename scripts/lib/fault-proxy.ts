// Runtime: Node (tests and the bench). A small HTTP proxy in front of a real LRS that misbehaves as a
// plan says, request by request: it drops the connection (before or after the LRS has the request),
// answers 500, 429 with Retry-After, 413 or any status itself, or stalls — holds the request with no
// answer until the client gives up and closes the socket (so a test never races two timers: the
// client's timeout is the only clock). Everything else is passed through untouched.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  /** Forward to the LRS and pass its answer back. */
  | { kind: 'pass' }
  /** Close the connection without forwarding: the LRS never sees the request. */
  | { kind: 'drop' }
  /** Forward, wait for the LRS's answer, then close the connection instead of passing it on: the LRS has it, the client does not know. */
  | { kind: 'drop-after' }
  /** Answer this status itself without forwarding. */
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  /** Never answer; the request is held until the client closes the connection. */
  | { kind: 'stall' };

export interface ProxiedRequest {
  /** 1-based, in the order requests arrived. */
  number: number;
  method: string;
  path: string;
  /** The request's body as text. */
  body: string;
  fault: Fault;
  /** The status the client got (the LRS's, or the fault's); null while none, or when it got none. */
  status: number | null;
}

/** Chooses the fault for a request from its number and what it is. */
export type FaultPlan = (request: { number: number; method: string; path: string; body: string }) => Fault;

export interface FaultProxy {
  /** The proxy's address with the LRS endpoint's path (ending in `/`), to give the client instead of the LRS's. */
  endpoint: string;
  /** Every request so far, with the fault it met. */
  readonly requests: readonly ProxiedRequest[];
  /** Replaces the plan (e.g. "the cable is back": pass everything from now on). */
  setPlan(plan: FaultPlan): void;
  stop(): Promise<void>;
}

/** A plan from request numbers to faults; every other request passes. Only POSTs are counted when `postsOnly`. */
export function faultsByNumber(faults: Readonly<Record<number, Fault>>, options: { postsOnly?: boolean } = {}): FaultPlan {
  let posts = 0;
  return (request) => {
    if (options.postsOnly) {
      if (request.method !== 'POST') return { kind: 'pass' };
      posts += 1;
      return faults[posts] ?? { kind: 'pass' };
    }
    return faults[request.number] ?? { kind: 'pass' };
  };
}

export const passEverything: FaultPlan = () => ({ kind: 'pass' });

/** Starts the proxy on a free loopback port in front of the LRS at `target` (its xAPI endpoint). */
export async function startFaultProxy(target: string, plan: FaultPlan = passEverything): Promise<FaultProxy> {
  const upstream = new URL(target);
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  let current = plan;

  const forward = (request: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const outgoing = http.request(
        {
          hostname: upstream.hostname,
          port: upstream.port,
          method: request.method,
          path: request.url,
          headers: { ...request.headers, host: upstream.host, 'content-length': String(body.length) },
        },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }));
          answer.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const number = requests.length + 1;
      const info = { number, method: request.method ?? 'GET', path: request.url ?? '/', body: body.toString('utf8') };
      const fault = current(info);
      const entry: ProxiedRequest = { ...info, fault, status: null };
      requests.push(entry);
      switch (fault.kind) {
        case 'drop':
          request.socket.destroy();
          return;
        case 'stall':
          // Held with no answer: the client's timeout closes the socket, which ends it.
          return;
        case 'status':
          response.writeHead(fault.status, {
            'Content-Type': 'application/json',
            ...(fault.retryAfter !== undefined ? { 'Retry-After': fault.retryAfter } : {}),
            'X-Experience-API-Version': '1.0.3',
          });
          response.end(fault.body ?? JSON.stringify({ message: `fault proxy: ${fault.status}` }));
          entry.status = fault.status;
          return;
        case 'pass':
        case 'drop-after':
          forward(request, body).then(
            (answer) => {
              if (fault.kind === 'drop-after') {
                request.socket.destroy();
                return;
              }
              const headers = { ...answer.headers };
              delete headers['transfer-encoding'];
              delete headers.connection;
              response.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
              response.end(answer.body);
              entry.status = answer.status;
            },
            (error: Error) => {
              response.writeHead(502, { 'Content-Type': 'text/plain' });
              response.end(`fault proxy: the LRS could not be reached (${error.message})`);
              entry.status = 502;
            },
          );
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}${upstream.pathname}`,
    requests,
    setPlan(next) {
      current = next;
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
