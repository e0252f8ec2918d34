/**
 * A ByteSink on S3: bytes stream through `@aws-sdk/lib-storage`'s `Upload`, which sends small
 * files as one PutObject and large ones as a multipart upload. Either way the object appears only
 * when the upload completes: parts of an unfinished multipart upload are never visible as an
 * object. On abort the body fails, and `Upload` then aborts the multipart upload before settling,
 * so no parts are left behind and the final key is untouched.
 */
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { storageErrorOf } from './s3-errors.js';
import type { ByteSink } from './storage.js';

export interface UploadSinkOptions {
  client: S3Client;
  bucket: string;
  key: string;
  uri: string;
  /** Bytes per part; S3's minimum is 5 MiB. */
  partSize: number;
}

type Settled = { ok: true } | { ok: false; error: unknown };

/** Parts in flight at once: each holds a part in memory, and the machines here have few cores. */
const QUEUE_SIZE = 2;

class AbortedBySink extends Error {}

export function openUploadSink(opts: UploadSinkOptions): ByteSink {
  const body = new PassThrough();
  const upload = new Upload({
    client: opts.client,
    params: { Bucket: opts.bucket, Key: opts.key, Body: body },
    partSize: opts.partSize,
    queueSize: QUEUE_SIZE,
    leavePartsOnError: false,
  });
  const settled: Promise<Settled> = upload.done().then(
    () => ({ ok: true }),
    (error: unknown) => ({ ok: false, error }),
  );
  // The upload reads the body and sees its error itself; this only keeps it from being unhandled.
  body.on('error', () => undefined);
  let state: 'open' | 'done' = 'open';
  return {
    async write(data) {
      if (state !== 'open') throw new Error(`write after close on ${opts.uri}`);
      const chunk = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      if (body.write(chunk)) return;
      // Wait for the upload to take the bytes, or for it to fail, whichever comes first.
      const drained = once(body, 'drain').then(
        () => undefined,
        () => undefined,
      );
      const outcome = await Promise.race([drained, settled]);
      if (outcome?.ok === false) throw storageErrorOf(outcome.error, 'write', opts.uri);
    },
    async commit() {
      if (state !== 'open') throw new Error(`commit after close on ${opts.uri}`);
      state = 'done';
      body.end();
      const result = await settled;
      if (!result.ok) throw storageErrorOf(result.error, 'write', opts.uri);
    },
    async abort() {
      if (state !== 'open') return;
      state = 'done';
      body.destroy(new AbortedBySink(`aborted write of ${opts.uri}`));
      await settled;
    },
  };
}
