/**
 * Storage on Google Cloud Storage: `gs://bucket/prefix`. Every storage path becomes the object
 * name `prefix + path` (object-storage.ts). Creating the storage is synchronous and loads
 * nothing: @google-cloud/storage is imported, and the client built, on the first call that needs
 * it (see `gcs-client.ts`).
 */
import { GcsStorageError } from './gcs-errors.js';
import type { GcsLocation } from './gcs-uri.js';
import { createObjectStorage, type ObjectClient } from './object-storage.js';
import type { Env } from './s3-config.js';
import type { Storage } from './storage.js';

export interface GcsStorageOptions {
  /** Names per listing page (GCS's maximum and default is 1000); for tests of paging. */
  maxKeys?: number;
  /** Bytes per resumable-upload request (a multiple of 256 KiB). */
  chunkSize?: number;
  /** Where the client settings are read from (default `process.env`). */
  env?: Env;
}

/** 8 MiB, the client's recommended minimum for chunked uploads; each chunk is held in memory. */
export const DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024;

export function createGcsStorage(
  root: string,
  location: GcsLocation,
  opts: GcsStorageOptions = {},
): Storage {
  let objects: Promise<ObjectClient> | undefined;
  const client = (): Promise<ObjectClient> =>
    (objects ??= import('./gcs-client.js').then((sdk) =>
      sdk.createGcsObjects({
        bucket: location.bucket,
        uriOf: (name) => `gs://${location.bucket}/${name}`,
        chunkSize: opts.chunkSize ?? DEFAULT_CHUNK_SIZE,
        ...(opts.env !== undefined ? { env: opts.env } : {}),
      }),
    ));
  return createObjectStorage({
    root,
    scheme: 'gs',
    base: `gs://${location.bucket}/`,
    prefix: location.prefix,
    client,
    missing: (uri) => new GcsStorageError(`no such object: \`${uri}\``, 'ENOENT', 404),
    ...(opts.maxKeys !== undefined ? { maxKeys: opts.maxKeys } : {}),
  });
}
