/**
 * Deterministic random streams keyed by a tuple of parts, e.g.
 * `createRng(seed, rowId, comboId, variant, method)` (research note §b8). Every stream is a pure
 * function of its parts, so output does not depend on chunking or scheduling.
 *
 * Key derivation (stable: changing it changes every output, so treat it as a file format):
 * 1. Each part is encoded as a tag byte (0x01 string, 0x02 number), its UTF-8 byte length as
 *    4 little-endian bytes, then its UTF-8 bytes. Numbers are encoded as `String(n)`. The length
 *    prefix keeps ("ab", "c") and ("a", "bc") apart; the tag keeps 42 and "42" apart.
 * 2. The byte string is hashed with FNV-1a 64 (computed in two 32-bit halves, no BigInt).
 * 3. The 64-bit hash is expanded with murmur3's fmix32 finaliser into the 128-bit state of
 *    xoshiro128** (Blackman and Vigna 2018), whose 32-bit arithmetic is cheap in JavaScript.
 *
 * Why not pure-rand's xoroshiro128plus: its constructor takes a single 32-bit seed, which would
 * throw away most of the key's entropy; it is no faster per draw (bench/rng.js).
 */
import type { Rng } from '../method.js';

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;
const FNV_PRIME_LOW = 0x1b3; // 64-bit FNV prime = 2^40 + 0x1b3

/** xoshiro128** over four 32-bit words. */
class Xoshiro128StarStar implements Rng {
  constructor(
    private s0: number,
    private s1: number,
    private s2: number,
    private s3: number,
  ) {}

  /** Next raw 32-bit output as a signed int32 (stays a small integer in V8: no boxing). */
  private step(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9);
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Next raw 32-bit output as an unsigned integer. */
  uint32(): number {
    return this.step() >>> 0;
  }

  /** Uniform float in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.step() >>> 5; // 27 bits
    const lo = this.step() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / TWO_POW_53;
  }

  /** Uniform integer in [0, n), without modulo bias (rejection sampling). */
  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0 || n > Number.MAX_SAFE_INTEGER) {
      throw new RangeError(`rng.int: n must be a positive safe integer, got ${n}`);
    }
    if (n <= TWO_POW_32) {
      // Accept u < limit, the largest multiple of n not above 2^32.
      const limit = TWO_POW_32 - (TWO_POW_32 % n);
      for (;;) {
        const u = this.uint32();
        if (u < limit) return u % n;
      }
    }
    const limit = TWO_POW_53 - (TWO_POW_53 % n);
    for (;;) {
      const u = this.next() * TWO_POW_53;
      if (u < limit) return u % n;
    }
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** murmur3's fmix32: a full-avalanche 32-bit finaliser. */
function fmix32(x: number): number {
  let h = x ^ (x >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Scratch buffer for the encoded key; grows on demand and is reused (creation is hot). */
let keyBytes = new Uint8Array(256);

/** Encodes the parts as described in the module comment; returns the byte count. */
function encodeParts(parts: readonly (string | number)[]): number {
  let n = 0;
  for (const part of parts) {
    const text = typeof part === 'number' ? String(part) : part;
    // Worst case 3 bytes per UTF-16 unit, plus tag and length.
    if (n + 5 + 3 * text.length > keyBytes.length) {
      const grown = new Uint8Array(2 * (n + 5 + 3 * text.length));
      grown.set(keyBytes.subarray(0, n));
      keyBytes = grown;
    }
    keyBytes[n] = typeof part === 'number' ? 0x02 : 0x01;
    const start = n + 5;
    const end = writeUtf8(text, keyBytes, start);
    const len = end - start;
    keyBytes[n + 1] = len & 0xff;
    keyBytes[n + 2] = (len >>> 8) & 0xff;
    keyBytes[n + 3] = (len >>> 16) & 0xff;
    keyBytes[n + 4] = len >>> 24;
    n = end;
  }
  return n;
}

/** Writes `s` as UTF-8 at `at` (lone surrogates become U+FFFD, as TextEncoder does). */
function writeUtf8(s: string, out: Uint8Array, at: number): number {
  let j = at;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      out[j++] = c;
      continue;
    }
    const cp = codePointAt(s, i);
    if (cp < 0x800) {
      out[j++] = 0xc0 | (cp >> 6);
    } else if (cp < 0x10000) {
      out[j++] = 0xe0 | (cp >> 12);
      out[j++] = 0x80 | ((cp >> 6) & 0x3f);
    } else {
      i++;
      out[j++] = 0xf0 | (cp >> 18);
      out[j++] = 0x80 | ((cp >> 12) & 0x3f);
      out[j++] = 0x80 | ((cp >> 6) & 0x3f);
    }
    out[j++] = 0x80 | (cp & 0x3f);
  }
  return j;
}

/** Code point at i, mapping lone surrogates to U+FFFD. */
function codePointAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return c;
  if (c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return 0xfffd;
}

/** FNV-1a 64 of `bytes[0, n)`, returned as [hi, lo] unsigned 32-bit halves. */
export function fnv1a64(bytes: Uint8Array, n: number = bytes.length): [number, number] {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < n; i++) {
    const x = lo ^ (bytes[i] ?? 0);
    // (hi:lo) * (2^40 + 0x1b3) mod 2^64, with lo * 0x1b3 done in 16-bit halves to stay in int32.
    const p0 = (x & 0xffff) * FNV_PRIME_LOW;
    const p1 = (x >>> 16) * FNV_PRIME_LOW + (p0 >>> 16);
    lo = ((p1 << 16) | (p0 & 0xffff)) >>> 0;
    hi = (Math.imul(hi, FNV_PRIME_LOW) + (p1 >>> 16) + (x << 8)) >>> 0;
  }
  return [hi, lo];
}

/** Hashes the parts (see the module comment) into a 64-bit value as [hi, lo]. */
export function hashParts(parts: readonly (string | number)[]): [number, number] {
  const n = encodeParts(parts); // may replace keyBytes, so read it afterwards
  return fnv1a64(keyBytes, n);
}

/** Creates the random stream keyed by `parts` (strings and numbers, order matters). */
export function createRng(...parts: (string | number)[]): Rng {
  const [hi, lo] = hashParts(parts);
  // fmix32 is a bijection, so (s0, s3) alone determine (lo, hi): distinct hashes, distinct states.
  const s0 = fmix32(lo ^ 0x9e3779b9);
  const s1 = fmix32(hi ^ fmix32(lo + 0x3c6ef372));
  const s2 = fmix32(lo ^ fmix32(hi + 0xdaa66d2b));
  const s3 = fmix32(hi ^ 0x78dde6e4);
  // xoshiro's only forbidden state is all zeros.
  return new Xoshiro128StarStar(s0 | 0, s1 | 0, s2 | 0, (s0 | s1 | s2 | s3) === 0 ? 1 : s3 | 0);
}
