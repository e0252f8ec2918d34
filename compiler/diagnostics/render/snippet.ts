import type { Span } from '../diagnostic.js';
import type { LineIndex } from './line-index.js';
import type { Paint, StyleRole } from './style.js';

/** One underlined span inside a snippet: `^^^` for the primary span, `---` for secondary ones. */
export interface Annotation {
  span: Span;
  primary: boolean;
  role: StyleRole;
  label?: string;
}

interface LineMark {
  line: number;
  /** Display columns (tabs expanded), 0-based. */
  from: number;
  width: number;
  ann: Annotation;
}

const TAB = '    ';

/** Display width of the first `units` UTF-16 units of a line: tabs count 4, code points 1. */
function displayWidth(text: string, units: number): number {
  let width = 0;
  for (let i = 0; i < units && i < text.length;) {
    const cp = text.codePointAt(i) ?? 0;
    width += cp === 9 ? TAB.length : 1;
    i += cp > 0xffff ? 2 : 1;
  }
  // Offsets past the end of the line (a span at end of line or file) still get a column.
  return width + Math.max(0, units - text.length);
}

function markOf(ann: Annotation, index: LineIndex): LineMark {
  const start = index.position(ann.span.start);
  const end = index.position(Math.max(ann.span.start, ann.span.end));
  const text = index.lineText(start.line);
  const startUnits = start.col - 1;
  // A multi-line span is underlined from its start to the end of its first line.
  const endUnits = end.line > start.line ? text.length : end.col - 1;
  const from = displayWidth(text, startUnits);
  const to = displayWidth(text, endUnits);
  return { line: start.line, from, width: Math.max(1, to - from), ann };
}

/** Gutter width: the digits of the largest line number shown in a diagnostic. */
export function gutterWidthFor(spans: Span[], indexes: (file: string) => LineIndex | undefined) {
  let max = 0;
  for (const span of spans) {
    const index = indexes(span.file);
    if (index) max = Math.max(max, index.position(span.start).line);
  }
  return Math.max(1, String(max).length);
}

function underline(mark: LineMark, pad: string, paint: Paint): string {
  const char = mark.ann.primary ? '^' : '-';
  const marks = char.repeat(mark.width) + (mark.ann.label ? ` ${mark.ann.label}` : '');
  return `${paint('gutter', `${pad} |`)} ${' '.repeat(mark.from)}${paint(mark.ann.role, marks)}`;
}

/**
 * Renders the source lines of one file that carry annotations, each followed by its underlines.
 * Gaps of one line are shown, longer gaps become `...` as in rustc.
 */
export function renderSnippet(
  annotations: Annotation[],
  index: LineIndex,
  width: number,
  paint: Paint,
): string[] {
  const marks = annotations.map((a) => markOf(a, index));
  marks.sort((a, b) => a.line - b.line || a.from - b.from);
  const pad = ' '.repeat(width);
  const out = [paint('gutter', `${pad} |`)];
  const sourceLine = (line: number): string => {
    const text = index.lineText(line).replaceAll('\t', TAB).trimEnd();
    const num = String(line).padStart(width);
    return `${paint('gutter', `${num} |`)}${text === '' ? '' : ` ${text}`}`;
  };
  let previous = 0;
  for (const mark of marks) {
    if (mark.line !== previous) {
      if (previous > 0 && mark.line - previous === 2) out.push(sourceLine(previous + 1));
      else if (previous > 0 && mark.line - previous > 2) out.push(paint('gutter', '...'));
      out.push(sourceLine(mark.line));
      previous = mark.line;
    }
    out.push(underline(mark, pad, paint));
  }
  return out;
}
