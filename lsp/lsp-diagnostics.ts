import {
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
  type Range,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Severity, Span } from '../compiler/diagnostics/diagnostic.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  note: DiagnosticSeverity.Information,
};

/** `<--set>`, `<config ...>`, `<env ...>`: values from outside any file. */
const PSEUDO_FILE = /^<.*>$/;

/** Offsets to line:character in the files a check read (UTF-16, as both sides count). */
export class SourcePositions {
  private readonly docs = new Map<string, TextDocument>();

  constructor(sources: readonly { file: string; text: string }[]) {
    for (const s of sources) this.docs.set(s.file, TextDocument.create('', 'aug', 0, s.text));
  }

  has(file: string): boolean {
    return this.docs.has(file);
  }

  range(span: Span): Range {
    const doc = this.docs.get(span.file);
    if (!doc) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return {
      start: doc.positionAt(span.start),
      end: doc.positionAt(Math.max(span.start, span.end)),
    };
  }
}

/**
 * A check's diagnostics as LSP diagnostics, grouped by the file they point into: the checked
 * file, an included fragment or an imported YAML catalogue. The code and the range are those
 * `augc check` prints; help and notes follow the message on lines of their own. A diagnostic
 * without a file (or about a configured value) is shown at the top of the checked file.
 */
export function toLspDiagnostics(
  diagnostics: readonly Diagnostic[],
  positions: SourcePositions,
  checkedFile: string,
  uriOf: (file: string) => string,
): Map<string, LspDiagnostic[]> {
  const out = new Map<string, LspDiagnostic[]>([[checkedFile, []]]);
  for (const d of diagnostics) {
    const inFile =
      d.span !== undefined && !PSEUDO_FILE.test(d.span.file) && positions.has(d.span.file);
    const file = inFile && d.span ? d.span.file : checkedFile;
    const range =
      inFile && d.span ? positions.range(d.span) : positions.range({ file, start: 0, end: 0 });
    const origin = d.span && !inFile ? [`note: set in \`${d.span.file.slice(1, -1)}\``] : [];
    const related = (d.related ?? []).filter((r) => positions.has(r.span.file));
    const lsp: LspDiagnostic = {
      range,
      severity: SEVERITY[d.severity],
      code: d.code,
      source: 'augc',
      message: [
        d.message,
        ...(d.help ? [`help: ${d.help}`] : []),
        ...(d.notes ?? []).map((n) => `note: ${n}`),
        ...origin,
      ].join('\n'),
      ...(related.length > 0
        ? {
            relatedInformation: related.map((r) => ({
              location: { uri: uriOf(r.span.file), range: positions.range(r.span) },
              message: r.message,
            })),
          }
        : {}),
    };
    out.set(file, [...(out.get(file) ?? []), lsp]);
  }
  return out;
}

/**
 * The diagnostics each open document's check put in each file, so that a fragment included by
 * two open pipelines shows what both found (once), and closing one takes only its own away.
 */
export class DiagnosticStore {
  private readonly byOwner = new Map<string, Map<string, LspDiagnostic[]>>();

  /** Records an owner's latest diagnostics; returns the files whose union changed. */
  set(owner: string, files: Map<string, LspDiagnostic[]>): string[] {
    const before = [...(this.byOwner.get(owner)?.keys() ?? [])];
    this.byOwner.set(owner, files);
    return [...new Set([...before, ...files.keys()])];
  }

  remove(owner: string): string[] {
    const before = [...(this.byOwner.get(owner)?.keys() ?? [])];
    this.byOwner.delete(owner);
    return before;
  }

  for(file: string): LspDiagnostic[] {
    const seen = new Set<string>();
    const out: LspDiagnostic[] = [];
    for (const files of this.byOwner.values()) {
      for (const d of files.get(file) ?? []) {
        const key = JSON.stringify([d.code, d.range, d.message]);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(d);
      }
    }
    return out;
  }
}
