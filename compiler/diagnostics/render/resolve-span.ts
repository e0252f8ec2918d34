import type { Span } from '../diagnostic.js';
import { lineIndex, type LineIndex } from './line-index.js';

/**
 * A span with line and column computed. Lines and columns are 1-based; columns count UTF-16 code
 * units (as JavaScript strings, LSP and SARIF's default do); `endColumn` is exclusive, so a
 * one-character span has `endColumn = startColumn + 1`.
 */
export interface ResolvedSpan {
  file: string;
  start: number;
  end: number;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export type SpanResolver = (span: Span) => ResolvedSpan | undefined;

/** Resolves spans against the given sources, building each file's line index once. */
export function spanResolver(sources: ReadonlyMap<string, string>): SpanResolver {
  const cache = new Map<string, LineIndex>();
  return (span) => {
    const text = sources.get(span.file);
    if (text === undefined) return undefined;
    let index = cache.get(span.file);
    if (!index) cache.set(span.file, (index = lineIndex(text)));
    const start = index.position(span.start);
    const end = index.position(Math.max(span.start, span.end));
    return {
      file: span.file,
      start: span.start,
      end: span.end,
      startLine: start.line,
      startColumn: start.col,
      endLine: end.line,
      endColumn: end.col,
    };
  };
}
