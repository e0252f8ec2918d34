import type { ParamValue } from '../ast/types.js';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import type { PlanParamValue } from '../plan/types.js';

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
