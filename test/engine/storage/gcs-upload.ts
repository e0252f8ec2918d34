/**
 * The upload half of the test GCS server: `uploadType=media` (the body is the object),
 * `multipart` (a JSON metadata part then the media part) and `resumable` (POST opens a session,
 * PUTs carry `Content-Range` chunks, the object exists only once the last byte is in). As on GCS,
 * a chunk that is not the last must be a multiple of 256 KiB, the precondition is checked when the
 * session opens and again when the object is created, and a request whose body is cut off
 * creates nothing.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GcsFault, metadataOf, type ObjectStore, type UploadSession } from './gcs-objects.js';

export interface UploadContext {
  store: ObjectStore;
  endpoint: () => string;
}

const CHUNK_ALIGN = 256 * 1024;

/** The whole body, or a rejection when the client cut the request off. */
function bodyOf(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('aborted', () => reject(new Error('request aborted')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': text.length });
  res.end(text);
}

function generationParam(url: URL): number | undefined {
  const raw = url.searchParams.get('ifGenerationMatch');
  return raw === null ? undefined : Number(raw);
}

/** `multipart/related`: part 1 the JSON metadata, part 2 the bytes. */
function parseMultipart(
  body: Buffer,
  contentType: string,
): { meta: Record<string, unknown>; data: Buffer } {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (boundary === undefined) throw new GcsFault(400, 'invalid', 'multipart body without boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Buffer[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const next = body.indexOf(delimiter, at + delimiter.length);
    if (next < 0) break;
    parts.push(body.subarray(at + delimiter.length, next));
    at = next;
  }
  const [metaPart, dataPart] = parts.map((p) => {
    const split = p.indexOf('\r\n\r\n');
    // Each part is `\r\n<headers>\r\n\r\n<content>\r\n`.
    return p.subarray(split + 4, p.length - 2);
  });
  if (!metaPart || !dataPart) throw new GcsFault(400, 'invalid', 'multipart body needs two parts');
  return { meta: JSON.parse(metaPart.toString('utf8')) as Record<string, unknown>, data: dataPart };
}

function nameOf(url: URL, meta: Record<string, unknown>): string {
  const name = url.searchParams.get('name') ?? meta['name'];
  if (typeof name !== 'string') throw new GcsFault(400, 'required', 'Required parameter: name');
  return name;
}

function created(ctx: UploadContext, res: ServerResponse, bucket: string, name: string): void {
  json(res, 200, metadataOf(bucket, name, ctx.store.get(bucket, name)));
}

/** `Content-Range: bytes a-b/total`, `bytes a-*`/total, `bytes *`/total (a status query). */
function parseContentRange(header: string | undefined): {
  start?: number;
  total?: number;
} {
  const m = /^bytes (\*|(\d+)-(\d+|\*))\/(\d+|\*)$/.exec(header ?? '');
  if (!m) throw new GcsFault(400, 'invalid', `bad Content-Range ${JSON.stringify(header)}`);
  return {
    ...(m[2] !== undefined ? { start: Number(m[2]) } : {}),
    ...(m[4] !== '*' ? { total: Number(m[4]) } : {}),
  };
}

function incomplete(res: ServerResponse, session: UploadSession): void {
  const range = session.received > 0 ? { range: `bytes=0-${session.received - 1}` } : {};
  res.writeHead(308, { 'content-length': 0, ...range });
  res.end();
}

async function putChunk(
  ctx: UploadContext,
  req: IncomingMessage,
  res: ServerResponse,
  session: UploadSession,
): Promise<void> {
  const range = parseContentRange(req.headers['content-range']);
  const body = await bodyOf(req);
  if (session.state !== 'open') throw new GcsFault(410, 'gone', 'upload session is closed');
  if (range.start !== undefined && body.length > 0) {
    if (range.start !== session.received)
      throw new GcsFault(
        400,
        'invalid',
        `chunk starts at ${range.start}, expected ${session.received}`,
      );
    session.chunks.push(body);
    session.received += body.length;
  }
  // Without a total, the request's end is the object's end only for a single streamed request.
  const total =
    range.total ?? (req.headers['content-range']?.includes('-*/') ? session.received : undefined);
  if (total === undefined || session.received < total) {
    if (body.length % CHUNK_ALIGN !== 0)
      throw new GcsFault(
        400,
        'invalid',
        'a chunk that is not the last must be a multiple of 256 KiB',
      );
    return incomplete(res, session);
  }
  const { bucket, name } = session;
  ctx.store.put(
    bucket,
    name,
    Buffer.concat(session.chunks),
    session.contentType,
    session.ifGenerationMatch,
  );
  session.state = 'done';
  created(ctx, res, bucket, name);
}

export async function gcsUpload(
  ctx: UploadContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  bucket: string,
): Promise<void> {
  const type = url.searchParams.get('uploadType');
  const sessionId = url.searchParams.get('upload_id');
  if (sessionId !== null) {
    const session = ctx.store.sessions.get(sessionId);
    if (!session) throw new GcsFault(404, 'notFound', 'No such upload session');
    if (req.method === 'DELETE') {
      session.state = 'cancelled';
      res.writeHead(499).end();
      return;
    }
    return putChunk(ctx, req, res, session);
  }
  const body = await bodyOf(req);
  const contentType = req.headers['content-type'] ?? 'application/octet-stream';
  if (type === 'media') {
    const name = nameOf(url, {});
    ctx.store.put(bucket, name, body, contentType, generationParam(url));
    return created(ctx, res, bucket, name);
  }
  if (type === 'multipart') {
    const { meta, data } = parseMultipart(body, contentType);
    const name = nameOf(url, meta);
    const type =
      typeof meta['contentType'] === 'string' ? meta['contentType'] : 'application/octet-stream';
    ctx.store.put(bucket, name, data, type, generationParam(url));
    return created(ctx, res, bucket, name);
  }
  if (type !== 'resumable') throw new GcsFault(400, 'invalid', `uploadType ${String(type)}`);
  const meta =
    body.length > 0 ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
  const name = nameOf(url, meta);
  const objectType = req.headers['x-upload-content-type'] ?? 'application/octet-stream';
  const session = ctx.store.openSession(bucket, name, String(objectType), generationParam(url));
  const location = `${ctx.endpoint()}/upload/storage/v1/b/${encodeURIComponent(bucket)}/o?uploadType=resumable&upload_id=${session.id}`;
  res.writeHead(200, { location, 'content-length': 0 });
  res.end();
}
