import type { InputDecl, OutputDecl, PipelineAst, RetryDecl, TargetDecl } from '../ast/types.js';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import type { PlanParamValue, PlanRetry, PlanTarget } from '../plan/types.js';
import { inputEncodingOf } from '../ast/input-format.js';
import { DEFAULTS, DEFAULT_RETRY } from './defaults.js';
import { findTarget } from '../targets/catalog.js';
import { originOf, toTargetOptionValue, uncheckedAst } from './param-value.js';
import type { Ir, IrChunk, IrInput } from './types.js';

export function lowerInput(
  decl: InputDecl | undefined,
  ast: PipelineAst,
  diagnostics: Diagnostic[],
): IrInput | undefined {
  if (!decl) {
    diagnostics.push(uncheckedAst('the pipeline has no `input`', ast.name.span));
    return undefined;
  }
  const { format } = inputEncodingOf(decl.uri.value, decl.format?.value);
  if (!format) {
    diagnostics.push(
      uncheckedAst(`cannot tell the format of input \`${decl.uri.value}\``, decl.uri.span),
    );
    return undefined;
  }
  return {
    uri: decl.uri.value,
    format,
    ...(decl.id ? { id: decl.id.value } : {}),
    text: decl.text.map((t) => t.value),
    ...(decl.features ? { features: decl.features.map((f) => f.value) } : {}),
    ...(decl.label ? { label: decl.label.value } : {}),
    keep: decl.keep.map((k) => k.value),
    protect: decl.protect.map((p) => p.value),
    protectKeywords: decl.protectKeywords.map((w) => w.value),
    onBadRow: decl.onBadRow?.value ?? DEFAULTS.onBadRow,
  };
}

export function lowerOutput(
  decl: OutputDecl | undefined,
  ast: PipelineAst,
  diagnostics: Diagnostic[],
): Ir['output'] | undefined {
  if (!decl) {
    diagnostics.push(uncheckedAst('the pipeline has no `output`', ast.name.span));
    return undefined;
  }
  return { uri: decl.uri.value, format: decl.format?.value ?? DEFAULTS.outputFormat };
}

export function lowerQuality(ast: PipelineAst): Ir['quality'] {
  const q = ast.quality;
  return {
    measure: q?.measure?.value ?? DEFAULTS.quality.measure,
    min: q?.min?.value ?? DEFAULTS.quality.min,
    max: q?.max?.value ?? DEFAULTS.quality.max,
    // Only `true` is recorded: `false` is the default, and plans without the key stay the same.
    ...(q?.caseSensitive?.value === true ? { caseSensitive: true as const } : {}),
    ...(q?.minKept !== undefined ? { minKept: q.minKept.value } : {}),
  };
}

export function lowerChunk(ast: PipelineAst): IrChunk {
  const c = ast.chunk;
  if (!c) return { mode: 'count', count: DEFAULTS.chunkCount };
  return c.kind === 'rows'
    ? { mode: 'rows', rows: c.rows.value }
    : { mode: 'count', count: c.count.value };
}

export function lowerRetry(decl: RetryDecl | undefined): PlanRetry {
  if (!decl) return structuredClone(DEFAULT_RETRY) as PlanRetry;
  const b = decl.backoff;
  const def = DEFAULT_RETRY.backoff as Extract<PlanRetry['backoff'], { kind: 'exponential' }>;
  const backoff: PlanRetry['backoff'] =
    b === undefined
      ? { ...def }
      : b.kind === 'fixed'
        ? { kind: 'fixed', delaySeconds: b.delaySeconds.value }
        : {
            kind: 'exponential',
            baseSeconds: b.baseSeconds.value,
            maxSeconds: b.maxSeconds?.value ?? def.maxSeconds,
            factor: b.factor?.value ?? def.factor,
          };
  const on: PlanRetry['on'] =
    decl.on.length === 0
      ? (structuredClone(DEFAULT_RETRY.on) as PlanRetry['on'])
      : decl.on.map((c) =>
          c.kind === 'exit'
            ? { kind: 'exit', code: c.code }
            : c.kind === 'signal'
              ? { kind: 'signal', signal: c.signal }
              : { kind: c.kind },
        );
  return {
    attempts: decl.attempts?.value ?? DEFAULT_RETRY.attempts,
    backoff,
    on,
    escalate: decl.escalate.map((e) => ({ resource: e.resource.value, factor: e.factor.value })),
  };
}

/** The pipeline's targets; each option in the plan's units, with where its value came from. */
export function lowerTargets(
  decls: readonly TargetDecl[],
  profileSpan: Span | undefined,
  diagnostics: Diagnostic[],
): PlanTarget[] {
  return decls.map((t) => {
    const options: Record<string, PlanParamValue> = {};
    const origins: Record<string, string> = {};
    const specs = findTarget(t.name.value)?.options ?? [];
    for (const opt of t.options) {
      const type = specs.find((o) => o.name === opt.name.value)?.type;
      const value = toTargetOptionValue(opt.value.value, type);
      if (value === undefined) {
        diagnostics.push(
          uncheckedAst(
            `target option \`${opt.name.value}\` has an unsupported value`,
            opt.value.span,
          ),
        );
      } else {
        options[opt.name.value] = value;
        origins[opt.name.value] = originOf(opt.value.span, profileSpan);
      }
    }
    return { name: t.name.value, options, origins };
  });
}
