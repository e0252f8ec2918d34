import { describe, expect, it } from 'vitest';
import { lineIndex } from '../../../../compiler/diagnostics/render/line-index.js';

describe('lineIndex', () => {
  it('maps offsets to 1-based line and column', () => {
    const index = lineIndex('ab\ncde\n\nf');
    expect(index.position(0)).toEqual({ line: 1, col: 1 });
    expect(index.position(2)).toEqual({ line: 1, col: 3 });
    expect(index.position(3)).toEqual({ line: 2, col: 1 });
    expect(index.position(5)).toEqual({ line: 2, col: 3 });
    expect(index.position(7)).toEqual({ line: 3, col: 1 });
    expect(index.position(8)).toEqual({ line: 4, col: 1 });
    expect(index.lineCount).toBe(4);
  });

  it('treats \\r\\n and lone \\r as one line break each', () => {
    const index = lineIndex('a\r\nb\rc');
    expect(index.lineStarts).toEqual([0, 3, 5]);
    expect(index.position(4)).toEqual({ line: 2, col: 2 });
    expect(index.lineText(1)).toBe('a');
    expect(index.lineText(2)).toBe('b');
    expect(index.lineText(3)).toBe('c');
  });

  it('clamps offsets outside the text', () => {
    const index = lineIndex('xy\nz');
    expect(index.position(-5)).toEqual({ line: 1, col: 1 });
    expect(index.position(99)).toEqual({ line: 2, col: 2 });
    expect(index.lineText(7)).toBe('');
  });

  it('counts columns in UTF-16 code units', () => {
    const index = lineIndex('"😀" x');
    expect(index.position(5)).toEqual({ line: 1, col: 6 });
  });

  it('agrees with a naive scan on every offset', () => {
    const text = 'one\ntwo\r\n\nthree\rfour\n';
    const index = lineIndex(text);
    let line = 1;
    let col = 1;
    for (let i = 0; i <= text.length; i++) {
      expect(index.position(i)).toEqual({ line, col });
      const ch = text[i];
      if (ch === '\r' && text[i + 1] === '\n') {
        col++;
      } else if (ch === '\n' || ch === '\r') {
        line++;
        col = 1;
      } else col++;
    }
  });
});
