import type { PipelineAst } from '../../ast/types.js';
import { countCombos } from '../count-combos.js';
import type { CheckContext, Rule } from '../rule.js';

export const DEFAULT_MAX_TASKS = 100_000;

const fmt = (n: number): string => n.toLocaleString('en-US');

/** Chunks per combo: `count`, or rows / rows-per-chunk when the input's size is known (else 1, a lower bound). */
function chunkCount(ast: PipelineAst, ctx: CheckContext): { chunks: number; known: boolean } {
  const chunk = ast.chunk;
  if (!chunk) return { chunks: 1, known: true };
  if (chunk.kind === 'count') return { chunks: Math.max(1, chunk.count.value), known: true };
  const rows = ctx.inputProbe?.rows;
  if (rows === undefined || chunk.rows.value < 1) return { chunks: 1, known: false };
  return { chunks: Math.max(1, Math.ceil(rows / chunk.rows.value)), known: true };
}

/** tasks = combos (after exclusions) x chunks must fit the `max_tasks` budget. */
export const comboExplosionRule: Rule = {
  name: 'combo-explosion',
  codes: ['AUG2112'],
  check(ast, ctx) {
    const combos = countCombos(ast);
    const { chunks, known } = chunkCount(ast, ctx);
    const tasks = combos * chunks;
    const budget = ast.maxTasks?.value ?? DEFAULT_MAX_TASKS;
    // A budget below 1 is reported by value-ranges; comparing against it would only add noise.
    if (tasks <= budget || budget < 1) return [];
    const span = ast.combos?.span ?? ast.maxTasks?.span ?? ast.name.span;
    return [
      {
        code: 'AUG2112',
        severity: 'error',
        message: `the pipeline expands to ${known ? '' : 'at least '}${fmt(tasks)} tasks, over the budget of ${fmt(budget)}`,
        span,
        notes: [
          `${fmt(combos)} combos x ${fmt(chunks)} chunk${chunks === 1 ? '' : 's'} = ${fmt(tasks)} tasks`,
        ],
        help: 'select fewer combos (`up_to`, `exclude`), use fewer or larger chunks, or raise `max_tasks`',
        ...(ast.maxTasks
          ? { related: [{ span: ast.maxTasks.span, message: 'budget set here' }] }
          : {}),
      },
    ];
  },
};
