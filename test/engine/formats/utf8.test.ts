import { describe, expect, it } from 'vitest';
import { decodeUtf8, validUtf8Prefix } from '../../../engine/formats/utf8.js';

const fatal = new TextDecoder('utf-8', { fatal: true });

function isValid(bytes: Uint8Array): boolean {
  try {
    fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('validUtf8Prefix', () => {
  it('agrees with TextDecoder on valid and invalid sequences', () => {
    const cases: number[][] = [
      [0x61, 0x62],
      [0xc3, 0xa9],
      [0xe2, 0x9c, 0x93],
      [0xf0, 0x9f, 0x98, 0x80],
      [0xc0, 0xaf], // overlong
      [0xe0, 0x80, 0xaf], // overlong
      [0xed, 0xa0, 0x80], // surrogate
      [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
      [0x61, 0xff],
      [0x61, 0x80],
      [0xe2, 0x9c], // truncated
    ];
    for (const bytes of cases) {
      const array = new Uint8Array(bytes);
      expect(validUtf8Prefix(array) === array.length, bytes.join(',')).toBe(isValid(array));
    }
    expect(validUtf8Prefix(new Uint8Array([0x61, 0x62, 0xff, 0x63]))).toBe(2);
  });
});

describe('decodeUtf8', () => {
  it('reassembles characters split across chunks and drops only a leading BOM', async () => {
    const bytes = new TextEncoder().encode('\uFEFFé😀\uFEFFz');
    async function* pieces() {
      for (const b of bytes) yield new Uint8Array([b]);
    }
    let text = '';
    for await (const piece of decodeUtf8(pieces())) {
      expect(piece.invalidAt).toBeUndefined();
      text += piece.text;
    }
    expect(text).toBe('é😀\uFEFFz');
  });
});
