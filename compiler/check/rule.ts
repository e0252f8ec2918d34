import type { PipelineAst } from '../ast/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** What the compiler could learn about the environment, e.g. by reading the input's header. */
export interface CheckContext {
  inputProbe?: { columns: string[]; rows?: number };
}

/** One semantic check (graphql-js style: one rule a file, each owning its codes). */
export interface Rule {
  name: string;
  codes: readonly string[];
  check(ast: PipelineAst, ctx: CheckContext): Diagnostic[];
}

/** Backticked, comma-separated names for messages. */
export function listNames(names: readonly string[]): string {
  return names.map((n) => `\`${n}\``).join(', ');
}
