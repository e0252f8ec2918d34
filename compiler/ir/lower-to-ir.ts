import type { PipelineAst } from '../ast/types.js';
import { hasErrors, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import { findMethod } from '../../stdlib/catalog/index.js';
import { DEFAULTS, DEFAULT_RESOURCES } from './defaults.js';
import { expandCombos } from './expand-combos.js';
import { lowerMethods, resolveResources, type MethodLookup } from './lower-methods.js';
import {
  lowerChunk,
  lowerInput,
  lowerOutput,
  lowerQuality,
  lowerRetry,
  lowerTargets,
} from './lower-sections.js';
import { IR_VERSION, type Ir } from './types.js';
import { validateIr } from './validate-ir.js';

export type { Ir, IrChunk, IrCombo, IrInput, IrMethod } from './types.js';
export type { MethodLookup } from './lower-methods.js';

export interface LowerOptions {
  /** The catalogue lookup; defaults to stdlib's `findMethod` (tests pass their own). */
  findMethod?: MethodLookup;
}

/**
 * Lowers a checked AST to the IR: defaults filled in, aliases resolved, per-method and per-combo
 * resources computed and combos expanded, then validated against ir.schema.json. Meant to run
 * after the checks passed; anything they should have caught comes back as AUG3002.
 */
export function lowerToIr(ast: PipelineAst, opts: LowerOptions = {}): Result<Ir> {
  const diagnostics: Diagnostic[] = [];
  const maxTasks = ast.maxTasks?.value ?? DEFAULTS.maxTasks;
  const resources = resolveResources({ ...DEFAULT_RESOURCES }, ast.resources);
  const lowered = lowerMethods(ast.methods, resources, opts.findMethod ?? findMethod);
  diagnostics.push(...lowered.diagnostics);
  const input = lowerInput(ast.input, ast, diagnostics);
  const output = lowerOutput(ast.output, ast, diagnostics);
  const targets = lowerTargets(ast.targets, ast.profileSpan, diagnostics);
  if (hasErrors(diagnostics) || !input || !output) return { value: undefined, diagnostics };
  const expanded = expandCombos(ast.combos, lowered.methods, resources, maxTasks);
  diagnostics.push(...expanded.diagnostics);
  if (hasErrors(diagnostics)) return { value: undefined, diagnostics };
  const ir: Ir = {
    irVersion: IR_VERSION,
    pipeline: ast.name.value,
    seed: ast.seed?.value ?? DEFAULTS.seed,
    variants: ast.variants?.value ?? DEFAULTS.variants,
    maxTasks,
    input,
    output,
    methods: lowered.methods,
    combos: expanded.combos,
    quality: lowerQuality(ast),
    chunk: lowerChunk(ast),
    resources,
    retry: lowerRetry(ast.retry),
    targets,
  };
  diagnostics.push(...validateIr(ir));
  return { value: hasErrors(diagnostics) ? undefined : ir, diagnostics };
}
