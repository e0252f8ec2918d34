/**
 * A local server for the subset of the Cloud Storage JSON API that @google-cloud/storage uses for
 * augc: object metadata, media downloads with ranges and hashes, paged listing, delete, and the
 * three upload types (media, multipart, resumable with 256 KiB-aligned chunks), each with the
 * `ifGenerationMatch` precondition (0: only if absent -> 412). The real client reaches it through
 * its documented `STORAGE_EMULATOR_HOST`. Loopback only; started and stopped by the tests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gcsUpload, type UploadContext } from './gcs-upload.js';
import { crc32cOf, GcsFault, md5Of, metadataOf, ObjectStore } from './gcs-objects.js';

export interface GcsTestServer {
  /** `http://127.0.0.1:PORT`, what `STORAGE_EMULATOR_HOST` is set to. */
  endpoint: string;
  bucket: string;
  env: Record<string, string>;
  store: ObjectStore;
  /** The next `n` requests matching `filter` (default: all) get 503. */
  failNext(n: number, filter?: (req: IncomingMessage) => boolean): void;
  /** Requests seen, as `METHOD kind` (e.g. `PUT resumable ifGenerationMatch=0`), for assertions. */
  readonly requests: string[];
  /** URLs of requests that carried an Authorization header (an emulator client sends none). */
  readonly authorized: string[];
  stop(): Promise<void>;
}

const MAX_PAGE = 1000;

function send(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function sendFault(res: ServerResponse, f: GcsFault): void {
  send(res, f.status, {
    error: {
      code: f.status,
      message: f.message,
      errors: [{ message: f.message, domain: 'global', reason: f.reason }],
    },
  });
}

function generationParam(url: URL): number | undefined {
  const raw = url.searchParams.get('ifGenerationMatch');
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw)) throw new GcsFault(400, 'invalid', `Invalid ifGenerationMatch ${raw}`);
  return Number(raw);
}

/** `/storage/v1/b/B/o/NAME`, `/b/B/o` (the emulator form), `/upload/storage/v1/b/B/o`. */
function routeOf(url: URL): { upload: boolean; bucket: string; object?: string } | undefined {
  const m = /^(\/upload)?(?:\/storage\/v1)?\/b\/([^/]+)\/o(?:\/(.+))?$/.exec(url.pathname);
  if (!m?.[2]) return undefined;
  const object = m[3] === undefined ? undefined : decodeURIComponent(m[3]);
  return {
    upload: m[1] !== undefined,
    bucket: decodeURIComponent(m[2]),
    ...(object !== undefined ? { object } : {}),
  };
}

function list(store: ObjectStore, bucket: string, url: URL, res: ServerResponse): void {
  const prefix = url.searchParams.get('prefix') ?? '';
  const asked = Number(url.searchParams.get('maxResults') ?? MAX_PAGE);
  const size = Math.min(MAX_PAGE, Number.isInteger(asked) && asked > 0 ? asked : MAX_PAGE);
  const token = url.searchParams.get('pageToken');
  const after = token === null ? undefined : Buffer.from(token, 'base64url').toString();
  const names = store.names(bucket, prefix);
  const start = after === undefined ? 0 : names.findIndex((n) => n > after);
  const page = start < 0 ? [] : names.slice(start, start + size);
  const more = start >= 0 && start + size < names.length;
  const last = page.at(-1);
  send(res, 200, {
    kind: 'storage#objects',
    items: page.map((n) => metadataOf(bucket, n, store.get(bucket, n))),
    ...(more && last !== undefined
      ? { nextPageToken: Buffer.from(last).toString('base64url') }
      : {}),
  });
}

/** `Range: bytes=a-b` (b inclusive, may be absent); 416 when `a` is past the end. */
function download(req: IncomingMessage, res: ServerResponse, data: Buffer, gen: number): void {
  const headers = {
    'content-type': 'application/octet-stream',
    'x-goog-hash': `crc32c=${crc32cOf(data)},md5=${md5Of(data)}`,
    'x-goog-generation': String(gen),
    'x-goog-stored-content-encoding': 'identity',
  };
  const m = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
  if (!m) {
    res.writeHead(200, { ...headers, 'content-length': data.length });
    res.end(data);
    return;
  }
  const start = Number(m[1]);
  const end = m[2] ? Math.min(Number(m[2]), data.length - 1) : data.length - 1;
  if (start >= data.length) {
    sendFault(
      res,
      new GcsFault(416, 'requestedRangeNotSatisfiable', 'Request range not satisfiable'),
    );
    return;
  }
  const part = data.subarray(start, end + 1);
  res.writeHead(206, {
    ...headers,
    'content-length': part.length,
    'content-range': `bytes ${start}-${end}/${data.length}`,
  });
  res.end(part);
}

function handleObject(
  store: ObjectStore,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  where: { bucket: string; object: string },
): void {
  const { bucket, object } = where;
  if (req.method === 'DELETE') {
    store.remove(bucket, object, generationParam(url));
    res.writeHead(204).end();
    return;
  }
  if (req.method !== 'GET') throw new GcsFault(405, 'methodNotAllowed', `${req.method} on object`);
  const found = store.get(bucket, object);
  store.checkPrecondition(bucket, object, generationParam(url));
  if (url.searchParams.get('alt') === 'media') download(req, res, found.data, found.generation);
  else send(res, 200, metadataOf(bucket, object, found));
}

export async function startGcsServer(bucket = 'augc-test'): Promise<GcsTestServer> {
  const store = new ObjectStore();
  store.createBucket(bucket);
  const requests: string[] = [];
  const authorized: string[] = [];
  const faults: { left: number; filter: (req: IncomingMessage) => boolean }[] = [];
  let endpoint = '';
  const upload: UploadContext = { store, endpoint: () => endpoint };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = routeOf(url);
    const kind = url.searchParams.get('uploadType') ?? (route?.object ? 'object' : 'list');
    const gen = url.searchParams.get('ifGenerationMatch');
    requests.push(`${req.method} ${kind}${gen !== null ? ` ifGenerationMatch=${gen}` : ''}`);
    if (req.headers.authorization !== undefined) authorized.push(req.url ?? '');
    const fault = faults.find((f) => f.left > 0 && f.filter(req));
    if (fault) {
      fault.left -= 1;
      req.resume();
      sendFault(res, new GcsFault(503, 'backendError', 'Service Unavailable (injected)'));
      return;
    }
    if (!route) throw new GcsFault(404, 'notFound', `Not Found: ${url.pathname}`);
    if (route.upload) return gcsUpload(upload, req, res, url, route.bucket);
    if (route.object !== undefined)
      return handleObject(store, req, res, url, { bucket: route.bucket, object: route.object });
    if (req.method === 'GET') return list(store, route.bucket, url, res);
    throw new GcsFault(405, 'methodNotAllowed', `${req.method} on a bucket's objects`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof GcsFault) return sendFault(res, error);
      sendFault(res, new GcsFault(500, 'internalError', String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    bucket,
    env: { STORAGE_EMULATOR_HOST: endpoint },
    store,
    requests,
    authorized,
    failNext(n, filter = () => true) {
      faults.push({ left: n, filter });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
