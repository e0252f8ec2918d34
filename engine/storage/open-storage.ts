/**
 * Picks the Storage for a URI through one registry: scheme -> factory. A new object store is one
 * line here plus its module (`gs://` is gcs-*.ts, `az://` az-*.ts). A scheme that is not registered is refused
 * with a message rather than mistaken for a relative folder called `gs:`.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFileStorage } from './file-storage.js';
import { createGcsStorage } from './gcs-storage.js';
import { parseGcsUri } from './gcs-uri.js';
import { createAzStorage } from './az-storage.js';
import { parseAzUri } from './az-uri.js';
import { createS3Storage } from './s3-storage.js';
import { parseS3Uri } from './s3-uri.js';
import type { Storage } from './storage.js';

export type OpenStorageResult = { ok: true; storage: Storage } | { ok: false; message: string };

type StorageFactory = (uri: string) => OpenStorageResult;

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//;

/**
 * The local path for a plain path or `file://` URI, or undefined for any other scheme. Outside
 * engine/storage/, code that needs a local path for a file that may be remote uses
 * `stageLocalCopy()` (stage-local.ts) instead.
 */
export function localPathOf(uri: string): string | undefined {
  if (uri.startsWith('file://')) return fileURLToPath(uri);
  return SCHEME.test(uri) ? undefined : uri;
}

function openS3(uri: string): OpenStorageResult {
  const parsed = parseS3Uri(uri);
  return parsed.ok
    ? { ok: true, storage: createS3Storage(uri, parsed.location) }
    : { ok: false, message: parsed.message };
}

function openAz(uri: string): OpenStorageResult {
  const parsed = parseAzUri(uri);
  return parsed.ok
    ? { ok: true, storage: createAzStorage(uri, parsed.location) }
    : { ok: false, message: parsed.message };
}

function openGcs(uri: string): OpenStorageResult {
  const parsed = parseGcsUri(uri);
  return parsed.ok
    ? { ok: true, storage: createGcsStorage(uri, parsed.location) }
    : { ok: false, message: parsed.message };
}

const FACTORIES: Readonly<Record<string, StorageFactory>> = {
  file: (uri) => ({ ok: true, storage: createFileStorage(localPathOf(uri) ?? uri) }),
  s3: openS3,
  gs: openGcs,
  az: openAz,
};

/** The scheme of a URI, lowercased; `file` for a plain path. */
export function schemeOf(uri: string): string {
  return SCHEME.exec(uri)?.[1]?.toLowerCase() ?? 'file';
}

export function openStorage(uri: string): OpenStorageResult {
  // No filesystem or object store takes one, and it would cut the path short in C code below us.
  if (uri.includes('\0')) {
    return {
      ok: false,
      message: `the output \`${uri.replaceAll('\0', '\\0')}\` contains a NUL byte`,
    };
  }
  const scheme = schemeOf(uri);
  const factory = Object.hasOwn(FACTORIES, scheme) ? FACTORIES[scheme] : undefined;
  if (factory !== undefined) return factory(uri);
  const known = Object.keys(FACTORIES)
    .map((s) => `${s}://`)
    .join(', ');
  return {
    ok: false,
    message: `storage \`${scheme}://\` is not supported (\`${uri}\`); use a local path or one of ${known}`,
  };
}

/**
 * The run root as every process of a run addresses it: a local path made absolute (job scripts
 * and workers run elsewhere than the caller's working directory), or the URI as given.
 */
export function runRootUri(uri: string): string {
  const local = localPathOf(uri);
  return local === undefined ? uri : resolve(local);
}
