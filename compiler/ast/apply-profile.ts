import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import type { Statement } from '../syntax/tree.js';
import { mergeStatements } from './merge-statements.js';
import type { Located } from './types.js';

export interface ProfileResult {
  body: Statement[];
  profiles: Located<string>[];
  /** The selected profile's statement. */
  span?: Span;
}

/**
 * Removes the `profile` statements from a pipeline body and merges the selected one over it.
 * An unknown profile name is an error listing the declared ones.
 */
export function applyProfile(
  body: readonly Statement[],
  selected: string | undefined,
  at: Span,
  diags: Diagnostic[],
): ProfileResult {
  const declared = new Map<string, Statement>();
  const rest: Statement[] = [];
  for (const stmt of body) {
    if (stmt.keyword.name !== 'profile') rest.push(stmt);
    else registerProfile(stmt, declared, diags);
  }
  const profiles = [...declared].map(([name, s]) => ({
    value: name,
    span: s.labels[0]?.span ?? s.span,
  }));
  if (selected === undefined) return { body: rest, profiles };
  const profile = declared.get(selected);
  if (!profile) {
    const known = [...declared.keys()].map((n) => `\`${n}\``).join(', ');
    diags.push({
      code: 'AUG2014',
      severity: 'error',
      message: `unknown profile \`${selected}\``,
      span: at,
      help: known ? `declared profiles: ${known}` : 'this pipeline declares no profile',
    });
    return { body: rest, profiles };
  }
  return { body: mergeStatements(rest, profile.body ?? []), profiles, span: profile.span };
}

function registerProfile(
  stmt: Statement,
  declared: Map<string, Statement>,
  diags: Diagnostic[],
): void {
  const label = stmt.labels[0];
  if (stmt.labels.length !== 1 || !label || stmt.body === undefined || stmt.value !== undefined) {
    diags.push({
      code: 'AUG2004',
      severity: 'error',
      message: '`profile` is written `profile <name> { <pipeline statements> }`',
      span: stmt.span,
    });
    return;
  }
  const name = label.kind === 'ident' ? label.name : label.value;
  const first = declared.get(name);
  if (first) {
    diags.push({
      code: 'AUG2018',
      severity: 'error',
      message: `profile \`${name}\` is declared twice`,
      span: label.span,
      related: [{ span: first.labels[0]?.span ?? first.span, message: 'first defined here' }],
    });
    return;
  }
  const nested = stmt.body.find((s) => s.keyword.name === 'profile');
  if (nested) {
    diags.push({
      code: 'AUG2008',
      severity: 'error',
      message: 'a `profile` cannot contain another `profile`',
      span: nested.keyword.span,
    });
  }
  declared.set(name, { ...stmt, body: stmt.body.filter((s) => s !== nested) });
}
