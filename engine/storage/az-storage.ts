/**
 * Storage on Azure Blob Storage: `az://account/container/prefix`. Every storage path becomes the
 * block blob `prefix + path` in the container. Creating the storage is synchronous and loads
 * nothing: the SDK is imported, and the client built, on the first call that needs it.
 */
import type { AzObjects } from './az-client.js';
import type { Env } from './az-config.js';
import { AzStorageError } from './az-errors.js';
import type { AzLocation } from './az-uri.js';
import { normalizeStoragePath } from './safe-path.js';
import { sha256OfSource } from './source-hash.js';
import type { ByteSink, ByteSource, Storage, StorageStat } from './storage.js';

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

async function concat(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

async function* streamOf(
  open: () => Promise<AsyncIterable<Uint8Array>>,
): AsyncIterable<Uint8Array> {
  yield* await open();
}

export function createAzStorage(
  root: string,
  location: AzLocation,
  opts: AzStorageOptions = {},
): Storage {
  const base = `az://${location.account}/${location.container}/`;
  let objects: Promise<AzObjects> | undefined;
  const client = (): Promise<AzObjects> =>
    (objects ??= import('./az-client.js').then((sdk) =>
      sdk.createAzObjects({
        account: location.account,
        container: location.container,
        uriOf: (name) => `${base}${name}`,
        blockSize: opts.blockSize ?? DEFAULT_BLOCK_SIZE,
        ...(opts.env !== undefined ? { env: opts.env } : {}),
      }),
    ));
  const nameOf = async (path: string): Promise<string> =>
    `${location.prefix}${normalizeStoragePath(path)}`;
  const source = (path: string): ByteSource => ({
    name: `${base}${location.prefix}${path}`,
    stream: () => streamOf(async () => (await client()).get(await nameOf(path))),
    async size() {
      const info = await (await client()).head(await nameOf(path));
      if (info === undefined)
        throw new AzStorageError(
          `no such blob: \`${base}${location.prefix}${path}\``,
          'ENOENT',
          404,
        );
      return info.size;
    },
    async readRange(start, end) {
      if (end <= start) return new Uint8Array(0);
      return concat(await (await client()).get(await nameOf(path), { start, end }));
    },
  });
  return {
    root,
    scheme: 'az',
    readText: async (path) =>
      (await concat(await (await client()).get(await nameOf(path)))).toString('utf8'),
    writeAtomic: async (path, data) => (await client()).put(await nameOf(path), data),
    createExclusive: async (path, data) => (await client()).putIfAbsent(await nameOf(path), data),
    exists: async (path) => (await (await client()).head(await nameOf(path))) !== undefined,
    list: async (prefix) => listUnder(await client(), location.prefix, prefix, opts.maxPage),
    stat: async (path): Promise<StorageStat | undefined> =>
      (await client()).head(await nameOf(path)),
    sha256: async (path) => sha256OfSource(source(path)),
    remove: async (path) => (await client()).remove(await nameOf(path)),
    createWriteStream: async (path): Promise<ByteSink> =>
      (await client()).upload(await nameOf(path)),
    openSource: source,
  };
}

/** Every blob under `prefix/`, relative to the storage root, sorted as FileStorage sorts. */
async function listUnder(
  objects: AzObjects,
  rootPrefix: string,
  prefix: string,
  maxPage: number | undefined,
): Promise<string[]> {
  const folder = prefix === '' ? '' : `${normalizeStoragePath(prefix)}/`;
  const out: string[] = [];
  let token: string | undefined;
  do {
    const page = await objects.listPage(`${rootPrefix}${folder}`, token, maxPage);
    // Names ending in `/` are folder markers (hierarchical-namespace accounts); not files.
    for (const name of page.names) if (!name.endsWith('/')) out.push(name.slice(rootPrefix.length));
    token = page.next;
  } while (token !== undefined);
  return out.sort();
}
