import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import { parseSource } from '../syntax/parse-source.js';
import type { CallExpr, Expr, Ident, Label, Statement } from '../syntax/tree.js';
import { mergeStatements } from './merge-statements.js';

export const SET_FILE = '<--set>';

const LABELLED = new Set(['target', 'method']);
const VALUE_LABELLED = new Set(['input', 'output']);

interface SetState {
  sources: { file: string; text: string }[];
  diags: Diagnostic[];
}

/**
 * Applies `--set key=value` overrides like a profile. All overrides share one synthetic source
 * file `<--set>` (one override a line), so spans render with the override's own text.
 */
export function applySets(
  body: readonly Statement[],
  sets: readonly string[],
  state: SetState,
): Statement[] {
  if (sets.length === 0) return [...body];
  state.sources.push({ file: SET_FILE, text: sets.join('\n') });
  let out = [...body];
  let offset = 0;
  for (const set of sets) {
    const overlay = parseSet(set, offset, out, state.diags);
    if (overlay) out = mergeStatements(out, [overlay]);
    offset += set.length + 1;
  }
  return out;
}

/**
 * Lines in `--set` syntax from another synthetic source (the CLI's configured defaults), each
 * parsed on its own into the statement it would overlay; spans point into `file`.
 */
export function parseSetLines(file: string, sets: readonly string[], state: SetState): Statement[] {
  if (sets.length === 0) return [];
  state.sources.push({ file, text: sets.join('\n') });
  const out: Statement[] = [];
  let offset = 0;
  for (const set of sets) {
    const overlay = parseSet(set, offset, [], state.diags, file);
    if (overlay) out.push(overlay);
    offset += set.length + 1;
  }
  return out;
}

function parseSet(
  set: string,
  offset: number,
  body: readonly Statement[],
  diags: Diagnostic[],
  file = SET_FILE,
): Statement | undefined {
  const span: Span = { file, start: offset, end: offset + set.length };
  const eq = set.indexOf('=');
  const key = eq < 0 ? '' : set.slice(0, eq).trim();
  if (!/^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$/.test(key)) {
    diags.push(
      invalid(`\`--set\` expects \`key=value\` with a dotted key, found \`${set}\``, span),
    );
    return undefined;
  }
  // `resources.memory=4GiB` parses as the statement `resources memory=4GiB` (same offsets), whose
  // keyword and labels are the path.
  const padding = ' '.repeat(offset);
  const parsed = parseSource(file, padding + set.slice(0, eq).replaceAll('.', ' ') + set.slice(eq));
  diags.push(...parsed.diagnostics);
  const stmt = parsed.value?.statements[0];
  if (parsed.diagnostics.length > 0 || !stmt) return undefined;
  if (parsed.value?.statements.length !== 1 || stmt.body || !stmt.value) {
    diags.push(invalid(`cannot read \`--set ${set}\` as \`key=value\``, span));
    return undefined;
  }
  return toOverlay([stmt.keyword, ...stmt.labels], bareWordAsString(stmt), body, span, diags);
}

/**
 * `--set target.slurm.partition=gpu`: a bare word is taken as a string, so values need no shell
 * quoting; name-valued settings (`input.format=csv`) accept strings too. `method.x=spelling` keeps
 * its name, which is a call without arguments.
 */
function bareWordAsString(stmt: Statement): Expr {
  const value = stmt.value as Expr;
  const isMethod = stmt.keyword.name === 'method' && stmt.labels.length === 1;
  return value.kind === 'ident' && !isMethod
    ? { kind: 'string', value: value.name, span: value.span }
    : value;
}

function toOverlay(
  path: readonly Label[],
  value: Expr,
  base: readonly Statement[],
  span: Span,
  diags: Diagnostic[],
): Statement | undefined {
  const [head, ...rest] = path;
  if (head?.kind !== 'ident') return undefined;
  const keyword: Ident = head;
  const existing = base.filter((s) => s.keyword.name === keyword.name);
  if (rest.length === 0) {
    if (VALUE_LABELLED.has(keyword.name) && value.kind === 'string') {
      return { kind: 'statement', keyword, labels: [value], body: [], span };
    }
    return { kind: 'statement', keyword, labels: [], value, span };
  }
  if (LABELLED.has(keyword.name)) {
    const [label, ...inner] = rest;
    if (!label) return undefined;
    const name = label.kind === 'ident' ? label.name : label.value;
    const current = existing.find((s) =>
      s.labels.some((l) => (l.kind === 'ident' ? l.name : l.value) === name),
    );
    if (inner.length === 0) return { kind: 'statement', keyword, labels: [label], value, span };
    const param =
      keyword.name === 'method' && inner.length === 1
        ? setParam(current, inner[0], value)
        : undefined;
    if (param) return { kind: 'statement', keyword, labels: [label], value: param, span };
    const child = toOverlay(inner, value, current?.body ?? [], span, diags);
    return child && { kind: 'statement', keyword, labels: [label], body: [child], span };
  }
  const labels = VALUE_LABELLED.has(keyword.name) ? (existing[0]?.labels ?? []) : [];
  const child = toOverlay(rest, value, existing[0]?.body ?? [], span, diags);
  return child && { kind: 'statement', keyword, labels, body: [child], span };
}

/** `method.syn.aug_p=0.2` replaces (or adds) one named argument of the method's call. */
function setParam(
  method: Statement | undefined,
  name: Label | undefined,
  value: Expr,
): CallExpr | undefined {
  const call = method?.value;
  if (
    call?.kind !== 'call' ||
    call.callee.name === 'command' ||
    name?.kind !== 'ident' ||
    name.name === 'resources'
  ) {
    return undefined;
  }
  const arg = { name, value, span: { ...name.span, end: value.span.end } };
  const at = call.args.findIndex((a) => a.name?.name === name.name);
  const args = at < 0 ? [...call.args, arg] : call.args.map((a, i) => (i === at ? arg : a));
  return { ...call, args };
}

function invalid(message: string, span: Span): Diagnostic {
  return {
    code: 'AUG2015',
    severity: 'error',
    message,
    span,
    help: 'e.g. `--set variants=3`, `--set resources.memory=4GiB`, `--set target.slurm.partition=gpu`',
  };
}
