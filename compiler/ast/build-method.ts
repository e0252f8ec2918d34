import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CallExpr, Statement } from '../syntax/tree.js';
import { buildCommandMethod } from './build-command.js';
import { buildResources } from './build-resources.js';
import { readBlock } from './read-block.js';
import { readParam, typeError } from './read-value.js';
import type { Located, MethodDecl, StdlibMethodDecl } from './types.js';
import { IMPORTED_FROM } from './yaml-import.js';
import { METHOD_BLOCKS } from './block-schemas.js';

/** `method <name> = <catalogue_method>(k = v, ...) { resources { ... } }` or a `command(...)` method. */
export function buildMethod(stmt: Statement, diags: Diagnostic[]): MethodDecl | undefined {
  const label = stmt.labels[0];
  if (stmt.labels.length !== 1 || !label || stmt.value === undefined) {
    diags.push({
      code: 'AUG2004',
      severity: 'error',
      message: '`method` is written `method <name> = <method>(<param> = <value>, ...)`',
      span: stmt.span,
    });
    return undefined;
  }
  const name = { value: label.kind === 'ident' ? label.name : label.value, span: label.span };
  const value = stmt.value;
  const call: CallExpr | undefined =
    value.kind === 'call'
      ? value
      : value.kind === 'ident'
        ? { kind: 'call', callee: value, args: [], span: value.span }
        : undefined;
  if (!call)
    return typeError(
      'a method call such as `spelling(aug_p = 0.1)`',
      value,
      `method ${name.value}`,
      diags,
    );
  const decl =
    call.callee.name === 'command'
      ? buildCommandMethod(stmt, name, call, diags)
      : buildStdlibMethod(stmt, name, call, diags);
  const from = IMPORTED_FROM.get(stmt);
  if (decl && from) decl.importedFrom = from;
  return decl;
}

function buildStdlibMethod(
  stmt: Statement,
  name: Located<string>,
  call: CallExpr,
  diags: Diagnostic[],
): StdlibMethodDecl {
  const decl: StdlibMethodDecl = {
    kind: 'stdlib',
    name,
    method: { value: call.callee.name, span: call.callee.span },
    params: [],
    span: stmt.span,
  };
  const positional = [];
  for (const arg of call.args) {
    const value = readParam(arg.value, arg.name?.name ?? call.callee.name, diags);
    if (!value) continue;
    if (arg.name) decl.params.push({ name: { value: arg.name.name, span: arg.name.span }, value });
    else positional.push(value);
  }
  if (positional.length > 0) decl.positional = positional;
  if (stmt.body !== undefined) {
    const block = readBlock(stmt.body, { attributes: [], blocks: METHOD_BLOCKS }, 'method', diags);
    const resources = block.get('resources');
    if (resources) decl.resources = buildResources(resources, diags);
  }
  return decl;
}
