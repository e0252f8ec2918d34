import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
// ir.schema.json compiled ahead of time (scripts/gen-validators.js): no ajv compile at start-up.
import validate from './ir-validator.generated.js';

/** Formats ajv errors as `path: message` lines, at most `limit` of them. */
export function formatAjvErrors(
  errors: readonly ErrorObject[] | null | undefined,
  limit = 5,
): string[] {
  const lines = (errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'is invalid'}`);
  const shown = [...new Set(lines)].slice(0, limit);
  if (lines.length > shown.length) shown.push(`... and ${lines.length - shown.length} more`);
  return shown;
}

/** Checks the IR against ir.schema.json; a failure is a compiler bug (AUG3001). */
export function validateIr(ir: unknown): Diagnostic[] {
  if (validate(ir)) return [];
  return [
    {
      code: 'AUG3001',
      severity: 'error',
      message: 'the lowered IR does not match its schema',
      notes: [
        'this is a compiler bug: please report it with the pipeline file',
        ...formatAjvErrors(validate.errors),
      ],
    },
  ];
}
