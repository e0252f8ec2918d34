import type { Located, PipelineAst } from '../../ast/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Rule } from '../rule.js';

type Check = [Located<number> | undefined, string, (v: number) => boolean, string];

function outOfRange(loc: Located<number>, what: string, expected: string): Diagnostic {
  return {
    code: 'AUG2113',
    severity: 'error',
    message: `\`${what}\` must be ${expected}, found ${loc.value}`,
    span: loc.span,
  };
}

function checks(ast: PipelineAst): Check[] {
  const sel = ast.combos?.selection;
  const k = sel?.kind === 'up_to' || sel?.kind === 'size' ? sel.k : undefined;
  const chunk = ast.chunk;
  const inUnit = (v: number): boolean => v >= 0 && v <= 1;
  return [
    [ast.variants, 'variants', (v) => v >= 1 && v <= 1000, 'between 1 and 1000'],
    [
      ast.seed,
      'seed',
      (v) => v >= 0 && v <= Number.MAX_SAFE_INTEGER,
      'a non-negative whole number',
    ],
    [ast.maxTasks, 'max_tasks', (v) => v >= 1, 'at least 1'],
    [k, sel?.kind ?? 'up_to', (v) => v >= 1, 'at least 1'],
    [chunk?.kind === 'rows' ? chunk.rows : undefined, 'chunk.rows', (v) => v >= 1, 'at least 1'],
    [chunk?.kind === 'count' ? chunk.count : undefined, 'chunk.count', (v) => v >= 1, 'at least 1'],
    [ast.quality?.min, 'quality.min', inUnit, 'between 0 and 1'],
    [ast.quality?.max, 'quality.max', inUnit, 'between 0 and 1'],
    [ast.quality?.minKept, 'quality.min_kept', inUnit, 'between 0 and 1'],
    ...(ast.retry?.escalate ?? []).map((e): Check => [
      e.factor,
      `escalate.${e.resource.value}`,
      (v) => v >= 1,
      'a factor of at least 1',
    ]),
  ];
}

/** Pipeline settings in their ranges: variants, seed, budget, combo size, chunking, quality bounds, escalation. */
export const valueRangesRule: Rule = {
  name: 'value-ranges',
  codes: ['AUG2113'],
  check(ast) {
    const out = checks(ast).flatMap(([loc, what, ok, expected]) =>
      loc && !ok(loc.value) ? [outOfRange(loc, what, expected)] : [],
    );
    const { min, max } = ast.quality ?? {};
    if (min && max && min.value > max.value && min.value >= 0 && max.value <= 1) {
      out.push({
        code: 'AUG2113',
        severity: 'error',
        message: `\`quality.min\` (${min.value}) is greater than \`quality.max\` (${max.value})`,
        span: min.span,
        related: [{ span: max.span, message: '`max` set here' }],
        help: 'no augmented text could pass this filter',
      });
    }
    return out;
  },
};
