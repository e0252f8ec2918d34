/**
 * A gzip-compressed CSV or JSONL input as the readers see it: a stream of the decompressed bytes.
 * The stored (compressed) bytes go to `onStored` as they are read, so the input's sha256 is that
 * of the file as stored, taken in the same pass. Only streaming is possible: Parquet, which reads
 * by ranges, is refused before it gets here (`isReadableEncoding`).
 */
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { ByteSource } from '../storage/storage.js';
import { DataError } from './data-error.js';

async function* tapped(
  chunks: AsyncIterable<Uint8Array>,
  onStored: (bytes: Uint8Array) => void,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    onStored(chunk);
    yield chunk;
  }
}

/** zlib's errors (`Z_DATA_ERROR` for bad data or trailing bytes, `Z_BUF_ERROR` when cut short). */
function isZlibError(err: unknown): err is Error & { code: string } {
  const code = (err as { code?: unknown } | undefined)?.code;
  return err instanceof Error && typeof code === 'string' && code.startsWith('Z_');
}

async function* gunzipped(
  stored: ByteSource,
  onStored: (bytes: Uint8Array) => void,
): AsyncGenerator<Uint8Array> {
  const gunzip = createGunzip();
  // A read error (a missing file) or bad data destroys `gunzip`, so the loop below throws it.
  pipeline(Readable.from(tapped(stored.stream(), onStored)), gunzip, () => undefined);
  try {
    for await (const chunk of gunzip) yield chunk as Uint8Array;
  } catch (err) {
    if (!isZlibError(err)) throw err;
    const message = `not valid gzip data: ${err.message}`;
    throw new DataError({ file: stored.name, row: 0, message });
  }
}

export function gunzipSource(
  stored: ByteSource,
  onStored: (bytes: Uint8Array) => void = () => undefined,
): ByteSource {
  const unsized = (): Promise<never> =>
    Promise.reject(new Error(`invariant: ${stored.name} is gzip-compressed and only streams`));
  return {
    name: stored.name,
    stream: () => gunzipped(stored, onStored),
    size: unsized,
    readRange: unsized,
  };
}
