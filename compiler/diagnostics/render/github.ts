import type { Diagnostic, Severity } from '../diagnostic.js';
import { spanResolver } from './resolve-span.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'notice' };

/** Workflow-command escaping: message data and property values differ. */
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

function messageOf(d: Diagnostic): string {
  const parts = [d.message];
  if (d.help !== undefined) parts.push(`help: ${d.help}`);
  for (const note of d.notes ?? []) parts.push(`note: ${note}`);
  return parts.join('\n');
}

/**
 * GitHub Actions annotations, one `::error file=..,line=..::message` line per diagnostic.
 * GitHub's `endColumn` is inclusive, so it is one less than the span's exclusive end.
 */
export function renderGithub(
  diags: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
): string {
  const resolve = spanResolver(sources);
  return diags
    .map((d) => {
      const props: string[] = [];
      const span = d.span ? resolve(d.span) : undefined;
      if (d.span) props.push(`file=${escapeProperty(d.span.file)}`);
      if (span) {
        const floor = span.endLine === span.startLine ? span.startColumn : 1;
        const endColumn = Math.max(floor, span.endColumn - 1);
        props.push(`line=${span.startLine}`, `col=${span.startColumn}`);
        props.push(`endLine=${span.endLine}`, `endColumn=${endColumn}`);
      }
      props.push(`title=${escapeProperty(d.code)}`);
      return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(messageOf(d))}\n`;
    })
    .join('');
}
