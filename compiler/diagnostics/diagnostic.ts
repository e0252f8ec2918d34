/** A half-open range of UTF-16 offsets [start, end) in one source file. */
export interface Span {
  file: string;
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'note';

export interface RelatedInfo {
  span: Span;
  message: string;
}

/**
 * A diagnostic is data, not a string: renderers (human, json, github, sarif) turn it into text.
 * `code` is a stable `AUGnnnn` from the catalogue in `codes.ts`.
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  span?: Span;
  help?: string;
  notes?: string[];
  related?: RelatedInfo[];
}

/** User errors are returned, never thrown. */
export interface Result<T> {
  value: T | undefined;
  diagnostics: Diagnostic[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
