/**
 * An HTTP proxy on loopback in front of an S3 server, to put faults between the real SDK and the
 * server: bursts of 503 SlowDown, a connection dropped in the middle of an UploadPart, and (on
 * request) the `If-None-Match: *` check that fauxqs lacks, answered with 412 when the key exists.
 * fauxqs has no ListMultipartUploads, so the proxy counts multipart uploads itself: created,
 * completed, aborted; `openUploads()` is what a ListMultipartUploads would show.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultProxy {
  endpoint: string;
  /** The next `n` requests (matching `filter`, default all) get 503 SlowDown. */
  slowDown(n: number, filter?: (req: IncomingMessage) => boolean): void;
  /** The next `n` UploadPart requests lose their connection after the first body bytes. */
  dropUploadParts(n: number): void;
  /** Answer conditional PUTs as S3 does (412 when the key exists). */
  conditional: boolean;
  /** Upload ids created and neither completed nor aborted. */
  openUploads(): string[];
  /** Counts of what happened, for assertions. */
  readonly counts: {
    slowDowns: number;
    drops: number;
    preconditionFailed: number;
    uploadsCreated: number;
  };
  /** Every request body and response body seen, for leak checks. */
  readonly traffic: Buffer[];
  stop(): Promise<void>;
}

function errorXml(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
}

async function bodyOf(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

interface Upstream {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** A HEAD made from a PUT must not claim the PUT's body, or the server waits for it. */
function headersFor(req: IncomingMessage, method: string | undefined): IncomingMessage['headers'] {
  if (method !== 'HEAD') return req.headers;
  const { host, authorization } = req.headers;
  return { host, authorization };
}

function forward(
  target: URL,
  req: IncomingMessage,
  body: Buffer,
  method = req.method,
): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const out = request(
      {
        host: target.hostname,
        port: target.port,
        path: req.url,
        method,
        headers: headersFor(req, method),
        agent: false,
      },
      (res) => {
        bodyOf(res).then(
          (b) => resolve({ status: res.statusCode ?? 500, headers: res.headers, body: b }),
          reject,
        );
      },
    );
    out.on('error', reject);
    out.end(method === 'HEAD' ? undefined : body);
  });
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  let slow: { left: number; filter: (req: IncomingMessage) => boolean } = {
    left: 0,
    filter: () => true,
  };
  let dropsLeft = 0;
  const uploads = new Set<string>();
  const counts = { slowDowns: 0, drops: 0, preconditionFailed: 0, uploadsCreated: 0 };
  const traffic: Buffer[] = [];
  const proxy: FaultProxy = {
    endpoint: '',
    slowDown(n, filter = () => true) {
      slow = { left: n, filter };
    },
    dropUploadParts(n) {
      dropsLeft = n;
    },
    conditional: false,
    openUploads: () => [...uploads],
    counts,
    traffic,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const reply = (res: ServerResponse, status: number, code: string, message: string): void => {
    res.writeHead(status, { 'content-type': 'application/xml' });
    res.end(errorXml(code, message));
  };
  // Check and create as one step per key, as S3 does; without this two racing creates both win.
  const queues = new Map<string, Promise<unknown>>();
  const oneAtATime = <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const run = (queues.get(key) ?? Promise.resolve()).then(work, work);
    queues.set(
      key,
      run.catch(() => undefined),
    );
    return run;
  };
  const createIfAbsent = async (
    req: IncomingMessage,
    body: Buffer,
  ): Promise<Upstream | undefined> => {
    const head = await forward(target, req, Buffer.alloc(0), 'HEAD');
    return head.status === 200 ? undefined : forward(target, req, body);
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const isUploadPart = req.method === 'PUT' && url.searchParams.has('uploadId');
    if (isUploadPart && dropsLeft > 0) {
      dropsLeft -= 1;
      counts.drops += 1;
      // Take the first bytes of the part, then cut the connection mid-body.
      req.once('data', () => req.socket.destroy());
      return;
    }
    const body = await bodyOf(req);
    traffic.push(body);
    if (slow.left > 0 && slow.filter(req)) {
      slow.left -= 1;
      counts.slowDowns += 1;
      reply(res, 503, 'SlowDown', 'Please reduce your request rate.');
      return;
    }
    const conditional =
      proxy.conditional && req.method === 'PUT' && req.headers['if-none-match'] === '*';
    const up = conditional
      ? await oneAtATime(url.pathname, () => createIfAbsent(req, body))
      : await forward(target, req, body);
    if (up === undefined) {
      counts.preconditionFailed += 1;
      reply(
        res,
        412,
        'PreconditionFailed',
        'At least one of the pre-conditions you specified did not hold',
      );
      return;
    }
    traffic.push(up.body);
    track(req.method, url, up);
    res.writeHead(up.status, up.headers);
    res.end(up.body);
  };
  const track = (method: string | undefined, url: URL, up: Upstream): void => {
    if (up.status >= 300) return;
    const id = url.searchParams.get('uploadId');
    if (method === 'POST' && url.searchParams.has('uploads')) {
      const created = /<UploadId>([^<]+)<\/UploadId>/.exec(up.body.toString('utf8'))?.[1];
      if (created !== undefined) uploads.add(created);
      counts.uploadsCreated += 1;
    } else if (id !== null && (method === 'DELETE' || method === 'POST')) {
      uploads.delete(id);
    }
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => reply(res, 500, 'InternalError', String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  proxy.endpoint = `http://127.0.0.1:${port}`;
  return proxy;
}
