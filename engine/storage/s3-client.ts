/**
 * The only module that imports the AWS SDK. `s3-storage.ts` loads it with `import()` on first
 * use, so a command that never touches an `s3://` URI never loads the SDK. It offers a small
 * client (a handful of methods on whole keys) and keeps every SDK type inside this file.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { s3ClientSettings, type Env } from './s3-config.js';
import { isMissingObject, isPreconditionFailed, storageErrorOf, statusOf } from './s3-errors.js';
import { openUploadSink } from './s3-sink.js';
import type { ObjectClient } from './object-storage.js';

/** `putIfAbsent` is PutObject with `If-None-Match: *`: false when the key exists (412). */
export type S3Objects = ObjectClient;

export interface S3ObjectsOptions {
  bucket: string;
  /** For messages: `s3://bucket/` plus the key. */
  uriOf: (key: string) => string;
  partSize: number;
  env?: Env;
}

/**
 * The SDK warns on every start under Node 20 that releases from 2027 need Node 22. augc pins the
 * SDK, so the warning says nothing a user can act on; the SDK's own switch turns it off, unless the
 * user has set that switch themselves.
 */
function quietNodeVersionWarning(): void {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
}

export function createS3Client(env: Env = process.env): S3Client {
  quietNodeVersionWarning();
  const settings = s3ClientSettings(env);
  return new S3Client({
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    maxAttempts: settings.maxAttempts,
    retryMode: settings.retryMode,
    ...(settings.endpoint !== undefined ? { endpoint: settings.endpoint } : {}),
  });
}

function bodyOf(data: Uint8Array | string): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
}

function rangeHeader(range: { start: number; end: number }): string {
  return `bytes=${range.start}-${range.end - 1}`;
}

export function createS3Objects(opts: S3ObjectsOptions): S3Objects {
  const client = createS3Client(opts.env);
  const Bucket = opts.bucket;
  const fail = (error: unknown, action: string, key: string): never => {
    throw storageErrorOf(error, action, opts.uriOf(key));
  };
  return {
    async put(Key, data) {
      await client
        .send(new PutObjectCommand({ Bucket, Key, Body: bodyOf(data) }))
        .catch((e) => fail(e, 'write', Key));
    },
    async putIfAbsent(Key, data) {
      try {
        await client.send(
          new PutObjectCommand({ Bucket, Key, Body: bodyOf(data), IfNoneMatch: '*' }),
        );
        return true;
      } catch (error) {
        if (isPreconditionFailed(error)) return false;
        return fail(error, 'create', Key);
      }
    },
    async head(Key) {
      try {
        const out = await client.send(new HeadObjectCommand({ Bucket, Key }));
        return { size: out.ContentLength ?? 0 };
      } catch (error) {
        if (isMissingObject(error)) return undefined;
        return fail(error, 'stat', Key);
      }
    },
    async get(Key, range) {
      try {
        const Range = range === undefined ? undefined : rangeHeader(range);
        const out = await client.send(
          new GetObjectCommand({ Bucket, Key, ...(Range !== undefined ? { Range } : {}) }),
        );
        return (out.Body ?? Readable.from([])) as AsyncIterable<Uint8Array>;
      } catch (error) {
        // A range that starts at or past the end is 416 on S3; a local read there returns nothing.
        if (range !== undefined && statusOf(error) === 416) return Readable.from([]);
        return fail(error, 'read', Key);
      }
    },
    async listPage(Prefix, ContinuationToken, MaxKeys) {
      try {
        const out = await client.send(
          new ListObjectsV2Command({
            Bucket,
            Prefix,
            ...(ContinuationToken !== undefined ? { ContinuationToken } : {}),
            ...(MaxKeys !== undefined ? { MaxKeys } : {}),
          }),
        );
        const keys = (out.Contents ?? []).flatMap((o) => (o.Key === undefined ? [] : [o.Key]));
        return { keys, next: out.IsTruncated === true ? out.NextContinuationToken : undefined };
      } catch (error) {
        return fail(error, 'list', Prefix);
      }
    },
    async remove(Key) {
      // DeleteObject of a missing key succeeds (204), which is what Storage promises.
      await client
        .send(new DeleteObjectCommand({ Bucket, Key }))
        .catch((e) => fail(e, 'remove', Key));
    },
    upload: (Key) =>
      openUploadSink({
        client,
        bucket: Bucket,
        key: Key,
        uri: opts.uriOf(Key),
        partSize: opts.partSize,
      }),
  };
}
