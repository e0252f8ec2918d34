/**
 * The object store behind the test GCS server (gcs-server.ts): buckets of objects with
 * generations, the preconditions the JSON API checks (`ifGenerationMatch`, with 0 meaning "only
 * if absent") and resumable upload sessions, which become an object only when their last byte
 * arrives. Kept in memory (the Batch fake's gcsfuse stand-in reads and writes it directly).
 */
import { createHash, randomBytes } from 'node:crypto';
import { CRC32C } from '@google-cloud/storage';

export interface StoredObject {
  data: Buffer;
  generation: number;
  contentType: string;
  created: string;
}

export interface UploadSession {
  id: string;
  bucket: string;
  name: string;
  ifGenerationMatch: number | undefined;
  contentType: string;
  chunks: Buffer[];
  received: number;
  state: 'open' | 'done' | 'cancelled';
}

/** A failure the JSON API reports: HTTP status, reason and message. */
export class GcsFault extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/** GCS: at most 1024 bytes of UTF-8, no CR or LF, not `.` or `..`. */
export function checkObjectName(name: string): void {
  if (name === '' || Buffer.byteLength(name) > 1024 || /[\r\n]/.test(name) || /^\.\.?$/.test(name))
    throw new GcsFault(400, 'invalid', `Invalid object name: ${JSON.stringify(name)}`);
}

export function crc32cOf(data: Buffer): string {
  const crc = new CRC32C();
  crc.update(data);
  return crc.toString();
}

export function md5Of(data: Buffer): string {
  return createHash('md5').update(data).digest('base64');
}

export class ObjectStore {
  private readonly buckets = new Map<string, Map<string, StoredObject>>();
  readonly sessions = new Map<string, UploadSession>();
  private nextGeneration = 1_700_000_000_000_000;

  createBucket(name: string): void {
    if (!this.buckets.has(name)) this.buckets.set(name, new Map());
  }

  bucket(name: string): Map<string, StoredObject> {
    const b = this.buckets.get(name);
    if (!b) throw new GcsFault(404, 'notFound', 'The specified bucket does not exist.');
    return b;
  }

  get(bucket: string, name: string): StoredObject {
    const found = this.bucket(bucket).get(name);
    if (!found) throw new GcsFault(404, 'notFound', `No such object: ${bucket}/${name}`);
    return found;
  }

  /** `ifGenerationMatch`: 0 means the object must not exist; N that its generation is N. */
  checkPrecondition(bucket: string, name: string, ifGenerationMatch: number | undefined): void {
    if (ifGenerationMatch === undefined) return;
    const current = this.bucket(bucket).get(name)?.generation ?? 0;
    if (current !== ifGenerationMatch)
      throw new GcsFault(
        412,
        'conditionNotMet',
        'At least one of the pre-conditions you specified did not hold.',
      );
  }

  put(
    bucket: string,
    name: string,
    data: Buffer,
    contentType: string,
    ifGenerationMatch?: number,
  ): StoredObject {
    checkObjectName(name);
    this.checkPrecondition(bucket, name, ifGenerationMatch);
    const object = {
      data,
      generation: this.nextGeneration++,
      contentType,
      created: new Date().toISOString(),
    };
    this.bucket(bucket).set(name, object);
    return object;
  }

  remove(bucket: string, name: string, ifGenerationMatch?: number): void {
    this.get(bucket, name);
    this.checkPrecondition(bucket, name, ifGenerationMatch);
    this.bucket(bucket).delete(name);
  }

  /** Names under `prefix` in lexicographic (byte) order, as GCS lists them. */
  names(bucket: string, prefix: string): string[] {
    return [...this.bucket(bucket).keys()]
      .filter((n) => n.startsWith(prefix))
      .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  }

  openSession(
    bucket: string,
    name: string,
    contentType: string,
    ifGenerationMatch: number | undefined,
  ): UploadSession {
    checkObjectName(name);
    this.bucket(bucket);
    this.checkPrecondition(bucket, name, ifGenerationMatch);
    const id = randomBytes(12).toString('hex');
    const session: UploadSession = {
      id,
      bucket,
      name,
      ifGenerationMatch,
      contentType,
      chunks: [],
      received: 0,
      state: 'open',
    };
    this.sessions.set(id, session);
    return session;
  }

  /** Sessions neither finished nor cancelled: uploads a client started and never completed. */
  openSessions(): UploadSession[] {
    return [...this.sessions.values()].filter((s) => s.state === 'open');
  }
}

export function metadataOf(bucket: string, name: string, o: StoredObject): Record<string, string> {
  return {
    kind: 'storage#object',
    id: `${bucket}/${name}/${o.generation}`,
    name,
    bucket,
    generation: String(o.generation),
    metageneration: '1',
    contentType: o.contentType,
    size: String(o.data.length),
    md5Hash: md5Of(o.data),
    crc32c: crc32cOf(o.data),
    etag: md5Of(Buffer.from(String(o.generation))),
    storageClass: 'STANDARD',
    timeCreated: o.created,
    updated: o.created,
  };
}
