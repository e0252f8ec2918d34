import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Statement } from '../syntax/tree.js';
import { parseSetLines } from './apply-set.js';
import { fillStatements, mergeStatements } from './merge-statements.js';

/**
 * One configured default: a `key=value` line in `--set` syntax and where the CLI read it, e.g.
 * `config /home/u/.config/augc/config.yaml` or `env AUGC_SLURM_PARTITION`.
 */
export interface ConfiguredDefault {
  set: string;
  origin: string;
}

/**
 * The synthetic source a default's origin is parsed from: spans in diagnostics point here, and
 * lowering reads a target option's origin back from it (`<env AUGC_X>` -> `env AUGC_X`).
 */
export function defaultsFile(origin: string): string {
  return `<${origin}>`;
}

/**
 * Applies configured defaults (lowest precedence first: the CLI reads them from
 * `~/.config/augc/config.yaml` and `AUGC_*`) UNDER the pipeline: they set only what the pipeline
 * and its profile leave unset, and `--set` still overrides them. Lines of one origin share one
 * synthetic source, so a renderer finds each span's text; a later origin overrides an earlier one.
 */
export function applyDefaults(
  body: readonly Statement[],
  defaults: readonly ConfiguredDefault[],
  state: { sources: { file: string; text: string }[]; diags: Diagnostic[] },
): Statement[] {
  if (defaults.length === 0) return [...body];
  const byOrigin = new Map<string, string[]>();
  for (const d of defaults) byOrigin.set(d.origin, [...(byOrigin.get(d.origin) ?? []), d.set]);
  // Origins in the order first given (the file before the environment), each its lines in order.
  const lines = [...byOrigin].flatMap(([origin, sets]) =>
    parseSetLines(defaultsFile(origin), sets, state),
  );
  const under = lines.reduce<Statement[]>((acc, line) => mergeStatements(acc, [line]), []);
  return fillStatements(body, under);
}
