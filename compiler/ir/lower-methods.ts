import type { CommandMethodDecl, ResourcesDecl, StdlibMethodDecl } from '../ast/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PlanParamValue, PlanResources } from '../plan/types.js';
import type { ResolvedMethod } from '../../stdlib/catalog/index.js';
import type { MethodDecl } from '../ast/types.js';
import type { IrMethod } from './types.js';
import { toPlanValue, uncheckedAst } from './param-value.js';

export type MethodLookup = (name: string) => ResolvedMethod | undefined;

/**
 * Overrides `base` per key with the values a `resources { }` block sets. Memory is rounded up to
 * whole bytes: `0.3GiB` is fractional and schedulers take integers.
 */
export function resolveResources(base: PlanResources, decl?: ResourcesDecl): PlanResources {
  const out: PlanResources = { ...base };
  if (!decl) return out;
  if (decl.cpus) out.cpus = decl.cpus.value;
  if (decl.memoryBytes) out.memoryBytes = Math.ceil(decl.memoryBytes.value);
  if (decl.gpus) out.gpus = decl.gpus.value;
  if (decl.gpuType) out.gpuType = decl.gpuType.value;
  if (decl.walltimeSeconds) out.walltimeSeconds = decl.walltimeSeconds.value;
  if (decl.queue) out.queue = decl.queue.value;
  if (decl.account) out.account = decl.account.value;
  return out;
}

/**
 * Lowers every method. A method needs a GPU when its catalogue entry says so or it asks for GPUs;
 * a catalogue GPU method that does not set `gpus` gets one, and an explicit `gpus = 0` makes it
 * run on CPU.
 */
export function lowerMethods(
  methods: readonly MethodDecl[],
  base: PlanResources,
  lookup: MethodLookup,
): { methods: IrMethod[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const out: IrMethod[] = [];
  for (const decl of methods) {
    const lowered =
      decl.kind === 'stdlib'
        ? lowerStdlib(decl, base, lookup, diagnostics)
        : lowerCommand(decl, base);
    if (lowered) out.push(lowered);
  }
  return { methods: out, diagnostics };
}

function lowerStdlib(
  decl: StdlibMethodDecl,
  base: PlanResources,
  lookup: MethodLookup,
  diagnostics: Diagnostic[],
): IrMethod | undefined {
  const resolved = lookup(decl.method.value);
  if (!resolved) {
    diagnostics.push(uncheckedAst(`unknown method \`${decl.method.value}\``, decl.method.span));
    return undefined;
  }
  const params = resolveParams(decl, resolved, diagnostics);
  const resources = resolveResources(base, decl.resources);
  const explicitGpus = decl.resources?.gpus !== undefined;
  const gpu = explicitGpus ? resources.gpus > 0 : resolved.spec.gpu || resources.gpus > 0;
  if (gpu && resources.gpus === 0) resources.gpus = 1;
  return {
    id: decl.name.value,
    kind: 'stdlib',
    method: resolved.spec.name,
    params,
    resources,
    labelSafe: resolved.spec.labelSafe,
    gpu,
  };
}

/** User params override alias defaults, which override the method's own defaults. */
function resolveParams(
  decl: StdlibMethodDecl,
  resolved: ResolvedMethod,
  diagnostics: Diagnostic[],
): Record<string, PlanParamValue> {
  const params: Record<string, PlanParamValue> = {};
  for (const spec of resolved.spec.params) {
    if (spec.default !== undefined) params[spec.name] = spec.default;
  }
  for (const [name, value] of Object.entries(resolved.aliasParams)) params[name] = value;
  for (const { name, value } of decl.params) {
    const converted = toPlanValue(value.value);
    if (converted === undefined) {
      diagnostics.push(
        uncheckedAst(`parameter \`${name.value}\` has an unsupported value`, value.span),
      );
    } else {
      params[name.value] = converted;
    }
  }
  // A parameter with neither a default nor `required` is optional: left out of the plan when not
  // given, so adding one to a method leaves existing plans (and their outputs) as they were.
  for (const spec of resolved.spec.params) {
    if (spec.required === true && !(spec.name in params)) {
      diagnostics.push(
        uncheckedAst(
          `required parameter \`${spec.name}\` of \`${decl.name.value}\` is missing`,
          decl.span,
        ),
      );
    }
  }
  return params;
}

/** A command is an arbitrary program: nothing vouches that it keeps labels intact. */
function lowerCommand(decl: CommandMethodDecl, base: PlanResources): IrMethod {
  const resources = resolveResources(base, decl.resources);
  const env: Record<string, string> = {};
  for (const e of decl.env) env[e.name.value] = e.value.value;
  return {
    id: decl.name.value,
    kind: 'command',
    params: {},
    argv: decl.argv.value,
    io: decl.io?.value ?? 'files',
    ...(decl.image ? { image: decl.image.value } : {}),
    env,
    passEnv: decl.passEnv.map((p) => p.value),
    resources,
    labelSafe: false,
    gpu: resources.gpus > 0,
  };
}
