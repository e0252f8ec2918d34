/**
 * A ByteSink on a block blob: bytes are staged as uncommitted blocks, and the blob changes only
 * when `commit()` commits the block list, in one request. Until then readers see the old blob, or
 * no blob at all. A file that fits in one block is sent as a single Put Blob instead. An aborted
 * sink commits nothing; its staged blocks are never part of any blob and the service drops them
 * (after a week, as Azure does with every uncommitted block).
 */
import { randomBytes } from 'node:crypto';
import type { ByteSink } from './storage.js';

/** What the sink needs of a block blob (az-client.ts implements it over the SDK). */
export interface BlockTarget {
  readonly uri: string;
  stage(blockId: string, data: Buffer): Promise<void>;
  commit(blockIds: readonly string[]): Promise<void>;
  putWhole(data: Buffer): Promise<void>;
}

/**
 * Block ids: every id of one blob must have the same length, so they are a fixed-width random
 * tag of this writer and a fixed-width counter, base64-encoded.
 */
function blockIdOf(tag: string, n: number): string {
  return Buffer.from(`augc-${tag}-${String(n).padStart(6, '0')}`).toString('base64');
}

export function openBlockSink(target: BlockTarget, blockSize: number): ByteSink {
  const tag = randomBytes(6).toString('hex');
  const ids: string[] = [];
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let state: 'open' | 'done' = 'open';

  const stagePending = async (): Promise<void> => {
    const data = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    const id = blockIdOf(tag, ids.length);
    await target.stage(id, data);
    ids.push(id);
  };

  return {
    async write(data) {
      if (state !== 'open') throw new Error(`write after close on ${target.uri}`);
      const chunk = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
      pending.push(chunk);
      pendingBytes += chunk.length;
      while (pendingBytes >= blockSize) {
        const all = Buffer.concat(pending, pendingBytes);
        pending = [all.subarray(0, blockSize)];
        pendingBytes = blockSize;
        const rest = all.subarray(blockSize);
        await stagePending();
        if (rest.length > 0) {
          pending = [rest];
          pendingBytes = rest.length;
        }
      }
    },
    async commit() {
      if (state !== 'open') throw new Error(`commit after close on ${target.uri}`);
      state = 'done';
      if (ids.length === 0) return target.putWhole(Buffer.concat(pending, pendingBytes));
      if (pendingBytes > 0) await stagePending();
      await target.commit(ids);
    },
    abort() {
      state = 'done';
      pending = [];
      pendingBytes = 0;
      return Promise.resolve();
    },
  };
}
