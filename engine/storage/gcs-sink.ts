/**
 * A ByteSink on Cloud Storage: a resumable upload session, sent in chunks (each retried on its
 * own by the client). GCS creates the object only when the session's last byte arrives, which
 * `commit()` sends; until then nothing is visible under the name. `abort()` destroys the upload
 * before its end: the session is left unfinished (it expires after a week and is never an object)
 * and whatever object the name held before is untouched. A file committed without a byte written
 * is one simple upload: a resumable session cannot describe an empty last chunk the way the
 * client spells it.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { File } from '@google-cloud/storage';
import { gcsErrorOf } from './gcs-errors.js';
import type { ByteSink } from './storage.js';

export interface GcsSinkOptions {
  file: File;
  uri: string;
  /** Bytes per request; GCS wants a multiple of 256 KiB for every chunk but the last. */
  chunkSize: number;
}

class AbortedBySink extends Error {}

type Settled = { ok: true } | { ok: false; error: unknown };

interface Upload {
  stream: Writable;
  settled: Promise<Settled>;
}

function startUpload(opts: GcsSinkOptions): Upload {
  const stream = opts.file.createWriteStream({ resumable: true, chunkSize: opts.chunkSize });
  const settled: Promise<Settled> = finished(stream).then(
    () => ({ ok: true }),
    (error: unknown) => ({ ok: false, error }),
  );
  return { stream, settled };
}

export function openGcsUploadSink(opts: GcsSinkOptions): ByteSink {
  let upload: Upload | undefined;
  let state: 'open' | 'done' = 'open';
  return {
    async write(data) {
      if (state !== 'open') throw new Error(`write after close on ${opts.uri}`);
      const chunk = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      if (chunk.length === 0) return;
      const { stream, settled } = (upload ??= startUpload(opts));
      if (stream.write(chunk)) return;
      // Wait for the upload to take the bytes, or for it to fail, whichever comes first.
      const drained = once(stream, 'drain').then(
        () => undefined,
        () => undefined,
      );
      const outcome = await Promise.race([drained, settled]);
      if (outcome?.ok === false) throw gcsErrorOf(outcome.error, 'write', opts.uri);
    },
    async commit() {
      if (state !== 'open') throw new Error(`commit after close on ${opts.uri}`);
      state = 'done';
      if (!upload) {
        await opts.file
          .save(Buffer.alloc(0), { resumable: false })
          .catch((error: unknown) => Promise.reject(gcsErrorOf(error, 'write', opts.uri)));
        return;
      }
      upload.stream.end();
      const result = await upload.settled;
      if (!result.ok) throw gcsErrorOf(result.error, 'write', opts.uri);
    },
    async abort() {
      if (state !== 'open') return;
      state = 'done';
      if (!upload) return;
      upload.stream.destroy(new AbortedBySink(`aborted write of ${opts.uri}`));
      await upload.settled;
    },
  };
}
