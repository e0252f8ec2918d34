import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Statement } from '../syntax/tree.js';
import { parseSetLines } from './apply-set.js';
import { fillStatements, mergeStatements } from './merge-statements.js';

/** The synthetic source configured defaults are parsed from (spans in diagnostics point here). */
export const CONFIG_FILE = '<config>';

/**
 * Applies configured defaults (`key=value` in `--set` syntax, lowest precedence first: the CLI
 * reads them from `~/.config/augc/config.yaml` and `AUGC_*`) UNDER the pipeline: they set only
 * what the pipeline and its profile leave unset, and `--set` still overrides them.
 */
export function applyDefaults(
  body: readonly Statement[],
  defaults: readonly string[],
  state: { sources: { file: string; text: string }[]; diags: Diagnostic[] },
): Statement[] {
  if (defaults.length === 0) return [...body];
  const lines = parseSetLines(CONFIG_FILE, defaults, state);
  const under = lines.reduce<Statement[]>((acc, line) => mergeStatements(acc, [line]), []);
  return fillStatements(body, under);
}
