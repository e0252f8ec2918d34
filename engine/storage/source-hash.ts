/** Hashing a ByteSource from any storage: one pass over its stream, so memory stays flat. */
import { createHash } from 'node:crypto';
import type { ByteSource } from './storage.js';

export async function sha256OfSource(source: ByteSource): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of source.stream()) hash.update(chunk);
  return hash.digest('hex');
}
