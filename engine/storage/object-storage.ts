/**
 * A Storage over any object store (S3, Cloud Storage, Azure Blob Storage): every storage path
 * becomes the object name `prefix + path`. The store's client (a handful of methods on whole
 * objects, the only code that imports its SDK) is loaded on the first call that needs it, so
 * creating the storage is synchronous and loads nothing.
 */
import { normalizeStoragePath } from './safe-path.js';
import { sha256OfSource } from './source-hash.js';
import type { ByteSink, ByteSource, Storage, StorageStat } from './storage.js';

export interface ListPage {
  keys: string[];
  next: string | undefined;
}

/** What each object store's client module offers, on whole object names. */
export interface ObjectClient {
  put(key: string, body: Uint8Array | string): Promise<void>;
  /** A create conditional on absence: false when the object already exists. */
  putIfAbsent(key: string, body: Uint8Array | string): Promise<boolean>;
  head(key: string): Promise<{ size: number } | undefined>;
  /** The object's bytes, or bytes `[start, end)` of it (nothing when `start` is past the end). */
  get(key: string, range?: { start: number; end: number }): Promise<AsyncIterable<Uint8Array>>;
  listPage(
    prefix: string,
    token: string | undefined,
    maxKeys: number | undefined,
  ): Promise<ListPage>;
  remove(key: string): Promise<void>;
  /** A writer whose object appears only on `commit()`. */
  upload(key: string): ByteSink;
}

export interface ObjectStorageSpec {
  /** The root as given, for messages. */
  root: string;
  scheme: string;
  /** `s3://bucket/`: what an object name is appended to in messages. */
  base: string;
  /** The prefix every storage path goes under ('' or ending in `/`). */
  prefix: string;
  client: () => Promise<ObjectClient>;
  /** The error a missing object rejects with (its `code` is ENOENT). */
  missing: (uri: string) => Error;
  /** Names per listing page, for tests of paging. */
  maxKeys?: number;
}

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

export function createObjectStorage(spec: ObjectStorageSpec): Storage {
  const { client, prefix } = spec;
  const base = `${spec.base}${prefix}`;
  // Async so that a bad path rejects rather than throwing synchronously, as in FileStorage.
  const keyOf = async (path: string): Promise<string> => `${prefix}${normalizeStoragePath(path)}`;
  const source = (path: string): ByteSource => ({
    name: `${base}${path}`,
    stream: () => streamOf(async () => (await client()).get(await keyOf(path))),
    async size() {
      const info = await (await client()).head(await keyOf(path));
      if (info === undefined) throw spec.missing(`${base}${path}`);
      return info.size;
    },
    async readRange(start, end) {
      if (end <= start) return new Uint8Array(0);
      return concat(await (await client()).get(await keyOf(path), { start, end }));
    },
  });
  return {
    root: spec.root,
    scheme: spec.scheme,
    readText: async (path) =>
      (await concat(await (await client()).get(await keyOf(path)))).toString('utf8'),
    writeAtomic: async (path, data) => (await client()).put(await keyOf(path), data),
    createExclusive: async (path, data) => (await client()).putIfAbsent(await keyOf(path), data),
    exists: async (path) => (await (await client()).head(await keyOf(path))) !== undefined,
    list: async (folder) => listUnder(await client(), prefix, folder, spec.maxKeys),
    stat: async (path): Promise<StorageStat | undefined> =>
      (await client()).head(await keyOf(path)),
    sha256: async (path) => sha256OfSource(source(path)),
    remove: async (path) => (await client()).remove(await keyOf(path)),
    createWriteStream: async (path): Promise<ByteSink> =>
      (await client()).upload(await keyOf(path)),
    openSource: source,
  };
}

/** Every object under `prefix/`, relative to the storage root, sorted as FileStorage sorts. */
async function listUnder(
  objects: ObjectClient,
  rootPrefix: string,
  prefix: string,
  maxKeys: number | undefined,
): Promise<string[]> {
  const folder = prefix === '' ? '' : `${normalizeStoragePath(prefix)}/`;
  const out: string[] = [];
  let token: string | undefined;
  do {
    const page = await objects.listPage(`${rootPrefix}${folder}`, token, maxKeys);
    // Names ending in `/` are folder markers that consoles create; they are not files.
    for (const key of page.keys) if (!key.endsWith('/')) out.push(key.slice(rootPrefix.length));
    token = page.next;
  } while (token !== undefined);
  return out.sort();
}
