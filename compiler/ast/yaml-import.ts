import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import type { Expr, Ident, Statement } from '../syntax/tree.js';
import { didYouMean } from './did-you-mean.js';

/** The `import` statement each YAML-born `method` statement came from (read by buildMethod). */
export const IMPORTED_FROM = new WeakMap<Statement, Span>();

const ENTRY_KEYS = [
  'id',
  'method',
  'params',
  'enabled',
  'command',
  'io',
  'image',
  'env',
  'pass_env',
  'resources',
];
// A plain YAML scalar such as `16GiB` or `2h` is read as a number with a unit, like in .aug files.
const NUMBER_WITH_UNIT = /^(\d[\d_]*(?:\.\d+)?(?:[eE][-+]?\d+)?)([A-Za-z]+)$/;

/**
 * Turns a YAML method catalogue into `method` statements whose spans point into the YAML file, so
 * that the same builders and check rules report YAML mistakes at the YAML file's line:col.
 */
export function importYamlMethods(file: string, text: string, diags: Diagnostic[]): Statement[] {
  const doc = parseDocument(text, { uniqueKeys: true });
  for (const err of doc.errors) {
    const [start, end] = err.pos;
    diags.push({
      code: 'AUG2012',
      severity: 'error',
      message: `invalid YAML: ${firstLine(err.message)}`,
      span: { file, start, end: Math.max(end, start) },
    });
  }
  if (doc.errors.length > 0) return [];
  const root = doc.contents;
  const methods = isMap(root) ? root.get('methods', true) : undefined;
  if (!methods || !(isSeq(methods) || isMap(methods))) {
    diags.push(
      structure(
        file,
        root ?? undefined,
        'a YAML method catalogue needs a top-level `methods:` list or mapping',
      ),
    );
    return [];
  }
  const out: Statement[] = [];
  if (isSeq(methods)) {
    for (const item of methods.items) {
      if (!isMap(item))
        diags.push(structure(file, item as Node, 'each entry of `methods` must be a mapping'));
      else pushEntry(out, file, item, undefined, diags);
    }
  } else {
    for (const pair of methods.items) {
      if (!isMap(pair.value))
        diags.push(
          structure(file, pair.value as Node, `method \`${String(pair.key)}\` must be a mapping`),
        );
      else pushEntry(out, file, pair.value, pair.key as Node, diags);
    }
  }
  return out;
}

function pushEntry(
  out: Statement[],
  file: string,
  entry: YAMLMap,
  key: Node | undefined,
  diags: Diagnostic[],
): void {
  const stmt = entryToStatement(file, entry, key, diags);
  if (stmt) out.push(stmt);
}

function entryToStatement(
  file: string,
  entry: YAMLMap,
  key: Node | undefined,
  diags: Diagnostic[],
): Statement | undefined {
  const fields = new Map<string, Pair>();
  for (const pair of entry.items) {
    const name = String(isScalar(pair.key) ? pair.key.value : pair.key);
    if (ENTRY_KEYS.includes(name)) fields.set(name, pair);
    else {
      const d = structure(file, pair.key as Node, `unknown key \`${name}\` in a method entry`);
      diags.push({
        ...d,
        help: didYouMean(name, ENTRY_KEYS) ?? `keys are ${ENTRY_KEYS.join(', ')}`,
      });
    }
  }
  const enabled = fields.get('enabled')?.value;
  if (isScalar(enabled) && enabled.value === false) return undefined;
  const idNode = (key ?? fields.get('id')?.value) as Node | undefined;
  const id =
    isScalar(idNode) && typeof idNode.value === 'string'
      ? ident(idNode.value, spanOf(file, idNode))
      : undefined;
  if (!id) {
    diags.push(structure(file, idNode ?? entry, 'a method entry needs a string `id`'));
    return undefined;
  }
  const span = spanOf(file, entry);
  const value = callOf(file, id, fields, diags);
  const body = bodyOf(file, fields, diags);
  return { kind: 'statement', keyword: ident('method', id.span), labels: [id], value, body, span };
}

