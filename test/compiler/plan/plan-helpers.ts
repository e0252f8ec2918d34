// Shared helpers for plan tests: lower an AST with the fake catalogue and build its plan.
import type { PipelineAst } from '../../../compiler/ast/types.js';
import type { Result } from '../../../compiler/diagnostics/diagnostic.js';
import { buildPlan, type BuildPlanOptions } from '../../../compiler/plan/build-plan.js';
import type { Plan } from '../../../compiler/plan/types.js';
import { lower } from './ast-builder.js';

export function tryPlan(ast: PipelineAst, opts: Partial<BuildPlanOptions> = {}): Result<Plan> {
  return buildPlan(lower(ast), {
    sources: ast.sources,
    sourceFile: 'main.aug',
    compilerVersion: '0.1.0',
    ...opts,
  });
}

export function makePlan(ast: PipelineAst, opts: Partial<BuildPlanOptions> = {}): Plan {
  const { value, diagnostics } = tryPlan(ast, opts);
  if (!value) throw new Error(`buildPlan failed: ${JSON.stringify(diagnostics)}`);
  return value;
}
