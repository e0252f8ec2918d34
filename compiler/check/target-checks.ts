/**
 * What the target a plan is made for (`--target`) needs of the pipeline beyond resources
 * (chosen-target.ts): the options it cannot run without (AUG4020), and, for `gcp-batch`, a Google
 * accelerator for every GPU request (AUG4021). A target the file does not declare is judged with
 * no options, as in chosen-target.ts.
 */
import type { MethodDecl, PipelineAst, TargetDecl } from '../ast/types.js';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import { findTarget } from '../targets/catalog.js';
import { gcpGpuOf } from '../targets/gcp-accelerators.js';

function optionValue(target: TargetDecl | undefined, name: string): unknown {
  const found = target?.options.find((o) => o.name.value === name)?.value.value;
  return found && 'value' in found ? found.value : undefined;
}

function isSet(target: TargetDecl | undefined, name: string): boolean {
  const v = optionValue(target, name);
  return v !== undefined && v !== '';
}

const setHow = (target: string, option: string): string =>
  `set it in \`target ${target} { ${option} = "..." }\`, with \`--set target.${target}.${option}=...\`, in the config file's \`${target}:\` section or as \`AUGC_${target.toUpperCase().replaceAll('-', '_')}_${option.toUpperCase()}\``;

function missingOption(
  targetName: string,
  option: string,
  span: Span,
  why: string | undefined,
): Diagnostic {
  return {
    code: 'AUG4020',
    severity: 'error',
    message: `target \`${targetName}\` needs option \`${option}\``,
    span,
    ...(why !== undefined ? { notes: [why] } : {}),
    help: setHow(targetName, option),
  };
}

/** AUG4020 for each option the catalogue marks as required that the target leaves unset. */
function requiredOptions(ast: PipelineAst, name: string, decl: TargetDecl | undefined) {
  const span = decl?.span ?? ast.name.span;
  return (findTarget(name)?.required ?? [])
    .filter((option) => !isSet(decl, option))
    .map((option) => missingOption(name, option, span, undefined));
}

function gpuNeed(ast: PipelineAst, m: MethodDecl) {
  const gpus = m.resources?.gpus ?? ast.resources?.gpus;
  const type = m.resources?.gpuType ?? ast.resources?.gpuType;
  return { gpus, type };
}

/** gcp-batch: an image for every method (its own or the target's), a Google GPU for each request. */
function gcpBatchChecks(ast: PipelineAst, decl: TargetDecl | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const bare = ast.methods.find((m) => m.kind !== 'command' || m.image === undefined);
  if (bare && !isSet(decl, 'image'))
    out.push(
      missingOption(
        'gcp-batch',
        'image',
        decl?.span ?? ast.name.span,
        `method \`${bare.name.value}\` names no image of its own: its tasks run in the target's image, which must have \`augc\` on its PATH`,
      ),
    );
  const fallback = optionValue(decl, 'accelerator');
  for (const m of ast.methods) {
    const { gpus, type } = gpuNeed(ast, m);
    if (!gpus || gpus.value === 0) continue;
    const name = type?.value ?? (typeof fallback === 'string' ? fallback : undefined);
    const mapped = name === undefined ? undefined : gcpGpuOf(name, gpus.value);
    if (mapped?.ok) continue;
    out.push({
      code: 'AUG4021',
      severity: 'error',
      message: mapped
        ? mapped.message
        : `method \`${m.name.value}\` asks for GPUs without a \`gpu_type\`, and \`target gcp-batch\` names no \`accelerator\``,
      span: type?.span ?? gpus.span,
      help: 'use one of the GPU types in docs/runtimes/gcp-batch.md, or set `accelerator` in `target gcp-batch`',
    });
  }
  return out;
}

const TARGET_CHECKS: Readonly<
  Record<string, (ast: PipelineAst, decl: TargetDecl | undefined) => Diagnostic[]>
> = {
  'gcp-batch': gcpBatchChecks,
};

export function targetChecks(ast: PipelineAst, targetName: string): Diagnostic[] {
  const decl = ast.targets.find((t) => t.name.value === targetName);
  const specific = Object.hasOwn(TARGET_CHECKS, targetName) ? TARGET_CHECKS[targetName] : undefined;
  return [...requiredOptions(ast, targetName, decl), ...(specific?.(ast, decl) ?? [])];
}
