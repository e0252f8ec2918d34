/**
 * The only module that imports @google-cloud/storage. `gcs-storage.ts` loads it with `import()`
 * on first use, so a command that never touches a `gs://` URI never loads the client. It offers
 * the small ObjectClient of object-storage.ts and keeps every client type inside this file.
 */
import { IdempotencyStrategy, Storage as GcsClient, type File } from '@google-cloud/storage';
import { gcsClientSettings } from './gcs-config.js';
import { gcsErrorOf, gcsStatusOf, isMissingObject, isPreconditionFailed } from './gcs-errors.js';
import { openGcsUploadSink } from './gcs-sink.js';
import type { ObjectClient } from './object-storage.js';
import type { Env } from './s3-config.js';

export interface GcsObjectsOptions {
  bucket: string;
  /** For messages: `gs://bucket/` plus the object name. */
  uriOf: (name: string) => string;
  /** Bytes per resumable-upload request (a multiple of 256 KiB). */
  chunkSize: number;
  env?: Env;
}

export function createGcsClient(env: Env = process.env): GcsClient {
  const settings = gcsClientSettings(env);
  return new GcsClient({
    ...(settings.emulatorHost !== undefined ? { apiEndpoint: settings.emulatorHost } : {}),
    retryOptions: {
      maxRetries: settings.maxRetries,
      // Every augc write sends a whole object (or a whole chunk of a resumable session), so a
      // repeated request leaves the same object: retrying it is always safe.
      idempotencyStrategy: IdempotencyStrategy.RetryAlways,
    },
  });
}

function bodyOf(data: Uint8Array | string): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
}

/** The bytes of `file` (or of `[start, end)`), with the client's errors made Storage errors. */
async function* readObject(
  file: File,
  uri: string,
  range: { start: number; end: number } | undefined,
): AsyncIterable<Uint8Array> {
  // Ranges carry no whole-object hash to check; whole reads are checked against the CRC32C.
  const opts = range === undefined ? {} : { start: range.start, end: range.end - 1 };
  try {
    for await (const chunk of file.createReadStream(opts)) yield chunk as Buffer;
  } catch (error) {
    // A range that starts at or past the end is 416 on GCS; a local read there returns nothing.
    if (range !== undefined && gcsStatusOf(error) === 416) return;
    throw gcsErrorOf(error, 'read', uri);
  }
}

export function createGcsObjects(opts: GcsObjectsOptions): ObjectClient {
  const bucket = createGcsClient(opts.env).bucket(opts.bucket);
  const fail = (error: unknown, action: string, name: string): never => {
    throw gcsErrorOf(error, action, opts.uriOf(name));
  };
  return {
    async put(name, data) {
      await bucket
        .file(name)
        .save(bodyOf(data), { resumable: false })
        .catch((e: unknown) => fail(e, 'write', name));
    },
    async putIfAbsent(name, data) {
      try {
        const preconditionOpts = { ifGenerationMatch: 0 };
        await bucket.file(name).save(bodyOf(data), { resumable: false, preconditionOpts });
        return true;
      } catch (error) {
        if (isPreconditionFailed(error)) return false;
        return fail(error, 'create', name);
      }
    },
    async head(name) {
      try {
        const [meta] = await bucket.file(name).getMetadata();
        return { size: Number(meta.size ?? 0) };
      } catch (error) {
        if (isMissingObject(error)) return undefined;
        return fail(error, 'stat', name);
      }
    },
    get: (name, range) => Promise.resolve(readObject(bucket.file(name), opts.uriOf(name), range)),
    async listPage(prefix, pageToken, maxResults) {
      try {
        const [files, next] = await bucket.getFiles({
          prefix,
          autoPaginate: false,
          ...(pageToken !== undefined ? { pageToken } : {}),
          ...(maxResults !== undefined ? { maxResults } : {}),
        });
        const token = (next as { pageToken?: string } | null | undefined)?.pageToken;
        return { keys: files.map((f) => f.name), next: token };
      } catch (error) {
        return fail(error, 'list', prefix);
      }
    },
    async remove(name) {
      await bucket
        .file(name)
        .delete({ ignoreNotFound: true })
        .catch((e: unknown) => fail(e, 'remove', name));
    },
    upload: (name) =>
      openGcsUploadSink({
        file: bucket.file(name),
        uri: opts.uriOf(name),
        chunkSize: opts.chunkSize,
      }),
  };
}
