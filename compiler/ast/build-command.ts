import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CallExpr, Statement } from '../syntax/tree.js';
import { buildResources } from './build-resources.js';
import { blockBody, readBlock } from './read-block.js';
import { attributeValue, readEnum, readString, readStringList, typeError } from './read-value.js';
import { splitCommand } from './split-command.js';
import type { CommandMethodDecl, Located } from './types.js';
import { COMMAND_ATTRIBUTES, COMMAND_BLOCKS, COMMAND_IO_MODES } from './block-schemas.js';

const SCHEMA = { attributes: COMMAND_ATTRIBUTES, blocks: COMMAND_BLOCKS };

/**
 * `method mlm = command("python x.py --k v") { io = stdio image = "..." env { K = "v" }
 * pass_env = [...] resources {...} }`
 */
export function buildCommandMethod(
  stmt: Statement,
  name: Located<string>,
  call: CallExpr,
  diags: Diagnostic[],
): CommandMethodDecl | undefined {
  const argv = readArgv(call, diags);
  if (!argv) return undefined;
  const decl: CommandMethodDecl = {
    kind: 'command',
    name,
    argv,
    env: [],
    passEnv: [],
    span: stmt.span,
  };
  if (stmt.body === undefined) return decl;
  const block = readBlock(stmt.body, SCHEMA, 'method', diags);
  for (const [key, attr] of block) {
    if (key === 'resources') decl.resources = buildResources(attr, diags);
    else if (key === 'env') decl.env = readEnv(attr, diags);
    else {
      const expr = attributeValue(attr, diags);
      if (!expr) continue;
      if (key === 'image') {
        const image = readString(expr, key, diags);
        if (image) decl.image = image;
      } else if (key === 'io') {
        const io = readEnum(expr, COMMAND_IO_MODES, key, diags);
        if (io) decl.io = io;
      } else decl.passEnv = readStringList(expr, key, diags);
    }
  }
  checkStdioOutput(decl, diags);
  return decl;
}

/** In `io = stdio` the program's stdout is its output: there is no output file to name. */
function checkStdioOutput(decl: CommandMethodDecl, diags: Diagnostic[]): void {
  if (decl.io?.value !== 'stdio' || !decl.argv.value.some((a) => a.includes('{output}'))) return;
  diags.push({
    code: 'AUG2129',
    severity: 'error',
    message: 'a command with `io = stdio` has no `{output}` file: it prints its rows on stdout',
    span: decl.argv.span,
    related: [{ span: decl.io.span, message: '`io = stdio` set here' }],
    help: 'drop `{output}` from the command, or use `io = files` (the default)',
  });
}

function readArgv(call: CallExpr, diags: Diagnostic[]): Located<string[]> | undefined {
  const [arg, ...extra] = call.args;
  if (!arg || arg.name || extra.length > 0) {
    diags.push({
      code: 'AUG2004',
      severity: 'error',
      message: '`command` takes one command string or one list of arguments',
      span: call.span,
      help: 'e.g. `command("python tools/mlm_sub.py --model roberta-base")`',
    });
    return undefined;
  }
  const expr = arg.value;
  if (expr.kind === 'list') {
    const argv = readStringList(expr, 'command', diags).map((s) => s.value);
    return argv.length > 0 ? { value: argv, span: expr.span } : emptyCommand(expr.span, diags);
  }
  if (expr.kind !== 'string')
    return typeError('a command string or a list of strings', expr, 'command', diags);
  const split = splitCommand(expr.value);
  if (!split.ok) {
    diags.push({
      code: 'AUG2016',
      severity: 'error',
      message: `cannot split the command into arguments: ${split.error}`,
      span: expr.span,
      help: 'quote with \'...\' or "..." and escape a lone quote with a backslash',
    });
    return undefined;
  }
  return split.argv.length > 0
    ? { value: split.argv, span: expr.span }
    : emptyCommand(expr.span, diags);
}

function emptyCommand(span: Located<string>['span'], diags: Diagnostic[]): undefined {
  diags.push({ code: 'AUG2016', severity: 'error', message: 'the command is empty', span });
  return undefined;
}

function readEnv(stmt: Statement, diags: Diagnostic[]): CommandMethodDecl['env'] {
  const env: CommandMethodDecl['env'] = [];
  for (const entry of blockBody(stmt, diags)) {
    const expr = attributeValue(entry, diags);
    const value = expr && readString(expr, entry.keyword.name, diags);
    if (value) env.push({ name: { value: entry.keyword.name, span: entry.keyword.span }, value });
  }
  return env;
}
