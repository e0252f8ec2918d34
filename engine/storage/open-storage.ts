/**
 * Picks the Storage for a URI. Object stores come in a later issue; until then they are refused
 * with a message rather than mistaken for a relative folder called `s3:`.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFileStorage } from './file-storage.js';
import type { Storage } from './storage.js';

export type OpenStorageResult = { ok: true; storage: Storage } | { ok: false; message: string };

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//;

/** The local path for a plain path or `file://` URI, or undefined for any other scheme. */
export function localPathOf(uri: string): string | undefined {
  if (uri.startsWith('file://')) return fileURLToPath(uri);
  return SCHEME.test(uri) ? undefined : uri;
}

export function openStorage(uri: string): OpenStorageResult {
  // No filesystem or object store takes one, and it would cut the path short in C code below us.
  if (uri.includes('\0')) {
    return {
      ok: false,
      message: `the output \`${uri.replaceAll('\0', '\\0')}\` contains a NUL byte`,
    };
  }
  const local = localPathOf(uri);
  if (local !== undefined) return { ok: true, storage: createFileStorage(local) };
  const scheme = SCHEME.exec(uri)?.[1] ?? '';
  return {
    ok: false,
    message: `storage \`${scheme}://\` is not supported yet (\`${uri}\`); use a local path or file:// URI`,
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
