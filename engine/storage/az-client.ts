/**
 * The only module of engine/ that imports the Azure SDKs (@azure/storage-blob, @azure/identity).
 * `az-storage.ts` loads it with `import()` on first use, so a command that never touches an
 * `az://` URI never loads them. Credentials come from DefaultAzureCredential alone: managed
 * identity on a Batch node, workload identity, environment variables or the Azure CLI elsewhere.
 */
import { DefaultAzureCredential } from '@azure/identity';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { Readable } from 'node:stream';
import {
  azStatusOf,
  azStorageErrorOf,
  isAlreadyThere,
  isMissingBlob,
  AzStorageError,
} from './az-errors.js';
import { blobEndpointOf, maxTriesOf, type Env } from './az-config.js';
import { openBlockSink } from './az-sink.js';
import type { ObjectClient } from './object-storage.js';

/** Blob names are the object keys; a create conditional on absence is `If-None-Match: *`. */
export type AzObjects = ObjectClient;

export interface AzObjectsOptions {
  account: string;
  container: string;
  /** For messages: `az://account/container/` plus the blob name. */
  uriOf: (name: string) => string;
  blockSize: number;
  env?: Env;
}

// One credential per process: it caches its tokens, and a Batch node's identity endpoint is asked
// once per hour rather than once per request.
let credential: DefaultAzureCredential | undefined;

function containerClientOf(opts: AzObjectsOptions): ContainerClient {
  const env = opts.env ?? process.env;
  const endpoint = blobEndpointOf(opts.account, env);
  if (!endpoint.ok) throw new AzStorageError(endpoint.message, 'config', undefined);
  credential ??= new DefaultAzureCredential();
  const service = new BlobServiceClient(endpoint.url, credential, {
    retryOptions: { maxTries: maxTriesOf(env) },
  });
  return service.getContainerClient(opts.container);
}

function bodyOf(data: Uint8Array | string): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
}

export function createAzObjects(opts: AzObjectsOptions): AzObjects {
  const container = containerClientOf(opts);
  const blob = (name: string) => container.getBlockBlobClient(name);
  const fail = (error: unknown, action: string, name: string): never => {
    throw azStorageErrorOf(error, action, opts.uriOf(name));
  };
  return {
    async put(name, data) {
      const body = bodyOf(data);
      await blob(name)
        .upload(body, body.length)
        .catch((e) => fail(e, 'write', name));
    },
    async putIfAbsent(name, data) {
      const body = bodyOf(data);
      try {
        await blob(name).upload(body, body.length, { conditions: { ifNoneMatch: '*' } });
        return true;
      } catch (error) {
        if (isAlreadyThere(error)) return false;
        return fail(error, 'create', name);
      }
    },
    async head(name) {
      try {
        const props = await blob(name).getProperties();
        return { size: props.contentLength ?? 0 };
      } catch (error) {
        if (isMissingBlob(error)) return undefined;
        return fail(error, 'stat', name);
      }
    },
    async get(name, range) {
      try {
        const out = range
          ? await blob(name).download(range.start, range.end - range.start)
          : await blob(name).download();
        return (out.readableStreamBody ?? Readable.from([])) as AsyncIterable<Uint8Array>;
      } catch (error) {
        // A range that starts at or past the end is 416; a local read there returns nothing.
        if (range !== undefined && azStatusOf(error) === 416) return Readable.from([]);
        return fail(error, 'read', name);
      }
    },
    async listPage(prefix, token, maxPage) {
      try {
        const pages = container.listBlobsFlat({ prefix }).byPage({
          ...(token !== undefined ? { continuationToken: token } : {}),
          ...(maxPage !== undefined ? { maxPageSize: maxPage } : {}),
        });
        const page = (await pages.next()).value as
          { segment: { blobItems: { name: string }[] }; continuationToken?: string } | undefined;
        const keys = (page?.segment.blobItems ?? []).map((b) => b.name);
        const next = page?.continuationToken;
        return { keys, next: next !== undefined && next !== '' ? next : undefined };
      } catch (error) {
        return fail(error, 'list', prefix);
      }
    },
    async remove(name) {
      await blob(name)
        .deleteIfExists()
        .catch((e) => fail(e, 'remove', name));
    },
    upload(name) {
      const client = blob(name);
      const uri = opts.uriOf(name);
      const wrap = (action: string) => (e: unknown) => fail(e, action, name);
      return openBlockSink(
        {
          uri,
          stage: async (id, data) => {
            await client.stageBlock(id, data, data.length).catch(wrap('write'));
          },
          commit: async (ids) => {
            await client.commitBlockList([...ids]).catch(wrap('write'));
          },
          putWhole: async (data) => {
            await client.upload(data, data.length).catch(wrap('write'));
          },
        },
        opts.blockSize,
      );
    },
  };
}
