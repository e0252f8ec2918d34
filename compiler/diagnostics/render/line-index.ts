/** A 1-based line and column; columns count UTF-16 code units (like JS string offsets). */
export interface LineCol {
  line: number;
  col: number;
}

export interface LineIndex {
  /** Offsets where each line starts; `lineStarts[0]` is 0. */
  readonly lineStarts: readonly number[];
  /** Line and column of an offset; offsets past the end are clamped to the end of the text. */
  position(offset: number): LineCol;
  /** The text of a 1-based line without its line terminator. */
  lineText(line: number): string;
  readonly lineCount: number;
}

/**
 * Builds an offset -> line:col index once per source so that rendering many diagnostics costs a
 * binary search each. `\n`, `\r\n` and a lone `\r` all end a line.
 */
export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 /* \r */ && text.charCodeAt(i + 1) === 10) i++;
    if (ch === 10 || ch === 13) starts.push(i + 1);
  }
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    lineStarts: starts,
    lineCount: starts.length,
    position(offset) {
      const clamped = Math.max(0, Math.min(offset, text.length));
      const line = lineOf(clamped);
      return { line: line + 1, col: clamped - (starts[line] ?? 0) + 1 };
    },
    lineText(line) {
      const start = starts[line - 1];
      if (start === undefined) return '';
      const next = starts[line];
      return text.slice(start, next ?? text.length).replace(/\r?\n$|\r$/, '');
    },
  };
}
