import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Statement } from '../syntax/tree.js';
import { didYouMean } from './did-you-mean.js';

export interface BlockSchema {
  /** `key = value` attributes the block accepts. */
  attributes: readonly string[];
  /** Nested `key { ... }` blocks the block accepts. */
  blocks?: readonly string[];
}

/**
 * Indexes a block's statements by keyword, reporting unknown keywords (with did-you-mean) and
 * repeated ones (with "first defined here"). `where` names the block in messages, e.g. `input`.
 */
export function readBlock(
  body: readonly Statement[],
  schema: BlockSchema,
  where: string,
  diags: Diagnostic[],
): Map<string, Statement> {
  const known = [...schema.attributes, ...(schema.blocks ?? [])];
  const seen = new Map<string, Statement>();
  for (const stmt of body) {
    const key = stmt.keyword.name;
    if (!known.includes(key)) {
      const hint = didYouMean(key, known);
      diags.push({
        code: 'AUG2002',
        severity: 'error',
        message: `unknown attribute \`${key}\` in \`${where}\``,
        span: stmt.keyword.span,
        help: hint ?? `\`${where}\` accepts ${known.map((k) => `\`${k}\``).join(', ')}`,
      });
      continue;
    }
    const first = seen.get(key);
    if (first) {
      diags.push(duplicate(key, stmt, first, where));
      continue;
    }
    seen.set(key, stmt);
  }
  return seen;
}

export function duplicate(
  key: string,
  again: Statement,
  first: Statement,
  where: string,
): Diagnostic {
  return {
    code: 'AUG2003',
    severity: 'error',
    message: `\`${key}\` is set twice in \`${where}\``,
    span: again.keyword.span,
    related: [{ span: first.keyword.span, message: 'first defined here' }],
  };
}

/** The body of `key { ... }`, reporting a missing block, labels or a stray `= value`. */
export function blockBody(stmt: Statement, diags: Diagnostic[], labels = 0): Statement[] {
  const what = stmt.keyword.name;
  if (stmt.body === undefined || stmt.value !== undefined || stmt.labels.length !== labels) {
    diags.push({
      code: 'AUG2004',
      severity: 'error',
      message:
        labels === 0
          ? `\`${what}\` is a block and is written \`${what} { ... }\``
          : `\`${what}\` is written \`${what} <name> { ... }\` with exactly ${labels} name`,
      span: stmt.span,
    });
  }
  return stmt.body ?? [];
}

/** Reports every exclusive key present beyond the first; returns the first present. */
export function exclusive(
  block: Map<string, Statement>,
  keys: readonly string[],
  where: string,
  diags: Diagnostic[],
): Statement | undefined {
  const present = keys
    .flatMap((k) => block.get(k) ?? [])
    .sort((a, b) => a.span.start - b.span.start);
  const [first, ...rest] = present;
  for (const extra of rest) {
    diags.push({
      code: 'AUG2017',
      severity: 'error',
      message: `\`${where}\` takes only one of ${keys.map((k) => `\`${k}\``).join(', ')}`,
      span: extra.keyword.span,
      ...(first
        ? { related: [{ span: first.keyword.span, message: `\`${first.keyword.name}\` set here` }] }
        : {}),
    });
  }
  return first;
}
