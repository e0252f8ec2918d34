import type { Diagnostic, Severity, Span } from '../diagnostic.js';
import { spanResolver, type ResolvedSpan, type SpanResolver } from './resolve-span.js';

/** A span as printed by `--format json`: offsets always, line/column when the source is known. */
export type JsonSpan = Span | ResolvedSpan;

/** One element of the `--format json` array. Keys always appear, in this order. */
export interface JsonDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  span: JsonSpan | null;
  help: string | null;
  notes: string[];
  related: { message: string; span: JsonSpan }[];
}

function jsonSpan(span: Span, resolve: SpanResolver): JsonSpan {
  return resolve(span) ?? { file: span.file, start: span.start, end: span.end };
}

export function toJsonDiagnostic(d: Diagnostic, resolve: SpanResolver): JsonDiagnostic {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    span: d.span ? jsonSpan(d.span, resolve) : null,
    help: d.help ?? null,
    notes: d.notes ?? [],
    related: (d.related ?? []).map((r) => ({
      message: r.message,
      span: jsonSpan(r.span, resolve),
    })),
  };
}

/** A stable JSON array (2-space indent, trailing newline); see docs/cli.md for the fields. */
export function renderJson(
  diags: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
): string {
  const resolve = spanResolver(sources);
  return `${JSON.stringify(
    diags.map((d) => toJsonDiagnostic(d, resolve)),
    null,
    2,
  )}\n`;
}
