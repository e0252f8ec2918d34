import type { Span } from '../compiler/diagnostics/diagnostic.js';
import { parseSource } from '../compiler/syntax/parse-source.js';
import type { Arg, CallExpr, Expr, Label, SourceFile, Statement } from '../compiler/syntax/tree.js';
import { blockOpenedBy, type BlockKind } from './block-docs.js';

/**
 * Where the cursor is in the syntax tree, in the terms editor features need: which block it is
 * in, and whether it is on a statement's keyword, a label, a value, a method call's callee, an
 * argument's name or an argument's value. Hover and definition locate the word under the cursor;
 * completion first puts a placeholder name where nothing is typed yet, so that `memory = |` or
 * `spelling(|` parse as a value and an argument (the parser recovers from what is still missing).
 */
export type ScopeKind = BlockKind | 'fragment' | 'target' | 'unknown';

export interface Scope {
  kind: ScopeKind;
  /** For `target`: the target's name. */
  target?: string;
  /** The statements whose bodies enclose the cursor, outermost first. */
  path: Statement[];
}

interface AtStatement {
  scope: Scope;
  stmt: Statement;
}

export type Site =
  | (AtStatement & { kind: 'keyword' })
  | (AtStatement & { kind: 'label'; label: Label })
  /** A term of the statement's value outside any call: `csv`, `16GiB`, a method in a combo list. */
  | (AtStatement & { kind: 'value'; expr: Expr; inList: boolean })
  | (AtStatement & { kind: 'callee'; call: CallExpr })
  /** On an argument's name, or on a bare word where an argument's name goes. */
  | (AtStatement & { kind: 'arg-name'; call: CallExpr; arg: Arg })
  | (AtStatement & { kind: 'arg-value'; call: CallExpr; arg: Arg; expr: Expr });

/** A name no one writes, put where the cursor is when no word is there yet. */
export const PLACEHOLDER = '__augc_cursor__';

const WORD_CHAR = /[A-Za-z0-9_]/;

const inside = (span: Span, offset: number): boolean => span.start <= offset && offset <= span.end;

/** The site of the word at `offset` in `file` (hover, definition). */
export function siteAt(file: SourceFile, offset: number): Site | undefined {
  if (file.comments.some((c) => c.span.start < offset && offset < c.span.end)) return undefined;
  const top: Scope = { kind: hasPipeline(file) ? 'top' : 'fragment', path: [] };
  return inStatements(file.statements, top, offset);
}

/**
 * The site completion works on: the text is parsed with a placeholder name at `offset` unless a
 * word or number already ends there. Spans before `offset` are those of the real text.
 */
export function completionSite(
  path: string,
  text: string,
  offset: number,
): { site: Site | undefined; source: SourceFile } | undefined {
  const before = text.charAt(offset - 1);
  const patched = WORD_CHAR.test(before)
    ? text
    : `${text.slice(0, offset)}${PLACEHOLDER}${text.slice(offset)}`;
  const parsed = parseSource(path, patched).value;
  if (!parsed) return undefined;
  if (parsed.comments.some((c) => c.span.start < offset && offset <= c.span.end && !c.block))
    return { site: undefined, source: parsed };
  return { site: siteAt(parsed, offset), source: parsed };
}

function hasPipeline(file: SourceFile): boolean {
  return file.statements.some((s) => s.keyword.name === 'pipeline');
}

function inStatements(stmts: readonly Statement[], scope: Scope, offset: number): Site | undefined {
  for (const stmt of stmts) {
    if (!inside(stmt.span, offset)) continue;
    const site = inStatement(stmt, scope, offset);
    if (site) return site;
  }
  return undefined;
}

function inStatement(stmt: Statement, scope: Scope, offset: number): Site | undefined {
  if (inside(stmt.keyword.span, offset)) return { kind: 'keyword', scope, stmt };
  const label = stmt.labels.find((l) => inside(l.span, offset));
  if (label) return { kind: 'label', scope, stmt, label };
  if (stmt.value && inside(stmt.value.span, offset))
    return inExpr(stmt.value, { scope, stmt }, offset, false);
  if (!stmt.body) return undefined;
  return inStatements(stmt.body, innerScope(scope, stmt), offset);
}

function inExpr(expr: Expr, at: AtStatement, offset: number, inList: boolean): Site | undefined {
  switch (expr.kind) {
    case 'list':
      return firstSite(expr.items, (e) => inExpr(e, at, offset, true), offset);
    case 'plus':
      return firstSite(expr.terms, (e) => inExpr(e, at, offset, inList), offset);
    case 'call':
      return inCall(expr, at, offset);
    case 'error':
      return undefined;
    default:
      return { kind: 'value', ...at, expr, inList };
  }
}

function inCall(call: CallExpr, at: AtStatement, offset: number): Site | undefined {
  if (inside(call.callee.span, offset)) return { kind: 'callee', ...at, call };
  for (const arg of call.args) {
    if (!inside(arg.span, offset)) continue;
    if (arg.name && inside(arg.name.span, offset)) return { kind: 'arg-name', ...at, call, arg };
    if (!arg.name && arg.value.kind === 'ident') return { kind: 'arg-name', ...at, call, arg };
    if (arg.value.kind === 'call' || arg.value.kind === 'list' || arg.value.kind === 'plus')
      return inExpr(arg.value, at, offset, false);
    return { kind: 'arg-value', ...at, call, arg, expr: arg.value };
  }
  return undefined;
}

function firstSite(
  exprs: readonly Expr[],
  find: (e: Expr) => Site | undefined,
  offset: number,
): Site | undefined {
  for (const e of exprs) if (inside(e.span, offset)) return find(e);
  return undefined;
}

/** The scope a statement's body opens. */
export function innerScope(outer: Scope, stmt: Statement): Scope {
  const path = [...outer.path, stmt];
  const key = stmt.keyword.name;
  const parent = blockKindOf(outer);
  if (parent === 'pipeline' && key === 'target') {
    const label = stmt.labels[0];
    return { kind: 'target', target: label ? (wordOf(label) ?? '') : '', path };
  }
  if (parent === 'pipeline' && key === 'method') {
    const value = stmt.value;
    const callee = value?.kind === 'call' ? value.callee.name : undefined;
    return { kind: callee === 'command' ? 'command' : 'method', path };
  }
  const opened = parent && blockOpenedBy(parent, key);
  return { kind: opened ?? 'unknown', path };
}

/** The block whose statements the scope holds; a fragment's top level is a pipeline body. */
export function blockKindOf(scope: Scope): BlockKind | undefined {
  if (scope.kind === 'fragment') return 'pipeline';
  if (scope.kind === 'target' || scope.kind === 'unknown') return undefined;
  return scope.kind;
}

/** The word a name-like node stands for. */
export function wordOf(node: Label | Expr): string | undefined {
  if (node.kind === 'ident') return node.name;
  if (node.kind === 'string') return node.value;
  return undefined;
}
