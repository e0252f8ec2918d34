/**
 * Streaming UTF-8 decoding that finds invalid bytes exactly. TextDecoder's `fatal` mode says that
 * a chunk is invalid but not where, so each chunk is decoded up to its last complete character,
 * and on failure the first bad byte is located here and reported with its file offset.
 */

/** Length of the valid UTF-8 prefix of `bytes` (stops before a truncated last character too). */
export function validUtf8Prefix(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len =
      b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > n) return i;
    const b1 = bytes[i + 1] ?? 0;
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (b1 < lo || b1 > hi) return i;
    for (let k = 2; k < len; k++) {
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    }
    i += len;
  }
  return n;
}

/** Bytes at the end of `bytes` that may start a character continued in the next chunk. */
function incompleteTail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back] ?? 0;
    if ((b & 0xc0) === 0x80) continue;
    const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return len > back ? back : 0;
  }
  return 0;
}

export interface DecodedPiece {
  text: string;
  /** Set when the bytes after `text` were invalid: their offset in the file. */
  invalidAt?: number;
}

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeChunk(bytes: Uint8Array, offset: number, out: DecodedPiece[]): void {
  let start = 0;
  while (start < bytes.length) {
    const rest = bytes.subarray(start);
    try {
      out.push({ text: decoder.decode(rest) });
      return;
    } catch {
      const valid = validUtf8Prefix(rest);
      out.push({
        text: decoder.decode(rest.subarray(0, valid)),
        invalidAt: offset + start + valid,
      });
      start += valid + 1;
    }
  }
}

/**
 * Decodes a byte stream into text pieces; a leading BOM is dropped. Invalid bytes yield a piece
 * with `invalidAt` (and the bad byte is skipped) so the parser can mark the row it falls in.
 */
export async function* decodeUtf8(
  stream: AsyncIterable<Uint8Array>,
  onBytes?: (bytes: Uint8Array) => void,
): AsyncGenerator<DecodedPiece> {
  let carry: Uint8Array = new Uint8Array(0);
  let offset = 0;
  let first = true;
  for await (const chunk of stream) {
    onBytes?.(chunk);
    let bytes = carry.length === 0 ? chunk : concat(carry, chunk);
    if (first) {
      // A BOM split over the first reads: wait until three bytes are in.
      if (bytes.length < 3 && BOM.subarray(0, bytes.length).every((b, k) => b === bytes[k])) {
        carry = bytes.slice();
        continue;
      }
      first = false;
      if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        bytes = bytes.subarray(3);
        offset = 3;
      }
    }
    const keep = incompleteTail(bytes);
    const out: DecodedPiece[] = [];
    decodeChunk(bytes.subarray(0, bytes.length - keep), offset, out);
    offset += bytes.length - keep;
    carry = bytes.slice(bytes.length - keep);
    yield* out;
  }
  if (carry.length > 0) {
    const out: DecodedPiece[] = [];
    decodeChunk(carry, offset, out);
    yield* out;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
