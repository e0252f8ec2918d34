import type { Diagnostic, RelatedInfo, Span } from '../diagnostic.js';
import { lineIndex, type LineIndex } from './line-index.js';
import { gutterWidthFor, renderSnippet, type Annotation } from './snippet.js';
import { makePaint, type Paint } from './style.js';

export interface RenderHumanOptions {
  color: boolean;
  /** Name used in the final summary line; defaults to the base name of the first source. */
  subject?: string;
  /** Whether to end with the summary line (default true). */
  summary?: boolean;
}

interface Ctx {
  paint: Paint;
  index: (file: string) => LineIndex | undefined;
}

function location(span: Span, ctx: Ctx): string {
  const index = ctx.index(span.file);
  if (!index) return span.file;
  const { line, col } = index.position(span.start);
  return `${span.file}:${line}:${col}`;
}

function arrow(span: Span, pad: string, ctx: Ctx): string {
  return `${pad}${ctx.paint('gutter', '-->')} ${location(span, ctx)}`;
}

/** Continuation lines of a multi-line help or note are aligned under its first line. */
function footer(kind: 'help' | 'note', text: string, pad: string, paint: Paint): string {
  const head = `${pad} ${paint('gutter', '=')} ${paint('bold', `${kind}:`)} `;
  const indent = ' '.repeat(pad.length + kind.length + 5);
  return head + text.split('\n').join(`\n${indent}`);
}

function header(d: Pick<Diagnostic, 'severity' | 'message'>, code: string, paint: Paint): string {
  const tag = code === '' ? d.severity : `${d.severity}[${code}]`;
  return `${paint(d.severity, tag)}${paint('bold', `: ${d.message}`)}`;
}

/** A related location in another file (or without source) becomes its own `note:` section. */
function relatedSection(rel: RelatedInfo, pad: string, width: number, ctx: Ctx): string[] {
  const out = [header({ severity: 'note', message: rel.message }, '', ctx.paint)];
  out.push(arrow(rel.span, pad, ctx));
  const index = ctx.index(rel.span.file);
  if (index) {
    const ann: Annotation = { span: rel.span, primary: true, role: 'note' };
    out.push(...renderSnippet([ann], index, width, ctx.paint));
  }
  return out;
}

function renderOne(d: Diagnostic, ctx: Ctx): string {
  const related = d.related ?? [];
  const spans = [...(d.span ? [d.span] : []), ...related.map((r) => r.span)];
  const width = gutterWidthFor(spans, ctx.index);
  const pad = ' '.repeat(width);
  const out = [header(d, d.code, ctx.paint)];
  const index = d.span ? ctx.index(d.span.file) : undefined;
  const inline = related.filter((r) => index !== undefined && r.span.file === d.span?.file);
  const separate = related.filter((r) => !inline.includes(r));
  if (d.span) {
    out.push(arrow(d.span, pad, ctx));
    if (index) {
      const anns: Annotation[] = [{ span: d.span, primary: true, role: d.severity }];
      for (const r of inline)
        anns.push({ span: r.span, primary: false, role: 'gutter', label: r.message });
      out.push(...renderSnippet(anns, index, width, ctx.paint));
    }
  }
  const footers = [
    ...(d.help === undefined ? [] : [footer('help', d.help, pad, ctx.paint)]),
    ...(d.notes ?? []).map((n) => footer('note', n, pad, ctx.paint)),
  ];
  if (footers.length > 0) out.push(ctx.paint('gutter', `${pad} |`), ...footers);
  for (const r of separate) out.push(...relatedSection(r, pad, width, ctx));
  return out.join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** rustc's closing line: `error: could not compile ...` or `warning: ... generated N warnings`. */
export function summaryLine(diags: readonly Diagnostic[], subject: string, paint: Paint): string {
  const errors = diags.filter((d) => d.severity === 'error').length;
  const warnings = diags.filter((d) => d.severity === 'warning').length;
  if (errors > 0) {
    const tail = warnings > 0 ? `; ${plural(warnings, 'warning')} emitted` : '';
    const msg = `could not compile \`${subject}\` due to ${plural(errors, 'previous error')}${tail}`;
    return `${paint('error', 'error')}${paint('bold', `: ${msg}`)}`;
  }
  if (warnings > 0) {
    const msg = `\`${subject}\` generated ${plural(warnings, 'warning')}`;
    return `${paint('warning', 'warning')}${paint('bold', `: ${msg}`)}`;
  }
  return '';
}

/**
 * Renders diagnostics in rustc's layout, each followed by a blank line, then a summary line.
 * Returns '' when there is nothing to say. Columns in `-->` lines are 1-based UTF-16 units.
 */
export function renderHuman(
  diags: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  options: RenderHumanOptions,
): string {
  const cache = new Map<string, LineIndex>();
  const index = (file: string): LineIndex | undefined => {
    const text = sources.get(file);
    if (text === undefined) return undefined;
    let found = cache.get(file);
    if (!found) cache.set(file, (found = lineIndex(text)));
    return found;
  };
  const ctx: Ctx = { paint: makePaint(options.color), index };
  const blocks = diags.map((d) => `${renderOne(d, ctx)}\n\n`);
  const firstFile = sources.keys().next().value ?? diags.find((d) => d.span)?.span?.file;
  const subject = options.subject ?? baseName(firstFile ?? 'input');
  const summary = options.summary === false ? '' : summaryLine(diags, subject, ctx.paint);
  return blocks.join('') + (summary === '' ? '' : `${summary}\n`);
}
