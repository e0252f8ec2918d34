import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CallExpr, Expr, Statement } from '../syntax/tree.js';
import { didYouMean } from './did-you-mean.js';
import { blockBody, readBlock } from './read-block.js';
import { attributeValue, readInt, readQuantity, typeError } from './read-value.js';
import type { BackoffDecl, RetryCondition, RetryDecl } from './types.js';
import {
  BACKOFF_KINDS,
  ESCALATED_RESOURCES,
  RETRY_ATTRIBUTES,
  RETRY_BLOCKS,
  RETRY_CONDITIONS,
} from './block-schemas.js';

/** `retry { attempts = 3  backoff = exponential(10s, max = 5m)  on = [...]  escalate { memory = 2x } }` */
export function buildRetry(stmt: Statement, diags: Diagnostic[]): RetryDecl {
  const schema = { attributes: RETRY_ATTRIBUTES, blocks: RETRY_BLOCKS };
  const block = readBlock(blockBody(stmt, diags), schema, 'retry', diags);
  const decl: RetryDecl = { on: [], escalate: [], span: stmt.span };
  for (const [key, attr] of block) {
    if (key === 'escalate') {
      decl.escalate = readEscalate(attr, diags);
      continue;
    }
    const expr = attributeValue(attr, diags);
    if (!expr) continue;
    if (key === 'attempts') {
      const attempts = readInt(expr, key, diags);
      if (attempts) decl.attempts = attempts;
    } else if (key === 'backoff') {
      const backoff = readBackoff(expr, diags);
      if (backoff) decl.backoff = backoff;
    } else {
      const items = expr.kind === 'list' ? expr.items : [expr];
      decl.on = items.flatMap((item) => readCondition(item, diags) ?? []);
    }
  }
  return decl;
}

function readBackoff(expr: Expr, diags: Diagnostic[]): BackoffDecl | undefined {
  const help = 'e.g. `fixed(30s)` or `exponential(10s, max = 5m, factor = 2)`';
  if (expr.kind !== 'call' || !(BACKOFF_KINDS as readonly string[]).includes(expr.callee.name)) {
    return typeError('`fixed(...)` or `exponential(...)`', expr, 'backoff', diags, help);
  }
  const [first, ...rest] = expr.args;
  const base =
    first && !first.name ? readQuantity(first.value, 'seconds', 'backoff', diags) : undefined;
  if (!first || first.name)
    return typeError('a delay as first argument', expr, 'backoff', diags, help);
  if (!base) return undefined;
  if (expr.callee.name === 'fixed') {
    if (rest.length > 0) return typeError('one delay', expr, 'fixed', diags, help);
    return { kind: 'fixed', delaySeconds: base, span: expr.span };
  }
  const decl: BackoffDecl = { kind: 'exponential', baseSeconds: base, span: expr.span };
  for (const arg of rest) {
    if (arg.name?.name === 'max') {
      const max = readQuantity(arg.value, 'seconds', 'max', diags);
      if (max) decl.maxSeconds = max;
    } else if (arg.name?.name === 'factor') {
      const factor = readQuantity(arg.value, 'factor', 'factor', diags);
      if (factor) decl.factor = factor;
    } else {
      typeError('the named arguments `max` and `factor`', arg.value, 'exponential', diags, help);
    }
  }
  return decl;
}

function readCondition(expr: Expr, diags: Diagnostic[]): RetryCondition | undefined {
  const all = [...RETRY_CONDITIONS, 'exit(<code>)', 'signal(<name>)'];
  if (expr.kind === 'ident') {
    const kind = RETRY_CONDITIONS.find((c) => c === expr.name);
    if (kind) return { kind, span: expr.span };
    diags.push({
      code: 'AUG2009',
      severity: 'error',
      message: `\`${expr.name}\` is not a retry condition`,
      span: expr.span,
      help:
        didYouMean(expr.name, RETRY_CONDITIONS) ??
        `expected one of ${all.map((c) => `\`${c}\``).join(', ')}`,
    });
    return undefined;
  }
  if (expr.kind === 'call' && expr.args.length === 1 && !expr.args[0]?.name) {
    return readCallCondition(expr, diags);
  }
  return typeError(`a retry condition (${all.join(', ')})`, expr, 'on', diags);
}

function readCallCondition(expr: CallExpr, diags: Diagnostic[]): RetryCondition | undefined {
  const arg = expr.args[0]?.value;
  if (!arg) return undefined;
  if (expr.callee.name === 'exit') {
    const code = readInt(arg, 'exit', diags);
    return code && { kind: 'exit', code: code.value, span: expr.span };
  }
  if (expr.callee.name === 'signal') {
    const name =
      arg.kind === 'ident' || arg.kind === 'string'
        ? arg.kind === 'ident'
          ? arg.name
          : arg.value
        : undefined;
    if (name !== undefined && /^(SIG)?[A-Z0-9]+$/.test(name)) {
      return {
        kind: 'signal',
        signal: name.startsWith('SIG') ? name : `SIG${name}`,
        span: expr.span,
      };
    }
    if (arg.kind === 'number')
      return { kind: 'signal', signal: String(arg.value), span: expr.span };
    return typeError('a signal name such as `SIGKILL`', arg, 'signal', diags);
  }
  return typeError('`exit(<code>)` or `signal(<name>)`', expr, 'on', diags);
}

function readEscalate(stmt: Statement, diags: Diagnostic[]): RetryDecl['escalate'] {
  const block = readBlock(
    blockBody(stmt, diags),
    { attributes: ESCALATED_RESOURCES },
    'escalate',
    diags,
  );
  const out: RetryDecl['escalate'] = [];
  for (const [key, attr] of block) {
    const expr = attributeValue(attr, diags);
    const factor = expr && readQuantity(expr, 'factor', key, diags);
    const resource = ESCALATED_RESOURCES.find((r) => r === key);
    if (factor && resource)
      out.push({ resource: { value: resource, span: attr.keyword.span }, factor });
  }
  return out;
}
