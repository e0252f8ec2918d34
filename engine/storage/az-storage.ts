/**
 * Storage on Azure Blob Storage: `az://account/container/prefix`. Every storage path becomes the
 * block blob `prefix + path` in the container. Creating the storage is synchronous and loads
 * nothing: the SDK is imported, and the client built, on the first call that needs it.
 */
import type { AzObjects } from './az-client.js';
import type { Env } from './az-config.js';
import { AzStorageError } from './az-errors.js';
import type { AzLocation } from './az-uri.js';
import { createObjectStorage } from './object-storage.js';
import type { Storage } from './storage.js';

export interface AzStorageOptions {
  /** Blobs per list page (the service's maximum and default is 5000); for tests of paging. */
  maxPage?: number;
  /** Bytes per staged block of a streamed write. */
  blockSize?: number;
  /** Where the client settings are read from (default `process.env`). */
  env?: Env;
}

/** 8 MiB blocks: with Azure's 50,000 blocks per blob, files up to 390 GiB. */
export const DEFAULT_BLOCK_SIZE = 8 * 1024 * 1024;

export function createAzStorage(
  root: string,
  location: AzLocation,
  opts: AzStorageOptions = {},
): Storage {
  const base = `az://${location.account}/${location.container}/`;
  let objects: Promise<AzObjects> | undefined;
  return createObjectStorage({
    root,
    scheme: 'az',
    base,
    prefix: location.prefix,
    client: () =>
      (objects ??= import('./az-client.js').then((sdk) =>
        sdk.createAzObjects({
          account: location.account,
          container: location.container,
          uriOf: (name) => `${base}${name}`,
          blockSize: opts.blockSize ?? DEFAULT_BLOCK_SIZE,
          ...(opts.env !== undefined ? { env: opts.env } : {}),
        }),
      )),
    missing: (uri) => new AzStorageError(`no such blob: \`${uri}\``, 'ENOENT', 404),
    ...(opts.maxPage !== undefined ? { maxKeys: opts.maxPage } : {}),
  });
}