function callOf(file: string, id: Ident, fields: Map<string, Pair>, diags: Diagnostic[]): Expr {
  const command = fields.get('command');
  if (command) {
    const arg = toExpr(file, command.value as Node, diags);
    return {
      kind: 'call',
      callee: ident('command', arg.span),
      args: [{ value: arg, span: arg.span }],
      span: arg.span,
    };
  }
  const methodNode = fields.get('method')?.value as Node | undefined;
  const callee = isScalar(methodNode)
    ? ident(String(methodNode.value), spanOf(file, methodNode))
    : id;
  const params = fields.get('params')?.value as Node | undefined;
  const args = [];
  if (isMap(params)) {
    for (const p of params.items) {
      const name = ident(
        String(isScalar(p.key) ? p.key.value : p.key),
        spanOf(file, p.key as Node),
      );
      const value = toExpr(file, p.value as Node, diags);
      args.push({ name, value, span: { ...name.span, end: value.span.end } });
    }
  } else if (params)
    diags.push(structure(file, params, '`params` must be a mapping of parameter names to values'));
  return { kind: 'call', callee, args, span: callee.span };
}

/** io, image, env, pass_env and resources become the method's block body. */
function bodyOf(file: string, fields: Map<string, Pair>, diags: Diagnostic[]): Statement[] {
  const body: Statement[] = [];
  for (const name of ['io', 'image', 'pass_env']) {
    const pair = fields.get(name);
    if (pair) body.push(attribute(file, pair, diags));
  }
  for (const name of ['env', 'resources']) {
    const node = fields.get(name)?.value as Node | undefined;
    if (!node) continue;
    if (!isMap(node)) {
      diags.push(structure(file, node, `\`${name}\` must be a mapping`));
      continue;
    }
    const span = spanOf(file, node);
    const inner = node.items.map((p) => attribute(file, p, diags));
    body.push({ kind: 'statement', keyword: ident(name, span), labels: [], body: inner, span });
  }
  return body;
}

function attribute(file: string, pair: Pair, diags: Diagnostic[]): Statement {
  const keyNode = pair.key as Node;
  const keyword = ident(String(isScalar(keyNode) ? keyNode.value : keyNode), spanOf(file, keyNode));
  const value = toExpr(file, pair.value as Node, diags);
  return {
    kind: 'statement',
    keyword,
    labels: [],
    value,
    span: { ...keyword.span, end: value.span.end },
  };
}

function toExpr(file: string, node: Node | null | undefined, diags: Diagnostic[]): Expr {
  const span = node ? spanOf(file, node) : { file, start: 0, end: 0 };
  if (isSeq(node))
    return { kind: 'list', items: node.items.map((n) => toExpr(file, n as Node, diags)), span };
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'number')
      return { kind: 'number', value: v, raw: String(node.source ?? v), span };
    if (typeof v === 'boolean') return { kind: 'bool', value: v, span };
    if (typeof v === 'string') {
      const m = node.type === 'PLAIN' ? NUMBER_WITH_UNIT.exec(v) : null;
      if (m?.[1] && m[2])
        return {
          kind: 'number',
          value: Number(m[1].replaceAll('_', '')),
          unit: m[2],
          raw: v,
          span,
        };
      return { kind: 'string', value: v, span };
    }
  }
  diags.push(
    structure(file, node ?? undefined, 'expected a string, number, boolean or list here', span),
  );
  return { kind: 'error', span };
}

function structure(file: string, node: Node | undefined, message: string, at?: Span): Diagnostic {
  return {
    code: 'AUG2013',
    severity: 'error',
    message,
    span: at ?? (node ? spanOf(file, node) : { file, start: 0, end: 0 }),
  };
}

function spanOf(file: string, node: Node): Span {
  const range = node.range;
  return range ? { file, start: range[0], end: range[1] } : { file, start: 0, end: 0 };
}

function ident(name: string, span: Span): Ident {
  return { kind: 'ident', name, span };
}

/** The yaml package's first line, without its own `at line L, column C:` (the span shows it). */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message)
    .replace(/:$/, '')
    .replace(/ at line \d+, column \d+$/, '')
    .replace(/\.$/, '')
    .replace(/^./, (c) => c.toLowerCase());
}
