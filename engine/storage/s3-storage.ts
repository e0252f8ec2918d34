/**
 * Storage on S3 (or any S3-compatible store): `s3://bucket/prefix`. Every storage path becomes
 * the key `prefix + path` (object-storage.ts). Creating the storage is synchronous and loads
 * nothing: the SDK is imported, and the client built, on the first call that needs it (see
 * `s3-client.ts`).
 */
import { createObjectStorage, type ObjectClient } from './object-storage.js';
import type { Env } from './s3-config.js';
import { S3StorageError } from './s3-errors.js';
import type { S3Location } from './s3-uri.js';
import type { Storage } from './storage.js';

export interface S3StorageOptions {
  /** Keys per ListObjectsV2 page (S3's maximum and default is 1000); for tests of paging. */
  maxKeys?: number;
  /** Bytes per multipart part (at least 5 MiB). */
  partSize?: number;
  /** Where the client settings are read from (default `process.env`). */
  env?: Env;
}

/** 8 MiB parts: S3's 10,000-part limit then allows objects up to 78 GiB. */
export const DEFAULT_PART_SIZE = 8 * 1024 * 1024;

export function createS3Storage(
  root: string,
  location: S3Location,
  opts: S3StorageOptions = {},
): Storage {
  let objects: Promise<ObjectClient> | undefined;
  const client = (): Promise<ObjectClient> =>
    (objects ??= import('./s3-client.js').then((sdk) =>
      sdk.createS3Objects({
        bucket: location.bucket,
        uriOf: (key) => `s3://${location.bucket}/${key}`,
        partSize: opts.partSize ?? DEFAULT_PART_SIZE,
        ...(opts.env !== undefined ? { env: opts.env } : {}),
      }),
    ));
  return createObjectStorage({
    root,
    scheme: 's3',
    base: `s3://${location.bucket}/`,
    prefix: location.prefix,
    client,
    missing: (uri) => new S3StorageError(`no such object: \`${uri}\``, 'ENOENT', 404),
    ...(opts.maxKeys !== undefined ? { maxKeys: opts.maxKeys } : {}),
  });
}
