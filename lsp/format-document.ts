import type { TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lineIndex } from '../compiler/diagnostics/render/line-index.js';
import { formatSource } from '../compiler/format/format-source.js';

/**
 * Document formatting is `augc fmt`: the same function, so the editor and the command produce
 * the same bytes. A file with syntax errors is not formatted; the reason names the first one.
 */
export function formatDocument(
  doc: TextDocument,
  file: string,
): { edits: TextEdit[] } | { refused: string } {
  const text = doc.getText();
  const result = formatSource(text, file);
  if (result.value === undefined) {
    const first = result.diagnostics.find((d) => d.severity === 'error');
    const at = first?.span ? lineIndex(text).position(first.span.start) : undefined;
    const where = at ? `${at.line}:${at.col}: ` : '';
    return {
      refused: `augc fmt cannot format \`${file}\`: ${where}${first?.message ?? 'it does not parse'}`,
    };
  }
  if (result.value === text) return { edits: [] };
  const range = { start: doc.positionAt(0), end: doc.positionAt(text.length) };
  return { edits: [{ range, newText: result.value }] };
}
