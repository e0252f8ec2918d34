import { SET_FILE } from '../ast/apply-set.js';
import type { ParamValue } from '../ast/types.js';
import { DURATION_UNITS, MEMORY_UNITS } from '../ast/units.js';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import type { PlanParamValue } from '../plan/types.js';
import type { TargetOptionType } from '../targets/catalog.js';

/** Converts an AST parameter value to plan JSON; lists must hold strings or symbols only. */
export function toPlanValue(value: ParamValue): PlanParamValue | undefined {
  switch (value.type) {
    case 'string':
    case 'symbol':
    case 'number':
    case 'bool':
      return value.value;
    case 'list': {
      const items: string[] = [];
      for (const item of value.items) {
        const v = item.value;
        if (v.type !== 'string' && v.type !== 'symbol') return undefined;
        items.push(v.value);
      }
      return items;
    }
  }
}

/**
 * A target option's plan value: a `bytes` option in bytes and a `duration` option in seconds (the
 * plan schema says so), so that `max_memory = 64GiB` reaches the runtimes whole.
 */
export function toTargetOptionValue(
  value: ParamValue,
  type: TargetOptionType | undefined,
): PlanParamValue | undefined {
  if (value.type !== 'number' || (type !== 'bytes' && type !== 'duration')) {
    return toPlanValue(value);
  }
  const scale = (type === 'bytes' ? MEMORY_UNITS : DURATION_UNITS)[value.unit ?? ''];
  return scale === undefined ? undefined : Math.round(value.value * scale);
}

/**
 * Where a setting came from, read off its span: `--set`, a configured default's origin (its
 * synthetic file is `<origin>`), the selected profile's block, or else the pipeline.
 */
export function originOf(span: Span, profileSpan: Span | undefined): string {
  if (span.file === SET_FILE) return '--set';
  const synthetic = /^<(.+)>$/.exec(span.file);
  if (synthetic?.[1] !== undefined) return synthetic[1];
  const inProfile =
    profileSpan !== undefined &&
    span.file === profileSpan.file &&
    span.start >= profileSpan.start &&
    span.end <= profileSpan.end;
  return inProfile ? 'profile' : 'pipeline';
}

/** A diagnostic for an AST the checks should have rejected: lowering never guesses. */
export function uncheckedAst(message: string, span?: Span): Diagnostic {
  return {
    code: 'AUG3002',
    severity: 'error',
    message,
    ...(span ? { span } : {}),
    notes: ['this is a compiler bug: the semantic checks should have reported this first'],
  };
}
