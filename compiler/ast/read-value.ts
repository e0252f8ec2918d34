import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import type { Expr, Statement } from '../syntax/tree.js';
import type { Located, LocatedParam } from './types.js';
import { toQuantity, type QuantityKind } from './units.js';

/** Typed readers for attribute values. Each reports a diagnostic and returns undefined on a mismatch. */

export function describeExpr(expr: Expr): string {
  switch (expr.kind) {
    case 'ident':
      return `the name \`${expr.name}\``;
    case 'string':
      return 'a string';
    case 'number':
      return `\`${expr.raw}\``;
    case 'bool':
      return `\`${String(expr.value)}\``;
    case 'list':
      return 'a list';
    case 'call':
      return `a call to \`${expr.callee.name}\``;
    case 'plus':
      return 'a combination (`a + b`)';
    case 'error':
      return 'an invalid value';
  }
}

export function typeError(
  expected: string,
  expr: Expr,
  what: string,
  diags: Diagnostic[],
  help?: string,
): undefined {
  // An ErrorExpr was already reported by the parser; do not pile on.
  if (expr.kind === 'error') return undefined;
  diags.push({
    code: 'AUG2004',
    severity: 'error',
    message: `\`${what}\` expects ${expected}, found ${describeExpr(expr)}`,
    span: expr.span,
    ...(help ? { help } : {}),
  });
  return undefined;
}

/** The value of `key = value`, reporting a missing value or a stray block or labels. */
export function attributeValue(stmt: Statement, diags: Diagnostic[]): Expr | undefined {
  const what = stmt.keyword.name;
  if (stmt.labels.length > 0 || stmt.body !== undefined || stmt.value === undefined) {
    diags.push({
      code: 'AUG2004',
      severity: 'error',
      message: `\`${what}\` is an attribute and is written \`${what} = <value>\``,
      span: stmt.span,
    });
  }
  return stmt.value;
}

const loc = <T>(value: T, span: Span): Located<T> => ({ value, span });

export function readString(
  expr: Expr,
  what: string,
  diags: Diagnostic[],
): Located<string> | undefined {
  return expr.kind === 'string'
    ? loc(expr.value, expr.span)
    : typeError('a string', expr, what, diags);
}

export function readBool(
  expr: Expr,
  what: string,
  diags: Diagnostic[],
): Located<boolean> | undefined {
  return expr.kind === 'bool'
    ? loc(expr.value, expr.span)
    : typeError('`true` or `false`', expr, what, diags);
}

/** A plain number; a unit suffix is an error. */
export function readNumber(
  expr: Expr,
  what: string,
  diags: Diagnostic[],
): Located<number> | undefined {
  if (expr.kind !== 'number') return typeError('a number', expr, what, diags);
  if (expr.unit !== undefined) {
    diags.push({
      code: 'AUG2006',
      severity: 'error',
      message: `\`${what}\` is a plain number and takes no unit, found \`${expr.raw}\``,
      span: expr.span,
    });
    return undefined;
  }
  return loc(expr.value, expr.span);
}

export function readInt(
  expr: Expr,
  what: string,
  diags: Diagnostic[],
): Located<number> | undefined {
  const n = readNumber(expr, what, diags);
  if (n && !Number.isInteger(n.value)) return typeError('a whole number', expr, what, diags);
  return n;
}

export function readQuantity(
  expr: Expr,
  kind: QuantityKind,
  what: string,
  diags: Diagnostic[],
): Located<number> | undefined {
  if (expr.kind !== 'number') {
    return typeError(
      kind === 'bytes' ? 'a memory size' : kind === 'seconds' ? 'a duration' : 'a factor',
      expr,
      what,
      diags,
    );
  }
  const result = toQuantity(expr, kind, what);
  diags.push(...result.diagnostics);
  return result.value === undefined ? undefined : loc(result.value, expr.span);
}

/** One of a fixed set of words, written as a name (`csv`) or a string (`"csv"`). */
export function readEnum<T extends string>(
  expr: Expr,
  values: readonly T[],
  what: string,
  diags: Diagnostic[],
): Located<T> | undefined {
  const word = expr.kind === 'ident' ? expr.name : expr.kind === 'string' ? expr.value : undefined;
  const choices = values.map((v) => `\`${v}\``).join(', ');
  if (word === undefined) return typeError(`one of ${choices}`, expr, what, diags);
  const found = values.find((v) => v === word);
  if (found !== undefined) return loc(found, expr.span);
  diags.push({
    code: 'AUG2009',
    severity: 'error',
    message: `\`${word}\` is not a valid \`${what}\``,
    span: expr.span,
    help: `expected one of ${choices}`,
  });
  return undefined;
}

/** `["a", "b"]`; a single string is accepted as a one-element list. */
export function readStringList(expr: Expr, what: string, diags: Diagnostic[]): Located<string>[] {
  if (expr.kind === 'string') return [loc(expr.value, expr.span)];
  if (expr.kind !== 'list') return typeError('a list of strings', expr, what, diags) ?? [];
  return expr.items.flatMap((item) => readString(item, what, diags) ?? []);
}

/** `[syn, typo]`: method or word names written as bare names (strings accepted too). */
export function readNameList(expr: Expr, what: string, diags: Diagnostic[]): Located<string>[] {
  const one = (e: Expr): Located<string>[] =>
    e.kind === 'ident' || e.kind === 'string'
      ? [loc(e.kind === 'ident' ? e.name : e.value, e.span)]
      : (typeError('a list of names', e, what, diags) ?? []);
  if (expr.kind !== 'list') return one(expr);
  return expr.items.flatMap(one);
}

/** A free-form value (method parameter, target option) kept with its span and unit. */
export function readParam(expr: Expr, what: string, diags: Diagnostic[]): LocatedParam | undefined {
  const span = expr.span;
  switch (expr.kind) {
    case 'string':
      return { value: { type: 'string', value: expr.value }, span };
    case 'number':
      return {
        value: { type: 'number', value: expr.value, ...(expr.unit ? { unit: expr.unit } : {}) },
        span,
      };
    case 'bool':
      return { value: { type: 'bool', value: expr.value }, span };
    case 'ident':
      return { value: { type: 'symbol', value: expr.name }, span };
    case 'list': {
      const items = expr.items.flatMap((e) => readParam(e, what, diags) ?? []);
      return { value: { type: 'list', items }, span };
    }
    default:
      return typeError('a string, number, `true`/`false`, name or list', expr, what, diags);
  }
}
