import { hasErrors, type Result } from '../diagnostics/diagnostic.js';
import { parseSource } from '../syntax/parse-source.js';
import type { Comment, Expr, Label, Statement } from '../syntax/tree.js';

const INDENT = '  ';
const WIDTH = 100;

/**
 * Canonical layout for `augc fmt`: two-space indentation, one statement per line, single spaces
 * around `=` and `+`, lists and calls on one line unless they exceed the width. Literals keep
 * their written form (`1_000_000`, escapes), comments are kept, runs of blank lines shrink to one.
 * Formatting is idempotent; a file with syntax errors is not formatted.
 */
export function formatSource(text: string, file: string): Result<string> {
  const parsed = parseSource(file, text);
  if (!parsed.value || hasErrors(parsed.diagnostics))
    return { value: undefined, diagnostics: parsed.diagnostics };
  const printer = new Printer(text, parsed.value.comments);
  printer.body(parsed.value.statements, 0, text.length);
  return { value: printer.finish(), diagnostics: parsed.diagnostics };
}

class Printer {
  private lines: string[] = [];
  private next = 0;

  constructor(
    private readonly text: string,
    private readonly comments: Comment[],
  ) {}

  finish(): string {
    while (this.lines.at(-1) === '') this.lines.pop();
    return this.lines.length ? `${this.lines.join('\n')}\n` : '';
  }

  body(statements: Statement[], depth: number, end: number): void {
    let previousEnd = -1;
    for (const statement of statements) {
      if (previousEnd >= 0 && this.blankLineBetween(previousEnd, statement.span.start))
        this.lines.push('');
      this.leadingComments(statement.span.start, depth);
      this.statement(statement, depth);
      previousEnd = statement.span.end;
    }
    this.leadingComments(end, depth);
  }

  private blankLineBetween(from: number, to: number): boolean {
    const firstComment = this.comments[this.next];
    const limit = firstComment && firstComment.span.start < to ? firstComment.span.start : to;
    return /\n[ \t\r]*\n/.test(this.text.slice(from, limit));
  }

  private leadingComments(before: number, depth: number): void {
    while (
      this.next < this.comments.length &&
      (this.comments[this.next] as Comment).span.start < before
    ) {
      const comment = this.comments[this.next++] as Comment;
      if (this.lines.length && this.isOnLineOf(comment) && this.lines.at(-1) !== '') {
        this.lines[this.lines.length - 1] += ` ${comment.text}`;
      } else {
        this.lines.push(...indentBlock(comment.text, depth));
      }
    }
  }

  /** A comment that starts on a line where code ends stays a trailing comment. */
  private isOnLineOf(comment: Comment): boolean {
    const lineStart = this.text.lastIndexOf('\n', comment.span.start - 1) + 1;
    return this.text.slice(lineStart, comment.span.start).trim() !== '';
  }

  private statement(s: Statement, depth: number): void {
    let head =
      INDENT.repeat(depth) + [s.keyword.name, ...s.labels.map((l) => this.label(l))].join(' ');
    if (s.value) head += ` = ${this.expr(s.value, depth, head.length + 3)}`;
    if (!s.body) {
      this.lines.push(head);
      return;
    }
    const bodyEnd = s.span.end - 1;
    if (s.body.length === 0 && !this.hasCommentBefore(bodyEnd)) {
      this.lines.push(`${head} {}`);
      return;
    }
    this.lines.push(`${head} {`);
    this.body(s.body, depth + 1, bodyEnd);
    this.lines.push(`${INDENT.repeat(depth)}}`);
  }

  private hasCommentBefore(offset: number): boolean {
    const comment = this.comments[this.next];
    return comment !== undefined && comment.span.start < offset;
  }

  private label(l: Label): string {
    return l.kind === 'ident' ? l.name : this.raw(l);
  }

  private raw(e: { span: { start: number; end: number } }): string {
    return this.text.slice(e.span.start, e.span.end);
  }

  private expr(e: Expr, depth: number, column: number): string {
    const flat = this.flat(e);
    if (column + flat.length <= WIDTH || (e.kind !== 'list' && e.kind !== 'call')) return flat;
    const inner = INDENT.repeat(depth + 1);
    const items =
      e.kind === 'list' ? e.items.map((i) => this.flat(i)) : e.args.map((a) => this.arg(a));
    const [open, close] = e.kind === 'list' ? ['[', ']'] : [`${e.callee.name}(`, ')'];
    return `${open}\n${items.map((i) => `${inner}${i},`).join('\n')}\n${INDENT.repeat(depth)}${close}`;
  }

  private arg(a: { name?: { name: string }; value: Expr }): string {
    return a.name ? `${a.name.name} = ${this.flat(a.value)}` : this.flat(a.value);
  }

  private flat(e: Expr): string {
    switch (e.kind) {
      case 'ident':
        return e.name;
      case 'string':
      case 'number':
      case 'bool':
      case 'error':
        return this.raw(e);
      case 'list':
        return `[${e.items.map((i) => this.flat(i)).join(', ')}]`;
      case 'call':
        return `${e.callee.name}(${e.args.map((a) => this.arg(a)).join(', ')})`;
      case 'plus':
        return e.terms.map((t) => this.flat(t)).join(' + ');
    }
  }
}

function indentBlock(text: string, depth: number): string[] {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? INDENT.repeat(depth) + line : line.trimEnd()));
}
